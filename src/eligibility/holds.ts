/**
 * How long an answer built on counts of work hours holds: the days until a count could cross the
 * threshold the answer compares it with. For the history scan, which asks the same profile on many
 * round dates (src/history/eligibility-scan.ts). @module
 */
import { HOURS_PER_YEAR } from '../work/history.js'

/**
 * The most full-time-equivalent hours a count in a window can move by in a day: the window's end adds
 * a day worked (at most full time, 30 h a week), its start drops one.
 */
export const MOST_HOURS_PER_DAY = 30 / 7

/** A day after `asOfDay` at which `distance` hours could have been covered, less two days of margin, and never before the next day. */
function holdsFor(asOfDay: number, distance: number): number {
  // Over d days a count moves by at most (d + 1) × 30/7: the window's start moves one day more once,
  // past a Feb 29. The second day of margin absorbs float error in the counts.
  return Math.max(asOfDay + 1, asOfDay + Math.floor(distance / MOST_HOURS_PER_DAY) - 2)
}

/**
 * The first day (day number) after `asOfDay` on which `reaches(hours, minimum)` could answer otherwise,
 * `hours` being a count in a window of the years before the date (or all the time before it).
 */
export function reachesHoldsUntil(asOfDay: number, hours: number, minimum: number): number {
  // reaches(hours, minimum) is hours + 1e-6 >= minimum: the distance to that edge.
  return holdsFor(asOfDay, Math.abs(hours + 1e-6 - minimum))
}

/**
 * The first day (day number) after `asOfDay` on which `wholeYears(hours)`, for such a count, could
 * leave [lowest, highest] (either bound may be infinite).
 */
export function wholeYearsHoldUntil(asOfDay: number, hours: number, lowest: number, highest: number): number {
  // wholeYears is floor(hours / 1560 + 1e-6): at least y from (y - 1e-6) × 1560 hours.
  const down = lowest === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : hours - (lowest - 1e-6) * HOURS_PER_YEAR
  const up = highest === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : (highest + 1 - 1e-6) * HOURS_PER_YEAR - hours
  const distance = Math.min(down, up)
  return distance === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : holdsFor(asOfDay, distance)
}
