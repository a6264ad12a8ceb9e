/**
 * The domain's shared words, each listed once: programs, round types, education levels, abilities,
 * official languages, the answers CrsFactors take. Plain lists with no dependency, so the web app's
 * pages can use them without the schemas; the zod schemas (src/schemas/common.ts) are built from them.
 * The designated language tests are listed in src/language/tests.ts.
 * @module
 */

/** The levels of education CrsFactors take (DESIGN.md), lowest first. */
export const EDUCATION_LEVELS = ['none', 'secondary', 'one-year', 'two-year', 'bachelors', 'two-or-more', 'masters', 'doctoral'] as const
/** Canadian study (CrsFactors.canadianEducation): none, a one- or two-year credential, three years or more. */
export const CANADIAN_EDUCATION_LEVELS = ['none', 'one-or-two-year', 'three-year-or-more'] as const
/** A job offer as CrsFactors say it: none, NOC TEER 0 major group 00, other TEER 0-3. */
export const JOB_OFFER_KINDS = ['none', 'noc-00', 'teer-0-3'] as const

/** The four language abilities. */
export const ABILITIES = ['speaking', 'listening', 'reading', 'writing'] as const
export type Ability = (typeof ABILITIES)[number]

/** Canada's official languages. */
export const OFFICIAL_LANGUAGES = ['english', 'french'] as const

/** The Express Entry programs: Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades, Provincial Nominee Program. */
export const PROGRAMS = ['fsw', 'cec', 'fst', 'pnp'] as const
export type ProgramId = (typeof PROGRAMS)[number]

/** The three programs a profile can be eligible for on its own (PNP needs one of them). */
export const FEDERAL_PROGRAMS = ['fsw', 'cec', 'fst'] as const
export type FederalProgram = (typeof FEDERAL_PROGRAMS)[number]

/** The kinds of round: open to every program (general), to one program, or to one category. */
export const ROUND_TYPES = ['general', 'program', 'category'] as const
export type RoundType = (typeof ROUND_TYPES)[number]
