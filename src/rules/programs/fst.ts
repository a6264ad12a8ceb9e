/**
 * programs.fst — Federal Skilled Trades (IRPR 87.2; S9; rules.md §8.2): CLB 5 in speaking and listening
 * and CLB 4 in reading and writing; 2 years (3,120 hours) of full-time, or equivalent part-time, work in
 * the skilled trade within the 5 years before the date; an offer of full-time work for at least a year,
 * or a Canadian certificate of qualification, in that trade. Trades are the NOC 2021 groups of IRPR
 * 87.2(1): Major Group 72 without Sub-major Group 726, 73, 82, 83, 92, 93 without Sub-major Group 932,
 * Minor Group 6320 and Unit Group 62200 (data/fst-noc.json `canadaCaVariant`).
 */
import fstNoc from '../../../data/fst-noc.json' with { type: 'json' }
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import type { Abilities } from '../../schemas/common.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../fsw/shared.js'

export interface FstRequirements {
  readonly minimumClb: Abilities
  readonly experienceHours: number
  readonly windowYears: number
  /** NOC 2021 unit groups that are skilled trades. */
  readonly trades: ReadonlySet<string>
}

export const fstRequirements = defineRule<FstRequirements>({
  id: 'programs.fst',
  title: 'Federal Skilled Trades: minimum requirements and eligible trades',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [
        cite('IRPR', 's. 87.2(1): skilled trades by NOC group; s. 87.2(3): language, two years of experience within five years, offer or certificate of qualification'),
        cite('FST-PROGRAM', 'Minimum requirements and eligible skilled trades'),
      ],
      note: 'Trade list as of NOC 2021 (from 2022-11-16); the same NOC 2021 list is applied to earlier dates because profiles carry NOC 2021 codes. The 726/932 exclusions and 62200 are UNCONFIRMED against canada.ca (categories.md §5).',
      value: { minimumClb: { speaking: 5, listening: 5, reading: 4, writing: 4 }, experienceHours: 3120, windowYears: 5, trades: new Set(fstNoc.canadaCaVariant) },
    },
  ],
})
