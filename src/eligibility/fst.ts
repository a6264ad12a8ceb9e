/** Federal Skilled Trades eligibility (rules.md §8.2). @module */
import { nocTitle } from '../noc/index.js'
import { settlementFundsTable } from '../rules/fsw/settlement-funds.js'
import { languageValidity } from '../rules/language/validity.js'
import { fstRequirements } from '../rules/programs/fst.js'
import type { Rule } from '../rules/rule.js'
import { monthsOfHours, reaches } from '../work/history.js'
import { checkFunds } from './funds.js'
import { bestResult, sourceOf, type Facts } from './facts.js'
import { abilitiesParam, anyMeets, describeMinimum, shortfalls, thousands, yearsOfHours } from './language.js'
import type { UnmetCondition } from './types.js'

/** The rules checkFst reads for the date (with funds.ts): its answer can change on the day one of their versions starts. */
export const fstRules: readonly Rule<unknown>[] = [fstRequirements, settlementFundsTable, languageValidity]

/**
 * Whether the profile is eligible for FST on the date: 2 years in one skilled trade within 5 years,
 * and a job offer or certificate of qualification in that same trade (unit group; docs/decisions.md),
 * and settlement funds; null (can't tell) when nothing fails but the funds are needed and not given
 * (recorded in `undecided`).
 */
export function checkFst(f: Facts, out: UnmetCondition[] | null, undecided: UnmetCondition[] | null = null): boolean | null {
  const { value: req, version } = fstRequirements.at(f.asOf)
  const source = sourceOf(fstRequirements, version)
  const p = f.profile
  let ok = true

  const language = p.firstOfficialLanguage === 'english' ? 'English' : 'French'
  if (f.firstLanguage.length === 0) {
    if (!out) return false
    ok = false
    out.push({ code: 'no_language_result', message: `FST needs a valid ${language} (first official language) test result less than ${f.validYears} years old on ${f.asOf}`, source, params: { program: 'fst', language: p.firstOfficialLanguage, asOf: f.asOf } })
  } else if (!anyMeets(f.firstLanguage, req.minimumClb)) {
    if (!out) return false
    ok = false
    out.push({ code: 'language_below_minimum', message: `FST needs ${describeMinimum(req.minimumClb)} of ${language}; best valid result: ${shortfalls(f.firstLanguage, req.minimumClb)}`, source, params: { program: 'fst', language: p.firstOfficialLanguage, minimum: abilitiesParam(req.minimumClb), best: abilitiesParam(bestResult(f.firstLanguage)) } })
  }

  // Trades with 2 years within 5 years; the best trade for the message.
  const qualifying: string[] = []
  let bestNoc = ''
  let bestHours = 0
  for (const noc of f.nocs) {
    if (!req.trades.has(noc)) continue
    const { hours } = f.occupation(noc, req.windowYears)
    if (reaches(hours, req.experienceHours)) qualifying.push(noc)
    if (hours > bestHours) [bestNoc, bestHours] = [noc, hours]
  }
  if (qualifying.length === 0) {
    if (!out) return false
    ok = false
    const best = bestNoc ? `; most: ${monthsOfHours(bestHours).toFixed(1)} months in ${bestNoc} (${nocTitle(bestNoc)})` : '; no work in an eligible trade'
    out.push({ code: 'trade_experience_insufficient', message: `FST needs ${yearsOfHours(req.experienceHours)} (${thousands(req.experienceHours)} hours) of full-time or equivalent work in one skilled trade in the ${req.windowYears} years before ${f.asOf}${best}`, source, params: { program: 'fst', windowYears: req.windowYears, asOf: f.asOf, noc: bestNoc, months: Number(monthsOfHours(bestHours).toFixed(1)) } })
  }

  const offer = p.jobOffer?.noc
  const certificate = p.certificateOfQualification?.noc
  const inTrade = (noc: string | undefined): boolean => noc !== undefined && req.trades.has(noc) && (qualifying.length === 0 || qualifying.includes(noc))
  if (!inTrade(offer) && !inTrade(certificate)) {
    if (!out) return false
    ok = false
    const held = [offer ? `job offer in ${offer}` : '', certificate ? `certificate in ${certificate}` : ''].filter(Boolean).join(' and ')
    const trade = qualifying.length > 0 ? `the trade of the experience (${qualifying.join(' or ')})` : 'an eligible skilled trade'
    out.push({ code: 'no_offer_or_certificate', message: `FST needs an offer of full-time work for at least a year, or a Canadian certificate of qualification, in ${trade}${held ? `; the profile has a ${held}` : ''}`, source, params: { program: 'fst', trades: qualifying.join(', ') } })
  }

  // Funds go last: without `out`, any failure above has returned false, so a null here is a true can't tell.
  const funds = checkFunds(f, out, undecided, 'FST')
  if (funds === false) {
    if (!out) return false
    ok = false
  }
  // A failed condition wins over one that cannot be decided.
  return ok && funds === null ? null : ok
}
