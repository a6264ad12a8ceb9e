/**
 * What one scoring request may be (a CLI JSON object or JSONL line, an HTTP body): bare CrsFactors, a
 * bare Profile, or an envelope `{ asOf, factors }` / `{ asOf, profile }`. Told apart by shape.
 * @module
 */
import { ExpressEntryError } from '../errors.js'
import type { IsoDate } from '../domain/dates.js'
import { isoDate } from './common.js'
import { crsFactorsSchema, type CrsFactors } from './crs-factors.js'
import { parseOrThrow } from './issues.js'
import { profileSchema, type Profile } from './profile.js'

export type ScoreRequest =
  | { readonly asOf: IsoDate; readonly kind: 'factors'; readonly factors: CrsFactors }
  | { readonly asOf: IsoDate; readonly kind: 'profile'; readonly profile: Profile }

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Fields only a Profile has (CrsFactors' `education` is a level, a Profile's a list of credentials). */
const PROFILE_ONLY = ['id', 'submittedAt', 'dateOfBirth', 'maritalStatus', 'languageTests', 'firstOfficialLanguage', 'work', 'settlementFundsCad', 'dependentChildren']

/** A Profile by its shape, so that a Profile missing a field is told what a Profile needs. */
function looksLikeProfile(input: Record<string, unknown>): boolean {
  return Array.isArray(input.education) || PROFILE_ONLY.some((key) => key in input)
}

/** The profile, unless it is scored on a day before its holder was born (a date that cannot be). */
export function bornBy(profile: Profile, asOf: IsoDate): Profile {
  if (asOf < profile.dateOfBirth) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'asOf', value: asOf, message: `the scoring date (${asOf}) is before the date of birth (${profile.dateOfBirth})` }] })
  }
  return profile
}

/**
 * Parses a scoring request; `defaultAsOf` applies when the input has no `asOf`. Throws `invalid_input`
 * naming each bad field (paths inside an envelope start with `factors.` or `profile.`).
 */
export function parseScoreRequest(input: unknown, defaultAsOf: IsoDate): ScoreRequest {
  if (!isObject(input)) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: '', message: `expected a JSON object (CrsFactors, Profile, or { asOf, factors | profile }); got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}` }] })
  }
  if ('factors' in input || 'profile' in input) {
    const extra = Object.keys(input).filter((k) => k !== 'asOf' && k !== 'factors' && k !== 'profile')
    if (extra.length > 0 || ('factors' in input && 'profile' in input)) {
      throw new ExpressEntryError('invalid_input', { issues: [{ path: extra[0] ?? 'profile', message: 'an envelope holds asOf and exactly one of factors or profile' }] })
    }
    const asOf = input.asOf === undefined ? defaultAsOf : parseOrThrow(isoDate, input.asOf, 'asOf')
    return 'factors' in input
      ? { asOf, kind: 'factors', factors: parseOrThrow(crsFactorsSchema, input.factors, 'factors') }
      : { asOf, kind: 'profile', profile: bornBy(parseOrThrow(profileSchema, input.profile, 'profile'), asOf) }
  }
  if (looksLikeProfile(input)) {
    return { asOf: defaultAsOf, kind: 'profile', profile: bornBy(parseOrThrow(profileSchema, input), defaultAsOf) }
  }
  return { asOf: defaultAsOf, kind: 'factors', factors: parseOrThrow(crsFactorsSchema, input) }
}
