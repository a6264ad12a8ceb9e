/**
 * The answer line of a bad request line in a batch (`score --jsonl`, `eligibility --jsonl`, a JSON
 * Lines body to `POST /v1/crs/score`): `{"error": {line, path, message}}`, the same on every surface.
 * @module
 */
import { isExpressEntryError } from '../errors.js'

export interface LineError {
  readonly line: number
  readonly path: string
  readonly message: string
}

/** The `error` of a failed line: the first issue's path, and every issue's message. */
export function lineError(line: number, e: unknown): LineError {
  if (isExpressEntryError(e, 'invalid_input')) {
    const issues = e.details.issues
    return { line, path: issues[0]?.path ?? '', message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') }
  }
  if (e instanceof SyntaxError) return { line, path: '', message: `not valid JSON: ${e.message}` }
  return { line, path: isExpressEntryError(e, 'rule_not_in_force') ? 'asOf' : '', message: e instanceof Error ? e.message : String(e) }
}
