/**
 * crs.core.first-language — Core factor "Official languages proficiency – first official language":
 * points per ability (speaking, listening, reading, writing) by CLB/NCLC. MI s.12 (S1, S5); the tool's
 * FOL columns (S10, S11, S12), S14. CLB 4 and 5 both give 6, for every test (see docs/decisions.md on
 * the official tool's TCF quirk).
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

/** Rows `[minimum CLB, with spouse, without spouse]`, highest level first. */
export type ClbRows = readonly (readonly [clb: number, withSpouse: number, withoutSpouse: number])[]

export const firstLanguageTable = defineRule<ClbRows>({
  id: 'crs.core.first-language',
  title: 'First official language, points per ability (core / human capital factor)',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Official languages proficiency – first official language'),
      value: [
        [10, 32, 34],
        [9, 29, 31],
        [8, 22, 23],
        [7, 16, 17],
        [6, 8, 9],
        [4, 6, 6], // CLB 4 or 5
      ],
    },
  ],
})
