/**
 * The record of past rounds: IRCC's feed (feed.ts) read into typed rounds, tolerating every anomaly
 * listed in data/ee-rounds.PROVENANCE.md. Pure: the JSON comes in as a value (load.ts reads the
 * shipped files in Node; the web app bundles them).
 * @module
 */
import { toDayNumber, type IsoDate, type IsoInstant } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import { parseOrThrow } from '../schemas/issues.js'
import { CRS_RANGES, distributionMismatches, type PoolDistribution } from './distribution.js'
import { fieldChangesSchema, rawFeedSchema, type FieldChange, type RawRound } from './feed.js'
import { FEDERAL_PROGRAMS, PROGRAMS, type ProgramId, type RoundType } from '../schemas/common.js'
import { kindOfRound, programsCovered } from './labels.js'
import { parseDrawDate, parsePublishedDate, parsePublishedInstant } from './published-dates.js'

/** A past round of invitations, as IRCC published it. */
export interface PastRound {
  /** The round number as a string: IRCC split round 91 into "91a" and "91b". */
  readonly number: string
  readonly date: IsoDate
  /** When the round was run (UTC). */
  readonly at: IsoInstant
  /** True when no time of the round was published (or it was unreadable): `at` is noon UTC of its date. */
  readonly atAssumed?: true
  /**
   * The round's name as first published (e.g. "STEM occupations (2023-1)" for round 254), taken from
   * the change history when IRCC later renamed it; otherwise as in the feed.
   */
  readonly label: string
  /** The name in the current feed (e.g. "STEM occupations (Version 1)"). */
  readonly feedLabel: string
  /** The name in IRCC's French feed, when it was fetched (`rounds update --french`). */
  readonly labelFr?: string
  readonly type: RoundType
  /** The program, for a program-specific round. */
  readonly program?: ProgramId
  /** The category id (data/categories.json) and version, for a category-based round; null if unknown. */
  readonly categoryId?: string | null
  readonly categoryVersion?: string | null
  /** Programs whose candidates the round could invite (`drawText2`). */
  readonly programs: readonly ProgramId[]
  /** Invitations issued. */
  readonly size: number
  /** CRS score of the lowest-ranked candidate invited. */
  readonly lowestScore: number
  /**
   * The tie-breaking rule: of the candidates at `lowestScore`, those who submitted their profile at or
   * before this instant were invited. Null where none was published (rounds 1-76).
   */
  readonly tieBreakCutoff: IsoInstant | null
  /** The pool's score distribution published with the round; null where IRCC published none (all zeros). */
  readonly distribution: PoolDistribution | null
  readonly distributionAsOf: IsoDate | null
}

/** An anomaly of the feed the parser met and how it read it. */
export interface RecordNote {
  readonly number: string
  readonly field: string
  readonly value: string
  readonly note: string
}

/** The parsed record and the anomalies met on the way. */
export interface ParsedRecord {
  /** Oldest first (the feed runs newest first). */
  readonly rounds: readonly PastRound[]
  readonly notes: readonly RecordNote[]
}

class RecordError {
  readonly issues: { path: string; message: string; value: string }[] = []
  add(index: number, field: string, value: string, message: string): void {
    this.issues.push({ path: `rounds.${index}.${field}`, message: `${message} (got ${JSON.stringify(value)})`, value })
  }
}

/** Reads "5,000" or "486" as a whole number; null if it is not one. */
export function parseCount(value: string): number | null {
  const trimmed = value.trim()
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(trimmed)) return null
  return Number(trimmed.replaceAll(',', ''))
}

/** Compares round numbers: 91 < 91a < 91b < 92. */
export function compareRoundNumbers(a: string, b: string): number {
  const na = Number.parseInt(a, 10)
  const nb = Number.parseInt(b, 10)
  if (na !== nb) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The first published value of each field IRCC later changed: drawNumber -> field -> value. A field
 * changed twice (A -> B, then B -> C) goes back to the start of the chain, A.
 */
function firstValues(changes: readonly FieldChange[]): Map<string, Map<string, string>> {
  const chains = new Map<string, FieldChange[]>()
  for (const c of changes) {
    const key = `${c.drawNumber}\u0000${c.field}`
    const list = chains.get(key)
    if (list) list.push(c)
    else chains.set(key, [c])
  }
  const first = new Map<string, Map<string, string>>()
  for (const list of chains.values()) {
    const news = new Set(list.map((c) => c.new))
    const root = list.find((c) => !news.has(c.old)) ?? list[0]!
    let fields = first.get(root.drawNumber)
    if (!fields) first.set(root.drawNumber, (fields = new Map()))
    fields.set(root.field, root.old)
  }
  return first
}

function parseRound(raw: RawRound, index: number, firstNames: Map<string, Map<string, string>>, notes: RecordNote[], errors: RecordError): PastRound | null {
  const number = raw.drawNumber.trim()
  const note = (field: string, value: string, text: string) => notes.push({ number, field, value, note: text })
  if (!/^\d+[a-z]?$/.test(number)) {
    errors.add(index, 'drawNumber', raw.drawNumber, 'expected a round number such as "254" or "91a"')
    return null
  }
  const drawDate = parseDrawDate(raw.drawDate, raw.drawDateFull)
  if (!drawDate) {
    errors.add(index, 'drawDate', raw.drawDate, 'expected a date YYYY-MM-DD (or one agreeing with drawDateFull)')
    return null
  }
  if (drawDate.note) note('drawDate', raw.drawDate, drawDate.note)
  const date = drawDate.date

  const at = parsePublishedInstant(raw.drawDateTime, date)
  let instant: IsoInstant
  let atAssumed = false
  if (at) {
    instant = at.instant
    if (at.yearInferred) note('drawDateTime', raw.drawDateTime, `no year; read as ${instant}`)
    const apart = toDayNumber(instant.slice(0, 10)) - toDayNumber(date)
    if (apart === 1) {
      // Early rounds ran at midnight UTC, the evening before in Ottawa: drawDate is Ottawa's date.
    } else if (apart !== 0) {
      // Round 357 (2025-07-22, pool as of July 20) reads "July 12, 2025 at 16:27:45 UTC": a typo in
      // the day. The date in words and drawDate agree, so they win and the time of day is kept.
      const fixed: IsoInstant = `${date}${instant.slice(10)}`
      note('drawDateTime', raw.drawDateTime, `date ${instant.slice(0, 10)} disagrees with drawDate ${date}; read as ${fixed}`)
      instant = fixed
    }
  } else {
    // A round whose time cannot be read still happened on its date: noon UTC stands in, and says so.
    instant = `${date}T12:00:00Z`
    atAssumed = true
    note('drawDateTime', raw.drawDateTime, raw.drawDateTime.trim() === '' ? `not published; ${instant} assumed` : `unreadable; ${instant} assumed`)
  }

  let tieBreakCutoff: IsoInstant | null = null
  if (raw.drawCutOff.trim() !== '') {
    const cut = parsePublishedInstant(raw.drawCutOff, date)
    if (!cut) {
      note('drawCutOff', raw.drawCutOff, 'unreadable; no tie-break cut-off')
    } else {
      tieBreakCutoff = cut.instant
      if (cut.yearInferred) note('drawCutOff', raw.drawCutOff, `no year; read as ${cut.instant}, the latest such date not after the round`)
      if (tieBreakCutoff > instant) {
        // Round 335 once read "November 14, 2025" for a round of 2025-02-05 (IRCC fixed it to 2024).
        // A cut-off cannot follow its round: a year later than the round is a typo for a year earlier.
        const year = Number(tieBreakCutoff.slice(0, 4))
        const earlier: IsoInstant = `${String(year - 1).padStart(4, '0')}${tieBreakCutoff.slice(4)}`
        const fixed = parsePublishedDate(earlier.slice(0, 10)) !== null && earlier <= instant ? earlier : null
        note('drawCutOff', raw.drawCutOff, fixed ? `after the round (${instant}); read as ${fixed}` : `after the round (${instant}); kept as published`)
        if (fixed) tieBreakCutoff = fixed
      }
    }
  }

  const size = parseCount(raw.drawSize)
  if (size === null) errors.add(index, 'drawSize', raw.drawSize, 'expected a whole number of invitations, e.g. "5,000"')
  const lowestScore = parseCount(raw.drawCRS)
  if (lowestScore === null || lowestScore > 1200) errors.add(index, 'drawCRS', raw.drawCRS, 'expected a CRS score 0-1200')

  const counts: number[] = []
  // A distribution with empty fields is not published (yet): read as none, never as zeros in those bands.
  const empty = CRS_RANGES.filter((r) => raw[r.dd].trim() === '').map((r) => r.dd)
  if (empty.length > 0) note(empty[0]!, '', `${empty.length === CRS_RANGES.length ? 'no distribution field' : `${empty.join(', ')}`} published; no distribution read`)
  for (const r of CRS_RANGES) {
    const value = empty.length > 0 ? '0' : raw[r.dd]
    const n = parseCount(value)
    if (n === null) {
      errors.add(index, r.dd, value, 'expected a whole number, e.g. "12,915"')
      return null
    }
    counts.push(n)
  }
  let distribution: PoolDistribution | null = null
  let distributionAsOf: IsoDate | null = null
  if (counts.some((c) => c > 0)) {
    distribution = CRS_RANGES.map((r, i) => ({ range: r.range, count: counts[i]! }))
    distributionAsOf = parsePublishedDate(raw.drawDistributionAsOn)
    if (distributionAsOf === null) note('drawDistributionAsOn', raw.drawDistributionAsOn, 'unreadable date of the distribution')
    else if (distributionAsOf > date) note('drawDistributionAsOn', raw.drawDistributionAsOn, `after the round date ${date}`)
    for (const m of distributionMismatches(distribution)) {
      note(CRS_RANGES.find((r) => r.range === m.range)!.dd, String(m.published), `${m.range} published as ${m.published} but its parts sum to ${m.sumOfParts}; kept as published`)
    }
  } else {
    const asOf = parsePublishedDate(raw.drawDistributionAsOn)
    if (asOf !== null && asOf > date) note('drawDistributionAsOn', raw.drawDistributionAsOn, `after the round date ${date}; no distribution published (all zeros)`)
  }

  if (size === null || lowestScore === null) return null
  const feedLabel = raw.drawName.trim()
  const label = firstNames.get(number)?.get('drawName')?.trim() ?? feedLabel
  const kind = kindOfRound(label, date)
  if (kind.type === 'category' && kind.categoryId === null) note('drawName', raw.drawName, 'category not recognised')
  let programs = programsCovered(raw.drawText2)
  if (programs.length === 0) programs = kind.type === 'program' ? [kind.program] : kind.type === 'general' ? [...PROGRAMS] : [...FEDERAL_PROGRAMS]
  const base = { number, date, at: instant, ...(atAssumed ? { atAssumed: true as const } : {}), label, feedLabel, type: kind.type, programs, size, lowestScore, tieBreakCutoff, distribution, distributionAsOf }
  if (kind.type === 'program') return { ...base, program: kind.program }
  if (kind.type === 'category') return { ...base, categoryId: kind.categoryId, categoryVersion: kind.categoryVersion }
  return base
}

/**
 * Parses IRCC's rounds feed (and optionally its field-change history, for the names rounds were first
 * published under) into rounds, oldest first. Throws `invalid_input` naming each unreadable field;
 * every anomaly it could read through is listed in `notes`.
 * @example
 * parseRounds(feed, changes).rounds.find((r) => r.number === '254')?.label //=> 'STEM occupations (2023-1)'
 */
export function parseRounds(feed: unknown, changes?: unknown): ParsedRecord {
  const parsed = parseOrThrow(rawFeedSchema, feed)
  const history = changes === undefined ? [] : parseOrThrow(fieldChangesSchema, changes, 'changes').changes
  const firstNames = firstValues(history.filter((c) => c.field === 'drawName'))
  const notes: RecordNote[] = []
  const errors = new RecordError()
  const rounds: PastRound[] = []
  const seen = new Set<string>()
  parsed.rounds.forEach((raw, i) => {
    const round = parseRound(raw, i, firstNames, notes, errors)
    if (!round) return
    if (seen.has(round.number)) {
      errors.add(i, 'drawNumber', raw.drawNumber, 'duplicate round number')
      return
    }
    seen.add(round.number)
    rounds.push(round)
  })
  if (errors.issues.length > 0) throw new ExpressEntryError('invalid_input', { issues: errors.issues })
  // Round numbers run in time order (two rounds share an instant: 63/64, 75/76).
  rounds.sort((a, b) => compareRoundNumbers(a.number, b.number))
  return { rounds, notes }
}
