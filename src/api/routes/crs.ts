/**
 * `POST /v1/crs/score`: the CRS score of what one `score --jsonl` line may be (bare CrsFactors or
 * Profile, or `{ asOf, factors | profile }`); `?explain=1` adds the trace. Public: it computes, it stores
 * nothing.
 * @module
 */
import { Hono } from 'hono'
import { scoreRequest } from '../../crs/index.js'
import { todayUtc } from '../../domain/dates.js'
import { parseScoreRequest } from '../../schemas/score-request.js'
import { resultJson } from '../../cli/commands/score.js'
import { readJsonBody } from '../json-body.js'
import type { ApiEnv } from '../app.js'

/** Whether a query flag is on (`?explain`, `?explain=1`, `?explain=true`). */
export function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false'
}

export function crsRoutes(bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/score', async (c) => {
    const body = await readJsonBody(c.req.raw, bodyLimit)
    const { result, notices } = scoreRequest(parseScoreRequest(body, todayUtc()))
    return c.json(resultJson(result, flag(c.req.query('explain')), notices))
  })
}
