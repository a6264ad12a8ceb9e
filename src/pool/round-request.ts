/** The Round input of DESIGN.md, validated. @module */
import { z } from 'zod'
import { dateOfInstant, instantOfMs, type IsoDate } from '../domain/dates.js'
import { EXPRESS_ENTRY_LAUNCH } from '../rules/fsw/shared.js'
import { ExpressEntryError } from '../errors.js'
import { isoInstant, printableString, PROGRAMS, ROUND_TYPES } from '../schemas/common.js'
import { parseOrThrow } from '../schemas/issues.js'
import { GENERAL_LABEL, PROGRAM_LABEL, type PoolEligibility } from './eligibility.js'


/**
 * One spelling per instant (milliseconds of zero dropped, others to three digits): `…:22.000Z` and
 * `…:22Z` are the same round, so the same request (its default key) and stored as instants are written.
 */
function oneSpelling(at: string): string {
  const ms = Date.parse(at)
  return Number.isNaN(ms) ? at : instantOfMs(ms)
}

export const roundRequestSchema = z
  .strictObject({
    at: isoInstant.overwrite(oneSpelling),
    kind: z.enum(ROUND_TYPES),
    program: z.enum(PROGRAMS).optional(),
    // Empty is said by the check below, once: a category round needs one; no other kind takes one.
    category: z.string().max(100).optional(),
    size: z.int().min(1).max(1_000_000),
    /** The same key twice holds one round; defaults to a hash of the other fields. */
    idempotencyKey: printableString(200, 'a key').optional(),
  })
  .check((ctx) => {
    const r = ctx.value
    // Express Entry's first round was 2015-01-31; no rule is in force before 2015-01-01 (said on the field asked).
    if (dateOfInstant(r.at) < EXPRESS_ENTRY_LAUNCH) ctx.issues.push({ code: 'custom', input: r.at, path: ['at'], message: `is before ${EXPRESS_ENTRY_LAUNCH}, when Express Entry opened: no round can be held then` })
    if (r.kind === 'program' && !r.program) ctx.issues.push({ code: 'custom', input: r.program, path: ['program'], message: `a program round needs a program: one of ${PROGRAMS.join(', ')}` })
    if (r.kind !== 'program' && r.program) ctx.issues.push({ code: 'custom', input: r.program, path: ['program'], message: `program is only allowed when kind is program (got kind ${r.kind})` })
    if (r.kind === 'category' && !r.category) ctx.issues.push({ code: 'custom', input: r.category, path: ['category'], message: 'a category round needs a category id, e.g. stem-2023-1' })
    if (r.kind !== 'category' && r.category !== undefined) ctx.issues.push({ code: 'custom', input: r.category, path: ['category'], message: `category is only allowed when kind is category (got kind ${r.kind})` })
  })

export type RoundRequest = z.output<typeof roundRequestSchema>

export function parseRoundRequest(input: unknown): RoundRequest {
  return parseOrThrow(roundRequestSchema, input)
}

/**
 * The round's label: IRCC's words for general and program rounds, the category's label otherwise. A
 * category round is refused (invalid_input on `category`) when the version is unknown, not in force
 * on the round's day, or its list of occupations is not known: who is eligible cannot be told, so no
 * one can be ranked.
 */
export function roundLabel(request: RoundRequest, eligibility: PoolEligibility): string {
  if (request.kind === 'general') return GENERAL_LABEL
  if (request.kind === 'program') return PROGRAM_LABEL[request.program!]
  const day = dateOfInstant(request.at)
  const category = eligibility.categoryById(request.category!)
  const inForce = eligibility.categoriesInForce(day)
  const refuse = (message: string): never => {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'category', value: request.category, message }] })
  }
  if (!category || !inForce.some((c) => c.id === category.id)) {
    refuse(`${category ? `${category.id} is not in force on ${day}` : `unknown category ${JSON.stringify(request.category)}`}; categories in force on ${day}: ${inForce.map((c) => c.id).join(', ') || 'none'}`)
  }
  if (category!.listUnknown !== undefined) refuse(`no round can be held for ${category!.id}: who is eligible cannot be told. ${category!.listUnknown}`)
  return category!.label
}

/** A category version a round may name on a day, and whether one can be held for it (roundLabel's judgement). */
export interface RoundableCategory {
  readonly id: string
  readonly label: string
  readonly roundable: boolean
  /** Why no round can be held for it (its list of occupations is not known), when not roundable. */
  readonly reason?: string
}

/** The category versions in force on `day` as the pool's eligibility sees them: those a category round may name (GET /v1/rounds/categories). */
export function roundableCategories(eligibility: PoolEligibility, day: IsoDate): RoundableCategory[] {
  return eligibility.categoriesInForce(day).map((c) => {
    const category = eligibility.categoryById(c.id)
    const label = category?.label ?? c.label
    const reason = category?.listUnknown
    return reason === undefined ? { id: c.id, label, roundable: true } : { id: c.id, label, roundable: false, reason }
  })
}
