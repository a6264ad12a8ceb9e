/**
 * The API's one error handler: every failure becomes an RFC 9457 `application/problem+json` document
 * `{ type, title, status, detail, code, issues: [{ path, message }] }`. Library error codes map to statuses
 * (400 invalid_input; 422 missing_input and rule_not_in_force; 404 not_found; 409 conflict); anything
 * unexpected is logged and answered with a generic 500 that leaks nothing.
 * @module
 */
import type { Context } from 'hono'
import { isExpressEntryError, type ErrorCode, type InputIssue } from '../errors.js'
import { asStorageFailure, STORAGE_RETRY_AFTER_SECONDS } from '../store/failure.js'

/** One problem with one field of the request, as the API reports it. */
export interface ProblemIssue {
  readonly path: string
  readonly message: string
}

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly code: string
  readonly issues?: readonly ProblemIssue[]
}

/** Problem kinds the API answers with; `type` points at their description on /docs. */
export const PROBLEMS = {
  invalid_input: { status: 400, title: 'Invalid input' },
  invalid_json: { status: 400, title: 'Malformed JSON' },
  missing_input: { status: 422, title: 'Missing input' },
  rule_not_in_force: { status: 422, title: 'Rule not in force on that date' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  not_configured: { status: 503, title: 'Not configured' },
  storage_failure: { status: 503, title: 'Storage unavailable' },
  client_closed_request: { status: 499, title: 'Client closed request' },
  internal: { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemCode = keyof typeof PROBLEMS

/** An error a route throws to answer with a problem document. */
export class ApiProblem extends Error {
  readonly code: ProblemCode
  readonly issues: readonly ProblemIssue[] | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(code: ProblemCode, detail: string, options: { issues?: readonly ProblemIssue[]; headers?: Record<string, string> } = {}) {
    super(detail)
    this.name = 'ApiProblem'
    this.code = code
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }
}

/** The problem document for `code`. */
export function problem(code: ProblemCode, detail: string, issues?: readonly ProblemIssue[]): Problem {
  const { status, title } = PROBLEMS[code]
  const doc: Problem = { type: `/docs#problem-${code.replaceAll('_', '-')}`, title, status, detail, code }
  return issues ? { ...doc, issues } : doc
}

/** A response carrying `doc` as application/problem+json. */
function problemResponse(doc: Problem, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(doc), {
    status: doc.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  })
}

function issuesOf(issues: readonly InputIssue[]): ProblemIssue[] {
  // The raw value stays out: it can be large, and it may be personal data echoed back.
  return issues.map((i) => ({ path: i.path, message: i.message }))
}

const LIBRARY_CODES: Readonly<Record<ErrorCode, ProblemCode>> = {
  invalid_input: 'invalid_input',
  missing_input: 'missing_input',
  rule_not_in_force: 'rule_not_in_force',
  not_found: 'not_found',
  conflict: 'conflict',
  storage_failure: 'storage_failure',
}

/** The problem document for any thrown value, and whether it was unexpected (to be logged). */
export function problemOf(thrown: unknown): { doc: Problem; headers: Readonly<Record<string, string>>; unexpected: boolean } {
  let err = thrown
  if (err instanceof ApiProblem) return { doc: problem(err.code, err.message, err.issues), headers: err.headers, unexpected: false }
  // A failure of the database engine itself (disk full, connection lost) is a storage failure: 503.
  if (!isExpressEntryError(err)) {
    const storage = asStorageFailure(err)
    if (storage) err = storage
  }
  if (isExpressEntryError(err)) {
    const code = LIBRARY_CODES[err.code]
    if (isExpressEntryError(err, 'invalid_input')) {
      const issues = issuesOf(err.details.issues)
      const detail = issues.length === 1 ? `${issues[0]!.path || '(body)'}: ${issues[0]!.message}` : `${issues.length} fields are invalid; see issues`
      return { doc: problem(code, detail, issues), headers: {}, unexpected: false }
    }
    if (isExpressEntryError(err, 'missing_input')) {
      return { doc: problem(code, err.message, err.details.fields.map((f) => ({ path: f, message: 'required' }))), headers: {}, unexpected: false }
    }
    if (isExpressEntryError(err, 'rule_not_in_force')) {
      return { doc: problem(code, err.message, [{ path: 'asOf', message: err.message }]), headers: {}, unexpected: false }
    }
    // storage_failure is unexpected: it is logged (without the request body) and answered 503 with
    // the time to wait before trying again.
    if (err.code === 'storage_failure') return { doc: problem(code, err.message), headers: { 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) }, unexpected: true }
    return { doc: problem(code, err.message), headers: {}, unexpected: false }
  }
  return { doc: problem('internal', 'the server failed to answer this request; it has been logged'), headers: {}, unexpected: true }
}

/** Logs an unexpected error: name, message and stack, never the request body. */
export type ErrorLogger = (entry: Record<string, unknown>) => void

/** The handler for `app.onError`. */
export function errorHandler(log: ErrorLogger) {
  return (err: unknown, c: Context): Response => {
    if (clientGone(c)) {
      // The client hung up (while sending its body, or before the answer): nothing failed here, and
      // nobody reads the answer (499, as proxies log it).
      log({ level: 'info', msg: 'client closed the connection', method: c.req.method, path: c.req.path })
      return problemResponse(problem('client_closed_request', 'the client closed the connection before the answer'))
    }
    const { doc, headers, unexpected } = problemOf(err)
    if (unexpected && doc.code === 'storage_failure') {
      log({ level: 'error', msg: 'storage failure', method: c.req.method, path: c.req.path, message: doc.detail, cause: causeOf(err) })
    } else if (unexpected) {
      const e = err instanceof Error ? err : new Error(String(err))
      log({ level: 'error', msg: 'unhandled error', method: c.req.method, path: c.req.path, error: e.name, message: e.message, stack: e.stack })
    }
    return problemResponse(doc, headers)
  }
}

/** Whether the request's client has gone (its connection closed before the answer). */
function clientGone(c: Context): boolean {
  return c.req.raw.signal?.aborted === true
}

function causeOf(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined
  return cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 500) : undefined
}

/** The handler for `app.notFound`. */
export function notFoundHandler(c: Context): Response {
  return problemResponse(problem('not_found', `no resource at ${c.req.method} ${c.req.path}; see /docs`))
}
