/**
 * crs.transferability.foreign-work — Skill transferability, foreign work group (max 50): (C) foreign
 * skilled work with first-official-language CLB 7+/9+, plus (D) foreign work with 1 or 2+ years of
 * Canadian work; C + D capped at 50. Foreign work buckets: none, 1-2 years, 3 years or more.
 * MI s.24-25 (S1, S5); S13; tool (S10, S11).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'
import type { CombinationTable } from './education.js'

/** Foreign work by whole years: none (under 1), 1 or 2, 3 or more. */
export type ForeignWorkBucket = 'none' | 'one-or-two' | 'three-or-more'

export const transferabilityForeignWorkTable = defineRule<CombinationTable<ForeignWorkBucket>>({
  id: 'crs.transferability.foreign-work',
  title: 'Skill transferability: foreign work experience with official language, and with Canadian work',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Skill transferability factors – foreign work experience'),
      value: {
        tierOf: { none: 0, 'one-or-two': 1, 'three-or-more': 2 },
        withLanguage: { clb7: [0, 13, 25], clb9: [0, 25, 50] },
        withCanadianWork: { oneYear: [0, 13, 25], twoOrMore: [0, 25, 50] },
        cap: 50,
      },
    },
  ],
})
