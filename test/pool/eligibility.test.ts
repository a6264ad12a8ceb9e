import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, type IsoDate } from '../../src/domain/dates.js'
import * as rules from '../../src/eligibility/index.js'
import { eligibleCategories, evaluateFast, PROGRAM_BIT, realEligibility } from '../../src/pool/eligibility.js'
import { UNKNOWN_LIST_CATEGORY, withMilitaryRecruits, withUnknownList } from './fixtures.js'
import { generatePool } from '../../src/pool/generator.js'
import type { Profile } from '../../src/schemas/profile.js'

/** The answers of the full explanation (rules.eligibility), as the pool stores them. */
function slow(p: Profile, asOf: IsoDate): { programs: number; categories: string[]; undecided: string[]; undecidedPrograms: number } {
  const r = rules.eligibility(p, asOf)
  // A certain yes only: a program that can't tell (funds not given, E21) is not stored.
  let programs = (r.programs.fsw.eligible === true ? PROGRAM_BIT.fsw : 0) | (r.programs.cec.eligible === true ? PROGRAM_BIT.cec : 0) | (r.programs.fst.eligible === true ? PROGRAM_BIT.fst : 0)
  if (programs !== 0 && rules.isEligibleForProgram(p, 'pnp', asOf)) programs |= PROGRAM_BIT.pnp
  // Can't tell, where the list is known (a list not known can't tell for everyone and holds no round):
  // by the category's own rule (skilled military recruits) or through a program that can't tell (E13).
  const undecided = r.categories.filter((c) => c.eligible === null && rules.compiledCategory(c.id)!.listUnknown === null)
  // The programs that can't tell, PNP included (nominated, its only way a program that can't tell).
  let undecidedPrograms = 0
  for (const id of ['fsw', 'cec', 'fst', 'pnp'] as const) if (rules.programAnswer(p, id, asOf) === null) undecidedPrograms |= PROGRAM_BIT[id]
  return { programs, categories: r.categories.filter((c) => c.eligible === true).map((c) => c.id).sort(), undecided: undecided.map((c) => c.id).sort(), undecidedPrograms }
}

describe('evaluateFast (the import and rounds path)', () => {
  const eligibility = realEligibility()
  // Every third profile does not give its funds (E21: FSW and FST can't tell where they are needed).
  const withoutFunds = (profiles: Profile[]): Profile[] => profiles.map((p, i) => (i % 3 === 0 ? (({ settlementFundsCad: _, ...rest }) => rest)(p) : p))
  const pools = (['2023-07-04', '2024-06-01', '2025-06-01', '2026-08-20'] as const).map((like, i) => ({ like, profiles: withoutFunds(withMilitaryRecruits([...generatePool({ size: 300, seed: 11 + i, like, eligibility })].map((g) => g.profile))) }))

  it.each(pools.map((p) => [p.like, p.profiles] as const))('answers as rules.eligibility on a pool like %s', (like, profiles) => {
    for (const p of profiles) for (const asOf of [like, addDays(like, 1), addDays(like, 200), p.submittedAt.slice(0, 10)]) expect(evaluateFast(p, asOf)).toEqual(slow(p, asOf))
  })

  it('the military variants give every answer: yes, no and can\'t tell', () => {
    const answers = new Set(pools.flatMap((pool) => pool.profiles.map((p) => rules.isEligibleForCategory(p, 'military-2026', '2026-09-01'))))
    expect([...answers].sort()).toEqual([false, null, true].sort())
  })

  it('the profiles without funds give can\'t-tell programs, and categories that can\'t tell because of them', () => {
    const all = pools.flatMap((pool) => pool.profiles.map((p) => rules.eligibility(p, pool.like)))
    expect(all.filter((r) => r.programs.fsw.eligible === null).length).toBeGreaterThan(20)
    expect(all.filter((r) => r.categories.some((c) => c.eligible === null && (c.undecided ?? []).some((u) => u.code === 'settlement_funds_unknown'))).length).toBeGreaterThan(5)
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

describe("a category whose list is not known (can't tell) is never stored as eligible", () => {
  const eligibility = realEligibility()
  const profiles = [...generatePool({ size: 200, seed: 5, like: '2025-06-01', eligibility })].map((g) => g.profile)

  it('the derived categories leave it out, though the profile is eligible for a program', () => {
    const unknown = withUnknownList(eligibility)
    let canNotTell = 0
    for (const p of profiles) {
      const asOf = p.submittedAt.slice(0, 10)
      if (unknown.isEligibleForCategory(p, UNKNOWN_LIST_CATEGORY, asOf) === null) canNotTell++
      expect(eligibleCategories(unknown, p, asOf)).toEqual(eligibleCategories(eligibility, p, asOf))
    }
    expect(canNotTell).toBeGreaterThan(100)
  })

  it('the real rules: each version whose list is not known answers null to a program-eligible profile and is not in evaluateFast', () => {
    for (const p of profiles) {
      const asOf = addDays(p.submittedAt.slice(0, 10), 300)
      const fast = evaluateFast(p, asOf)
      for (const c of rules.eligibility(p, asOf).categories) {
        if (rules.compiledCategory(c.id)!.listUnknown === null) continue
        expect(c.eligible).toBe(fast.programs === 0 ? false : null)
        expect(fast.categories).not.toContain(c.id)
        expect(eligibility.categoryById(c.id)?.listUnknown).toBe(c.unmet.at(-1)!.message)
      }
    }
  })
})
