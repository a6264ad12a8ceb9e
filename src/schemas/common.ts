/** Building blocks shared by the schemas: dates, levels, abilities; and the domain's words (src/domain/words.ts), re-exported. @module */
import { z } from 'zod'
import { isIsoDate, isIsoInstant } from '../domain/dates.js'
import { EDUCATION_LEVELS, OFFICIAL_LANGUAGES } from '../domain/words.js'

export * from '../domain/words.js'

export const isoDate = z.string().refine(isIsoDate, { message: 'expected a real calendar date written YYYY-MM-DD' })
export const isoInstant = z.string().refine(isIsoInstant, { message: 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ' })

export const educationLevel = z.enum(EDUCATION_LEVELS)

const clbLevel = z.int().min(0).max(12)

/** A CLB/NCLC level (0-12) for each of the four abilities. */
export const abilitiesSchema = z.strictObject({
  speaking: clbLevel,
  listening: clbLevel,
  reading: clbLevel,
  writing: clbLevel,
})
export type Abilities = z.infer<typeof abilitiesSchema>

export const officialLanguage = z.enum(OFFICIAL_LANGUAGES)
export type OfficialLanguage = z.infer<typeof officialLanguage>
