/**
 * programs.cec — Canadian Experience Class (IRPR 87.1; rules.md §8.1): at least 1 year (1,560 hours) of
 * full-time, or equivalent part-time, paid TEER 0-3 work in Canada within the 3 years before the date, in
 * one or more occupations; CLB 7 in all four abilities when that work is TEER 0 or 1, CLB 5 when it is
 * TEER 2 or 3. Self-employment and work while a full-time student do not count (IRCC help centre).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../fsw/shared.js'

export interface CecRequirements {
  readonly experienceHours: number
  readonly windowYears: number
  readonly maxTeer: number
  /** CLB in all four abilities when the qualifying work is TEER 0 or 1. */
  readonly clbTeer01: number
  /** CLB in all four abilities when the qualifying work is TEER 2 or 3. */
  readonly clbTeer23: number
}

export const cecRequirements = defineRule<CecRequirements>({
  id: 'programs.cec',
  title: 'Canadian Experience Class: minimum requirements',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [
        cite('IRPR', 's. 87.1(2): one year of full-time work in Canada (or the equivalent part-time) within 3 years, skilled occupations; language threshold set by the Minister'),
        cite('CEC-HELP', 'not eligible for work gained while self-employed or on a student work permit, or without authorization'),
      ],
      value: { experienceHours: 1560, windowYears: 3, maxTeer: 3, clbTeer01: 7, clbTeer23: 5 },
    },
  ],
})
