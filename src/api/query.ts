/**
 * Query parameters an endpoint does not take are refused, naming each (400), never ignored: a misplaced
 * option (`POST /v1/forecast?asOf=2020-01-01`, whose asOf goes in the body) would otherwise be answered
 * as if it had not been sent.
 * @module
 */
import type { Context } from 'hono'
import { ExpressEntryError } from '../errors.js'

/** For an endpoint that takes no query parameter; `hint` says where such options go instead. */
export function noQuery(c: Context, hint = 'options go in the JSON body'): void {
  const keys = Object.keys(c.req.query())
  if (keys.length === 0) return
  throw new ExpressEntryError('invalid_input', { issues: keys.map((key) => ({ path: key, message: `unknown query parameter: this endpoint takes none (${hint})` })) })
}

/**
 * The query parameters, each given once: `?at=A&at=B` is refused, naming `at`, since answering A would
 * ignore B (hono's `query()` keeps the first).
 */
export function queryOnce(c: Context): Record<string, string> {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1)
  if (repeated.length > 0) {
    throw new ExpressEntryError('invalid_input', { issues: repeated.map(([key, values]) => ({ path: key, message: `given ${values.length} times: give it once` })) })
  }
  return c.req.query()
}
