/** fast-check arbitraries for CrsFactors and scoring dates, shared by the property and CLI tests. @module */
import { personFacts } from '../../src/schemas/profile.js'
import fc from 'fast-check'
import { EDUCATION_LEVELS } from '../../src/schemas/common.js'
import type { Abilities } from '../../src/schemas/common.js'
import type { CrsFactors } from '../../src/schemas/crs-factors.js'

export const EDUCATION_ORDER = EDUCATION_LEVELS // none < secondary < ... < doctoral (rules.md §1.2)

export const abilitiesArb: fc.Arbitrary<Abilities> = fc.record({
  speaking: fc.integer({ min: 0, max: 12 }),
  listening: fc.integer({ min: 0, max: 12 }),
  reading: fc.integer({ min: 0, max: 12 }),
  writing: fc.integer({ min: 0, max: 12 }),
})

const educationArb = fc.constantFrom(...EDUCATION_LEVELS)

const spouseArb: fc.Arbitrary<CrsFactors['spouse']> = fc.option(
  fc.record({
    accompanying: fc.boolean(),
    canadianCitizenOrPR: fc.boolean(),
    education: educationArb,
    language: fc.option(abilitiesArb, { nil: null }),
    canadianWorkYears: fc.integer({ min: 0, max: 8 }),
  }),
  { nil: null },
)

/** Complete CrsFactors (every field present), with the second language the other official language. */
export const factorsArb: fc.Arbitrary<CrsFactors> = fc
  .record({
    age: fc.integer({ min: 0, max: 70 }),
    education: educationArb,
    canadianEducation: fc.constantFrom('none', 'one-or-two-year', 'three-year-or-more'),
    firstLanguageName: fc.option(fc.constantFrom('english', 'french'), { nil: null }),
    firstClb: abilitiesArb,
    secondClb: fc.option(abilitiesArb, { nil: null }),
    canadianWorkYears: fc.integer({ min: 0, max: 8 }),
    foreignWorkYears: fc.integer({ min: 0, max: 8 }),
    certificateOfQualification: fc.boolean(),
    jobOffer: fc.constantFrom('none', 'noc-00', 'teer-0-3'),
    provincialNomination: fc.boolean(),
    siblingInCanada: fc.boolean(),
    spouse: spouseArb,
  })
  .map(({ firstLanguageName, firstClb, secondClb, ...rest }): CrsFactors => {
    const firstLanguage = firstLanguageName ? { language: firstLanguageName, clb: firstClb } : null
    const other = firstLanguageName === 'english' ? 'french' : 'english'
    const secondLanguage = firstLanguageName && secondClb ? { language: other, clb: secondClb } : null
    return { ...rest, firstLanguage, secondLanguage } as CrsFactors
  })

const LAUNCH_DAY = Date.UTC(2015, 0, 1) / 86_400_000
const LAST_DAY = Date.UTC(2027, 11, 31) / 86_400_000

/** A scoring date from 2015-01-01 to 2027-12-31, with the rule-change days more likely. */
export const asOfArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: LAUNCH_DAY, max: LAST_DAY }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2015-01-01', '2016-11-18', '2016-11-19', '2017-06-05', '2017-06-06', '2020-10-26', '2020-10-27', '2025-03-24', '2025-03-25'),
)

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)
const dateBetween = (from: string, to: string) => fc.integer({ min: dayOf(from), max: dayOf(to) }).map(isoOf)

const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2)
const int = (min: number, max: number) => fc.integer({ min, max })

/** A language test result valid for its test and date (scales of rules.md §6). */
export const languageTestArb = fc.oneof(
  fc.record({ test: fc.constant('ielts-general' as const), testDate: dateBetween('2013-01-01', '2027-06-30'), listening: half(9), reading: half(9), writing: half(9), speaking: half(9) }),
  fc.record({ test: fc.constant('celpip-general' as const), testDate: dateBetween('2013-01-01', '2027-06-30'), listening: int(0, 12), reading: int(0, 12), writing: int(0, 12), speaking: int(0, 12) }),
  fc.record({ test: fc.constant('pte-core' as const), testDate: dateBetween('2024-01-30', '2027-06-30'), listening: int(10, 90), reading: int(10, 90), writing: int(10, 90), speaking: int(10, 90) }),
  fc.record({ test: fc.constant('tef-canada' as const), testDate: dateBetween('2015-01-01', '2023-12-10'), listening: int(0, 360), reading: int(0, 300), writing: int(0, 450), speaking: int(0, 450) }),
  fc.record({ test: fc.constant('tef-canada' as const), testDate: dateBetween('2023-12-11', '2027-06-30'), listening: int(0, 699), reading: int(0, 699), writing: int(0, 699), speaking: int(0, 699) }),
  fc.record({ test: fc.constant('tcf-canada' as const), testDate: dateBetween('2018-11-10', '2027-06-30'), listening: int(0, 699), reading: int(0, 699), writing: int(0, 20), speaking: int(0, 20) }),
)

const credentialArb = fc.record({
  level: fc.constantFrom('secondary', 'one-year', 'two-year', 'bachelors', 'masters', 'doctoral'),
  country: fc.constantFrom('CA', 'IN', 'FR'),
  programYears: int(0, 5),
  completedOn: dateBetween('2000-01-01', '2027-01-01'),
  eca: fc.option(fc.record({ organization: fc.constant('WES'), issuedOn: dateBetween('2010-01-01', '2027-01-01') }), { nil: null }),
})

export const jobArb = fc
  .record({
    noc: fc.constantFrom('00012', '10010', '21231', '32101', '63200', '44100', '65100'),
    country: fc.constantFrom('CA', 'CA', 'IN', 'PH'),
    from: dateBetween('2005-01-01', '2027-06-30'),
    days: int(0, 3000),
    open: fc.boolean(),
    hoursPerWeek: int(5, 60),
    selfEmployed: fc.boolean(),
    fullTimeStudent: fc.boolean(),
  })
  .map(({ days, open, ...job }) => ({ ...job, to: open ? null : isoOf(dayOf(job.from) + days) }))

const profileSpouseArb = fc.record({
  accompanying: fc.boolean(),
  canadianCitizenOrPR: fc.boolean(),
  education: fc.array(credentialArb, { maxLength: 2 }),
  languageTests: fc.array(languageTestArb, { maxLength: 2 }),
  work: fc.array(jobArb, { maxLength: 2 }),
})

/**
 * The date of birth moved back, when it must be, to 16 years before the person's earliest credential, ECA,
 * test or job (the schema refuses facts dated before a birth); otherwise as drawn.
 */
export function bornBeforeFacts<P extends { readonly dateOfBirth: string }>(person: P): P {
  const earliest = personFacts(person as Parameters<typeof personFacts>[0]).reduce((a, f) => (f.date < a ? f.date : a), person.dateOfBirth)
  return earliest < person.dateOfBirth ? { ...person, dateOfBirth: isoOf(dayOf(earliest) - 16 * 365) } : person
}

/** A Profile (input form) that the schema accepts. */
export const profileArb = fc
  .record({
    dateOfBirth: dateBetween('1960-01-01', '2008-12-31'),
    maritalStatus: fc.constantFrom('single', 'married', 'common-law', 'divorced'),
    spouse: profileSpouseArb,
    education: fc.array(credentialArb, { maxLength: 3 }),
    languageTests: fc.array(languageTestArb, { maxLength: 3 }),
    firstOfficialLanguage: fc.constantFrom('english', 'french'),
    work: fc.array(jobArb, { maxLength: 4 }),
    certificateOfQualification: fc.option(fc.constant({ noc: '72200', province: 'ON' }), { nil: null }),
    provincialNomination: fc.option(fc.record({ province: fc.constant('BC'), nominatedOn: dateBetween('2015-01-01', '2027-06-30') }), { nil: null }),
    jobOffer: fc.option(fc.record({ noc: fc.constantFrom('00012', '21231', '44100'), lmiaExempt: fc.boolean() }), { nil: null }),
    siblingInCanada: fc.boolean(),
  })
  .map(({ spouse, maritalStatus, ...rest }) =>
    bornBeforeFacts({
      id: 'p-random',
      submittedAt: '2024-01-01T00:00:00Z',
      maritalStatus,
      spouse: maritalStatus === 'married' || maritalStatus === 'common-law' ? spouse : null,
      ...rest,
    }),
  )
