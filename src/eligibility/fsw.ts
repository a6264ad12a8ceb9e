/** Federal Skilled Worker eligibility: minimum requirements, the 67-point grid, funds (rules.md §7). @module */
import { nocTitle } from '../noc/index.js'
import { fswAdaptabilityTable } from '../rules/fsw/grid/adaptability.js'
import { fswAgeTable } from '../rules/fsw/grid/age.js'
import { fswArrangedEmploymentTable } from '../rules/fsw/grid/arranged-employment.js'
import { fswEducationTable } from '../rules/fsw/grid/education.js'
import { fswExperienceTable } from '../rules/fsw/grid/experience.js'
import { fswLanguageTable } from '../rules/fsw/grid/language.js'
import { fswMinimums } from '../rules/fsw/minimums.js'
import { languageValidity } from '../rules/language/validity.js'
import { fswProgramRules } from '../rules/index.js'
import type { Rule } from '../rules/rule.js'
import { pointsFor } from '../rules/fsw/shared.js'
import type { Credential, Job } from '../schemas/profile.js'
import { HOURS_PER_YEAR, isCanadianSkilledWork, isSkilledNoc, monthsOfHours, reaches, teerOf, wholeYears } from '../work/history.js'
import { checkFunds } from './funds.js'
import { bestResult, sourceOf, validityOn, type Facts } from './facts.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls, thousands, yearsOfHours } from './language.js'
import type { FswGrid, UnmetCondition } from './types.js'

/** The rules checkFsw reads for the date (with funds.ts): its answer can change on the day one of their versions starts. */
export const fswRules: readonly Rule<unknown>[] = [...fswProgramRules, languageValidity]

function pastStudyInCanada(credentials: readonly Credential[], years: number): boolean {
  return credentials.some((c) => c.country === 'CA' && c.programYears >= years)
}

/** The FSW selection grid on the date (IRPR 78-83). */
export function fswGrid(f: Facts): FswGrid {
  const p = f.profile
  const asOf = f.asOf

  const lang = fswLanguageTable.at(asOf).value
  let language = 0
  const first = bestResult(f.firstLanguage)
  if (first) {
    language += pointsFor(lang.firstLanguagePerAbility, first.speaking) + pointsFor(lang.firstLanguagePerAbility, first.listening)
    language += pointsFor(lang.firstLanguagePerAbility, first.reading) + pointsFor(lang.firstLanguagePerAbility, first.writing)
  }
  if (anyMeets(f.secondLanguage, lang.secondLanguageMinimumClb)) language += lang.secondLanguagePoints
  language = Math.min(language, lang.max)

  const education = fswEducationTable.at(asOf).value[f.educationLevel]

  const exp = fswExperienceTable.at(asOf).value
  const experience = pointsFor(exp.rows, wholeYears(f.hours(exp.windowYears, skilled)))

  const age = fswAgeTable.at(asOf).value.byAge[f.age] ?? 0

  const arranged = fswArrangedEmploymentTable.at(asOf).value
  const arrangedEmployment = p.jobOffer !== null && teerOf(p.jobOffer.noc) <= arranged.maxTeer ? arranged.points : 0

  const a = fswAdaptabilityTable.at(asOf).value
  let adaptability = 0
  const spouse = f.accompanyingSpouse
  // "Past work in Canada" has no window in IRPR 83: all the time before the date.
  if (spouse) {
    if (anyMeets(f.spouseLanguage, a.spouseLanguageMinimumClb)) adaptability += a.spouseLanguage
    if (pastStudyInCanada(f.spouseCompletedCredentials, a.pastStudyYears)) adaptability += a.spousePastStudy
    if (reaches(f.spouseHours(null, isCanadianSkilledWork), HOURS_PER_YEAR)) adaptability += a.spousePastWork
  }
  if (pastStudyInCanada(f.countingCredentials, a.pastStudyYears)) adaptability += a.pastStudy
  if (reaches(f.hoursEver(isCanadianSkilledWork), HOURS_PER_YEAR)) adaptability += a.pastWork
  if (arrangedEmployment > 0) adaptability += a.arrangedEmployment
  if (p.siblingInCanada) adaptability += a.relative
  adaptability = Math.min(adaptability, a.max)

  return { language, education, experience, age, arrangedEmployment, adaptability }
}

const skilled = (job: Job): boolean => isSkilledNoc(job.noc)

export function gridTotal(g: FswGrid): number {
  return g.language + g.education + g.experience + g.age + g.arrangedEmployment + g.adaptability
}

/** The longest continuous skilled span in one occupation within the window: [noc, hours]. */
function bestContinuousOccupation(f: Facts, windowYears: number, maxTeer: number): [string, number] {
  let best: [string, number] = ['', 0]
  for (const noc of f.nocs) {
    if (teerOf(noc) > maxTeer) continue
    const { longestContinuousHours } = f.occupation(noc, windowYears)
    if (longestContinuousHours > best[1]) best = [noc, longestContinuousHours]
  }
  return best
}

/**
 * Whether the profile is eligible for FSW on the date: true, false, or null (can't tell: no condition
 * fails but settlement funds are needed and not given, recorded in `undecided`). With `out`, every unmet
 * condition is recorded; without, it stops at the first. `grid` is reused when already computed.
 */
export function checkFsw(f: Facts, out: UnmetCondition[] | null, grid: FswGrid | null = null, undecided: UnmetCondition[] | null = null): boolean | null {
  const asOf = f.asOf
  const { value: min, version } = fswMinimums.at(asOf)
  const source = sourceOf(fswMinimums, version)
  const language = f.profile.firstOfficialLanguage === 'english' ? 'English' : 'French'
  let ok = true

  if (f.firstLanguage.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_language_result', message: `FSW needs a valid ${language} (first official language) test result less than ${f.validYears} years old on ${asOf}`, source, params: { program: 'fsw', language: f.profile.firstOfficialLanguage, asOf } })
  } else if (!anyMeets(f.firstLanguage, min.firstLanguageClb)) {
    if (!out) return false
    ok = false
    out.push({ code: 'language_below_minimum', message: `FSW needs ${describeMinimum(min.firstLanguageClb)} of ${language}; best valid result: ${shortfalls(f.firstLanguage, min.firstLanguageClb)}`, source, params: { program: 'fsw', language: f.profile.firstOfficialLanguage, minimum: abilitiesParam(min.firstLanguageClb), best: abilitiesParam(bestResult(f.firstLanguage)) } })
  }

  const [noc, hours] = bestContinuousOccupation(f, min.experienceWindowYears, min.maxTeer)
  if (!reaches(hours, min.experienceHours)) {
    if (!out) return false
    ok = false
    const best = noc ? `; longest: ${monthsOfHours(hours).toFixed(1)} months in ${noc} (${nocTitle(noc)})` : '; none found'
    out.push({ code: 'experience_insufficient', message: `FSW needs ${yearsOfHours(min.experienceHours)} (${thousands(min.experienceHours)} hours) of continuous full-time or equivalent part-time paid work in one TEER 0-3 occupation in the ${min.experienceWindowYears} years before ${asOf}${best}`, source, params: { program: 'fsw', windowYears: min.experienceWindowYears, asOf, noc, months: Number(monthsOfHours(hours).toFixed(1)) } })
  }

  if (f.countingCredentials.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_education', message: `FSW needs a Canadian credential, or a foreign one with an ECA less than ${validityOn(asOf).ecaYears} years old, completed by ${asOf}`, source: sourceOf(fswMinimums, version, 1), params: { program: 'fsw', asOf } })
  }

  const g = grid ?? fswGrid(f)
  const points = gridTotal(g)
  if (points < min.passMark) {
    if (!out) return false
    ok = false
    out.push({ code: 'grid_below_pass_mark', message: `FSW needs ${min.passMark} of 100 points on the selection grid; the profile scores ${points} (language ${g.language}, education ${g.education}, experience ${g.experience}, age ${g.age}, arranged employment ${g.arrangedEmployment}, adaptability ${g.adaptability})`, source, params: { program: 'fsw', passMark: min.passMark, points } })
  }

  // Funds go last: without `out`, any failure above has returned false, so a null here is a true can't tell.
  const funds = checkFunds(f, out, undecided, 'FSW')
  if (funds === false) {
    if (!out) return false
    ok = false
  }
  // A failed condition wins over one that cannot be decided.
  return ok && funds === null ? null : ok
}
