/**
 * The library's codes and parameters worded in English or French: unmet conditions, notices about
 * facts that did not count, what-ifs, unlocks, the reasons a score changes, and IRCC's round names.
 * @module
 */
import type { FactorNotice } from '../../../src/crs/factors.js'
import type { UnmetCondition } from '../../../src/eligibility/types.js'
import type { VerificationNotice } from '../../../src/rules/verified.js'
import type { WhatIf } from '../../../src/history/outlook.js'
import type { Unlock } from '../../../src/history/unlock.js'
import type { CrsFactors } from '../../../src/schemas/crs-factors.js'
import { addYears } from '../../../src/domain/dates.js'
import { h } from '../dom.js'
import { day, lang } from '../i18n.js'
import { datesIn } from '../dates.js'

const FR = lang === 'fr'
type P = Readonly<Record<string, string | number>>
const L = (en: string, fr: string): string => (FR ? fr : en)

const TESTS: Record<string, string> = { 'ielts-general': 'IELTS General Training', 'celpip-general': 'CELPIP-General', 'pte-core': 'PTE Core', 'tef-canada': 'TEF Canada', 'tcf-canada': 'TCF Canada' }
export const testName = (t: string): string => TESTS[t] ?? t

const PROGRAMS: Record<string, [string, string]> = { fsw: ['FSW', 'PTQF'], cec: ['CEC', 'CEC'], fst: ['FST', 'PTMSF'], pnp: ['PNP', 'PCP'] }
const programShort = (p: string | number | undefined): string => (PROGRAMS[String(p)] ?? [String(p), String(p)])[FR ? 1 : 0]
const languageName = (l: string | number | undefined): string => (l === 'french' ? L('French', 'français') : L('English', 'anglais'))
const scale = (l: string | number | undefined): string => (l === 'french' ? 'NCLC' : 'CLB')
/** "Le PTQF", "La CEC": the program with its article. */
const theFr = (program: string | number | undefined, who: string): string => `${program === 'cec' ? 'La' : 'Le'} ${who}`
/** "test d’anglais", "test de français": the French of "an English test". */
const testOf = (l: string | number | undefined): string => (l === 'french' ? 'test de français' : 'test d’anglais')

/** "CLB 7 in all four abilities" or "CLB 5/5/4/4 (speaking/listening/reading/writing)". */
function level(minimum: string | number | undefined, sc = 'CLB'): string {
  const s = String(minimum ?? '')
  if (!s.includes('/')) return L(`${sc} ${s} in all four abilities`, `${sc} ${s} dans les quatre compétences`)
  return L(`${sc} ${s} (speaking/listening/reading/writing)`, `${sc} ${s} (oral/compréhension de l’oral/de l’écrit/écrit)`)
}

/**
 * Each category's name in English and in IRCC's French. The French names of French-language proficiency,
 * healthcare and social services, trades, physicians and senior managers are IRCC's own, as its French
 * feed names rounds 436-447 (data/ee-rounds.labels-fr.json); the others follow them and are UNCONFIRMED
 * (docs/decisions.md W7).
 */
const CATEGORY_NAMES: Record<string, [string, string]> = {
  french: ['French-language proficiency', 'Compétence linguistique en français'],
  healthcare: ['Healthcare occupations', 'Professions de la santé'],
  'healthcare-social': ['Healthcare and social services occupations', 'Professions de la santé et des services sociaux'],
  stem: ['STEM occupations', 'Professions en sciences, technologies, ingénierie et mathématiques (STIM)'],
  trade: ['Trade occupations', 'Métiers spécialisés'],
  transport: ['Transport occupations', 'Professions du transport'],
  agriculture: ['Agriculture and agri-food occupations', 'Professions de l’agriculture et de l’agroalimentaire'],
  education: ['Education occupations', 'Professions de l’éducation'],
  physicians: ['Physicians with Canadian work experience', 'Médecins ayant de l’expérience de travail au Canada'],
  'senior-managers': ['Senior managers with Canadian work experience', 'Cadres supérieurs/cadres supérieures ayant de l’expérience de travail au Canada'],
  researchers: ['Researchers with Canadian work experience', 'Chercheurs/chercheuses ayant de l’expérience de travail au Canada'],
  military: ['Skilled military recruits', 'Recrues militaires qualifiées'],
}

/** A version as IRCC's French feed writes it after the name: "2026-Version 3" as published, "(Version 1)" for the older labels. */
const versionAfter = (label: string): string => {
  const year = /,?\s*(\d{4}-Version \d+)\s*$/i.exec(label)?.[1]
  if (year) return ` ${year}`
  const older = /\(([^)]*)\)\s*$/.exec(label)?.[1]
  return older ? ` (${older})` : ''
}

/** A category version's name: the library's (IRCC's) label in English, IRCC's French name in French. */
export function categoryName(id: string, label: string): string {
  if (!FR) return label
  const key = Object.keys(CATEGORY_NAMES).sort((a, b) => b.length - a.length).find((k) => id.startsWith(`${k}-`))
  return key ? `${CATEGORY_NAMES[key]![1]}${versionAfter(label)}` : label
}

/**
 * IRCC's French name of a round (its English name as published: "No Program Specified",
 * "Healthcare and Social Services Occupations, 2026-Version 3", "STEM occupations (2023-1)"...). The
 * rounds page prefers the French feed's own name, when the record has it (`labelFr`).
 */
export function roundLabel(label: string): string {
  if (!FR) return label
  const fixed: Record<string, string> = {
    'No Program Specified': 'Aucun programme spécifié',
    General: 'Général',
    'Provincial Nominee Program': 'Programme des candidats des provinces',
    'Canadian Experience Class': 'Catégorie de l’expérience canadienne',
    'Federal Skilled Worker': 'Programme des travailleurs qualifiés (fédéral)',
    'Federal Skilled Trades': 'Programme des travailleurs de métiers spécialisés (fédéral)',
  }
  if (fixed[label]) return fixed[label]
  const lower = label.toLowerCase()
  const patterns: [RegExp, string][] = [
    [/^french/, 'french'], [/^healthcare and social/, 'healthcare-social'], [/^healthcare/, 'healthcare'], [/^stem/, 'stem'], [/^trade/, 'trade'], [/^transport/, 'transport'], [/^agriculture/, 'agriculture'],
    [/^education/, 'education'], [/^physicians/, 'physicians'], [/^senior managers/, 'senior-managers'], [/^researchers/, 'researchers'], [/^skilled military/, 'military'],
  ]
  const hit = patterns.find(([re]) => re.test(lower))
  return hit ? `${CATEGORY_NAMES[hit[1]]![1]}${versionAfter(label)}` : label
}

/** A round's name on a page: in French, the French feed's own (`labelFr`, when the record holds it), else worded from the English. */
export function roundName(label: string, labelFr?: string): string {
  return FR && labelFr ? labelFr : roundLabel(label)
}

/** The same name for a table or a line: a name the page cannot give in French stays IRCC's English, marked so. */
export function roundNameElement(label: string, labelFr?: string): string | HTMLElement {
  const name = roundName(label, labelFr)
  return FR && name === label ? h('span', { lang: 'en' }, name) : name
}

const TYPE_NAMES: Record<string, [string, string]> = {
  general: ['General rounds (all programs)', 'Rondes générales (tous les programmes)'],
  'program:cec': ['Canadian Experience Class', 'Catégorie de l’expérience canadienne'],
  'program:pnp': ['Provincial Nominee Program', 'Programme des candidats des provinces'],
  'program:fsw': ['Federal Skilled Worker', 'Programme des travailleurs qualifiés (fédéral)'],
  'program:fst': ['Federal Skilled Trades', 'Programme des travailleurs de métiers spécialisés (fédéral)'],
}

/** A round type of the forecast (`general`, `program:cec`, `category:stem`) by name; `fallback` (the library's label) when unknown. */
export function roundTypeName(type: string, fallback = type): string {
  // A category's type spans its versions: healthcare is named as it is now (with social services since 2025).
  const key = type.replace(/^category:/, '')
  const names = TYPE_NAMES[type] ?? CATEGORY_NAMES[key === 'healthcare' ? 'healthcare-social' : key]
  return names ? names[FR ? 1 : 0] : fallback
}

/** An unmet condition in the page's language (the library's message when the code has no wording here). */
export function unmetText(u: UnmetCondition, categoryLabel = ''): string {
  // Dates as the page's language writes them (web/src/dates.ts).
  const p: P = datesIn(u.params ?? {}, lang)
  const who = p.program ? programShort(p.program) : categoryLabel
  switch (u.code) {
    case 'no_language_result':
      return L(`${who} needs a valid ${languageName(p.language)} test result (your first official language), less than 2 years old.`, `${theFr(p.program, who)} exige un résultat valide de ${testOf(p.language)} (votre première langue officielle) de moins de 2\u00a0ans.`)
    case 'language_below_minimum':
      return L(`${who} needs ${level(p.minimum, scale(p.language))} in ${languageName(p.language)}; your best result: ${p.best}.`, `${theFr(p.program, who)} exige ${level(p.minimum, scale(p.language))} en ${languageName(p.language)}\u202f; votre meilleur résultat\u00a0: ${p.best}.`)
    case 'experience_insufficient':
      return L(`${who} needs 1 year (1,560 hours) of continuous paid work in one TEER 0-3 occupation in the last ${p.windowYears} years; you have ${p.months} months${p.noc ? ` in NOC ${p.noc}` : ''}.`, `${theFr(p.program, who)} exige 1\u00a0an (1\u00a0560\u00a0heures) de travail rémunéré continu dans une profession FEER 0 à 3 au cours des ${p.windowYears}\u00a0dernières années\u202f; vous avez ${p.months}\u00a0mois${p.noc ? ` dans la CNP ${p.noc}` : ''}.`)
    case 'canadian_experience_insufficient':
      return L(`${who} needs 1 year (1,560 hours) of paid TEER 0-3 work in Canada in the last ${p.windowYears} years (not self-employed, not while a full-time student); you have ${p.months} months.`, `${theFr(p.program, who)} exige 1\u00a0an (1\u00a0560\u00a0heures) de travail rémunéré FEER 0 à 3 au Canada au cours des ${p.windowYears}\u00a0dernières années (pas comme travailleur autonome ni étudiant à temps plein)\u202f; vous avez ${p.months}\u00a0mois.`)
    case 'trade_experience_insufficient':
      return L(`${who} needs 2 years (3,120 hours) of work in one skilled trade in the last ${p.windowYears} years; you have ${p.months} months${p.noc ? ` in NOC ${p.noc}` : ''}.`, `${theFr(p.program, who)} exige 2\u00a0ans (3\u00a0120\u00a0heures) de travail dans un métier spécialisé au cours des ${p.windowYears}\u00a0dernières années\u202f; vous avez ${p.months}\u00a0mois${p.noc ? ` dans la CNP ${p.noc}` : ''}.`)
    case 'no_offer_or_certificate':
      return L(`${who} needs a full-time job offer of at least a year, or a Canadian certificate of qualification, in your trade.`, `${theFr(p.program, who)} exige une offre d’emploi à temps plein d’au moins un an, ou un certificat de compétence canadien, dans votre métier.`)
    case 'no_education':
      return L(`${who} needs a Canadian credential, or a foreign one with an ECA less than 5 years old.`, `${theFr(p.program, who)} exige un diplôme canadien, ou un diplôme étranger avec une EDE de moins de 5\u00a0ans.`)
    case 'grid_below_pass_mark':
      return L(`${who} needs ${p.passMark} of 100 points on the selection grid; you have ${p.points} (${Number(p.passMark) - Number(p.points)} short).`, `${theFr(p.program, who)} exige ${p.passMark}\u00a0points sur 100 à la grille de sélection\u202f; vous en avez ${p.points} (il en manque ${Number(p.passMark) - Number(p.points)}).`)
    case 'settlement_funds_insufficient':
      return L('Not enough settlement funds for your family size (not needed with a valid job offer while authorized to work in Canada).', 'Fonds d’établissement insuffisants pour la taille de votre famille (pas nécessaires avec une offre d’emploi valide si vous êtes autorisé à travailler au Canada).')
    case 'settlement_funds_unknown':
      return L(`${who}: can't tell without your settlement funds (CAD ${Number(p.required).toLocaleString('en-CA')} needed for a family of ${p.familySize}; not needed with a valid job offer while authorized to work in Canada).`, `${who}\u00a0: impossible de le dire sans vos fonds d’établissement (${Number(p.required).toLocaleString('fr-CA')}\u00a0$\u00a0CA exigés pour une famille de ${p.familySize}\u202f; pas nécessaires avec une offre d’emploi valide si vous êtes autorisé à travailler au Canada).`)
    case 'not_eligible_for_program':
      return L('Open only to candidates eligible for FSW, CEC or FST.', 'Ouverte seulement aux candidats admissibles au PTQF, à la CEC ou au PTMSF.')
    case 'category_list_unknown':
      return L('The official list of occupations of this category is not available to this tool, so it cannot tell.', 'La liste officielle des professions de cette catégorie n’est pas disponible dans cet outil\u00a0: impossible de le dire.')
    case 'no_french_result':
      return L(`Needs a valid French test (TEF Canada or TCF Canada) with ${level(p.minimum, 'NCLC')}.`, `Exige un test de français valide (TEF Canada ou TCF Canada) avec ${level(p.minimum, 'NCLC')}.`)
    case 'french_below_minimum':
      return L(`Needs ${level(p.minimum, 'NCLC')} in French; your best result: ${p.best}.`, `Exige ${level(p.minimum, 'NCLC')} en français\u202f; votre meilleur résultat\u00a0: ${p.best}.`)
    case 'category_experience_insufficient': {
      const where = p.where === 'canada' ? L('in Canada', 'au Canada') : L('in Canada or abroad', 'au Canada ou à l’étranger')
      const have = p.noc ? L(`; you have ${p.months} months in NOC ${p.noc}`, `\u202f; vous avez ${p.months}\u00a0mois dans la CNP ${p.noc}`) : L('; none of your work is in a listed occupation', '\u202f; aucun de vos emplois n’est dans une profession de la liste')
      return L(`Needs ${p.minimumMonths} months of ${Number(p.continuous) ? 'continuous ' : ''}full-time work (or the equivalent) in one listed occupation, ${where}, in the last ${p.windowYears} years${have}.`, `Exige ${p.minimumMonths}\u00a0mois de travail à temps plein ${Number(p.continuous) ? 'continu ' : ''}(ou l’équivalent) dans une profession de la liste, ${where}, au cours des ${p.windowYears}\u00a0dernières années${have}.`)
    }
    case 'canadian_armed_forces_offer_missing':
      return p.what === 'employer'
        ? L('Needs the job offer to come from the Canadian Forces Recruiting Group; yours is from another employer.', 'Exige que l’offre d’emploi vienne du Groupe du recrutement des Forces canadiennes\u202f; la vôtre vient d’un autre employeur.')
        : L('Needs a job offer from the Canadian Armed Forces (the Canadian Forces Recruiting Group) in a listed occupation.', 'Exige une offre d’emploi des Forces armées canadiennes (Groupe du recrutement des Forces canadiennes) dans une profession de la liste.')
    case 'military_offer_details_unknown':
      return p.what === 'employer'
        ? L('Can’t tell: the offer must come from the Canadian Forces Recruiting Group, and your answers do not say who made it.', 'Impossible à dire\u00a0: l’offre doit venir du Groupe du recrutement des Forces canadiennes, et vos réponses ne disent pas qui l’a faite.')
        : L(`Can’t tell: the offer must be for at least ${p.offerYears} years of continuous full-time work, and your answers do not give its length.`, `Impossible à dire\u00a0: l’offre doit porter sur au moins ${p.offerYears}\u00a0ans de travail continu à temps plein, et vos réponses n’en donnent pas la durée.`)
    case 'military_offer_too_short':
      return L(`Needs a job offer of at least ${p.offerYears} years of continuous full-time work.`, `Exige une offre d’emploi d’au moins ${p.offerYears}\u00a0ans de travail continu à temps plein.`)
    case 'military_service_unknown':
      return L(`Can’t tell: needs at least ${p.serviceYears} years of continuous service in a recognized foreign military, and your answers do not say.`, `Impossible à dire\u00a0: il faut au moins ${p.serviceYears}\u00a0ans de service continu dans une armée étrangère reconnue, et vos réponses ne le disent pas.`)
    case 'military_service_insufficient':
      return p.what === 'ended'
        ? L('Is for candidates serving in a foreign military; your service has ended.', 'S’adresse aux candidats en service dans une armée étrangère\u202f; votre service a pris fin.')
        : p.what === 'unrecognized'
          ? L('Needs service in a recognized foreign military.', 'Exige un service dans une armée étrangère reconnue.')
          : L(`Needs at least ${p.serviceYears} years of continuous service in a recognized foreign military.`, `Exige au moins ${p.serviceYears}\u00a0ans de service continu dans une armée étrangère reconnue.`)
    case 'military_recognition_unknown':
      return L('Can’t tell: needs service in a “recognized foreign military”, which is not defined publicly.', 'Impossible à dire\u00a0: exige un service dans une «\u00a0armée étrangère reconnue\u00a0», notion qui n’est pas définie publiquement.')
    case 'military_credential_missing':
      return L(`Needs a post-secondary credential of at least ${p.credentialYears} years (with an ECA if completed outside Canada).`, `Exige un diplôme postsecondaire d’au moins ${p.credentialYears}\u00a0ans (avec une EDE s’il a été obtenu hors du Canada).`)
    default:
      return u.message
  }
}

/** A notice about a fact that did not count on the scoring day. */
export function noticeText(n: FactorNotice): string {
  const raw: P = n.params ?? {}
  const p: P = datesIn(raw, lang)
  switch (n.code) {
    case 'language_result_expired':
      return L(`This ${testName(String(p.test))} result of ${p.testDate} is more than ${p.years} years old on ${p.asOf}: it gives no points and counts for no program. A new test is needed.`, `Ce résultat ${testName(String(p.test))} du ${p.testDate} a plus de ${p.years}\u00a0ans le ${p.asOf}\u00a0: il ne donne aucun point et ne compte pour aucun programme. Un nouveau test est nécessaire.`)
    case 'language_result_future':
      return L(`This ${testName(String(p.test))} test of ${p.testDate} is after the scoring day ${p.asOf}: it does not count yet.`, `Ce test ${testName(String(p.test))} du ${p.testDate} est postérieur à la date de calcul ${p.asOf}\u00a0: il ne compte pas encore.`)
    case 'eca_expired': {
      // ECAs are valid p.years years: the first day one no longer counts is its issue date plus those years (src/facts/profile-facts.ts).
      const on = day(addYears(String(raw.issuedOn), Number(raw.years)))
      return L(`Your ECA (issued ${p.issuedOn}) expired on ${on}, after ${p.years} years: the credential does not count until you get a new one.`, `Votre EDE (délivrée le ${p.issuedOn}) a expiré le ${on}, après ${p.years}\u00a0ans\u00a0: le diplôme ne compte pas tant que vous n’en obtenez pas une nouvelle.`)
    }
    case 'credential_not_completed':
      return L(`Completed on ${p.completedOn}, after ${p.asOf}: not counted yet.`, `Obtenu le ${p.completedOn}, après le ${p.asOf}\u00a0: pas encore compté.`)
    case 'no_first_language_result':
      return L(`No valid ${languageName(p.language)} test result on ${p.asOf}: no language points, and no program is open without one.`, `Aucun résultat valide de ${testOf(p.language)} le ${p.asOf}\u00a0: aucun point de langue, et aucun programme n’est ouvert sans lui.`)
    case 'nomination_after_date':
      return L(`Nominated on ${p.nominatedOn}, after ${p.asOf}: not counted yet.`, `Désigné le ${p.nominatedOn}, après le ${p.asOf}\u00a0: pas encore compté.`)
    default:
      return n.message
  }
}

/** The library's notice for a day after the rules were last verified (its English message, worded in French here). */
export function verifiedText(n: VerificationNotice): string {
  return L(`Note: ${n.message.replace(n.lastVerified, day(n.lastVerified))}.`, `Remarque\u00a0: règles vérifiées pour la dernière fois le ${day(n.lastVerified)}\u202f; un changement après ce jour n’est pas connu de cette version.`)
}

const ABILITY: Record<string, [string, string]> = { speaking: ['speaking', 'expression orale'], listening: ['listening', 'compréhension de l’oral'], reading: ['reading', 'compréhension de l’écrit'], writing: ['writing', 'expression écrite'] }
const EDU: Record<string, [string, string]> = {
  none: ['less than secondary school', 'moins que le secondaire'], secondary: ['a secondary diploma', 'un diplôme d’études secondaires'], 'one-year': ['a one-year program', 'un programme d’un an'], 'two-year': ['a two-year program', 'un programme de deux ans'],
  bachelors: ['a bachelor’s degree', 'un baccalauréat'], 'two-or-more': ['two or more credentials, one of 3+ years', 'deux diplômes ou plus, dont un de 3\u00a0ans ou plus'], masters: ['a master’s degree', 'une maîtrise'], doctoral: ['a doctorate', 'un doctorat'],
}
const edu = (e: string | number | null): string => (EDU[String(e)] ?? [String(e), String(e)])[FR ? 1 : 0]

/**
 * A what-if change worded from its code, field and values; `firstLanguage` is the language of the
 * first-language result scored (its levels are CLB for English, NCLC for French, in both page languages,
 * as in the unlocks and the eligibility messages).
 */
export function whatIfText(c: WhatIf, firstLanguage?: string): string {
  switch (c.code) {
    case 'first-language-ability': {
      const ability = c.field.split('.').pop()!
      return L(`Your ${(ABILITY[ability] ?? [ability])[0]} from ${scale(firstLanguage)} ${c.from} to ${c.to}`, `Votre ${(ABILITY[ability] ?? [ability, ability])[1]} de ${scale(firstLanguage)} ${c.from} à ${c.to}`)
    }
    case 'first-language-all':
      return L(`${scale(firstLanguage)} 9 or more in all four abilities of your first language`, `${scale(firstLanguage)} 9 ou plus dans les quatre compétences de votre première langue`)
    case 'education':
      return L(`Your education raised to ${edu(c.to)}`, `Vos études portées à ${edu(c.to)}`)
    case 'french-nclc-7':
      return L('A French test (TEF Canada or TCF Canada) at NCLC 7 in all four abilities', 'Un test de français (TEF Canada ou TCF Canada) au NCLC 7 dans les quatre compétences')
    case 'english-clb-5':
      return L('An English test (IELTS, CELPIP, PTE Core) at CLB 5 in all four abilities', 'Un test d’anglais (IELTS, CELPIP, PTE Core) au CLB 5 dans les quatre compétences')
    case 'canadian-work-year':
      return c.accruesOn ? L(`One more year of skilled work in Canada (on ${day(c.accruesOn)} if your job goes on)`, `Une année de plus de travail qualifié au Canada (le ${day(c.accruesOn)} si votre emploi continue)`) : L('One more year of skilled work in Canada', 'Une année de plus de travail qualifié au Canada')
    case 'spouse-language':
      return L(`Your spouse’s language test at CLB ${c.to} in all four abilities`, `Un test de langue de votre époux(se) au NCLC ${c.to} dans les quatre compétences`)
    case 'swap-applicant-and-spouse':
      return L('Your spouse as the principal applicant (your certificate, nomination and job offer left out)', 'Votre époux(se) comme demandeur principal (sans votre certificat, désignation ni offre d’emploi)')
    case 'provincial-nomination':
      return L('A provincial or territorial nomination', 'Une désignation d’une province ou d’un territoire')
    default:
      return c.description
  }
}

/** An unlock worded: the change, what it opens, and when. */
export function unlockText(u: Unlock, target: string): string {
  const p: P = datesIn(u.params, lang)
  const grid = p.gridFrom !== undefined ? L(` (selection grid ${p.gridFrom} → ${p.gridTo})`, ` (grille de sélection ${p.gridFrom} → ${p.gridTo})`) : ''
  const gain = u.crsGain > 0 ? L(`; CRS +${u.crsGain}`, `\u202f; SCG +${u.crsGain}`) : ''
  switch (u.code) {
    case 'second-language-test':
    case 'first-language-test':
      return L(`${p.language === 'french' ? 'A' : 'An'} ${languageName(p.language)} test at ${scale(p.language)} ${p.clb} in all four abilities would make you eligible for ${target}${grid}${gain}.`, `Un ${testOf(p.language)} au ${scale(p.language)} ${p.clb} dans les quatre compétences vous rendrait admissible\u00a0: ${target}${grid}${gain}.`)
    case 'spouse-language-test':
      return L(`Your spouse’s language test at CLB ${p.clb} in all four abilities would make you eligible for ${target}${grid}${gain}.`, `Un test de langue de votre époux(se) au NCLC ${p.clb} dans les quatre compétences vous rendrait admissible\u00a0: ${target}${grid}${gain}.`)
    case 'eca':
      return L(`An ECA of your studies outside Canada would make you eligible for ${target}${gain}.`, `Une EDE de vos études hors du Canada vous rendrait admissible\u00a0: ${target}${gain}.`)
    case 'settlement-funds':
      return L(`Settlement funds of CAD ${Number(p.amount).toLocaleString('en-CA')} (family of ${p.familySize}) would make you eligible for ${target}.`, `Des fonds d’établissement de ${Number(p.amount).toLocaleString('fr-CA')}\u00a0$\u00a0CA (famille de ${p.familySize}) vous rendraient admissible\u00a0: ${target}.`)
    case 'waiting':
      return L(`With nothing changed, you become eligible for ${target} on ${day(u.on)} (work going on accrues).`, `Sans autre changement, vous devenez admissible le ${day(u.on)}\u00a0: ${target} (le travail en cours s’accumule).`)
    default:
      return target
  }
}

function clb(c: { speaking: number; listening: number; reading: number; writing: number } | null | undefined): string {
  return c ? `${c.speaking}/${c.listening}/${c.reading}/${c.writing}` : '—'
}

/** Why the score changes between two days' factors (compared here, from the library's factorsOf). */
export function changeReasons(before: CrsFactors, after: CrsFactors, rulesChanged: boolean): string[] {
  const r: string[] = []
  if (after.age !== before.age) r.push(L(`age ${before.age} → ${after.age}`, `âge ${before.age} → ${after.age}`))
  if (after.education !== before.education) r.push(L(`education: ${edu(after.education)}`, `études\u00a0: ${edu(after.education)}`))
  if (clb(after.firstLanguage?.clb) !== clb(before.firstLanguage?.clb)) {
    const lang1 = before.firstLanguage?.language
    r.push(after.firstLanguage ? L(`first language ${clb(before.firstLanguage?.clb)} → ${clb(after.firstLanguage.clb)}`, `première langue ${clb(before.firstLanguage?.clb)} → ${clb(after.firstLanguage.clb)}`) : L(`your ${languageName(lang1)} result (first official language) expires`, `votre résultat de ${testOf(lang1)} (première langue officielle) expire`))
  }
  if (clb(after.secondLanguage?.clb) !== clb(before.secondLanguage?.clb)) {
    const lang2 = before.secondLanguage?.language
    // The second language scores only beside a valid first-language result: it may stop counting without having expired.
    if (after.secondLanguage) r.push(L(`second language ${clb(before.secondLanguage?.clb)} → ${clb(after.secondLanguage.clb)}`, `seconde langue ${clb(before.secondLanguage?.clb)} → ${clb(after.secondLanguage.clb)}`))
    else if (before.firstLanguage && !after.firstLanguage) r.push(L(`your ${languageName(lang2)} result (second official language) no longer counts without a valid first-language result`, `votre résultat de ${testOf(lang2)} (seconde langue officielle) ne compte plus sans résultat valide en première langue`))
    else r.push(L(`your ${languageName(lang2)} result (second official language) expires`, `votre résultat de ${testOf(lang2)} (seconde langue officielle) expire`))
  }
  if (after.canadianWorkYears !== before.canadianWorkYears) r.push(L(`work in Canada ${before.canadianWorkYears} → ${after.canadianWorkYears} year(s)`, `travail au Canada ${before.canadianWorkYears} → ${after.canadianWorkYears}\u00a0an(s)`))
  if (after.foreignWorkYears !== before.foreignWorkYears) r.push(L(`work abroad in the last 10 years ${before.foreignWorkYears} → ${after.foreignWorkYears} year(s)`, `travail à l’étranger (10\u00a0dernières années) ${before.foreignWorkYears} → ${after.foreignWorkYears}\u00a0an(s)`))
  if (after.provincialNomination !== before.provincialNomination) r.push(L('provincial nomination', 'désignation provinciale'))
  if (JSON.stringify(after.spouse) !== JSON.stringify(before.spouse)) r.push(L('your spouse’s factors', 'les facteurs de votre époux(se)'))
  if (rulesChanged) r.push(L('the CRS rules change', 'les règles du SCG changent'))
  return r
}

export function programName(id: string): string {
  return programShort(id)
}
