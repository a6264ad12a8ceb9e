/**
 * fsw.grid.adaptability — FSW selection grid, adaptability, max 10 (IRPR 83; S29; rules.md §7.2, §12.6):
 * accompanying spouse's language CLB 4+ in all four abilities 5; principal applicant's past study in
 * Canada (2+ years full-time) 5; spouse's past study in Canada 5; principal applicant's past skilled work
 * in Canada (1+ year, TEER 0-3) 10; spouse's past full-time work in Canada (1+ year) 5; arranged
 * employment 5; a relative in Canada 5. The sum is capped at 10.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../shared.js'

export interface FswAdaptabilityPoints {
  readonly spouseLanguage: number
  readonly spouseLanguageMinimumClb: number
  readonly pastStudy: number
  readonly spousePastStudy: number
  /** Years of full-time study a Canadian credential needs to count as past study. */
  readonly pastStudyYears: number
  readonly pastWork: number
  readonly spousePastWork: number
  readonly arrangedEmployment: number
  readonly relative: number
  readonly max: number
}

export const fswAdaptabilityTable = defineRule<FswAdaptabilityPoints>({
  id: 'fsw.grid.adaptability',
  title: 'Federal Skilled Worker grid: adaptability (max 10)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 83(1)-(5): adaptability'), cite('FSW-PROGRAM', 'Selection factors: adaptability')],
      note: '10 points for the principal applicant\'s past work in Canada follows IRPR 83(1)(d) as read by S29; one source gives 5 (rules.md §12.6).',
      value: { spouseLanguage: 5, spouseLanguageMinimumClb: 4, pastStudy: 5, spousePastStudy: 5, pastStudyYears: 2, pastWork: 10, spousePastWork: 5, arrangedEmployment: 5, relative: 5, max: 10 },
    },
  ],
})
