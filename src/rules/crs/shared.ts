/**
 * Citations shared by the CRS tables. The point values in every table were checked against at least two
 * of: the MI text (S1/S2/S5/S6), IRCC's CRS criteria page (S13) and the official CRS tool's script
 * (S10/S11); ../shared/research/rules.md §1-4 records which.
 * @module
 */
import { cite } from '../sources.js'

export const CRS_LAUNCH = '2015-01-01'
/** MI 2016-1: job offer 200/50, Canadian education points (S3, S6). */
export const MI_2016_1 = '2016-11-19'
/** MI 2017-1: French and sibling points, tie-break by submission time (S4). */
export const MI_2017_1 = '2017-06-06'
/** French points raised to 25/50 (S16). */
export const FRENCH_2020 = '2020-10-27'
/** Arranged-employment points removed (S15). */
export const JOB_OFFER_REMOVED = '2025-03-25'

export const LAST_VERIFIED = '2026-11-29'

export const launchSources = (table: string) => [
  cite('MI-EE-2014', `Comprehensive Ranking System, ${table}`),
  cite('MI-EE-CURRENT', `Comprehensive Ranking System, ${table}`),
  cite('CRS-CRITERIA', table),
]

/**
 * Canadian and foreign work experience score when gained in the 10 years before the date (MI,
 * Comprehensive Ranking System, work experience; IRCC's CRS criteria: "in the last ten years").
 */
export const CRS_WORK_WINDOW_YEARS = 10
