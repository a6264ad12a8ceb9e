/** Profiles and synthetic records for the forecast tests. */
import type { PastRound } from '../../src/history/record.js'
import { addDays } from '../../src/domain/dates.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'

/** A software developer in Canada since 2022, master's from a Canadian university, CLB 9 (CELPIP 9). */
export function cecProfile(asOf: string, patch: Partial<ProfileInput> = {}): Profile {
  const input: ProfileInput = {
    id: 'cec',
    submittedAt: `${addDays(asOf, -100)}T12:00:00Z`,
    dateOfBirth: '1996-03-10',
    maritalStatus: 'single',
    spouse: null,
    education: [{ level: 'masters', country: 'CA', programYears: 2, completedOn: '2022-04-30' }],
    languageTests: [{ test: 'celpip-general', testDate: addDays(asOf, -100), listening: 9, reading: 9, writing: 9, speaking: 9 }],
    firstOfficialLanguage: 'english',
    work: [{ noc: '21231', country: 'CA', from: '2022-06-01', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }],
    certificateOfQualification: null,
    provincialNomination: null,
    jobOffer: null,
    siblingInCanada: false,
    settlementFundsCad: 40_000,
    ...patch,
  }
  return profileSchema.parse(input)
}

/** Someone eligible for nothing: no language test, no skilled work. */
export function neverEligible(asOf: string): Profile {
  return cecProfile(asOf, { languageTests: [], work: [] })
}

let n = 1000
/** A CEC round (program) on `date` with `lowestScore`, no distribution. */
export function cecRound(date: string, lowestScore: number, size = 3000): PastRound {
  n++
  return { number: String(n), date, at: `${date}T14:00:00Z`, label: 'Canadian Experience Class', feedLabel: 'Canadian Experience Class', type: 'program', program: 'cec', programs: ['cec'], size, lowestScore, tieBreakCutoff: null, distribution: null, distributionAsOf: null }
}

/** CEC rounds every 14 days for a year before `until`, with cut-offs `centre` ± `spread` (alternating). */
export function steadyCecRecord(until: string, centre: number, spread = 1): PastRound[] {
  const out: PastRound[] = []
  for (let i = 26; i >= 1; i--) out.push(cecRound(addDays(until, -14 * i), centre + (i % 2 === 0 ? spread : -spread)))
  return out
}
