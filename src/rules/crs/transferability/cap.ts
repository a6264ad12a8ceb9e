/**
 * crs.transferability.cap — The skill transferability block is capped at 100 (sum of the three groups,
 * each capped at 50). MI s.21 (S1, S5); tool (S10, S11).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const transferabilityCap = defineRule<number>({
  id: 'crs.transferability.cap',
  title: 'Skill transferability: maximum for the block',
  lastVerified: LAST_VERIFIED,
  versions: [{ from: CRS_LAUNCH, sources: launchSources('Skill transferability factors – maximum 100 points'), value: 100 }],
})
