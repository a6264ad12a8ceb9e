/**
 * Who may do what. Public: everything that computes (scores, eligibility, outlook) and aggregates
 * (the record of past rounds, the pool distribution, a round's outcome, a simulation's outcome).
 * Anything that writes needs `Authorization: Bearer <EE_API_TOKEN>`; anything that names or ranks
 * profiles (a held round's invitations, a simulation's ranked candidates) needs that token or the
 * read-only EE_API_READ_TOKEN. Without a configured token those stay closed (401) rather than open.
 * Wrong tokens are slowed down per client (429 after a few), and tokens are compared in constant time.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiProblem } from './error-handler.js'
import { Buckets, clientOf, tooManyRequests, type BucketStore, type RateLimit } from './rate-limit.js'

/** Shortest token accepted at start (`serve`, `start`): a shorter one could be guessed. */
export const MIN_TOKEN_LENGTH = 32

/** Wrong tokens a client may send: 10 at once, then one a second. */
export const WRONG_TOKEN_LIMIT: RateLimit = { burst: 10, perSecond: 1 }

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest()
}

/** Whether `header` carries exactly `token` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header) return false
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  if (!match) return false
  return timingSafeEqual(digest(match[1]!), digest(token))
}

/** Why a token cannot be used, or null: at least 32 characters, printable, no spaces. */
export function tokenProblem(name: string, token: string): string | null {
  if (token.length < MIN_TOKEN_LENGTH) return `${name} is ${token.length} characters long: use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 32)`
  if (!/^[\x21-\x7e]+$/.test(token)) return `${name} must be printable ASCII without spaces`
  return null
}

export interface AuthOptions {
  /** EE_API_TOKEN: writes, and reads of personal data. */
  readonly token?: string | undefined
  /** EE_API_READ_TOKEN: reads of personal data only. */
  readonly readToken?: string | undefined
  readonly trustProxy?: boolean | undefined
  readonly wrongTokenLimit?: RateLimit | undefined
  /** Where the wrong tokens are counted (default: this process; a cluster worker passes the primary's, sharedBuckets). */
  readonly wrongTokenBuckets?: BucketStore | undefined
}

export interface Auth {
  /** Middleware: 401 unless the request carries the write token. */
  readonly write: MiddlewareHandler
  /** Middleware: 401 unless the request carries the write or the read token. */
  readonly read: MiddlewareHandler
  /** Whether the request carries the write or the read token (a wrong token counts against the client). */
  canRead(c: Context): Promise<boolean>
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="express-entry"' }

export function auth(options: AuthOptions): Auth {
  const wrong: BucketStore = options.wrongTokenBuckets ?? new Buckets(options.wrongTokenLimit ?? WRONG_TOKEN_LIMIT)
  /** 'ok', 'none' (no Authorization header) or 'wrong'; throws 429 for a client out of tries. */
  const check = async (c: Context, tokens: readonly (string | undefined)[]): Promise<'ok' | 'none' | 'wrong'> => {
    const header = c.req.header('authorization')
    if (header === undefined) return 'none'
    const client = clientOf(c, options.trustProxy)
    // One step on the buckets per request (they may be the primary's, shared by many requests at once):
    // a right token only looks, a wrong one spends a try.
    const right = tokens.some((t) => t !== undefined && bearerMatches(header, t))
    const wait = await (right ? wrong.wait(client) : wrong.take(client))
    if (wait > 0) throw tooManyRequests('wrong tokens', wrong.limit, wait)
    return right ? 'ok' : 'wrong'
  }
  const guard = (tokens: readonly (string | undefined)[], what: string): MiddlewareHandler => async (c, next) => {
    if (tokens.every((t) => !t)) throw new ApiProblem('unauthorized', `${what} endpoints are disabled: the server has no ${what === 'write' ? 'EE_API_TOKEN' : 'EE_API_TOKEN or EE_API_READ_TOKEN'} set`, { headers: CHALLENGE })
    if ((await check(c, tokens)) !== 'ok') throw new ApiProblem('unauthorized', `this endpoint needs Authorization: Bearer <${what === 'write' ? 'EE_API_TOKEN' : 'EE_API_TOKEN or EE_API_READ_TOKEN'}>`, { headers: CHALLENGE })
    await next()
  }
  const readers = [options.token || undefined, options.readToken || undefined]
  return {
    write: guard([options.token || undefined], 'write'),
    read: guard(readers, 'read'),
    canRead: async (c) => readers.some(Boolean) && (await check(c, readers)) === 'ok',
  }
}

/** Middleware: 401 unless the request carries the token (one token, no read token). */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return auth({ token }).write
}
