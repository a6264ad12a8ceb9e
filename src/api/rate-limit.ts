/**
 * Per-client token buckets: for the costly public operations (outlook: tens of ms of CPU; a simulated
 * round or a distribution reads the whole pool; JSON Lines scoring), so one client cannot keep the
 * server busy for everyone, and for wrong tokens (auth.ts). In memory, in the process; in a cluster
 * (`serve --workers N`) the primary keeps them for all its workers (`sharedBuckets`), so N workers do
 * not give a client N times its limit. A client is the socket's address, or behind a reverse proxy
 * (`--trust-proxy`) the address the proxy saw, the last one of X-Forwarded-For.
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

/**
 * Where a limit's buckets are kept: `take` spends a token of `key`, or says how many seconds to wait;
 * `wait` only says.
 */
export interface BucketStore {
  readonly limit: RateLimit
  wait(key: string): number | Promise<number>
  take(key: string): number | Promise<number>
}

interface BucketRequest {
  readonly ee: 'bucket'
  readonly id: number
  readonly name: string
  readonly limit: RateLimit
  readonly key: string
  readonly op: 'wait' | 'take'
}
interface BucketReply {
  readonly ee: 'bucket-reply'
  readonly id: number
  readonly wait: number
}

/** How long a worker waits for the primary's answer before it counts in its own buckets. */
const SHARED_REPLY_MS = 1000

/**
 * In a cluster worker, the buckets `name` kept by the primary (answerSharedBuckets) for every worker;
 * elsewhere, or when the primary does not answer in time, this process's own.
 */
export function sharedBuckets(name: string, limit: RateLimit, channel: NodeJS.Process = process): BucketStore {
  const own = new Buckets(limit)
  if (!channel.send) return own
  const waiting = new Map<number, (wait: number) => void>()
  let next = 0
  channel.on('message', (m: Partial<BucketReply>) => {
    if (m?.ee !== 'bucket-reply' || typeof m.id !== 'number') return
    waiting.get(m.id)?.(Number(m.wait) || 0)
    waiting.delete(m.id)
  })
  const ask = (op: 'wait' | 'take', key: string): number | Promise<number> => {
    // A worker letting go of its primary (shutting down) counts in its own buckets.
    if (!channel.connected) return own[op](key)
    const id = next++
    return new Promise<number>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id)
        resolve(own[op](key))
      }, SHARED_REPLY_MS)
      timer.unref()
      waiting.set(id, (wait) => {
        clearTimeout(timer)
        resolve(wait)
      })
      const request: BucketRequest = { ee: 'bucket', id, name, limit, key, op }
      channel.send!(request, undefined, undefined, (error) => {
        if (!error) return
        clearTimeout(timer)
        waiting.delete(id)
        resolve(own[op](key))
      })
    })
  }
  return { limit, wait: (key) => ask('wait', key), take: (key) => ask('take', key) }
}

/** In a cluster's primary: keeps the buckets its workers share (sharedBuckets) and answers them. */
export function answerSharedBuckets(worker: { on(event: 'message', listener: (m: unknown) => void): unknown; send(m: BucketReply): unknown; isConnected(): boolean }, buckets: Map<string, Buckets>): void {
  worker.on('message', (m) => {
    const r = m as Partial<BucketRequest>
    if (r?.ee !== 'bucket' || typeof r.id !== 'number' || typeof r.name !== 'string' || typeof r.key !== 'string' || !r.limit) return
    let b = buckets.get(r.name)
    if (!b) buckets.set(r.name, (b = new Buckets(r.limit)))
    if (worker.isConnected()) worker.send({ ee: 'bucket-reply', id: r.id, wait: r.op === 'wait' ? b.wait(r.key) : b.take(r.key) })
  })
}

/** The 429 problem for a client that must wait `wait` seconds. */
export function tooManyRequests(what: string, limit: RateLimit, wait: number): ApiProblem {
  return new ApiProblem('too_many_requests', `too many ${what}: at most ${limit.perSecond} per second (bursts of ${limit.burst}); retry in ${wait} s`, { headers: { 'retry-after': String(wait) } })
}

/** Middleware answering 429 (problem+json, Retry-After) once a client's bucket is empty. */
export function rateLimit(limit: RateLimit, now: () => number = () => performance.now(), options: { trustProxy?: boolean; when?: (c: Context) => boolean; buckets?: BucketStore } = {}): MiddlewareHandler {
  const buckets = options.buckets ?? new Buckets(limit, now)
  return async (c, next) => {
    if (options.when && !options.when(c)) return next()
    const wait = await buckets.take(clientOf(c, options.trustProxy))
    if (wait > 0) throw tooManyRequests(`requests to ${c.req.path}`, limit, wait)
    await next()
  }
}
