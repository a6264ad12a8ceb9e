/** fast-check arbitraries for CrsFactors and scoring dates, shared by the property and CLI tests. @module */
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
