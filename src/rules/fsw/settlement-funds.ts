/**
 * fsw.settlement-funds — Settlement funds for FSW and FST (IRPR 76(1)(b)(i); 50% of LICO; rules.md §7.3),
 * by family size: the applicant, the spouse or partner and dependent children, even those not coming or
 * already citizens or PRs. Not needed when authorized to work in Canada with a valid job offer, and never
 * for CEC. Tables are updated about once a year. Each version starts on the day IRCC said the table took
 * effect, or else on the day it was published, or, where no source gives that day, on the earliest dated
 * report of it (docs/decisions.md E9). Before 2017-01-27 no table is known from two agreeing sources
 * (the 2015 and 2016 tables were not found): there is no version, so funds are not checked then.
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
      from: '2017-01-27',
      sources: [
        cite('FUNDS-2017', 'table "as of January 27, 2017", 1 to "7 or more" members'),
        cite('FUNDS-2017-B', 'the same amounts for 1 to 7 members'),
        cite('FUNDS-2018', '"2017 amount" column'),
        cite('IRPR', 's. 76(1)(b)(i): funds of half the low income cut-off'),
      ],
      note:
        'Start: the new amounts applied to "applications submitted as of January 27, 2017" (FUNDS-2017; CIC News text); CanadaVisa headed the same table "as of January 5, 2017", so the later day is taken and the days between are unchecked. ' +
        'Beyond 7 members: FUNDS-2017 gives "7 or more: $32,550" while FUNDS-2018 shows $3,314 for each additional member in its 2017 column; the lower reading (no increment) is taken, so a family of 8 or more is never asked for more than IRCC may have asked.',
      value: { bySize: [12_300, 15_312, 18_825, 22_856, 25_923, 29_236, 32_550], eachAdditional: 0 },
    },
    {
      from: '2018-01-05',
      sources: [
        cite('FUNDS-2018', '"A 1.42 per cent increase was implemented January 5, 2018": "2018 amount" column'),
        cite('FUNDS-2018-B', 'the 2018 table (2018-01-15)'),
        cite('FUNDS-2019', '"2018 amount" column'),
        cite('IRPR', 's. 76(1)(b)(i)'),
      ],
      note: 'Two pages (calverimmigrationservices.com "as of February 2018", isaglobal.in) give 12,475 / 15,531 / 19,093 / 23,181 / 26,292 / 29,652 / 33,014, one dollar more for 1, 2, 3, 5 and 7 members; the lower figures, which three sources give, are taken.',
      value: { bySize: [12_474, 15_530, 19_092, 23_181, 26_291, 29_652, 33_013], eachAdditional: 3_361 },
    },
    {
      from: '2019-01-16',
      sources: [
        cite('FUNDS-2019', '"2019 amount" column (published 2019-01-17)'),
        cite('FUNDS-2019-B', '"this year" column'),
        cite('FUNDS-2019-DATE', '"Revised Proof of Funds (as of January 16, 2019)"'),
        cite('IRPR', 's. 76(1)(b)(i)'),
      ],
      value: { bySize: [12_669, 15_772, 19_390, 23_542, 26_701, 30_114, 33_528], eachAdditional: 3_414 },
    },
    {
      from: '2020-01-01',
      sources: [
        cite('FUNDS-2020', 'the table of the IRCC notice; profiles to be updated no later than 2020-02-25'),
        cite('FUNDS-2020-B', 'the 2020 table'),
        cite('FUNDS-2020-DATE', '"On January 1, 2020, IRCC updated the financial requirements"'),
        cite('IRPR', 's. 76(1)(b)(i)'),
      ],
      note: 'Published 2020-01-01 (reports dated 2020-01-03 and 2020-01-04 carry it); the profile-update deadline 2020-02-25 is not the start (E9: the publication day, as in 2025).',
      value: { bySize: [12_960, 16_135, 19_836, 24_083, 27_315, 30_806, 34_299], eachAdditional: 3_492 },
    },
    {
      from: '2021-07-12',
      sources: [
        cite('FUNDS-2021', 'the 2021 table; profiles to be updated no later than 2021-07-15'),
        cite('FUNDS-2021-B', 'the 2021 table'),
        cite('FUNDS-2021-DATE', 'dated 2021-07-12: IRCC "has recently updated the table"'),
        cite('IRPR', 's. 76(1)(b)(i)'),
      ],
      note: 'The day IRCC published the 2021 table was not found; the earliest dated report of it (2021-07-12) is taken, so the 2020 table carries on until then (a Jamaica Observer column of 2021-07-07 already says the amounts "have been updated", without figures). No round open to FSW or FST falls between early July and that day (the rounds of 2021-07-07 and 2021-07-08 were PNP and CEC).',
      value: { bySize: [13_213, 16_449, 20_222, 24_553, 27_847, 31_407, 34_967], eachAdditional: 3_560 },
    },
    {
      from: '2022-06-09',
      sources: [
        cite('FUNDS-2022', 'previous-year column of the 2023 table'),
        cite('FUNDS-2022-B', 'the table "as of June 9, 2022"'),
        cite('IRPR', 's. 76(1)(b)(i): funds of half the low income cut-off'),
      ],
      note: 'Start date: the IRCC notice (FUNDS-2022-B, copied) gives the table "as of June 9, 2022", with profiles to be updated by 2022-06-08; it was published on 2022-05-11 (mesidor.ca), but IRCC stated the day it takes effect (E9). Immigration News Canada, 2023-05-02: "proof of funds came in effect on June 9, 2022".',
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
