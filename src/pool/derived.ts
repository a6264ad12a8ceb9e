/**
 * The derived columns of a profile on a day (CRS score, programs, categories) and the window of days
 * over which they stay the same, so a round need not rescore a million profiles: it trusts the
 * stored values on days inside the window and recomputes the rest.
 *
 * The window ends at the first day after `asOf` on which any input could change:
 * - a birthday (the age factor; a Feb 29 birthday is reached on Mar 1 in common years);
 * - every date in the profile (tests, credentials, ECAs, nomination, jobs, spouse's) shifted by the
 *   durations the rules use: 6 months to 10 years (language results last 2 years, an ECA 5, work
 *   counts in 3-, 5- and 10-year windows; rules.md §9), plus the day after each;
 * - the day full-time-equivalent hours could cross a multiple of 780 (half a year of full-time
 *   work) in a 3-, 5- or 10-year window: windowed hours move by at most 30/7 a day (full time is
 *   capped at 30 h a week, so entering and leaving work each move at most that much);
 * - every day a CRS, language, program or category rule changes;
 * - one year later at most (a profile's validity).
 * @module
 */
import { addYears, fullYearsBetween, toDayNumber, type IsoDate } from '../domain/dates.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import type { Job, Profile } from '../schemas/profile.js'
import { FULL_TIME_HOURS_PER_WEEK, fullTimeEquivalentHours, isCanadianSkilledWork, isForeignSkilledWork, isSkilledNoc, type JobFilter } from '../work/history.js'
import { eligibleCategories, programsMask, type PoolEligibility } from './eligibility.js'

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
}

/** Month offsets at which a dated fact can start or stop counting (6 months ... 10 years, and gaps between). */
const MONTH_OFFSETS = [0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 84, 96, 102, 108, 114, 120]
const HALF_YEAR_HOURS = 780
const MAX_HOURS_PER_DAY = FULL_TIME_HOURS_PER_WEEK / 7
const WINDOW_YEARS = [3, 5, 10]
const FILTERS: readonly JobFilter[] = [() => true, (j) => isSkilledNoc(j.noc), isCanadianSkilledWork, isForeignSkilledWork, (j) => j.country === 'CA']

function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month = (m % 12) + 1
  const d = Number(date.slice(8, 10))
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

function factDates(profile: Profile): IsoDate[] {
  const dates: IsoDate[] = [profile.submittedAt.slice(0, 10)]
  const jobs = (work: readonly Job[]): void => {
    for (const j of work) {
      dates.push(j.from)
      if (j.to) dates.push(j.to)
    }
  }
  const people = [profile, ...(profile.spouse ? [profile.spouse] : [])]
  for (const p of people) {
    for (const c of p.education) {
      dates.push(c.completedOn)
      if (c.eca) dates.push(c.eca.issuedOn)
    }
    for (const t of p.languageTests) dates.push(t.testDate)
    jobs(p.work)
  }
  if (profile.provincialNomination) dates.push(profile.provincialNomination.nominatedOn)
  return dates
}

/** The first day after `asOf` (day number) on which the derived columns could change. */
export function nextChangeDay(profile: Profile, asOf: IsoDate, ruleChangeDates: readonly IsoDate[]): number {
  const day = toDayNumber(asOf)
  let next = toDayNumber(addYears(asOf, 1))
  const consider = (d: number): void => {
    if (d > day && d < next) next = d
  }
  const birthdays = [profile.dateOfBirth, ...(profile.spouse?.dateOfBirth ? [profile.spouse.dateOfBirth] : [])]
  for (const dob of birthdays) {
    const birthday = addYears(dob, Math.max(0, fullYearsBetween(dob, asOf)) + 1)
    consider(toDayNumber(birthday))
    consider(toDayNumber(birthday) + 1)
  }
  for (const date of factDates(profile)) {
    for (const months of MONTH_OFFSETS) {
      const d = toDayNumber(addMonths(date, months))
      consider(d)
      consider(d + 1)
    }
  }
  for (const date of ruleChangeDates) consider(toDayNumber(date))
  // Work hours in a window change by at most 30/7 hours a day: no multiple of 780 hours can be
  // crossed sooner than its distance divided by that rate.
  const people = [profile.work, ...(profile.spouse ? [profile.spouse.work] : [])]
  for (const work of people) {
    if (work.length === 0) continue
    const filters: JobFilter[] = [...FILTERS, ...work.map((job) => (j: Job) => j === job)]
    for (const years of WINDOW_YEARS) {
      const start = addYears(asOf, -years)
      for (const filter of filters) {
        const hours = fullTimeEquivalentHours(work, start, asOf, filter)
        const below = hours - Math.floor(hours / HALF_YEAR_HOURS + 1e-9) * HALF_YEAR_HOURS
        const above = HALF_YEAR_HOURS - below
        const distance = Math.min(below, above)
        consider(day + Math.max(1, Math.floor(distance / MAX_HOURS_PER_DAY)))
      }
    }
  }
  return next
}

/** The derived columns of `profile` on `asOf` and the days they hold. */
export function deriveAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Derived {
  return {
    from: toDayNumber(asOf),
    until: nextChangeDay(profile, asOf, eligibility.ruleChangeDates),
    score: scoreCrs(factorsOf(profile, asOf), asOf).total,
    programs: programsMask(eligibility, profile, asOf),
    categories: eligibleCategories(eligibility, profile, asOf),
  }
}

/** The derived columns without the window (what a round re-checks). */
export function valuesAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Omit<Derived, 'from' | 'until'> {
  return {
    score: scoreCrs(factorsOf(profile, asOf), asOf).total,
    programs: programsMask(eligibility, profile, asOf),
    categories: eligibleCategories(eligibility, profile, asOf),
  }
}

/** `,a,b,` for a list of category ids (`,` for none), so `LIKE '%,id,%'` finds one. */
export function categoriesColumn(ids: readonly string[]): string {
  return ids.length === 0 ? ',' : `,${ids.join(',')},`
}

export function categoriesOfColumn(column: string): string[] {
  return column.split(',').filter(Boolean)
}

