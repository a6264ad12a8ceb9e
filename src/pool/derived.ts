/**
 * The derived columns of a profile on a day (CRS score, programs, categories) and the window of days
 * over which they stay the same, so a round need not rescore a million profiles: it trusts the
 * stored values on days inside the window and recomputes the rest.
 *
 * The window ends at the first day after `asOf` on which an input could change:
 * - a birthday (the age factor; a Feb 29 birthday is reached on Mar 1 in common years, take both);
 * - a credential's completion, an ECA turning 5 years old, a test's date and the day its result
 *   stops counting (2 years; rules.md §9), the nomination date;
 * - a job's start, 6 months and 1 year after it (continuity thresholds), the day after it ends, and
 *   the days it leaves (or falls below 6 months or a year inside) a 3-, 5- or 10-year window;
 * - the day full-time-equivalent hours cross a multiple of 780 (half a year of full-time work) in a
 *   3-, 5- or 10-year window (they change at a constant rate between job starts and ends);
 * - the next day a CRS, language, program or category rule changes;
 * - one year later at most (a profile's validity).
 * test/pool/derived.test.ts checks on generated profiles that the values hold on sampled days of the
 * window; a round also re-checks the profiles it invites from their facts (rounds.ts).
 * @module
 */
import { addYears, fullYearsBetween, toDayNumber, type IsoDate } from '../domain/dates.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import { languageValidity } from '../rules/language/validity.js'
import type { Job, Profile } from '../schemas/profile.js'
import { FULL_TIME_HOURS_PER_WEEK, hoursInWindow, isCanadianSkilledWork, isForeignSkilledWork, isSkilledNoc, jobDays, type JobDays, type JobFilter } from '../work/history.js'
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

const HALF_YEAR_HOURS = 780
const MAX_HOURS_PER_DAY = FULL_TIME_HOURS_PER_WEEK / 7
/** The windows work is counted in (CEC and categories 3 years, FST 5, FSW and CRS 10). */
const WINDOW_YEARS = [3, 5, 10] as const
const FILTERS: readonly JobFilter[] = [(j) => isSkilledNoc(j.noc), isCanadianSkilledWork, isForeignSkilledWork]
/** ECAs count for 5 years (MI s.3(4), S4). */
const ECA_YEARS = 5

/**
 * Full-time-equivalent hours a day worked on day number `day` by the jobs passing `filter` (capped at
 * full time); `days` holds each job's first day and the day after its last (work/history.ts jobDays).
 */
function rateOn(jobs: readonly Job[], days: JobDays, day: number, filter: JobFilter): number {
  let rate = 0
  for (let k = 0; k < jobs.length; k++) {
    const j = jobs[k]!
    if (days[2 * k]! > day || days[2 * k + 1]! <= day || !filter(j)) continue
    rate += j.hoursPerWeek / 7
  }
  return Math.min(rate, MAX_HOURS_PER_DAY)
}

/** The first index of a sorted list of dates whose date is after `date`. */
function firstAfter(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0
  let hi = dates.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (dates[mid]! <= date) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The first day after `asOf` (day number) on which the derived columns could change. */
export function nextChangeDay(profile: Profile, asOf: IsoDate, ruleChangeDates: readonly IsoDate[]): number {
  const day = toDayNumber(asOf)
  let next = toDayNumber(addYears(asOf, 1))
  const consider = (d: number): void => {
    if (d > day && d < next) next = d
  }
  const date = (d: IsoDate): void => consider(toDayNumber(d))
  const rule = ruleChangeDates[firstAfter(ruleChangeDates, asOf)]
  if (rule) date(rule)
  const validYears = languageValidity.at(asOf).value.years
  const people: { dob?: IsoDate | undefined; education: Profile['education']; languageTests: Profile['languageTests']; work: readonly Job[] }[] = [
    { dob: profile.dateOfBirth, education: profile.education, languageTests: profile.languageTests, work: profile.work },
  ]
  if (profile.spouse) people.push({ dob: profile.spouse.dateOfBirth, education: profile.spouse.education, languageTests: profile.spouse.languageTests, work: profile.spouse.work })
  for (const p of people) {
    if (p.dob) {
      // Age changes on the birthday (a Feb 29 birthday on Mar 1 in common years: take both days).
      const birthday = toDayNumber(addYears(p.dob, Math.max(0, fullYearsBetween(p.dob, asOf)) + 1))
      consider(birthday)
      consider(birthday + 1)
    }
    for (const c of p.education) {
      date(c.completedOn)
      if (c.eca) date(addYears(c.eca.issuedOn, ECA_YEARS))
    }
    for (const t of p.languageTests) {
      date(t.testDate)
      date(addYears(t.testDate, validYears))
    }
    for (const j of p.work) {
      // Continuity thresholds (6 months, 1 year) from the start; spans leaving each window.
      date(j.from)
      date(addYears(j.from, 1))
      consider(toDayNumber(j.from) + 183)
      if (j.to) {
        const end = toDayNumber(j.to) + 1
        consider(end)
        for (const years of WINDOW_YEARS) {
          const out = toDayNumber(addYears(j.to, years)) + 1
          consider(out)
          consider(out - 366)
          consider(out - 183)
        }
      }
    }
    if (p.work.length === 0) continue
    // Between the dates above no job starts or ends, at the window's end or at its start, so the
    // full-time-equivalent hours in a window change at a constant rate: hours gained on the day
    // `asOf` minus hours lost on the window's first day. The count of half-years of work (780 hours:
    // 6 months, 1 year, 2 years full time) then changes on the day the line crosses a multiple.
    const nocs = new Set(p.work.map((j) => j.noc))
    // Each job's days parsed once for every count below.
    const days = jobDays(p.work)
    for (const years of WINDOW_YEARS) {
      const startDay = toDayNumber(addYears(asOf, -years))
      const window = { start: startDay, end: day }
      for (const j of p.work) date(addYears(j.from, years))
      const check = (filter: JobFilter): void => {
        const rate = rateOn(p.work, days, day, filter) - rateOn(p.work, days, startDay, filter)
        if (rate === 0) return
        const hours = hoursInWindow(p.work, window, filter, days)
        const count = Math.floor(hours / HALF_YEAR_HOURS + 1e-9)
        const target = rate > 0 ? (count + 1) * HALF_YEAR_HOURS : count * HALF_YEAR_HOURS
        consider(day + Math.max(1, Math.floor((target - hours) / rate)))
      }
      for (const filter of FILTERS) check(filter)
      if (nocs.size > 1) for (const noc of nocs) check((j) => j.noc === noc)
    }
  }
  if (profile.provincialNomination) date(profile.provincialNomination.nominatedOn)
  return next
}

/** The derived columns of `profile` on `asOf` and the days they hold. */
export function deriveAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Derived {
  return { from: toDayNumber(asOf), until: nextChangeDay(profile, asOf, eligibility.ruleChangeDates), ...valuesAt(profile, asOf, eligibility) }
}

/** The derived columns without the window (what a round re-checks). */
export function valuesAt(profile: Profile, asOf: IsoDate, eligibility: PoolEligibility): Omit<Derived, 'from' | 'until'> {
  const score = scoreCrs(factorsOf(profile, asOf), asOf).total
  if (eligibility.evaluate) return { score, ...eligibility.evaluate(profile, asOf) }
  return { score, programs: programsMask(eligibility, profile, asOf), categories: eligibleCategories(eligibility, profile, asOf) }
}

/** `,a,b,` for a list of category ids (`,` for none), so `LIKE '%,id,%'` finds one. */
export function categoriesColumn(ids: readonly string[]): string {
  return ids.length === 0 ? ',' : `,${ids.join(',')},`
}

export function categoriesOfColumn(column: string): string[] {
  return column.split(',').filter(Boolean)
}

