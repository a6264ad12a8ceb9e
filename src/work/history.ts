/**
 * Work history in full-time equivalents. Hours are counted day by day as `hoursPerWeek / 7`, and
 * overlapping jobs count once: at most 30 hours a week (full time) on any day (IRPR 80(4); MI s.15).
 * 1,560 hours (52 weeks × 30 h) make one year, so one month is 130 hours and 6 months 780 hours.
 *
 * Windows are the N years before a date: the days [asOf − N years, asOf). A continuous span is a run of
 * days on which at least one counted job was held, with no day off between jobs (a job ending on the
 * 31st and the next starting on the 1st of the next month are continuous; a one-week gap is not).
 * @module
 */
import { addYears, fromDayNumber, toDayNumber, type IsoDate } from '../domain/dates.js'
import { fullTimeWork } from '../rules/work/full-time.js'
import type { Job } from '../schemas/profile.js'

// The full-time definition has one version since 2015 (the registry test keeps it so): read once.
const FULL_TIME = fullTimeWork.versions[0]!.value!
export const FULL_TIME_HOURS_PER_WEEK = FULL_TIME.hoursPerWeek
export const HOURS_PER_YEAR = FULL_TIME.hoursPerYear
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12
/** The most full-time-equivalent hours counted for one day (overlapping jobs count once, at most full time). */
export const FULL_TIME_HOURS_PER_DAY = FULL_TIME_HOURS_PER_WEEK / 7

/**
 * The one rounding rule for counts of hours, used by every path (scoring, eligibility, the history scan,
 * the pool, the change calendar): a count reaches a threshold when it is at most HOURS_TOLERANCE below
 * it. Counts are sums of daily rates (hoursPerWeek / 7), so they carry float error of about 1e-12 hours;
 * the tolerance absorbs that, and nothing more (1,559.999 hours is less than a year).
 */
export const HOURS_TOLERANCE = 1e-6
const FULL_TIME_PER_DAY = FULL_TIME_HOURS_PER_DAY

/** The TEER category of a NOC 2021 unit group: its second digit. */
export function teerOf(noc: string): number {
  return noc.charCodeAt(1) - 48
}

/** Whether a NOC 2021 unit group is skilled for Express Entry (TEER 0, 1, 2 or 3). */
export function isSkilledNoc(noc: string): boolean {
  return teerOf(noc) <= 3
}

/** Which jobs to count. */
export type JobFilter = (job: Job) => boolean

/** A window of days [start, end) as day numbers (see domain/dates.ts `toDayNumber`). */
export interface DayWindow {
  readonly start: number
  readonly end: number
}

/** The `years` years before `asOf`: [asOf − years, asOf). */
export function windowBefore(asOf: IsoDate, years: number): DayWindow {
  return { start: toDayNumber(addYears(asOf, -years)), end: toDayNumber(asOf) }
}

/** A continuous span of counted work: first day, last day (inclusive), full-time-equivalent hours. */
export interface WorkSpan {
  readonly from: IsoDate
  readonly to: IsoDate
  readonly hours: number
}

/**
 * Each job's first day and the day after its last (Infinity while it goes on), as day numbers:
 * `[from0, end0, from1, end1, ...]`. Computed once and passed to the counting functions, it spares
 * them parsing the dates again on every count.
 */
export type JobDays = Float64Array

export function jobDays(jobs: readonly Job[]): JobDays {
  const days = new Float64Array(jobs.length * 2)
  for (let j = 0; j < jobs.length; j++) {
    const job = jobs[j]!
    days[2 * j] = toDayNumber(job.from)
    days[2 * j + 1] = job.to === null ? Infinity : toDayNumber(job.to) + 1
  }
  return days
}

/**
 * The sweep behind every count: full-time-equivalent hours of the jobs passing `filter` in the days
 * [start, end), capped at full time per day. When `spans` is given, each continuous span is appended
 * to it as three numbers: first day, day after the last, hours.
 */
function sweep(jobs: readonly Job[], start: number, end: number, filter: JobFilter | null, spans: number[] | null, days: JobDays | null = null): number {
  // +rate on a job's first day, -rate the day after its last.
  let events: number[] | null = null
  let a0 = 0
  let b0 = 0
  let r0 = 0
  let count = 0
  for (let j = 0; j < jobs.length; j++) {
    const job = jobs[j]!
    if (filter !== null && !filter(job)) continue
    const first = days === null ? toDayNumber(job.from) : days[2 * j]!
    if (first >= end) continue
    const a = first > start ? first : start
    const b = job.to === null ? end : Math.min(end, days === null ? toDayNumber(job.to) + 1 : days[2 * j + 1]!)
    if (a >= b) continue
    const rate = job.hoursPerWeek / 7
    if (count === 0) {
      a0 = a
      b0 = b
      r0 = rate
    } else {
      if (events === null) events = [a0, r0, b0, -r0]
      events.push(a, rate, b, -rate)
    }
    count++
  }
  if (count === 0) return 0
  if (events === null) {
    const hours = (b0 - a0) * Math.min(r0, FULL_TIME_PER_DAY)
    spans?.push(a0, b0, hours)
    return hours
  }
  // Event indices by day; insertion sort, since a work history holds a handful of jobs.
  const order: number[] = []
  for (let i = 0; i < events.length; i += 2) {
    const at = events[i]!
    let k = order.length
    while (k > 0 && events[order[k - 1]!]! > at) k--
    order.splice(k, 0, i)
  }
  let hours = 0
  let rate = 0
  let active = 0
  let day = events[order[0]!]!
  let spanStart = day
  let spanHours = 0
  let open = false
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    const at = events[i]!
    if (at > day) {
      const h = (at - day) * Math.min(rate, FULL_TIME_PER_DAY)
      hours += h
      spanHours += h
      day = at
    }
    const delta = events[i + 1]!
    if (delta > 0) {
      // A job starting the day another ends continues the span (the end is processed first or not).
      if (!open) {
        spanStart = at
        spanHours = 0
        open = true
      }
      active++
    } else active--
    rate += delta
    const next = order[k + 1]
    if (active === 0 && (next === undefined || events[next]! !== at)) {
      rate = 0
      open = false
      spans?.push(spanStart, at, spanHours)
    }
  }
  return hours
}

/**
 * Full-time-equivalent hours worked by the jobs that pass `filter` in the days [from, to), overlapping
 * jobs counted once and capped at full time per day. `job.to` is the last day worked; an open job runs
 * until `to`.
 */
export function fullTimeEquivalentHours(jobs: readonly Job[], from: IsoDate, to: IsoDate, filter: JobFilter): number {
  return sweep(jobs, toDayNumber(from), toDayNumber(to), filter, null)
}

/** Full-time-equivalent hours in a window (day numbers) of the jobs passing `filter` (all when null). */
export function hoursInWindow(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null, days: JobDays | null = null): number {
  return sweep(jobs, window.start, window.end, filter, null, days)
}

/** The last window asked for: a pool is scored on one date, so its window is computed once. */
let lastWindow: { asOf: IsoDate; years: number; window: DayWindow } | null = null

function cachedWindowBefore(asOf: IsoDate, years: number): DayWindow {
  if (lastWindow === null || lastWindow.asOf !== asOf || lastWindow.years !== years) lastWindow = { asOf, years, window: windowBefore(asOf, years) }
  return lastWindow.window
}

/** Whole full-time-equivalent years worked in the `years` years before `asOf` by jobs passing `filter`. */
export function fullYearsInWindow(jobs: readonly Job[], asOf: IsoDate, years: number, filter: JobFilter): number {
  const { start, end } = cachedWindowBefore(asOf, years)
  return wholeYears(sweep(jobs, start, end, filter, null))
}

/**
 * The thresholds compared with counts of hours while an answer is computed, when someone listens
 * (ProfileFacts.beginAnswer): the change calendar then knows which crossings can change that answer.
 */
let thresholdsCompared: number[] | null = null

/**
 * Starts (an array) or stops (null) recording the thresholds `reaches` compares counts with, and (as
 * negative numbers) the steps `wholeSteps` counts them in; returns the recorder it replaces.
 */
export function recordThresholds(into: number[] | null): number[] | null {
  const previous = thresholdsCompared
  thresholdsCompared = into
  return previous
}

/** How many whole `step`s of hours `hours` holds, by the rounding rule (reaches). */
export function wholeSteps(hours: number, step: number): number {
  // Every multiple of the step matters to such a count: recorded as a step (negative), not a threshold.
  if (thresholdsCompared !== null) thresholdsCompared.push(-step)
  let n = Math.floor((hours + HOURS_TOLERANCE) / step)
  // The division may round across an edge: settle it by the comparison itself.
  if (reaches(hours, (n + 1) * step)) n++
  else if (n > 0 && !reaches(hours, n * step)) n--
  return n
}

/** Whole years of full-time work in an amount of hours. */
export function wholeYears(hours: number): number {
  return wholeSteps(hours, HOURS_PER_YEAR)
}

/** Months (130 hours each, fractional) in an amount of hours. */
export function monthsOfHours(hours: number): number {
  return hours / HOURS_PER_MONTH
}

/** Whether `hours` reaches `minimum`, by the rounding rule (HOURS_TOLERANCE). */
export function reaches(hours: number, minimum: number): boolean {
  if (thresholdsCompared !== null) thresholdsCompared.push(minimum)
  return hours + HOURS_TOLERANCE >= minimum
}

/** The continuous spans of the jobs passing `filter` within a window, oldest first. */
export function continuousSpans(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null): WorkSpan[] {
  const raw: number[] = []
  sweep(jobs, window.start, window.end, filter, raw)
  const spans: WorkSpan[] = []
  for (let i = 0; i < raw.length; i += 3) spans.push({ from: fromDayNumber(raw[i]!), to: fromDayNumber(raw[i + 1]! - 1), hours: raw[i + 2]! })
  return spans
}

/** The hours of the longest-in-hours continuous span of the jobs passing `filter` within a window. */
export function longestContinuousHours(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null): number {
  const raw: number[] = []
  sweep(jobs, window.start, window.end, filter, raw)
  let best = 0
  for (let i = 2; i < raw.length; i += 3) if (raw[i]! > best) best = raw[i]!
  return best
}

/** Total hours and the hours of the longest continuous span of the jobs passing `filter` within a window, in one sweep. */
export function hoursAndLongestSpan(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null, days: JobDays | null = null): { hours: number; longestContinuousHours: number } {
  const raw: number[] = []
  const hours = sweep(jobs, window.start, window.end, filter, raw, days)
  let longest = 0
  for (let i = 2; i < raw.length; i += 3) if (raw[i]! > longest) longest = raw[i]!
  return { hours, longestContinuousHours: longest }
}

/** Work in one occupation within a window. */
export interface OccupationHours {
  readonly noc: string
  /** Full-time-equivalent hours (overlapping jobs in this occupation counted once). */
  readonly hours: number
  /** Hours of the longest continuous span in this occupation. */
  readonly longestContinuousHours: number
}

/** Hours per occupation (NOC) of the jobs passing `filter` within a window, occupations in first-seen order. */
export function hoursByOccupation(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null): OccupationHours[] {
  const result: OccupationHours[] = []
  const seen: string[] = []
  for (const job of jobs) {
    if (seen.includes(job.noc)) continue
    seen.push(job.noc)
    const noc = job.noc
    const inNoc: JobFilter = filter === null ? (j) => j.noc === noc : (j) => j.noc === noc && filter(j)
    const raw: number[] = []
    const hours = sweep(jobs, window.start, window.end, inNoc, raw)
    if (hours === 0) continue
    let longest = 0
    for (let i = 2; i < raw.length; i += 3) if (raw[i]! > longest) longest = raw[i]!
    result.push({ noc, hours, longestContinuousHours: longest })
  }
  return result
}

/** Full-time-equivalent hours per country (ISO code) of the jobs passing `filter` within a window, countries in first-seen order. */
export function hoursByCountry(jobs: readonly Job[], window: DayWindow, filter: JobFilter | null = null): { country: string; hours: number }[] {
  const result: { country: string; hours: number }[] = []
  for (const job of jobs) {
    const country = job.country
    if (result.some((r) => r.country === country)) continue
    const hours = sweep(jobs, window.start, window.end, filter === null ? (j) => j.country === country : (j) => j.country === country && filter(j), null)
    result.push({ country, hours })
  }
  return result.filter((r) => r.hours > 0)
}

/**
 * Canadian skilled work that counts for CRS points and CEC: in Canada, TEER 0-3, paid, not self-employed,
 * not during full-time study (MI s.15(7)(a)-(b) for the CRS, IRPR 87.1(3)(a)-(b) for CEC; docs/decisions.md 10).
 */
export const isCanadianSkilledWork: JobFilter = (job) => job.country === 'CA' && isSkilledNoc(job.noc) && !job.selfEmployed && !job.fullTimeStudent

/** Foreign skilled work that counts for skill transferability: outside Canada, TEER 0-3. */
export const isForeignSkilledWork: JobFilter = (job) => job.country !== 'CA' && isSkilledNoc(job.noc)

/** Skilled work anywhere (TEER 0-3). */
export const isSkilledWork: JobFilter = (job) => isSkilledNoc(job.noc)
