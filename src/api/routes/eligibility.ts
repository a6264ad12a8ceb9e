/**
 * `POST /v1/eligibility`: program and category eligibility of a Profile (bare or `{ asOf, profile }`),
 * each unmet condition with its source. `POST /v1/outlook`: what raises the score, when it changes, the
 * estimated cut-off of a round and the past rounds that would have invited (CrsFactors or a Profile).
 * Both public: they compute, they store nothing.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { parseEligibilityRequest } from '../../cli/commands/eligibility.js'
import { cutoffOutlook } from '../../cli/commands/outlook.js'
import { scoreRequest } from '../../crs/index.js'
import { todayUtc } from '../../domain/dates.js'
import { eligibility } from '../../eligibility/index.js'
import { pastInvitations } from '../../history/invited.js'
import { timeline, whatIf, type OutlookInput } from '../../history/outlook.js'
import { unlocks } from '../../history/unlock.js'
import { parseScoreRequest } from '../../schemas/score-request.js'
import { parseOrThrow } from '../../schemas/issues.js'
import { readJsonBody } from '../json-body.js'
import type { ApiEnv } from '../app.js'
import type { HistoryService } from './rounds.js'
import { notConfigured } from './pool.js'

export const outlookQuerySchema = z.strictObject({
  size: z
    .string()
    .regex(/^\d{1,7}(,\d{1,7}){0,9}$/, { message: 'expected up to 10 round sizes separated by commas, e.g. 500,1000,3000' })
    .optional(),
  years: z.coerce.number().int().min(1).max(10).optional(),
})

export function eligibilityRoutes(bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/', async (c) => {
    const { profile, asOf } = parseEligibilityRequest(await readJsonBody(c.req.raw, bodyLimit), todayUtc())
    return c.json(eligibility(profile, asOf))
  })
}

export function outlookRoutes(history: HistoryService | null, bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/', async (c) => {
    if (!history) throw notConfigured('record of past rounds')
    const query = parseOrThrow(outlookQuerySchema, c.req.query())
    const sizes = query.size ? query.size.split(',').map(Number).filter((n) => n >= 1) : [500, 1000, 3000, 5000]
    const request = parseScoreRequest(await readJsonBody(c.req.raw, bodyLimit), todayUtc())
    const asOf = request.asOf
    const input: OutlookInput = request.kind === 'factors' ? { kind: 'factors', factors: request.factors } : { kind: 'profile', profile: request.profile }
    const { result } = scoreRequest(request)
    const rounds = history.rounds().filter((r) => r.date <= asOf)
    return c.json({
      asOf,
      input: input.kind,
      score: result.total,
      whatIf: whatIf(input, asOf),
      // What would open a program or category needs a Profile's facts.
      unlocks: input.kind === 'profile' ? unlocks(input.profile, asOf).unlocks : null,
      timeline: timeline(input, asOf, query.years ?? 3),
      cutoff: cutoffOutlook(rounds, sizes, result.total, asOf),
      pastRounds: pastInvitations(input, rounds),
    })
  })
}
