/**
 * pool.profile-validity — A profile (expression of interest) stays in the pool for at most a year: 12
 * months from its submission at launch, "one year after the EOI was received" in the wording of
 * MI 2017-1 s.4(1) (rules.md §9).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { POOL_LAST_VERIFIED } from './shared.js'

export const profileValidity = defineRule<{ readonly years: number }>({
  id: 'pool.profile-validity',
  title: 'How long a profile stays in the pool',
  lastVerified: POOL_LAST_VERIFIED,
  versions: [
    { from: '2015-01-01', sources: [cite('MI-EE-2014', 'an expression of interest remains in the pool for 12 months')], value: { years: 1 } },
    { from: '2017-06-06', sources: [cite('MI-EE-2017-1', 's.4(1): until one year after the expression of interest was received')], value: { years: 1 } },
  ],
})
