/**
 * crs.core.education — Core factor "Level of education": points for the highest credential.
 * MI s.11 (S1, S5); tool q4 (S10, S11), S12, S14.
 */
import type { EducationLevel } from '../../../schemas/crs-factors.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export type ByEducation = Readonly<Record<EducationLevel, { readonly withSpouse: number; readonly withoutSpouse: number }>>

export const educationTable = defineRule<ByEducation>({
  id: 'crs.core.education',
  title: 'Level of education (core / human capital factor)',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Level of education'),
      value: {
        none: { withSpouse: 0, withoutSpouse: 0 },
        secondary: { withSpouse: 28, withoutSpouse: 30 },
        'one-year': { withSpouse: 84, withoutSpouse: 90 },
        'two-year': { withSpouse: 91, withoutSpouse: 98 },
        bachelors: { withSpouse: 112, withoutSpouse: 120 },
        'two-or-more': { withSpouse: 119, withoutSpouse: 128 },
        masters: { withSpouse: 126, withoutSpouse: 135 },
        doctoral: { withSpouse: 140, withoutSpouse: 150 },
      },
    },
  ],
})
