/**
 * The HTTP API (hono): `/v1/...` over the library, `/openapi.json`, `/docs`, and the built web app.
 * `createApp` takes everything from its options (no globals, no environment), so tests build one
 * in-process and call `app.request(...)`.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { compress } from 'hono/compress'
import type { Context } from 'hono'
import { DOCS_HTML } from './docs.js'
import { FAVICON_SVG, notFoundHtml, pageLanguage, wantsHtmlPage } from './not-found-page.js'
import { ApiProblem, errorHandler, notFoundHandler, type ErrorLogger } from './error-handler.js'
import { DEFAULT_BODY_LIMIT, isJsonLines } from './json-body.js'
import { auth } from './auth.js'
import { queryOnce } from './query.js'
import { openApiDocument, operations } from './openapi.js'
import { crsRoutes } from './routes/crs.js'
import { forecastRoutes } from './routes/forecast.js'
import { eligibilityRoutes, outlookRoutes } from './routes/eligibility.js'
import { poolRoutes } from './routes/pool.js'
import { roundsRoutes } from './routes/rounds.js'
import type { ApiEnv, HistoryService, PoolService } from './services.js'
import { loadStaticFiles, staticResponse, type StaticFile } from './static.js'
import { rateLimit, type BucketStore, type RateLimit } from './rate-limit.js'
import { todayUtc } from '../domain/dates.js'
import { ruleAreas, verificationNotice } from '../rules/verified.js'
import { isoDate } from '../schemas/common.js'
import { parseOrThrow } from '../schemas/issues.js'

/** `GET /v1/rules/status`: each rule area with the day it was last verified, and the notice for `asOf`. */
function rulesStatusOn(asOf: string): object {
  return { asOf, areas: ruleAreas(), notice: verificationNotice(asOf) }
}

const API_VERSION = '0.1.0'

/** Not found: an HTML page in the reader's language for a browser asking for a page, problem+json for the API's clients. */
function notFound(c: Context): Response {
  if (!wantsHtmlPage(c.req.path, c.req.header('accept'))) return notFoundHandler(c)
  return c.html(notFoundHtml(pageLanguage(c.req.query('lang'), c.req.header('accept-language'))), 404, {
    'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
}

/** Costly public operations per client: 10 at once, then 5 a second. */
export const DEFAULT_EXPENSIVE_LIMIT: RateLimit = { burst: 10, perSecond: 5 }

export interface AppOptions {
  /** The bearer token write endpoints require (EE_API_TOKEN); without one they answer 401. */
  readonly token?: string | undefined
  /** A token that only reads what names or ranks profiles (EE_API_READ_TOKEN); see auth.ts. */
  readonly readToken?: string | undefined
  /** Behind a reverse proxy: a client is the last X-Forwarded-For address (rate limits, wrong tokens). */
  readonly trustProxy?: boolean | undefined
  /** Per-client limit on wrong tokens (default 10 at once, then 1/s). */
  readonly wrongTokenLimit?: RateLimit
  /** Where wrong tokens are counted (default: this process; a cluster worker passes the primary's, sharedBuckets). */
  readonly wrongTokenBuckets?: BucketStore
  /** Request body limit in bytes (default 1 MiB). */
  readonly bodyLimit?: number
  /** Folder of the built web app (dist/web); without one only the API is served. */
  readonly webRoot?: string | undefined
  /** The pool and rounds engine over storage; without one its endpoints answer 503. */
  readonly pool?: PoolService | null | undefined
  /** The record of past rounds; without one its endpoints answer 503. */
  readonly history?: HistoryService | null | undefined
  /**
   * Per-client limit on the costly public operations (outlook, simulated rounds, the pool distribution,
   * JSON Lines scoring); default 10 at once, 5/s.
   */
  readonly expensiveLimit?: RateLimit
  /** Where the costly operations' buckets are kept (default: this process; a cluster worker passes the primary's, sharedBuckets). */
  readonly expensiveBuckets?: BucketStore
  /** Where request and error log entries go (one JSON object each); default: nowhere. */
  readonly log?: ErrorLogger | undefined
}

/** The API and web app as a hono app. */
export function createApp(options: AppOptions = {}): Hono<ApiEnv> {
  const log = options.log
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const app = new Hono<ApiEnv>()

  if (log) {
    // Structured access log: method, path (never the query string: it may carry a profile), status, ms.
    app.use(async (c, next) => {
      const start = performance.now()
      await next()
      log({ level: 'info', method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - start) * 100) / 100 })
    })
  }

  // The record and the document are large (~150 kB of JSON): gzip them for clients that accept it.
  // Scoring answers are small and hot, so they are left alone.
  const gzip = compress({ encoding: 'gzip' })
  app.use('/v1/rounds', gzip)
  app.use('/v1/rounds/stats', gzip)
  app.use('/openapi.json', gzip)

  app.get('/healthz', (c) => c.json({ ok: true, version: API_VERSION, pool: !!options.pool, history: !!options.history }))
  app.get('/openapi.json', (c) => c.json(openApiDocument(API_VERSION)))
  app.get('/v1/rules/status', (c) => {
    const { asOf } = parseOrThrow(z.strictObject({ asOf: isoDate.optional() }), queryOnce(c))
    return c.json(rulesStatusOn(asOf ?? todayUtc()))
  })
  // The site's icon, drawn in code; /favicon.ico (asked for by browsers on pages without an icon link) leads to it.
  app.get('/favicon.svg', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' }))
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301))
  app.get('/docs', (c) => {
    c.header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    return c.html(DOCS_HTML)
  })

  const access = auth({ token: options.token, readToken: options.readToken, trustProxy: options.trustProxy, wrongTokenLimit: options.wrongTokenLimit, wrongTokenBuckets: options.wrongTokenBuckets })
  const expensive = rateLimit(options.expensiveLimit ?? DEFAULT_EXPENSIVE_LIMIT, undefined, { trustProxy: options.trustProxy === true, ...(options.expensiveBuckets ? { buckets: options.expensiveBuckets } : {}) })
  app.use('/v1/outlook', expensive)
  app.use('/v1/rounds/simulate', expensive)
  app.use('/v1/pool/distribution', expensive)
  app.use('/v1/forecast', expensive)
  // One scoring request is cheap (and answered on the fast path); a batch of JSON Lines is not.
  app.use('/v1/crs/score', async (c, next) => (isJsonLines(c.req.header('content-type') ?? null) ? expensive(c, next) : next()))
  app.route('/v1/crs', crsRoutes(bodyLimit))
  app.route('/v1/eligibility', eligibilityRoutes(bodyLimit))
  app.route('/v1/outlook', outlookRoutes(options.history ?? null, bodyLimit))
  app.route('/v1/forecast', forecastRoutes(options.history ?? null, bodyLimit))
  app.route('/v1/pool', poolRoutes({ pool: options.pool ?? null, auth: access, bodyLimit }))
  app.route('/v1/rounds', roundsRoutes({ pool: options.pool ?? null, history: options.history ?? null, auth: access, bodyLimit }))
  // A known path with another method gets 405 and the methods it has; anything else under /v1, 404.
  const templates = [...new Set(operations.map((o) => o.path))].map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`) }))
  app.all('/v1/*', (c) => {
    const known = templates.find((t) => t.pattern.test(c.req.path))
    if (known) {
      const allow = operations.filter((o) => o.path === known.path).map((o) => o.method.toUpperCase())
      // The method is the operation's: only a trailing slash kept the request from it (405 would say "POST is not allowed; allowed: POST").
      if (allow.includes(c.req.method)) throw new ApiProblem('not_found', `no API operation at ${c.req.method} ${c.req.path}: the paths have no trailing slash (${c.req.path.replace(/\/+$/, '')})`)
      throw new ApiProblem('method_not_allowed', `${c.req.method} is not allowed on ${known.path}; allowed: ${allow.join(', ')}`, { headers: { allow: allow.join(', ') } })
    }
    throw new ApiProblem('not_found', `no API operation at ${c.req.method} ${c.req.path}; see /openapi.json`)
  })

  const files: Map<string, StaticFile> = options.webRoot ? loadStaticFiles(options.webRoot) : new Map()
  if (files.size > 0) {
    app.on(['GET', 'HEAD'], '*', (c) => {
      const file = files.get(c.req.path)
      return file ? staticResponse(file, c.req.raw) : notFound(c)
    })
  } else {
    app.get('/', (c) => c.redirect('/docs'))
  }

  app.notFound(notFound)
  app.onError(errorHandler(log ?? (() => undefined)))
  return app
}
