/**
 * factorsOf / explainFactors: CrsFactors from a Profile's facts on a date (issue 2 item 4; rules.md §1.2,
 * §1.5, §2, §4, §10). Expected values are worked out by hand from the facts, never from the code.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { explainFactors, factorsOf, jobOfferKind, scoreCrs, scoreRequest } from '../../src/crs/index.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import type { ProfileInput } from '../../src/schemas/profile.js'
import { ieltsClb9, job, profile } from './fixtures.js'

describe('age in full years on the scoring date', () => {
  it.each([
    ['2000-02-29', '2018-02-28', 17, 0],
    ['2000-02-29', '2018-03-01', 18, 99],
    ['2000-02-29', '2020-02-29', 20, 110],
    ['1995-06-15', '2025-06-14', 29, 110],
    ['1995-06-15', '2025-06-15', 30, 105],
    ['1981-01-01', '2025-12-31', 44, 6],
    ['1981-01-01', '2026-01-01', 45, 0],
  ])('born %s, on %s: %i years, %i points single', (dateOfBirth, asOf, age, points) => {
    const f = factorsOf(profile({ dateOfBirth }), asOf)
    expect(f.age).toBe(age)
    expect(scoreCrs(f, asOf).core.age).toBe(points)
  })

  it('a birth date in the future is not scored: the profile is refused (issue 14)', () => {
    expect(() => profile({ dateOfBirth: '2099-01-01' })).toThrow(/dateOfBirth/)
  })
})

const credential = (level: string, programYears: number, country = 'CA', completedOn = '2015-06-01', eca?: string) => ({
  level,
  country,
  programYears,
  completedOn,
  ...(eca ? { eca: { organization: 'WES', issuedOn: eca } } : {}),
}) as NonNullable<ProfileInput['education']>[number]

describe('highest education, two-or-more (rules.md §1.2, §10.3)', () => {
  it.each([
    ['no credential', 'none', []],
    ['secondary', 'secondary', [credential('secondary', 0)]],
    ['secondary + bachelor\'s stays bachelors', 'bachelors', [credential('secondary', 0), credential('bachelors', 4)]],
    ['bachelor\'s + one-year diploma', 'two-or-more', [credential('bachelors', 4), credential('one-year', 1)]],
    ['one-year + two-year (none of 3+ years)', 'two-year', [credential('one-year', 1), credential('two-year', 2)]],
    ['two bachelor\'s', 'two-or-more', [credential('bachelors', 3), credential('bachelors', 4)]],
    ['bachelor\'s + master\'s is masters', 'masters', [credential('bachelors', 4), credential('masters', 2)]],
    ['master\'s + doctorate is doctoral', 'doctoral', [credential('masters', 2), credential('doctoral', 4)]],
  ])('%s → %s', (_name, level, education) => {
    expect(factorsOf(profile({ education }), '2025-01-01').education).toBe(level)
  })

  it('a credential completed after the scoring date does not count, with a notice', () => {
    const { factors, notices } = explainFactors(profile({ education: [credential('masters', 2, 'CA', '2025-06-01')] }), '2025-05-31')
    expect(factors.education).toBe('none')
    expect(notices).toContainEqual(expect.objectContaining({ code: 'credential_not_completed', path: 'education.0' }))
  })
})

describe('ECA valid 5 years (rules.md §1.2; S4)', () => {
  const foreignMasters = profile({ education: [credential('masters', 2, 'IN', '2018-05-01', '2019-03-01')] })
  it('the day before the ECA is 5 years old, the credential counts', () => {
    expect(factorsOf(foreignMasters, '2024-02-29').education).toBe('masters')
  })
  it('on the fifth anniversary of the ECA it does not, with a notice', () => {
    const { factors, notices } = explainFactors(foreignMasters, '2024-03-01')
    expect(factors.education).toBe('none')
    expect(notices).toContainEqual(expect.objectContaining({ code: 'eca_expired', path: 'education.0.eca' }))
  })
  it('an expired ECA on one credential leaves the others', () => {
    const p = profile({ education: [credential('masters', 2, 'IN', '2018-05-01', '2019-03-01'), credential('one-year', 1, 'CA', '2023-05-01')] })
    expect(factorsOf(p, '2024-03-01').education).toBe('one-year')
  })
})

describe('Canadian education points (rules.md §4)', () => {
  it.each([
    ['no credential', 'none', 0, []],
    ['Canadian secondary', 'none', 0, [credential('secondary', 0)]],
    ['Canadian one-year', 'one-or-two-year', 15, [credential('one-year', 1)]],
    ['Canadian two-year', 'one-or-two-year', 15, [credential('two-year', 2)]],
    ['Canadian bachelor\'s', 'three-year-or-more', 30, [credential('bachelors', 4)]],
    ['Canadian one-year master\'s', 'three-year-or-more', 30, [credential('masters', 1)]],
    ['Canadian doctorate', 'three-year-or-more', 30, [credential('doctoral', 4)]],
    ['foreign master\'s with ECA', 'none', 0, [credential('masters', 2, 'FR', '2022-01-01', '2022-06-01')]],
    ['Canadian two-year + foreign bachelor\'s', 'one-or-two-year', 15, [credential('two-year', 2), credential('bachelors', 4, 'IN', '2015-01-01', '2022-06-01')]],
  ])('%s → %s, %i points', (_name, kind, points, education) => {
    const f = factorsOf(profile({ education }), '2025-01-01')
    expect(f.canadianEducation).toBe(kind)
    expect(scoreCrs(f, '2025-01-01').additional.canadianEducation).toBe(points)
  })
})

describe('work years: full-time equivalent in the 10 years before the date (rules.md §1.5)', () => {
  const years = (work: ProfileInput['work'], asOf: string) => {
    const f = factorsOf(profile({ work }), asOf)
    return { canadian: f.canadianWorkYears, foreign: f.foreignWorkYears }
  }

  it.each(([
    ['52 weeks at 30 h/week (1,560 h)', [job('2023-01-01', '2023-12-30')], 1],
    ['one day short of 52 weeks', [job('2023-01-01', '2023-12-29')], 0],
    ['52 weeks at 40 h/week: full time is 30, no extra', [job('2023-01-01', '2023-12-30', { hoursPerWeek: 40 })], 1],
    ['156 weeks at 40 h/week: 3 years, not 4', [job('2023-01-01', '2025-12-27', { hoursPerWeek: 40 })], 3],
    ['104 weeks part time at 15 h/week (1,560 h)', [job('2022-01-01', '2023-12-29', { hoursPerWeek: 15 })], 1],
    ['one day short of 104 weeks at 15 h/week', [job('2022-01-01', '2023-12-28', { hoursPerWeek: 15 })], 0],
    ['two 30 h jobs over the same 52 weeks count once', [job('2023-01-01', '2023-12-30'), job('2023-01-01', '2023-12-30', { noc: '21232' })], 1],
    ['two 15 h jobs at once make full time', [job('2023-01-01', '2023-12-30', { hoursPerWeek: 15 }), job('2023-01-01', '2023-12-30', { hoursPerWeek: 15 })], 1],
    ['two 20 h jobs at once are capped at 30 h', [job('2023-01-01', '2025-12-27', { hoursPerWeek: 20 }), job('2023-01-01', '2025-12-27', { hoursPerWeek: 20 })], 3],
    ['two successive half years', [job('2023-01-01', '2023-06-30'), job('2023-07-01', '2023-12-30')], 1],
    ['self-employed work in Canada does not count', [job('2020-01-01', '2025-12-31', { selfEmployed: true })], 0],
    ['work while a full-time student does not count', [job('2020-01-01', '2025-12-31', { fullTimeStudent: true })], 0],
    ['TEER 4 work does not count', [job('2020-01-01', '2025-12-31', { noc: '64100' })], 0],
    ['TEER 5 work does not count', [job('2020-01-01', '2025-12-31', { noc: '65100' })], 0],
    ['TEER 3 work counts', [job('2020-01-01', '2025-12-31', { noc: '63200' })], 6],
    ['TEER 0 (NOC 00) work counts', [job('2020-01-01', '2025-12-31', { noc: '00012' })], 6],
    ['a job that goes on counts up to the day before the date', [job('2023-01-01', null)], 3],
  ] as [string, ProfileInput['work'], number][]).map(([name, work, n]) => [`${name} → ${n} year(s)`, work, n] as const))('Canadian on 2026-01-01: %s', (_name, work, canadian) => {
    expect(years(work, '2026-01-01').canadian).toBe(canadian)
  })

  it('an open-ended job counts up to, not including, the scoring date', () => {
    expect(years([job('2023-01-01', null)], '2023-12-31').canadian).toBe(1) // 364 days
    expect(years([job('2023-01-01', null)], '2023-12-30').canadian).toBe(0) // 363 days
  })

  it.each([
    ['a year that starts on the first day of the window', job('2015-06-01', '2016-05-29'), 1],
    ['a year that starts one day before the window', job('2015-05-31', '2016-05-28'), 0],
    ['a year that ended 11 years ago', job('2013-01-01', '2014-06-01'), 0],
  ])('10-year window on 2025-06-01: %s → %i', (_name, j, canadian) => {
    expect(years([j], '2025-06-01').canadian).toBe(canadian)
  })

  it('work in and outside Canada go to their own totals', () => {
    const y = years([job('2019-01-01', '2021-12-31', { country: 'IN' }), job('2022-01-01', '2023-12-31')], '2026-01-01')
    expect(y).toEqual({ canadian: 2, foreign: 3 })
  })

  it('foreign TEER 4 work does not count', () => {
    expect(years([job('2015-01-01', '2024-12-31', { country: 'PH', noc: '44101' })], '2026-01-01').foreign).toBe(0)
  })

  it('work after the scoring date does not count', () => {
    expect(years([job('2027-01-01', '2030-12-31')], '2026-01-01').canadian).toBe(0)
  })
})

describe('spouse factors (rules.md §2, §10.1)', () => {
  const spouse = {
    accompanying: true,
    canadianCitizenOrPR: false,
    education: [credential('bachelors', 4, 'IN', '2015-05-01', '2024-01-10')],
    languageTests: [{ test: 'celpip-general' as const, testDate: '2025-01-10', listening: 8, reading: 7, writing: 7, speaking: 7 }],
    work: [job('2023-01-01', '2024-12-31')],
  }

  it.each(['married', 'common-law'] as const)('%s: the spouse facts become spouse factors', (maritalStatus) => {
    const f = factorsOf(profile({ maritalStatus, spouse }), '2026-01-01')
    expect(f.spouse).toEqual({ accompanying: true, canadianCitizenOrPR: false, education: 'bachelors', language: { speaking: 7, listening: 8, reading: 7, writing: 7 }, canadianWorkYears: 2 })
    expect(scoreCrs(f, '2026-01-01').spouse).toEqual({ education: 8, language: 12, canadianWork: 7, subtotal: 27 })
  })

  it.each([
    ['a Canadian citizen or PR', { canadianCitizenOrPR: true }],
    ['not accompanying', { accompanying: false }],
  ])('a spouse who is %s: single columns, no spouse points', (_name, change) => {
    const f = factorsOf(profile({ maritalStatus: 'married', spouse: { ...spouse, ...change }, dateOfBirth: '1996-01-01' }), '2026-01-01')
    const r = scoreCrs(f, '2026-01-01')
    expect(r.spouse.subtotal).toBe(0)
    expect(r.core.age).toBe(105) // age 30: 105 in the single column, 95 with a spouse
  })

  it('a single candidate has no spouse', () => {
    expect(factorsOf(profile(), '2026-01-01').spouse).toBeNull()
  })
})

describe('languages from the tests (rules.md §1.3, §1.4, §6)', () => {
  const tef = { test: 'tef-canada' as const, testDate: '2024-06-01', listening: 503, reading: 503, writing: 512, speaking: 518 } // NCLC 9

  it('English first, French second', () => {
    const f = factorsOf(profile({ languageTests: [ieltsClb9('2024-06-01'), tef] }), '2025-01-01')
    expect(f.firstLanguage).toEqual({ language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } })
    expect(f.secondLanguage).toEqual({ language: 'french', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } })
  })

  it('French first, English second: French points on top', () => {
    const f = factorsOf(profile({ firstOfficialLanguage: 'french', languageTests: [ieltsClb9('2024-06-01'), tef] }), '2025-01-01')
    expect(f.firstLanguage?.language).toBe('french')
    expect(f.secondLanguage?.language).toBe('english')
    expect(scoreCrs(f, '2025-01-01').additional.french).toBe(50)
  })

  it('without a valid first-language result there is no second language either, with a notice', () => {
    const { factors, notices } = explainFactors(profile({ languageTests: [tef] }), '2025-01-01')
    expect(factors.firstLanguage).toBeNull()
    expect(factors.secondLanguage).toBeNull()
    expect(notices).toContainEqual(expect.objectContaining({ code: 'no_first_language_result' }))
  })

  it('of two results in one language, the one with the higher lowest ability counts', () => {
    const uneven = { test: 'ielts-general' as const, testDate: '2024-07-01', listening: 9, reading: 9, writing: 6, speaking: 9 } // writing CLB 7
    const f = factorsOf(profile({ languageTests: [uneven, ieltsClb9('2024-06-01')] }), '2025-01-01')
    expect(f.firstLanguage?.clb).toEqual({ speaking: 9, listening: 9, reading: 9, writing: 9 })
  })

  it('a weaker extra result never lowers the score: the choice that scores most counts (docs/decisions.md 12)', () => {
    const strong = { test: 'ielts-general' as const, testDate: '2024-06-01', listening: 8.5, reading: 8, writing: 7.5, speaking: 5.5 } // CLB 10/10/10/6
    const even = { test: 'ielts-general' as const, testDate: '2024-07-01', listening: 6, reading: 6, writing: 6, speaking: 6 } // CLB 7 in all four
    const total = (tests: ProfileInput['languageTests']) => scoreCrs(factorsOf(profile({ languageTests: tests }), '2025-01-01'), '2025-01-01').total
    expect(total([strong])).toBeGreaterThan(total([even]))
    expect(total([strong, even])).toBe(total([strong]))
    expect(total([even, strong])).toBe(total([strong]))
  })
})

describe('nomination, job offer, certificate, sibling', () => {
  it.each([
    ['2024-04-30', false],
    ['2024-05-01', true],
  ])('nominated on 2024-05-01, scored on %s: nomination %s', (asOf, nominated) => {
    const { factors, notices } = explainFactors(profile({ provincialNomination: { province: 'BC', nominatedOn: '2024-05-01' } }), asOf)
    expect(factors.provincialNomination).toBe(nominated)
    expect(notices.some((n) => n.code === 'nomination_after_date')).toBe(!nominated)
  })

  it.each([
    ['00012', 'noc-00'],
    ['00015', 'noc-00'],
    ['10010', 'teer-0-3'],
    ['21231', 'teer-0-3'],
    ['32101', 'teer-0-3'],
    ['63200', 'teer-0-3'],
    ['44100', 'none'],
    ['65100', 'none'],
  ])('job offer in NOC %s → %s', (noc, kind) => {
    expect(jobOfferKind(noc)).toBe(kind)
    expect(factorsOf(profile({ jobOffer: { noc, lmiaExempt: false } }), '2024-01-01').jobOffer).toBe(kind)
  })

  it('no job offer → none', () => {
    expect(factorsOf(profile(), '2024-01-01').jobOffer).toBe('none')
  })

  it('a NOC 00 offer scores 200 in 2024 and nothing from 2025-03-25', () => {
    const p = profile({ jobOffer: { noc: '00012', lmiaExempt: false } })
    expect(scoreCrs(factorsOf(p, '2024-01-01'), '2024-01-01').additional.jobOffer).toBe(200)
    expect(scoreCrs(factorsOf(p, '2025-03-25'), '2025-03-25').additional.jobOffer).toBe(0)
  })

  it('certificate of qualification and sibling carry over', () => {
    const f = factorsOf(profile({ certificateOfQualification: { noc: '72200', province: 'ON' }, siblingInCanada: true }), '2024-01-01')
    expect(f.certificateOfQualification).toBe(true)
    expect(f.siblingInCanada).toBe(true)
  })
})

describe('the example profile, worked out by hand', () => {
  // examples/profile.json on 2026-01-01. Age 29 (born 1996-04-18) → 100 with spouse; masters (CA) → 126;
  // IELTS L8.5 R8 W7 S7.5 = CLB 10/10/9/10 → 32+32+29+32 = 125; TEF (2025, 0-699) L420 R400 W390 S410 =
  // NCLC 6/6/6/5 → 4; Canadian work 2023-06-01 → 2026-01-01 at 30 h = 945 days = 4,050 h → 2 years → 46;
  // spouse bachelor's 8 + CELPIP 8/7/7/7 → 12; transferability 50 + (foreign 2019-07-15 → 2021-08-31 =
  // 779 days → 2 years: 25 + 25) = 100; Canadian master's → 30. Total 401 + 20 + 100 + 30 = 551.
  const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8'))

  it('factors', () => {
    const request = parseScoreRequest(example, '2026-01-01')
    expect(request.kind).toBe('profile')
    if (request.kind !== 'profile') return
    expect(factorsOf(request.profile, '2026-01-01')).toEqual({
      age: 29,
      education: 'masters',
      canadianEducation: 'three-year-or-more',
      firstLanguage: { language: 'english', clb: { speaking: 10, listening: 10, reading: 10, writing: 9 } },
      secondLanguage: { language: 'french', clb: { speaking: 5, listening: 6, reading: 6, writing: 6 } },
      canadianWorkYears: 2,
      foreignWorkYears: 2,
      certificateOfQualification: false,
      jobOffer: 'none',
      provincialNomination: false,
      siblingInCanada: false,
      spouse: { accompanying: true, canadianCitizenOrPR: false, education: 'bachelors', language: { speaking: 7, listening: 8, reading: 7, writing: 7 }, canadianWorkYears: 0 },
    })
  })

  it('score 551', () => {
    const { result, notices } = scoreRequest(parseScoreRequest(example, '2026-01-01'))
    expect(notices).toEqual([])
    expect(result.total).toBe(551)
    expect(result.core).toEqual({ age: 100, education: 126, firstLanguage: 125, secondLanguage: 4, canadianWork: 46, subtotal: 401 })
    expect(result.spouse).toEqual({ education: 8, language: 12, canadianWork: 0, subtotal: 20 })
    expect(result.transferability).toEqual({ education: 50, foreignWork: 50, certificate: 0, subtotal: 100 })
    expect(result.additional.canadianEducation).toBe(30)
  })
})

describe('dates the profile cannot be scored on', () => {
  it.each(['2014-12-31', '2010-06-01'])('%s, before Express Entry opened: rule_not_in_force saying so', (asOf) => {
    expect(() => factorsOf(profile(), asOf)).toThrow(expect.objectContaining({ code: 'rule_not_in_force', message: expect.stringContaining('Express Entry opened on 2015-01-01') }))
  })

  it('a malformed date is invalid_input naming asOf', () => {
    expect(() => explainFactors(profile(), '2023-02-29')).toThrow(expect.objectContaining({ code: 'invalid_input', details: { issues: [expect.objectContaining({ path: 'asOf' })] } }))
  })
})

describe("the spouse's language: the result that scores more (docs/decisions.md 13)", () => {
  // English IELTS L8.5 R8 W7.5 S4 = CLB 10/10/10/4 → 5+5+5+0 = 15 points (CLB sum 34).
  // French TEF (0-699) L503 R503 W512 S387 = NCLC 9/9/9/5 → 5+5+5+1 = 16 points (NCLC sum 32).
  const english = { test: 'ielts-general' as const, testDate: '2025-01-10', listening: 8.5, reading: 8, writing: 7.5, speaking: 4 }
  const french = { test: 'tef-canada' as const, testDate: '2025-01-10', listening: 503, reading: 503, writing: 512, speaking: 387 }

  it.each([
    ['English then French', [english, french]],
    ['French then English', [french, english]],
  ])('%s: the French result (16 points) is taken over the English one (15 points, higher CLB sum)', (_order, languageTests) => {
    const p = profile({ maritalStatus: 'married', spouse: { accompanying: true, canadianCitizenOrPR: false, languageTests } })
    const f = factorsOf(p, '2026-01-01')
    expect(f.spouse!.language).toEqual({ speaking: 5, listening: 9, reading: 9, writing: 9 })
    expect(scoreCrs(f, '2026-01-01').spouse.language).toBe(16)
  })
})

describe('TCF Canada at NCLC 4 scores like any test at CLB 4 (docs/decisions.md 1; rules.md §10.10)', () => {
  it('French first language from TCF reading 342, listening 331, speaking 4, writing 4 = NCLC 4 → 4 × 6 points', () => {
    const tcf = { test: 'tcf-canada' as const, testDate: '2025-03-01', reading: 342, listening: 331, speaking: 4, writing: 4 }
    const f = factorsOf(profile({ firstOfficialLanguage: 'french', languageTests: [tcf] }), '2026-01-01')
    expect(f.firstLanguage).toEqual({ language: 'french', clb: { speaking: 4, listening: 4, reading: 4, writing: 4 } })
    expect(scoreCrs(f, '2026-01-01').core.firstLanguage).toBe(24)
  })
})
