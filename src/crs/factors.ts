/**
 * factorsOf: CrsFactors derived from a Profile's facts on a date: age in full years, the education
 * that counts, CLB from the test results still valid, full-time-equivalent work years, spouse factors.
 * @module
 */
import { addYears, fullYearsBetween, type IsoDate } from '../domain/dates.js'
import { languageOfTest, toClb } from '../language/tests.js'
import { languageValidity } from '../rules/language/validity.js'
import { spouseLanguageTable } from '../rules/crs/spouse/language.js'
import { pointsForLevel } from '../rules/rule.js'
import type { Abilities } from '../schemas/common.js'
import type { CrsFactors, CrsSpouse, EducationLevel } from '../schemas/crs-factors.js'
import type { Credential, LanguageTest, Profile, ProfileSpouse } from '../schemas/profile.js'
import { fullYearsInWindow, isCanadianSkilledWork, isForeignSkilledWork, teerOf } from '../work/history.js'
import { crsRulesAt } from './rule-set.js'
import { scoreCrs } from './score.js'

/** Something in the profile that did not count on the date, and why. */
export interface FactorNotice {
  readonly code: 'language_result_expired' | 'language_result_future' | 'eca_expired' | 'credential_not_completed' | 'no_first_language_result' | 'nomination_after_date' | 'spouse_missing'
  readonly path: string
  readonly message: string
  /** The message's values, so a surface can word it in another language. */
  readonly params?: Readonly<Record<string, string | number>>
}

const RANK: Readonly<Record<EducationLevel, number>> = { none: 0, secondary: 1, 'one-year': 2, 'two-year': 3, bachelors: 4, 'two-or-more': 5, masters: 6, doctoral: 7 }

/** An ECA counts for 5 years from its issue date (MI 2017-1 s.3(4), S4). */
const ECA_VALID_YEARS = 5

function countingCredentials(credentials: readonly Credential[], asOf: IsoDate, path: string, notices: FactorNotice[] | null): Credential[] {
  const counting: Credential[] = []
  for (let i = 0; i < credentials.length; i++) {
    const c = credentials[i]!
    if (c.completedOn > asOf) {
      notices?.push({ code: 'credential_not_completed', path: `${path}.${i}`, message: `${c.level} credential completed on ${c.completedOn}, after ${asOf}: not counted`, params: { level: c.level, completedOn: c.completedOn, asOf } })
    } else if (c.eca && addYears(c.eca.issuedOn, ECA_VALID_YEARS) <= asOf) {
      notices?.push({ code: 'eca_expired', path: `${path}.${i}.eca`, message: `ECA issued ${c.eca.issuedOn} is 5 years old on ${asOf}: the ${c.level} credential does not count`, params: { level: c.level, issuedOn: c.eca.issuedOn, asOf, years: ECA_VALID_YEARS } })
    } else {
      counting.push(c)
    }
  }
  return counting
}

function isLongProgram(c: Credential): boolean {
  return c.programYears >= 3 || c.level === 'bachelors' || c.level === 'masters' || c.level === 'doctoral'
}

/**
 * The education level of a set of credentials: the highest one, or `two-or-more` for two or more
 * post-secondary credentials one of which is from a program of 3+ years (MI s.11(3), rules.md §10.3).
 */
export function educationLevelOf(credentials: readonly Credential[]): EducationLevel {
  let best: EducationLevel = 'none'
  let postSecondary = 0
  let long = false
  for (const c of credentials) {
    if (RANK[c.level] > RANK[best]) best = c.level
    if (c.level !== 'secondary') {
      postSecondary++
      if (isLongProgram(c)) long = true
    }
  }
  if (postSecondary >= 2 && long && RANK['two-or-more'] > RANK[best]) return 'two-or-more'
  return best
}

function canadianEducationOf(credentials: readonly Credential[]): CrsFactors['canadianEducation'] {
  let result: CrsFactors['canadianEducation'] = 'none'
  for (const c of credentials) {
    if (c.country !== 'CA' || c.level === 'secondary') continue
    // MI s.30: 3+ year programs, and master's, professional or doctoral degrees, give the higher points.
    if (isLongProgram(c)) return 'three-year-or-more'
    result = 'one-or-two-year'
  }
  return result
}

function sumClb(clb: Abilities): number {
  return clb.speaking + clb.listening + clb.reading + clb.writing
}

/**
 * The valid results per official language on `asOf`: the best by lowest ability then sum, and, only
 * when a language has several, all of them (so the one that scores most can be chosen).
 */
interface BestResults {
  english: Abilities | null
  french: Abilities | null
  allEnglish: Abilities[] | null
  allFrench: Abilities[] | null
}

function isBetter(clb: Abilities, than: Abilities | null): boolean {
  if (!than) return true
  const a = Math.min(clb.speaking, clb.listening, clb.reading, clb.writing)
  const b = Math.min(than.speaking, than.listening, than.reading, than.writing)
  return a > b || (a === b && sumClb(clb) > sumClb(than))
}

function bestResults(tests: readonly LanguageTest[], asOf: IsoDate, path: string, notices: FactorNotice[] | null): BestResults {
  const validYears = languageValidity.valueAt(asOf)!.years
  const best: BestResults = { english: null, french: null, allEnglish: null, allFrench: null }
  // A result taken on or before this day is `validYears` old on asOf (Feb 29 results checked exactly below).
  const expiredUpTo = tests.length > 0 ? addYears(asOf, -validYears) : asOf
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i]!
    if (t.testDate > asOf) {
      notices?.push({ code: 'language_result_future', path: `${path}.${i}`, message: `${t.test} taken on ${t.testDate}, after ${asOf}: not counted`, params: { test: t.test, testDate: t.testDate, asOf } })
      continue
    }
    if (t.testDate <= expiredUpTo || (t.testDate.endsWith('-02-29') && addYears(t.testDate, validYears) <= asOf)) {
      notices?.push({ code: 'language_result_expired', path: `${path}.${i}`, message: `${t.test} taken on ${t.testDate} is ${validYears} years old on ${asOf} and no longer counts; a new test is needed`, params: { test: t.test, testDate: t.testDate, asOf, years: validYears } })
      continue
    }
    const clb = toClb(t.test, t.testDate, t)
    const language = languageOfTest(t.test)
    const current = best[language]
    if (current) {
      const all = language === 'english' ? (best.allEnglish ??= [current]) : (best.allFrench ??= [current])
      all.push(clb)
    }
    if (isBetter(clb, current)) best[language] = clb
  }
  return best
}

/**
 * With several valid results in a language, the candidate declares the one that serves them best
 * (docs/decisions.md 12): score each choice of first and second language result, keep the highest.
 */
function bestLanguageChoice(factors: CrsFactors, results: BestResults, firstLanguage: 'english' | 'french', asOf: IsoDate): CrsFactors {
  const firstChoices = (firstLanguage === 'english' ? results.allEnglish : results.allFrench) ?? (factors.firstLanguage ? [factors.firstLanguage.clb] : [])
  const secondChoices: (Abilities | null)[] = (firstLanguage === 'english' ? results.allFrench : results.allEnglish) ?? [factors.secondLanguage?.clb ?? null]
  const secondLanguage = firstLanguage === 'english' ? 'french' : 'english'
  let best = factors
  let bestTotal = scoreCrs(factors, asOf).total
  for (const first of firstChoices) {
    for (const second of secondChoices) {
      const candidate: CrsFactors = { ...factors, firstLanguage: { language: firstLanguage, clb: first }, secondLanguage: second ? { language: secondLanguage, clb: second } : null }
      const total = scoreCrs(candidate, asOf).total
      if (total > bestTotal) {
        best = candidate
        bestTotal = total
      }
    }
  }
  return best
}

function spouseLanguagePoints(clb: Abilities, rows: readonly (readonly [number, number])[]): number {
  return pointsForLevel(rows, clb.speaking) + pointsForLevel(rows, clb.listening) + pointsForLevel(rows, clb.reading) + pointsForLevel(rows, clb.writing)
}

function spouseFactors(spouse: ProfileSpouse, asOf: IsoDate, notices: FactorNotice[] | null): CrsSpouse {
  const results = bestResults(spouse.languageTests, asOf, 'spouse.languageTests', notices)
  // Only the spouse's first official language scores: when both were tested, take the one that gives
  // more spouse-language points (docs/decisions.md 13), then the higher CLB sum.
  const { english, french } = results
  let language = english ?? french
  if (english && french) {
    const rows = spouseLanguageTable.valueAt(asOf) ?? []
    const e = spouseLanguagePoints(english, rows)
    const f = spouseLanguagePoints(french, rows)
    language = f > e || (f === e && sumClb(french) > sumClb(english)) ? french : english
  }
  return {
    accompanying: spouse.accompanying,
    canadianCitizenOrPR: spouse.canadianCitizenOrPR,
    education: educationLevelOf(countingCredentials(spouse.education, asOf, 'spouse.education', notices)),
    language,
    canadianWorkYears: fullYearsInWindow(spouse.work, asOf, 10, isCanadianSkilledWork),
  }
}

/** The job-offer answer of the CRS for an offer in a NOC 2021 unit group. */
export function jobOfferKind(noc: string | null | undefined): CrsFactors['jobOffer'] {
  if (!noc) return 'none'
  if (noc.startsWith('00')) return 'noc-00'
  return teerOf(noc) <= 3 ? 'teer-0-3' : 'none'
}

function derive(profile: Profile, asOf: IsoDate, notices: FactorNotice[] | null): CrsFactors {
  // Checks the date once (cached): invalid_input for a malformed date, rule_not_in_force before 2015-01-01.
  crsRulesAt(asOf)
  const credentials = countingCredentials(profile.education, asOf, 'education', notices)
  const results = bestResults(profile.languageTests, asOf, 'languageTests', notices)
  const firstLanguage = profile.firstOfficialLanguage
  const secondLanguage = firstLanguage === 'english' ? 'french' : 'english'
  const firstClb = results[firstLanguage]
  const secondClb = results[secondLanguage]
  if (!firstClb) notices?.push({ code: 'no_first_language_result', path: 'languageTests', message: `no valid ${firstLanguage} test result on ${asOf}: no first-language points, and not eligible for any program`, params: { language: firstLanguage, asOf } })
  const partnered = profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law'
  const nomination = profile.provincialNomination
  if (nomination && nomination.nominatedOn > asOf) notices?.push({ code: 'nomination_after_date', path: 'provincialNomination.nominatedOn', message: `nominated on ${nomination.nominatedOn}, after ${asOf}: not counted`, params: { nominatedOn: nomination.nominatedOn, asOf } })
  if (partnered && !profile.spouse) notices?.push({ code: 'spouse_missing', path: 'spouse', message: `maritalStatus is ${profile.maritalStatus} but no spouse is given: scored as single`, params: { maritalStatus: profile.maritalStatus } })
  const factors: CrsFactors = {
    age: Math.max(0, fullYearsBetween(profile.dateOfBirth, asOf)),
    education: educationLevelOf(credentials),
    canadianEducation: canadianEducationOf(credentials),
    firstLanguage: firstClb ? { language: firstLanguage, clb: firstClb } : null,
    secondLanguage: firstClb && secondClb ? { language: secondLanguage, clb: secondClb } : null,
    canadianWorkYears: fullYearsInWindow(profile.work, asOf, 10, isCanadianSkilledWork),
    foreignWorkYears: fullYearsInWindow(profile.work, asOf, 10, isForeignSkilledWork),
    certificateOfQualification: profile.certificateOfQualification !== null,
    jobOffer: jobOfferKind(profile.jobOffer?.noc),
    provincialNomination: nomination !== null && nomination.nominatedOn <= asOf,
    siblingInCanada: profile.siblingInCanada,
    spouse: partnered && profile.spouse ? spouseFactors(profile.spouse, asOf, notices) : null,
  }
  return firstClb && (results.allEnglish || results.allFrench) ? bestLanguageChoice(factors, results, firstLanguage, asOf) : factors
}

/**
 * The CrsFactors of a parsed Profile on `asOf`.
 * @example
 * factorsOf(profile, '2023-07-05').age //=> 29
 */
export function factorsOf(profile: Profile, asOf: IsoDate): CrsFactors {
  return derive(profile, asOf, null)
}

/** The CrsFactors of a Profile on `asOf`, with a notice for each fact that did not count, and why. */
export function explainFactors(profile: Profile, asOf: IsoDate): { factors: CrsFactors; notices: FactorNotice[] } {
  const notices: FactorNotice[] = []
  return { factors: derive(profile, asOf, notices), notices }
}
