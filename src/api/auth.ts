/**
 * Bearer-token check for write endpoints: `Authorization: Bearer <EE_API_TOKEN>`. Without a configured
 * token, write endpoints stay closed (401) rather than open.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ApiProblem } from './error-handler.js'

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

/** Middleware: 401 unless the request carries the token. */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const challenge = { 'www-authenticate': 'Bearer realm="express-entry"' }
    if (!token) {
      throw new ApiProblem('unauthorized', 'write endpoints are disabled: the server has no EE_API_TOKEN set', { headers: challenge })
    }
    if (!bearerMatches(c.req.header('authorization'), token)) {
      throw new ApiProblem('unauthorized', 'this endpoint needs Authorization: Bearer <EE_API_TOKEN>', { headers: challenge })
    }
    await next()
  }
}
