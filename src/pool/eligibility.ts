/**
 * What the pool needs to know about eligibility, as an injected interface: which programs and which
 * categories a profile is eligible for on a date, and the dates on which those rules change. The
 * real answers come from src/eligibility (loadEligibility); tests may inject their own.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { addDays, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
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

/** A result of the eligibility module: a boolean, or an object saying `eligible`. */
function truth(result: unknown): boolean {
  if (typeof result === 'boolean') return result
  if (result && typeof result === 'object' && 'eligible' in result) return (result as { eligible: unknown }).eligible === true
  return false
}

/** The start and end days of every category version in data/categories.json. */
function categoryDatesFromData(): IsoDate[] {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const up of ['../..', '../../..']) {
    const path = join(here, up, 'data', 'categories.json')
    if (!existsSync(path)) continue
    const data = JSON.parse(readFileSync(path, 'utf8')) as { categories?: { from?: string; to?: string | null }[] }
    const dates: IsoDate[] = []
    for (const c of data.categories ?? []) {
      if (c.from) dates.push(c.from)
      if (c.to) dates.push(addDays(c.to, 1))
    }
    return dates
  }
  return []
}

let loaded: Promise<PoolEligibility> | undefined

/**
 * The real eligibility rules (src/eligibility), adapted to PoolEligibility. Loaded on first use so
 * that the pool code does not depend on the module at import time.
 */
export function loadEligibility(): Promise<PoolEligibility> {
  loaded ??= (async () => {
    const path = '../eligibility/index.js'
    let mod: Record<string, unknown>
    try {
      mod = (await import(path)) as Record<string, unknown>
    } catch (e) {
      throw new ExpressEntryError('storage_failure', { operation: 'loading the eligibility rules (src/eligibility)' }, { cause: e })
    }
    const fn = <T extends (...args: never[]) => unknown>(name: string): T => {
      const f = mod[name]
      if (typeof f !== 'function') throw new ExpressEntryError('storage_failure', { operation: `eligibility rules: ${name} is missing` })
      return f as T
    }
    const forProgram = fn<(p: Profile, program: ProgramId, asOf: IsoDate) => unknown>('isEligibleForProgram')
    const forAny = fn<(p: Profile, asOf: IsoDate) => unknown>('isEligibleForAnyProgram')
    const forCategory = fn<(p: Profile, id: string, asOf: IsoDate) => unknown>('isEligibleForCategory')
    const byId = fn<(id: string) => unknown>('categoryById')
    const inForce = fn<(asOf: IsoDate) => unknown>('categoriesInForce')
    const info = (c: unknown): CategoryInfo | undefined => {
      if (!c || typeof c !== 'object') return undefined
      const { id, label } = c as { id?: unknown; label?: unknown }
      return typeof id === 'string' ? { id, label: typeof label === 'string' ? label : id } : undefined
    }
    const { allRules } = await import('../rules/index.js')
    const dates = new Set<IsoDate>(categoryDatesFromData())
    for (const rule of allRules) for (const v of rule.versions) dates.add(v.from)
    const inForceCache = new Map<IsoDate, readonly CategoryInfo[]>()
    return {
      isEligibleForProgram: (p, program, asOf) => truth(forProgram(p, program, asOf)),
      isEligibleForAnyProgram: (p, asOf) => truth(forAny(p, asOf)),
      isEligibleForCategory: (p, id, asOf) => truth(forCategory(p, id, asOf)),
      categoryById: (id) => {
        try {
          return info(byId(id))
        } catch {
          return undefined
        }
      },
      categoriesInForce: (asOf) => {
        let list = inForceCache.get(asOf)
        if (!list) {
          const raw = inForce(asOf)
          list = Array.isArray(raw) ? raw.map(info).filter((c): c is CategoryInfo => c !== undefined) : []
          inForceCache.set(asOf, list)
        }
        return list
      },
      ruleChangeDates: [...dates].sort(),
    }
  })()
  return loaded
}
