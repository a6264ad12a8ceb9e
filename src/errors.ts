/**
 * One error type for faults, with a snake_case `code` and typed `details` per code. Expected outcomes
 * (ineligibility, a bad line in a batch) are values, not exceptions.
 * @module
 */

/** One problem with one input field: where, what was given, what is allowed. */
export interface InputIssue {
  /** Dotted path of the field, e.g. `firstLanguage.clb.speaking`; empty for the whole input. */
  readonly path: string
  readonly message: string
  readonly value?: unknown
}

export interface ErrorDetails {
  invalid_input: { readonly issues: readonly InputIssue[] }
  missing_input: { readonly fields: readonly string[] }
  rule_not_in_force: { readonly ruleId: string; readonly date: string; readonly firstInForce?: string }
  not_found: { readonly entity: string; readonly id: string }
  conflict: { readonly entity: string; readonly id: string; readonly reason?: string }
  /** `reason`: what happened and what to do (store/failure.ts). */
  storage_failure: { readonly operation: string; readonly reason?: string }
}

export type ErrorCode = keyof ErrorDetails

function messageOf<C extends ErrorCode>(code: C, details: ErrorDetails[C]): string {
  switch (code) {
    case 'invalid_input': {
      const { issues } = details as ErrorDetails['invalid_input']
      return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    }
    case 'missing_input':
      return `missing input: ${(details as ErrorDetails['missing_input']).fields.join(', ')}`
    case 'rule_not_in_force': {
      const d = details as ErrorDetails['rule_not_in_force']
      return d.firstInForce && d.date < d.firstInForce
        ? `${d.date} is before ${d.ruleId} came into force on ${d.firstInForce} (Express Entry opened on 2015-01-01)`
        : `rule ${d.ruleId} is not in force on ${d.date}`
    }
    case 'not_found': {
      const d = details as ErrorDetails['not_found']
      return `${d.entity} ${d.id} not found`
    }
    case 'conflict': {
      const d = details as ErrorDetails['conflict']
      return `${d.entity} ${d.id.length > 200 ? `${d.id.slice(0, 200)}…` : d.id}: ${d.reason ?? 'conflict'}`
    }
    case 'storage_failure': {
      const d = details as ErrorDetails['storage_failure']
      return `storage failure during ${d.operation}${d.reason ? `: ${d.reason}` : ''}`
    }
  }
  return code
}

/** A fault raised by the library; `code` says which kind, `details` carries its facts. */
export class ExpressEntryError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly details: ErrorDetails[C]

  constructor(code: C, details: ErrorDetails[C], options?: { cause?: unknown }) {
    super(messageOf(code, details), options)
    this.name = 'ExpressEntryError'
    this.code = code
    this.details = details
  }
}

/** Narrows `e` to an ExpressEntryError, optionally of one code. */
export function isExpressEntryError<C extends ErrorCode>(e: unknown, code?: C): e is ExpressEntryError<C> {
  return e instanceof ExpressEntryError && (code === undefined || e.code === code)
}
