/** Category-based selection: who belongs to each category version in force (categories.md §1). @module */
import { nocTitle } from '../noc/index.js'
import { type CategoryVersion, type OccupationCategoryRule } from '../rules/categories/catalog.js'
import { categoryRules } from '../rules/categories/index.js'
import type { Rule, RuleVersion } from '../rules/rule.js'
import { monthsOfHours, reaches } from '../work/history.js'
import { sourceOf, unmet, type Facts } from './facts.js'
import { anyMeets, describeMinimum, shortfalls } from './language.js'
import type { QualifyingOccupation, UnmetCondition, UnmetSource } from './types.js'

interface Compiled {
  readonly category: CategoryVersion
  readonly occupations: ReadonlySet<string> | null
  readonly source: UnmetSource
}

// Each version's NOC set and source, built once.
const compiled = new Map<string, Compiled>()
for (const rule of categoryRules) {
  for (const v of rule.versions as readonly RuleVersion<CategoryVersion>[]) {
    if (v.value === null) continue
    compiled.set(v.value.id, { category: v.value, occupations: v.value.occupations ? new Set(v.value.occupations) : null, source: sourceOf(rule as Rule<unknown>, v) })
  }
}

/** The compiled form of a category version. */
export function compiledCategory(id: string): Compiled | undefined {
  return compiled.get(id)
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
export function checkCategoryRule(f: Facts, c: Compiled, out: UnmetCondition[] | null): QualifyingOccupation | true | null {
  const { category, source } = c
  const rule = category.rule
  if (rule.type === 'language') {
    if (f.french.length === 0) {
      if (out) unmet(out, 'no_french_result', `${category.label} needs a valid French test result (TEF Canada or TCF Canada) less than 2 years old on ${f.asOf}, with ${describeMinimum(rule.minimumClb, 'NCLC')}`, source)
      return null
    }
    if (!anyMeets(f.french, rule.minimumClb)) {
      if (out) unmet(out, 'french_below_minimum', `${category.label} needs ${describeMinimum(rule.minimumClb, 'NCLC')}; best valid French result: ${shortfalls(f.french, rule.minimumClb)}`, source)
      return null
    }
    return true
  }
  if (c.occupations === null) {
    if (out) unmet(out, 'category_list_unknown', `The list of occupations of ${category.label} is not known to this engine: ${category.listNote ?? 'no official list was found'}. Eligibility cannot be decided.`, source)
    return null
  }
  let ok = true
  if (rule.requiresCanadianArmedForcesOffer) {
    const offer = f.profile.jobOffer?.noc
    if (offer === undefined || !c.occupations.has(offer)) {
      if (!out) return null
      ok = false
      unmet(out, 'canadian_armed_forces_offer_missing', `${category.label} needs a job offer from the Canadian Armed Forces in a listed occupation (${[...c.occupations].join(', ')})`, source)
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
    const where = rule.location === 'canada' ? 'in Canada' : 'in Canada or abroad'
    const how = rule.continuous ? 'continuous full-time work (or the equivalent in part-time work)' : 'full-time work or the equivalent in part-time work, not necessarily continuous'
    const best = bestNoc ? `; the profile has ${monthsOfHours(bestHours).toFixed(1)} months in ${bestNoc} (${nocTitle(bestNoc)})` : '; no work in a listed occupation in that window'
    unmet(out, 'category_experience_insufficient', `${category.label} needs ${rule.minimumMonths} months (${rule.minimumHours.toLocaleString('en-CA')} hours) of ${how} in one listed occupation, ${where}, in the ${rule.windowYears} years before ${f.asOf}${best}`, source)
    return null
  }
  if (!ok) return null
  return { noc: bestNoc, title: nocTitle(bestNoc), months: Math.round(monthsOfHours(bestHours) * 10) / 10 }
}
