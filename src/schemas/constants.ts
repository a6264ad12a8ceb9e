/**
 * The lists the schemas are built from, without zod: the library's rules import them from here, so the
 * web app can score and check eligibility in the browser without loading zod. They are the domain's
 * words (src/domain/words.ts), their one home.
 * @module
 */
export { ABILITIES, EDUCATION_LEVELS } from '../domain/words.js'
