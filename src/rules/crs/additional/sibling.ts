/**
 * crs.additional.sibling — 15 points for a brother or sister in Canada (the applicant's or the
 * accompanying spouse's; 18+, citizen or PR, living in Canada). From 2017-06-06 (MI 2017-1, S4; S13; tool
 * q10i).
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, MI_2017_1 } from '../shared.js'

export const siblingTable = defineRule<number>({
  id: 'crs.additional.sibling',
  title: 'Additional points: brother or sister in Canada',
  lastVerified: LAST_VERIFIED,
  versions: [
    { from: CRS_LAUNCH, sources: [cite('MI-EE-2014', 'Comprehensive Ranking System: no sibling points at launch')], value: null },
    { from: MI_2017_1, sources: [cite('MI-EE-2017-1', 'Additional points for a sibling in Canada'), cite('CRS-CRITERIA', 'Additional points – sibling in Canada')], value: 15 },
  ],
})
