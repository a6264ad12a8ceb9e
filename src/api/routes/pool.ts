/**
 * The pool: `POST /v1/pool/profiles` (token) adds or updates profiles, `GET /v1/pool/distribution` counts
 * the active profiles by CRS range (as IRCC publishes it). Answers 503 when the server runs without
 * storage.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { nowInstant } from '../../domain/dates.js'
import { importProfiles } from '../../pool/lifecycle.js'
import { poolDistribution } from '../../pool/rounds.js'
import { isoInstant } from '../../schemas/common.js'
import { parseOrThrow } from '../../schemas/issues.js'
import type { Auth } from '../auth.js'
import { ApiProblem } from '../error-handler.js'
import { readJsonBody } from '../json-body.js'
import { noQuery, queryOnce } from '../query.js'
import { notConfigured, type ApiEnv, type PoolService } from '../services.js'

export interface PoolRouteOptions {
  readonly pool: PoolService | null
  readonly auth: Auth
  readonly bodyLimit: number
}

/** Profiles per request: a body is at most 1 MiB anyway; bulk loads go through `pool import`. */
const MAX_PROFILES_PER_REQUEST = 1000

const distributionQuerySchema = z.strictObject({ at: isoInstant.optional() })

export function poolRoutes(options: PoolRouteOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  const pool = (): PoolService => {
    if (!options.pool) throw notConfigured('pool')
    return options.pool
  }

  app.post('/profiles', options.auth.write, async (c) => {
    noQuery(c, 'the profiles go in the body')
    const { store, eligibility } = pool()
    const body = await readJsonBody(c.req.raw, options.bodyLimit)
    const list = Array.isArray(body) ? body : [body]
    if (list.length === 0 || list.length > MAX_PROFILES_PER_REQUEST) {
      throw new ApiProblem('invalid_input', `send one Profile or an array of 1 to ${MAX_PROFILES_PER_REQUEST} Profiles (got ${list.length})`, { issues: [{ path: '', message: `expected 1 to ${MAX_PROFILES_PER_REQUEST} profiles` }] })
    }
    // Blocks of 100 profiles, with a turn of the event loop between them: a full request (1,000
    // profiles, most of a second of work) does not hold up the other requests.
    const result = await importProfiles(store, list.map((p) => JSON.stringify(p)), { eligibility, batchSize: 100 })
    // Lines are numbered from 1 by the importer; the API names array items from 0.
    const issues = result.rejected.flatMap((r) => r.issues.map((i) => ({ path: [Array.isArray(body) ? String(r.line - 1) : '', i.path].filter(Boolean).join('.'), message: i.message })))
    if (result.added + result.updated === 0) {
      throw new ApiProblem('invalid_input', issues.length === 1 ? `${issues[0]!.path || '(body)'}: ${issues[0]!.message}` : `no profile was stored: ${issues.length} problems; see issues`, { issues })
    }
    return c.json({ added: result.added, updated: result.updated, rejected: result.rejected.map((r) => ({ index: r.line - 1, id: r.id ?? null, issues: r.issues.map((i) => ({ path: i.path, message: i.message })) })) }, result.added > 0 ? 201 : 200)
  })

  app.get('/distribution', async (c) => {
    const { store, eligibility } = pool()
    const { at } = parseOrThrow(distributionQuerySchema, queryOnce(c))
    const when = at ?? nowInstant()
    return c.json({ at: when, distribution: await poolDistribution(store, when, eligibility) })
  })
  return app
}
