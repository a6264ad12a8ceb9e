/**
 * crs.core.canadian-work — Core factor "Canadian work experience": skilled (TEER 0-3) paid work in
 * Canada in the 10 years before the day scored, in full-time-equivalent years. MI s.14-15 (S1, S5, S6);
 * tool q6i (S10, S11), S14.
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

/** Rows `[minimum years, with spouse, without spouse]`, highest first. */
export type YearRows = readonly (readonly [years: number, withSpouse: number, withoutSpouse: number])[]

export const canadianWorkTable = defineRule<YearRows>({
  id: 'crs.core.canadian-work',
  title: 'Canadian work experience (core / human capital factor)',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Canadian work experience'),
      value: [
        [5, 70, 80], // 5 years or more
        [4, 63, 72],
        [3, 56, 64],
        [2, 46, 53],
        [1, 35, 40],
      ],
    },
  ],
})
