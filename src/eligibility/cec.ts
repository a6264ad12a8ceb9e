/** Canadian Experience Class eligibility (rules.md §8.1). @module */
import { languageValidity } from '../rules/language/validity.js'
import { cecRequirements } from '../rules/programs/cec.js'
import type { Rule } from '../rules/rule.js'
import type { Job } from '../schemas/profile.js'
import { isCanadianSkilledWork, monthsOfHours, reaches, teerOf } from '../work/history.js'
import { bestResult, sourceOf, type Facts } from './facts.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls, thousands, yearsOfHours } from './language.js'
import type { UnmetCondition } from './types.js'

/** The rules checkCec reads for the date: its answer can change on the day one of their versions starts. */
export const cecRules: readonly Rule<unknown>[] = [cecRequirements, languageValidity]

const teer23 = (job: Job): boolean => isCanadianSkilledWork(job) && teerOf(job.noc) >= 2

/**
 * Whether the profile is eligible for CEC on the date. The CLB 5 threshold applies only when a full
 * year of the qualifying work can be made of TEER 2-3 work; otherwise (TEER 0-1, or a mix) CLB 7
 * (docs/decisions.md).
 */
export function checkCec(f: Facts, out: UnmetCondition[] | null): boolean {
  const { value: req, version } = cecRequirements.at(f.asOf)
  const source = sourceOf(cecRequirements, version)
  let ok = true
  const total = f.hours(req.windowYears, isCanadianSkilledWork)
  if (!reaches(total, req.experienceHours)) {
    if (!out) return false
    ok = false
    out.push({ code: 'canadian_experience_insufficient', message: `CEC needs ${yearsOfHours(req.experienceHours)} (${thousands(req.experienceHours)} hours) of full-time or equivalent paid TEER 0-3 work in Canada in the ${req.windowYears} years before ${f.asOf}, not self-employed and not while a full-time student; the profile has ${monthsOfHours(total).toFixed(1)} months`, source, params: { program: 'cec', windowYears: req.windowYears, asOf: f.asOf, months: Number(monthsOfHours(total).toFixed(1)) } })
  }
  const hours23 = f.hours(req.windowYears, teer23)
  const threshold = reaches(hours23, req.experienceHours) ? req.clbTeer23 : req.clbTeer01
  const language = f.profile.firstOfficialLanguage === 'english' ? 'English' : 'French'
  if (f.firstLanguage.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_language_result', message: `CEC needs a valid ${language} (first official language) test result less than ${f.validYears} years old on ${f.asOf}`, source, params: { program: 'cec', language: f.profile.firstOfficialLanguage, asOf: f.asOf } })
  } else if (!anyMeets(f.firstLanguage, threshold)) {
    if (!out) return false
    ok = false
    const why = threshold === req.clbTeer23 ? 'a year of TEER 2-3 work' : `TEER 0-1 work (CLB ${req.clbTeer23} applies only when a full year is TEER 2-3 work)`
    out.push({ code: 'language_below_minimum', message: `CEC needs ${describeMinimum(threshold)} of ${language} for ${why}; best valid result: ${shortfalls(f.firstLanguage, threshold)}`, source, params: { program: 'cec', language: f.profile.firstOfficialLanguage, minimum: abilitiesParam(threshold), best: abilitiesParam(bestResult(f.firstLanguage)) } })
  }
  return ok
}
