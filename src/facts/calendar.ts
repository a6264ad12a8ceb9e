/**
 * The change calendar: on which days the facts of a profile (profile-facts.ts) can change value, so
 * that "this answer holds until day D" is computed from what the answer read, not kept by hand next to
 * each check. An answer computed from a ProfileFacts holds until the first of:
 * - a day on which a family of facts it read changes: a birthday (age), a result taken or turning
 *   invalid under any version of language.validity, a credential completed or its ECA turning invalid
 *   under any version of education.eca-validity, the nomination, a job starting or ending, service in a
 *   foreign military starting, ending or reaching the years a version of its category asks for;
 * - a day on which a count of hours it read could reach or leave one of the thresholds the answer
 *   compared counts with (recorded by work/history.ts `reaches`, and every multiple of a step counted
 *   by `wholeSteps`; every multiple of HOURS_STEP, the gcd of the rules' thresholds, when not recorded):
 *   a count moves by at most a
 *   day of full-time work a day, and only while a job runs at the window's end or worked days pass its
 *   start;
 * - the first day of a new version of a rule it read (the caller names the rules).
 * docs/decisions.md ("One answer") says why answers record their reads.
 * @module
 */
import { addYears, fullYearsBetween, isLeapYear, toDayNumber, type IsoDate } from '../domain/dates.js'
import { categoryRules } from '../rules/categories/index.js'
import { ecaValidity } from '../rules/education/eca-validity.js'
import { fswMinimums } from '../rules/fsw/minimums.js'
import { languageValidity } from '../rules/language/validity.js'
import { cecRequirements } from '../rules/programs/cec.js'
import { fstRequirements } from '../rules/programs/fst.js'
import type { Rule } from '../rules/rule.js'
import type { Job, Profile } from '../schemas/profile.js'
import { languageOfTest } from '../language/tests.js'
import { FULL_TIME_HOURS_PER_DAY, HOURS_PER_YEAR, HOURS_TOLERANCE, hoursInWindow, reaches, wholeSteps, type JobDays, type JobFilter } from '../work/history.js'
import { daysOfJobs, gcd, READ, type CountRead, type ProfileFacts } from './profile-facts.js'

/** Every threshold of hours in the rules: a year (CRS, FSW grid, adaptability), each program's and category's minimum. */
function hourThresholds(): number[] {
  const thresholds = [HOURS_PER_YEAR]
  for (const v of cecRequirements.versions) if (v.value) thresholds.push(v.value.experienceHours)
  for (const v of fswMinimums.versions) if (v.value) thresholds.push(v.value.experienceHours)
  for (const v of fstRequirements.versions) if (v.value) thresholds.push(v.value.experienceHours)
  for (const rule of categoryRules) for (const v of rule.versions) if (v.value && v.value.rule.type === 'occupation') thresholds.push(v.value.rule.minimumHours)
  return thresholds
}

/** The step every threshold of hours is a multiple of: an answer that read a count holds while the count stays between two multiples. */
const HOURS_STEP: number = hourThresholds().reduce(gcd)

/** Years each version of a validity rule gives (any may apply on a later date). */
function validityYears(rule: Rule<{ readonly years: number }>): number[] {
  return [...new Set(rule.versions.flatMap((v) => (v.value === null ? [] : [v.value.years])))]
}

const RESULT_VERSION_YEARS = validityYears(languageValidity)
/** The years of service any version of the skilled military recruits category asks for. */
const MILITARY_SERVICE_YEARS = [...new Set(categoryRules.flatMap((rule) => rule.versions.flatMap((v) => (v.value && v.value.rule.type === 'military' ? [v.value.rule.minimumServiceYears] : []))))]
const ECA_VERSION_YEARS = validityYears(ecaValidity)

/** The first of sorted `days` after `day`, or +Infinity. */
export function firstAfter(days: ArrayLike<number>, day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (days[mid]! <= day) lo = mid + 1
    else hi = mid
  }
  return lo < days.length ? days[lo]! : Number.POSITIVE_INFINITY
}

/** The days (day numbers, sorted) on which a version of one of `rules` starts. */
export function ruleDays(rules: readonly Rule<unknown>[]): Int32Array {
  const days = new Set<number>()
  for (const rule of rules) for (const v of rule.versions) days.add(toDayNumber(v.from))
  return Int32Array.from(days).sort()
}

/** The day number of the birthday in `year` (a Feb 29 birthday falls on Mar 1 in a common year, as fullYearsBetween counts it). */
export function birthdayDay(dateOfBirth: IsoDate, year: number): number {
  const monthDay = dateOfBirth.slice(5)
  if (monthDay === '02-29' && !isLeapYear(year)) return toDayNumber(`${String(year).padStart(4, '0')}-03-01`)
  return toDayNumber(`${String(year).padStart(4, '0')}-${monthDay}`)
}

/** The first day after `date` on which the age in full years changes (the age is 0 until the first birthday). */
export function nextBirthday(dateOfBirth: IsoDate, date: IsoDate): number {
  return birthdayDay(dateOfBirth, Number(dateOfBirth.slice(0, 4)) + Math.max(0, fullYearsBetween(dateOfBirth, date)) + 1)
}

/** The days on which a result's validity starts and ends, under every version of language.validity. */
function resultDays(testDate: IsoDate, out: number[]): void {
  out.push(toDayNumber(testDate))
  for (const years of RESULT_VERSION_YEARS) out.push(toDayNumber(addYears(testDate, years)))
}

function credentialDays(completedOn: IsoDate, ecaIssuedOn: IsoDate | undefined, out: number[]): void {
  out.push(toDayNumber(completedOn))
  if (ecaIssuedOn !== undefined) for (const years of ECA_VERSION_YEARS) out.push(toDayNumber(addYears(ecaIssuedOn, years)))
}

function jobEventDays(jobs: readonly Job[], out: number[]): void {
  for (const j of jobs) {
    out.push(toDayNumber(j.from))
    if (j.to !== null) out.push(toDayNumber(j.to) + 1)
  }
}

/** The days sorted, each once. */
function sorted(days: number[]): Int32Array {
  days.sort((a, b) => a - b)
  let n = 0
  for (let i = 0; i < days.length; i++) if (i === 0 || days[i] !== days[i - 1]) days[n++] = days[i]!
  return Int32Array.from(days.slice(0, n))
}

/** The days on which one family of a profile's facts changes value (age apart: see nextBirthday). */
function familyDays(profile: Profile, family: number): Int32Array {
  const days: number[] = []
  const spouse = profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law' ? profile.spouse : null
  switch (family) {
    case READ.english:
    case READ.french: {
      const language = family === READ.english ? 'english' : 'french'
      for (const t of profile.languageTests) if (languageOfTest(t.test) === language) resultDays(t.testDate, days)
      break
    }
    case READ.spouseResults:
      if (spouse) for (const t of spouse.languageTests) resultDays(t.testDate, days)
      break
    case READ.credentials:
      for (const c of profile.education) credentialDays(c.completedOn, c.eca?.issuedOn, days)
      break
    case READ.spouseCredentials:
      if (spouse) for (const c of spouse.education) credentialDays(c.completedOn, c.eca?.issuedOn, days)
      break
    case READ.nomination:
      if (profile.provincialNomination) days.push(toDayNumber(profile.provincialNomination.nominatedOn))
      break
    case READ.jobs:
      jobEventDays(profile.work, days)
      break
    case READ.militaryService: {
      const service = profile.foreignMilitaryService
      if (service) {
        days.push(toDayNumber(service.from))
        if (service.to !== null) days.push(toDayNumber(service.to) + 1)
        for (const years of MILITARY_SERVICE_YEARS) days.push(toDayNumber(addYears(service.from, years)))
      }
      break
    }
  }
  return sorted(days)
}

const FAMILIES = [READ.english, READ.french, READ.spouseResults, READ.credentials, READ.spouseCredentials, READ.nomination, READ.jobs, READ.militaryService] as const

/** What an answer compared counts of hours with: single thresholds, and a step all of whose multiples matter (or null). */
export interface CountEdges {
  readonly thresholds: readonly number[]
  readonly step: number | null
}

/** Every multiple of HOURS_STEP: what an answer that did not record its comparisons may depend on. */
const ANY_THRESHOLD: CountEdges = { thresholds: [], step: HOURS_STEP }

/**
 * The first day after `day` on which a count of `hours` (of the jobs passing `filter`, in the `years`
 * years before the day, or at any time when null) could reach or leave one of `edges` (reaches and
 * wholeSteps decide on which side a count is): it grows only while a job runs at the window's end,
 * and shrinks only once the window's start reaches worked days; either way by at most a day of
 * full-time work a day.
 */
export function countHoldsUntil(jobs: readonly Job[], days: JobDays, count: Pick<CountRead, 'years' | 'filter' | 'hours'>, day: number, startDay: number, edges: CountEdges = ANY_THRESHOLD): number {
  const { filter, hours } = count
  // The distances to the nearest edge above (not yet reached) and below (reached).
  let up = Number.POSITIVE_INFINITY
  let down = Number.POSITIVE_INFINITY
  const consider = (edge: number): void => {
    if (edge <= 0) return // reached by any count
    if (reaches(hours, edge)) down = Math.min(down, hours + HOURS_TOLERANCE - edge)
    else up = Math.min(up, edge - HOURS_TOLERANCE - hours)
  }
  for (const t of edges.thresholds) consider(t)
  if (edges.step !== null) {
    const k = wholeSteps(hours, edges.step)
    consider(k * edges.step)
    consider((k + 1) * edges.step)
  }
  if (up === Number.POSITIVE_INFINITY && down === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY
  let firstAhead = Number.POSITIVE_INFINITY
  let firstBehind = Number.POSITIVE_INFINITY
  for (let j = 0; j < jobs.length; j++) {
    if (filter !== null && !filter(jobs[j]!)) continue
    const from = days[2 * j]!
    const end = days[2 * j + 1]!
    if (end > day) firstAhead = Math.min(firstAhead, Math.max(from, day))
    if (count.years !== null && end > startDay) firstBehind = Math.min(firstBehind, Math.max(from, startDay))
  }
  const untilUp = firstAhead === Number.POSITIVE_INFINITY || up === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : firstAhead + Math.floor(up / FULL_TIME_HOURS_PER_DAY)
  const untilDown = firstBehind === Number.POSITIVE_INFINITY || down === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : day + (firstBehind - startDay) + Math.floor(down / FULL_TIME_HOURS_PER_DAY)
  const until = Math.min(untilUp, untilDown)
  if (until === Number.POSITIVE_INFINITY) return until
  // Margin: the window's start moves two days past a Feb 29 (one per four years of waiting), and float error.
  return Math.max(day + 1, until - 2 - Math.floor((until - day) / 1461))
}

/**
 * One count of hours watched over increasing days (the history scan's CRS work years): its whole steps
 * on a day, re-read only once the calendar says it could have left its step (countHoldsUntil).
 */
export class WatchedCount {
  steps = 0
  /** The first day the count may have left its step (re-read then). */
  until = Number.NEGATIVE_INFINITY
  private readonly counted: boolean

  constructor(
    private readonly jobs: readonly Job[],
    private readonly filter: JobFilter,
    private readonly step: number,
  ) {
    this.counted = jobs.some(filter)
    if (!this.counted) this.until = Number.POSITIVE_INFINITY
  }

  /** Whole steps in the window [startDay, day) (day numbers, increasing from call to call). */
  at(day: number, startDay: number): number {
    if (!this.counted) return 0
    if (day < this.until) return this.steps
    const days = daysOfJobs(this.jobs)
    const hours = hoursInWindow(this.jobs, { start: startDay, end: day }, this.filter, days)
    this.steps = wholeSteps(hours, this.step)
    this.until = countHoldsUntil(this.jobs, days, { years: 1, filter: this.filter, hours }, day, startDay, { thresholds: [], step: this.step })
    return this.steps
  }
}

/** One profile's calendar: the days each family of its facts changes, computed once. */
export class ChangeCalendar {
  /** The days of each family, by the index of its READ bit. */
  private readonly byFamily: (Int32Array | undefined)[] = []
  private readonly spouseWork: readonly Job[]
  private workDays: JobDays | null = null
  private spouseDays: JobDays | null = null

  constructor(readonly profile: Profile) {
    const partnered = profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law'
    this.spouseWork = partnered && profile.spouse ? profile.spouse.work : []
  }

  /** The days on which the family `family` (one READ bit) changes, sorted. */
  days(family: number): Int32Array {
    const index = 31 - Math.clz32(family)
    let days = this.byFamily[index]
    if (days === undefined) {
      days = familyDays(this.profile, family)
      this.byFamily[index] = days
    }
    return days
  }

  /** The first day after `day` on which a family in `reads` other than age changes. */
  nextFactChange(reads: number, day: number): number {
    let next = Number.POSITIVE_INFINITY
    for (const family of FAMILIES) if ((reads & family) !== 0) next = Math.min(next, firstAfter(this.days(family), day))
    return next
  }

  /** The first day after the facts' date on which one of the counts they read could reach or leave one of `edges`. */
  countsHoldUntil(f: ProfileFacts, fromCount = 0, edges: CountEdges = ANY_THRESHOLD): number {
    let until = Number.POSITIVE_INFINITY
    const counts = f.counts
    for (let i = fromCount; i < counts.length; i++) {
      const c = counts[i]!
      // A count read twice (memoized) is looked at once.
      if (counts.indexOf(c, fromCount) < i) continue
      const startDay = c.years === null ? Number.NEGATIVE_INFINITY : f.window(c.years).start
      const held = c.spouse ? countHoldsUntil(this.spouseWork, (this.spouseDays ??= daysOfJobs(this.spouseWork)), c, f.asOfDay, startDay, edges) : countHoldsUntil(this.profile.work, (this.workDays ??= daysOfJobs(this.profile.work)), c, f.asOfDay, startDay, edges)
      if (held < until) until = held
    }
    return until
  }

  /**
   * The first day after the facts' date on which an answer computed from them could change: a family
   * of facts they read, a count they read, or a version of one of the rules (`rules`, from ruleDays).
   */
  holdsUntil(f: ProfileFacts, rules: Int32Array, reads: number = f.reads, fromCount = 0, edges: CountEdges = ANY_THRESHOLD): number {
    const day = f.asOfDay
    let until = Math.min(firstAfter(rules, day), this.nextFactChange(reads, day), this.countsHoldUntil(f, fromCount, edges))
    if ((reads & READ.age) !== 0) until = Math.min(until, nextBirthday(this.profile.dateOfBirth, f.asOf))
    return until
  }
}
