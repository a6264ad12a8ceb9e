/**
 * education.eca-validity — A foreign credential counts only with an Educational Credential Assessment
 * less than 5 years old: on the day the ECA is 5 years old the credential stops counting, for points and
 * eligibility (rules.md §1.2 and §9; MI 2017-1 s.3(4) for profiles in the pool).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED } from '../fsw/shared.js'

export const ecaValidity = defineRule<{ readonly years: number }>({
  id: 'education.eca-validity',
  title: 'Validity of an Educational Credential Assessment',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [cite('ECA', 'an ECA report must be less than 5 years old on the day of the profile and of the application'), cite('MI-EE-2017-1', 's.3(4): a candidate whose ECA is 5 years old no longer meets the requirement')],
      value: { years: 5 },
    },
  ],
})
