/**
 * crs.spouse.canadian-work — Spouse factor "Canadian work experience" (max 10). MI s.19 (S1, S6); tool
 * q11 (S10, S11), S12.
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const spouseCanadianWorkTable = defineRule<readonly (readonly [years: number, points: number])[]>({
  id: 'crs.spouse.canadian-work',
  title: "Spouse's Canadian work experience",
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Spouse or common-law partner factors – Canadian work experience'),
      value: [
        [5, 10], // 5 years or more
        [4, 9],
        [3, 8],
        [2, 7],
        [1, 5],
      ],
    },
  ],
})
