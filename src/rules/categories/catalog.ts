/**
 * Category-based selection (IRPA 10.3(1)(d), from 2023): every category version in
 * data/categories.json, with its dates in force, the round label IRCC used, its rule and its NOC 2021
 * list. A category version is in force from `from` to `to` (inclusive; null = still in force).
 * Sources per version: `sourceUrls` (see data/PROVENANCE.md and ../shared/research/categories.md).
 * @module
 */
import categoriesData from '../../../data/categories.json' with { type: 'json' }
import { addDays, isIsoDate, type IsoDate } from '../../domain/dates.js'
import type { Abilities } from '../../schemas/common.js'
import { cite, type Citation } from '../sources.js'
import { defineRule, type Rule, type RuleVersion } from '../rule.js'
import { ELIGIBILITY_LAST_VERIFIED } from '../fsw/shared.js'

export const CATEGORY_KEYS = ['french', 'healthcare', 'stem', 'trade', 'transport', 'agriculture', 'education', 'physicians', 'senior-managers', 'researchers', 'military'] as const
export type CategoryKey = (typeof CATEGORY_KEYS)[number]

/** French-language proficiency: NCLC levels in all four abilities. */
export interface LanguageCategoryRule {
  readonly type: 'language'
  readonly language: 'french'
  readonly minimumClb: Abilities
  readonly text: string
}

/** Work in one listed occupation within a window before the date. */
export interface OccupationCategoryRule {
  readonly type: 'occupation'
  /** Full-time-equivalent hours needed in one listed occupation (6 months = 780 h, 12 months = 1,560 h). */
  readonly minimumHours: number
  readonly minimumMonths: number
  /** Whether the hours must come from one continuous span (2023-2025) or may add up (from 2026-02-18). */
  readonly continuous: boolean
  readonly windowYears: number
  /** Where the work must have been done. */
  readonly location: 'canada' | 'canada-or-abroad'
  /** Skilled military recruits: a job offer from the Canadian Armed Forces. */
  readonly requiresCanadianArmedForcesOffer: boolean
  readonly text: string
}

/**
 * Skilled military recruits (2026): as several sources quoting the category's instructions describe it
 * (the instructions' text itself was not found): at least 10 years of continuous service in a recognized
 * foreign military, an offer from the Canadian Forces Recruiting Group of at least 3 years of continuous
 * full-time work in a listed occupation, and a post-secondary credential of at least 2 years.
 */
export interface MilitaryCategoryRule {
  readonly type: 'military'
  readonly minimumServiceYears: number
  readonly minimumOfferYears: number
  readonly minimumCredentialYears: number
  readonly text: string
}

export type CategoryRule = LanguageCategoryRule | OccupationCategoryRule | MilitaryCategoryRule

/** One version of a category, as established by a Ministerial Instruction. */
export interface CategoryVersion {
  /** e.g. `stem-2023-1`. */
  readonly id: string
  readonly key: CategoryKey
  /** The label IRCC used on rounds at the time, e.g. "STEM occupations (2023-1)". */
  readonly label: string
  /** The label in IRCC's rounds data today (IRCC relabelled 2023-2025 rounds "Version N"), when known. */
  readonly currentLabel: string | null
  readonly version: string
  readonly from: IsoDate
  /** Last day in force, or null while in force. */
  readonly to: IsoDate | null
  readonly rule: CategoryRule
  /** The listed NOC 2021 unit groups; null for a language category, or when the list is not known. */
  readonly occupations: readonly string[] | null
  /** False for an occupation category whose list could not be found (it then answers `category_list_unknown`). */
  readonly listKnown: boolean
  readonly confidence: string
  readonly sourceUrls: readonly string[]
  /** Why the list is missing or uncertain, when the data says. */
  readonly listNote?: string
}

interface RawRule {
  readonly type: string
  readonly language?: string
  readonly minNCLC?: Abilities
  readonly minMonthsFullTimeEquivalent?: number
  readonly minHoursIfPartTime?: number
  readonly mustBeContinuous?: boolean
  readonly lookbackYears?: number
  readonly experienceLocation?: string
  readonly requiresCanadianArmedForcesJobOffer?: boolean
  readonly minContinuousServiceYears?: number
  readonly minOfferYears?: number
  readonly minCredentialYears?: number
  readonly text: string
}

interface RawCategory {
  readonly id: string
  readonly key: string
  readonly label: string
  readonly currentLabel?: string | null
  readonly version: string
  readonly from: string
  readonly to: string | null
  readonly rule: RawRule
  readonly noc: readonly string[] | null
  readonly nocNote?: string
  readonly source: readonly string[]
  readonly confidence: string
}

function fail(id: string, what: string): never {
  throw new Error(`data/categories.json: ${id}: ${what}`)
}

function toVersion(raw: RawCategory): CategoryVersion {
  const key = raw.key as CategoryKey
  if (!CATEGORY_KEYS.includes(key)) fail(raw.id, `unknown key ${raw.key}`)
  if (!isIsoDate(raw.from) || (raw.to !== null && !isIsoDate(raw.to))) fail(raw.id, 'bad dates')
  const r = raw.rule
  let rule: CategoryRule
  if (r.type === 'language') {
    if (r.language !== 'french' || !r.minNCLC) fail(raw.id, 'language rule without French NCLC levels')
    rule = { type: 'language', language: 'french', minimumClb: r.minNCLC, text: r.text }
  } else if (r.type === 'occupation') {
    const hours = r.minHoursIfPartTime
    const months = r.minMonthsFullTimeEquivalent
    if (hours === undefined || months === undefined || r.lookbackYears === undefined) fail(raw.id, 'occupation rule without hours, months or window')
    if (r.experienceLocation !== 'canada' && r.experienceLocation !== 'canada-or-abroad') fail(raw.id, `bad location ${r.experienceLocation}`)
    rule = {
      type: 'occupation',
      minimumHours: hours,
      minimumMonths: months,
      continuous: r.mustBeContinuous === true,
      windowYears: r.lookbackYears,
      location: r.experienceLocation,
      requiresCanadianArmedForcesOffer: r.requiresCanadianArmedForcesJobOffer === true,
      text: r.text,
    }
  } else if (r.type === 'military') {
    if (r.minContinuousServiceYears === undefined || r.minOfferYears === undefined || r.minCredentialYears === undefined) fail(raw.id, 'military rule without service, offer or credential years')
    rule = { type: 'military', minimumServiceYears: r.minContinuousServiceYears, minimumOfferYears: r.minOfferYears, minimumCredentialYears: r.minCredentialYears, text: r.text }
  } else fail(raw.id, `unknown rule type ${r.type}`)
  const occupations = raw.noc === null ? null : Object.freeze([...raw.noc])
  const version: CategoryVersion = {
    id: raw.id,
    key,
    label: raw.label,
    currentLabel: raw.currentLabel ?? null,
    version: raw.version,
    from: raw.from,
    to: raw.to,
    rule,
    occupations,
    listKnown: rule.type === 'language' || occupations !== null,
    confidence: raw.confidence,
    sourceUrls: Object.freeze([...raw.source]),
    ...(raw.nocNote ? { listNote: raw.nocNote } : {}),
  }
  return Object.freeze(version)
}

/** The category versions of a copy of data/categories.json, oldest first. */
export function catalogOf(data: { readonly categories: readonly unknown[] }): readonly CategoryVersion[] {
  return Object.freeze((data.categories as readonly RawCategory[]).map(toVersion).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)))
}

/** Every category version, oldest first. */
export const categoryVersions: readonly CategoryVersion[] = catalogOf(categoriesData)

const byId = new Map(categoryVersions.map((c) => [c.id, c]))

/** The category version with this id (e.g. `stem-2023-1`), or undefined. */
export function categoryById(id: string): CategoryVersion | undefined {
  return byId.get(id)
}

let lastAsOf: IsoDate | null = null
let lastInForce: readonly CategoryVersion[] = []

/** The category versions in force on `asOf`, oldest first (memoized for the last date asked). */
export function categoriesInForce(asOf: IsoDate): readonly CategoryVersion[] {
  if (asOf === lastAsOf) return lastInForce
  const result = Object.freeze(categoryVersions.filter((c) => c.from <= asOf && (c.to === null || asOf <= c.to)))
  lastAsOf = asOf
  lastInForce = result
  return result
}

function sourcesOf(c: CategoryVersion): Citation[] {
  const year = c.from.slice(0, 4)
  const sources = [cite('CBS', `${c.label}: experience rule and occupation list`)]
  if (year === '2025') sources.push(cite('CBS-REPORT-2024-25', 'Annex B: 2025 list of eligible occupations'))
  if (year === '2024') sources.push(cite('CBS-REPORT-2024-25', 'Annex A: 2024 list of eligible occupations'))
  if (year === '2026') sources.push(cite('IRCC-CATEGORIES-2026', 'categories and the 12-month experience rule for 2026'))
  return sources
}

/**
 * The dated rule of one category: each version from its `from`, and a null version (not in force) the day
 * after a version ends when no other starts then (Transport in 2025, Agriculture from 2026-02-18).
 */
export function categoryRule(key: CategoryKey, title: string): Rule<CategoryVersion> {
  const own = categoryVersions.filter((c) => c.key === key)
  const versions: RuleVersion<CategoryVersion>[] = []
  own.forEach((c, i) => {
    versions.push({ from: c.from, sources: sourcesOf(c), value: c })
    const next = own[i + 1]
    if (c.to !== null && (!next || next.from !== addDays(c.to, 1))) {
      versions.push({ from: addDays(c.to, 1), sources: sourcesOf(c), value: null, note: `${c.label} ended on ${c.to}` })
    }
  })
  return defineRule<CategoryVersion>({ id: `categories.${key}`, title, lastVerified: ELIGIBILITY_LAST_VERIFIED, versions })
}
