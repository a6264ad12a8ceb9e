/**
 * crs.additional.canadian-education — Additional points for a Canadian post-secondary credential:
 * 15 for a one- or two-year credential, 30 for a credential of three years or more (or a master's,
 * professional or doctoral degree of at least one academic year). In force from 2016-11-19 (MI 2016-1,
 * s.30; S3, S6; tool S10, S13).
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, MI_2016_1 } from '../shared.js'

export interface CanadianEducationPoints {
  readonly 'one-or-two-year': number
  readonly 'three-year-or-more': number
}

export const canadianEducationTable = defineRule<CanadianEducationPoints>({
  id: 'crs.additional.canadian-education',
  title: 'Additional points: post-secondary education in Canada',
  lastVerified: LAST_VERIFIED,
  versions: [
    { from: CRS_LAUNCH, sources: [cite('MI-EE-2014', 'Comprehensive Ranking System: no points for Canadian education at launch')], value: null },
    {
      from: MI_2016_1,
      sources: [cite('MI-EE-2016-1', 's.30: post-secondary education in Canada'), cite('MI-EE-CURRENT', 's.30'), cite('CRS-CRITERIA', 'Additional points – post-secondary education in Canada')],
      value: { 'one-or-two-year': 15, 'three-year-or-more': 30 },
    },
  ],
})
