/**
 * The sentences of web/src/journey/messages.ts in English (it loads one language's only; the French,
 * web/src/words/messages.fr.ts, implements the same `MessageWords`, so both have every sentence).
 * @module
 */
import type { WhatIf } from '../../../src/history/outlook.js'

/** The parameters of a code, dates already written as the page's language writes them. */
export type Params = Readonly<Record<string, string | number>>
type Value = string | number | undefined

/** The sentences of messages.ts in one language: codes the language has no wording for give undefined (the library's message). */
export interface MessageWords {
  /** "English", "French" ("anglais", "français"). */
  languageName(l: Value): string
  /** Each category's name (the keys of web/src/journey/messages.ts's category ids). */
  readonly categoryNames: Readonly<Record<string, string>>
  /** IRCC's round names worded in this language, where they are not the category's (empty in English: the English name is IRCC's). */
  readonly roundNames: Readonly<Record<string, string>>
  /** The forecast's general and program round types by name. */
  readonly typeNames: Readonly<Record<string, string>>
  /** A program's short name: FSW, CEC, FST, PNP. */
  readonly programs: Readonly<Record<string, string>>
  /** An unmet condition; `who` is the program's short name or the category's name. */
  unmet(code: string, p: Params, who: string): string | undefined
  /** A notice about a fact that did not count; `ecaExpiredOn` is the day an ECA stopped counting, written. */
  notice(code: string, p: Params, ecaExpiredOn: string): string | undefined
  /** The notice for a day after the rules were last verified; `lastVerified` written as a day. */
  verified(message: string, lastVerifiedIso: string, lastVerified: string): string
  /** A what-if change; `scale` is CLB or NCLC (the first language's); `accruesOn` written as a day. */
  whatIf(c: WhatIf, scale: string, accruesOn: string | undefined): string | undefined
  /** An unlock; `scale` is the unlocking test's (CLB or NCLC); `waitOn` the day it opens, written. */
  unlock(code: string, p: Params, target: string, crsGain: number, scale: string, waitOn: string): string | undefined
  /** The reasons a score changes between two days. */
  readonly reasons: {
    age(before: number, after: number): string
    education(after: string | null): string
    firstLanguage(before: string, after: string): string
    firstExpires(l: Value): string
    secondLanguage(before: string, after: string): string
    secondNoLonger(l: Value): string
    secondExpires(l: Value): string
    canadaWork(before: number, after: number): string
    abroadWork(before: number, after: number): string
    readonly nomination: string
    readonly spouse: string
    readonly rules: string
  }
}

const languageName = (l: Value): string => (l === 'french' ? 'French' : 'English')
const scale = (l: Value): string => (l === 'french' ? 'NCLC' : 'CLB')

/** "CLB 7 in all four abilities" or "CLB 5/5/4/4 (speaking/listening/reading/writing)". */
function level(minimum: Value, sc = 'CLB'): string {
  const s = String(minimum ?? '')
  if (!s.includes('/')) return `${sc} ${s} in all four abilities`
  return `${sc} ${s} (speaking/listening/reading/writing)`
}

const ABILITY: Record<string, string> = { speaking: 'speaking', listening: 'listening', reading: 'reading', writing: 'writing' }
const EDU: Record<string, string> = {
  none: 'less than secondary school', secondary: 'a secondary diploma', 'one-year': 'a one-year program', 'two-year': 'a two-year program',
  bachelors: 'a bachelor’s degree', 'two-or-more': 'two or more credentials, one of 3+ years', masters: 'a master’s degree', doctoral: 'a doctorate',
}
const edu = (e: string | number | null): string => EDU[String(e)] ?? String(e)

export const en: MessageWords = {
  languageName,
  categoryNames: {
    french: 'French-language proficiency',
    healthcare: 'Healthcare occupations',
    'healthcare-social': 'Healthcare and social services occupations',
    stem: 'STEM occupations',
    trade: 'Trade occupations',
    transport: 'Transport occupations',
    agriculture: 'Agriculture and agri-food occupations',
    education: 'Education occupations',
    physicians: 'Physicians with Canadian work experience',
    'senior-managers': 'Senior managers with Canadian work experience',
    researchers: 'Researchers with Canadian work experience',
    military: 'Skilled military recruits',
  },
  roundNames: {},
  typeNames: {
    general: 'General rounds (all programs)',
    'program:cec': 'Canadian Experience Class',
    'program:pnp': 'Provincial Nominee Program',
    'program:fsw': 'Federal Skilled Worker',
    'program:fst': 'Federal Skilled Trades',
  },
  programs: { fsw: 'FSW', cec: 'CEC', fst: 'FST', pnp: 'PNP' },

  unmet(code, p, who) {
    switch (code) {
      case 'no_language_result':
        return `${who} needs a valid ${languageName(p.language)} test result (your first official language), less than 2 years old.`
      case 'language_below_minimum':
        return `${who} needs ${level(p.minimum, scale(p.language))} in ${languageName(p.language)}; your best result: ${p.best}.`
      case 'experience_insufficient':
        return `${who} needs 1 year (1,560 hours) of continuous paid work in one TEER 0-3 occupation in the last ${p.windowYears} years; you have ${p.months} months${p.noc ? ` in NOC ${p.noc}` : ''}.`
      case 'canadian_experience_insufficient':
        return `${who} needs 1 year (1,560 hours) of paid TEER 0-3 work in Canada in the last ${p.windowYears} years (not self-employed, not while a full-time student); you have ${p.months} months.`
      case 'trade_experience_insufficient':
        return `${who} needs 2 years (3,120 hours) of work in one skilled trade in the last ${p.windowYears} years; you have ${p.months} months${p.noc ? ` in NOC ${p.noc}` : ''}.`
      case 'no_offer_or_certificate':
        return `${who} needs a full-time job offer of at least a year, or a Canadian certificate of qualification, in your trade.`
      case 'no_education':
        return `${who} needs a Canadian credential, or a foreign one with an ECA less than 5 years old.`
      case 'grid_below_pass_mark':
        return `${who} needs ${p.passMark} of 100 points on the selection grid; you have ${p.points} (${Number(p.passMark) - Number(p.points)} short).`
      case 'settlement_funds_insufficient':
        return 'Not enough settlement funds for your family size (not needed with a valid job offer while authorized to work in Canada).'
      case 'settlement_funds_unknown':
        return `${who}: can't tell without your settlement funds (CAD ${Number(p.required).toLocaleString('en-CA')} needed for a family of ${p.familySize}; not needed with a valid job offer while authorized to work in Canada).`
      case 'not_eligible_for_program':
        return 'Open only to candidates eligible for FSW, CEC or FST.'
      case 'category_list_unknown':
        return 'The official list of occupations of this category is not available to this tool, so it cannot tell.'
      case 'no_french_result':
        return `Needs a valid French test (TEF Canada or TCF Canada) with ${level(p.minimum, 'NCLC')}.`
      case 'french_below_minimum':
        return `Needs ${level(p.minimum, 'NCLC')} in French; your best result: ${p.best}.`
      case 'category_experience_insufficient': {
        const where = p.where === 'canada' ? 'in Canada' : 'in Canada or abroad'
        const have = p.noc ? `; you have ${p.months} months in NOC ${p.noc}` : '; none of your work is in a listed occupation'
        return `Needs ${p.minimumMonths} months of ${Number(p.continuous) ? 'continuous ' : ''}full-time work (or the equivalent) in one listed occupation, ${where}, in the last ${p.windowYears} years${have}.`
      }
      case 'canadian_armed_forces_offer_missing':
        return p.what === 'employer'
          ? 'Needs the job offer to come from the Canadian Forces Recruiting Group; yours is from another employer.'
          : 'Needs a job offer from the Canadian Armed Forces (the Canadian Forces Recruiting Group) in a listed occupation.'
      case 'military_offer_details_unknown':
        return p.what === 'employer'
          ? 'Can’t tell: the offer must come from the Canadian Forces Recruiting Group, and your answers do not say who made it.'
          : `Can’t tell: the offer must be for at least ${p.offerYears} years of continuous full-time work, and your answers do not give its length.`
      case 'military_offer_too_short':
        return `Needs a job offer of at least ${p.offerYears} years of continuous full-time work.`
      case 'military_service_unknown':
        return `Can’t tell: needs at least ${p.serviceYears} years of continuous service in a recognized foreign military, and your answers do not say.`
      case 'military_service_insufficient':
        return p.what === 'ended'
          ? 'Is for candidates serving in a foreign military; your service has ended.'
          : p.what === 'unrecognized'
            ? 'Needs service in a recognized foreign military.'
            : `Needs at least ${p.serviceYears} years of continuous service in a recognized foreign military.`
      case 'military_recognition_unknown':
        return 'Can’t tell: needs service in a “recognized foreign military”, which is not defined publicly.'
      case 'military_credential_missing':
        return `Needs a post-secondary credential of at least ${p.credentialYears} years (with an ECA if completed outside Canada).`
      default:
        return undefined
    }
  },

  notice(code, p, on) {
    switch (code) {
      case 'language_result_expired':
        return `This ${p.test} result of ${p.testDate} is more than ${p.years} years old on ${p.asOf}: it gives no points and counts for no program. A new test is needed.`
      case 'language_result_future':
        return `This ${p.test} test of ${p.testDate} is after the scoring day ${p.asOf}: it does not count yet.`
      case 'eca_expired':
        return `Your ECA (issued ${p.issuedOn}) expired on ${on}, after ${p.years} years: the credential does not count until you get a new one.`
      case 'credential_not_completed':
        return `Completed on ${p.completedOn}, after ${p.asOf}: not counted yet.`
      case 'no_first_language_result':
        return `No valid ${languageName(p.language)} test result on ${p.asOf}: no language points, and no program is open without one.`
      case 'nomination_after_date':
        return `Nominated on ${p.nominatedOn}, after ${p.asOf}: not counted yet.`
      default:
        return undefined
    }
  },

  verified: (message, iso, lastVerified) => `Note: ${message.replace(iso, lastVerified)}.`,

  whatIf(c, sc, accruesOn) {
    switch (c.code) {
      case 'first-language-ability': {
        const ability = c.field.split('.').pop()!
        return `Your ${ABILITY[ability] ?? ability} from ${sc} ${c.from} to ${c.to}`
      }
      case 'first-language-all':
        return `${sc} 9 or more in all four abilities of your first language`
      case 'education':
        return `Your education raised to ${edu(c.to)}`
      case 'french-nclc-7':
        return 'A French test (TEF Canada or TCF Canada) at NCLC 7 in all four abilities'
      case 'english-clb-5':
        return 'An English test (IELTS, CELPIP, PTE Core) at CLB 5 in all four abilities'
      case 'canadian-work-year':
        return accruesOn ? `One more year of skilled work in Canada (on ${accruesOn} if your job goes on)` : 'One more year of skilled work in Canada'
      case 'spouse-language':
        return `Your spouse’s language test at CLB ${c.to} in all four abilities`
      case 'swap-applicant-and-spouse':
        return 'Your spouse as the principal applicant (your certificate, nomination and job offer left out)'
      case 'provincial-nomination':
        return 'A provincial or territorial nomination'
      default:
        return undefined
    }
  },

  unlock(code, p, target, crsGain, sc, on) {
    const grid = p.gridFrom !== undefined ? ` (selection grid ${p.gridFrom} → ${p.gridTo})` : ''
    const gain = crsGain > 0 ? `; CRS +${crsGain}` : ''
    switch (code) {
      case 'second-language-test':
      case 'first-language-test':
        return `${p.language === 'french' ? 'A' : 'An'} ${languageName(p.language)} test at ${sc} ${p.clb} in all four abilities would make you eligible for ${target}${grid}${gain}.`
      case 'spouse-language-test':
        return `Your spouse’s language test at CLB ${p.clb} in all four abilities would make you eligible for ${target}${grid}${gain}.`
      case 'eca':
        return `An ECA of your studies outside Canada would make you eligible for ${target}${gain}.`
      case 'settlement-funds':
        return `Settlement funds of CAD ${Number(p.amount).toLocaleString('en-CA')} (family of ${p.familySize}) would make you eligible for ${target}.`
      case 'waiting':
        return `With nothing changed, you become eligible for ${target} on ${on} (work going on accrues).`
      default:
        return undefined
    }
  },

  reasons: {
    age: (before, after) => `age ${before} → ${after}`,
    education: (after) => `education: ${edu(after)}`,
    firstLanguage: (before, after) => `first language ${before} → ${after}`,
    firstExpires: (l) => `your ${languageName(l)} result (first official language) expires`,
    secondLanguage: (before, after) => `second language ${before} → ${after}`,
    secondNoLonger: (l) => `your ${languageName(l)} result (second official language) no longer counts without a valid first-language result`,
    secondExpires: (l) => `your ${languageName(l)} result (second official language) expires`,
    canadaWork: (before, after) => `work in Canada ${before} → ${after} year(s)`,
    abroadWork: (before, after) => `work abroad in the last 10 years ${before} → ${after} year(s)`,
    nomination: 'provincial nomination',
    spouse: 'your spouse’s factors',
    rules: 'the CRS rules change',
  },
}
