/**
 * crs.additional.provincial-nomination — 600 points for a provincial or territorial nomination.
 * MI s.28 (S1, S5); tool (S10, S13).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const provincialNominationTable = defineRule<number>({
  id: 'crs.additional.provincial-nomination',
  title: 'Additional points: provincial or territorial nomination',
  lastVerified: LAST_VERIFIED,
  versions: [{ from: CRS_LAUNCH, sources: launchSources('Additional points – provincial or territorial nomination'), value: 600 }],
})
