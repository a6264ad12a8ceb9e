/**
 * factorsOf: the CrsFactors of a Profile on a date, read from its facts on that date (src/facts, the
 * derivation every path shares): age in full years, the education that counts, CLB from the results
 * still valid, full-time-equivalent work years, the nomination held, spouse factors.
 * @module
 */
import { CRS_WORK_WINDOW_YEARS } from '../rules/crs/shared.js'
import type { IsoDate } from '../domain/dates.js'
import { bestResult, credentialStatus, educationLevelOf, factsOn, resultStatus, validityOn, type ProfileFacts } from '../facts/profile-facts.js'
import { spouseLanguageTable } from '../rules/crs/spouse/language.js'
import { pointsForLevel } from '../rules/rule.js'
import type { Abilities } from '../schemas/common.js'
import type { CrsFactors, CrsSpouse } from '../schemas/crs-factors.js'
import type { Credential, LanguageTest, Profile } from '../schemas/profile.js'
import { teerOf } from '../work/history.js'
import { crsRulesAt } from './rule-set.js'
import { scoreCrs } from './score.js'

export { educationLevelOf }

/** Something in the profile that did not count on the date, and why. */
export interface FactorNotice {
  readonly code: 'language_result_expired' | 'language_result_future' | 'eca_expired' | 'credential_not_completed' | 'no_first_language_result' | 'nomination_after_date' | 'spouse_missing'
  readonly path: string
  readonly message: string
  /** The message's values, so a surface can word it in another language. */
  readonly params?: Readonly<Record<string, string | number>>
}


function sumClb(clb: Abilities): number {
  return clb.speaking + clb.listening + clb.reading + clb.writing
}

/**
 * With several valid results in a language, the candidate declares the one that serves them best
 * (docs/decisions.md 12): score each choice of first and second language result, keep the highest.
 */
function bestLanguageChoice(factors: CrsFactors, firstChoices: readonly Abilities[], secondResults: readonly Abilities[], asOf: IsoDate): CrsFactors {
  const firstLanguage = factors.firstLanguage!.language
  const secondLanguage = firstLanguage === 'english' ? 'french' : 'english'
  const secondChoices: readonly (Abilities | null)[] = secondResults.length > 0 ? secondResults : [null]
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

function spouseFactors(f: ProfileFacts): CrsSpouse {
  const spouse = f.spouse!
  // Only the spouse's first official language scores: when both were tested, take the one that gives
  // more spouse-language points (docs/decisions.md 13), then the higher CLB sum.
  const english = bestResult(f.spouseResults('english'))
  const french = bestResult(f.spouseResults('french'))
  let language = english ?? french
  if (english && french) {
    const rows = spouseLanguageTable.valueAt(f.asOf) ?? []
    const e = spouseLanguagePoints(english, rows)
    const fr = spouseLanguagePoints(french, rows)
    language = fr > e || (fr === e && sumClb(french) > sumClb(english)) ? french : english
  }
  return {
    accompanying: spouse.accompanying,
    canadianCitizenOrPR: spouse.canadianCitizenOrPR,
    education: educationLevelOf(f.spouseCountingCredentials),
    language,
    canadianWorkYears: f.canadianWorkYears(CRS_WORK_WINDOW_YEARS, true),
  }
}

/** The job-offer answer of the CRS for an offer in a NOC 2021 unit group. */
export function jobOfferKind(noc: string | null | undefined): CrsFactors['jobOffer'] {
  if (!noc) return 'none'
  if (noc.startsWith('00')) return 'noc-00'
  return teerOf(noc) <= 3 ? 'teer-0-3' : 'none'
}

/** The CrsFactors of a profile's facts on their date. */
export function crsFactorsOf(f: ProfileFacts): CrsFactors {
  const profile = f.profile
  const asOf = f.asOf
  // Checks the date once (cached): invalid_input for a malformed date, rule_not_in_force before 2015-01-01.
  crsRulesAt(asOf)
  const firstResults = f.firstLanguage
  const secondResults = f.secondLanguage
  const firstClb = bestResult(firstResults)
  const secondClb = bestResult(secondResults)
  const firstLanguage = profile.firstOfficialLanguage
  const secondLanguage = firstLanguage === 'english' ? 'french' : 'english'
  const factors: CrsFactors = {
    age: f.age,
    education: f.educationLevel,
    canadianEducation: f.canadianEducation,
    firstLanguage: firstClb ? { language: firstLanguage, clb: firstClb } : null,
    secondLanguage: firstClb && secondClb ? { language: secondLanguage, clb: secondClb } : null,
    canadianWorkYears: f.canadianWorkYears(CRS_WORK_WINDOW_YEARS),
    foreignWorkYears: f.foreignWorkYears(CRS_WORK_WINDOW_YEARS),
    certificateOfQualification: profile.certificateOfQualification !== null,
    jobOffer: jobOfferKind(profile.jobOffer?.noc),
    provincialNomination: f.nomination !== null,
    siblingInCanada: profile.siblingInCanada,
    spouse: f.spouse ? spouseFactors(f) : null,
  }
  return firstClb && (firstResults.length > 1 || secondResults.length > 1) ? bestLanguageChoice(factors, firstResults, secondResults, asOf) : factors
}

/** What did not count on the date, and why: the same statuses the facts apply (resultStatus, credentialStatus). */
function noticesOf(profile: Profile, f: ProfileFacts): FactorNotice[] {
  const asOf = f.asOf
  const notices: FactorNotice[] = []
  const { resultYears, ecaYears } = validityOn(asOf)
  const credentials = (list: readonly Credential[], path: string): void => {
    list.forEach((c, i) => {
      const status = credentialStatus(c, asOf)
      if (status === 'not-completed') notices.push({ code: 'credential_not_completed', path: `${path}.${i}`, message: `${c.level} credential completed on ${c.completedOn}, after ${asOf}: not counted`, params: { level: c.level, completedOn: c.completedOn, asOf } })
      else if (status === 'eca-expired') notices.push({ code: 'eca_expired', path: `${path}.${i}.eca`, message: `ECA issued ${c.eca!.issuedOn} is ${ecaYears} years old on ${asOf}: the ${c.level} credential does not count`, params: { level: c.level, issuedOn: c.eca!.issuedOn, asOf, years: ecaYears } })
    })
  }
  const results = (list: readonly LanguageTest[], path: string): void => {
    list.forEach((t, i) => {
      const status = resultStatus(t.testDate, asOf)
      if (status === 'future') notices.push({ code: 'language_result_future', path: `${path}.${i}`, message: `${t.test} taken on ${t.testDate}, after ${asOf}: not counted`, params: { test: t.test, testDate: t.testDate, asOf } })
      else if (status === 'expired') notices.push({ code: 'language_result_expired', path: `${path}.${i}`, message: `${t.test} taken on ${t.testDate} is ${resultYears} years old on ${asOf} and no longer counts; a new test is needed`, params: { test: t.test, testDate: t.testDate, asOf, years: resultYears } })
    })
  }
  credentials(profile.education, 'education')
  results(profile.languageTests, 'languageTests')
  if (f.firstLanguage.length === 0) notices.push({ code: 'no_first_language_result', path: 'languageTests', message: `no valid ${profile.firstOfficialLanguage} test result on ${asOf}: no first-language points, and not eligible for any program`, params: { language: profile.firstOfficialLanguage, asOf } })
  const nomination = profile.provincialNomination
  if (nomination && nomination.nominatedOn > asOf) notices.push({ code: 'nomination_after_date', path: 'provincialNomination.nominatedOn', message: `nominated on ${nomination.nominatedOn}, after ${asOf}: not counted`, params: { nominatedOn: nomination.nominatedOn, asOf } })
  if (f.partnered && !profile.spouse) notices.push({ code: 'spouse_missing', path: 'spouse', message: `maritalStatus is ${profile.maritalStatus} but no spouse is given: scored as single`, params: { maritalStatus: profile.maritalStatus } })
  if (f.spouse) {
    results(f.spouse.languageTests, 'spouse.languageTests')
    credentials(f.spouse.education, 'spouse.education')
  }
  return notices
}

/**
 * The CrsFactors of a parsed Profile on `asOf`.
 * @example
 * factorsOf(profile, '2023-07-05').age //=> 29
 */
export function factorsOf(profile: Profile, asOf: IsoDate): CrsFactors {
  return crsFactorsOf(factsOn(profile, asOf))
}

/** The CrsFactors of a Profile on `asOf`, with a notice for each fact that did not count, and why. */
export function explainFactors(profile: Profile, asOf: IsoDate): { factors: CrsFactors; notices: FactorNotice[] } {
  const f = factsOn(profile, asOf)
  const factors = crsFactorsOf(f)
  return { factors, notices: noticesOf(profile, f) }
}
