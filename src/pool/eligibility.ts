/**
 * What the pool needs to know about eligibility, as an injected interface: which programs and which
 * categories a profile is eligible for on a date, and the dates on which those rules change. The
 * real answers come from src/eligibility (loadEligibility); tests may inject their own.
 * @module
 */
import { addDays, type IsoDate } from '../domain/dates.js'
import * as rules from '../eligibility/index.js'
import { allRules } from '../rules/index.js'
import type { Profile } from '../schemas/profile.js'

export const PROGRAMS = ['fsw', 'cec', 'fst', 'pnp'] as const
export type ProgramId = (typeof PROGRAMS)[number]

/** Bit of each program in the `programs` bitmask stored per profile. */
export const PROGRAM_BIT: Readonly<Record<ProgramId, number>> = { fsw: 1, cec: 2, fst: 4, pnp: 8 }

/** The labels IRCC uses for program rounds (ee-rounds.json drawName). */
export const PROGRAM_LABEL: Readonly<Record<ProgramId, string>> = {
  fsw: 'Federal Skilled Worker',
  cec: 'Canadian Experience Class',
  fst: 'Federal Skilled Trades',
  pnp: 'Provincial Nominee Program',
}

/** The label IRCC uses for rounds open to every program. */
export const GENERAL_LABEL = 'No Program Specified'

export interface CategoryInfo {
  readonly id: string
  readonly label: string
}

export interface PoolEligibility {
  isEligibleForProgram(profile: Profile, program: ProgramId, asOf: IsoDate): boolean
  isEligibleForAnyProgram(profile: Profile, asOf: IsoDate): boolean
  isEligibleForCategory(profile: Profile, categoryId: string, asOf: IsoDate): boolean
  /** The category, or undefined for an unknown id. */
  categoryById(id: string): CategoryInfo | undefined
  categoriesInForce(asOf: IsoDate): readonly CategoryInfo[]
  /** Programs bitmask and eligible category ids in one go (optional; faster than asking one by one). */
  evaluate?(profile: Profile, asOf: IsoDate): { programs: number; categories: string[] }
  /** Days on which a program or category rule starts or stops (the derived columns change there). */
  readonly ruleChangeDates: readonly IsoDate[]
}

/** The programs bitmask of a profile on a date. */
export function programsMask(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): number {
  let mask = 0
  for (const program of PROGRAMS) if (eligibility.isEligibleForProgram(profile, program, asOf)) mask |= PROGRAM_BIT[program]
  return mask
}

/** The ids of the categories in force on `asOf` that the profile is eligible for, sorted. */
export function eligibleCategories(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): string[] {
  const ids: string[] = []
  for (const c of eligibility.categoriesInForce(asOf)) if (eligibility.isEligibleForCategory(profile, c.id, asOf)) ids.push(c.id)
  return ids.sort()
}

let real: PoolEligibility | undefined

/** The real eligibility rules (src/eligibility), adapted to PoolEligibility. */
export function realEligibility(): PoolEligibility {
  if (real) return real
  const dates = new Set<IsoDate>()
  for (const rule of allRules) for (const v of rule.versions) dates.add(v.from)
  for (const c of rules.categoryVersions) {
    dates.add(c.from)
    if (c.to) dates.add(addDays(c.to, 1))
  }
  real = {
    isEligibleForProgram: (p, program, asOf) => rules.isEligibleForProgram(p, program, asOf),
    isEligibleForAnyProgram: (p, asOf) => rules.isEligibleForAnyProgram(p, asOf),
    isEligibleForCategory: (p, id, asOf) => rules.isEligibleForCategory(p, id, asOf),
    categoryById: (id) => {
      const c = rules.categoryById(id)
      return c ? { id: c.id, label: c.label } : undefined
    },
    categoriesInForce: (asOf) => rules.categoriesInForce(asOf),
    evaluate: (p, asOf) => {
      // One evaluation of every program and category in force (one set of derived facts).
      const r = rules.eligibility(p, asOf)
      let programs = (r.programs.fsw.eligible ? PROGRAM_BIT.fsw : 0) | (r.programs.cec.eligible ? PROGRAM_BIT.cec : 0) | (r.programs.fst.eligible ? PROGRAM_BIT.fst : 0)
      if (programs !== 0 && p.provincialNomination && rules.isEligibleForProgram(p, 'pnp', asOf)) programs |= PROGRAM_BIT.pnp
      const categories: string[] = []
      for (const c of r.categories) if (c.eligible) categories.push(c.id)
      return { programs, categories: categories.sort() }
    },
    ruleChangeDates: [...dates].sort(),
  }
  return real
}

/** The real eligibility rules (kept async for callers that load them lazily). */
export function loadEligibility(): Promise<PoolEligibility> {
  return Promise.resolve(realEligibility())
}
