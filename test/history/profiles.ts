/** Varied profiles for the history tests: dated facts spread over 2008-2026. */
import fc from 'fast-check'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'

const day = (from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
const noc = fc.constantFrom('21231', '21211', '31301', '13110', '72310', '62200', '41200', '00012', '64100', '72410', '32101')
const ielts = fc.record({ test: fc.constant('ielts-general'), testDate: day(2015, 2026), listening: fc.constantFrom(5, 6, 7, 7.5, 8, 8.5, 9), reading: fc.constantFrom(5, 6, 6.5, 7, 8, 9), writing: fc.constantFrom(5, 6, 6.5, 7, 7.5), speaking: fc.constantFrom(5, 6, 6.5, 7, 7.5) })
const tef = fc.record({ test: fc.constant('tef-canada'), testDate: day(2016, 2026), listening: fc.integer({ min: 250, max: 360 }), reading: fc.integer({ min: 210, max: 300 }), writing: fc.integer({ min: 300, max: 450 }), speaking: fc.integer({ min: 300, max: 450 }) })
const job = fc.record({ noc, country: fc.constantFrom('CA', 'CA', 'IN', 'PH'), from: day(2008, 2025), years: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), hoursPerWeek: fc.constantFrom(20, 30, 37.5, 40) }).map(({ from, years, ...j }) => {
  const to = years === null ? null : `${Math.min(2026, Number(from.slice(0, 4)) + years)}${from.slice(4)}`
  return { ...j, from, to: to !== null && to < from ? from : to, selfEmployed: false, fullTimeStudent: false }
})
const credential = fc.record({ level: fc.constantFrom('secondary', 'two-year', 'bachelors', 'masters', 'doctoral'), country: fc.constantFrom('CA', 'IN'), completedOn: day(2005, 2025), eca: fc.option(day(2012, 2025), { nil: null }) }).map(({ level, country, completedOn, eca }) => ({
  level, country, completedOn, programYears: level === 'secondary' ? 0 : level === 'two-year' ? 2 : 4,
  eca: country === 'CA' || eca === null ? null : { organization: 'WES', issuedOn: eca },
}))

export const profileArbitrary: fc.Arbitrary<Profile> = fc
  .record({
    dateOfBirth: day(1970, 2002),
    married: fc.boolean(),
    education: fc.array(credential, { minLength: 0, maxLength: 2 }),
    languageTests: fc.array(fc.oneof(ielts, ielts, tef), { minLength: 0, maxLength: 3 }),
    work: fc.array(job, { minLength: 0, maxLength: 3 }),
    spouseTests: fc.array(ielts, { maxLength: 1 }),
    spouseWork: fc.array(job, { maxLength: 1 }),
    nominatedOn: fc.option(day(2015, 2026), { nil: null }),
    submittedAt: day(2015, 2026),
    sibling: fc.boolean(),
  })
  .map((r) => {
    const input: ProfileInput = {
      id: 'p',
      submittedAt: `${r.submittedAt}T12:00:00Z`,
      dateOfBirth: r.dateOfBirth,
      maritalStatus: r.married ? 'married' : 'single',
      spouse: r.married ? { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: '1990-01-01', education: [], languageTests: r.spouseTests, work: r.spouseWork } : null,
      education: r.education as ProfileInput['education'],
      languageTests: r.languageTests,
      firstOfficialLanguage: 'english',
      work: r.work,
      provincialNomination: r.nominatedOn ? { province: 'ON', nominatedOn: r.nominatedOn } : null,
      siblingInCanada: r.sibling,
      settlementFundsCad: 30_000,
    }
    return profileSchema.parse(input)
  })

/** A software engineer in Canada since 2019, master's from a Canadian university, strong English. */
export const engineer: Profile = profileSchema.parse({
  id: 'engineer',
  submittedAt: '2022-11-20T10:00:00Z',
  dateOfBirth: '1994-03-02',
  maritalStatus: 'single',
  education: [
    { level: 'masters', country: 'CA', programYears: 2, completedOn: '2019-04-30' },
    { level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2016-06-30', eca: { organization: 'WES', issuedOn: '2017-01-10' } },
  ],
  languageTests: [
    { test: 'ielts-general', testDate: '2019-02-10', listening: 8.5, reading: 8, writing: 7, speaking: 7 },
    { test: 'ielts-general', testDate: '2021-01-15', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
    { test: 'ielts-general', testDate: '2023-01-10', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
    { test: 'ielts-general', testDate: '2025-01-12', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
  ],
  firstOfficialLanguage: 'english',
  work: [
    { noc: '21231', country: 'IN', from: '2016-07-15', to: '2017-08-31', hoursPerWeek: 40 },
    { noc: '21231', country: 'CA', from: '2019-06-03', to: null, hoursPerWeek: 40 },
  ],
  settlementFundsCad: 25_000,
})

/** A francophone one FSW grid point short on 2026-11-29: NCLC 9 (24), bachelor's (21), one year abroad (9), age 35 (12) = 66. */
export const francophone: ProfileInput = {
  id: 'fr',
  submittedAt: '2026-11-01T00:00:00Z',
  dateOfBirth: '1991-03-10',
  maritalStatus: 'single',
  firstOfficialLanguage: 'french',
  education: [{ level: 'bachelors', country: 'MA', programYears: 4, completedOn: '2014-06-30', eca: { organization: 'WES', issuedOn: '2025-01-15' } }],
  languageTests: [{ test: 'tef-canada', testDate: '2026-06-01', speaking: 518, listening: 503, reading: 503, writing: 512 }],
  work: [{ noc: '21232', country: 'MA', from: '2024-01-08', to: '2025-06-30', hoursPerWeek: 40 }],
  settlementFundsCad: 20000,
}
