/**
 * Turns zod issues into InputIssues that name the field path, the value given and what is allowed.
 * @module
 */
import type { z } from 'zod'
import { ExpressEntryError, type InputIssue } from '../errors.js'

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.')
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** InputIssues for a failed parse of `input`. */
export function inputIssues(error: z.ZodError, input: unknown): InputIssue[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path)
    const message = issue.code === 'unrecognized_keys' ? issue.message : `${issue.message} (got ${show(value)})`
    return value === undefined ? { path: pathOf(issue.path), message } : { path: pathOf(issue.path), message, value }
  })
}

/** Parses `input` with `schema`, or throws `invalid_input` listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = inputIssues(result.error, input)
  throw new ExpressEntryError('invalid_input', {
    issues: prefix ? issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix })) : issues,
  })
}
