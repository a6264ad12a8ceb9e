/**
 * Response bodies as zod schemas, for the OpenAPI document only (the library's types are interfaces;
 * these mirror them field for field).
 * @module
 */
import { z } from 'zod'

const distribution = z.array(z.object({ range: z.string().describe('601-1200 … 0-300, or total'), count: z.int() })).describe('counts by CRS range, in IRCC order')

export const pastRoundSchema = z.object({
  number: z.string().describe('"91a"/"91b" exist'),
  date: z.string(),
  at: z.string(),
  label: z.string(),
  feedLabel: z.string(),
  type: z.enum(['general', 'program', 'category']),
  program: z.enum(['fsw', 'cec', 'fst', 'pnp']).optional(),
  categoryId: z.string().nullable().optional(),
  categoryVersion: z.string().nullable().optional(),
  programs: z.array(z.string()),
  size: z.int(),
  lowestScore: z.int(),
  tieBreakCutoff: z.string().nullable(),
  distribution: distribution.nullable().optional(),
  distributionAsOf: z.string().nullable(),
})

export const roundsListSchema = z.object({ count: z.int(), rounds: z.array(pastRoundSchema) })

const unmet = z.object({ code: z.string(), message: z.string(), source: z.object({ ruleId: z.string(), title: z.string(), pinpoint: z.string(), url: z.string() }), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
const funds = z.object({ familySize: z.int(), required: z.number().nullable(), available: z.number(), waived: z.boolean() })

export const eligibilityResultSchema = z.object({
  asOf: z.string(),
  programs: z.object({
    fsw: z.object({ eligible: z.boolean(), points: z.int(), grid: z.record(z.string(), z.int()), funds, unmet: z.array(unmet) }),
    cec: z.object({ eligible: z.boolean(), unmet: z.array(unmet) }),
    fst: z.object({ eligible: z.boolean(), funds, unmet: z.array(unmet) }),
  }),
  categories: z.array(z.object({ id: z.string(), label: z.string(), eligible: z.boolean(), occupation: z.object({ noc: z.string(), title: z.string(), months: z.number() }).optional(), unmet: z.array(unmet) })),
  invitedUnder: z.enum(['fsw', 'cec', 'fst', 'pnp']).nullable(),
})

const invitation = z.object({ profileId: z.string(), rank: z.int(), score: z.int(), submittedAt: z.string() })

/** What every round publishes of its request and decision (engine.ts RoundOutcome). */
const roundOutcome = {
  at: z.string(),
  kind: z.enum(['general', 'program', 'category']),
  program: z.string().nullable(),
  category: z.string().nullable(),
  label: z.string(),
  size: z.int(),
  invited: z.int(),
  lowestScore: z.int().nullable(),
  tieBreakCutoff: z.string().nullable(),
}

export const heldRoundSchema = z.object({
  number: z.int(),
  ...roundOutcome,
  distribution,
  ranked: z.int(),
  digest: z.string(),
  rules: z.string(),
  replayed: z.boolean().optional(),
})

export const simulationSchema = z.object({
  simulated: z.literal(true),
  ...roundOutcome,
  ranked: z.int(),
  rules: z.string(),
  invitations: z.array(invitation).describe('the first 100 invited'),
})

export const invitationsSchema = z.object({ round: z.int(), count: z.int(), invitations: z.array(invitation.extend({ id: z.string(), status: z.string() })) })
