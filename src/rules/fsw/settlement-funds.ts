/**
 * fsw.settlement-funds — Settlement funds for FSW and FST (IRPR 76(1)(b)(i); 50% of LICO; rules.md §7.3),
 * by family size: the applicant, the spouse or partner and dependent children, even those not coming or
 * already citizens or PRs. Not needed when authorized to work in Canada with a valid job offer, and never
 * for CEC. Tables are updated about once a year; before the first table here the amount is not known.
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED } from './shared.js'

export interface FundsTable {
  /** CAD required for 1 to 7 family members. */
  readonly bySize: readonly number[]
  /** CAD added for each member beyond 7. */
  readonly eachAdditional: number
}

export const settlementFundsTable = defineRule<FundsTable>({
  id: 'fsw.settlement-funds',
  title: 'Settlement funds by family size (FSW and FST)',
  lastVerified: ELIGIBILITY_LAST_VERIFIED,
  versions: [
    {
      from: '2022-06-09',
      sources: [cite('FUNDS-2022', 'previous-year column of the 2023 table'), cite('IRPR', 's. 76(1)(b)(i): funds of half the low income cut-off')],
      note: 'Start date from a secondary source (Immigration News Canada, 2023-05-02: "proof of funds came in effect on June 9, 2022").',
      value: { bySize: [13_310, 16_570, 20_371, 24_733, 28_052, 31_638, 35_224], eachAdditional: 3_586 },
    },
    {
      from: '2023-04-25',
      sources: [cite('FUNDS-2023', 'table effective 2023-04-25'), cite('IRPR', 's. 76(1)(b)(i)')],
      value: { bySize: [13_757, 17_127, 21_055, 25_564, 28_994, 32_700, 36_407], eachAdditional: 3_706 },
    },
    {
      from: '2024-05-28',
      sources: [cite('FUNDS-2024', 'table effective 2024-05-28'), cite('IRPR', 's. 76(1)(b)(i)')],
      value: { bySize: [14_690, 18_288, 22_483, 27_297, 30_690, 34_917, 38_875], eachAdditional: 3_958 },
    },
    {
      from: '2025-07-07',
      sources: [cite('FUNDS-2025', 'table published 2025-07-07; profiles to be updated by 2025-07-28'), cite('IRPR', 's. 76(1)(b)(i)')],
      note: 'Some sources give 2025-07-28 (the profile-update deadline) as the effective date; rules.md §7.3 advises 2025-07-07.',
      value: { bySize: [15_263, 19_001, 23_360, 28_362, 32_168, 36_280, 40_392], eachAdditional: 4_112 },
    },
  ],
})

/** CAD required for a family of `size` (1 or more) under a table. */
export function fundsRequired(table: FundsTable, size: number): number {
  const n = Math.max(1, size)
  if (n <= table.bySize.length) return table.bySize[n - 1]!
  return table.bySize[table.bySize.length - 1]! + (n - table.bySize.length) * table.eachAdditional
}
