/**
 * The forecast's request and answer (CLI `forecast --json`, `POST /v1/forecast`, the web app): the
 * request is what `score` takes (bare CrsFactors or Profile, or `{ asOf, factors | profile }`) plus
 * optional `horizonDays` and `seed` in the envelope.
 * @module
 */
import { z } from 'zod'
import { ExpressEntryError } from '../errors.js'
import type { IsoDate } from '../domain/dates.js'
import { DEFAULT_HORIZON, DEFAULT_SEED, MAX_HORIZON } from '../forecast/forecast.js'
import { isoDate } from './common.js'
import { crsFactorsSchema } from './crs-factors.js'
import { parseOrThrow } from './issues.js'
import { profileSchema } from './profile.js'
import type { SameType } from './same-type.js'
import { unmetConditionSchema } from './unmet.js'
import type { Forecast, ForecastNotice } from '../forecast/forecast.js'
import { parseScoreRequest, type ScoreRequest } from './score-request.js'

// What is allowed, said in every refusal (as the CLI's --horizon and --seed say it).
const horizonWords = `expected a whole number of days, 1 to ${MAX_HORIZON}`
const seedWords = 'expected a whole number 0 to 2147483647'
export const horizonDaysSchema = z
  .int({ error: horizonWords })
  .min(1, { error: horizonWords })
  .max(MAX_HORIZON, { error: horizonWords })
  .describe(`days ahead the probability is for (1-${MAX_HORIZON}, default ${DEFAULT_HORIZON})`)
export const seedSchema = z
  .int({ error: seedWords })
  .min(0, { error: seedWords })
  .max(2_147_483_647, { error: seedWords })
  .describe(`the random seed (same seed, same answer; default ${DEFAULT_SEED})`)

const options = { asOf: isoDate.optional(), horizonDays: horizonDaysSchema.optional(), seed: seedSchema.optional() }

/** For the OpenAPI document: what `POST /v1/forecast` accepts. */
export const forecastRequestSchema = z
  .union([crsFactorsSchema, profileSchema, z.strictObject({ ...options, factors: crsFactorsSchema }), z.strictObject({ ...options, profile: profileSchema })])
  .describe('bare CrsFactors or Profile, or { asOf, horizonDays, seed, factors | profile } (asOf defaults to today, UTC)')

export interface ForecastRequest {
  readonly request: ScoreRequest
  readonly horizonDays: number
  readonly seed: number
}

/**
 * Parses a forecast request; throws `invalid_input` naming each bad field. `defaultAsOf`, and
 * `defaults`' horizon and seed (the CLI's flags), apply when the envelope does not say.
 */
export function parseForecastRequest(input: unknown, defaultAsOf: IsoDate, defaults: { readonly horizonDays?: number; readonly seed?: number } = {}): ForecastRequest {
  let horizonDays = defaults.horizonDays ?? DEFAULT_HORIZON
  let seed = defaults.seed ?? DEFAULT_SEED
  let rest = input
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && ('factors' in input || 'profile' in input)) {
    const { horizonDays: h, seed: s, ...others } = input as Record<string, unknown>
    if (h !== undefined) horizonDays = parseOrThrow(horizonDaysSchema, h, 'horizonDays')
    if (s !== undefined) seed = parseOrThrow(seedSchema, s, 'seed')
    rest = others
  } else if (typeof input === 'object' && input !== null && ('horizonDays' in input || 'seed' in input)) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'horizonDays' in input ? 'horizonDays' : 'seed', message: 'horizonDays and seed go in an envelope { asOf, horizonDays, seed, factors | profile }' }] })
  }
  return { request: parseScoreRequest(rest, defaultAsOf), horizonDays, seed }
}

const share = z.number().min(0).max(1)
const eligible = z.boolean().nullable().describe('true | false | null (null: can\'t tell)')

const notice = z
  .object({
    code: z.enum(['no_recent_rounds', 'never_eligible', 'cant_tell_eligibility', 'not_open_yet', 'program_unmet', 'program_rounds_not_held', 'category_unmet', 'below_expected_cutoffs', 'no_round_within_horizon', 'factors_no_programs', 'factors_no_dates', 'cant_tell_types', 'tie_counts_as_invited', 'record_stops_short', 'rules_not_verified', 'facts_after_as_of', 'eligibility_ends', 'score_changes']),
    message: z.string().describe('in English; a surface words the code and params in its own language'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    unmet: z.array(unmetConditionSchema).optional().describe("program_unmet, category_unmet, eligibility_ends: eligibility()'s unmet conditions, as EligibilityResult gives them"),
  })
  .describe('a reason or note: a code and its values')

/** The forecast's answer. */
export const forecastSchema = z
  .object({
    asOf: isoDate,
    horizonDays: z.int(),
    input: z.enum(['profile', 'factors']),
    score: z.int(),
    probability: share.describe('chance of at least one invitation within horizonDays'),
    within: z.object({ '30': share, '90': share, '180': share, '365': share }),
    curve: z.array(z.object({ date: isoDate, probability: share })).describe('chance of an invitation by the end of each of the next 12 months'),
    ifOpen: z
      .object({ types: z.array(z.string()), probability: share, within: z.object({ '30': share, '90': share, '180': share, '365': share }) })
      .nullable()
      .describe("when some round types can't be told for the candidate (eligible null): the chances if they were open, so the can't-tell is bounded (probability and within count them as not open); null when every type can be told"),
    first: z.object({ type: z.string(), label: z.string(), expectedDate: isoDate, share }).nullable().describe('the most likely first inviting round'),
    rounds: z.array(
      z.object({
        type: z.string().describe('general, program:cec, category:stem, ...'),
        label: z.string(),
        expectedDate: isoDate.nullable(),
        held: share.describe('share of simulated futures holding a round of this type within a year'),
        cutoff: z.object({ p10: z.int(), p50: z.int(), p90: z.int() }).nullable(),
        eligible,
        opensOn: isoDate.nullable().describe('for a type not open on the day: the first day within the year ahead it opens to the candidate (a job going on, a test or a nomination dated later); null when open on the day or not within the year'),
        chance: share.describe("chance that the next round of this type invites the candidate (can't tell counted as not open)"),
        chanceIfOpen: share.nullable().describe("for a type that can't be told on some day: the chance if it were open; null otherwise"),
        lastCutoff: z.int(),
        lastDate: isoDate,
      }),
    ),
    reasons: z.array(notice).describe('why the probability is 0 or low'),
    notes: z.array(notice),
    model: z.object({
      recordUntil: isoDate.nullable(),
      recordCurrentTo: isoDate.describe('the last day the record is known to hold every round'),
      unseenDays: z.int().describe('days after recordCurrentTo and before asOf, whose rounds are not in the record'),
      fittedOn: z.int(),
      seed: z.int(),
      paths: z.int(),
    }),
  })
  .describe('Forecast: when the candidate is likely to be invited')

const noticeMatches: SameType<ForecastNotice, z.output<typeof notice>> = true
const forecastMatches: SameType<Forecast, z.output<typeof forecastSchema>> = true
void noticeMatches
void forecastMatches
