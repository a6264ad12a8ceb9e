/**
 * Ingesting a newer copy of IRCC's feed into the record: new rounds are added, changed values replace
 * the old ones and are appended to the change history (as ee-rounds.field-changes.json records them),
 * and rounds missing from the newer copy are kept (rounds 324 and 336 vanished from the feed for a few
 * hours and came back, PROVENANCE.md).
 * @module
 */
import { ExpressEntryError } from '../errors.js'
import { parseOrThrow } from '../schemas/issues.js'
import { fieldChangesSchema, rawFeedSchema, type FieldChange, type FieldChanges, type RawRound } from './feed.js'
import { compareRoundNumbers, parseRounds, type ParsedRecord, type PastRound } from './record.js'

/** The record as stored: the feed (IRCC's format) and its change history. */
export interface StoredRecord {
  readonly feed: unknown
  readonly changes?: unknown
}

/** One value a newer feed changed. */
export interface RoundChange {
  readonly number: string
  readonly field: string
  readonly old: string
  readonly new: string
}

export interface RoundsUpdate {
  /** The merged feed, newest round first like IRCC's; write it back as the record. */
  readonly feed: { readonly [key: string]: unknown; readonly rounds: readonly RawRound[] }
  /** The change history with this update's changes appended. */
  readonly changes: FieldChanges
  /** The merged record, parsed. */
  readonly record: ParsedRecord
  /** Rounds the newer feed added, oldest first. */
  readonly added: readonly PastRound[]
  readonly changed: readonly RoundChange[]
  /** Rounds of the record absent from the newer feed (kept). */
  readonly missing: readonly string[]
}

export interface UpdateOptions {
  /** When the newer feed was seen (ISO instant), recorded in the change history. */
  readonly seenAt?: string
  /** Where the newer feed came from (a file name or URL), recorded in the change history. */
  readonly source?: string
}

/**
 * Merges a newer feed into the stored record. Both are checked first (`invalid_input` names any
 * unreadable field of either). Pure: the caller writes the result.
 * @example
 * updateRounds({ feed: current }, newer).added.map((r) => r.number) //=> ['438']
 */
export function updateRounds(existing: StoredRecord, newerFeed: unknown, options: UpdateOptions = {}): RoundsUpdate {
  const current = parseOrThrow(rawFeedSchema, existing.feed)
  const history = existing.changes === undefined || existing.changes === null ? { changes: [] } : parseOrThrow(fieldChangesSchema, existing.changes, 'changes')
  parseRounds(newerFeed) // refuses a newer feed with unreadable values before anything is merged
  const newer = parseOrThrow(rawFeedSchema, newerFeed)
  refuseBrokenFeed(current.rounds, newer.rounds)

  const merged = new Map<string, RawRound>()
  for (const r of current.rounds) merged.set(r.drawNumber.trim(), r)
  const addedNumbers: string[] = []
  const changed: RoundChange[] = []
  const newerNumbers = new Set<string>()
  for (const r of newer.rounds) {
    const number = r.drawNumber.trim()
    newerNumbers.add(number)
    const old = merged.get(number)
    if (!old) {
      addedNumbers.push(number)
    } else {
      const fields = new Set([...Object.keys(old), ...Object.keys(r)])
      for (const field of fields) {
        const before = (old as Record<string, unknown>)[field]
        const after = (r as Record<string, unknown>)[field]
        if (after === undefined || before === after) continue
        changed.push({ number, field, old: before === undefined ? '' : String(before), new: String(after) })
      }
    }
    merged.set(number, r)
  }
  const missing = [...merged.keys()].filter((n) => !newerNumbers.has(n)).sort(compareRoundNumbers)
  const rounds = [...merged.values()].sort((a, b) => compareRoundNumbers(b.drawNumber.trim(), a.drawNumber.trim()))
  const appended: FieldChange[] = changed.map((c) => ({
    drawNumber: c.number,
    field: c.field,
    old: c.old,
    new: c.new,
    ...(options.seenAt === undefined ? {} : { seen_new_from: options.seenAt }),
    ...(options.source === undefined ? {} : { new_source: options.source }),
  }))
  const changes: FieldChanges = { ...history, changes: [...history.changes, ...appended] }
  const feed = { ...current, ...newer, rounds }
  const record = parseRounds(feed, changes)
  const addedSet = new Set(addedNumbers)
  return { feed, changes, record, added: record.rounds.filter((r) => addedSet.has(r.number)), changed, missing }
}

/** What identifies a round apart from its number: its date, name, size and lowest score as published. */
const identity = (r: RawRound): string => [r.drawDate, r.drawName, r.drawSize, r.drawCRS].map((v) => v.trim()).join('\u0000')

/**
 * Refuses a newer feed the record cannot be merged with by round number (`invalid_input`, nothing
 * written): one that lists no round (a placeholder served instead of the feed: merged, it would change
 * nothing yet say the record was seen whole), or one that numbers differently a round the record holds
 * (IRCC renumbered rounds: merged by number, each round would take another's date, name and values as
 * "edits", and the last would be kept twice).
 */
function refuseBrokenFeed(current: readonly RawRound[], newer: readonly RawRound[]): void {
  if (newer.length === 0) throw new ExpressEntryError('invalid_input', { issues: [{ path: 'rounds', message: `the feed lists no round (the record holds ${current.length}): not a copy of IRCC's feed; the record is left as it is` }] })
  // Numbers by identity (two rounds could share one: a set).
  const numbersOf = new Map<string, string[]>()
  for (const r of current) numbersOf.set(identity(r), [...(numbersOf.get(identity(r)) ?? []), r.drawNumber.trim()])
  const byNumber = new Map(current.map((r) => [r.drawNumber.trim(), r]))
  const issues: { path: string; message: string; value: string }[] = []
  newer.forEach((r, i) => {
    const number = r.drawNumber.trim()
    const was = numbersOf.get(identity(r))
    const old = byNumber.get(number)
    // The same round (date, name, size, lowest score) under another number, where the record holds that number for another round.
    if (was !== undefined && !was.includes(number) && (old === undefined || identity(old) !== identity(r))) {
      issues.push({ path: `rounds.${i}.drawNumber`, value: r.drawNumber, message: `round ${was.join(' or ')} of the record (${r.drawDate.trim()}, ${r.drawName.trim()}) is numbered ${number} in this feed: rounds renumbered; the record, kept by round number, is left as it is` })
    }
  })
  if (issues.length > 0) throw new ExpressEntryError('invalid_input', { issues: issues.slice(0, 20) })
}
