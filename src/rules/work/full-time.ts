/**
 * work.full-time — Full-time work is 30 hours a week; a year of full-time work is 1,560 hours (52 weeks
 * × 30 h), or the equivalent in part-time work; overlapping jobs count at most full time on any day
 * (IRPR 80(7) and 87.1(2); IRCC's program pages). The definition has not changed since Express Entry
 * opened: src/work/history.ts reads its one version (the registry test fails if a second is added
 * without making the counting read it by date).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED } from '../fsw/shared.js'

export const fullTimeWork = defineRule<{ readonly hoursPerWeek: number; readonly hoursPerYear: number }>({
  id: 'work.full-time',
  title: 'Full-time work and a year of full-time work in hours',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [
        cite('IRPR', 's. 80(7) and 87.1(4): full-time work is at least 30 hours of work over a period of one week'),
        cite('FSW-PROGRAM', 'one year of continuous work is 1,560 hours total (30 hours per week); part-time work may be used to meet the 1,560 hours'),
      ],
      value: { hoursPerWeek: 30, hoursPerYear: 1560 },
    },
  ],
})
