/**
 * crs.transferability.certificate — Skill transferability, certificate of qualification in a trade
 * (max 50): 25 with CLB 5+ in all four first-language abilities (one below 7), 50 with CLB 7+ in all four.
 * MI s.26 (S1, S5); S13; tool (S10, S11).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const transferabilityCertificateTable = defineRule<readonly (readonly [minimumClb: number, points: number])[]>({
  id: 'crs.transferability.certificate',
  title: 'Skill transferability: certificate of qualification with official language',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Skill transferability factors – certificate of qualification'),
      value: [
        [7, 50],
        [5, 25],
      ],
    },
  ],
})
