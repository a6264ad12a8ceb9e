/**
 * fsw.grid.education — FSW selection grid, education, max 25 (IRPR 78; rules.md §7.2): secondary 5;
 * one-year post-secondary 15; two-year 19; 3+ years 21; two or more credentials, one of 3+ years 22;
 * master's or entry-to-practice professional degree 23; doctoral 25. Points do not add up.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import type { EducationLevel } from '../../../schemas/crs-factors.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../shared.js'

export const fswEducationTable = defineRule<Readonly<Record<EducationLevel, number>>>({
  id: 'fsw.grid.education',
  title: 'Federal Skilled Worker grid: education (max 25)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('IRPR', 's. 78(1)-(2): education points (laws page current to 2024-10-30)'), cite('FSW-PROGRAM', 'Selection factors: education')],
      value: { none: 0, secondary: 5, 'one-year': 15, 'two-year': 19, bachelors: 21, 'two-or-more': 22, masters: 23, doctoral: 25 },
    },
  ],
})
