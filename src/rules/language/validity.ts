/**
 * language.validity — Language test results count for 2 years from the test date: on the day they are
 * 2 years old they no longer count, for points or eligibility (MI 2017-1 s.3(4) and the 2016-1 rule for
 * spouses' results, S4, S6; IRCC's language requirements page; the tool refuses results 2+ years old, S10).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED } from './shared.js'

export const languageValidity = defineRule<{ readonly years: number }>({
  id: 'language.validity',
  title: 'Validity of language test results',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [cite('LANGUAGE-TESTS', 'Results must be less than 2 years old'), cite('MI-EE-2017-1', 's.3(4): results expire after 2 years while in the pool')],
      value: { years: 2 },
    },
  ],
})
