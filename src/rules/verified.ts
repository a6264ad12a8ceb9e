/**
 * When the rules were last checked against their sources, by area, and the notice every answer for a
 * later date carries: the product answers as usual, but a change of the law after that day is not known
 * to this version. The days are data: each area's shared constant, which every rule of the area states
 * as its `lastVerified` (rule.ts; the registry test checks they agree). Light on purpose: the web app's
 * calculator imports it without the rule tables.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import { LAST_VERIFIED as CRS_LAST_VERIFIED } from './crs/shared.js'
import { ELIGIBILITY_LAST_VERIFIED } from './fsw/shared.js'
import { LANGUAGE_LAST_VERIFIED } from './language/shared.js'
import type { Rule } from './rule.js'

export const RULE_AREA_IDS = ['crs', 'language', 'fsw', 'programs', 'categories'] as const
export type RuleAreaId = (typeof RULE_AREA_IDS)[number]

/** What each area covers, and what its last check found (docs/decisions.md, ../shared/research/2026-update.md). */
const AREA_TEXT: Readonly<Record<RuleAreaId, { title: string; checked: string }>> = {
  crs: {
    title: 'CRS points (core, spouse, transferability, additional)',
    checked: 'no CRS change in force after 2025-03-25 confirmed; claims of changes from 2026-11-03 on third-party pages cite no instrument and are not encoded',
  },
  language: {
    title: 'Language tests: CLB/NCLC equivalency tables and validity',
    checked: 'no change to the designated tests or their equivalency tables in 2025-2026 (the 2026-06-23 instructions consolidated guidance and fraud checks only)',
  },
  fsw: {
    title: 'Federal Skilled Worker: minimums, the 67-point grid, settlement funds',
    checked: 'adaptability gives 10 points for past work in Canada; settlement funds as published',
  },
  programs: {
    title: 'Canadian Experience Class, Federal Skilled Trades, the invitation program',
    checked: 'CEC excludes self-employment and unauthorized work (IRPR 87.1(3)(b)); NOC 2021 in force from 2022-11-16',
  },
  categories: {
    title: 'Category-based selection: versions, lists and experience rules',
    checked: 'the 2026 lists (healthcare 37, STEM 11, education 5: medium confidence), the skilled military recruits rule, French 2026 from 2026-02-06; 2027 categories were under consultation (2026-08-04 to 2026-09-01)',
  },
}

/** The day each area was last verified against its sources. */
export const AREA_LAST_VERIFIED: Readonly<Record<RuleAreaId, IsoDate>> = {
  crs: CRS_LAST_VERIFIED,
  language: LANGUAGE_LAST_VERIFIED,
  fsw: ELIGIBILITY_LAST_VERIFIED,
  programs: ELIGIBILITY_LAST_VERIFIED,
  categories: ELIGIBILITY_LAST_VERIFIED,
}

export interface RuleArea {
  readonly id: RuleAreaId
  readonly title: string
  readonly lastVerified: IsoDate
  /** What the last check found. */
  readonly checked: string
}

/** The area a rule belongs to (its id's first part: `crs.core.age` is `crs`). */
export function areaOf(rule: Pick<Rule<unknown>, 'id'>): RuleAreaId {
  const head = rule.id.split('.')[0]!
  return (RULE_AREA_IDS as readonly string[]).includes(head) ? (head as RuleAreaId) : 'programs'
}

/**
 * Each rule area with the day it was last verified against its sources.
 * @example
 * ruleAreas().find((a) => a.id === 'crs')?.lastVerified //=> '2026-11-29'
 */
export function ruleAreas(): readonly RuleArea[] {
  return RULE_AREA_IDS.map((id) => ({ id, title: AREA_TEXT[id].title, lastVerified: AREA_LAST_VERIFIED[id], checked: AREA_TEXT[id].checked }))
}

/** The notice an answer for a date after the rules were last verified carries. */
export interface VerificationNotice {
  readonly code: 'rules_not_verified'
  /** The input field it is about. */
  readonly path: 'asOf'
  readonly lastVerified: IsoDate
  readonly areas: readonly RuleAreaId[]
  readonly message: string
}

/** What an answer reads: a score reads the CRS and language rules; eligibility reads them all. */
export const AREAS_READ: Readonly<Record<'score' | 'eligibility', readonly RuleAreaId[]>> = {
  score: ['crs', 'language'],
  eligibility: ['crs', 'language', 'fsw', 'programs', 'categories'],
}

/**
 * The notice for an answer on `asOf` reading `areas`, or null when every area was verified on or after
 * `asOf`. The one place the wording lives: CLI, API and web show this message.
 * @example
 * verificationNotice('2027-01-15')?.message //=> 'rules last verified on 2026-11-29; a change after that day is not known to this version'
 */
export function verificationNotice(asOf: IsoDate, areas: readonly RuleAreaId[] = AREAS_READ.eligibility): VerificationNotice | null {
  const stale = areas.filter((a) => asOf > AREA_LAST_VERIFIED[a])
  if (stale.length === 0) return null
  const lastVerified = stale.reduce((min, a) => (AREA_LAST_VERIFIED[a] < min ? AREA_LAST_VERIFIED[a] : min), AREA_LAST_VERIFIED[stale[0]!])
  return {
    code: 'rules_not_verified',
    path: 'asOf',
    lastVerified,
    areas: stale,
    message: `rules last verified on ${lastVerified}; a change after that day is not known to this version`,
  }
}
