/**
 * crs.spouse.language — Spouse factor "first official language", points per ability (max 20). MI s.18
 * (S1, S5); the tool's spouse column (S10, S11, S12).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const spouseLanguageTable = defineRule<readonly (readonly [clb: number, points: number])[]>({
  id: 'crs.spouse.language',
  title: "Spouse's first official language, points per ability",
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Spouse or common-law partner factors – official language proficiency'),
      value: [
        [9, 5],
        [7, 3], // CLB 7 or 8
        [5, 1], // CLB 5 or 6
      ],
    },
  ],
})
