/**
 * `POST /v1/forecast`: when a candidate is likely to be invited (the `forecast` command's JSON), from the
 * rounds published before `asOf`; `GET /v1/forecast/track-record`: the forecast's measured track record
 * (data/forecast-track-record.json, written by `forecast --backtest --json`). Public: they compute.
 * @module
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { z } from 'zod'
import { todayUtc } from '../../domain/dates.js'
import { forecast } from '../../forecast/index.js'
import { shippedTrackRecordPath } from '../../forecast/track-record-file.js'
import { forecastRequestSchema, forecastSchema, parseForecastRequest } from '../../schemas/forecast.js'
import { noQuery } from '../query.js'
import { notConfigured, type ApiEnv, type HistoryService } from '../services.js'
import { ApiProblem } from '../error-handler.js'
import { readJsonBody } from '../json-body.js'
import { registerOperation, registerSchema } from '../openapi.js'

const errorSummary = z.object({ rounds: z.int(), meanAbsoluteError: z.number(), meanError: z.number() })

/** The back-test's answer (`forecast --backtest --json`). */
export const trackRecordSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    recordUntil: z.string(),
    days: z.int(),
    profiles: z.int(),
    cases: z.int(),
    horizonDays: z.int(),
    seed: z.int(),
    paths: z.int(),
    baseRate: z.number(),
    brier: z.object({ model: z.number(), lastCutoffRule: z.number(), logisticMargin: z.number() }),
    brierRatio: z.number(),
    calibration: z.array(z.object({ band: z.string(), cases: z.int(), shareOfCases: z.number(), meanPredicted: z.number(), observed: z.number(), ok: z.boolean() })),
    cutoff: z.record(z.string(), z.object({ model: errorSummary, lastCutoff: errorSummary })),
    targets: z.object({ brierRatio: z.boolean(), beatsLogistic: z.boolean(), calibration: z.boolean(), cutoff: z.boolean() }),
  })
  .describe("the forecast's track record: Brier score, calibration and next-round cut-off error on the real record, against baselines")

registerSchema('ForecastRequest', forecastRequestSchema)
registerSchema('Forecast', forecastSchema)
registerSchema('ForecastTrackRecord', trackRecordSchema)
const problem = (description: string) => ({ description, schema: 'Problem', contentType: 'application/problem+json' })
registerOperation({
  method: 'post',
  path: '/v1/forecast',
  summary: 'when a candidate is likely to be invited: probabilities within 30/90/180/365 days, the next rounds of each type with cut-off ranges',
  description: 'Fitted only on the rounds published before asOf; seeded (same input, same answer). A CrsFactors input gets the general, score-only part.',
  tags: ['forecast'],
  requestBody: 'ForecastRequest',
  responses: {
    200: { description: 'the forecast', schema: 'Forecast' },
    400: problem('invalid input or malformed JSON'),
    413: problem('body over the size limit (1 MiB)'),
    415: problem('body not sent as JSON'),
    422: problem('a date before 2015-01-01, when Express Entry opened: no rules in force'),
    429: problem('too many requests from this client (expensive operation: 5/s, bursts of 10); see Retry-After'),
    503: problem('the record of past rounds is not configured on this server'),
  },
})
registerOperation({
  method: 'get',
  path: '/v1/forecast/track-record',
  summary: "the forecast's track record measured on the record of rounds (forecast --backtest)",
  tags: ['forecast'],
  responses: { 200: { description: 'the track record', schema: 'ForecastTrackRecord' }, 400: problem('a query parameter the operation does not take'), 404: problem('no track record shipped') },
})

/** The shipped track record (data/forecast-track-record.json), or null. */
export function shippedTrackRecord(): unknown {
  const path = shippedTrackRecordPath()
  return path ? JSON.parse(readFileSync(path, 'utf8')) : null
}

export function forecastRoutes(history: HistoryService | null, bodyLimit: number): Hono<ApiEnv> {
  let shipped: unknown
  return new Hono<ApiEnv>()
    .post('/', async (c) => {
      noQuery(c, 'asOf, horizonDays and seed go in the body: { asOf, horizonDays, seed, profile | factors }')
      if (!history) throw notConfigured('record of past rounds')
      const { request, horizonDays, seed } = parseForecastRequest(await readJsonBody(c.req.raw, bodyLimit), todayUtc())
      const input = request.kind === 'factors' ? { kind: 'factors' as const, factors: request.factors } : { kind: 'profile' as const, profile: request.profile }
      const currentTo = history.info?.().currentAsOf?.slice(0, 10)
      return c.json(forecast(input, history.rounds(), { asOf: request.asOf, horizonDays, seed, ...(currentTo ? { recordCurrentTo: currentTo } : {}) }))
    })
    .get('/track-record', (c) => {
      noQuery(c, 'the track record is one document')
      // The one measured on the record this server reads, when it keeps one (npm start), else the shipped one.
      const trackRecord = history?.trackRecord?.() ?? (shipped ??= shippedTrackRecord())
      if (trackRecord === null) throw new ApiProblem('not_found', 'no forecast track record shipped (data/forecast-track-record.json)')
      return c.json(trackRecord)
    })
}
