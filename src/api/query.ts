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
