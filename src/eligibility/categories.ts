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
import type { Rule, RuleVersion } from '../rules/rule.js'
import { monthsOfHours, reaches } from '../work/history.js'
import { bestResult, sourceOf, type Facts } from './facts.js'
import { reachesHoldsUntil } from './holds.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls, thousands } from './language.js'
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
  /** The whole (frozen) result of a list-unknown category for a profile eligible for a program. */
  readonly unknownResult: CategoryResult | null
}

function compile(rule: Rule<CategoryVersion>, v: RuleVersion<CategoryVersion>, category: CategoryVersion): CompiledCategory {
  const source = sourceOf(rule as Rule<unknown>, v)
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
          message: `The list of occupations of ${category.label} is not known to this engine (${category.listNote ?? 'no official list was found'}); eligibility cannot be decided, so the answer is no`,
          source,
          params: { category: category.id },
        })
  return Object.freeze({
    category,
    occupations: category.occupations ? new Set(category.occupations) : null,
    source,
    listUnknown,
    experiencePrefix,
    notEligiblePrefix: `${category.label} is open only to candidates eligible for FSW, CEC or FST; the profile is eligible for none on `,
    occupationList: (category.occupations ?? []).join(', '),
    unknownResult: listUnknown === null ? null : Object.freeze({ id: category.id, label: category.label, eligible: false, unmet: Object.freeze([listUnknown]) }),
  })
}

const compiled = new Map<string, CompiledCategory>()
for (const rule of categoryRules) {
  for (const v of rule.versions) if (v.value !== null) compiled.set(v.value.id, compile(rule, v, v.value))
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
  return { code: 'not_eligible_for_program', message: c.notEligiblePrefix + asOf, source: c.source, params: { category: c.category.id, asOf } }
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
      if (out) out.push({ code: 'no_french_result', message: `${category.label} needs a valid French test result (TEF Canada or TCF Canada) less than 2 years old on ${f.asOf}, with ${describeMinimum(rule.minimumClb, 'NCLC')}`, source, params: { category: category.id, asOf: f.asOf, minimum: abilitiesParam(rule.minimumClb) } })
      return null
    }
    if (!anyMeets(f.french, rule.minimumClb)) {
      if (out) out.push({ code: 'french_below_minimum', message: `${category.label} needs ${describeMinimum(rule.minimumClb, 'NCLC')}; best valid French result: ${shortfalls(f.french, rule.minimumClb)}`, source, params: { category: category.id, minimum: abilitiesParam(rule.minimumClb), best: abilitiesParam(bestResult(f.french)) } })
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
      out.push({ code: 'canadian_armed_forces_offer_missing', message: `${category.label} needs a job offer from the Canadian Armed Forces in a listed occupation (${c.occupationList})`, source, params: { category: category.id } })
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
    out.push({ code: 'category_experience_insufficient', message: c.experiencePrefix + f.asOf + best, source, params: { category: category.id, minimumMonths: rule.minimumMonths, windowYears: rule.windowYears, where: rule.location, continuous: rule.continuous ? 1 : 0, asOf: f.asOf, noc: bestNoc, months: Number(monthsOfHours(bestHours).toFixed(1)) } })
    return null
  }
  if (!ok) return null
  return { noc: bestNoc, title: nocTitle(bestNoc), months: Math.round(monthsOfHours(bestHours) * 10) / 10 }
}

/** The rules checkCategoryRule reads for the date besides the category version itself (French results' validity). */
export const categoryRuleRules: readonly Rule<unknown>[] = [languageValidity]

/**
 * The first day (day number, after the date) on which checkCategoryRule's answer for `c` could change
 * through work hours alone: the hours counted in each listed occupation of the work history against
 * the category's minimum (holds.ts). The other inputs change only on known days, which the caller
 * must add: the starts of the versions of categoryRuleRules, each French result's test date and
 * expiry; and whether the version is in force on the date, which the caller checks itself.
 */
export function categoryHoursHoldUntil(f: Facts, c: CompiledCategory): number {
  const rule = c.category.rule
  if (rule.type === 'language' || c.occupations === null) return Number.POSITIVE_INFINITY
  let until = Number.POSITIVE_INFINITY
  for (const noc of f.nocs) if (c.occupations.has(noc)) until = Math.min(until, reachesHoldsUntil(f.asOfDay, countedHours(f, noc, rule), rule.minimumHours))
  return until
}
