/**
 * A rule is a table of dated versions: each `{ from, sources, value }` holds from its `from` date
 * (inclusive) until the next version's `from`. `value: null` means "not in force from here on"
 * (a repeal), so history is never deleted (OpenFisca's values-by-date).
 * @module
 */
import { ExpressEntryError } from '../errors.js'
import { isIsoDate, type IsoDate } from '../domain/dates.js'
import type { Citation } from './sources.js'

export interface RuleVersion<V> {
  /** First day this version is in force (inclusive). */
  readonly from: IsoDate
  readonly sources: readonly Citation[]
  /** The version's value; null when the rule is not in force from `from` on. */
  readonly value: V | null
  /** Why this version exists, when the source alone does not say. */
  readonly note?: string
}

export interface RuleDefinition<V> {
  /** Dotted id equal to the file path under src/rules (`crs.core.age` is `src/rules/crs/core/age.ts`). */
  readonly id: string
  readonly title: string
  /** The last day the values were checked against their sources. */
  readonly lastVerified: IsoDate
  readonly versions: readonly RuleVersion<V>[]
}

export interface Rule<V> extends RuleDefinition<V> {
  /** The version in force on `date`, or undefined before the first version. */
  versionAt(date: IsoDate): RuleVersion<V> | undefined
  /** The value in force on `date`; throws `rule_not_in_force` before the first version or after a repeal. */
  at(date: IsoDate): { readonly value: V; readonly version: RuleVersion<V> }
  /** The value in force on `date`, or null (before the first version, or repealed). */
  valueAt(date: IsoDate): V | null
}

/** Validates and freezes a dated rule: versions sorted, no duplicate dates, at least one source each. */
export function defineRule<V>(definition: RuleDefinition<V>): Rule<V> {
  const { id, versions } = definition
  if (versions.length === 0) throw new Error(`rule ${id}: no versions`)
  versions.forEach((v, i) => {
    if (!isIsoDate(v.from)) throw new Error(`rule ${id}: version ${i} has an invalid date ${v.from}`)
    if (v.sources.length === 0) throw new Error(`rule ${id}: version ${v.from} cites no source`)
    const prev = versions[i - 1]
    if (prev && prev.from >= v.from) throw new Error(`rule ${id}: versions must be sorted by date, without duplicates (${prev.from}, ${v.from})`)
  })
  const firstInForce = versions[0]!.from

  function versionAt(date: IsoDate): RuleVersion<V> | undefined {
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i]!
      if (v.from <= date) return v
    }
    return undefined
  }

  return Object.freeze({
    ...definition,
    versionAt,
    at(date: IsoDate) {
      const version = versionAt(date)
      if (!version || version.value === null) throw new ExpressEntryError('rule_not_in_force', { ruleId: id, date, firstInForce })
      return { value: version.value, version }
    },
    valueAt(date: IsoDate) {
      return versionAt(date)?.value ?? null
    },
  })
}

/** A value per CLB/NCLC level; levels above the table's highest row take the highest row. */
export type ClbPoints = readonly number[]

/**
 * Points for a level from rows `[minimumLevel, points]`, highest first: the first row whose minimum
 * the level reaches. Below every row: 0.
 */
export function pointsForLevel(rows: readonly (readonly [number, number])[], level: number): number {
  for (const [minimum, points] of rows) if (level >= minimum) return points
  return 0
}
