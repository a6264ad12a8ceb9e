import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, type IsoDate } from '../../src/domain/dates.js'
import * as rules from '../../src/eligibility/index.js'
import { evaluateFast, PROGRAM_BIT, realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import type { Profile } from '../../src/schemas/profile.js'

/** The answers of the full explanation (rules.eligibility), as the pool stores them. */
function slow(p: Profile, asOf: IsoDate): { programs: number; categories: string[] } {
  const r = rules.eligibility(p, asOf)
  let programs = (r.programs.fsw.eligible ? PROGRAM_BIT.fsw : 0) | (r.programs.cec.eligible ? PROGRAM_BIT.cec : 0) | (r.programs.fst.eligible ? PROGRAM_BIT.fst : 0)
  if (programs !== 0 && rules.isEligibleForProgram(p, 'pnp', asOf)) programs |= PROGRAM_BIT.pnp
  return { programs, categories: r.categories.filter((c) => c.eligible).map((c) => c.id).sort() }
}

describe('evaluateFast (the import and rounds path)', () => {
  const eligibility = realEligibility()
  const pools = (['2023-07-04', '2024-06-01', '2025-06-01'] as const).map((like, i) => ({ like, profiles: [...generatePool({ size: 300, seed: 11 + i, like, eligibility })].map((g) => g.profile) }))

  it.each(pools.map((p) => [p.like, p.profiles] as const))('answers as rules.eligibility on a pool like %s', (like, profiles) => {
    for (const p of profiles) for (const asOf of [like, addDays(like, 1), addDays(like, 200), p.submittedAt.slice(0, 10)]) expect(evaluateFast(p, asOf)).toEqual(slow(p, asOf))
  })

  it('answers as rules.eligibility on any day of 2019-2026', () => {
    const all = pools.flatMap((p) => p.profiles)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 0, max: 8 * 366 }), (i, d) => {
        const asOf = addDays('2019-01-01', d)
        expect(evaluateFast(all[i]!, asOf)).toEqual(slow(all[i]!, asOf))
      }),
      { numRuns: 2000 },
    )
  })
})
