/**
 * The derived columns of a profile on a day (CRS score, programs, categories) and the window of days
 * over which they stay the same, so a round need not rescore a million profiles: it trusts the
 * stored values on days inside the window and recomputes the rest.
 *
 * The window is the change calendar's answer (src/facts/calendar.ts) for what the score and the
 * eligibility checks read of the profile's facts, cut at the next day a rule or category version
 * changes and at the end of the profile's validity. An eligibility injected from outside (tests)
 * reads facts the calendar cannot see: its values are trusted on their day only.
 * test/pool/derived.test.ts checks on generated profiles that the values hold on sampled days of the
 * window; a round also re-checks the profiles it invites from their facts (rounds.ts).
 * @module
 */
import { addYears, toDayNumber, type IsoDate } from '../domain/dates.js'
import { crsFactorsOf } from '../crs/factors.js'
import { scoreCrs } from '../crs/index.js'
import { ChangeCalendar } from '../facts/calendar.js'
import { ProfileFacts } from '../facts/profile-facts.js'
import { profileValidity } from '../rules/pool/profile-validity.js'
import type { Profile } from '../schemas/profile.js'
import { eligibleCategories, programsMask, undecidedCategories, undecidedProgramsMask, type PoolEligibility } from './eligibility.js'

export interface Derived {
  /** First day the values hold (day number). */
  readonly from: number
  /** First day they may no longer hold (exclusive). */
  readonly until: number
  readonly score: number
  /** Programs bitmask (eligibility.ts PROGRAM_BIT). */
  readonly programs: number
  /** Eligible category ids in force, sorted. */
  readonly categories: readonly string[]
  /** Category ids in force that cannot be told for the profile, sorted (PoolAnswers.undecided). */
  readonly undecided: readonly string[]
  /** Programs bitmask of the programs that cannot be told (PoolAnswers.undecidedPrograms). */
  readonly undecidedPrograms: number
}

/** The rule-change days of an eligibility, as sorted day numbers (once per eligibility). */
const ruleDaysOf = new WeakMap<PoolEligibility, Int32Array>()

function ruleChangeDays(eligibility: PoolEligibility): Int32Array {
  let days = ruleDaysOf.get(eligibility)
  if (days === undefined) {
    days = Int32Array.from(new Set(eligibility.ruleChangeDates.map(toDayNumber))).sort()
    ruleDaysOf.set(eligibility, days)
  }
  return days
}

/** The derived columns of `profile` on `asOf` and the days they hold. */
export function deriveAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Derived {
  const from = toDayNumber(asOf)
  if (!eligibility.evaluateFacts) return { from, until: from + 1, ...valuesAt(profile, asOf, eligibility) }
  const f = new ProfileFacts(profile, asOf)
  const score = scoreCrs(crsFactorsOf(f), asOf).total
  const { programs, categories, undecided, undecidedPrograms } = eligibility.evaluateFacts(f)
  // A profile leaves the pool a year after its submission at the latest: no window needs to run longer.
  const validUntil = toDayNumber(addYears(asOf, profileValidity.at(asOf).value.years))
  const until = Math.min(validUntil, new ChangeCalendar(profile).holdsUntil(f, ruleChangeDays(eligibility)))
  return { from, until, score, programs, categories, undecided, undecidedPrograms }
}

/** The derived columns without the window (what a round re-checks). */
export function valuesAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Omit<Derived, 'from' | 'until'> {
  if (eligibility.evaluateFacts) {
    const f = new ProfileFacts(profile, asOf)
    return { score: scoreCrs(crsFactorsOf(f), asOf).total, ...eligibility.evaluateFacts(f) }
  }
  const score = scoreCrs(crsFactorsOf(new ProfileFacts(profile, asOf)), asOf).total
  if (eligibility.evaluate) return { score, ...eligibility.evaluate(profile, asOf) }
  return {
    score,
    programs: programsMask(eligibility, profile, asOf),
    categories: eligibleCategories(eligibility, profile, asOf),
    undecided: undecidedCategories(eligibility, profile, asOf),
    undecidedPrograms: undecidedProgramsMask(eligibility, profile, asOf),
  }
}

/** Marks an undecided category in the `categories` column: `,?id,` is not found by `LIKE '%,id,%'`. */
const UNDECIDED_MARK = '?'

/**
 * `,a,b,?c,` for the eligible category ids and the undecided ones (`,` for none), so `LIKE '%,id,%'`
 * finds the eligible and `LIKE '%,?id,%'` the undecided in one narrow column.
 */
export function categoriesColumn(ids: readonly string[], undecided: readonly string[]): string {
  const all = undecided.length === 0 ? ids : [...ids, ...undecided.map((id) => UNDECIDED_MARK + id)]
  return all.length === 0 ? ',' : `,${all.join(',')},`
}

/** The eligible category ids of a `categories` column. */
export function categoriesOfColumn(column: string): string[] {
  return column.split(',').filter((id) => id !== '' && !id.startsWith(UNDECIDED_MARK))
}

/** The undecided category ids of a `categories` column. */
export function undecidedOfColumn(column: string): string[] {
  return column.split(',').filter((id) => id.startsWith(UNDECIDED_MARK)).map((id) => id.slice(UNDECIDED_MARK.length))
}

/** What a `categories` column holds for a round of `category`: the profile is eligible, can't tell, or neither. */
export function needleOf(category: string): { eligible: string; undecided: string } {
  return { eligible: `,${category},`, undecided: `,${UNDECIDED_MARK}${category},` }
}

