/**
 * fsw.grid.language — FSW selection grid, official languages, max 28 (IRPR 79; rules.md §7.2): first
 * official language per ability 4 points at CLB 7, 5 at CLB 8, 6 at CLB 9+ (max 24); second official
 * language 4 points when all four abilities are CLB 5 or higher.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH, type PointRows } from '../shared.js'

export interface FswLanguagePoints {
  /** Per ability of the first official language: `[minimum CLB, points]`, highest first. */
  readonly firstLanguagePerAbility: PointRows
  /** CLB needed in all four abilities of the second official language. */
  readonly secondLanguageMinimumClb: number
  readonly secondLanguagePoints: number
  readonly max: number
}

export const fswLanguageTable = defineRule<FswLanguagePoints>({
  id: 'fsw.grid.language',
  title: 'Federal Skilled Worker grid: official languages (max 28)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 79(2)-(3): proficiency in the official languages'), cite('FSW-PROGRAM', 'Selection factors: English and/or French skills')],
      value: {
        firstLanguagePerAbility: [
          [9, 6],
          [8, 5],
          [7, 4],
        ],
        secondLanguageMinimumClb: 5,
        secondLanguagePoints: 4,
        max: 28,
      },
    },
  ],
})
