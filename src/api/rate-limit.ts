/**
 * Per-client token buckets: for the costly public operations (outlook: tens of ms of CPU; a simulated
 * round or a distribution reads the whole pool; JSON Lines scoring), so one client cannot keep the
 * server busy for everyone, and for wrong tokens (auth.ts). In memory, per process. A client is the
 * socket's address, or behind a reverse proxy (`--trust-proxy`) the address the proxy saw, the last
 * one of X-Forwarded-For.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
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
export function clientOf(c: Context, trustProxy = false): string {
  if (trustProxy) {
    // The proxy appends the address it received the request from: the last entry is the one it vouches for.
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.slice(forwarded.lastIndexOf(',') + 1).trim()
    if (last) return last.slice(0, 100)
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}

/** Token buckets per client key: `take` spends one, or says how many seconds to wait. */
export class Buckets {
  readonly #buckets = new Map<string, Bucket>()
  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  #bucket(key: string): Bucket {
    const t = this.now()
    if (this.#buckets.size > 10_000) {
      // Forget clients whose buckets have refilled: they would start full anyway.
      for (const [k, b] of this.#buckets) if (b.tokens + ((t - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.#buckets.delete(k)
    }
    const bucket = this.#buckets.get(key) ?? { tokens: this.limit.burst, at: t }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.limit.perSecond)
    bucket.at = t
    this.#buckets.set(key, bucket)
    return bucket
  }

  /** Seconds to wait before `key` has a token (0: it has one now). */
  wait(key: string): number {
    const bucket = this.#bucket(key)
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.limit.perSecond)
  }

  /** Spends a token of `key`: 0 when there was one, else the seconds to wait (nothing spent). */
  take(key: string): number {
    const wait = this.wait(key)
    if (wait === 0) this.#bucket(key).tokens -= 1
    return wait
  }
}

/** The 429 problem for a client that must wait `wait` seconds. */
export function tooManyRequests(what: string, limit: RateLimit, wait: number): ApiProblem {
  return new ApiProblem('too_many_requests', `too many ${what}: at most ${limit.perSecond} per second (bursts of ${limit.burst}); retry in ${wait} s`, { headers: { 'retry-after': String(wait) } })
}

/** Middleware answering 429 (problem+json, Retry-After) once a client's bucket is empty. */
export function rateLimit(limit: RateLimit, now: () => number = () => performance.now(), options: { trustProxy?: boolean; when?: (c: Context) => boolean } = {}): MiddlewareHandler {
  const buckets = new Buckets(limit, now)
  return async (c, next) => {
    if (options.when && !options.when(c)) return next()
    const wait = buckets.take(clientOf(c, options.trustProxy))
    if (wait > 0) throw tooManyRequests(`requests to ${c.req.path}`, limit, wait)
    await next()
  }
}
