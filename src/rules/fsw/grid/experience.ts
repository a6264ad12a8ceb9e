/**
 * fsw.grid.experience — FSW selection grid, work experience, max 15 (IRPR 80; rules.md §7.2): full-time
 * (or equivalent) TEER 0-3 work within the 10 years before the date: 1 year 9; 2-3 years 11; 4-5 years
 * 13; 6+ years 15. Hours above 30 a week and overlapping jobs count once (IRPR 80(4)).
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH, type PointRows } from '../shared.js'

export const fswExperienceTable = defineRule<{ readonly windowYears: number; readonly rows: PointRows }>({
  id: 'fsw.grid.experience',
  title: 'Federal Skilled Worker grid: work experience (max 15)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 80(1), (4): experience points; overlapping hours counted once'), cite('FSW-PROGRAM', 'Selection factors: work experience')],
      value: {
        windowYears: 10,
        rows: [
          [6, 15],
          [4, 13],
          [2, 11],
          [1, 9],
        ],
      },
    },
  ],
})
