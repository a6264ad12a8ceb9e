/**
 * Response bodies as zod schemas, for the OpenAPI document only (the library's types are interfaces;
 * these mirror them field for field). Those checked at compile time against their type (SameType, at the
 * end): PastRound, VerificationNotice, RuleArea, RoundStatistics, EligibilityResult (with FswGrid and
 * UnmetCondition, src/schemas/unmet.ts), RoundResult, HeldRound, Simulation; the others are walked against
 * live answers by test/api/contract.test.ts.
 * @module
 */
import { z } from 'zod'
import { PROGRAMS, ROUND_TYPES } from '../schemas/common.js'
import { FEED_FAILURE_KINDS } from '../history/refresh.js'
import type { Plain, SameType } from '../schemas/same-type.js'
import { unmetConditionSchema } from '../schemas/unmet.js'
import type { EligibilityResult } from '../eligibility/types.js'
import type { RoundResult } from '../pool/engine.js'
import type { HeldRound } from '../pool/rounds.js'
import type { simulateRound } from '../pool/simulate.js'
import type { recordStatistics } from '../history/analysis.js'
import { CRS_RANGES, type CrsRangeName } from '../history/distribution.js'
import type { PastRound } from '../history/record.js'
import { RULE_AREA_IDS, type RuleArea, type VerificationNotice } from '../rules/verified.js'

const rangeNames = CRS_RANGES.map((r) => r.range) as [CrsRangeName, ...CrsRangeName[]]
const distribution = z.array(z.object({ range: z.enum(rangeNames).describe('601-1200 … 0-300 (with the 10-point ranges inside 451-500 and 401-450), or total'), count: z.int() })).describe('counts by CRS range, in IRCC order')

export const pastRoundSchema = z.object({
  number: z.string().describe('"91a"/"91b" exist'),
  date: z.string(),
  at: z.string(),
  atAssumed: z.literal(true).optional().describe('no time of the round was published: `at` is noon UTC of its date'),
  label: z.string(),
  feedLabel: z.string(),
  labelFr: z.string().optional().describe("the name in IRCC's French feed, when fetched"),
  type: z.enum(ROUND_TYPES),
  program: z.enum(PROGRAMS).optional(),
  categoryId: z.string().nullable().optional(),
  categoryVersion: z.string().nullable().optional(),
  programs: z.array(z.enum(PROGRAMS)),
  size: z.int(),
  lowestScore: z.int(),
  tieBreakCutoff: z.string().nullable(),
  distribution: distribution.nullable().optional(),
  distributionAsOf: z.string().nullable(),
})

/** When the record was last refreshed and from where. */
export const recordInfoSchema = z.object({
  source: z.string().nullable().describe("the URL (IRCC's feed, a mirror) or file the record was last refreshed from"),
  refreshedAt: z.string().nullable().describe('when the record was last refreshed (ISO instant)'),
  checkedAt: z.string().nullable().describe('when the feed last answered a check (200 or 304)'),
  currentAsOf: z.string().nullable().describe("the last instant the record is known to hold every round IRCC had published (its feed last seen whole; null: not known)"),
  lastFailure: z
    .object({
      at: z.string().describe('when it failed (ISO instant)'),
      reason: z.string().describe('why, in English with the details, e.g. "HTTP 503 Service Unavailable"'),
      kind: z
        .enum(FEED_FAILURE_KINDS)
        .nullable()
        .describe('what kind of failure, for a page to say it in its own language: the feed could not be reached, did not answer in time, answered an HTTP error, was too large, was cut short, was not the JSON feed, or was read and refused; null: noted before kinds were kept'),
    })
    .nullable()
    .describe('the last scheduled refresh that failed since the last one that worked (null: none)'),
  rounds: z.int(),
  lastRound: z.object({ number: z.string(), date: z.string() }).nullable(),
})

export const roundsListSchema = z.object({ count: z.int(), record: recordInfoSchema.optional(), rounds: z.array(pastRoundSchema) })

/** rules/verified.ts VerificationNotice. */
export const verificationNoticeSchema = z.object({ code: z.literal('rules_not_verified'), path: z.literal('asOf'), lastVerified: z.string(), areas: z.array(z.enum(RULE_AREA_IDS)), message: z.string() })

const unmet = unmetConditionSchema
const funds = z.object({ familySize: z.int(), required: z.number().nullable(), available: z.number().nullable().describe('null: the profile does not give its settlement funds (not said, never CAD 0)'), waived: z.boolean() })
/** eligibility/types.ts FswGrid: the six factors of the FSW selection grid (IRPR 78-83), points each. */
const fswGrid = z
  .object({ language: z.int(), education: z.int(), experience: z.int(), age: z.int(), arrangedEmployment: z.int(), adaptability: z.int() })
  .describe('the six factors of the FSW selection grid (IRPR 78-83); points is their total, out of 100')
const programEligible = z.boolean().nullable().describe("null: can't tell (no condition fails, but one cannot be decided from the profile: settlement funds needed and not given, code settlement_funds_unknown in undecided); a failed condition answers false")
const programUndecided = z.array(unmet).optional().describe('the conditions that cannot be decided from the profile, when eligible is null')

export const eligibilityResultSchema = z.object({
  asOf: z.string(),
  programs: z.object({
    fsw: z.object({ eligible: programEligible, points: z.int(), grid: fswGrid, funds, unmet: z.array(unmet), undecided: programUndecided }),
    cec: z.object({ eligible: z.boolean().describe("true or false, never can't tell: CEC needs no settlement funds"), unmet: z.array(unmet) }),
    fst: z.object({ eligible: programEligible, funds, unmet: z.array(unmet), undecided: programUndecided }),
  }),
  categories: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      eligible: z.boolean().nullable().describe("null: can't tell (the category's list of occupations is not known, code category_list_unknown in unmet; or a condition cannot be decided from the profile, in undecided)"),
      occupation: z.object({ noc: z.string(), title: z.string(), months: z.number() }).optional(),
      unmet: z.array(unmet),
      undecided: z.array(unmet).optional(),
      confidence: z.object({ level: z.string(), sources: z.array(z.string()) }).optional(),
    }),
  ),
  invitedUnder: z.enum(PROGRAMS).nullable().describe('null: eligible for no program, or it cannot be told (then invitedUnderUndecided)'),
  invitedUnderUndecided: z.array(z.enum(PROGRAMS)).optional().describe("when invitedUnder is null because a program before the first yes can't tell: the programs the invitation could be issued under, in order"),
  notices: z.array(verificationNoticeSchema).optional().describe('for a date after the rules were last verified: that notice'),
})

const invitation = z.object({ profileId: z.string(), rank: z.int(), score: z.int(), submittedAt: z.string() })

/** What every round publishes of its request and decision (engine.ts RoundOutcome). */
const roundOutcome = {
  at: z.string(),
  kind: z.enum(ROUND_TYPES),
  program: z.string().nullable(),
  category: z.string().nullable(),
  label: z.string(),
  size: z.int(),
  invited: z.int(),
  lowestScore: z.int().nullable(),
  tieBreakCutoff: z.string().nullable(),
  undecided: z
    .object({
      count: z.int().describe("candidates whose eligibility for the round cannot be told on the day: not invited. A general round: no program is a yes but one can't tell (settlement funds not given); a program round: its program can't tell (FSW, FST; PNP nominated whose only way is such a program); a category round: skilled military recruits whose foreign service is not stated, or the category's rule met whose only programs can't tell"),
      withinReach: z.int().describe('of them, how many the round would have reached had they been eligible: ranked at or above its cut-off, or all when it invited fewer than its size'),
    })
    .nullable()
    .describe('every round kind; null for a round held before these were counted (a category round before 2026-11-30, a general or program round before the settlement-funds count of 2026-11-30)'),
}

/** pool/engine.ts RoundResult: a round held on the pool, as stored (`GET /v1/rounds/run/{number}`). */
export const roundResultSchema = z.object({
  number: z.int(),
  ...roundOutcome,
  distribution,
  ranked: z.int(),
  digest: z.string(),
  rules: z.string(),
})

/**
 * pool/rounds.ts HeldRound: what `POST /v1/rounds/run` answers, the round with `replayed` (always there:
 * false for a round held now, 201; true for a request already held, 200).
 */
export const heldRoundSchema = roundResultSchema.extend({
  replayed: z.boolean().describe('true: this request had already been held (same idempotency key), nothing new written (200); false: held now (201)'),
})

const simulationExtras = {
  simulated: z.literal(true),
  invitations: z.array(invitation).optional().describe('the first 100 invited; only for a client with EE_API_TOKEN or EE_API_READ_TOKEN'),
  notices: z.array(verificationNoticeSchema.extend({ path: z.literal('at') })).optional().describe('a round on a day after the rules were last verified: a change after that day is not known to this version'),
}

/**
 * pool/simulate.ts simulateRound: a round decided afresh (no number, distribution or digest: nothing is
 * held), or, for a request already held (same idempotency key), the held round with `replayed: true`.
 */
export const simulationSchema = z.union([
  z
    .object({ ...simulationExtras, ...roundOutcome, ranked: z.int(), rules: z.string() })
    .describe('a round decided afresh on the stored pool, read-only: nothing is held'),
  roundResultSchema
    .extend({ ...simulationExtras, replayed: z.literal(true).describe('the request was already held (same idempotency key)') })
    .describe('the request was already held (same idempotency key): the held round, as POST /v1/rounds/run would answer'),
])

export const invitationsSchema = z.object({ round: z.int(), count: z.int(), invitations: z.array(invitation.extend({ id: z.string(), status: z.string() })) })

/** `GET /v1/rules/status` (app.ts rulesStatusOn): each rule area with the day it was last verified, and the notice for asOf. */
export const rulesStatusSchema = z.object({
  asOf: z.string(),
  areas: z.array(z.object({ id: z.enum(RULE_AREA_IDS), title: z.string(), lastVerified: z.string(), checked: z.string().describe('what the last check found') })),
  notice: verificationNoticeSchema.nullable().describe('the notice answers for asOf carry (null: none, asOf is not after the day the rules were last verified)'),
})

const typeStats = { rounds: z.int(), invitations: z.int(), minLowestScore: z.number().nullable(), medianLowestScore: z.number().nullable(), maxLowestScore: z.number().nullable() }

const typeGroup = z.object(typeStats)

/** `GET /v1/rounds/stats` (history/analysis.ts recordStatistics). */
export const roundStatisticsSchema = z.object({
  // Every type is there (0 rounds, null scores when none), and `all`: it said "a type with no round is absent" and left `all` out.
  byType: z.object({ general: typeGroup, program: typeGroup, category: typeGroup, all: typeGroup.describe('every round') }).describe('per round type (a type with no round: 0 rounds, null scores)'),
  byYearAndType: z.array(z.object({ year: z.int(), type: z.enum([...ROUND_TYPES, 'all']), ...typeStats })),
  distributions: z.array(z.object({ asOf: z.string(), distribution, rounds: z.array(z.string()).describe('the rounds it was published with') })).describe("the pool's published distributions, oldest first"),
})

const roundStatisticsMatches: SameType<ReturnType<typeof recordStatistics>, z.output<typeof roundStatisticsSchema>> = true
void roundStatisticsMatches
// GET /v1/rounds leaves each round's distribution out unless asked (distribution=1).
const pastRoundMatches: SameType<Omit<PastRound, 'distribution'> & { readonly distribution?: PastRound['distribution'] }, z.output<typeof pastRoundSchema>> = true
const noticeMatches: SameType<VerificationNotice, z.output<typeof verificationNoticeSchema>> = true
const ruleAreaMatches: SameType<RuleArea, z.output<typeof rulesStatusSchema>['areas'][number]> = true
void pastRoundMatches
void noticeMatches
void ruleAreaMatches
const eligibilityMatches: SameType<EligibilityResult, z.output<typeof eligibilityResultSchema>> = true
void eligibilityMatches
const roundResultMatches: SameType<RoundResult, z.output<typeof roundResultSchema>> = true
const heldRoundMatches: SameType<HeldRound, z.output<typeof heldRoundSchema>> = true
// Each of simulateRound's two answers (a round decided afresh; the round already held, with a number) is
// held to the schema's, field for field.
type Simulated = Plain<Awaited<ReturnType<typeof simulateRound>>>
type PublishedSimulation = Plain<z.output<typeof simulationSchema>>
type FreshSimulated = Exclude<Simulated, { number: number }>
type FreshPublished = Exclude<PublishedSimulation, { number: number }>
type ReplayedSimulated = Extract<Simulated, { number: number }>
type ReplayedPublished = Extract<PublishedSimulation, { number: number }>
const freshSimulationMatches: SameType<{ [K in keyof FreshSimulated]: FreshSimulated[K] }, { [K in keyof FreshPublished]: FreshPublished[K] }> = true
const replayedSimulationMatches: SameType<{ [K in keyof ReplayedSimulated]: ReplayedSimulated[K] }, { [K in keyof ReplayedPublished]: ReplayedPublished[K] }> = true
void roundResultMatches
void heldRoundMatches
void freshSimulationMatches
void replayedSimulationMatches
