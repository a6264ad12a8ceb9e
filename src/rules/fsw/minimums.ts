/**
 * fsw.minimums — Federal Skilled Worker minimum requirements (IRPR 75, 76; rules.md §7.1): CLB 7 in all
 * four abilities of the first official language; at least 1 year (1,560 hours) of continuous full-time
 * paid work, or the equivalent in continuous part-time work, in one TEER 0-3 occupation within the 10
 * years before the date; a counting credential; 67 points on the selection grid.
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from './shared.js'

export interface FswMinimums {
  /** CLB required in each of the four abilities of the first official language. */
  readonly firstLanguageClb: number
  /** Hours of continuous work in one occupation (1 year = 1,560 h). */
  readonly experienceHours: number
  readonly experienceWindowYears: number
  /** Highest TEER that counts as skilled. */
  readonly maxTeer: number
  /** Grid pass mark out of 100. */
  readonly passMark: number
}

export const fswMinimums = defineRule<FswMinimums>({
  id: 'fsw.minimums',
  title: 'Federal Skilled Worker: minimum requirements and pass mark',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [
        cite('IRPR', 's. 75(2): one year of continuous full-time (or equivalent part-time) work in one skilled occupation within 10 years; s. 74: language threshold; s. 76(2): pass mark'),
        cite('FSW-PROGRAM', 'Minimum requirements: skilled work experience, language ability (CLB 7), education; pass mark 67'),
      ],
      note: 'Before NOC 2021 (2022-11-16) skilled meant NOC 2011 skill type 0 or level A/B; profiles carry NOC 2021 codes, so TEER 0-3 is used throughout.',
      value: { firstLanguageClb: 7, experienceHours: 1560, experienceWindowYears: 10, maxTeer: 3, passMark: 67 },
    },
  ],
})
