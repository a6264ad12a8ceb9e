/**
 * The library's codes and parameters worded in English or French: unmet conditions, notices about
 * facts that did not count, what-ifs, unlocks, the reasons a score changes, and IRCC's round names.
 * The sentences are in web/src/words/messages.*.ts, and only the page's language's are loaded.
 * @module
 */
import type { FactorNotice } from '../../../src/crs/factors.js'
import type { UnmetCondition } from '../../../src/eligibility/types.js'
import type { VerificationNotice } from '../../../src/rules/verified.js'
import type { WhatIf } from '../../../src/history/outlook.js'
import type { Unlock } from '../../../src/history/unlock.js'
import type { CrsFactors } from '../../../src/schemas/crs-factors.js'
import type { MessageWords } from '../words/messages.en.js'
import { addYears } from '../../../src/domain/dates.js'
import { h } from '../dom.js'
import { day, lang } from '../i18n.js'
import { datesIn } from '../dates.js'

const FR = lang === 'fr'
type P = Readonly<Record<string, string | number>>

// Only the page's language is downloaded: the other one's sentences never reach the device.
const W: MessageWords = FR ? (await import('../words/messages.fr.js')).fr : (await import('../words/messages.en.js')).en

const TESTS: Record<string, string> = { 'ielts-general': 'IELTS General Training', 'celpip-general': 'CELPIP-General', 'pte-core': 'PTE Core', 'tef-canada': 'TEF Canada', 'tcf-canada': 'TCF Canada' }
export const testName = (t: string): string => TESTS[t] ?? t

const programShort = (p: string | number | undefined): string => W.programs[String(p)] ?? String(p)
const scale = (l: string | number | undefined): string => (l === 'french' ? 'NCLC' : 'CLB')

/**
 * Each category's name in the page's language, by the start of its version's id
 * (web/src/words/messages.*.ts: IRCC's French names, some UNCONFIRMED, docs/decisions.md W7).
 */
const CATEGORY_NAMES = W.categoryNames

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
  return key ? `${CATEGORY_NAMES[key]!}${versionAfter(label)}` : label
}

/**
 * IRCC's French name of a round (its English name as published: "No Program Specified",
 * "Healthcare and Social Services Occupations, 2026-Version 3", "STEM occupations (2023-1)"...). The
 * rounds page prefers the French feed's own name, when the record has it (`labelFr`).
 */
export function roundLabel(label: string): string {
  if (!FR) return label
  const fixed = W.roundNames
  if (fixed[label]) return fixed[label]
  const lower = label.toLowerCase()
  const patterns: [RegExp, string][] = [
    [/^french/, 'french'], [/^healthcare and social/, 'healthcare-social'], [/^healthcare/, 'healthcare'], [/^stem/, 'stem'], [/^trade/, 'trade'], [/^transport/, 'transport'], [/^agriculture/, 'agriculture'],
    [/^education/, 'education'], [/^physicians/, 'physicians'], [/^senior managers/, 'senior-managers'], [/^researchers/, 'researchers'], [/^skilled military/, 'military'],
  ]
  const hit = patterns.find(([re]) => re.test(lower))
  return hit ? `${CATEGORY_NAMES[hit[1]]!}${versionAfter(label)}` : label
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

/** A round type of the forecast (`general`, `program:cec`, `category:stem`) by name; `fallback` (the library's label) when unknown. */
export function roundTypeName(type: string, fallback = type): string {
  // A category's type spans its versions: healthcare is named as it is now (with social services since 2025).
  const key = type.replace(/^category:/, '')
  return W.typeNames[type] ?? CATEGORY_NAMES[key === 'healthcare' ? 'healthcare-social' : key] ?? fallback
}

/** An unmet condition in the page's language (the library's message when the code has no wording here). */
export function unmetText(u: UnmetCondition, categoryLabel = ''): string {
  // Dates as the page's language writes them (web/src/dates.ts).
  const p: P = datesIn(u.params ?? {}, lang)
  const who = p.program ? programShort(p.program) : categoryLabel
  return W.unmet(u.code, p, who) ?? u.message
}

/** A notice about a fact that did not count on the scoring day. */
export function noticeText(n: FactorNotice): string {
  const raw: P = n.params ?? {}
  const p: P = datesIn(raw, lang)
  // ECAs are valid p.years years: the first day one no longer counts is its issue date plus those years (src/facts/profile-facts.ts).
  const ecaExpiredOn = n.code === 'eca_expired' ? day(addYears(String(raw.issuedOn), Number(raw.years))) : ''
  return W.notice(n.code, { ...p, test: testName(String(p.test)) }, ecaExpiredOn) ?? n.message
}

/** The library's notice for a day after the rules were last verified (its English message, worded in French here). */
export function verifiedText(n: VerificationNotice): string {
  return W.verified(n.message, n.lastVerified, day(n.lastVerified))
}

/**
 * A what-if change worded from its code, field and values; `firstLanguage` is the language of the
 * first-language result scored (its levels are CLB for English, NCLC for French, in both page languages,
 * as in the unlocks and the eligibility messages).
 */
export function whatIfText(c: WhatIf, firstLanguage?: string): string {
  return W.whatIf(c, scale(firstLanguage), c.code === 'canadian-work-year' && c.accruesOn ? day(c.accruesOn) : undefined) ?? c.description
}

/** An unlock worded: the change, what it opens, and when. */
export function unlockText(u: Unlock, target: string): string {
  const p: P = datesIn(u.params, lang)
  return W.unlock(u.code, p, target, u.crsGain, scale(p.language), u.code === 'waiting' ? day(u.on) : '') ?? target
}

function clb(c: { speaking: number; listening: number; reading: number; writing: number } | null | undefined): string {
  return c ? `${c.speaking}/${c.listening}/${c.reading}/${c.writing}` : '—'
}

/** Why the score changes between two days' factors (compared here, from the library's factorsOf). */
export function changeReasons(before: CrsFactors, after: CrsFactors, rulesChanged: boolean): string[] {
  const r: string[] = []
  const says = W.reasons
  if (after.age !== before.age) r.push(says.age(before.age, after.age))
  if (after.education !== before.education) r.push(says.education(after.education))
  if (clb(after.firstLanguage?.clb) !== clb(before.firstLanguage?.clb)) {
    const lang1 = before.firstLanguage?.language
    r.push(after.firstLanguage ? says.firstLanguage(clb(before.firstLanguage?.clb), clb(after.firstLanguage.clb)) : says.firstExpires(lang1))
  }
  if (clb(after.secondLanguage?.clb) !== clb(before.secondLanguage?.clb)) {
    const lang2 = before.secondLanguage?.language
    // The second language scores only beside a valid first-language result: it may stop counting without having expired.
    if (after.secondLanguage) r.push(says.secondLanguage(clb(before.secondLanguage?.clb), clb(after.secondLanguage.clb)))
    else if (before.firstLanguage && !after.firstLanguage) r.push(says.secondNoLonger(lang2))
    else r.push(says.secondExpires(lang2))
  }
  if (after.canadianWorkYears !== before.canadianWorkYears) r.push(says.canadaWork(before.canadianWorkYears, after.canadianWorkYears))
  if (after.foreignWorkYears !== before.foreignWorkYears) r.push(says.abroadWork(before.foreignWorkYears, after.foreignWorkYears))
  if (after.provincialNomination !== before.provincialNomination) r.push(says.nomination)
  if (JSON.stringify(after.spouse) !== JSON.stringify(before.spouse)) r.push(says.spouse)
  if (rulesChanged) r.push(says.rules)
  return r
}

export function programName(id: string): string {
  return programShort(id)
}
