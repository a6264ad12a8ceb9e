/**
 * scoreCrs: the Comprehensive Ranking System score of CrsFactors on a date, with the breakdown of
 * DESIGN.md and a trace of every award (rule id, version, points, sources).
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import type { Abilities } from '../schemas/common.js'
import type { CrsFactorsInput, LanguageResult } from '../schemas/crs-factors.js'
import type { Citation } from '../rules/sources.js'
import { crsRulesAt, educationIndex, type CrsRuleSet, type InForce } from './rule-set.js'

export interface CrsBreakdown {
  readonly total: number
  readonly core: { readonly age: number; readonly education: number; readonly firstLanguage: number; readonly secondLanguage: number; readonly canadianWork: number; readonly subtotal: number }
  readonly spouse: { readonly education: number; readonly language: number; readonly canadianWork: number; readonly subtotal: number }
  readonly transferability: { readonly education: number; readonly foreignWork: number; readonly certificate: number; readonly subtotal: number }
  readonly additional: {
    readonly provincialNomination: number
    readonly jobOffer: number
    readonly canadianEducation: number
    readonly french: number
    readonly sibling: number
    readonly subtotal: number
  }
  /** Id of the dated rule set used: `crs@` and the latest rule change in force on `asOf`. */
  readonly rules: string
  readonly asOf: IsoDate
}

/** One award in the trace: which rule gave how many points, and why. */
export interface Award {
  readonly ruleId: string
  readonly versionFrom: IsoDate
  /** The line of the breakdown, e.g. `core.age`. */
  readonly line: string
  readonly points: number
  /** The inputs the rule looked at, in words. */
  readonly because: string
  readonly sources: readonly Citation[]
}

export interface CrsResult extends CrsBreakdown {
  readonly trace: readonly Award[]
}

function minClb(clb: Abilities): number {
  return Math.min(clb.speaking, clb.listening, clb.reading, clb.writing)
}

/** CLB 10 and above all score as "10+"; the tables stop at 12, the highest level. */
const clamp12 = (level: number): number => (level > 12 ? 12 : level)

/** Points for the four abilities from a table indexed by CLB level. */
function perAbility(byClb: Int16Array, clb: Abilities): number {
  return byClb[clamp12(clb.speaking)]! + byClb[clamp12(clb.listening)]! + byClb[clamp12(clb.reading)]! + byClb[clamp12(clb.writing)]!
}

/** Points for whole years from a table indexed by years; years past its end take the last entry. */
function byYears(table: Int16Array, years: number): number {
  return table[years < table.length ? years : table.length - 1]!
}

/** Language band of the lowest first-language ability: 0 below CLB 7, 1 for CLB 7-8, 2 for CLB 9+. */
function languageBand(level: number): number {
  return level >= 9 ? 2 : level >= 7 ? 1 : 0
}

/** Canadian work band: 0 none, 1 one year, 2 two years or more. */
function canadianBand(years: number): number {
  return years >= 2 ? 2 : years === 1 ? 1 : 0
}

/** Foreign work tier: 0 none, 1 one or two years, 2 three years or more. */
function foreignTier(years: number): number {
  return years >= 3 ? 2 : years >= 1 ? 1 : 0
}

function languageOf(factors: CrsFactorsInput, language: 'english' | 'french'): LanguageResult | null {
  if (factors.firstLanguage?.language === language) return factors.firstLanguage
  if (factors.secondLanguage?.language === language) return factors.secondLanguage
  return null
}

/** Which French-points case applies: bilingual, French only, or none (before the table's minimums). */
function frenchCase(factors: CrsFactorsInput, minimumNclc: number, minimumEnglishClb: number): 'bilingual' | 'frenchOnly' | null {
  const french = languageOf(factors, 'french')
  if (!french || minClb(french.clb) < minimumNclc) return null
  const english = languageOf(factors, 'english')
  return english && minClb(english.clb) >= minimumEnglishClb ? 'bilingual' : 'frenchOnly'
}

/** Whether the "with spouse" columns apply: an accompanying spouse who is not a citizen or PR. */
export function hasScoringSpouse(factors: CrsFactorsInput): boolean {
  const spouse = factors.spouse
  return !!spouse && spouse.accompanying && !spouse.canadianCitizenOrPR
}

class ScoredCrs implements CrsResult {
  readonly total: number
  readonly core: CrsResult['core']
  readonly spouse: CrsResult['spouse']
  readonly transferability: CrsResult['transferability']
  readonly additional: CrsResult['additional']
  readonly rules: string
  readonly asOf: IsoDate
  readonly #factors: CrsFactorsInput
  readonly #set: CrsRuleSet
  /** The four skill-transferability combinations (A, B, C, D) before their caps, for the trace. */
  readonly #combinations: number

  constructor(
    factors: CrsFactorsInput,
    set: CrsRuleSet,
    asOf: IsoDate,
    combinations: number,
    core: CrsResult['core'],
    spouse: CrsResult['spouse'],
    transferability: CrsResult['transferability'],
    additional: CrsResult['additional'],
  ) {
    this.total = core.subtotal + spouse.subtotal + transferability.subtotal + additional.subtotal
    this.core = core
    this.spouse = spouse
    this.transferability = transferability
    this.additional = additional
    this.rules = set.id
    this.asOf = asOf
    this.#factors = factors
    this.#set = set
    this.#combinations = combinations
  }

  /** The trace, built on demand: scoring a pool needs totals, not explanations. */
  get trace(): readonly Award[] {
    const c = this.#combinations
    // Unpacked from 8-bit fields: each combination is at most 50 points.
    return traceOf(this.#factors, this.#set, [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, (c >> 24) & 0xff], this)
  }

  toJSON(): CrsResult {
    const { total, core, spouse, transferability, additional, rules, asOf, trace } = this
    return { total, core, spouse, transferability, additional, rules, asOf, trace }
  }
}

/**
 * The CRS score of `factors` on `asOf` under the rules in force that day.
 * Throws `rule_not_in_force` for a date before 2015-01-01.
 *
 * @example
 * scoreCrs({ age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }, '2026-11-25').total
 * //=> 464
 */
export function scoreCrs(factors: CrsFactorsInput, asOf: IsoDate): CrsResult {
  return scoreCrsUnder(factors, crsRulesAt(asOf), asOf)
}

/** The CRS score of `factors` under `set`, the rules in force on `asOf` (see `crsRulesAt`). */
export function scoreCrsUnder(factors: CrsFactorsInput, set: CrsRuleSet, asOf: IsoDate): CrsResult {
  const withSpouse = hasScoringSpouse(factors)
  const first = factors.firstLanguage ?? null
  const second = factors.secondLanguage ?? null
  const canadianWorkYears = factors.canadianWorkYears ?? 0
  const foreignWorkYears = factors.foreignWorkYears ?? 0

  // A: core / human capital
  const compiled = set.compiled
  const edu = educationIndex(factors.education)

  // A: core / human capital
  const age = (withSpouse ? set.agePoints.withSpouse : set.agePoints.withoutSpouse)[Math.min(factors.age, 150)] ?? 0
  const education = (withSpouse ? compiled.educationWithSpouse : compiled.educationWithoutSpouse)[edu]!
  const levels = set.levels
  const firstLanguage = first ? perAbility(withSpouse ? levels.firstLanguageWithSpouse : levels.firstLanguageWithoutSpouse, first.clb) : 0
  const sl = set.secondLanguage.version.value!
  const secondLanguage = second ? Math.min(perAbility(levels.secondLanguage, second.clb), withSpouse ? sl.capWithSpouse : sl.capWithoutSpouse) : 0
  const canadianWork = byYears(withSpouse ? levels.canadianWorkWithSpouse : levels.canadianWorkWithoutSpouse, canadianWorkYears)
  const coreSubtotal = age + education + firstLanguage + secondLanguage + canadianWork

  // B: spouse or common-law partner
  let spouseEducation = 0
  let spouseLanguage = 0
  let spouseCanadianWork = 0
  if (withSpouse) {
    const spouse = factors.spouse!
    spouseEducation = compiled.spouseEducation[educationIndex(spouse.education ?? 'none')]!
    spouseLanguage = spouse.language ? perAbility(levels.spouseLanguage, spouse.language) : 0
    spouseCanadianWork = byYears(levels.spouseCanadianWork, spouse.canadianWorkYears ?? 0)
  }
  const spouseSubtotal = spouseEducation + spouseLanguage + spouseCanadianWork

  // C: skill transferability, on the first official language's lowest ability
  const lowest = first ? minClb(first.clb) : 0
  const langBand = languageBand(lowest) * 3
  const canBand = canadianBand(canadianWorkYears) * 3
  const eduTier = compiled.educationTier[edu]!
  const eduWithLanguage = compiled.educationWithLanguage[langBand + eduTier]!
  const eduWithCanadian = compiled.educationWithCanadianWork[canBand + eduTier]!
  const transferEducation = Math.min(set.transferabilityEducation.version.value!.cap, eduWithLanguage + eduWithCanadian)
  const fTier = foreignTier(foreignWorkYears)
  const foreignWithLanguage = compiled.foreignWithLanguage[langBand + fTier]!
  const foreignWithCanadian = compiled.foreignWithCanadianWork[canBand + fTier]!
  const transferForeign = Math.min(set.transferabilityForeignWork.version.value!.cap, foreignWithLanguage + foreignWithCanadian)
  const certificate = factors.certificateOfQualification ? levels.certificate[clamp12(lowest)]! : 0
  const transferSubtotal = Math.min(set.transferabilityCap.version.value!, transferEducation + transferForeign + certificate)

  // D: additional points
  const nomination = factors.provincialNomination ? set.provincialNomination.version.value! : 0
  const jobOfferPoints = set.jobOffer.version.value
  const jobOffer = jobOfferPoints && factors.jobOffer && factors.jobOffer !== 'none' ? jobOfferPoints[factors.jobOffer] : 0
  const canadianEducationPoints = set.canadianEducation.version.value
  const canadianEducation = canadianEducationPoints && factors.canadianEducation && factors.canadianEducation !== 'none' ? canadianEducationPoints[factors.canadianEducation] : 0
  const frenchPoints = set.french.version.value
  const frenchWhich = frenchPoints ? frenchCase(factors, frenchPoints.minimumNclc, frenchPoints.minimumEnglishClb) : null
  const french = frenchWhich ? frenchPoints![frenchWhich] : 0
  const sibling = factors.siblingInCanada ? (set.sibling.version.value ?? 0) : 0
  const additionalSubtotal = Math.min(set.additionalCap.version.value!, nomination + jobOffer + canadianEducation + french + sibling)

  return new ScoredCrs(
    factors,
    set,
    asOf,
    eduWithLanguage | (eduWithCanadian << 8) | (foreignWithLanguage << 16) | (foreignWithCanadian << 24),
    { age, education, firstLanguage, secondLanguage, canadianWork, subtotal: coreSubtotal },
    { education: spouseEducation, language: spouseLanguage, canadianWork: spouseCanadianWork, subtotal: spouseSubtotal },
    { education: transferEducation, foreignWork: transferForeign, certificate, subtotal: transferSubtotal },
    { provincialNomination: nomination, jobOffer, canadianEducation, french, sibling, subtotal: additionalSubtotal },
  )
}

function award<V>(inForce: InForce<V>, line: string, points: number, because: string): Award {
  const { rule, version } = inForce
  const note = version.value === null ? ` (not in force since ${version.from})` : ''
  return { ruleId: rule.id, versionFrom: version.from, line, points, because: because + note, sources: version.sources }
}

function clbText(clb: Abilities): string {
  return `S${clb.speaking} L${clb.listening} R${clb.reading} W${clb.writing}`
}

function traceOf(factors: CrsFactorsInput, set: CrsRuleSet, parts: readonly number[], r: CrsBreakdown): Award[] {
  const withSpouse = hasScoringSpouse(factors)
  const column = withSpouse ? 'with an accompanying spouse' : 'without a spouse (single column)'
  const first = factors.firstLanguage ?? null
  const second = factors.secondLanguage ?? null
  const cw = factors.canadianWorkYears ?? 0
  const fw = factors.foreignWorkYears ?? 0
  const lowest = first ? minClb(first.clb) : 0
  const trace: Award[] = [
    award(set.age, 'core.age', r.core.age, `age ${factors.age}, ${column}`),
    award(set.education, 'core.education', r.core.education, `education ${factors.education}, ${column}`),
    award(set.firstLanguage, 'core.firstLanguage', r.core.firstLanguage, first ? `${first.language} CLB ${clbText(first.clb)}, ${column}` : 'no valid first-language result'),
    award(set.secondLanguage, 'core.secondLanguage', r.core.secondLanguage, second ? `${second.language} CLB ${clbText(second.clb)}${withSpouse ? `, capped at ${set.secondLanguage.version.value!.capWithSpouse} with a spouse` : ''}` : 'no second official language'),
    award(set.canadianWork, 'core.canadianWork', r.core.canadianWork, `${cw} year(s) of Canadian skilled work, ${column}`),
  ]
  const spouse = factors.spouse
  if (withSpouse && spouse) {
    trace.push(
      award(set.spouseEducation, 'spouse.education', r.spouse.education, `spouse's education ${spouse.education ?? 'none'}`),
      award(set.spouseLanguage, 'spouse.language', r.spouse.language, spouse.language ? `spouse's CLB ${clbText(spouse.language)}` : 'no spouse language result'),
      award(set.spouseCanadianWork, 'spouse.canadianWork', r.spouse.canadianWork, `spouse's ${spouse.canadianWorkYears ?? 0} year(s) of Canadian work`),
    )
  } else if (spouse) {
    const why = spouse.canadianCitizenOrPR ? 'the spouse is a Canadian citizen or permanent resident' : 'the spouse is not accompanying'
    trace.push(award(set.spouseEducation, 'spouse', 0, `scored as single: ${why}`))
  }
  const [eduLang, eduCan, forLang, forCan] = parts
  trace.push(
    award(set.transferabilityEducation, 'transferability.education', r.transferability.education, `education ${factors.education} with first-language CLB ${lowest} (lowest ability): ${eduLang}; with ${cw} year(s) of Canadian work: ${eduCan}; capped at ${set.transferabilityEducation.version.value!.cap}`),
    award(set.transferabilityForeignWork, 'transferability.foreignWork', r.transferability.foreignWork, `${fw} year(s) of foreign work with first-language CLB ${lowest}: ${forLang}; with ${cw} year(s) of Canadian work: ${forCan}; capped at ${set.transferabilityForeignWork.version.value!.cap}`),
    award(set.certificate, 'transferability.certificate', r.transferability.certificate, factors.certificateOfQualification ? `certificate of qualification with first-language CLB ${lowest} (lowest ability)` : 'no certificate of qualification'),
    award(set.transferabilityCap, 'transferability.subtotal', r.transferability.subtotal, `the three groups added, capped at ${set.transferabilityCap.version.value}`),
    award(set.provincialNomination, 'additional.provincialNomination', r.additional.provincialNomination, factors.provincialNomination ? 'provincial or territorial nomination' : 'no nomination'),
    award(set.jobOffer, 'additional.jobOffer', r.additional.jobOffer, `job offer: ${factors.jobOffer ?? 'none'}`),
    award(set.canadianEducation, 'additional.canadianEducation', r.additional.canadianEducation, `Canadian education: ${factors.canadianEducation ?? 'none'}`),
    award(set.french, 'additional.french', r.additional.french, languageOf(factors, 'french') ? `French NCLC ${clbText(languageOf(factors, 'french')!.clb)}; English ${languageOf(factors, 'english') ? `CLB ${clbText(languageOf(factors, 'english')!.clb)}` : 'none'}` : 'no French result'),
    award(set.sibling, 'additional.sibling', r.additional.sibling, factors.siblingInCanada ? 'brother or sister in Canada' : 'no sibling in Canada'),
    award(set.additionalCap, 'additional.subtotal', r.additional.subtotal, `additional points added, capped at ${set.additionalCap.version.value}`),
  )
  return trace
}
