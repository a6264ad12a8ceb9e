/**
 * A candidate over the coming days, as the forecast needs it: the CRS score on each day (from the
 * profile's own timeline: birthdays, work accruing, results and ECAs expiring) and, for each round type,
 * whether the candidate could be invited by it on that day. Eligibility is `true | false | null` (null:
 * can't tell, e.g. a category whose occupation list is not known, or anything but the score for bare
 * CrsFactors). The first day's answer is eligibility()'s own; the days after come from the pool's
 * derived columns (src/pool/derived.ts: the same score and eligibility checks on the profile's facts,
 * with the window the change calendar says they hold for); nothing is re-derived here.
 * @module
 */
import { fromDayNumber, toDayNumber, type IsoDate } from '../domain/dates.js'
import { FEDERAL_PROGRAMS } from '../domain/words.js'
import { scoreCrs } from '../crs/index.js'
import { categoryById, eligibility, type EligibilityResult } from '../eligibility/index.js'
import type { UnmetCondition } from '../eligibility/types.js'
import { deriveAt } from '../pool/derived.js'
import { PROGRAM_BIT, realEligibility } from '../pool/eligibility.js'
import type { CrsFactors } from '../schemas/crs-factors.js'
import { personFacts } from '../facts/person-facts.js'
import type { Profile } from '../schemas/profile.js'
import type { RoundTypeKey } from './round-types.js'

export type ForecastInput = { readonly kind: 'profile'; readonly profile: Profile } | { readonly kind: 'factors'; readonly factors: CrsFactors }

export type Eligible = boolean | null

/** One day the candidate's facts were read. */
export interface TrackSample {
  readonly offset: number
  readonly score: number
  /** Eligibility per round type; a type not listed is false (for a Profile) or null (for CrsFactors). */
  readonly eligible: ReadonlyMap<RoundTypeKey, Eligible>
  /** On the day looked from (the first sample): each program the candidate does not meet, with eligibility()'s conditions (empty when eligible, and on later samples). */
  readonly programsUnmet: readonly ProgramUnmet[]
}

/** A program the candidate does not meet on a day, with eligibility()'s own conditions (codes and values). */
export interface ProgramUnmet {
  readonly program: (typeof FEDERAL_PROGRAMS)[number]
  readonly unmet: readonly UnmetCondition[]
}

/** A note on the candidate's track: a code, and its words in English. */
export interface TrackNote {
  readonly code: 'factors_no_programs' | 'factors_no_dates'
  readonly message: string
}

export interface CandidateTrack {
  readonly kind: ForecastInput['kind']
  readonly asOf: IsoDate
  /** In offset order; the first has offset 0. */
  readonly samples: readonly TrackSample[]
  readonly notes: readonly TrackNote[]
}

/** The eligibility of a Profile for each round type on a day, from one eligibility() answer. */
export function eligibilityByType(result: EligibilityResult): Map<RoundTypeKey, Eligible> {
  const map = new Map<RoundTypeKey, Eligible>()
  // A program that can't tell (settlement funds not given, E21) makes can't tell every round open only through it.
  const answers = FEDERAL_PROGRAMS.map((id) => result.programs[id].eligible)
  map.set('general', answers.includes(true) ? true : answers.includes(null) ? null : false)
  map.set('program:cec', result.programs.cec.eligible)
  map.set('program:fsw', result.programs.fsw.eligible)
  map.set('program:fst', result.programs.fst.eligible)
  map.set('program:pnp', result.invitedUnder === 'pnp' ? true : result.invitedUnderUndecided?.includes('pnp') ? null : false)
  for (const c of result.categories) {
    const key = categoryById(c.id)?.key
    if (!key) continue
    // An unknown occupation list is "can't tell", unless no program is open anyway; so is a condition the
    // profile does not let eligibility() decide (eligible null: skilled military recruits' service).
    const unknown = c.unmet.some((u) => u.code === 'category_list_unknown') && !c.unmet.some((u) => u.code === 'not_eligible_for_program')
    const value: Eligible = c.eligible === true ? true : c.eligible === null || unknown ? null : false
    const type = `category:${key}`
    const before = map.get(type)
    // Two versions of one category in force on a day: eligible under either.
    map.set(type, before === true || value === true ? true : before === null || value === null ? null : false)
  }
  return map
}

function programsUnmet(result: EligibilityResult): ProgramUnmet[] {
  // Eligible for a program, or can't tell for one: no program is certainly closed to every round.
  if (result.invitedUnder !== null || result.invitedUnderUndecided !== undefined) return []
  return FEDERAL_PROGRAMS.filter((id) => result.programs[id].eligible === false).map((id) => ({ program: id, unmet: result.programs[id].unmet }))
}

export interface TrackOptions {
  /** Days ahead the track covers. */
  readonly days: number
}

/** The round types a profile's derived columns open (programs bitmask and eligible category ids). */
function typesOf(programs: number, categories: readonly string[]): Map<RoundTypeKey, Eligible> {
  const map = new Map<RoundTypeKey, Eligible>()
  // PNP comes first in IRCC's order of assignment: nominated and eligible for a program is invitedUnder 'pnp'.
  map.set('general', programs !== 0)
  map.set('program:cec', (programs & PROGRAM_BIT.cec) !== 0)
  map.set('program:fsw', (programs & PROGRAM_BIT.fsw) !== 0)
  map.set('program:fst', (programs & PROGRAM_BIT.fst) !== 0)
  map.set('program:pnp', (programs & PROGRAM_BIT.pnp) !== 0)
  for (const id of categories) {
    const key = categoryById(id)?.key
    if (key) map.set(`category:${key}`, true)
  }
  return map
}

function sameTypes(a: ReadonlyMap<RoundTypeKey, Eligible>, b: ReadonlyMap<RoundTypeKey, Eligible>): boolean {
  if (a.size !== b.size) return false
  for (const [type, value] of a) if (b.get(type) !== value) return false
  return true
}

/**
 * The candidate's track over `days` days from `asOf`. A Profile is read once per stretch of days on
 * which nothing its score and eligibility read can change (the change calendar: the pool's derived
 * columns, src/pool/derived.ts, whose windows test/consistency/one-answer.test.ts holds to the plain
 * answer on every day), so a birthday or a year of work moves the score, and a program or category
 * opens or closes, on the day itself. The first sample's eligibility is eligibility()'s own (with
 * "can't tell"); a type that can't be told on it stays so on later ones unless they open it.
 * CrsFactors carry no dates, so their score stays and only general rounds (and, with a nomination, PNP
 * rounds) are taken as open to them, with a note saying so.
 */
export function candidateTrack(input: ForecastInput, asOf: IsoDate, options: TrackOptions): CandidateTrack {
  if (input.kind === 'factors') {
    const score = scoreCrs(input.factors, asOf).total
    const eligible = new Map<RoundTypeKey, Eligible>([
      ['general', true],
      ['program:pnp', input.factors.provincialNomination],
    ])
    return {
      kind: 'factors',
      asOf,
      samples: [{ offset: 0, score, eligible, programsUnmet: [] }],
      notes: [
        { code: 'factors_no_programs', message: 'CrsFactors say nothing of programs or categories: the forecast takes the candidate as eligible for a program (general rounds) and, with a nomination, for PNP rounds; program- and category-specific rounds are "can\'t tell"; give a Profile for them' },
        { code: 'factors_no_dates', message: 'CrsFactors carry no dates: the score is held as it is today (birthdays, work accruing and expiring results are not followed); give a Profile for them' },
      ],
    }
  }
  const profile = input.profile
  const pool = realEligibility()
  const today = eligibility(profile, asOf)
  const start = toDayNumber(asOf)
  const samples: TrackSample[] = []
  const todayByType = eligibilityByType(today)
  // The derived columns answer yes or no: a type that can't be told today stays can't tell on the days
  // after, unless they open it (they cannot tell a no from an unknown), so the bound if open covers them.
  const unknownToday = [...todayByType].filter(([, e]) => e === null).map(([type]) => type)
  for (let day = start; day <= start + options.days; ) {
    const derived = deriveAt(profile, fromDayNumber(day), pool)
    const first = day === start
    const eligible = first ? todayByType : typesOf(derived.programs, derived.categories)
    if (!first) for (const type of unknownToday) if (eligible.get(type) !== true) eligible.set(type, null)
    const last = samples.at(-1)
    // A stretch that changed nothing the forecast reads (the calendar is cautious while work goes on) adds no sample.
    if (first || last!.score !== derived.score || !sameTypes(last!.eligible, eligible)) samples.push({ offset: day - start, score: derived.score, eligible, programsUnmet: first ? programsUnmet(today) : [] })
    day = Math.max(day + 1, derived.until)
  }
  return { kind: 'profile', asOf, samples, notes: [] }
}

/** The sample in force `offset` days ahead. */
export function sampleAt(track: CandidateTrack, offset: number): TrackSample {
  const s = track.samples
  let lo = 0
  let hi = s.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (s[mid]!.offset <= offset) lo = mid
    else hi = mid - 1
  }
  return s[lo]!
}

/** Whether a type is open to the candidate on a sample (types not listed: false for a Profile, null for CrsFactors). */
export function eligibleFor(track: CandidateTrack, sample: TrackSample, type: RoundTypeKey): Eligible {
  const v = sample.eligible.get(type)
  return v === undefined ? (track.kind === 'factors' ? null : false) : v
}

/** A fact of a Profile dated after a day: its path (as in input errors) and its date. */
export interface DatedFact {
  readonly path: string
  readonly date: IsoDate
}

/**
 * The facts of `profile` that take effect on a day after `asOf` (a test taken, a credential completed or
 * assessed, a job started, a nomination): the score and eligibility count each from its date, as
 * planned, so a forecast from `asOf` leans on them. In date order.
 */
export function factsAfter(profile: Profile, asOf: IsoDate): DatedFact[] {
  const out: DatedFact[] = [
    ...personFacts(profile).map((f) => ({ path: f.path.join('.'), date: f.date })),
    ...(profile.spouse ? personFacts(profile.spouse).map((f) => ({ path: `spouse.${f.path.join('.')}`, date: f.date })) : []),
    ...(profile.provincialNomination ? [{ path: 'provincialNomination.nominatedOn', date: profile.provincialNomination.nominatedOn }] : []),
  ].filter((f) => f.date > asOf)
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** Days from `a` to `b`. */
export function offsetOf(asOf: IsoDate, day: IsoDate): number {
  return toDayNumber(day) - toDayNumber(asOf)
}
