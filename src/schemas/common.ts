/** Building blocks shared by the schemas: dates, levels, abilities. @module */
import { z } from 'zod'
import { isIsoDate, isIsoInstant } from '../domain/dates.js'
import { ABILITIES, EDUCATION_LEVELS } from './constants.js'

export { ABILITIES, EDUCATION_LEVELS }

export const isoDate = z.string().refine(isIsoDate, { message: 'expected a real calendar date written YYYY-MM-DD' })
export const isoInstant = z.string().refine(isIsoInstant, { message: 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ' })

export const educationLevel = z.enum(EDUCATION_LEVELS)

export const clbLevel = z.int().min(0).max(12)

/** A CLB/NCLC level (0-12) for each of the four abilities. */
export const abilitiesSchema = z.strictObject({
  speaking: clbLevel,
  listening: clbLevel,
  reading: clbLevel,
  writing: clbLevel,
})
export type Abilities = z.infer<typeof abilitiesSchema>
export type Ability = (typeof ABILITIES)[number]

export const officialLanguage = z.enum(['english', 'french'])
export type OfficialLanguage = z.infer<typeof officialLanguage>
