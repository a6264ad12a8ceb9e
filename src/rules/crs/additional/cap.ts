/**
 * crs.additional.cap — The additional points block is capped at 600 (MI s.8(2): "a maximum total of 600
 * points for additional factors"; S6; tool S10, S11).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const additionalCap = defineRule<number>({
  id: 'crs.additional.cap',
  title: 'Additional points: maximum for the block',
  lastVerified: LAST_VERIFIED,
  versions: [{ from: CRS_LAUNCH, sources: launchSources('Additional points – maximum 600 points'), value: 600 }],
})
