/**
 * crs.core.second-language — Core factor "second official language": points per ability, and a cap of
 * 22 for the four abilities when there is an accompanying spouse (4 × 6 = 24 otherwise). MI s.13 (S1,
 * S5); tool SOL columns and cap (S10, S11, S12). Only the other official language can be second.
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

export interface SecondLanguageValue {
  /** Rows `[minimum CLB, points]`, highest first; the same in both columns. */
  readonly perAbility: readonly (readonly [clb: number, points: number])[]
  readonly capWithSpouse: number
  readonly capWithoutSpouse: number
}

export const secondLanguageTable = defineRule<SecondLanguageValue>({
  id: 'crs.core.second-language',
  title: 'Second official language, points per ability (core / human capital factor)',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Official languages proficiency – second official language'),
      value: {
        perAbility: [
          [9, 6],
          [7, 3], // CLB 7 or 8
          [5, 1], // CLB 5 or 6
        ],
        capWithSpouse: 22,
        capWithoutSpouse: 24,
      },
    },
  ],
})
