/**
 * crs.spouse.education — Spouse or common-law partner factor "Level of education" (max 10), for an
 * accompanying spouse who is not a citizen or PR. MI s.17 values verbatim (S2); tool q10 (S10, S11), S12.
 */
import type { EducationLevel } from '../../../schemas/crs-factors.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export const spouseEducationTable = defineRule<Readonly<Record<EducationLevel, number>>>({
  id: 'crs.spouse.education',
  title: "Spouse's level of education",
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Spouse or common-law partner factors – level of education'),
      value: { none: 0, secondary: 2, 'one-year': 6, 'two-year': 7, bachelors: 8, 'two-or-more': 9, masters: 10, doctoral: 10 },
    },
  ],
})
