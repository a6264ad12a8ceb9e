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
  // JSON has no Infinity: a number too large for a double (1e400) parses to it, and would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (a number too large to read)`
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

interface SchemaNode {
  readonly _zod: { readonly def: { readonly type: string } & Readonly<Record<string, unknown>> }
}

/** The field names an object schema allows at `path` inside `schema`, when it can be told. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let node = schema as unknown as SchemaNode
  let i = 0
  for (let guard = 0; guard < 100; guard++) {
    const def = node._zod.def
    if ('innerType' in def) node = def.innerType as SchemaNode
    else if (def.type === 'pipe') node = def.in as SchemaNode
    else if (def.type === 'array') {
      if (i === path.length) return undefined
      i++
      node = def.element as SchemaNode
    } else if (def.type === 'object') {
      const shape = def.shape as Readonly<Record<string, SchemaNode>>
      if (i === path.length) return Object.keys(shape)
      const next = shape[String(path[i++])]
      if (!next) return undefined
      node = next
    } else return undefined
  }
  return undefined
}

/**
 * InputIssues for a failed parse of `input`. An unknown field is one issue per field, at its own path,
 * with the fields allowed there when `schema` is given.
 */
/**
 * One bound per field: a number over two limits (an int's safe range and the field's own maximum) is
 * told the tighter one only, not both.
 */
function tightestBounds(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const key = (i: z.core.$ZodIssue) => `${i.code}:${pathOf(i.path)}`
  const best = new Map<string, z.core.$ZodIssue>()
  for (const i of issues) {
    if (i.code !== 'too_big' && i.code !== 'too_small') continue
    const seen = best.get(key(i))
    const tighter = (a: z.core.$ZodIssue, b: z.core.$ZodIssue) => (a.code === 'too_big' && b.code === 'too_big' ? Number(a.maximum) < Number(b.maximum) : a.code === 'too_small' && b.code === 'too_small' ? Number(a.minimum) > Number(b.minimum) : false)
    if (!seen || tighter(i, seen)) best.set(key(i), i)
  }
  return issues.filter((i) => (i.code !== 'too_big' && i.code !== 'too_small') || best.get(key(i)) === i)
}

export function inputIssues(error: z.ZodError, input: unknown, schema?: z.ZodType): InputIssue[] {
  return tightestBounds(error.issues).flatMap((issue): InputIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema ? allowedKeysAt(schema, issue.path) : undefined
      return issue.keys.map((key) => {
        const path = [...issue.path, key]
        const value = valueAt(input, path)
        const message = `unknown field ${JSON.stringify(key)} (got ${show(value)})${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`
        return value === undefined ? { path: pathOf(path), message } : { path: pathOf(path), message, value }
      })
    }
    const value = valueAt(input, issue.path)
    const message =
      value === undefined && issue.code === 'invalid_type'
        ? `required field missing (expected ${issue.expected})`
        : value === undefined && issue.code === 'invalid_value'
          ? `required field missing; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : `${issue.message} (got ${show(value)})`
    return value === undefined ? [{ path: pathOf(issue.path), message }] : [{ path: pathOf(issue.path), message, value }]
  })
}

/** Parses `input` with `schema`, or throws `invalid_input` listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = inputIssues(result.error, input, schema)
  throw new ExpressEntryError('invalid_input', {
    issues: prefix ? issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix })) : issues,
  })
}
