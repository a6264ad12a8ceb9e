/**
 * Profile: the facts of an Express Entry profile, as the pool stores them (DESIGN.md). Scores, CLB
 * levels and work years are derived from these facts for a date (see crs/factors.ts).
 * @module
 */
import { z } from 'zod'
import { DESIGNATED_TESTS, NOT_DESIGNATED, testScoreIssues } from '../language/tests.js'
import { NOC_VERSION, isNocCode, nocUnitGroups } from '../noc/index.js'
import { educationLevel, isoDate, isoInstant, officialLanguage } from './common.js'

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

const MARITAL_STATUSES = ['single', 'married', 'common-law', 'divorced', 'separated', 'widowed', 'annulled'] as const

export const profileSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
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
    settlementFundsCad: z.number().min(0).max(1e12).default(0),
    /** Dependent children (for the settlement-funds family size). */
    dependentChildren: z.int().min(0).max(30).default(0),
  })
  .check((ctx) => {
    const { maritalStatus, spouse } = ctx.value
    const partnered = maritalStatus === 'married' || maritalStatus === 'common-law'
    if (spouse && !partnered) {
      ctx.issues.push({ code: 'custom', input: spouse, path: ['spouse'], message: `a spouse is only allowed when maritalStatus is married or common-law; maritalStatus is ${maritalStatus}` })
    }
  })
export type Profile = z.output<typeof profileSchema>
export type ProfileInput = z.input<typeof profileSchema>
