/**
 * `POST /v1/eligibility`: program and category eligibility of a Profile (bare or `{ asOf, profile }`),
 * each unmet condition with its source. `POST /v1/outlook`: what raises the score, when it changes, the
 * estimated cut-off of a round and the past rounds that would have invited (CrsFactors or a Profile).
 * Both public: they compute, they store nothing.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { todayUtc } from '../../domain/dates.js'
import { parseOrThrow } from '../../schemas/issues.js'
import { answerEligibility } from '../../usecases/eligibility.js'
import { answerOutlook } from '../../usecases/outlook.js'
import { readJsonBody } from '../json-body.js'
import { notConfigured, type ApiEnv, type HistoryService } from '../services.js'
import { noQuery, queryOnce } from '../query.js'

const outlookQuerySchema = z.strictObject({
  // Each size 1 or more, as the CLI's --size: a 0 was dropped unsaid, and ?size=0 answered no estimate at all.
  size: z
    .string()
    .regex(/^\d{1,7}(,\d{1,7}){0,9}$/, { message: 'expected up to 10 round sizes separated by commas, e.g. 500,1000,3000' })
    .refine((s) => s.split(',').every((n) => Number(n) >= 1), { message: 'expected round sizes of 1 invitation or more, e.g. 500,1000,3000' })
    .optional(),
  years: z.coerce.number().int().min(1).max(10).optional(),
})

export function eligibilityRoutes(bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/', async (c) => {
    noQuery(c, 'the date goes in the body: { asOf, profile }')
    return c.json(answerEligibility(await readJsonBody(c.req.raw, bodyLimit), todayUtc()).result)
  })
}

export function outlookRoutes(history: HistoryService | null, bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/', async (c) => {
    if (!history) throw notConfigured('record of past rounds')
    const query = parseOrThrow(outlookQuerySchema, queryOnce(c))
    const sizes = query.size ? query.size.split(',').map(Number) : undefined
    return c.json(answerOutlook(await readJsonBody(c.req.raw, bodyLimit), todayUtc(), { rounds: history.rounds(), sizes, years: query.years }))
  })
}
