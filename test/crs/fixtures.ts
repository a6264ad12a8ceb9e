/**
 * Builders shared by the CRS, language and schema tests. They only assemble inputs: every expected
 * number in the tests is typed from ../shared/research/rules.md, never read from src/rules.
 * @module
 */
import type { Abilities } from '../../src/schemas/common.js'
import type { CrsFactorsInput } from '../../src/schemas/crs-factors.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'

/** A date well inside the current rules (after the 2025-03-25 change). */
export const TODAY = '2026-11-25'

/** The same CLB in all four abilities. */
export function clb(level: number): Abilities {
  return { speaking: level, listening: level, reading: level, writing: level }
}

/** Factors that score 0 everywhere; override one field to isolate its points. */
export function zeroFactors(overrides: Partial<CrsFactorsInput> = {}): CrsFactorsInput {
  return { age: 0, education: 'none', firstLanguage: null, ...overrides }
}

/** The golden candidate: single, age 30, CLB 9 in all four, 3 years of foreign work, no Canadian work. */
export function goldenFactors(overrides: Partial<CrsFactorsInput> = {}): CrsFactorsInput {
  return {
    age: 30,
    education: 'bachelors',
    canadianEducation: 'none',
    firstLanguage: { language: 'english', clb: clb(9) },
    secondLanguage: null,
    canadianWorkYears: 0,
    foreignWorkYears: 3,
    certificateOfQualification: false,
    jobOffer: 'none',
    provincialNomination: false,
    siblingInCanada: false,
    spouse: null,
    ...overrides,
  }
}

/** An accompanying spouse who is not a citizen or PR (the "with spouse" columns apply). */
export function scoringSpouse(overrides: Partial<NonNullable<CrsFactorsInput['spouse']>> = {}): NonNullable<CrsFactorsInput['spouse']> {
  return { accompanying: true, canadianCitizenOrPR: false, education: 'none', language: null, canadianWorkYears: 0, ...overrides }
}

/** A minimal valid single profile; parse it so defaults are filled in as the library expects. */
export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    id: 'p-1',
    submittedAt: '2024-01-01T00:00:00Z',
    dateOfBirth: '1996-05-10',
    maritalStatus: 'single',
    firstOfficialLanguage: 'english',
    ...overrides,
  }
}

export function profile(overrides: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse(profileInput(overrides))
}

/** An IELTS General Training result that is CLB 9 in every ability (rules.md §6.2: R 7, W 7, L 8, S 7). */
export function ieltsClb9(testDate: string) {
  return { test: 'ielts-general' as const, testDate, listening: 8, reading: 7, writing: 7, speaking: 7 }
}

/** A full-time skilled job. */
export function job(from: string, to: string | null, overrides: Record<string, unknown> = {}) {
  return { noc: '21231', country: 'CA', from, to, hoursPerWeek: 30, ...overrides }
}
