/**
 * The record as a server holds it (Node only): parsed once, read again when its file changes (a refresh
 * by this process, by the primary of a cluster or by `rounds update`), and said where it came from.
 * @module
 */
import { statSync } from 'node:fs'
import { changesPathFor, frenchLabelsPathFor, loadRecord } from './load.js'
import type { PastRound } from './record.js'
import { readRecordSource, type FeedFailureKind } from './refresh.js'

/** When the record was last refreshed and from where (GET /v1/rounds `record`). */
export interface RecordInfo {
  /** The URL or file it was last refreshed from. */
  readonly source: string | null
  /** When it was last refreshed (ISO instant), or null if nothing says. */
  readonly refreshedAt: string | null
  /** When the feed last answered a check (200 or 304). */
  readonly checkedAt: string | null
  /** The last instant the record is known to hold every round IRCC had published (null: not known). */
  readonly currentAsOf: string | null
  /** The last scheduled refresh that failed since the last that worked (null: none). */
  readonly lastFailure: { readonly at: string; readonly reason: string; readonly kind: FeedFailureKind | null } | null
  readonly rounds: number
  readonly lastRound: { readonly number: string; readonly date: string } | null
}

export interface LiveRecord {
  rounds(): readonly PastRound[]
  info(): RecordInfo
  /** Reads the files again now. */
  reload(): void
}

/** The modification times of the files a record is read from: the record, its change history and its French labels (each replaced whole by a refresh; the French labels after the record). */
function stampOf(recordPath: string): string {
  const record = statSync(recordPath).mtimeMs
  const other = (path: string): number => {
    try {
      return statSync(path).mtimeMs
    } catch {
      return -1
    }
  }
  return `${record}|${other(changesPathFor(recordPath))}|${other(frenchLabelsPathFor(recordPath))}`
}

/**
 * The record at `recordPath`, re-read when the modification time of its file, its change history or its French labels changes (checked at most every
 * `checkEveryMs`). A file that cannot be read or parsed keeps the last good record.
 */
export function liveRecord(recordPath: string, checkEveryMs = 5000): LiveRecord {
  let rounds: readonly PastRound[] = []
  let info: RecordInfo
  let mtime = ''
  let checked = 0
  const load = (): void => {
    const stamp = stampOf(recordPath)
    const parsed = loadRecord(recordPath)
    rounds = parsed.rounds
    const last = rounds.at(-1)
    info = { ...sourceInfo(), rounds: rounds.length, lastRound: last ? { number: last.number, date: last.date } : null }
    mtime = stamp
  }
  const sourceInfo = () => {
    const source = readRecordSource(recordPath)
    return {
      source: source?.source ?? null,
      refreshedAt: source?.refreshedAt ?? null,
      checkedAt: source?.checkedAt ?? null,
      currentAsOf: source?.currentAsOf ?? null,
      lastFailure: source?.lastFailure ? { at: source.lastFailure.at, reason: source.lastFailure.reason, kind: source.lastFailure.kind ?? null } : null,
    }
  }
  load()
  const fresh = (): void => {
    const now = Date.now()
    if (now - checked < checkEveryMs) return
    checked = now
    try {
      const stamp = stampOf(recordPath)
      // The source file changes alone on a 304 or a failure.
      if (stamp !== mtime) load()
      else info = { ...info, ...sourceInfo() }
    } catch {
      // Keep the last good record (a write in progress is renamed into place whole, so this is rare).
    }
  }
  return {
    rounds: () => (fresh(), rounds),
    info: () => (fresh(), info),
    reload: () => {
      checked = Date.now()
      load()
    },
  }
}
