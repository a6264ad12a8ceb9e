/** What the FSW, CEC and FST rule tables share. @module */
import type { IsoDate } from '../../domain/dates.js'

/** The day these eligibility tables were last checked against their sources. */
export const ELIGIBILITY_LAST_VERIFIED: IsoDate = '2026-11-29'

/** Express Entry opened on 2015-01-01; the program rules are encoded from then (rules.md §5). */
export const EXPRESS_ENTRY_LAUNCH: IsoDate = '2015-01-01'

/** Rows `[minimum, points]`, highest minimum first. */
export type PointRows = readonly (readonly [minimum: number, points: number])[]

/** Points for `value` from rows `[minimum, points]` (highest first); 0 below every row. */
export function pointsFor(rows: PointRows, value: number): number {
  for (const [minimum, points] of rows) if (value >= minimum) return points
  return 0
}
