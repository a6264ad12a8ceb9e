/**
 * The record `npm start` keeps current. Refreshing the shipped data/ee-rounds.json in place would edit a
 * tracked file of the checkout (a later `git pull` of newer data would then conflict), so the product
 * refreshes a working copy kept beside its database, started from the shipped record and started again
 * from it whenever the shipped one holds a round the copy does not (a newer version of the product).
 * @module
 */
import { copyFile, rename, unlink } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { changesPathFor, frenchLabelsPathFor, loadRecord, shippedRecordPath, trackRecordPathFor } from './load.js'
import { sourcePathFor } from './refresh.js'
import type { PastRound } from './record.js'

/** Why the working copy was (re)made from the shipped record; null: it was kept. */
export type WorkingCopyReason = 'absent' | 'unreadable' | 'behind'

export interface WorkingCopyReport {
  readonly path: string
  readonly copiedBecause: WorkingCopyReason | null
  /** Rounds in the working copy now. */
  readonly rounds: number
  /** The newest round's date in it. */
  readonly newest: string | null
}

/** The newest round of a record (rounds are oldest first). */
const newestOf = (rounds: readonly PastRound[]): PastRound | null => rounds.at(-1) ?? null

/**
 * Makes sure `workingPath` holds a record at least as current as the shipped one: copies the shipped
 * record, its change history, fetch state and French labels there when the copy is absent, does not
 * parse, or lacks a round the shipped record holds. A copy ahead of the shipped one (refreshed from the
 * feed) is kept; one made again loses only rounds the next refresh fetches back. Each file is copied to a temporary name and renamed into place, the
 * record last, so a crash leaves the old copy (made again on the next start) or the new one.
 */
export async function ensureWorkingRecord(workingPath: string, shippedPath: string = shippedRecordPath()): Promise<WorkingCopyReport> {
  const shipped = loadRecord(shippedPath).rounds
  let reason: WorkingCopyReason | null = null
  if (!existsSync(workingPath)) reason = 'absent'
  else {
    let working: readonly PastRound[] | null = null
    try {
      working = loadRecord(workingPath).rounds
    } catch {
      reason = 'unreadable'
    }
    if (working) {
      const numbers = new Set(working.map((r) => r.number))
      if (shipped.some((r) => !numbers.has(r.number))) reason = 'behind'
    }
  }
  if (reason !== null) {
    for (const companion of [changesPathFor, sourcePathFor, frenchLabelsPathFor]) {
      if (existsSync(companion(shippedPath))) await copyAtomically(companion(shippedPath), companion(workingPath))
    }
    await copyAtomically(shippedPath, workingPath)
    // Measured on the copy it replaces; the shipped one goes with this copy.
    await unlink(trackRecordPathFor(workingPath)).catch(() => undefined)
  }
  // A copy kept that has no French labels takes the shipped ones (a refresh that reaches IRCC's French feed
  // replaces them): a copy made by a version that shipped none would otherwise show no French name until then.
  if (reason === null && !existsSync(frenchLabelsPathFor(workingPath)) && existsSync(frenchLabelsPathFor(shippedPath))) {
    await copyAtomically(frenchLabelsPathFor(shippedPath), frenchLabelsPathFor(workingPath))
  }
  const now = reason === null ? loadRecord(workingPath).rounds : shipped
  return { path: workingPath, copiedBecause: reason, rounds: now.length, newest: newestOf(now)?.date ?? null }
}

async function copyAtomically(from: string, to: string): Promise<void> {
  const temp = `${to}.${process.pid}.tmp`
  try {
    await copyFile(from, temp)
    await rename(temp, to)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
}
