/** The Round input of DESIGN.md, validated. @module */
import { z } from 'zod'
import { isoInstant, printableString } from '../schemas/common.js'
import { parseOrThrow } from '../schemas/issues.js'
import { PROGRAMS } from './eligibility.js'

export const roundRequestSchema = z
  .strictObject({
    at: isoInstant,
    kind: z.enum(['general', 'program', 'category']),
    program: z.enum(PROGRAMS).optional(),
    category: z.string().min(1).max(100).optional(),
    size: z.int().min(1).max(1_000_000),
    /** The same key twice holds one round; defaults to a hash of the other fields. */
    idempotencyKey: printableString(200, 'a key').optional(),
  })
  .check((ctx) => {
    const r = ctx.value
    if (r.kind === 'program' && !r.program) ctx.issues.push({ code: 'custom', input: r.program, path: ['program'], message: `a program round needs a program: one of ${PROGRAMS.join(', ')}` })
    if (r.kind !== 'program' && r.program) ctx.issues.push({ code: 'custom', input: r.program, path: ['program'], message: `program is only allowed when kind is program (got kind ${r.kind})` })
    if (r.kind === 'category' && !r.category) ctx.issues.push({ code: 'custom', input: r.category, path: ['category'], message: 'a category round needs a category id, e.g. stem-2023-1' })
    if (r.kind !== 'category' && r.category) ctx.issues.push({ code: 'custom', input: r.category, path: ['category'], message: `category is only allowed when kind is category (got kind ${r.kind})` })
  })

export type RoundRequest = z.output<typeof roundRequestSchema>

export function parseRoundRequest(input: unknown): RoundRequest {
  return parseOrThrow(roundRequestSchema, input)
}
