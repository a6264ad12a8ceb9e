/**
 * A candidate's outlook: (b) what-if: the changes that raise the CRS score most, each with its gain;
 * (c) timeline: the score on each coming day it changes (birthdays, work accruing, language results
 * and ECAs expiring); (d) the cut-off a round of N invitations would have from a published
 * distribution (cutoff.ts); (a) would-I-have-been-invited over every past round (invited.ts).
 * Scores come from scoreCrs and factorsOf (src/crs), never recomputed here.
 * @module
 */
import { CRS_WORK_WINDOW_YEARS } from '../rules/crs/shared.js'
import { addDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../domain/dates.js'
import { explainFactors, factorsOf, hasScoringSpouse, scoreCrs } from '../crs/index.js'
import { ABILITIES, EDUCATION_LEVELS } from '../domain/words.js'
import type { Abilities } from '../schemas/common.js'
import { languageOfTest } from '../language/tests.js'
import type { CrsFactors } from '../schemas/crs-factors.js'
import type { Profile } from '../schemas/profile.js'
import { isCanadianSkilledWork } from '../work/history.js'
import { crsFactorsOf } from '../crs/factors.js'
import { ChangeCalendar, firstAfter, ruleDays } from '../facts/calendar.js'
import { ProfileFacts } from '../facts/profile-facts.js'
import { crsRules, factRules } from '../rules/index.js'
import { languageValidity } from '../rules/language/validity.js'

/** The days a rule the score reads starts a version. */
const CRS_RULE_DAYS = ruleDays([...crsRules, languageValidity, ...factRules])

/** What the outlook is about: a Profile (facts with dates) or CrsFactors (answers on one date). */
export type OutlookInput = { readonly kind: 'profile'; readonly profile: Profile } | { readonly kind: 'factors'; readonly factors: CrsFactors }

/** CLB 10 and above score the same in every table. */
const TOP_CLB = 10

/** The factors of the input on `asOf`. */
export function factorsAt(input: OutlookInput, asOf: IsoDate): CrsFactors {
  return input.kind === 'factors' ? input.factors : factorsOf(input.profile, asOf)
}

export type WhatIfCode =
  | 'first-language-ability'
  | 'first-language-all'
  | 'education'
  | 'french-nclc-7'
  | 'english-clb-5'
  | 'canadian-work-year'
  | 'spouse-language'
  | 'swap-applicant-and-spouse'
  | 'provincial-nomination'

/** One change and what it would do to the score on `asOf`. */
export interface WhatIf {
  readonly code: WhatIfCode
  /** The factor changed, e.g. `firstLanguage.clb.speaking`. */
  readonly field: string
  readonly description: string
  readonly from: string | number | null
  readonly to: string | number
  readonly gain: number
  readonly score: number
  /** For one more year of Canadian work in a Profile: the day it accrues as the Canadian jobs entered go on (null: not with the work entered, within 3 years). */
  readonly accruesOn?: IsoDate | null
  readonly note?: string
}

export interface WhatIfResult {
  readonly asOf: IsoDate
  readonly score: number
  /** Changes that raise the score, biggest gain first. */
  readonly changes: readonly WhatIf[]
  /** What could not be assessed, and why. */
  readonly notes: readonly string[]
}

function withAbilities(clb: Abilities, patch: Partial<Abilities>): Abilities {
  return { ...clb, ...patch }
}

function allAt(level: number): Abilities {
  return { speaking: level, listening: level, reading: level, writing: level }
}

/**
 * The day one more full-time-equivalent year of Canadian skilled work accrues (the 10-year window
 * used by factorsOf), as the jobs entered go on: without an end, or to the end entered (a work permit's,
 * a contract's); null when no Canadian skilled work is entered after `asOf`, when it ends before the
 * year, or when it takes over `horizonYears`. The timeline gives the same day.
 * The days between are skipped by the change calendar: the count cannot reach the next year sooner.
 */
export function nextCanadianWorkYearOn(profile: Profile, asOf: IsoDate, horizonYears = 3): IsoDate | null {
  if (!profile.work.some((j) => (j.to === null || j.to >= asOf) && isCanadianSkilledWork(j))) return null
  const calendar = new ChangeCalendar(profile)
  const current = new ProfileFacts(profile, asOf).canadianWorkYears(CRS_WORK_WINDOW_YEARS)
  const end = toDayNumber(addYears(asOf, horizonYears))
  let day = toDayNumber(asOf) + 1
  while (day <= end) {
    const f = new ProfileFacts(profile, fromDayNumber(day))
    if (f.canadianWorkYears(CRS_WORK_WINDOW_YEARS) > current) return f.asOf
    day = calendar.countsHoldUntil(f)
  }
  return null
}

/** The Profile with principal applicant and spouse swapped, or why it cannot be. */
export function swappedProfile(profile: Profile): { profile: Profile; note: string } | { reason: string } {
  const spouse = profile.spouse
  if (!spouse || (profile.maritalStatus !== 'married' && profile.maritalStatus !== 'common-law')) return { reason: 'no spouse or common-law partner' }
  if (!spouse.accompanying || spouse.canadianCitizenOrPR) return { reason: 'the spouse does not accompany, or is a Canadian citizen or permanent resident' }
  if (!spouse.dateOfBirth) return { reason: "swapping needs the spouse's dateOfBirth" }
  if (spouse.languageTests.length === 0) return { reason: 'swapping needs a language test result of the spouse' }
  const english = spouse.languageTests.some((t) => languageOfTest(t.test) === 'english')
  return {
    profile: {
      ...profile,
      dateOfBirth: spouse.dateOfBirth,
      education: spouse.education,
      languageTests: spouse.languageTests,
      work: spouse.work,
      firstOfficialLanguage: english ? 'english' : 'french',
      spouse: { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: profile.dateOfBirth, education: profile.education, languageTests: profile.languageTests, work: profile.work },
      // A certificate of qualification, a nomination and a job offer are the principal applicant's own.
      certificateOfQualification: null,
      provincialNomination: null,
      jobOffer: null,
    },
    note: "the current applicant's certificate of qualification, nomination and job offer are left out",
  }
}

/**
 * The changes that would raise the score on `asOf` most, each with its gain: each first-language
 * ability to the next CLB that scores more (and all four to CLB 9), the next education level, a French
 * test at NCLC 7 (or English at CLB 5 for a French speaker), one more year of Canadian work (and, for
 * a Profile, the day it accrues), the spouse's language test at CLB 7 and 9, swapping principal
 * applicant and spouse (a Profile with the spouse's date of birth and test), and a provincial nomination.
 * @example
 * whatIf({ kind: 'factors', factors }, '2026-11-25').changes[0] //=> { code: 'provincial-nomination', gain: 600, ... }
 */
export function whatIf(input: OutlookInput, asOf: IsoDate): WhatIfResult {
  const base = factorsAt(input, asOf)
  const score = scoreCrs(base, asOf).total
  const changes: WhatIf[] = []
  const notes: string[] = []
  const consider = (change: Omit<WhatIf, 'gain' | 'score'>, factors: CrsFactors): void => {
    const s = scoreCrs(factors, asOf).total
    if (s > score) changes.push({ ...change, gain: s - score, score: s })
  }

  const first = base.firstLanguage
  if (first) {
    // Levels of English results are CLB, of French ones NCLC (the unlocks and eligibility say so too).
    const scale = first.language === 'french' ? 'NCLC' : 'CLB'
    for (const ability of ABILITIES) {
      const level = first.clb[ability]
      for (let to = level + 1; to <= TOP_CLB; to++) {
        const factors = { ...base, firstLanguage: { ...first, clb: withAbilities(first.clb, { [ability]: to }) } }
        if (scoreCrs(factors, asOf).total > score) {
          consider({ code: 'first-language-ability', field: `firstLanguage.clb.${ability}`, description: `${first.language} ${ability} from ${scale} ${level} to ${to}`, from: level, to }, factors)
          break
        }
      }
    }
    const lowest = Math.min(...ABILITIES.map((a) => first.clb[a]))
    if (lowest < 9) {
      const clb = { speaking: Math.max(9, first.clb.speaking), listening: Math.max(9, first.clb.listening), reading: Math.max(9, first.clb.reading), writing: Math.max(9, first.clb.writing) }
      consider({ code: 'first-language-all', field: 'firstLanguage.clb', description: `${first.language} ${scale} 9 or more in all four abilities`, from: lowest, to: 9 }, { ...base, firstLanguage: { ...first, clb } })
    }
  } else {
    notes.push('no valid first-language result: a language test is the first step (and a requirement of every program)')
  }

  const rank = EDUCATION_LEVELS.indexOf(base.education)
  const nextLevel = EDUCATION_LEVELS[rank + 1]
  if (nextLevel) consider({ code: 'education', field: 'education', description: `education ${base.education} -> ${nextLevel}`, from: base.education, to: nextLevel }, { ...base, education: nextLevel })

  if (first?.language === 'english') {
    const french = base.secondLanguage
    const lowestFrench = french ? Math.min(...ABILITIES.map((a) => french.clb[a])) : null
    if (lowestFrench === null || lowestFrench < 7) {
      const clb = french ? { speaking: Math.max(7, french.clb.speaking), listening: Math.max(7, french.clb.listening), reading: Math.max(7, french.clb.reading), writing: Math.max(7, french.clb.writing) } : allAt(7)
      consider({ code: 'french-nclc-7', field: 'secondLanguage', description: 'a French test (TEF/TCF Canada) at NCLC 7 in all four abilities', from: lowestFrench, to: 7 }, { ...base, secondLanguage: { language: 'french', clb } })
    }
  } else if (first?.language === 'french' && !base.secondLanguage) {
    consider({ code: 'english-clb-5', field: 'secondLanguage', description: 'an English test (IELTS, CELPIP, PTE Core) at CLB 5 in all four abilities', from: null, to: 5 }, { ...base, secondLanguage: { language: 'english', clb: allAt(5) } })
  }

  const workChange = { code: 'canadian-work-year' as const, field: 'canadianWorkYears', description: `one more year of Canadian skilled work (${base.canadianWorkYears} -> ${base.canadianWorkYears + 1})`, from: base.canadianWorkYears, to: base.canadianWorkYears + 1 }
  const moreWork = { ...base, canadianWorkYears: base.canadianWorkYears + 1 }
  if (input.kind === 'profile') consider({ ...workChange, accruesOn: nextCanadianWorkYearOn(input.profile, asOf) }, moreWork)
  else consider(workChange, moreWork)

  if (hasScoringSpouse(base)) {
    const spouse = base.spouse!
    const lowest = spouse.language ? Math.min(...ABILITIES.map((a) => spouse.language![a])) : null
    for (const level of [7, 9]) {
      if (lowest !== null && lowest >= level) continue
      const language = spouse.language ? { speaking: Math.max(level, spouse.language.speaking), listening: Math.max(level, spouse.language.listening), reading: Math.max(level, spouse.language.reading), writing: Math.max(level, spouse.language.writing) } : allAt(level)
      consider({ code: 'spouse-language', field: 'spouse.language', description: `the spouse's language test at CLB ${level} in all four abilities`, from: lowest, to: level }, { ...base, spouse: { ...spouse, language } })
    }
  }

  if (input.kind === 'profile') {
    const swapped = swappedProfile(input.profile)
    if ('profile' in swapped) {
      consider({ code: 'swap-applicant-and-spouse', field: 'spouse', description: 'the spouse as principal applicant', from: 'applicant', to: 'spouse', note: swapped.note }, factorsOf(swapped.profile, asOf))
    } else if (input.profile.spouse) {
      notes.push(`swapping applicant and spouse not assessed: ${swapped.reason}`)
    }
  } else if (hasScoringSpouse(base)) {
    notes.push("swapping applicant and spouse needs a Profile: CrsFactors have no spouse's age, second language or foreign work")
  }

  if (!base.provincialNomination) consider({ code: 'provincial-nomination', field: 'provincialNomination', description: 'a provincial or territorial nomination', from: 'none', to: 'nominated' }, { ...base, provincialNomination: true })

  changes.sort((a, b) => b.gain - a.gain)
  return { asOf, score, changes, notes }
}

/** One day the score changes, and why. */
export interface TimelineEntry {
  readonly date: IsoDate
  readonly score: number
  readonly change: number
  readonly reasons: readonly string[]
}

export interface Timeline {
  readonly asOf: IsoDate
  readonly until: IsoDate
  readonly score: number
  readonly changes: readonly TimelineEntry[]
  readonly notes: readonly string[]
}

function clbText(c: Abilities | null | undefined): string {
  return c ? `${c.speaking}/${c.listening}/${c.reading}/${c.writing}` : 'none'
}

function reasonsBetween(before: CrsFactors, after: CrsFactors, rulesBefore: string, rulesAfter: string): string[] {
  const reasons: string[] = []
  if (after.age !== before.age) reasons.push(`age ${before.age} -> ${after.age}`)
  if (after.education !== before.education) reasons.push(`education ${before.education} -> ${after.education}`)
  if (after.canadianEducation !== before.canadianEducation) reasons.push(`Canadian education ${before.canadianEducation} -> ${after.canadianEducation}`)
  if (clbText(after.firstLanguage?.clb) !== clbText(before.firstLanguage?.clb)) reasons.push(after.firstLanguage ? `first language CLB ${clbText(before.firstLanguage?.clb)} -> ${clbText(after.firstLanguage.clb)}` : `first-language result (${before.firstLanguage?.language}) no longer valid`)
  if (clbText(after.secondLanguage?.clb) !== clbText(before.secondLanguage?.clb)) {
    // The second language scores only beside a first-language result: when that one expires, a valid
    // second-language result stops counting without having expired itself.
    if (after.secondLanguage) reasons.push(`second language ${clbText(before.secondLanguage?.clb)} -> ${clbText(after.secondLanguage.clb)}`)
    else if (before.firstLanguage && !after.firstLanguage) reasons.push(`second-language result (${before.secondLanguage?.language}) no longer counts without a valid first-language result`)
    else reasons.push(`second-language result (${before.secondLanguage?.language}) no longer valid`)
  }
  if (after.canadianWorkYears !== before.canadianWorkYears) reasons.push(`Canadian work ${before.canadianWorkYears} -> ${after.canadianWorkYears} year(s)`)
  if (after.foreignWorkYears !== before.foreignWorkYears) reasons.push(`foreign work ${before.foreignWorkYears} -> ${after.foreignWorkYears} year(s) (10-year window)`)
  if (after.provincialNomination !== before.provincialNomination) reasons.push('provincial nomination')
  const sb = before.spouse
  const sa = after.spouse
  if (sb && sa) {
    if (clbText(sa.language) !== clbText(sb.language)) reasons.push(sa.language ? `spouse's CLB ${clbText(sb.language)} -> ${clbText(sa.language)}` : "spouse's language result no longer valid")
    if (sa.education !== sb.education) reasons.push(`spouse's education ${sb.education} -> ${sa.education}`)
    if (sa.canadianWorkYears !== sb.canadianWorkYears) reasons.push(`spouse's Canadian work ${sb.canadianWorkYears} -> ${sa.canadianWorkYears} year(s)`)
  } else if (JSON.stringify(sa) !== JSON.stringify(sb)) {
    reasons.push("spouse's factors changed")
  }
  if (rulesAfter !== rulesBefore) reasons.push(`CRS rules change (${rulesAfter})`)
  return reasons
}

/**
 * The score on each day within `years` after `asOf` on which it changes, with the reasons. A Profile
 * is scored day by day (its facts carry dates); CrsFactors have none, so only the rule changes ahead
 * are dated and a note says what else would change.
 */
export function timeline(input: OutlookInput, asOf: IsoDate, years = 3): Timeline {
  const until = addYears(asOf, years)
  const first = scoreCrs(factorsAt(input, asOf), asOf)
  const changes: TimelineEntry[] = []
  const notes: string[] = []
  if (input.kind === 'factors') notes.push('CrsFactors carry no dates: the age goes up by one each year from the next birthday, and work years as they accrue; give a Profile for the dates')
  let previous = { factors: factorsAt(input, asOf), score: first.total, rules: first.rules }
  const end = toDayNumber(until)
  // Only the days on which something the score read can change are visited (the change calendar):
  // for a Profile, its facts' and the rules' days; for CrsFactors, the rules' days alone.
  const calendar = input.kind === 'profile' ? new ChangeCalendar(input.profile) : null
  const next = (day: IsoDate): number => {
    if (calendar === null || input.kind !== 'profile') return firstAfter(CRS_RULE_DAYS, toDayNumber(day))
    const f = new ProfileFacts(input.profile, day)
    crsFactorsOf(f)
    return calendar.holdsUntil(f, CRS_RULE_DAYS)
  }
  for (let d = next(asOf); d <= end; ) {
    const day = fromDayNumber(d)
    const factors = factorsAt(input, day)
    const result = scoreCrs(factors, day)
    if (result.total !== previous.score) {
      const reasons = reasonsBetween(previous.factors, factors, previous.rules, result.rules)
      if (input.kind === 'profile') {
        // Say which fact stopped counting (an ECA, a test), in factorsOf's words.
        const before = new Set(explainFactors(input.profile, addDays(day, -1)).notices.map((n) => n.path))
        for (const n of explainFactors(input.profile, day).notices) if (!before.has(n.path) && (n.code === 'eca_expired' || n.code === 'language_result_expired')) reasons.push(n.message)
      }
      changes.push({ date: day, score: result.total, change: result.total - previous.score, reasons })
    }
    previous = { factors, score: result.total, rules: result.rules }
    d = next(day)
  }
  return { asOf, until, score: first.total, changes, notes }
}
