import { describe, expect, it } from 'vitest'
import { categoriesInForce, categoryById, categoryEligibility, categoryVersions, eligibility, isEligibleForCategory } from '../../src/eligibility/index.js'
import { isNocCode } from '../../src/noc/index.js'
import { categoryRules } from '../../src/rules/categories/index.js'
import { celpip, job, makeProfile, tcf, unknownListCategory } from './helpers.js'

const ids = (asOf: string) => categoriesInForce(asOf).map((c) => c.id)
const category = (overrides: Parameters<typeof makeProfile>[0], id: string, asOf: string) => {
  const r = eligibility(makeProfile(overrides), asOf).categories.find((c) => c.id === id)
  if (!r) throw new Error(`${id} not in force on ${asOf}`)
  return r
}
const codes = (r: { unmet: readonly { code: string }[] }) => r.unmet.map((u) => u.code)

describe('category versions in force', () => {
  it.each([
    ['2023-05-30', []],
    ['2023-05-31', ['french-2023-1', 'healthcare-2023-1', 'stem-2023-1', 'trade-2023-1', 'transport-2023-1', 'agriculture-2023-1']],
    ['2024-02-28', ['french-2023-1', 'healthcare-2023-1', 'stem-2023-1', 'trade-2023-1', 'transport-2023-1', 'agriculture-2023-1']],
    ['2024-02-29', ['french-2024-1', 'healthcare-2024-1', 'stem-2024-1', 'trade-2024-1', 'transport-2024-1', 'agriculture-2024-1']],
    ['2025-02-27', ['french-2025', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025']],
    ['2025-12-07', ['french-2025', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025']],
    ['2025-12-08', ['french-2025', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025', 'physicians-canadian-experience']],
    // French 2026 from round 394 on 2026-02-06, which already carries its label (docs/decisions.md E14).
    ['2026-02-05', ['french-2025', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025', 'physicians-canadian-experience']],
    ['2026-02-06', ['french-2026', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025', 'physicians-canadian-experience']],
    ['2026-02-17', ['french-2026', 'healthcare-social-2025', 'stem-2025', 'trade-2025', 'education-2025', 'agriculture-2025', 'physicians-canadian-experience']],
    ['2026-02-18', ['physicians-canadian-experience', 'french-2026', 'healthcare-social-2026', 'stem-2026', 'trade-2026', 'education-2026', 'transport-2026', 'senior-managers-2026', 'researchers-2026', 'military-2026']],
  ])('on %s: %j', (asOf, expected) => {
    expect(new Set(ids(asOf))).toEqual(new Set(expected))
  })

  it('transport is not in force between 2025-02-27 and 2026-02-17, and agriculture ends on 2026-02-17', () => {
    const transport = categoryRules.find((r) => r.id === 'categories.transport')!
    expect(transport.valueAt('2025-02-26')?.id).toBe('transport-2024-1')
    expect(transport.valueAt('2025-02-27')).toBeNull()
    expect(transport.valueAt('2026-02-18')?.id).toBe('transport-2026')
    const agriculture = categoryRules.find((r) => r.id === 'categories.agriculture')!
    expect(agriculture.valueAt('2026-02-17')?.id).toBe('agriculture-2025')
    expect(agriculture.valueAt('2026-02-18')).toBeNull()
  })

  it('keeps the labels IRCC used', () => {
    expect(categoryById('stem-2023-1')).toMatchObject({ label: 'STEM occupations (2023-1)', version: '2023-1', key: 'stem' })
    expect(categoryById('trade-2026')?.label).toBe('Trades Occupations, 2026-Version 3')
    expect(categoryById('nope')).toBeUndefined()
  })

  it('every listed occupation is a NOC 2021 unit group', () => {
    for (const c of categoryVersions) for (const noc of c.occupations ?? []) expect(isNocCode(noc), `${c.id} ${noc}`).toBe(true)
  })

  it('the 2026 lists for healthcare (37), STEM (11) and education (5) are known, with a stated confidence; French has no list by nature', () => {
    expect(categoryVersions.filter((c) => !c.listKnown).map((c) => c.id)).toEqual([])
    for (const [id, count] of [['healthcare-social-2026', 37], ['stem-2026', 11], ['education-2026', 5]] as const) {
      const c = categoryById(id)!
      expect(c.occupations).toHaveLength(count)
      expect(c.confidence).toMatch(/^medium/)
      expect(c.sourceUrls.some((u) => u.includes('category-based-selection'))).toBe(true)
    }
    expect(categoryById('stem-2026')!.occupations).toEqual(['20011', '21220', '21300', '21301', '21310', '21321', '21331', '22300', '22301', '22310', '63100'])
    expect(categoryById('french-2026')).toMatchObject({ listKnown: true, occupations: null, from: '2026-02-06' })
  })
})

describe('occupation categories, 2023-2025: 6 months continuous in one listed occupation within 3 years', () => {
  // A software developer (21232, STEM 2023-1) who is also eligible for CEC through other work.
  const cecWork = [job('13110', '2023-01-01', '2024-12-31', { country: 'CA' })]
  it.each([
    { name: '7 months', work: [job('21232', '2023-01-01', '2023-07-31')], eligible: true, months: 7 },
    { name: '6 months (26 weeks)', work: [job('21232', '2023-01-01', '2023-07-01')], eligible: true, months: 6 },
    { name: '5 months', work: [job('21232', '2023-01-01', '2023-05-31')], eligible: false },
    { name: '12 months at 15 h/week (= 6 months)', work: [job('21232', '2023-01-01', '2024-01-01', { hoursPerWeek: 15 })], eligible: true, months: 6 },
    { name: '3 + 4 months with a gap (not continuous)', work: [job('21232', '2023-01-01', '2023-03-31'), job('21232', '2023-05-01', '2023-08-31')], eligible: false },
    { name: '3 + 4 months back to back', work: [job('21232', '2023-01-01', '2023-03-31'), job('21232', '2023-04-01', '2023-07-31')], eligible: true, months: 7 },
    { name: '7 months in an unlisted occupation', work: [job('21100', '2023-01-01', '2023-07-31')], eligible: false },
    { name: '7 months ending before the 3-year window', work: [job('21232', '2020-06-01', '2020-12-31')], eligible: false },
    { name: '7 months abroad count too', work: [job('21232', '2023-01-01', '2023-07-31', { country: 'PH' })], eligible: true, months: 7 },
  ])('$name: eligible $eligible', ({ work, eligible, months }) => {
    const r = category({ work: [...cecWork, ...work], languageTests: [celpip(9, '2023-06-01')] }, 'stem-2023-1', '2024-01-15')
    expect(r.eligible).toBe(eligible)
    if (eligible) expect(r.occupation).toMatchObject({ noc: '21232', title: 'Software developers and programmers' })
    if (months !== undefined) expect(Math.floor(r.occupation!.months)).toBe(months)
    if (!eligible) expect(codes(r)).toEqual(['category_experience_insufficient'])
  })

  it('follows the list of the version in force: 21232 is STEM in 2024-1 but not in 2025', () => {
    const overrides = { work: [...cecWork, job('21232', '2024-01-01', '2024-12-31')], languageTests: [celpip(9, '2024-06-01')] }
    expect(category(overrides, 'stem-2024-1', '2025-02-26').eligible).toBe(true)
    expect(category(overrides, 'stem-2025', '2025-02-27').eligible).toBe(false)
  })
})

describe('occupation categories from 2026-02-18: 12 months within 3 years, not necessarily continuous', () => {
  const trades = (work: ReturnType<typeof job>[]) => ({ work, certificateOfQualification: { noc: '72310', province: 'ON' as const } })
  it.each([
    { name: '13 months', work: [job('72310', '2023-03-01', '2025-03-31')], eligible: true },
    { name: '11 months', work: [job('72310', '2025-04-01', '2026-02-28')], eligible: false },
    { name: '6 + 6 months with a gap (need not be continuous)', work: [job('72310', '2023-06-01', '2023-11-30'), job('72310', '2024-06-01', '2024-11-30'), job('72310', '2021-01-01', '2022-12-31')], eligible: true },
    { name: '7 months (enough before 2026-02-18, not after)', work: [job('72310', '2025-07-01', '2026-01-31'), job('72310', '2020-01-01', '2022-12-31')], eligible: false },
  ])('$name: eligible $eligible', ({ work, eligible }) => {
    const r = category(trades(work), 'trade-2026', '2026-03-01')
    expect(r.eligible).toBe(eligible)
  })

  // categories.md §1: "6 months of full-time, continuous work" (2023-2025) → "Rule from 2026-02-18: at least
  // 12 months ... need not be continuous". Carpenters (72310) are on both trade lists (§3 trade-2025, trade-2026).
  it.each([
    { name: '7 months continuous', work: [job('72310', '2025-07-01', '2026-01-31')], before: true, from: false },
    { name: '13 months in spans of 5, 5 and 3 months', work: [job('72310', '2023-03-01', '2023-07-31'), job('72310', '2024-03-01', '2024-07-31'), job('72310', '2025-03-01', '2025-05-31')], before: false, from: true },
  ])('the same carpenter with $name: trade-2025 on 2026-02-17 $before, trade-2026 on 2026-02-18 $from', ({ work, before, from }) => {
    const overrides = { work: [job('21231', '2018-01-01', '2024-12-31'), ...work] }
    expect(category(overrides, 'trade-2025', '2026-02-17').eligible).toBe(before)
    expect(category(overrides, 'trade-2026', '2026-02-18').eligible).toBe(from)
    expect(ids('2026-02-17')).not.toContain('trade-2026')
    expect(ids('2026-02-18')).not.toContain('trade-2025')
  })

  it('senior managers need the 12 months in Canada', () => {
    const abroad = { work: [job('00012', '2023-06-01', '2025-12-31')], jobOffer: null }
    expect(codes(category(abroad, 'senior-managers-2026', '2026-03-01'))).toEqual(['category_experience_insufficient'])
    const inCanada = { work: [job('00012', '2023-06-01', '2025-12-31', { country: 'CA' })] }
    expect(category(inCanada, 'senior-managers-2026', '2026-03-01')).toMatchObject({ eligible: true, occupation: { noc: '00012' } })
  })

  it('physicians need 12 months in Canada, from 2025-12-08', () => {
    const doctor = { work: [job('31102', '2024-01-01', '2025-11-30', { country: 'CA' })] }
    expect(category(doctor, 'physicians-canadian-experience', '2025-12-08').eligible).toBe(true)
    expect(isEligibleForCategory(makeProfile(doctor), 'physicians-canadian-experience', '2025-12-07')).toBe(false)
  })

  it.each([
    ['stem-2026', '21300', 'Civil engineers'],
    ['healthcare-social-2026', '31301', 'Registered nurses and registered psychiatric nurses'],
    ['education-2026', '41220', 'Secondary school teachers'],
  ])('%s: a year of work as %s and an eligible program is eligible, with the list\'s confidence', (id, noc, title) => {
    const worker = { work: [job('21231', '2018-01-01', '2024-12-31'), job(noc, '2025-01-01', '2025-12-31')] }
    const r = category(worker, id, '2026-03-01')
    expect(r).toMatchObject({ eligible: true, occupation: { noc, title }, unmet: [] })
    expect(r.confidence!.level).toMatch(/^medium/)
    expect(isEligibleForCategory(makeProfile(worker), id, '2026-03-01')).toBe(true)
    // Eleven months is not a year.
    expect(category({ work: [job('21231', '2018-01-01', '2024-12-31'), job(noc, '2025-01-01', '2025-11-30')] }, id, '2026-03-01').eligible).toBe(false)
  })
})

describe('skilled military recruits (2026): 10 years of service, an offer from the Canadian Forces Recruiting Group, a 2-year credential', () => {
  const offer = { noc: '42102', lmiaExempt: true, employer: 'canadian-forces-recruiting-group' as const, termYears: 3 }
  const service = { country: 'GB', from: '2014-01-01', to: null, recognized: true }
  const recruit = { jobOffer: offer, foreignMilitaryService: service }
  it.each([
    { name: 'every condition met', overrides: recruit, eligible: true, unmet: [], undecided: [] },
    { name: 'no job offer', overrides: { ...recruit, jobOffer: null }, eligible: false, unmet: ['canadian_armed_forces_offer_missing'], undecided: [] },
    { name: 'an offer in an unlisted occupation', overrides: { ...recruit, jobOffer: { ...offer, noc: '21231' } }, eligible: false, unmet: ['canadian_armed_forces_offer_missing'], undecided: [] },
    { name: 'an offer from another employer', overrides: { ...recruit, jobOffer: { ...offer, employer: 'other' as const } }, eligible: false, unmet: ['canadian_armed_forces_offer_missing'], undecided: [] },
    { name: 'a 2-year offer', overrides: { ...recruit, jobOffer: { ...offer, termYears: 2 } }, eligible: false, unmet: ['military_offer_too_short'], undecided: [] },
    { name: '9 years of service', overrides: { ...recruit, foreignMilitaryService: { ...service, from: '2017-03-02' } }, eligible: false, unmet: ['military_service_insufficient'], undecided: [] },
    { name: 'service that ended', overrides: { ...recruit, foreignMilitaryService: { ...service, to: '2025-12-31' } }, eligible: false, unmet: ['military_service_insufficient'], undecided: [] },
    { name: 'no service (null)', overrides: { ...recruit, foreignMilitaryService: null }, eligible: false, unmet: ['military_service_insufficient'], undecided: [] },
    { name: 'no 2-year post-secondary credential', overrides: { ...recruit, education: [{ level: 'one-year' as const, country: 'CA', programYears: 1, completedOn: '2012-06-30' }] }, eligible: false, unmet: ['military_credential_missing'], undecided: [] },
    // Can't tell: what the profile does not say, and what is not defined publicly.
    { name: 'service not given (an older profile)', overrides: { jobOffer: offer }, eligible: null, unmet: [], undecided: ['military_service_unknown'] },
    { name: 'a military not known to be recognized', overrides: { ...recruit, foreignMilitaryService: { ...service, recognized: null } }, eligible: null, unmet: [], undecided: ['military_recognition_unknown'] },
    { name: 'an offer without employer or length', overrides: { ...recruit, jobOffer: { noc: '42102', lmiaExempt: true } }, eligible: null, unmet: [], undecided: ['military_offer_details_unknown', 'military_offer_details_unknown'] },
    { name: 'a failed condition wins over an unknown one', overrides: { jobOffer: { ...offer, termYears: 1 } }, eligible: false, unmet: ['military_offer_too_short'], undecided: ['military_service_unknown'] },
  ])('$name: eligible $eligible', ({ overrides, eligible, unmet, undecided }) => {
    const r = category(overrides, 'military-2026', '2026-03-01')
    expect(r.eligible).toBe(eligible)
    expect(codes(r)).toEqual(unmet)
    expect((r.undecided ?? []).map((u) => u.code)).toEqual(undecided)
    // The quick answer is the same three-valued one (the rounds engine invites only a certain yes).
    expect(isEligibleForCategory(makeProfile(overrides), 'military-2026', '2026-03-01')).toBe(eligible)
  })

  it("a version whose list of occupations is not known answers can't tell (null) with its reason, never no", () => {
    const unknown = unknownListCategory()
    const nurse = makeProfile({ work: [job('31301', '2023-06-01', '2025-12-31'), job('21231', '2023-06-01', '2025-12-31'), job('41220', '2023-06-01', '2025-12-31')] })
    const r = categoryEligibility(nurse, unknown, '2026-03-01')!
    expect(r).toMatchObject({ id: 'test-unknown-list', eligible: null })
    expect(codes(r)).toEqual(['category_list_unknown'])
    expect(r.unmet[0]!.message).toBe("The list of occupations of Test occupations (list unknown) is not known to this engine (a test-only version); eligibility cannot be decided: the answer is can't tell")
    expect(isEligibleForCategory(nurse, unknown, '2026-03-01')).toBeNull()
    // Eligible for no program (no valid language result): certainly not, whatever the list.
    const noProgram = makeProfile({ languageTests: [] })
    const no = categoryEligibility(noProgram, unknown, '2026-03-01')!
    expect(no.eligible).toBe(false)
    expect(codes(no)).toEqual(['not_eligible_for_program', 'category_list_unknown'])
    expect(isEligibleForCategory(noProgram, unknown, '2026-03-01')).toBe(false)
    // Not in force yet: false.
    expect(isEligibleForCategory(nurse, unknown, '2014-12-31')).toBe(false)
  })

  it("every real version whose list is not known answers as the test version does (null for a program-eligible profile)", () => {
    const nurse = makeProfile({ work: [job('31301', '2023-06-01', '2025-12-31')] })
    const r = eligibility(nurse, '2026-03-01')
    for (const c of r.categories) {
      const listKnown = categoryById(c.id)!.listKnown
      expect(c.eligible === null, c.id).toBe(!listKnown)
      if (!listKnown) expect(codes(c), c.id).toEqual(['category_list_unknown'])
      expect(isEligibleForCategory(nurse, c.id, '2026-03-01'), c.id).toBe(c.eligible)
      expect(categoryEligibility(nurse, c.id, '2026-03-01'), c.id).toEqual(c)
    }
  })

  it('ten years of service are reached on the anniversary', () => {
    const r = (asOf: string) => category({ ...recruit, foreignMilitaryService: { ...service, from: '2016-03-01' } }, 'military-2026', asOf).eligible
    expect(r('2026-02-28')).toBe(false)
    expect(r('2026-03-01')).toBe(true)
  })
})

describe('French-language proficiency: NCLC 7 in all four abilities', () => {
  // Test dates relative to the date assessed: `taken` is the date of a recent test, `old` two years back.
  it.each([
    { name: 'NCLC 7', tests: (taken: string) => [celpip(9, taken), tcf(7, taken)], code: null },
    { name: 'NCLC 9', tests: (taken: string) => [celpip(9, taken), tcf(9, taken)], code: null },
    { name: 'NCLC 7 with writing at 6', tests: (taken: string) => [celpip(9, taken), tcf(7, taken, 'writing')], code: 'french_below_minimum' },
    { name: 'NCLC 7 with listening at 6', tests: (taken: string) => [celpip(9, taken), tcf(7, taken, 'listening')], code: 'french_below_minimum' },
    { name: 'no French test', tests: (taken: string) => [celpip(9, taken)], code: 'no_french_result' },
    { name: 'a French test 2 years old', tests: (taken: string, old: string) => [celpip(9, taken), tcf(9, old)], code: 'no_french_result' },
  ])('$name: $code', ({ tests, code }) => {
    for (const [id, asOf, taken, old] of [['french-2025', '2025-06-01', '2025-01-10', '2023-06-01'], ['french-2026', '2026-03-01', '2025-06-01', '2024-03-01']] as const) {
      const r = category({ languageTests: tests(taken, old) }, id, asOf)
      expect(r.eligible).toBe(code === null)
      expect(codes(r)).toEqual(code === null ? [] : [code])
    }
  })
})

describe('a category needs program eligibility', () => {
  it('a candidate eligible for no program is in no category, and says so', () => {
    const r = category({ languageTests: [celpip(5), tcf(8)] }, 'french-2026', '2026-03-01')
    expect(r.eligible).toBe(false)
    expect(codes(r)).toEqual(['not_eligible_for_program'])
    expect(r.unmet[0]!.source.ruleId).toBe('categories.french')
  })
})
