/**
 * fsw.grid.arranged-employment — FSW selection grid, arranged employment, 10 points (IRPR 82; rules.md
 * §7.2, §12.7 UNCONFIRMED against the current IRPR text): a valid offer of continuous full-time work in a
 * TEER 0-3 occupation. The 2025-03-25 removal of CRS job-offer points does not touch this grid.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../shared.js'

export const fswArrangedEmploymentTable = defineRule<{ readonly points: number; readonly maxTeer: number }>({
  id: 'fsw.grid.arranged-employment',
  title: 'Federal Skilled Worker grid: arranged employment (max 10)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 82: arranged employment'), cite('FSW-PROGRAM', 'Selection factors: arranged employment in Canada')],
      value: { points: 10, maxTeer: 3 },
    },
  ],
})
