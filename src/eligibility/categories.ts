/**
 * Category-based selection: who belongs to each category version in force (categories.md §1). Each
 * version's NOC set, source and the fixed parts of its messages are built once, at load.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import { nocTitle } from '../noc/index.js'
import type { CategoryVersion, OccupationCategoryRule } from '../rules/categories/catalog.js'
import { categoryRules } from '../rules/categories/index.js'
import { languageValidity } from '../rules/language/validity.js'
import type { Rule } from '../rules/rule.js'
import { monthsOfHours, reaches } from '../work/history.js'
import { sourceOf, unmet, type Facts } from './facts.js'
import { anyMeets, describeMinimum, shortfalls, thousands } from './language.js'
import type { CategoryResult, QualifyingOccupation, UnmetCondition, UnmetSource } from './types.js'

export interface CompiledCategory {
  readonly category: CategoryVersion
  readonly occupations: ReadonlySet<string> | null
  readonly source: UnmetSource
  /** The whole `category_list_unknown` condition (it does not depend on the profile or date). */
  readonly listUnknown: UnmetCondition | null
  /** "<label> needs ... in the N years before " (the date and the profile's best follow). */
  readonly experiencePrefix: string
  readonly notEligiblePrefix: string
  /** The listed occupations as text, for the military message. */
  readonly occupationList: string
  /** The whole (frozen) result of a list-unknown category for a profile eligible for a program: eligible null (can't tell). */
  readonly unknownResult: CategoryResult | null
}

/** A category version compiled for the checks below, its conditions citing `source`. */
export function compileCategory(category: CategoryVersion, source: UnmetSource): CompiledCategory {
  const r = category.rule
  let experiencePrefix = ''
  if (r.type === 'occupation') {
    const where = r.location === 'canada' ? 'in Canada' : 'in Canada or abroad'
    const how = r.continuous ? 'continuous full-time work (or the equivalent in part-time work)' : 'full-time work or the equivalent in part-time work, not necessarily continuous'
    experiencePrefix = `${category.label} needs ${r.minimumMonths} months (${thousands(r.minimumHours)} hours) of ${how}, in one listed occupation, ${where}, in the ${r.windowYears} years before `
  }
  const listUnknown =
    category.listKnown
      ? null
      : Object.freeze({
          code: 'category_list_unknown' as const,
          message: `The list of occupations of ${category.label} is not known to this engine (${category.listNote ?? 'no official list was found'}); eligibility cannot be decided: the answer is can't tell`,
          source,
        })
  return Object.freeze({
    category,
    occupations: category.occupations ? new Set(category.occupations) : null,
    source,
    listUnknown,
    experiencePrefix,
    notEligiblePrefix: `${category.label} is open only to candidates eligible for FSW, CEC or FST; the profile is eligible for none on `,
    occupationList: (category.occupations ?? []).join(', '),
    unknownResult: listUnknown === null ? null : Object.freeze({ id: category.id, label: category.label, eligible: null, unmet: Object.freeze([listUnknown]) }),
  })
}

const compiled = new Map<string, CompiledCategory>()
for (const rule of categoryRules) {
  for (const v of rule.versions) if (v.value !== null) compiled.set(v.value.id, compileCategory(v.value, sourceOf(rule as Rule<unknown>, v)))
}

/** The compiled form of a category version, or undefined for an unknown id. */
export function compiledCategory(id: string): CompiledCategory | undefined {
  return compiled.get(id)
}

const compiledLists = new WeakMap<readonly CategoryVersion[], readonly CompiledCategory[]>()

/** The compiled forms of a list of versions (memoized per list; categoriesInForce returns the same list for the same date). */
export function compiledList(versions: readonly CategoryVersion[]): readonly CompiledCategory[] {
  let list = compiledLists.get(versions)
  if (list === undefined) {
    list = versions.map((c) => compiled.get(c.id)!)
    compiledLists.set(versions, list)
  }
  return list
}

/** The `not_eligible_for_program` condition of a category on a date. */
export function notEligibleForProgram(c: CompiledCategory, asOf: IsoDate): UnmetCondition {
  return { code: 'not_eligible_for_program', message: c.notEligiblePrefix + asOf, source: c.source }
}

/** Hours counted for one occupation under a category's rule. */
function countedHours(f: Facts, noc: string, rule: OccupationCategoryRule): number {
  const w = f.occupation(noc, rule.windowYears)
  if (rule.location === 'canada') return rule.continuous ? w.longestContinuousCanadaHours : w.canadaHours
  return rule.continuous ? w.longestContinuousHours : w.hours
}

/**
 * Whether the profile meets a category version's own rule on the date (program eligibility apart).
 * Records unmet conditions in `out`; returns the qualifying occupation (or true for French) or null.
 */
export function checkCategoryRule(f: Facts, c: CompiledCategory, out: UnmetCondition[] | null): QualifyingOccupation | true | null {
  const { category, source } = c
  const rule = category.rule
  if (rule.type === 'language') {
    if (f.french.length === 0) {
      if (out) unmet(out, 'no_french_result', `${category.label} needs a valid French test result (TEF Canada or TCF Canada) less than ${f.validYears} years old on ${f.asOf}, with ${describeMinimum(rule.minimumClb, 'NCLC')}`, source)
      return null
    }
    if (!anyMeets(f.french, rule.minimumClb)) {
      if (out) unmet(out, 'french_below_minimum', `${category.label} needs ${describeMinimum(rule.minimumClb, 'NCLC')}; best valid French result: ${shortfalls(f.french, rule.minimumClb)}`, source)
      return null
    }
    return true
  }
  if (c.occupations === null) {
    if (out) out.push(c.listUnknown!)
    return null
  }
  let ok = true
  if (rule.requiresCanadianArmedForcesOffer) {
    const offer = f.profile.jobOffer?.noc
    if (offer === undefined || !c.occupations.has(offer)) {
      if (!out) return null
      ok = false
      unmet(out, 'canadian_armed_forces_offer_missing', `${category.label} needs a job offer from the Canadian Armed Forces in a listed occupation (${c.occupationList})`, source)
    }
  }
  let bestNoc = ''
  let bestHours = 0
  for (const noc of f.nocs) {
    if (!c.occupations.has(noc)) continue
    const hours = countedHours(f, noc, rule)
    if (hours > bestHours) [bestNoc, bestHours] = [noc, hours]
  }
  if (!reaches(bestHours, rule.minimumHours)) {
    if (!out) return null
    const best = bestNoc ? `; the profile has ${monthsOfHours(bestHours).toFixed(1)} months in ${bestNoc} (${nocTitle(bestNoc)})` : '; no work in a listed occupation in that window'
    unmet(out, 'category_experience_insufficient', c.experiencePrefix + f.asOf + best, source)
    return null
  }
  if (!ok) return null
  return { noc: bestNoc, title: nocTitle(bestNoc), months: Math.round(monthsOfHours(bestHours) * 10) / 10 }
}

/** The rules checkCategoryRule reads for the date besides the category version itself (French results' validity). */
export const categoryRuleRules: readonly Rule<unknown>[] = [languageValidity]
