/**
 * The eligibility request as the CLI (`eligibility`, `--jsonl`) and the API (`POST /v1/eligibility`)
 * both answer it: a bare Profile or `{ asOf, profile }`, parsed as a score request is.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import { eligibility, type EligibilityResult } from '../eligibility/index.js'
import { ExpressEntryError } from '../errors.js'
import type { Profile } from '../schemas/profile.js'
import { parseOrThrow } from '../schemas/issues.js'
import { profileSchema } from '../schemas/profile.js'
import { bornBy, parseScoreRequest } from '../schemas/score-request.js'

/** Fields only CrsFactors have: an object with one of them is answered as CrsFactors (refused below). */
const FACTOR_ONLY_KEYS = ['age', 'canadianEducation', 'firstLanguage', 'secondLanguage', 'canadianWorkYears', 'foreignWorkYears'] as const

/**
 * The Profile and date of one request (a bare Profile, or `{ asOf, profile }`), parsed as `score` does.
 * CrsFactors are refused: eligibility depends on facts (work history, test results) that factors do not hold.
 */
function parseEligibilityRequest(input: unknown, defaultAsOf: IsoDate): { profile: Profile; asOf: IsoDate } {
  // A bare object that is not CrsFactors is read as the Profile it must be, so its errors name a Profile's fields.
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && !('factors' in input) && !('profile' in input) && !FACTOR_ONLY_KEYS.some((k) => k in input)) {
    return { profile: bornBy(parseOrThrow(profileSchema, input), defaultAsOf), asOf: defaultAsOf }
  }
  const request = parseScoreRequest(input, defaultAsOf)
  if (request.kind === 'factors') {
    const path = typeof input === 'object' && input !== null && 'factors' in input ? 'factors' : ''
    throw new ExpressEntryError('invalid_input', {
      issues: [{ path, message: 'eligibility needs a Profile (work history, language tests, education, funds), not CrsFactors: CrsFactors do not say which occupations, when or where the work was done; send a Profile or { "asOf", "profile" }' }],
    })
  }
  return { profile: request.profile, asOf: request.asOf }
}

/** The eligibility of one request, with the parsed Profile (the CLI's table names its id). */
export function answerEligibility(input: unknown, defaultAsOf: IsoDate): { profile: Profile; result: EligibilityResult } {
  const { profile, asOf } = parseEligibilityRequest(input, defaultAsOf)
  return { profile, result: eligibility(profile, asOf) }
}
