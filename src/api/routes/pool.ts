/**
 * The pool: `POST /v1/pool/profiles` (token), `GET /v1/pool/distribution`. Answers 503 until the server
 * runs with storage and the pool engine (src/store, src/pool).
 * @module
 */
import { Hono } from 'hono'
import { requireToken } from '../auth.js'
import { ApiProblem } from '../error-handler.js'
import type { ApiEnv } from '../app.js'

/** What the API needs from the pool engine (wired in when src/pool lands). */
export interface PoolService {
  readonly kind: 'pool'
}

export interface PoolRouteOptions {
  readonly pool: PoolService | null
  readonly token: string | undefined
  readonly bodyLimit: number
}

export function notConfigured(what: string): ApiProblem {
  return new ApiProblem('not_configured', `the ${what} is not configured on this server (it needs storage: express-entry serve --db FILE)`, { headers: { 'retry-after': '3600' } })
}

export function poolRoutes(options: PoolRouteOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  app.post('/profiles', requireToken(options.token), () => {
    throw notConfigured('pool')
  })
  app.get('/distribution', () => {
    throw notConfigured('pool')
  })
  return app
}
