/** Profile builders for the eligibility tests: a base candidate who meets FSW, changed one fact at a time. */
import { compileCategory, compiledCategory, type CategoryVersion, type CompiledCategory } from '../../src/eligibility/index.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'

type TestInput = NonNullable<ProfileInput['languageTests']>[number]
type JobInput = NonNullable<ProfileInput['work']>[number]
type Clb = { speaking: number; listening: number; reading: number; writing: number }

/** A CELPIP-General result: CELPIP levels 4-10 are the same CLB (language.celpip-general). */
export function celpip(level: number | Clb, testDate = '2025-06-01'): TestInput {
  const c = typeof level === 'number' ? { speaking: level, listening: level, reading: level, writing: level } : level
  return { test: 'celpip-general', testDate, ...c }
}

// TCF Canada minimum scores per NCLC (language.tcf-canada): [reading, writing, listening, speaking].
const TCF: Readonly<Record<number, readonly [number, number, number, number]>> = {
  4: [342, 4, 331, 4],
  5: [375, 6, 369, 6],
  6: [406, 7, 398, 7],
  7: [453, 10, 458, 10],
  8: [499, 12, 503, 12],
  9: [524, 14, 523, 14],
}

/** A TCF Canada result at NCLC `level` in all four abilities (or `lowAbility` one level lower). */
export function tcf(level: number, testDate = '2025-06-01', lowAbility?: 'reading' | 'writing' | 'listening' | 'speaking'): TestInput {
  const at = (ability: string, i: number): number => TCF[ability === lowAbility ? level - 1 : level]![i]!
  return { test: 'tcf-canada', testDate, reading: at('reading', 0), writing: at('writing', 1), listening: at('listening', 2), speaking: at('speaking', 3) }
}

/** A job; `to` null while it goes on. */
export function job(noc: string, from: string, to: string | null, extra: Partial<JobInput> = {}): JobInput {
  return { noc, country: 'IN', from, to, hoursPerWeek: 40, ...extra }
}

export const AS_OF = '2026-03-01'

/**
 * The base candidate on 2026-03-01: single, 31, a foreign bachelor's with a valid ECA, CELPIP 9, seven
 * years as a software engineer abroad (2018-2024), CAD 50,000. FSW grid 24+21+15+12+0+0 = 72.
 */
export function baseInput(): ProfileInput {
  return {
    id: 'base',
    submittedAt: '2025-09-01T12:00:00Z',
    dateOfBirth: '1995-01-01',
    maritalStatus: 'single',
    education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2017-06-30', eca: { organization: 'WES', issuedOn: '2024-01-10' } }],
    languageTests: [celpip(9)],
    firstOfficialLanguage: 'english',
    work: [job('21231', '2018-01-01', '2024-12-31')],
    settlementFundsCad: 50_000,
  }
}

/** The base candidate with some facts replaced, parsed. */
export function makeProfile(overrides: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse({ ...baseInput(), ...overrides })
}

/**
 * A category version whose list of occupations is not known, built for tests (not in the catalog):
 * the rule of `like` (an occupation category), in force from 2015 on. The answers for such a version
 * must not depend on which real versions happen to lack a list today.
 */
export function unknownListCategory(like = 'stem-2025'): CompiledCategory {
  const base = compiledCategory(like)!
  const version: CategoryVersion = {
    ...base.category,
    id: 'test-unknown-list',
    label: 'Test occupations (list unknown)',
    from: '2015-01-01',
    to: null,
    occupations: null,
    listKnown: false,
    listNote: 'a test-only version',
  }
  return compileCategory(version, base.source)
}
