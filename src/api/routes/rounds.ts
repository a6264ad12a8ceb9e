/**
 * Rounds: the record of past rounds (`GET /v1/rounds`, `/v1/rounds/stats`, `/v1/rounds/{number}`, public)
 * and the rounds engine on the pool (`POST /v1/rounds/run` with the token,
 * `GET /v1/rounds/run/{number}/invitations`). Each answers 503 until its module is configured.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { filterRounds, findRound, recordStatistics, roundsNumberedLike, type RoundFilter } from '../../history/analysis.js'
import { PROGRAMS, ROUND_TYPES } from '../../schemas/common.js'
import { roundsAtom } from '../../history/atom.js'
import type { PastRound } from '../../history/record.js'
import { isoDate } from '../../schemas/common.js'
import { todayUtc } from '../../domain/dates.js'
import { registerOperation, registerSchema } from '../openapi.js'
import { parseOrThrow } from '../../schemas/issues.js'
import type { Auth } from '../auth.js'
import { ExpressEntryError } from '../../errors.js'
import { ApiProblem } from '../error-handler.js'
import { noQuery, queryOnce } from '../query.js'
import { notConfigured, type ApiEnv, type HistoryService, type PoolService } from '../services.js'
import { holdRound, roundByNumber, roundInvitations } from '../../pool/rounds.js'
import { roundableCategories } from '../../pool/round-request.js'
import { readJsonBody } from '../json-body.js'
import { simulateRound } from '../../pool/simulate.js'

export interface RoundsRouteOptions {
  readonly pool: PoolService | null
  readonly history: HistoryService | null
  readonly auth: Auth
  readonly bodyLimit: number
}

/** Query of `GET /v1/rounds`: the filters of `rounds list`. */
const roundsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2015).max(2100).optional(),
  type: z.enum(ROUND_TYPES).optional(),
  category: z.string().regex(/^[a-z0-9-]{1,60}$/, { message: 'expected a category id (stem-2023-1) or key (stem)' }).optional(),
  program: z.enum(PROGRAMS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  distribution: z.enum(['0', '1', 'true', 'false']).optional(),
})

/** Query of `GET /v1/rounds/categories`: the day (default today, UTC). */
const categoriesQuerySchema = z.strictObject({ on: isoDate.optional() })

/** `GET /v1/rounds/categories`: the categories a round can name on a day, as POST /v1/rounds/run and /simulate judge them. */
export const roundCategoriesSchema = z
  .object({
    on: isoDate,
    categories: z.array(
      z.object({
        id: z.string().describe('the category version, as a round request names it (category)'),
        label: z.string().describe("the label IRCC uses on that version's rounds"),
        roundable: z.boolean().describe('whether a round can be held for it: false when who belongs to it cannot be told (its list of occupations is not known)'),
        reason: z.string().optional().describe('why no round can be held for it, when roundable is false'),
      }),
    ),
  })
  .describe('the category versions in force on a day, for a category round on the pool')


/** Query of `GET /v1/rounds/feed.atom`. */
export const atomQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(50) })

function withoutDistribution(r: PastRound): Omit<PastRound, 'distribution'> {
  const { distribution: _omit, ...rest } = r
  return rest
}

registerSchema('RoundCategories', roundCategoriesSchema)
registerOperation({
  method: 'get',
  path: '/v1/rounds/categories',
  summary: 'the category versions in force on a day, with their labels and whether a round can be held for each (the ids a category round names)',
  tags: ['pool'],
  parameters: [{ name: 'on', in: 'query', description: 'date, YYYY-MM-DD (default today, UTC)', schema: { type: 'string' } }],
  responses: {
    200: { description: 'the categories in force', schema: 'RoundCategories' },
    400: { description: 'invalid date', schema: 'Problem', contentType: 'application/problem+json' },
    503: { description: 'the pool is not configured on this server', schema: 'Problem', contentType: 'application/problem+json' },
  },
})

export function roundsRoutes(options: RoundsRouteOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  const record = (): readonly PastRound[] => {
    if (!options.history) throw notConfigured('record of past rounds')
    return options.history.rounds()
  }

  const pool = (): PoolService => {
    if (!options.pool) throw notConfigured('pool')
    return options.pool
  }
  const roundNumber = (text: string): number => {
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new ApiProblem('invalid_input', `round number: expected a whole number from 1 (got ${JSON.stringify(text.slice(0, 20))})`, { issues: [{ path: 'number', message: 'expected a whole number from 1' }] })
    return Number(text)
  }

  app.post('/run', options.auth.write, async (c) => {
    noQuery(c)
    const { store, eligibility } = pool()
    const body = await readJsonBody(c.req.raw, options.bodyLimit)
    const held = await holdRound(store, body, { eligibility })
    return c.json(held, held.replayed ? 200 : 201)
  })
  app.post('/simulate', async (c) => {
    noQuery(c)
    const { store, eligibility } = pool()
    const body = await readJsonBody(c.req.raw, options.bodyLimit)
    // The outcome is public; who would be invited names profiles, so it needs a token (auth.ts).
    return c.json(await simulateRound(store, body, eligibility, { listInvitations: await options.auth.canRead(c) }))
  })
  app.get('/categories', (c) => {
    const { eligibility } = pool()
    const { on } = parseOrThrow(categoriesQuerySchema, queryOnce(c))
    const day = on ?? todayUtc()
    return c.json({ on: day, categories: roundableCategories(eligibility, day) })
  })
  app.get('/run/:number', async (c) => {
    noQuery(c, 'the round is named by its number in the path')
    const { store } = pool()
    return c.json(await roundByNumber(store, roundNumber(c.req.param('number'))))
  })
  app.get('/run/:number/invitations', options.auth.read, async (c) => {
    noQuery(c, 'every invitation of the round, in rank order')
    const { store } = pool()
    const number = roundNumber(c.req.param('number'))
    const invitations = await roundInvitations(store, number)
    return c.json({ round: number, count: invitations.length, invitations })
  })

  app.get('/', (c) => {
    const rounds = record()
    const { distribution, ...filter } = parseOrThrow(roundsQuerySchema, queryOnce(c))
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
      throw new ExpressEntryError('invalid_input', { issues: [{ path: 'to', value: filter.to, message: `is before from (${filter.from}): no day is in that span` }] })
    }
    const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as RoundFilter
    const matched = filterRounds(rounds, defined)
    const full = distribution === '1' || distribution === 'true'
    const info = options.history?.info?.()
    return c.json({ count: matched.length, ...(info ? { record: info } : {}), rounds: full ? matched : matched.map(withoutDistribution) })
  })
  app.get('/feed.atom', (c) => {
    const rounds = record()
    const { limit } = parseOrThrow(atomQuerySchema, queryOnce(c))
    const url = new URL(c.req.url)
    const origin = `${url.protocol}//${url.host}`
    const info = options.history?.info?.()
    const xml = roundsAtom(rounds, { selfUrl: `${origin}/v1/rounds/feed.atom`, alternateUrl: `${origin}/rounds.html`, roundUrl: (n) => `${origin}/v1/rounds/${n}`, limit, refreshedAt: info?.refreshedAt ?? null })
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' })
  })
  app.get('/stats', (c) => {
    noQuery(c, 'the statistics cover the whole record; GET /v1/rounds filters rounds')
    const rounds = record()
    return c.json(recordStatistics(rounds))
  })
  app.get('/:number', (c) => {
    noQuery(c, 'the round is named by its number in the path')
    const rounds = record()
    const number = c.req.param('number')
    const round = findRound(rounds, number)
    if (!round) {
      const like = roundsNumberedLike(rounds, number)
      throw new ApiProblem('not_found', `no round numbered ${JSON.stringify(number.slice(0, 20))} in the record (rounds 1 to ${rounds.at(-1)?.number ?? '?'})${like.length > 0 ? `: IRCC numbered the rounds of that day ${like.join(' and ')}` : ''}`)
    }
    return c.json(round)
  })
  return app
}
