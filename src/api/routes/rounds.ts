/**
 * Rounds: the record of past rounds (`GET /v1/rounds`, `/v1/rounds/stats`, `/v1/rounds/{number}`) and
 * the rounds engine on the pool (`POST /v1/rounds/run` with the token,
 * `GET /v1/rounds/run/{number}/invitations`). Each answers 503 until its module is configured.
 * @module
 */
import { Hono } from 'hono'
import { requireToken } from '../auth.js'
import type { ApiEnv } from '../app.js'
import { notConfigured, type PoolService } from './pool.js'

/** What the API needs from the record of past rounds (wired in when src/history lands). */
export interface HistoryService {
  readonly kind: 'history'
}

export interface RoundsRouteOptions {
  readonly pool: PoolService | null
  readonly history: HistoryService | null
  readonly token: string | undefined
  readonly bodyLimit: number
}

export function roundsRoutes(options: RoundsRouteOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  app.post('/run', requireToken(options.token), () => {
    throw notConfigured('pool')
  })
  app.get('/run/:number/invitations', () => {
    throw notConfigured('pool')
  })
  app.get('/', () => {
    throw notConfigured('record of past rounds')
  })
  app.get('/stats', () => {
    throw notConfigured('record of past rounds')
  })
  app.get('/:number', () => {
    throw notConfigured('record of past rounds')
  })
  return app
}
