/**
 * crs.additional.job-offer — Additional points for arranged employment (a qualifying job offer).
 * 2015-01-01: 600 for a qualifying (LMIA-supported) offer (S5). 2016-11-19: 200 for NOC 00 (TEER 0 Major
 * Group 00 since NOC 2021), 50 for any other NOC 0/A/B (TEER 0-3) (MI 2016-1, S3, S6; tool S11).
 * 2025-03-25: removed from the MI for everyone in the pool (S1, S15). The offer still matters for FSW
 * and FST eligibility, so the input stays.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, JOB_OFFER_REMOVED, LAST_VERIFIED, MI_2016_1, launchSources } from '../shared.js'

export interface JobOfferPoints {
  readonly 'noc-00': number
  readonly 'teer-0-3': number
}

export const jobOfferTable = defineRule<JobOfferPoints>({
  id: 'crs.additional.job-offer',
  title: 'Additional points: arranged employment',
  lastVerified: LAST_VERIFIED,
  versions: [
    { from: CRS_LAUNCH, sources: launchSources('Additional points – qualifying offer of arranged employment'), value: { 'noc-00': 600, 'teer-0-3': 600 } },
    {
      from: MI_2016_1,
      sources: [cite('MI-EE-2016-1', 'Arranged employment: 200 points (NOC 00), 50 points (other NOC 0, A or B)'), cite('MI-EE-2015-05-30', 'Notice of changes of 2016-11-19'), cite('CRS-TOOL', 'job offer question (200/50)')],
      value: { 'noc-00': 200, 'teer-0-3': 50 },
    },
    {
      from: JOB_OFFER_REMOVED,
      sources: [cite('MI-EE-CURRENT', 'Comprehensive Ranking System: no arranged-employment points since the amendment in force 2025-03-25'), cite('IRCC-JOB-OFFER-2025', 'Removal in force 2025-03-25')],
      value: null,
      note: 'Removed for everyone in the pool; candidates already invited keep the points of their invitation.',
    },
  ],
})
