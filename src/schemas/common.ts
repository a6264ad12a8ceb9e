/** Building blocks shared by the schemas: dates, levels, abilities; and the domain's words (src/domain/words.ts), re-exported. @module */
import { z } from 'zod'
import { instantProblem, isIsoDate, isIsoInstant } from '../domain/dates.js'
import { EDUCATION_LEVELS, OFFICIAL_LANGUAGES } from '../domain/words.js'

export * from '../domain/words.js'

export const isoDate = z.string().refine(isIsoDate, { message: 'expected a real calendar date written YYYY-MM-DD' })
export const isoInstant = z.string().refine(isIsoInstant, { error: (issue) => instantProblem(String(issue.input)) })

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

/**
 * Characters no id or key may hold: control characters (NUL among them, which PostgreSQL cannot store
 * in text while SQLite can), invisible format characters (zero-width, right-to-left override), unpaired
 * surrogates, private-use and unassigned code points, and separators other than the plain space: they
 * would make two ids look alike, or one store refuse what the other keeps.
 */
export const NOT_PRINTABLE = /[\p{C}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u

/** A string of 1 to `max` printable characters (see NOT_PRINTABLE); `what` names it in messages. */
export function printableString(max: number, what: string) {
  return z
    .string()
    .min(1, { message: `expected ${what} of 1 to ${max} characters` })
    .max(max, { message: `expected ${what} of at most ${max} characters` })
    .refine((s) => !NOT_PRINTABLE.test(s), { message: `expected ${what} of printable characters only: no control, zero-width, direction-override or unassigned characters, and no spaces other than U+0020` })
}
