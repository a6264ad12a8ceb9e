/**
 * The lists the schemas are built from, without zod: the library's rules import them from here, so the
 * web app can score and check eligibility in the browser without loading zod (schemas/common.ts
 * re-exports them).
 * @module
 */
export const EDUCATION_LEVELS = ['none', 'secondary', 'one-year', 'two-year', 'bachelors', 'two-or-more', 'masters', 'doctoral'] as const
export const ABILITIES = ['speaking', 'listening', 'reading', 'writing'] as const
