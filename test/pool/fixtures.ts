/**
 * Test fixtures for the pool: a profile builder and a small, explicit eligibility service (the pool's
 * mechanics are tested against it; the real rules are wired in by loadEligibility).
 */
import { addYears, type IsoDate } from '../../src/domain/dates.js'
import type { CategoryInfo, PoolEligibility } from '../../src/pool/eligibility.js'
import type { ProgramId } from '../../src/schemas/common.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'

export interface ProfileOptions {
  readonly dob?: IsoDate
  /** IELTS General bands, all four abilities ("high" is CLB 10, "mid" CLB 9, "low" CLB 7). */
  readonly english?: 'high' | 'mid' | 'low'
  readonly testDate?: IsoDate
  /** Canadian work in this NOC from this day, 40 h a week, ongoing. */
  readonly canadianWorkFrom?: IsoDate
  readonly noc?: string
  readonly nominatedOn?: IsoDate
  readonly jobOfferNoc?: string
}

const BANDS = {
  high: { listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
  mid: { listening: 8, reading: 7, writing: 7, speaking: 7 },
  low: { listening: 6, reading: 6, writing: 6, speaking: 6 },
} as const

export function profileInput(id: string, submittedAt: string, o: ProfileOptions = {}): ProfileInput {
  return {
    id,
    submittedAt,
    dateOfBirth: o.dob ?? '1995-06-15',
    maritalStatus: 'single',
    education: [{ level: 'bachelors', country: 'CA', programYears: 4, completedOn: '2017-05-31' }],
    languageTests: [{ test: 'ielts-general', testDate: o.testDate ?? '2022-10-01', ...BANDS[o.english ?? 'mid'] }],
    firstOfficialLanguage: 'english',
    work: [{ noc: o.noc ?? '21231', country: 'CA', from: o.canadianWorkFrom ?? '2019-01-07', to: null, hoursPerWeek: 40 }],
    provincialNomination: o.nominatedOn ? { province: 'ON', nominatedOn: o.nominatedOn } : null,
    jobOffer: o.jobOfferNoc ? { noc: o.jobOfferNoc, lmiaExempt: false } : null,
    settlementFundsCad: 20000,
  }
}

export function profileOf(input: ProfileInput): Profile {
  return profileSchema.parse(input)
}

export const TEST_CATEGORIES: readonly (CategoryInfo & { from: IsoDate; to: IsoDate; nocPrefix: string })[] = [
  { id: 'stem-2023-1', label: 'STEM occupations (2023-1)', from: '2023-05-31', to: '2024-02-28', nocPrefix: '21' },
  { id: 'healthcare-2023-1', label: 'Healthcare occupations (2023-1)', from: '2023-05-31', to: '2024-02-28', nocPrefix: '31' },
]

function validTest(p: Profile, asOf: IsoDate): boolean {
  return p.languageTests.some((t) => t.testDate <= asOf && addYears(t.testDate, 2) > asOf)
}

/** Eligible for FSW with a valid language result; CEC with Canadian work too; PNP once nominated; a category by NOC prefix. */
export const testEligibility: PoolEligibility = {
  isEligibleForProgram(p: Profile, program: ProgramId, asOf: IsoDate): boolean {
    if (!validTest(p, asOf)) return false
    switch (program) {
      case 'fsw':
        return true
      case 'cec':
        return p.work.some((j) => j.country === 'CA' && j.from <= asOf)
      case 'fst':
        return false
      case 'pnp':
        return p.provincialNomination !== null && p.provincialNomination.nominatedOn <= asOf
    }
  },
  isEligibleForAnyProgram(p: Profile, asOf: IsoDate): boolean {
    return validTest(p, asOf)
  },
  isEligibleForCategory(p: Profile, id: string, asOf: IsoDate): boolean {
    const c = TEST_CATEGORIES.find((x) => x.id === id)
    return !!c && c.from <= asOf && asOf <= c.to && validTest(p, asOf) && p.work.some((j) => j.noc.startsWith(c.nocPrefix) && j.from <= asOf)
  },
  categoryById: (id) => TEST_CATEGORIES.find((c) => c.id === id),
  categoriesInForce: (asOf) => TEST_CATEGORIES.filter((c) => c.from <= asOf && asOf <= c.to),
  ruleChangeDates: ['2023-05-31', '2024-02-29'],
}

/** The id of the category `withUnknownList` adds. */
export const UNKNOWN_LIST_CATEGORY = 'test-unknown-list'

/**
 * `base` with one more category in force from 2015 on whose list of occupations is not known (built
 * for tests, so the answers do not depend on which real versions lack a list today): every question
 * about it is "can't tell" (null) for a profile eligible for a program, as the real rules answer.
 */
export function withUnknownList(base: PoolEligibility): PoolEligibility {
  const info: CategoryInfo = { id: UNKNOWN_LIST_CATEGORY, label: 'Test occupations (list unknown)', listUnknown: 'The list of occupations of Test occupations (list unknown) is not known to this engine (a test-only version)' }
  return {
    isEligibleForProgram: (p, program, asOf) => base.isEligibleForProgram(p, program, asOf),
    isEligibleForAnyProgram: (p, asOf) => base.isEligibleForAnyProgram(p, asOf),
    isEligibleForCategory: (p, id, asOf) => (id === UNKNOWN_LIST_CATEGORY ? (base.isEligibleForAnyProgram(p, asOf) ? null : false) : base.isEligibleForCategory(p, id, asOf)),
    categoryById: (id) => (id === UNKNOWN_LIST_CATEGORY ? info : base.categoryById(id)),
    categoriesInForce: (asOf) => [...base.categoriesInForce(asOf), info],
    ruleChangeDates: base.ruleChangeDates,
  }
}

/**
 * Skilled military recruits (military-2026) of every answer: every `every`-th profile given an offer
 * from the Canadian Forces in a listed occupation, with or without who made it and its length, and a
 * foreign service said, not said, none, or of a military not known to be recognized. On a pool
 * eligible for programs this gives yes, no and can't tell (eligible null).
 */
export function withMilitaryRecruits(profiles: readonly Profile[], every = 2): Profile[] {
  const offers = [
    { noc: '42102', lmiaExempt: true, employer: 'canadian-forces-recruiting-group' as const, termYears: 3 },
    { noc: '40042', lmiaExempt: true }, // who made it and for how long not said: can't tell
    { noc: '43204', lmiaExempt: true, employer: 'canadian-forces-recruiting-group' as const, termYears: 1 }, // too short: no
    { noc: '43204', lmiaExempt: true, employer: 'canadian-forces-recruiting-group' as const, termYears: 4 },
  ]
  const services = [
    undefined, // not said: can't tell
    { country: 'GB', from: '2008-01-01', to: null, recognized: true },
    { country: 'FR', from: '2012-05-01', to: null, recognized: null }, // recognition not known: can't tell
    null, // none: no
    { country: 'US', from: '2005-03-01', to: null, recognized: true },
  ]
  return profiles.map((p, i) => {
    if (i % every !== 0) return p
    const k = i / every
    const service = services[k % services.length]
    const { foreignMilitaryService: _, ...rest } = p
    return { ...rest, jobOffer: offers[k % offers.length]!, ...(service === undefined ? {} : { foreignMilitaryService: service }) } as Profile
  })
}
