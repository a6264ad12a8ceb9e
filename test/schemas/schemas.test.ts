/**
 * Schemas (issue 2 item 5): field names as in DESIGN.md, defaults, and errors that name the field path,
 * the value given and what is allowed. Error shapes are pinned with inline snapshots.
 */
import { describe, expect, it } from 'vitest'
import { ExpressEntryError, type InputIssue } from '../../src/errors.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import { nocUnitGroups } from '../../src/noc/index.js'
import { parseOrThrow } from '../../src/schemas/issues.js'
import { parseForecastRequest } from '../../src/schemas/forecast.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import { clb, ieltsClb9, job, profileInput } from '../crs/fixtures.js'

function issuesOf(f: () => unknown): readonly InputIssue[] {
  try {
    f()
  } catch (e) {
    if (e instanceof ExpressEntryError && e.code === 'invalid_input') return (e as ExpressEntryError<'invalid_input'>).details.issues
    throw e
  }
  throw new Error('expected invalid_input')
}

const factorIssues = (input: unknown) => issuesOf(() => parseOrThrow(crsFactorsSchema, input))
const profileIssues = (input: unknown) => issuesOf(() => parseOrThrow(profileSchema, input))
const profileIssuesOrNone = (input: unknown) => {
  const r = profileSchema.safeParse(input)
  return r.success ? [] : r.error.issues
}
const english9 = { language: 'english', clb: clb(9) }

describe('CrsFactors', () => {
  it('the DESIGN.md example parses as is', () => {
    const design = {
      age: 29,
      education: 'bachelors',
      canadianEducation: 'none',
      firstLanguage: english9,
      secondLanguage: null,
      canadianWorkYears: 1,
      foreignWorkYears: 3,
      certificateOfQualification: false,
      jobOffer: 'none',
      provincialNomination: false,
      siblingInCanada: false,
      spouse: null,
    }
    expect(crsFactorsSchema.parse(design)).toEqual(design)
  })

  it('optional fields default to the answer none/no', () => {
    expect(crsFactorsSchema.parse({ age: 30, education: 'masters', firstLanguage: null })).toEqual({
      age: 30,
      education: 'masters',
      canadianEducation: 'none',
      firstLanguage: null,
      secondLanguage: null,
      canadianWorkYears: 0,
      foreignWorkYears: 0,
      certificateOfQualification: false,
      jobOffer: 'none',
      provincialNomination: false,
      siblingInCanada: false,
      spouse: null,
    })
    expect(crsFactorsSchema.parse({ age: 30, education: 'masters', firstLanguage: null, spouse: { accompanying: true, canadianCitizenOrPR: false } }).spouse).toEqual({
      accompanying: true,
      canadianCitizenOrPR: false,
      education: 'none',
      language: null,
      canadianWorkYears: 0,
    })
  })

  it.each([
    ['ages outside 18-44', { age: 60 }],
    ['age 0', { age: 0 }],
    ['many work years', { canadianWorkYears: 40, foreignWorkYears: 40 }],
    ['CLB 12', { firstLanguage: { language: 'french', clb: clb(12) } }],
  ])('valid input the rules score: %s', (_name, change) => {
    expect(crsFactorsSchema.safeParse({ age: 30, education: 'masters', firstLanguage: null, ...change }).success).toBe(true)
  })

  it('a level of education that does not exist', () => {
    expect(factorIssues({ age: 30, education: 'phd', firstLanguage: null })).toMatchInlineSnapshot(`
      [
        {
          "message": "Invalid option: expected one of "none"|"secondary"|"one-year"|"two-year"|"bachelors"|"two-or-more"|"masters"|"doctoral" (got "phd")",
          "path": "education",
          "value": "phd",
        },
      ]
    `)
  })

  it('a negative age and a fractional age', () => {
    expect(factorIssues({ age: -1, education: 'masters', firstLanguage: null })).toMatchInlineSnapshot(`
      [
        {
          "message": "Too small: expected number to be >=0 (got -1)",
          "path": "age",
          "value": -1,
        },
      ]
    `)
    expect(factorIssues({ age: 30.5, education: 'masters', firstLanguage: null })).toMatchInlineSnapshot(`
      [
        {
          "message": "Invalid input: expected int, received number (got 30.5)",
          "path": "age",
          "value": 30.5,
        },
      ]
    `)
  })

  it('a CLB above 12, deep in the input', () => {
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { ...clb(9), speaking: 13 } } })).toMatchInlineSnapshot(`
      [
        {
          "message": "Too big: expected number to be <=12 (got 13)",
          "path": "firstLanguage.clb.speaking",
          "value": 13,
        },
      ]
    `)
  })

  it('a missing required field', () => {
    expect(factorIssues({ age: 30, education: 'masters' })).toMatchInlineSnapshot(`
      [
        {
          "message": "required field missing (expected object)",
          "path": "firstLanguage",
        },
      ]
    `)
  })

  it('unknown fields are refused, each at its own path, with the fields allowed there', () => {
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: null, canadianWorkYear: 2 })).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field "canadianWorkYear" (got 2); allowed: age, education, canadianEducation, firstLanguage, secondLanguage, canadianWorkYears, foreignWorkYears, certificateOfQualification, jobOffer, provincialNomination, siblingInCanada, spouse",
          "path": "canadianWorkYear",
          "value": 2,
        },
      ]
    `)
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { ...clb(9), spoken: 9 } }, spouse: { accompanying: true, canadianCitizenOrPR: false, age: 31 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field "spoken" (got 9); allowed: speaking, listening, reading, writing",
          "path": "firstLanguage.clb.spoken",
          "value": 9,
        },
        {
          "message": "unknown field "age" (got 31); allowed: accompanying, canadianCitizenOrPR, education, language, canadianWorkYears",
          "path": "spouse.age",
          "value": 31,
        },
      ]
    `)
  })

  it('a second official language equal to the first is refused', () => {
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: english9, secondLanguage: english9 })).toMatchInlineSnapshot(`
      [
        {
          "message": "the second official language must be the other official language than the first (english); allowed: french (got "english")",
          "path": "secondLanguage.language",
          "value": "english",
        },
      ]
    `)
  })

  it('a second official language without a first is refused', () => {
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: null, secondLanguage: { language: 'french', clb: clb(7) } })).toMatchInlineSnapshot(`
      [
        {
          "message": "a second official language needs a first official language (got {"language":"french","clb":{"speaking":7,"listening":7,"r...)",
          "path": "secondLanguage",
          "value": {
            "clb": {
              "listening": 7,
              "reading": 7,
              "speaking": 7,
              "writing": 7,
            },
            "language": "french",
          },
        },
      ]
    `)
  })

  it('several bad fields are all reported', () => {
    expect(factorIssues({ age: 30, education: 'masters', firstLanguage: null, jobOffer: 'yes', spouse: { accompanying: 'yes', canadianCitizenOrPR: false } })).toMatchInlineSnapshot(`
      [
        {
          "message": "Invalid option: expected one of "none"|"noc-00"|"teer-0-3" (got "yes")",
          "path": "jobOffer",
          "value": "yes",
        },
        {
          "message": "Invalid input: expected boolean, received string (got "yes")",
          "path": "spouse.accompanying",
          "value": "yes",
        },
      ]
    `)
  })

  it('the error message names every path', () => {
    let message = ''
    try {
      parseOrThrow(crsFactorsSchema, { age: -1, education: 'phd', firstLanguage: null })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatchInlineSnapshot(`"age: Too small: expected number to be >=0 (got -1); education: Invalid option: expected one of "none"|"secondary"|"one-year"|"two-year"|"bachelors"|"two-or-more"|"masters"|"doctoral" (got "phd")"`)
  })
})

describe('Profile', () => {
  it('the DESIGN.md example parses', () => {
    const design = {
      id: 'c-000123',
      submittedAt: '2022-11-23T00:01:29Z',
      dateOfBirth: '1994-03-02',
      maritalStatus: 'single',
      spouse: null,
      education: [{ level: 'masters', country: 'CA', programYears: 2, completedOn: '2019-06-01' }],
      languageTests: [{ test: 'ielts-general', testDate: '2023-01-10', listening: 8.5, reading: 7.5, writing: 7, speaking: 7 }],
      firstOfficialLanguage: 'english',
      work: [{ noc: '21211', country: 'CA', from: '2021-01-04', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }],
      certificateOfQualification: null,
      provincialNomination: null,
      jobOffer: null,
      siblingInCanada: false,
      settlementFundsCad: 25000,
    }
    expect(profileSchema.safeParse(design).success).toBe(true)
  })

  it('a test not designated for Express Entry, and bad work fields', () => {
    expect(
      profileIssues(
        profileInput({
          languageTests: [{ ...ieltsClb9('2024-01-01'), test: 'ielts-academic' as 'ielts-general' }],
          work: [{ noc: '2123', country: 'ca', from: '2024-01-01', to: '2023-01-01', hoursPerWeek: 0 }],
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "message": "ielts-academic is not designated for Express Entry; use ielts-general (got "ielts-academic")",
          "path": "languageTests.0.test",
          "value": "ielts-academic",
        },
        {
          "message": "expected a NOC 2021 unit group: five digits, e.g. "21211" (got "2123")",
          "path": "work.0.noc",
          "value": "2123",
        },
        {
          "message": "expected an ISO 3166-1 alpha-2 country code in capitals, e.g. "CA" (got "ca")",
          "path": "work.0.country",
          "value": "ca",
        },
        {
          "message": "Too small: expected number to be >0 (got 0)",
          "path": "work.0.hoursPerWeek",
          "value": 0,
        },
        {
          "message": "the job cannot end (2023-01-01) before it starts (2024-01-01) (got "2023-01-01")",
          "path": "work.0.to",
          "value": "2023-01-01",
        },
      ]
    `)
  })

  it('a five-digit code that is not a NOC 2021 unit group is an error at its path, wherever a NOC is given', () => {
    const job = (noc: string) => ({ noc, country: 'CA', from: '2021-01-04', to: null, hoursPerWeek: 40 })
    const issues = profileIssues(
      profileInput({
        maritalStatus: 'married',
        work: [job('21211'), job('99999')],
        jobOffer: { noc: '21299', lmiaExempt: false },
        certificateOfQualification: { noc: '72888', province: 'ON' },
        spouse: { accompanying: true, canadianCitizenOrPR: false, work: [job('00000')] },
      }),
    )
    expect(issues.map((i) => [i.path, i.value])).toEqual([
      ['spouse.work.0.noc', '00000'],
      ['work.1.noc', '99999'],
      ['certificateOfQualification.noc', '72888'],
      ['jobOffer.noc', '21299'],
    ])
    expect(issues[1]!.message).toBe('not a NOC 2021 unit group (NOC 2021 Version 1.0, 516 codes); find the code with `express-entry noc <words of the title>` (got "99999")')
    // Every code of the list is accepted.
    expect(profileIssuesOrNone(profileInput({ work: nocUnitGroups.map((u) => job(u.code)).slice(0, 100) }))).toEqual([])
  })

  it('dates that are not real calendar dates', () => {
    expect(profileIssues(profileInput({ dateOfBirth: '1990-02-29', submittedAt: '2024-01-01 10:00' }))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ (got "2024-01-01 10:00")",
          "path": "submittedAt",
          "value": "2024-01-01 10:00",
        },
        {
          "message": "expected a real calendar date written YYYY-MM-DD (got "1990-02-29")",
          "path": "dateOfBirth",
          "value": "1990-02-29",
        },
      ]
    `)
  })

  it.each([
    ['2023-02-30T14:00:00Z', 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ: 2023-02-30 is not a real calendar date'],
    ['2023-02-29T14:00:00Z', 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ: 2023-02-29 is not a real calendar date'],
    ['2023-02-28T24:00:00Z', 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ: 24:00:00 is not a time of day (hours 00-23, minutes and seconds 00-59)'],
    ['2023-02-28T10:60:00Z', 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ: 10:60:00 is not a time of day (hours 00-23, minutes and seconds 00-59)'],
    ['2023-02-28', 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ'],
  ])('an instant %s: the message names what is wrong', (submittedAt, message) => {
    expect(profileIssues(profileInput({ submittedAt })).map((i) => i.message)).toEqual([`${message} (got ${JSON.stringify(submittedAt)})`])
  })

  it('a spouse on a single profile', () => {
    expect(profileIssues(profileInput({ spouse: { accompanying: true, canadianCitizenOrPR: false } }))).toMatchInlineSnapshot(`
      [
        {
          "message": "a spouse is only allowed when maritalStatus is married or common-law; maritalStatus is single (got {"accompanying":true,"canadianCitizenOrPR":false})",
          "path": "spouse",
          "value": {
            "accompanying": true,
            "canadianCitizenOrPR": false,
          },
        },
      ]
    `)
  })

  it('two-or-more is derived from credentials, not entered', () => {
    expect(profileIssues(profileInput({ education: [{ level: 'two-or-more' as 'masters', country: 'CA', programYears: 4, completedOn: '2020-01-01' }] }))).toMatchInlineSnapshot(`
      [
        {
          "message": "Invalid option: expected one of "secondary"|"one-year"|"two-year"|"bachelors"|"masters"|"doctoral" (got "two-or-more")",
          "path": "education.0.level",
          "value": "two-or-more",
        },
      ]
    `)
  })

  it('a score off the test scale names the test, the scale and the field', () => {
    expect(profileIssues(profileInput({ languageTests: [{ ...ieltsClb9('2024-01-01'), reading: 7.25 }] }))).toMatchInlineSnapshot(`
      [
        {
          "message": "ielts-general reading score 7.25 is off the scale: allowed 0 to 9 in steps of 0.5 (got 7.25)",
          "path": "languageTests.0.reading",
          "value": 7.25,
        },
      ]
    `)
  })

  it('unknown fields in a test result and a job', () => {
    expect(
      profileIssues(
        profileInput({
          languageTests: [{ ...ieltsClb9('2024-01-01'), overall: 7.5 } as ReturnType<typeof ieltsClb9>],
          work: [{ noc: '21231', country: 'CA', from: '2024-01-01', to: null, hoursPerWeek: 30, remote: true } as never],
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field "overall" (got 7.5); allowed: test, testDate, listening, reading, writing, speaking",
          "path": "languageTests.0.overall",
          "value": 7.5,
        },
        {
          "message": "unknown field "remote" (got true); allowed: noc, country, from, to, hoursPerWeek, selfEmployed, fullTimeStudent",
          "path": "work.0.remote",
          "value": true,
        },
      ]
    `)
  })
})

describe('score requests: told apart by shape', () => {
  const factors = { age: 30, education: 'masters', firstLanguage: english9 }

  it.each([
    ['bare factors', factors, 'factors', '2025-01-01'],
    ['bare profile', profileInput(), 'profile', '2025-01-01'],
    ['factors envelope without asOf', { factors }, 'factors', '2025-01-01'],
    ['factors envelope', { asOf: '2019-03-04', factors }, 'factors', '2019-03-04'],
    ['profile envelope', { asOf: '2019-03-04', profile: profileInput() }, 'profile', '2019-03-04'],
  ])('%s → %s on %s', (_name, input, kind, asOf) => {
    const r = parseScoreRequest(input, '2025-01-01')
    expect(r.kind).toBe(kind)
    expect(r.asOf).toBe(asOf)
  })

  it.each([
    ['id', { id: 'x', maritalStatus: 'single', firstOfficialLanguage: 'english', dateOfBirth: '1990-01-01' }],
    ['maritalStatus', { maritalStatus: 'single', firstOfficialLanguage: 'english', dateOfBirth: '1990-01-01', submittedAt: '2024-01-01T00:00:00Z' }],
    ['education as a list', { education: [], firstOfficialLanguage: 'english' }],
  ])('a Profile missing fields is told so (shape: %s), not that its fields are unknown CrsFactors fields', (_key, input) => {
    const issues = issuesOf(() => parseScoreRequest(input, '2025-01-01'))
    expect(issues.length).toBeGreaterThan(0)
    for (const issue of issues) expect(issue.message).toContain('required field missing')
  })

  it('paths inside an envelope start with factors. or profile.', () => {
    expect(issuesOf(() => parseScoreRequest({ factors: { ...factors, education: 'x' } }, '2025-01-01'))).toMatchInlineSnapshot(`
      [
        {
          "message": "Invalid option: expected one of "none"|"secondary"|"one-year"|"two-year"|"bachelors"|"two-or-more"|"masters"|"doctoral" (got "x")",
          "path": "factors.education",
          "value": "x",
        },
      ]
    `)
    expect(issuesOf(() => parseScoreRequest({ profile: profileInput({ dateOfBirth: '1990-13-01' }) }, '2025-01-01'))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a real calendar date written YYYY-MM-DD (got "1990-13-01")",
          "path": "profile.dateOfBirth",
          "value": "1990-13-01",
        },
      ]
    `)
  })

  it('a bad asOf in an envelope', () => {
    expect(issuesOf(() => parseScoreRequest({ asOf: '2024-02-30', factors }, '2025-01-01'))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a real calendar date written YYYY-MM-DD (got "2024-02-30")",
          "path": "asOf",
          "value": "2024-02-30",
        },
      ]
    `)
  })

  it('an envelope with both factors and profile, or another field', () => {
    expect(issuesOf(() => parseScoreRequest({ factors, profile: profileInput() }, '2025-01-01'))).toMatchInlineSnapshot(`
      [
        {
          "message": "an envelope holds asOf and exactly one of factors or profile",
          "path": "profile",
        },
      ]
    `)
    expect(issuesOf(() => parseScoreRequest({ factors, when: '2025-01-01' }, '2025-01-01'))).toMatchInlineSnapshot(`
      [
        {
          "message": "an envelope holds asOf and exactly one of factors or profile",
          "path": "when",
        },
      ]
    `)
  })

  it.each([
    ['an array', []],
    ['null', null],
    ['a number', 3],
    ['a string', 'factors'],
  ])('%s is not a request', (_name, input) => {
    const issues = issuesOf(() => parseScoreRequest(input, '2025-01-01'))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toMatch(/^expected a JSON object \(CrsFactors, Profile, or \{ asOf, factors \| profile \}\); got /)
  })
})

describe('Profile ids and dates that cannot be (issue 14)', () => {
  const base = profileInput({ id: 'c-1', submittedAt: '2024-01-10T00:00:00Z', dateOfBirth: '1990-05-01' })

  it.each([
    ['NUL', 'a\u0000b'],
    ['a line feed', 'a\nb'],
    ['a zero-width space', 'a\u200bb'],
    ['a zero-width joiner', 'a\u200db'],
    ['a right-to-left override', '\u202eabc'],
    ['a byte-order mark', '\ufeffabc'],
    ['a lone surrogate', 'a\ud800'],
    ['a private-use character', 'a\ue000'],
    ['a no-break space', 'a\u00a0b'],
    ['101 characters', 'x'.repeat(101)],
    ['nothing', ''],
  ])('an id with %s is refused at path id', (_what, id) => {
    const issues = profileIssues({ ...base, id })
    expect(issues.map((i) => i.path)).toEqual(['id'])
  })

  it.each([['José Ñúñez'], ['中文-42'], ['a b'], ['x'.repeat(100)], ['😀-emoji']])('the id %j is accepted', (id) => {
    expect(profileSchema.safeParse({ ...base, id }).success).toBe(true)
  })

  it('a birth date after the submission, or in the future, or that does not exist, is refused', () => {
    expect(profileIssues({ ...base, dateOfBirth: '2024-01-11' })).toMatchObject([{ path: 'dateOfBirth', message: expect.stringMatching(/^the date of birth \(2024-01-11\) cannot be after the profile was submitted \(2024-01-10\)/) }])
    expect(profileIssues({ ...base, submittedAt: '2199-01-01T00:00:00Z', dateOfBirth: '2150-01-01' })).toMatchObject([{ path: 'dateOfBirth', message: expect.stringMatching(/^the date of birth \(2150-01-01\) is in the future/) }])
    expect(profileIssues({ ...base, dateOfBirth: '1990-02-29' })).toMatchObject([{ path: 'dateOfBirth', message: expect.stringMatching(/^expected a real calendar date written YYYY-MM-DD/) }])
    expect(profileSchema.safeParse({ ...base, dateOfBirth: '2024-01-10', education: [], languageTests: [], work: [] }).success).toBe(true)
  })

  it('a date of birth before 1900, or after a credential, an ECA, a test or a job, is refused at each such field', () => {
    expect(profileIssues({ ...base, dateOfBirth: '1826-04-18' })).toMatchObject([{ path: 'dateOfBirth', message: expect.stringMatching(/^the date of birth \(1826-04-18\) is before 1900-01-01: not a plausible date of birth for a candidate/) }])
    const born = '2015-01-01'
    const child = profileInput({
      id: 'c-2',
      submittedAt: '2024-01-10T00:00:00Z',
      dateOfBirth: born,
      education: [{ level: 'masters', country: 'IN', programYears: 2, completedOn: '2014-06-01', eca: { organization: 'WES', issuedOn: '2014-09-01' } }],
      languageTests: [ieltsClb9('2023-03-01')],
      work: [job('2012-01-01', '2013-01-01')],
    })
    const issues = profileIssues(child)
    expect(issues.map((i) => i.path)).toEqual(['education.0.completedOn', 'education.0.eca.issuedOn', 'work.0.from'])
    for (const i of issues) expect(i.message).toMatch(new RegExp(`^the (credential was completed|ECA was issued|test was taken|job started) \\(\\d{4}-\\d\\d-\\d\\d\\) is before the date of birth \\(${born}\\)`))
    // The spouse's facts against the spouse's own date of birth.
    const spouse = { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: '2010-01-01', education: [], languageTests: [{ test: 'celpip-general', testDate: '2009-06-01', listening: 7, reading: 7, writing: 7, speaking: 7 }], work: [] }
    expect(profileIssues({ ...base, maritalStatus: 'married', spouse })).toMatchObject([{ path: 'spouse.languageTests.0.testDate', message: expect.stringMatching(/^the test was taken \(2009-06-01\) is before the spouse's date of birth \(2010-01-01\)/) }])
  })

  it('a profile scored on a day before its birth is refused at path asOf', () => {
    const issues = issuesOf(() => parseScoreRequest({ asOf: '1989-12-31', profile: base }, '2025-01-01'))
    expect(issues).toMatchObject([{ path: 'asOf', message: 'the scoring date (1989-12-31) is before the date of birth (1990-05-01)' }])
    expect(parseScoreRequest({ asOf: '1990-05-01', profile: base }, '2025-01-01').kind).toBe('profile')
  })
})

describe('one bound per field', () => {
  it('a number over two limits is told the tighter one only', () => {
    const issues = issuesOf(() => parseForecastRequest({ asOf: '2026-01-15', seed: 1e20, factors: {} }, '2026-01-15'))
    const seed = issues.filter((i) => i.path === 'seed')
    expect(seed).toHaveLength(1)
    expect(seed[0]!.message).toMatch(/0 to 2147483647/)
  })
})

describe('the forecast request: a bad horizon or seed is told what is allowed', () => {
  const cases: readonly [string, unknown, RegExp][] = [
    ['horizonDays', 0, /^expected a whole number of days, 1 to 730 \(got 0\)$/],
    ['horizonDays', -1, /^expected a whole number of days, 1 to 730 \(got -1\)$/],
    ['horizonDays', 1.5, /^expected a whole number of days, 1 to 730 \(got 1\.5\)$/],
    ['horizonDays', 731, /^expected a whole number of days, 1 to 730 \(got 731\)$/],
    ['horizonDays', 1e12, /^expected a whole number of days, 1 to 730 /],
    ['horizonDays', '90', /^expected a whole number of days, 1 to 730 \(got "90"\)$/],
    ['horizonDays', null, /^expected a whole number of days, 1 to 730 \(got null\)$/],
    ['seed', -1, /^expected a whole number 0 to 2147483647 \(got -1\)$/],
    ['seed', 0.5, /^expected a whole number 0 to 2147483647 \(got 0\.5\)$/],
  ]
  it.each(cases)('%s: %j', (field, value, message) => {
    const issues = issuesOf(() => parseForecastRequest({ asOf: '2026-01-15', [field]: value, factors: {} }, '2026-01-15'))
    expect(issues.filter((i) => i.path === field)).toEqual([expect.objectContaining({ path: field, message: expect.stringMatching(message) })])
  })
})

describe('a number too large to read', () => {
  it('is shown as such, not as null', () => {
    const issues = issuesOf(() => parseScoreRequest(JSON.parse('{"age":1e400,"education":"masters","firstLanguage":{"language":"english","clb":{"speaking":9,"listening":9,"reading":9,"writing":9}}}'), '2026-01-15'))
    const age = issues.find((i) => i.path === 'age')!
    expect(age.message).toMatch(/\(got Infinity \(a number too large to read\)\)$/)
  })
})
