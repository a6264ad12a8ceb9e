/**
 * A per-client token bucket for the expensive operations (outlook: tens of ms of CPU; a simulated round
 * reads the whole pool), so one client cannot keep the server busy for everyone. In memory, per process.
 * @module
 */
import type { MiddlewareHandler } from 'hono'
import { ApiProblem } from './error-handler.js'

export interface RateLimit {
  /** Requests a client may make at once. */
  readonly burst: number
  /** Requests per second a client regains. */
  readonly perSecond: number
}

interface Bucket {
  tokens: number
  at: number
}

/** The client's address on @hono/node-server; one shared key elsewhere (tests, other runtimes). */
function clientOf(env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}

/** Middleware answering 429 (problem+json, Retry-After) once a client's bucket is empty. */
export function rateLimit(limit: RateLimit, now: () => number = () => performance.now()): MiddlewareHandler {
  const buckets = new Map<string, Bucket>()
  return async (c, next) => {
    const t = now()
    if (buckets.size > 10_000) {
      // Forget clients whose buckets have refilled: they would start full anyway.
      for (const [key, b] of buckets) if (b.tokens + ((t - b.at) / 1000) * limit.perSecond >= limit.burst) buckets.delete(key)
    }
    const key = clientOf(c.env)
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t }
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond)
    bucket.at = t
    buckets.set(key, bucket)
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / limit.perSecond)
      throw new ApiProblem('too_many_requests', `too many requests to ${c.req.path}: at most ${limit.perSecond} per second (bursts of ${limit.burst}); retry in ${wait} s`, { headers: { 'retry-after': String(wait) } })
    }
    bucket.tokens -= 1
    await next()
  }
}
