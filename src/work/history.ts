/**
 * Work history in full-time equivalents. Hours are counted day by day as `hoursPerWeek / 7`, and
 * overlapping jobs count once: at most 30 hours a week (full time) on any day (IRPR 80(4); MI s.15).
 * 1,560 hours (52 weeks × 30 h) make one year.
 * @module
 */
import { addYears, toDayNumber, type IsoDate } from '../domain/dates.js'
import type { Job } from '../schemas/profile.js'

export const FULL_TIME_HOURS_PER_WEEK = 30
export const HOURS_PER_YEAR = 1560
const FULL_TIME_PER_DAY = FULL_TIME_HOURS_PER_WEEK / 7

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

/**
 * Full-time-equivalent hours worked by the jobs that pass `filter` in the days [from, to), overlapping
 * jobs counted once and capped at full time per day. `job.to` is the last day worked; an open job runs
 * until `to`.
 */
export function fullTimeEquivalentHours(jobs: readonly Job[], from: IsoDate, to: IsoDate, filter: JobFilter): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  // Sweep over day boundaries: +rate at a job's first day, -rate the day after its last.
  const events: number[] = []
  for (const job of jobs) {
    if (!filter(job)) continue
    const a = Math.max(start, toDayNumber(job.from))
    const b = Math.min(end, job.to === null ? end : toDayNumber(job.to) + 1)
    if (a >= b) continue
    const rate = job.hoursPerWeek / 7
    events.push(a, rate, b, -rate)
  }
  if (events.length === 0) return 0
  if (events.length === 4) return (events[2]! - events[0]!) * Math.min(events[1]!, FULL_TIME_PER_DAY)
  const order: number[] = []
  for (let i = 0; i < events.length; i += 2) order.push(i)
  order.sort((x, y) => events[x]! - events[y]!)
  let hours = 0
  let rate = 0
  let day = events[order[0]!]!
  for (const i of order) {
    const at = events[i]!
    if (at > day) {
      hours += (at - day) * Math.min(rate, FULL_TIME_PER_DAY)
      day = at
    }
    rate += events[i + 1]!
  }
  return hours
}

/** Whole full-time-equivalent years worked in the `years` years before `asOf` by jobs passing `filter`. */
export function fullYearsInWindow(jobs: readonly Job[], asOf: IsoDate, years: number, filter: JobFilter): number {
  // A tiny epsilon absorbs float error in hours summed from fractional daily rates.
  return Math.floor(fullTimeEquivalentHours(jobs, addYears(asOf, -years), asOf, filter) / HOURS_PER_YEAR + 1e-9)
}

/** Canadian skilled work that counts for CRS points: in Canada, TEER 0-3, paid, not self-employed, not while a full-time student (docs/decisions.md). */
export const isCanadianSkilledWork: JobFilter = (job) => job.country === 'CA' && isSkilledNoc(job.noc) && !job.selfEmployed && !job.fullTimeStudent

/** Foreign skilled work that counts for skill transferability: outside Canada, TEER 0-3. */
export const isForeignSkilledWork: JobFilter = (job) => job.country !== 'CA' && isSkilledNoc(job.noc)
