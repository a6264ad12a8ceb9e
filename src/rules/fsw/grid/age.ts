/**
 * fsw.grid.age — FSW selection grid, age, max 12 (IRPR 81; S8; rules.md §7.2): 18-35 12 points, then one
 * fewer per year to 46 (1 point); under 18 and 47+ 0. Taken on the date assessed (the application date
 * in IRCC's practice).
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../shared.js'

/** Points by age in full years: `points[age]`; ages past the end of the list score 0. */
export const fswAgeTable = defineRule<{ readonly byAge: readonly number[] }>({
  id: 'fsw.grid.age',
  title: 'Federal Skilled Worker grid: age (max 12)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 81: age points'), cite('FSW-PROGRAM', 'Selection factors: age')],
      value: {
        //       0-17: 0                                          18-35: 12                                  36 ... 46, then 0
        byAge: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      },
    },
  ],
})
