/**
 * A candidate over the coming days, as the forecast needs it: the CRS score on each day (from the
 * profile's own timeline: birthdays, work accruing, results and ECAs expiring) and, for each round type,
 * whether the candidate could be invited by it (eligibility() for programs and categories on that day).
 * Eligibility is `true | false | null` (null: can't tell, e.g. a category whose occupation list is not
 * known, or anything but the score for bare CrsFactors). Scores and eligibility come from the public
 * functions of src/crs and src/eligibility; nothing is re-derived here.
 * @module
 */
import { addDays, toDayNumber, type IsoDate } from '../domain/dates.js'
import { FEDERAL_PROGRAMS } from '../domain/words.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import { categoryById, eligibility, type EligibilityResult } from '../eligibility/index.js'
import type { UnmetCondition } from '../eligibility/types.js'
import type { CrsFactors } from '../schemas/crs-factors.js'
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
  /** Why the candidate is eligible for no program on that day: each program's unmet conditions (empty when eligible). */
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
  map.set('general', result.invitedUnder !== null)
  map.set('program:cec', result.programs.cec.eligible)
  map.set('program:fsw', result.programs.fsw.eligible)
  map.set('program:fst', result.programs.fst.eligible)
  map.set('program:pnp', result.invitedUnder === 'pnp')
  for (const c of result.categories) {
    const key = categoryById(c.id)?.key
    if (!key) continue
    // An unknown occupation list is "can't tell", unless no program is open anyway.
    const unknown = c.unmet.some((u) => u.code === 'category_list_unknown') && !c.unmet.some((u) => u.code === 'not_eligible_for_program')
    const value: Eligible = c.eligible ? true : unknown ? null : false
    const type = `category:${key}`
    const before = map.get(type)
    // Two versions of one category in force on a day: eligible under either.
    map.set(type, before === true || value === true ? true : before === null || value === null ? null : false)
  }
  return map
}

function programsUnmet(result: EligibilityResult): ProgramUnmet[] {
  if (result.invitedUnder !== null) return []
  return FEDERAL_PROGRAMS.filter((id) => !result.programs[id].eligible).map((id) => ({ program: id, unmet: result.programs[id].unmet }))
}

export interface TrackOptions {
  /** Days ahead the track covers. */
  readonly days: number
  /** Days between two eligibility readings (default 30). */
  readonly eligibilityStep?: number
  /** Days between two score readings; 1 follows every change exactly (default 1). */
  readonly scoreStep?: number
}

/**
 * The candidate's track over `days` days from `asOf`. A Profile is scored every `scoreStep` days
 * (every day by default, so a birthday moves the score on the day itself) and its eligibility read
 * every `eligibilityStep` days; CrsFactors carry no dates, so their score stays and only general rounds
 * (and, with a nomination, PNP rounds) are taken as open to them, with a note saying so.
 */
export function candidateTrack(input: ForecastInput, asOf: IsoDate, options: TrackOptions): CandidateTrack {
  const eligibilityStep = options.eligibilityStep ?? 30
  const scoreStep = options.scoreStep ?? 1
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
  const samples: TrackSample[] = []
  let elig: { map: Map<RoundTypeKey, Eligible>; programsUnmet: ProgramUnmet[] } | null = null
  let previousScore = Number.NaN
  for (let offset = 0; offset <= options.days; offset++) {
    const day = addDays(asOf, offset)
    const readEligibility = offset % eligibilityStep === 0
    const readScore = offset % scoreStep === 0
    if (!readEligibility && !readScore) continue
    const score = readScore ? scoreCrs(factorsOf(profile, day), day).total : previousScore
    if (readEligibility) {
      const result = eligibility(profile, day)
      elig = { map: eligibilityByType(result), programsUnmet: programsUnmet(result) }
    }
    if (readEligibility || score !== previousScore) samples.push({ offset, score, eligible: elig!.map, programsUnmet: elig!.programsUnmet })
    previousScore = score
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

/** Days from `a` to `b`. */
export function offsetOf(asOf: IsoDate, day: IsoDate): number {
  return toDayNumber(day) - toDayNumber(asOf)
}
