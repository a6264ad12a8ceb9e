/**
 * Profile: the facts of an Express Entry profile, as the pool stores them (DESIGN.md). Scores, CLB
 * levels and work years are derived from these facts for a date (see crs/factors.ts).
 * @module
 */
import { z } from 'zod'
import { DESIGNATED_TESTS, NOT_DESIGNATED, testScoreIssues } from '../language/tests.js'
import { NOC_VERSION, isNocCode, nocUnitGroups } from '../noc/index.js'
import { educationLevel, isoDate, isoInstant, officialLanguage, printableString } from './common.js'
import { todayUtc } from '../domain/dates.js'

/** A NOC 2021 unit group of the list (src/noc): an unknown code is an error, not work that silently does not count. */
const nocCode = z
  .string()
  .regex(/^\d{5}$/, { message: 'expected a NOC 2021 unit group: five digits, e.g. "21211"' })
  // Five digits but not on the list (a code that is not five digits has the message above only).
  .refine((code) => !/^\d{5}$/.test(code) || isNocCode(code), { message: `not a NOC 2021 unit group (${NOC_VERSION}, ${nocUnitGroups.length} codes); find the code with \`express-entry noc <words of the title>\`` })
const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code in capitals, e.g. "CA"' })
const provinceCode = z.enum(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'])

const credentialSchema = z.strictObject({
  level: educationLevel.exclude(['none', 'two-or-more']),
  country: countryCode,
  /** The program's length in years (0 for secondary). */
  programYears: z.number().min(0).max(15),
  completedOn: isoDate,
  /** Educational Credential Assessment of a foreign credential; it counts for 5 years from issuedOn. */
  eca: z.strictObject({ organization: z.string().min(1).max(100), issuedOn: isoDate }).nullable().optional(),
})
export type Credential = z.output<typeof credentialSchema>

const testScore = z.number().finite().min(0).max(1000)

export const languageTestSchema = z
  .strictObject({
    test: z.enum(DESIGNATED_TESTS, {
      error: (issue) => {
        const instead = typeof issue.input === 'string' ? NOT_DESIGNATED[issue.input] : undefined
        return instead ? `${String(issue.input)} is not designated for Express Entry; use ${instead}` : `unknown test; allowed: ${DESIGNATED_TESTS.join(', ')}`
      },
    }),
    testDate: isoDate,
    listening: testScore,
    reading: testScore,
    writing: testScore,
    speaking: testScore,
  })
  .check((ctx) => {
    for (const issue of testScoreIssues(ctx.value.test, ctx.value.testDate, ctx.value, '')) {
      ctx.issues.push({ code: 'custom', input: issue.value, path: issue.path.split('.').filter(Boolean), message: issue.message })
    }
  })
export type LanguageTest = z.output<typeof languageTestSchema>

const jobSchema = z
  .strictObject({
    noc: nocCode,
    country: countryCode,
    from: isoDate,
    /** Last day worked (inclusive), or null while the job goes on. */
    to: isoDate.nullable(),
    hoursPerWeek: z.number().gt(0).max(168),
    selfEmployed: z.boolean().default(false),
    fullTimeStudent: z.boolean().default(false),
  })
  .check((ctx) => {
    if (ctx.value.to !== null && ctx.value.to < ctx.value.from) {
      ctx.issues.push({ code: 'custom', input: ctx.value.to, path: ['to'], message: `the job cannot end (${ctx.value.to}) before it starts (${ctx.value.from})` })
    }
  })
export type Job = z.output<typeof jobSchema>

const profileSpouseSchema = z.strictObject({
  accompanying: z.boolean(),
  canadianCitizenOrPR: z.boolean(),
  dateOfBirth: isoDate.optional(),
  education: z.array(credentialSchema).max(20).default([]),
  languageTests: z.array(languageTestSchema).max(20).default([]),
  work: z.array(jobSchema).max(100).default([]),
})
export type ProfileSpouse = z.output<typeof profileSpouseSchema>

/** Longest profile id (characters). */
export const MAX_ID_LENGTH = 100

/** A profile id: 1 to 100 printable characters, the same rule on SQLite and PostgreSQL (NOT_PRINTABLE). */
export const profileId = printableString(MAX_ID_LENGTH, 'an id')

export const MARITAL_STATUSES = ['single', 'married', 'common-law', 'divorced', 'separated', 'widowed', 'annulled'] as const

import { personFacts, type PersonFact } from '../facts/person-facts.js'

export { personFacts, type PersonFact }

/** No candidate was born before this day: an earlier date of birth is a typo, not a person (age 126 and more in 2026). */
const EARLIEST_BIRTH = '1900-01-01'

const HAPPENED: Readonly<Record<PersonFact['kind'], string>> = { credential: 'the credential was completed', eca: 'the ECA was issued', test: 'the test was taken', job: 'the job started' }

/** Issues for a person's credentials, tests and jobs dated before their birth (`born`). */
function bornBefore(issues: z.core.$ZodRawIssue[], person: Parameters<typeof personFacts>[0], born: string, at: readonly string[], whose: string): void {
  for (const f of personFacts(person)) {
    if (f.date < born) issues.push({ code: 'custom', input: f.date, path: [...at, ...f.path], message: `${HAPPENED[f.kind]} (${f.date}) is before ${whose} (${born})` })
  }
}

export const profileSchema = z
  .strictObject({
    id: profileId,
    submittedAt: isoInstant,
    dateOfBirth: isoDate,
    maritalStatus: z.enum(MARITAL_STATUSES),
    spouse: profileSpouseSchema.nullable().default(null),
    education: z.array(credentialSchema).max(20).default([]),
    languageTests: z.array(languageTestSchema).max(20).default([]),
    firstOfficialLanguage: officialLanguage,
    work: z.array(jobSchema).max(100).default([]),
    certificateOfQualification: z.strictObject({ noc: nocCode, province: provinceCode }).nullable().default(null),
    provincialNomination: z.strictObject({ province: provinceCode, nominatedOn: isoDate }).nullable().default(null),
    jobOffer: z
      .strictObject({
        noc: nocCode,
        lmiaExempt: z.boolean(),
        /** Who made the offer, where a rule asks (skilled military recruits: the Canadian Forces Recruiting Group); absent = not said. */
        employer: z.enum(['canadian-forces-recruiting-group', 'other']).optional(),
        /** Length of the offered employment in years, where a rule asks (skilled military recruits: 3 or more); absent = not said. */
        termYears: z.number().min(0).max(50).optional(),
      })
      .nullable()
      .default(null),
    /**
     * Service in a foreign military (skilled military recruits, 2026): absent = not said (can't tell),
     * null = none. `recognized`: whether that military is a "recognized foreign military" (not defined
     * publicly; null = not known).
     */
    foreignMilitaryService: z
      .strictObject({ country: countryCode, from: isoDate, to: isoDate.nullable(), recognized: z.boolean().nullable().default(null) })
      .nullable()
      .optional(),
    siblingInCanada: z.boolean().default(false),
    /**
     * Settlement funds in Canadian dollars (FSW and FST, IRPR 76(1)(b)(i)); absent = not said: where funds
     * are needed (not waived, a table known for the date) the program answers can't tell (null), never
     * "CAD 0" (docs/decisions.md E21).
     */
    settlementFundsCad: z.number().min(0).max(1e12).optional(),
    /** Dependent children (for the settlement-funds family size). */
    dependentChildren: z.int().min(0).max(30).default(0),
  })
  .check((ctx) => {
    const { maritalStatus, spouse, dateOfBirth, submittedAt } = ctx.value
    // Dates that cannot be: born after the profile was submitted, or after today.
    const submittedOn = submittedAt.slice(0, 10)
    if (dateOfBirth > submittedOn) ctx.issues.push({ code: 'custom', input: dateOfBirth, path: ['dateOfBirth'], message: `the date of birth (${dateOfBirth}) cannot be after the profile was submitted (${submittedOn})` })
    else if (dateOfBirth > todayUtc()) ctx.issues.push({ code: 'custom', input: dateOfBirth, path: ['dateOfBirth'], message: `the date of birth (${dateOfBirth}) is in the future` })
    if (spouse?.dateOfBirth !== undefined && spouse.dateOfBirth > todayUtc()) ctx.issues.push({ code: 'custom', input: spouse.dateOfBirth, path: ['spouse', 'dateOfBirth'], message: `the spouse's date of birth (${spouse.dateOfBirth}) is in the future` })
    if (dateOfBirth < EARLIEST_BIRTH) ctx.issues.push({ code: 'custom', input: dateOfBirth, path: ['dateOfBirth'], message: `the date of birth (${dateOfBirth}) is before ${EARLIEST_BIRTH}: not a plausible date of birth for a candidate` })
    // Facts dated before the person was born cannot be (a typo in a year, most often).
    bornBefore(ctx.issues, ctx.value, dateOfBirth, [], 'the date of birth')
    if (spouse?.dateOfBirth !== undefined) bornBefore(ctx.issues, spouse, spouse.dateOfBirth, ['spouse'], "the spouse's date of birth")
    const partnered = maritalStatus === 'married' || maritalStatus === 'common-law'
    if (spouse && !partnered) {
      ctx.issues.push({ code: 'custom', input: spouse, path: ['spouse'], message: `a spouse is only allowed when maritalStatus is married or common-law; maritalStatus is ${maritalStatus}` })
    }
  })
export type Profile = z.output<typeof profileSchema>
export type ProfileInput = z.input<typeof profileSchema>
