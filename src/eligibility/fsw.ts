/** Federal Skilled Worker eligibility: minimum requirements, the 67-point grid, funds (rules.md §7). @module */
import { fullYearsBetween } from '../domain/dates.js'
import { educationLevelOf } from '../crs/factors.js'
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
import { pointsFor, type PointRows } from '../rules/fsw/shared.js'
import type { Credential, Job } from '../schemas/profile.js'
import { HOURS_PER_YEAR, hoursInWindow, isCanadianSkilledWork, isSkilledNoc, monthsOfHours, reaches, teerOf, wholeYears, type DayWindow } from '../work/history.js'
import { checkFunds } from './funds.js'
import { bestResult, sourceOf, type Facts } from './facts.js'
import { reachesHoldsUntil, wholeYearsHoldUntil } from './holds.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls } from './language.js'
import type { FswGrid, UnmetCondition } from './types.js'

/** The rules checkFsw reads for the date (with funds.ts): its answer can change on the day one of their versions starts. */
export const fswRules: readonly Rule<unknown>[] = [...fswProgramRules, languageValidity]

/** All of a person's past (for "past work in Canada", which has no window in IRPR 83). */
const ALL_TIME_START = -1_000_000

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

  const education = fswEducationTable.at(asOf).value[educationLevelOf(f.countingCredentials)]

  const exp = fswExperienceTable.at(asOf).value
  const experience = pointsFor(exp.rows, wholeYears(f.hours(exp.windowYears, skilled)))

  const age = fswAgeTable.at(asOf).value.byAge[Math.max(0, fullYearsBetween(p.dateOfBirth, asOf))] ?? 0

  const arranged = fswArrangedEmploymentTable.at(asOf).value
  const arrangedEmployment = p.jobOffer !== null && teerOf(p.jobOffer.noc) <= arranged.maxTeer ? arranged.points : 0

  const a = fswAdaptabilityTable.at(asOf).value
  let adaptability = 0
  const spouse = f.accompanyingSpouse
  const allTime: DayWindow = { start: ALL_TIME_START, end: f.asOfDay }
  if (spouse) {
    if (anyMeets(f.spouseLanguage, a.spouseLanguageMinimumClb)) adaptability += a.spouseLanguage
    if (pastStudyInCanada(spouse.education.filter((c) => c.completedOn <= asOf), a.pastStudyYears)) adaptability += a.spousePastStudy
    if (reaches(hoursInWindow(spouse.work, allTime, isCanadianSkilledWork), HOURS_PER_YEAR)) adaptability += a.spousePastWork
  }
  if (pastStudyInCanada(f.countingCredentials, a.pastStudyYears)) adaptability += a.pastStudy
  if (reaches(f.hoursIn(allTime, isCanadianSkilledWork), HOURS_PER_YEAR)) adaptability += a.pastWork
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
 * Whether the profile is eligible for FSW on the date. With `out`, every unmet condition is recorded;
 * without, it stops at the first. `grid` is reused when already computed.
 */
export function checkFsw(f: Facts, out: UnmetCondition[] | null, grid: FswGrid | null = null): boolean {
  const asOf = f.asOf
  const { value: min, version } = fswMinimums.at(asOf)
  const source = sourceOf(fswMinimums, version)
  const language = f.profile.firstOfficialLanguage === 'english' ? 'English' : 'French'
  let ok = true

  if (f.firstLanguage.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_language_result', message: `FSW needs a valid ${language} (first official language) test result less than 2 years old on ${asOf}`, source, params: { program: 'fsw', language: f.profile.firstOfficialLanguage, asOf } })
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
    out.push({ code: 'experience_insufficient', message: `FSW needs 1 year (1,560 hours) of continuous full-time or equivalent part-time paid work in one TEER 0-3 occupation in the ${min.experienceWindowYears} years before ${asOf}${best}`, source, params: { program: 'fsw', windowYears: min.experienceWindowYears, asOf, noc, months: Number(monthsOfHours(hours).toFixed(1)) } })
  }

  if (f.countingCredentials.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_education', message: `FSW needs a Canadian credential, or a foreign one with an ECA less than 5 years old, completed by ${asOf}`, source: sourceOf(fswMinimums, version, 1), params: { program: 'fsw', asOf } })
  }

  const g = grid ?? fswGrid(f)
  const points = gridTotal(g)
  if (points < min.passMark) {
    if (!out) return false
    ok = false
    out.push({ code: 'grid_below_pass_mark', message: `FSW needs ${min.passMark} of 100 points on the selection grid; the profile scores ${points} (language ${g.language}, education ${g.education}, experience ${g.experience}, age ${g.age}, arranged employment ${g.arrangedEmployment}, adaptability ${g.adaptability})`, source, params: { program: 'fsw', passMark: min.passMark, points } })
  }

  if (!checkFunds(f, out, 'FSW')) {
    if (!out) return false
    ok = false
  }
  return ok
}

/** The values that fall in the same row of `rows` (highest minimum first) as `value`: [lowest, highest]. */
function rowYears(rows: PointRows, value: number): [number, number] {
  for (let i = 0; i < rows.length; i++) if (value >= rows[i]![0]) return [rows[i]![0], i === 0 ? Number.POSITIVE_INFINITY : rows[i - 1]![0] - 1]
  return [Number.NEGATIVE_INFINITY, rows.length === 0 ? Number.POSITIVE_INFINITY : rows[rows.length - 1]![0] - 1]
}

/**
 * The first day (day number, after the date) on which checkFsw's answer could change through work
 * hours alone: the longest continuous span in each TEER 0-3 occupation against the year of the minimum
 * requirements, the whole years of skilled work within their row of grid points, and the past work in
 * Canada of the candidate and of an accompanying spouse against a year for adaptability (holds.ts).
 * The other inputs change only on known days, which the caller must add: the starts of the versions of
 * fswRules; the test date and expiry of each result of the candidate and of the spouse; each
 * credential's completion and the expiry of its ECA, and the spouse's credentials' completion; the
 * candidate's birthdays (and the day after each); the first day and the day after the last of each job
 * in Canada (funds are waived while working in Canada with an offer).
 */
export function fswHoursHoldUntil(f: Facts): number {
  const day = f.asOfDay
  const min = fswMinimums.at(f.asOf).value
  let until = Number.POSITIVE_INFINITY
  for (const noc of f.nocs) {
    if (teerOf(noc) > min.maxTeer) continue
    until = Math.min(until, reachesHoldsUntil(day, f.occupation(noc, min.experienceWindowYears).longestContinuousHours, min.experienceHours))
  }
  // The grid's experience points stay while the whole years stay in their row.
  const exp = fswExperienceTable.at(f.asOf).value
  const hours = f.hours(exp.windowYears, skilled)
  const [lowest, highest] = rowYears(exp.rows, wholeYears(hours))
  until = Math.min(until, wholeYearsHoldUntil(day, hours, lowest, highest))
  const allTime: DayWindow = { start: ALL_TIME_START, end: day }
  until = Math.min(until, reachesHoldsUntil(day, f.hoursIn(allTime, isCanadianSkilledWork), HOURS_PER_YEAR))
  const spouse = f.accompanyingSpouse
  if (spouse) until = Math.min(until, reachesHoldsUntil(day, hoursInWindow(spouse.work, allTime, isCanadianSkilledWork), HOURS_PER_YEAR))
  return until
}
