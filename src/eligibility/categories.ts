/**
 * Category-based selection: who belongs to each category version in force (categories.md §1). Each
 * version's NOC set, source and the fixed parts of its messages are built once, at load.
 * @module
 */
import { fullYearsBetween, type IsoDate } from '../domain/dates.js'
import { nocTitle } from '../noc/index.js'
import type { CategoryVersion, OccupationCategoryRule } from '../rules/categories/catalog.js'
import { categoryRules } from '../rules/categories/index.js'
import { languageValidity } from '../rules/language/validity.js'
import type { Rule } from '../rules/rule.js'
import { monthsOfHours, reaches } from '../work/history.js'
import { bestResult, sourceOf, type Facts } from './facts.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls, thousands } from './language.js'
import type { CategoryResult, QualifyingOccupation, UnmetCode, UnmetCondition, UnmetSource } from './types.js'

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
  /** The version's stated confidence and sources, shown with every answer from its list. */
  readonly confidence: { readonly level: string; readonly sources: readonly string[] }
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
    unknownResult: listUnknown === null ? null : Object.freeze({ id: category.id, label: category.label, eligible: null, unmet: Object.freeze([listUnknown]) }),
    confidence: Object.freeze({ level: category.confidence, sources: category.sourceUrls }),
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
      if (out) out.push({ code: 'no_french_result', message: `${category.label} needs a valid French test result (TEF Canada or TCF Canada) less than ${f.validYears} years old on ${f.asOf}, with ${describeMinimum(rule.minimumClb, 'NCLC')}`, source, params: { category: category.id, asOf: f.asOf, minimum: abilitiesParam(rule.minimumClb) } })
      return null
    }
    if (!anyMeets(f.french, rule.minimumClb)) {
      if (out) out.push({ code: 'french_below_minimum', message: `${category.label} needs ${describeMinimum(rule.minimumClb, 'NCLC')}; best valid French result: ${shortfalls(f.french, rule.minimumClb)}`, source, params: { category: category.id, minimum: abilitiesParam(rule.minimumClb), best: abilitiesParam(bestResult(f.french)) } })
      return null
    }
    return true
  }
  if (rule.type === 'military') return militaryAnswer(f, c, out, null) === true ? true : null
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

/**
 * Skilled military recruits (MilitaryCategoryRule): true when every condition is met, false when one
 * is not (recorded in `out`), null when none fails but one cannot be decided from the profile
 * (recorded in `undecided`): service or offer details the profile does not give, and whether the
 * military is a "recognized foreign military", which is not defined publicly.
 */
export function militaryAnswer(f: Facts, c: CompiledCategory, out: UnmetCondition[] | null, undecided: UnmetCondition[] | null): boolean | null {
  const { category, source } = c
  const rule = category.rule
  if (rule.type !== 'military') return null
  const profile = f.profile
  let answer: boolean | null = true
  // The rule's numbers go with every condition, so a surface can word it in its own language.
  const params = { category: category.id, offerYears: rule.minimumOfferYears, serviceYears: rule.minimumServiceYears, credentialYears: rule.minimumCredentialYears }
  const no = (code: UnmetCode, message: string, what: string) => {
    answer = false
    if (out) out.push({ code, message, source, params: { ...params, what } })
  }
  const cannotTell = (code: UnmetCode, message: string, what: string) => {
    if (answer === true) answer = null
    if (undecided) undecided.push({ code, message, source, params: { ...params, what } })
  }
  const offer = profile.jobOffer
  const listed = c.occupations
  if (offer === null || listed === null || !listed.has(offer.noc)) {
    no('canadian_armed_forces_offer_missing', `${category.label} needs an offer of arranged employment from the Canadian Forces Recruiting Group in a listed occupation (${c.occupationList}); the profile has ${offer === null ? 'no job offer' : `an offer in ${offer.noc}`}`, 'offer')
  } else {
    if (offer.employer === 'other') no('canadian_armed_forces_offer_missing', `${category.label} needs the offer to come from the Canadian Forces Recruiting Group; the profile's offer is from another employer`, 'employer')
    else if (offer.employer === undefined) cannotTell('military_offer_details_unknown', `${category.label} needs the offer to come from the Canadian Forces Recruiting Group; the profile does not say who made its offer in ${offer.noc} (jobOffer.employer)`, 'employer')
    if (offer.termYears === undefined) cannotTell('military_offer_details_unknown', `${category.label} needs an offer of at least ${rule.minimumOfferYears} years of continuous full-time work; the profile does not give the offer's length (jobOffer.termYears)`, 'length')
    else if (offer.termYears < rule.minimumOfferYears) no('military_offer_too_short', `${category.label} needs an offer of at least ${rule.minimumOfferYears} years; the profile's offer is for ${offer.termYears}`, 'length')
  }
  const service = f.foreignMilitaryService
  if (service === undefined) {
    cannotTell('military_service_unknown', `${category.label} needs at least ${rule.minimumServiceYears} years of continuous service in a recognized foreign military; the profile does not say (foreignMilitaryService)`, 'service')
  } else if (service === null || service.from > f.asOf) {
    no('military_service_insufficient', `${category.label} needs at least ${rule.minimumServiceYears} years of continuous service in a recognized foreign military; the profile has none on ${f.asOf}`, 'none')
  } else {
    const end = service.to !== null && service.to < f.asOf ? service.to : f.asOf
    const years = fullYearsBetween(service.from, end)
    if (service.to !== null && service.to < f.asOf) no('military_service_insufficient', `${category.label} is for candidates serving in a foreign military; the profile's service ended on ${service.to}`, 'ended')
    else if (years < rule.minimumServiceYears) no('military_service_insufficient', `${category.label} needs at least ${rule.minimumServiceYears} years of continuous service; the profile has ${years} on ${f.asOf} (since ${service.from})`, 'years')
    if (service.recognized === false) no('military_service_insufficient', `${category.label} needs service in a recognized foreign military; the profile says ${service.country}'s is not recognized`, 'unrecognized')
    else if (service.recognized === null) cannotTell('military_recognition_unknown', `${category.label} needs service in a "recognized foreign military", which is not defined publicly; whether ${service.country}'s military is one cannot be decided (foreignMilitaryService.recognized)`, 'recognition')
  }
  const credential = f.countingCredentials.some((e) => e.level !== 'secondary' && e.programYears >= rule.minimumCredentialYears)
  if (!credential) no('military_credential_missing', `${category.label} needs a post-secondary credential of at least ${rule.minimumCredentialYears} years (with an ECA if completed outside Canada); the profile has none completed by ${f.asOf}`, 'credential')
  return answer
}

/** The rules checkCategoryRule reads for the date besides the category version itself (French results' validity). */
export const categoryRuleRules: readonly Rule<unknown>[] = [languageValidity]
