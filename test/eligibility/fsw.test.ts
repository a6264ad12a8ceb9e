import { describe, expect, it } from 'vitest'
import { eligibility } from '../../src/eligibility/index.js'
import { fundsRequired, settlementFundsTable } from '../../src/rules/fsw/settlement-funds.js'
import { AS_OF, celpip, job, makeProfile, tcf } from './helpers.js'

const fsw = (overrides: Parameters<typeof makeProfile>[0], asOf = AS_OF) => eligibility(makeProfile(overrides), asOf).programs.fsw
const codes = (r: { unmet: readonly { code: string }[] }) => r.unmet.map((u) => u.code)

describe('FSW: the base candidate', () => {
  it('is eligible with 72 points (24 + 21 + 15 + 12 + 0 + 0)', () => {
    const r = fsw({})
    expect(r).toMatchObject({ eligible: true, points: 72, unmet: [] })
    expect(r.grid).toEqual({ language: 24, education: 21, experience: 15, age: 12, arrangedEmployment: 0, adaptability: 0 })
  })
})

describe('FSW grid: language (IRPR 79), max 28', () => {
  it.each([
    { clb: 7, points: 16 },
    { clb: 8, points: 20 },
    { clb: 9, points: 24 },
    { clb: 10, points: 24 },
  ])('CLB $clb in all four abilities: $points', ({ clb, points }) => {
    expect(fsw({ languageTests: [celpip(clb)] }).grid.language).toBe(points)
  })

  it('scores each ability on its own (9, 8, 7, 7 = 6 + 5 + 4 + 4)', () => {
    expect(fsw({ languageTests: [celpip({ speaking: 9, listening: 8, reading: 7, writing: 7 })] }).grid.language).toBe(19)
  })

  it.each([
    { nclc: 5, points: 28 },
    { nclc: 4, points: 24 },
  ])('second official language at NCLC $nclc in all four: total $points', ({ nclc, points }) => {
    expect(fsw({ languageTests: [celpip(9), tcf(nclc)] }).grid.language).toBe(points)
  })
})

describe('FSW grid: education (IRPR 78), max 25', () => {
  const credential = (level: string, programYears: number) => ({ level, country: 'IN', programYears, completedOn: '2017-06-30', eca: { organization: 'WES', issuedOn: '2024-01-10' } })
  it.each([
    { level: 'secondary', years: 0, points: 5 },
    { level: 'one-year', years: 1, points: 15 },
    { level: 'two-year', years: 2, points: 19 },
    { level: 'bachelors', years: 4, points: 21 },
    { level: 'masters', years: 2, points: 23 },
    { level: 'doctoral', years: 4, points: 25 },
  ])('$level: $points', ({ level, years, points }) => {
    expect(fsw({ education: [credential(level, years)] as never }).grid.education).toBe(points)
  })

  it('two post-secondary credentials, one of 3+ years: 22', () => {
    expect(fsw({ education: [credential('bachelors', 4), credential('one-year', 1)] as never }).grid.education).toBe(22)
  })

  it('a credential whose ECA is 5 years old does not count, and then FSW needs one', () => {
    const r = fsw({ education: [{ ...credential('bachelors', 4), eca: { organization: 'WES', issuedOn: '2021-03-01' } }] as never })
    expect(r.grid.education).toBe(0)
    expect(codes(r)).toContain('no_education')
  })
})

describe('FSW grid: experience (IRPR 80), max 15, within 10 years', () => {
  it.each([
    { from: '2025-03-15', points: 0 },
    { from: '2025-01-01', points: 9 },
    { from: '2024-01-01', points: 11 },
    { from: '2023-01-01', points: 11 },
    { from: '2022-01-01', points: 13 },
    { from: '2021-01-01', points: 13 },
    { from: '2020-01-01', points: 15 },
  ])('skilled work from $from to 2026-02-28: $points', ({ from, points }) => {
    expect(fsw({ work: [job('21231', from, '2026-02-28')] }).grid.experience).toBe(points)
  })

  it('work before the 10-year window does not count', () => {
    expect(fsw({ work: [job('21231', '2010-01-01', '2016-02-29')] }).grid.experience).toBe(0)
  })

  it('TEER 4-5 work does not count', () => {
    expect(fsw({ work: [job('64100', '2018-01-01', '2024-12-31')] }).grid.experience).toBe(0)
  })
})

describe('FSW grid: age (IRPR 81), max 12', () => {
  it.each([
    [17, 0], [18, 12], [35, 12], [36, 11], [37, 10], [38, 9], [39, 8], [40, 7], [41, 6], [42, 5], [43, 4], [44, 3], [45, 2], [46, 1], [47, 0], [60, 0],
  ])('age %i: %i points', (age, points) => {
    expect(fsw({ dateOfBirth: `${2026 - age}-01-01` }).grid.age).toBe(points)
  })

  it('counts full years: the day before the 36th birthday is still 35', () => {
    expect(fsw({ dateOfBirth: '1990-03-02' }).grid.age).toBe(12)
    expect(fsw({ dateOfBirth: '1990-03-01' }).grid.age).toBe(11)
  })
})

describe('FSW grid: arranged employment (IRPR 82) and adaptability (IRPR 83)', () => {
  it.each([
    { noc: '21231', points: 10 },
    { noc: '00012', points: 10 },
    { noc: '64100', points: 0 },
  ])('job offer in $noc: $points', ({ noc, points }) => {
    expect(fsw({ jobOffer: { noc, lmiaExempt: false } }).grid.arrangedEmployment).toBe(points)
  })

  const spouse = (extra: object) => ({ maritalStatus: 'married' as const, spouse: { accompanying: true, canadianCitizenOrPR: false, ...extra } })
  it.each([
    { name: 'nothing', overrides: {}, points: 0 },
    { name: 'sibling in Canada', overrides: { siblingInCanada: true }, points: 5 },
    { name: 'arranged employment', overrides: { jobOffer: { noc: '21231', lmiaExempt: false } }, points: 5 },
    { name: 'own 2-year study in Canada', overrides: { education: [{ level: 'masters', country: 'CA', programYears: 2, completedOn: '2020-05-31' }] }, points: 5 },
    { name: 'own 1-year study in Canada only', overrides: { education: [{ level: 'one-year', country: 'CA', programYears: 1, completedOn: '2020-05-31' }] }, points: 0 },
    { name: 'own year of skilled work in Canada', overrides: { work: [job('21231', '2018-01-01', '2024-12-31'), job('21231', '2025-01-01', '2025-12-31', { country: 'CA' })] }, points: 10 },
    { name: 'spouse CLB 4 in all four', overrides: spouse({ languageTests: [celpip(4)] }), points: 5 },
    { name: 'spouse CLB 3 in one ability', overrides: spouse({ languageTests: [celpip({ speaking: 3, listening: 4, reading: 4, writing: 4 })] }), points: 0 },
    { name: 'spouse study in Canada', overrides: spouse({ education: [{ level: 'two-year', country: 'CA', programYears: 2, completedOn: '2019-05-31' }] }), points: 5 },
    { name: 'spouse year of work in Canada', overrides: spouse({ work: [job('31301', '2022-01-01', '2023-06-30', { country: 'CA' })] }), points: 5 },
    { name: 'spouse who is a citizen: nothing', overrides: { maritalStatus: 'married' as const, spouse: { accompanying: true, canadianCitizenOrPR: true, languageTests: [celpip(9)] } }, points: 0 },
    { name: 'capped at 10', overrides: { siblingInCanada: true, jobOffer: { noc: '21231', lmiaExempt: false }, ...spouse({ languageTests: [celpip(5)] }) }, points: 10 },
  ])('$name: $points', ({ overrides, points }) => {
    expect(fsw(overrides as never).grid.adaptability).toBe(points)
  })
})

describe('FSW minimums (IRPR 75)', () => {
  it.each([
    { clb: { speaking: 7, listening: 7, reading: 7, writing: 7 }, eligible: true },
    { clb: { speaking: 6, listening: 7, reading: 7, writing: 7 }, eligible: false },
    { clb: { speaking: 7, listening: 7, reading: 7, writing: 6 }, eligible: false },
  ])('first official language $clb: eligible $eligible', ({ clb, eligible }) => {
    // CLB 7 x4 = 16 language points; the rest of the base grid (48) plus 16 = 64, so add a sibling and an offer.
    const r = fsw({ languageTests: [celpip(clb)], siblingInCanada: true, jobOffer: { noc: '21231', lmiaExempt: false } })
    expect(r.eligible).toBe(eligible)
    if (!eligible) expect(codes(r)).toEqual(['language_below_minimum'])
  })

  it('uses the first official language: a French-first candidate needs NCLC 7 in French', () => {
    expect(codes(fsw({ firstOfficialLanguage: 'french' }))).toContain('no_language_result')
    expect(fsw({ firstOfficialLanguage: 'french', languageTests: [tcf(7), celpip(9)] }).eligible).toBe(true)
    expect(codes(fsw({ firstOfficialLanguage: 'french', languageTests: [tcf(7, '2025-06-01', 'writing'), celpip(9)] }))).toContain('language_below_minimum')
  })

  it('results 2 years old no longer count', () => {
    expect(codes(fsw({ languageTests: [celpip(9, '2024-03-01')] }))).toContain('no_language_result')
    expect(fsw({ languageTests: [celpip(9, '2024-03-02')] }).eligible).toBe(true)
  })

  it.each([
    { name: '12 months continuous', work: [job('21231', '2024-03-01', '2025-02-28')], eligible: true },
    { name: '11 months continuous', work: [job('21231', '2024-03-01', '2025-01-31')], eligible: false },
    { name: 'two employers back to back, same NOC', work: [job('21231', '2024-03-01', '2024-08-31'), job('21231', '2024-09-01', '2025-02-28')], eligible: true },
    { name: 'a one-month gap breaks continuity', work: [job('21231', '2023-03-01', '2023-08-31'), job('21231', '2023-10-01', '2024-03-31')], eligible: false },
    { name: 'two occupations of 6 months each', work: [job('21231', '2024-03-01', '2024-08-31'), job('21232', '2024-09-01', '2025-02-28')], eligible: false },
    { name: '24 months at 15 h/week, continuous', work: [job('21231', '2023-03-01', '2025-02-28', { hoursPerWeek: 15 })], eligible: true },
    { name: 'a year ending 10 years and 1 day ago', work: [job('21231', '2015-02-28', '2016-02-28')], eligible: false },
    { name: 'TEER 4 work', work: [job('64100', '2018-01-01', '2024-12-31')], eligible: false },
  ])('$name: eligible $eligible', ({ work, eligible }) => {
    // A doctorate, a sibling and an offer keep the grid above 67 whatever the experience points.
    const r = fsw({ work, siblingInCanada: true, jobOffer: { noc: '21231', lmiaExempt: false }, education: [{ level: 'doctoral', country: 'IN', programYears: 4, completedOn: '2017-06-30', eca: { organization: 'WES', issuedOn: '2024-01-10' } }] })
    expect(r.unmet.filter((u) => u.code === 'experience_insufficient').length === 0).toBe(eligible)
  })

  it('fails below the pass mark of 67 and says by how much', () => {
    const r = fsw({ dateOfBirth: '1979-01-01', languageTests: [celpip(7)] }) // 16 + 21 + 15 + 0 = 52
    expect(r.points).toBe(52)
    expect(codes(r)).toEqual(['grid_below_pass_mark'])
    expect(r.unmet[0]!.message).toMatch(/67 of 100 points.*scores 52/)
    expect(r.unmet[0]!.source.ruleId).toBe('fsw.minimums')
  })
})

describe('settlement funds by family size (dated tables)', () => {
  it.each([
    // [date, family size, required]
    ['2022-06-09', 1, 13_310],
    ['2023-04-24', 1, 13_310],
    ['2023-04-25', 1, 13_757],
    ['2023-04-25', 4, 25_564],
    ['2024-05-27', 2, 17_127],
    ['2024-05-28', 2, 18_288],
    ['2024-05-28', 7, 38_875],
    ['2024-05-28', 9, 38_875 + 2 * 3_958],
    ['2025-07-06', 3, 22_483],
    ['2025-07-07', 3, 23_360],
    ['2025-07-07', 5, 32_168],
    ['2025-07-07', 6, 36_280],
    ['2025-07-07', 8, 40_392 + 4_112],
  ] as const)('%s, family of %i: CAD %i', (date, size, required) => {
    expect(fundsRequired(settlementFundsTable.at(date).value, size)).toBe(required)
  })

  // Every row of every table: [first day in force, 1..7 members, each additional]. 2023-2025 are rules.md
  // §7.3's three columns. 2017-2022 are copied from the pages cited (docs/decisions.md E9), two per table:
  // 2017 abhinav.com ("as of January 27, 2017", "7 or more") and canadaupdates.com 2017-07-24;
  // 2018 globaleducationideas.com ("implemented January 5, 2018") and visasabroad.com 2018-01-15;
  // 2019 cicnews.com 2019-01-17 and visatime.com; 2020 fsscanadaimmigration.com (IRCC notice, update by
  // 2020-02-25) and kansaz.in; 2021 bluebird-immigration.com (CIC News text) and swiftconnect.ca;
  // 2022 canapprove.ae and icpimmigration.com ("as of June 9, 2022").
  const FUNDS_TABLES: readonly (readonly [string, readonly number[], number])[] = [
    ['2017-01-27', [12_300, 15_312, 18_825, 22_856, 25_923, 29_236, 32_550], 0], // "7 or more $32,550": no increment (E9)
    ['2018-01-05', [12_474, 15_530, 19_092, 23_181, 26_291, 29_652, 33_013], 3_361],
    ['2019-01-16', [12_669, 15_772, 19_390, 23_542, 26_701, 30_114, 33_528], 3_414],
    ['2020-01-01', [12_960, 16_135, 19_836, 24_083, 27_315, 30_806, 34_299], 3_492],
    ['2021-07-12', [13_213, 16_449, 20_222, 24_553, 27_847, 31_407, 34_967], 3_560],
    ['2022-06-09', [13_310, 16_570, 20_371, 24_733, 28_052, 31_638, 35_224], 3_586],
    ['2023-04-25', [13_757, 17_127, 21_055, 25_564, 28_994, 32_700, 36_407], 3_706], // "Before 2024-05-28 (2023 table)"
    ['2024-05-28', [14_690, 18_288, 22_483, 27_297, 30_690, 34_917, 38_875], 3_958], // "2024-05-28 → 2025-07-06"
    ['2025-07-07', [15_263, 19_001, 23_360, 28_362, 32_168, 36_280, 40_392], 4_112], // "From 2025-07-07"
  ]
  it.each(FUNDS_TABLES.flatMap(([from, bySize, extra]) => [...bySize.map((amount, i) => [from, i + 1, amount] as const), [from, 8, bySize[6]! + extra] as const, [from, 10, bySize[6]! + 3 * extra] as const]))(
    'table of %s, family of %i: CAD %i',
    (from, size, required) => {
      expect(fundsRequired(settlementFundsTable.at(from).value, size)).toBe(required)
    },
  )

  // The day before and the day of each table, single: [day of, old amount (null: no table), new amount].
  it.each([
    ['2017-01-27', null, 12_300],
    ['2018-01-05', 12_300, 12_474],
    ['2019-01-16', 12_474, 12_669],
    ['2020-01-01', 12_669, 12_960],
    ['2021-07-12', 12_960, 13_213],
    ['2022-06-09', 13_213, 13_310],
    ['2023-04-25', 13_310, 13_757],
    ['2024-05-28', 13_757, 14_690],
    ['2025-07-07', 14_690, 15_263],
  ] as const)('the table of %s: CAD %s the day before, CAD %i that day', (day, before, after) => {
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    expect(settlementFundsTable.valueAt(dayBefore)?.bySize[0] ?? null).toBe(before)
    expect(settlementFundsTable.valueAt(day)?.bySize[0]).toBe(after)
  })

  it('has no table before 2017-01-27 (the 2015 and 2016 tables were not found), so funds are not checked then', () => {
    expect(settlementFundsTable.valueAt('2017-01-26')).toBeNull()
    const r = fsw({ settlementFundsCad: 0, work: [job('21231', '2008-01-01', '2016-12-31')], languageTests: [celpip(9, '2016-06-01')], education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2007-06-30', eca: { organization: 'WES', issuedOn: '2015-01-10' } }] as never, dateOfBirth: '1988-01-01' }, '2017-01-15')
    expect(r.funds.required).toBeNull()
    expect(codes(r)).not.toContain('settlement_funds_insufficient')
  })

  // The audit's case: a single candidate with CAD 0 was FSW-eligible on 2021-06-01 (no table before 2022-06-09).
  it.each([
    { funds: 0, eligible: false },
    { funds: 12_959, eligible: false },
    { funds: 12_960, eligible: true },
  ])('2021-06-01, single with CAD $funds (2020 table, CAD 12,960): eligible $eligible', ({ funds, eligible }) => {
    const r = fsw({ settlementFundsCad: funds, work: [job('21231', '2012-01-01', '2021-05-31')], languageTests: [celpip(9, '2021-01-10')], education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2011-06-30', eca: { organization: 'WES', issuedOn: '2020-01-10' } }] as never, dateOfBirth: '1990-01-01' }, '2021-06-01')
    expect(r.funds).toEqual({ familySize: 1, required: 12_960, available: funds, waived: false })
    expect(r.eligible).toBe(eligible)
    expect(codes(r)).toEqual(eligible ? [] : ['settlement_funds_insufficient'])
    if (!eligible) expect(r.unmet[0]!.message).toMatch(/CAD 12,960 for a family of 1 on 2021-06-01 \(table of 2020-01-01\)/)
  })

  it.each([
    { name: 'single, CAD 15,263 on 2025-07-07', overrides: { settlementFundsCad: 15_263 }, asOf: '2025-07-07', ok: true },
    { name: 'single, CAD 15,262 on 2025-07-07', overrides: { settlementFundsCad: 15_262 }, asOf: '2025-07-07', ok: false },
    { name: 'single, CAD 15,262 on 2025-07-06 (old table)', overrides: { settlementFundsCad: 15_262 }, asOf: '2025-07-06', ok: true },
    { name: 'married, 2 children: 4 people need 28,362', overrides: { settlementFundsCad: 28_000, maritalStatus: 'married', dependentChildren: 2 }, asOf: AS_OF, ok: false },
    { name: 'spouse not coming still counts', overrides: { settlementFundsCad: 18_000, maritalStatus: 'married', spouse: { accompanying: false, canadianCitizenOrPR: false } }, asOf: AS_OF, ok: false },
    { name: 'job offer while working in Canada: waived', overrides: { settlementFundsCad: 0, jobOffer: { noc: '21231', lmiaExempt: false }, work: [job('21231', '2018-01-01', '2024-12-31'), job('21231', '2025-01-01', null, { country: 'CA' })] }, asOf: AS_OF, ok: true },
    { name: 'job offer without work in Canada: not waived', overrides: { settlementFundsCad: 0, jobOffer: { noc: '21231', lmiaExempt: false } }, asOf: AS_OF, ok: false },
  ])('$name: sufficient $ok', ({ overrides, asOf, ok }) => {
    const r = fsw(overrides as never, asOf)
    expect(codes(r).includes('settlement_funds_insufficient')).toBe(!ok)
  })

  it('reports family size, amount and waiver', () => {
    expect(fsw({ maritalStatus: 'married', dependentChildren: 1 }).funds).toEqual({ familySize: 3, required: 23_360, available: 50_000, waived: false })
  })
})
