/**
 * Keeping the record current from IRCC's feed (Node only): fetch the feed over HTTP(S) with a
 * conditional request (the ETag and Last-Modified of the last fetch, kept beside the record), a timeout
 * and a size limit; check the whole feed (updateRounds parses every round) before anything is written;
 * then replace the record, its change history and the fetch state, each by a temporary file renamed over
 * the old one, so a crash or a bad feed leaves the old record whole.
 * @module
 */
import { asStorageFailure } from '../store/failure.js'
import { existsSync, readFileSync } from 'node:fs'
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { z } from 'zod'
import { ExpressEntryError } from '../errors.js'
import { parseOrThrow } from '../schemas/issues.js'
import { rawFeedSchema } from './feed.js'
import { changesPathFor, frenchLabelsPathFor, readFrenchLabels, readRecordFiles, shippedRecordPath } from './load.js'
import { compareRoundNumbers, type PastRound } from './record.js'
import { updateRounds, type RoundChange, type RoundsUpdate } from './update.js'

/** IRCC's rounds feed in English (the labels the record reads). */
export const IRCC_FEED_URL = 'https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json'
/** The same feed with IRCC's French labels. */
export const IRCC_FEED_URL_FR = 'https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_fr.json'

/** The feed is about 2 MB (448 rounds); anything over this limit is refused unread. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
export const DEFAULT_TIMEOUT_MS = 30_000

/** Why a fetch of the feed failed; the record is left as it was. */
/**
 * What kind of failure a refresh met, so that a page can say it in its reader's language (the reason
 * itself is English, with the details): the feed could not be reached, did not answer in time, answered
 * an HTTP error, was too large, was cut short, was not the JSON feed; or it was read and refused (a feed
 * with no rounds, renumbered rounds: history/update.ts).
 */
export const FEED_FAILURE_KINDS = ['unreachable', 'timeout', 'http', 'too_large', 'cut_short', 'not_feed', 'refused'] as const
export type FeedFailureKind = (typeof FEED_FAILURE_KINDS)[number]

export class FeedFetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly kind: Exclude<FeedFailureKind, 'refused'>,
    options?: { cause?: unknown },
  ) {
    super(`could not fetch the rounds feed from ${url}: ${reason}; the record is unchanged`, options)
    this.name = 'FeedFetchError'
  }
}

/** Where the record came from and when: kept beside the record (`x.json` -> `x.source.json`). */
export const recordSourceSchema = z.looseObject({
  /** The URL or file the record was last refreshed from. */
  source: z.string(),
  /** When the record was last refreshed (fetched and found current, or updated), ISO instant. */
  refreshedAt: z.string(),
  /** When the feed last answered (200 or 304), ISO instant. */
  checkedAt: z.string().optional(),
  /**
   * The last instant the record is known to hold every round IRCC had published: when its feed was last
   * seen whole (200 or 304); for a record updated from a file, the day of its newest round (the file's
   * own day is not known). Absent: not known. A forecast from a later day counts the rounds since as unseen.
   */
  currentAsOf: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** The last scheduled refresh that failed since the last one that did not (the server says so: a record that has stopped being kept current). */
  /** `kind` is absent in a file written before it was kept. */
  lastFailure: z.object({ at: z.string(), reason: z.string(), kind: z.enum(FEED_FAILURE_KINDS).optional() }).optional(),
})
export type RecordSource = z.output<typeof recordSourceSchema>

/**
 * Fetches IRCC's French feed and keeps its labels (drawName by round number) beside the record. The
 * French feed carries the same rounds; only its labels are read. Throws FeedFetchError or invalid_input;
 * the English record is not touched either way.
 */
export async function refreshFrenchLabels(recordPath: string, url: string = IRCC_FEED_URL_FR, options: FetchOptions = {}): Promise<number> {
  const fetched = await fetchFeed(url, options)
  if (fetched.status === 'not-modified') return readFrenchLabels(recordPath).size
  const feed = parseOrThrow(rawFeedSchema, fetched.feed)
  const labels: Record<string, string> = {}
  for (const r of feed.rounds) labels[r.drawNumber.trim()] = r.drawName.trim()
  await writeAtomically(frenchLabelsPathFor(recordPath), `${JSON.stringify({ source: url, fetchedAt: `${new Date().toISOString().slice(0, 19)}Z`, labels }, null, 1)}\n`)
  return feed.rounds.length
}

/** The French feed that goes with an English one: IRCC's with IRCC's (or none given), else none. */
export function frenchFeedFor(url: string | undefined): string | null {
  return url === undefined || url === IRCC_FEED_URL ? IRCC_FEED_URL_FR : null
}

/**
 * After a refresh of the English record: its French labels, when the English feed changed or they do
 * not name every round yet (a French feed that failed before, or the shipped few), even when the English
 * feed answered 304. Null when done or not due; the error's words when the French feed failed (the
 * English record stays refreshed either way).
 */
export async function refreshFrenchLabelsIfDue(recordPath: string, report: RefreshReport, frenchUrl: string, options: FetchOptions = {}): Promise<string | null> {
  if (report.notModified && readFrenchLabels(recordPath).size >= report.rounds) return null
  return refreshFrenchLabels(recordPath, frenchUrl, options).then(
    () => null,
    (e: Error) => e.message,
  )
}

/** The fetch state file that goes with a record file. */
export function sourcePathFor(recordPath: string): string {
  return recordPath.replace(/(\.json)?$/i, '.source.json')
}

/** Where the record at `recordPath` was last refreshed from, or null if nothing says. */
export function readRecordSource(recordPath: string): RecordSource | null {
  const path = sourcePathFor(recordPath)
  if (!existsSync(path)) return null
  try {
    const parsed = recordSourceSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

let temps = 0

/** Writes `text` to `path` by a temporary file renamed over it: readers see the old file or the new one. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  // Unique in this process too: two writes of one file in the same millisecond must not share a temporary file.
  const temp = `${path}.${process.pid}.${Date.now()}.${++temps}.tmp`
  try {
    await writeFile(temp, text, 'utf8')
    await rename(temp, path)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw asStorageFailure(e, `writing ${path} (left as it was)`) ?? new ExpressEntryError('storage_failure', { operation: `writing ${path} (left as it was)`, reason: e instanceof Error ? e.message : String(e) }, { cause: e })
  }
}

/** The lock file of a record (`x.json` -> `x.json.lock`): held while a process reads, merges and writes it. */
export function lockPathFor(recordPath: string): string {
  return `${recordPath}.lock`
}

/** A lock older than this is taken as left by a process that died (a merge and its writes take well under a second). */
const STALE_LOCK_MS = 60_000

/** Whether the process `pid` of this machine is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Runs `fn` holding the record's lock, so that two processes refreshing one record (the server and
 * `watch`, or `rounds update`) merge one after the other: each reads the record the other wrote, and
 * neither writes back a record merged from files the other was replacing (a round lost, a change
 * recorded twice). The lock is a file created exclusively; one left by a dead process, or older than a
 * minute, is taken over. Waits at most `waitMs`, then fails as a storage failure, the record as it was.
 */
export async function withRecordLock<T>(recordPath: string, fn: () => Promise<T>, waitMs = 30_000): Promise<T> {
  const lock = lockPathFor(recordPath)
  const until = Date.now() + waitMs
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      try {
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`)
      } finally {
        await handle.close()
      }
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw asStorageFailure(e, `locking ${recordPath} (left as it was)`) ?? new ExpressEntryError('storage_failure', { operation: `locking ${recordPath} (left as it was)`, reason: (e as Error).message }, { cause: e })
      }
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
      const age = await stat(lock).then((st) => Date.now() - st.mtimeMs, () => 0)
      if ((Number.isInteger(holder) && holder > 0 && holder !== process.pid && !alive(holder)) || age > STALE_LOCK_MS) {
        await unlink(lock).catch(() => undefined)
        continue
      }
      if (Date.now() > until) throw new ExpressEntryError('storage_failure', { operation: `refreshing ${recordPath} (left as it was)`, reason: `another process${Number.isInteger(holder) ? ` (${holder})` : ''} has held ${lock} for ${Math.round(age / 1000)} s` })
      await new Promise((done) => setTimeout(done, 25 + Math.random() * 50))
    }
  }
  try {
    return await fn()
  } finally {
    await unlink(lock).catch(() => undefined)
  }
}

/** The feed written back in IRCC's layout, one round per line so changes diff by round. */
export function feedText(feed: { readonly [key: string]: unknown; readonly rounds: readonly unknown[] }): string {
  const { rounds, ...rest } = feed
  const head = Object.entries(rest).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('')
  return `{\n${head}    "rounds": [\n${rounds.map((r) => `        ${JSON.stringify(r)}`).join(',\n')}\n    ]\n}\n`
}

export interface FetchOptions {
  readonly timeoutMs?: number
  readonly maxBytes?: number
  readonly etag?: string | undefined
  readonly lastModified?: string | undefined
  /** Stops the fetch (a server shutting down): it fails with FeedFetchError, the record as it was. */
  readonly signal?: AbortSignal | undefined
}

export type FetchedFeed =
  | { readonly status: 'not-modified' }
  | { readonly status: 'ok'; readonly feed: unknown; readonly etag?: string; readonly lastModified?: string; readonly bytes: number }

/**
 * Fetches the feed at `url`: 304 when the ETag or date given still holds; otherwise the parsed JSON.
 * Throws FeedFetchError on a network error, a timeout, an HTTP error, a body over `maxBytes`, a body
 * cut short, or a body that is not JSON.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchedFeed> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'express-entry-engine (rounds update)' }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const stop = () => controller.abort()
  options.signal?.addEventListener('abort', stop, { once: true })
  if (options.signal?.aborted) controller.abort()
  const unanswered = (complete: string) => (options.signal?.aborted ? 'stopped before the feed answered' : `no ${complete}answer within ${timeoutMs} ms`)
  try {
    let response: Response
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' })
    } catch (e) {
      throw new FeedFetchError(url, controller.signal.aborted ? unanswered('') : `network error (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message})`, controller.signal.aborted ? 'timeout' : 'unreachable', { cause: e })
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined)
      return { status: 'not-modified' }
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined)
      throw new FeedFetchError(url, `HTTP ${response.status} ${response.statusText}`.trim(), 'http')
    }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined)
      throw new FeedFetchError(url, `the feed is ${declared} bytes, over the limit of ${maxBytes}`, 'too_large')
    }
    const chunks: Uint8Array[] = []
    let bytes = 0
    try {
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength
          if (bytes > maxBytes) {
            controller.abort()
            throw new FeedFetchError(url, `the feed is over the limit of ${maxBytes} bytes`, 'too_large')
          }
          chunks.push(chunk)
        }
      }
    } catch (e) {
      if (e instanceof FeedFetchError) throw e
      throw new FeedFetchError(url, controller.signal.aborted ? unanswered('complete ') : `the answer was cut short after ${bytes} bytes`, controller.signal.aborted ? 'timeout' : 'cut_short', { cause: e })
    }
    // Content-Length counts the bytes sent: for a compressed answer (Content-Encoding: gzip, which fetch
    // asks for and undoes) that is the compressed size, not the size of the feed read here; a compressed
    // body cut short fails in the decompression above instead.
    const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase()
    if (Number.isFinite(declared) && (encoding === '' || encoding === 'identity') && bytes !== declared) throw new FeedFetchError(url, `the answer was cut short: ${bytes} of ${declared} bytes`, 'cut_short')
    const text = decodeFeed(Buffer.concat(chunks), response.headers.get('content-type'))
    let feed: unknown
    try {
      feed = JSON.parse(text)
    } catch (e) {
      // An error or maintenance page served with 200 (a CDN, a login wall): say so rather than quote a JSON parser.
      if (/^\s*</.test(text)) throw new FeedFetchError(url, `the answer is an HTML page (${response.headers.get('content-type') ?? 'no content type'}), not the JSON feed: ${JSON.stringify(htmlTitle(text))}`, 'not_feed', { cause: e })
      throw new FeedFetchError(url, `the answer is not valid JSON (${(e as Error).message})`, 'not_feed', { cause: e })
    }
    const etag = response.headers.get('etag') ?? undefined
    const lastModified = response.headers.get('last-modified') ?? undefined
    return { status: 'ok', feed, bytes, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', stop)
  }
}

/** The title of an HTML page (or its first words), to say what was served instead of the feed. */
function htmlTitle(html: string): string {
  const title = /<title[^>]*>([^<]*)</i.exec(html)?.[1]
  const words = (title ?? html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
  return words.length > 80 ? `${words.slice(0, 80)}…` : words
}

/**
 * The feed's bytes as text. IRCC's feeds declare no charset (`application/json`), and copies of the French
 * one have been seen both in Windows-1252 (September 2026) and in UTF-8 (October 2026), where "Métiers"
 * read the wrong way comes out "M�tiers" or "MÃ©tiers". So: a charset the answer declares, else UTF-8 when
 * the bytes are valid UTF-8 (a BOM dropped), else Windows-1252 (accented Windows-1252 text is almost never
 * valid UTF-8).
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null = null): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes)
    } catch {
      // An unknown label: read the bytes as below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Node's TextDecoder('windows-1252') reads 0x80-0x9F as Latin-1's control codes, not as the
    // Encoding Standard's Windows-1252 (’ is 0x92, – 0x96, œ 0x9C): those 32 are mapped here.
    return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]!)
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252). */
const WINDOWS_1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** What a refresh did. */
export interface RefreshReport {
  readonly record: string
  readonly source: string
  /** True when the feed answered 304 Not Modified (nothing read, nothing changed). */
  readonly notModified: boolean
  readonly written: boolean
  readonly rounds: number
  readonly added: readonly PastRound[]
  /** Values IRCC changed in rounds already in the record (field, old, new). */
  readonly changed: readonly RoundChange[]
  readonly missing: readonly string[]
  /** Rounds of the feed whose label names no category version this engine knows (kept as category rounds of unknown version). */
  readonly unknownLabels: readonly { readonly number: string; readonly date: string; readonly label: string }[]
  readonly refreshedAt: string
}

export interface RefreshOptions extends Omit<FetchOptions, 'etag' | 'lastModified'> {
  /** The feed's address (default: IRCC's English feed). */
  readonly url?: string
  /** Report only; write nothing. */
  readonly dryRun?: boolean
  /** The time of the refresh (tests); default now. */
  readonly now?: () => Date
}

const isoNow = (now: () => Date): string => `${now().toISOString().slice(0, 19)}Z`

/** The rounds of an update whose label is a category of no known version. */
export function unknownLabelsOf(rounds: readonly PastRound[]): RefreshReport['unknownLabels'] {
  return rounds.filter((r) => r.type === 'category' && (r.categoryId ?? null) === null).map((r) => ({ number: r.number, date: r.date, label: r.label }))
}

/**
 * Merges `newer` (a feed already read) into the record at `recordPath` and writes the result: the
 * change history first, then the record, then where it came from, each replaced atomically.
 * A record path that does not exist yet starts as a copy of the shipped record.
 */
export async function applyFeed(recordPath: string, newer: unknown, source: string, options: { dryRun?: boolean; now?: () => Date; fetched?: Partial<RecordSource> } = {}): Promise<{ update: RoundsUpdate; report: RefreshReport }> {
  // Read, merged and written under the record's lock: another process refreshing it meanwhile goes before or after, whole.
  return options.dryRun ? mergeFeed(recordPath, newer, source, options) : withRecordLock(recordPath, () => mergeFeed(recordPath, newer, source, options))
}

/** Whether the newer feed stops before the record's newest round (a round above all the feed holds is missing from it). */
function feedBehind(update: RoundsUpdate): boolean {
  if (update.missing.length === 0) return false
  const missing = new Set(update.missing)
  const newestInFeed = update.record.rounds.filter((r) => !missing.has(r.number)).at(-1)
  return newestInFeed === undefined || update.missing.some((n) => compareRoundNumbers(n, newestInFeed.number) > 0)
}

async function mergeFeed(recordPath: string, newer: unknown, source: string, options: { dryRun?: boolean; now?: () => Date; fetched?: Partial<RecordSource> }): Promise<{ update: RoundsUpdate; report: RefreshReport }> {
  const now = options.now ?? (() => new Date())
  const base = existsSync(recordPath) ? recordPath : shippedRecordPath()
  const { feed, changes } = readRecordFiles(base)
  const seenAt = isoNow(now)
  // Checks both feeds whole before anything is written (invalid_input names each unreadable field).
  const update = updateRounds(changes === null ? { feed } : { feed, changes }, newer, { seenAt, source })
  const changedAnything = update.added.length > 0 || update.changed.length > 0 || base !== recordPath
  const written = !options.dryRun
  if (written) {
    if (changedAnything) {
      // The record and its change history go together: when the record cannot be written, the history
      // is put back as it was (or removed, if there was none), so neither is left ahead of the other.
      const changesPath = changesPathFor(recordPath)
      const previousChanges = existsSync(changesPath) ? readFileSync(changesPath, 'utf8') : null
      await writeAtomically(changesPath, `${JSON.stringify(update.changes, null, 1)}\n`)
      try {
        await writeAtomically(recordPath, feedText(update.feed))
      } catch (e) {
        if (previousChanges === null) await unlink(changesPath).catch(() => undefined)
        else await writeAtomically(changesPath, previousChanges).catch(() => undefined)
        throw e
      }
    }
    // Whole at least to its newest round, and to whenever the feed was last seen whole before.
    const newest = update.record.rounds.at(-1)
    const before = readRecordSource(base)?.currentAsOf
    const atNewest = newest ? `${newest.date}T00:00:00Z` : undefined
    const currentAsOf = before !== undefined && (atNewest === undefined || before > atNewest) ? before : atNewest
    // A feed that lacks the record's newest rounds is an older copy (a cache): seen whole, it still
    // says nothing of today, so the record is not called current to the instant it was fetched.
    const { currentAsOf: fetchedCurrent, ...fetched } = options.fetched ?? {}
    const behind = feedBehind(update)
    const state: RecordSource = { source, refreshedAt: seenAt, checkedAt: seenAt, ...fetched, ...(behind || !fetchedCurrent ? (currentAsOf ? { currentAsOf } : {}) : { currentAsOf: fetchedCurrent }) }
    await writeAtomically(sourcePathFor(recordPath), `${JSON.stringify(state, null, 1)}\n`)
  }
  const report: RefreshReport = {
    record: recordPath,
    source,
    notModified: false,
    written: written && changedAnything,
    rounds: update.record.rounds.length,
    added: update.added,
    changed: update.changed,
    missing: update.missing,
    unknownLabels: unknownLabelsOf(update.added.length > 0 || update.changed.length > 0 ? update.record.rounds.filter((r) => update.added.includes(r) || update.changed.some((c) => c.number === r.number)) : []),
    refreshedAt: seenAt,
  }
  return { update, report }
}

/**
 * Fetches the feed (default IRCC's) and brings the record at `recordPath` up to date. A 304 leaves the
 * record as it is and notes the check; any failure (FeedFetchError, invalid_input) leaves every file
 * as it was.
 * @example
 * const report = await refreshRecord('ee-rounds.json', { url: 'http://localhost:8081/feed.json' })
 * report.added.map((r) => r.number)
 */
export async function refreshRecord(recordPath: string, options: RefreshOptions = {}): Promise<RefreshReport> {
  const url = options.url ?? IRCC_FEED_URL
  const now = options.now ?? (() => new Date())
  const previous = existsSync(recordPath) ? readRecordSource(recordPath) : null
  // Conditional headers only for the same address, and only when the record file is the one fetched.
  const conditional = previous && previous.source === url ? previous : null
  const fetched = await fetchFeed(url, { ...options, etag: conditional?.etag, lastModified: conditional?.lastModified })
  if (fetched.status === 'not-modified') {
    const at = isoNow(now)
    if (!options.dryRun && previous) {
      await withRecordLock(recordPath, async () => {
        // Read again under the lock: another process may have refreshed the record since.
        const { lastFailure: _cleared, ...state } = readRecordSource(recordPath) ?? previous
        await writeAtomically(sourcePathFor(recordPath), `${JSON.stringify({ ...state, refreshedAt: at, checkedAt: at, currentAsOf: at }, null, 1)}\n`)
      })
    }
    const rounds = readRecordFiles(recordPath)
    const count = Array.isArray((rounds.feed as { rounds?: unknown[] }).rounds) ? (rounds.feed as { rounds: unknown[] }).rounds.length : 0
    return { record: recordPath, source: url, notModified: true, written: false, rounds: count, added: [], changed: [], missing: [], unknownLabels: [], refreshedAt: at }
  }
  // Seen whole just now: every round IRCC had published is in it.
  const state: Partial<RecordSource> = { currentAsOf: isoNow(now), ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}) }
  const { report } = await applyFeed(recordPath, fetched.feed, url, { ...(options.dryRun ? { dryRun: true } : {}), now, fetched: state })
  return report
}

/**
 * Notes beside the record that a scheduled refresh failed (`lastFailure` in its source file; the next
 * refresh that works clears it). Nothing is noted for a record with no source file.
 */
export async function noteRefreshFailure(recordPath: string, failure: unknown, now: () => Date = () => new Date()): Promise<void> {
  const { reason, kind } = refreshFailureOf(failure)
  await withRecordLock(recordPath, async () => {
    const previous = readRecordSource(recordPath)
    if (!previous) return
    await writeAtomically(sourcePathFor(recordPath), `${JSON.stringify({ ...previous, lastFailure: { at: isoNow(now), reason, kind } }, null, 1)}\n`)
  })
}

/** Why a refresh failed, and its kind: a feed that could not be fetched, or one read and refused. */
export function refreshFailureOf(failure: unknown): { reason: string; kind: FeedFailureKind } {
  if (failure instanceof FeedFetchError) return { reason: failure.reason, kind: failure.kind }
  return { reason: failure instanceof Error ? failure.message : String(failure), kind: 'refused' }
}

/** Parses a period such as `6h`, `30m`, `1d` or `90s` into milliseconds; null if unreadable. */
export function parsePeriod(text: string): number | null {
  const m = /^(\d{1,6})\s*(s|m|h|d)$/.exec(text.trim())
  if (!m) return null
  const n = Number(m[1])
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd']
  return n > 0 ? n * unit : null
}
