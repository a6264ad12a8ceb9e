/**
 * CrsFactors: the questions the official CRS tool asks (DESIGN.md). Optional fields default to the
 * answer "none"/"no"; unknown fields are refused so a typo cannot silently score 0.
 * @module
 */
import { z } from 'zod'
import { abilitiesSchema, CANADIAN_EDUCATION_LEVELS, educationLevel, JOB_OFFER_KINDS, officialLanguage } from './common.js'

export { EDUCATION_LEVELS } from './common.js'
export type EducationLevel = z.infer<typeof educationLevel>

const wholeYears = z.int().min(0).max(100)

const languageResultSchema = z.strictObject({
  language: officialLanguage,
  clb: abilitiesSchema,
})

const crsSpouseSchema = z.strictObject({
  accompanying: z.boolean(),
  canadianCitizenOrPR: z.boolean(),
  education: educationLevel.default('none'),
  language: abilitiesSchema.nullable().default(null),
  canadianWorkYears: wholeYears.default(0),
})

export const crsFactorsSchema = z
  .strictObject({
    age: z.int().min(0).max(150),
    education: educationLevel,
    canadianEducation: z.enum(CANADIAN_EDUCATION_LEVELS).default('none'),
    firstLanguage: languageResultSchema.nullable(),
    secondLanguage: languageResultSchema.nullable().default(null),
    canadianWorkYears: wholeYears.default(0),
    foreignWorkYears: wholeYears.default(0),
    certificateOfQualification: z.boolean().default(false),
    jobOffer: z.enum(JOB_OFFER_KINDS).default('none'),
    provincialNomination: z.boolean().default(false),
    siblingInCanada: z.boolean().default(false),
    spouse: crsSpouseSchema.nullable().default(null),
  })
  .check((ctx) => {
    const { firstLanguage, secondLanguage } = ctx.value
    if (secondLanguage && !firstLanguage) {
      ctx.issues.push({ code: 'custom', input: secondLanguage, path: ['secondLanguage'], message: 'a second official language needs a first official language' })
    } else if (secondLanguage && firstLanguage && secondLanguage.language === firstLanguage.language) {
      ctx.issues.push({
        code: 'custom',
        input: secondLanguage.language,
        path: ['secondLanguage', 'language'],
        message: `the second official language must be the other official language than the first (${firstLanguage.language}); allowed: ${firstLanguage.language === 'english' ? 'french' : 'english'}`,
      })
    }
  })

/** CrsFactors after parsing (defaults filled in). */
export type CrsFactors = z.output<typeof crsFactorsSchema>
/** CrsFactors as a caller may write them (optional fields may be left out). */
export type CrsFactorsInput = z.input<typeof crsFactorsSchema>
export type CrsSpouse = z.output<typeof crsSpouseSchema>
export type LanguageResult = z.output<typeof languageResultSchema>
