/**
 * programs.assignment-order — The program an invitation is issued under when a candidate qualifies for
 * several: PNP (if nominated), then CEC, FSW, FST (S28, a single secondary source; rules.md §9, §12.15
 * UNCONFIRMED against the MI text).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED, EXPRESS_ENTRY_LAUNCH } from '../fsw/shared.js'
import type { ProgramId } from '../../schemas/common.js'

export const programAssignmentOrder = defineRule<readonly ProgramId[]>({
  id: 'programs.assignment-order',
  title: 'Program of an invitation when several apply',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: EXPRESS_ENTRY_LAUNCH,
      sources: [cite('MI-EE-CURRENT', 'invitations: the program a candidate is invited under'), cite('CRS-CRITERIA', 'S28: PNP, then CEC, FSW, FST (secondary source)')],
      value: ['pnp', 'cec', 'fsw', 'fst'],
    },
  ],
})
