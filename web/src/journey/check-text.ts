/**
 * The words of checks.ts in the page's language: what is wrong next to a field, why a program or
 * category cannot be told, what is not counted yet, and the scale of a test on its date. The sentences
 * are in web/src/words/checks.*.ts, and only the page's language's are loaded.
 * @module
 */
import { conversionFor, type DesignatedTest } from '../../../src/language/tests.js'
import type { TestConversion } from '../../../src/rules/language/shared.js'
import { tefCanadaTable } from '../../../src/rules/language/tef-canada.js'
import { isIsoDate } from '../../../src/domain/dates.js'
import { day, lang } from '../i18n.js'
import { datesIn } from '../dates.js'
import type { Issue, Pending } from './checks.js'
import { testName } from './messages.js'
import { m, type TextKey } from './text.js'
import { ABILITIES } from '../../../src/domain/words.js'
import type { CheckHelpers, CheckWords } from '../words/checks.en.js'

// Only the page's language is downloaded: the other one's sentences never reach the device.
const W: CheckWords = lang === 'fr' ? (await import('../words/checks.fr.js')).fr : (await import('../words/checks.en.js')).en

/** An ability's name in a sentence: the form's own label, lower-cased ("speaking", "expression orale"). */
const ability = (a: string | number | undefined): string => ((ABILITIES as readonly string[]).includes(String(a)) ? m(String(a) as TextKey).toLowerCase() : String(a))
const HELPERS: CheckHelpers = { ability, testName }
const range = W.range

/** The message next to a field. */
export function issueText(i: Issue): string {
  // Dates as the page's language writes them (web/src/dates.ts).
  return W.issue(i.code, datesIn(i.params, lang), HELPERS)
}

/** What would make a pending row count ("choose the occupation for Job 1"). */
export function pendingFix(p: Pending): string {
  return W.pending(p.fix, W.rowName(p.kind, p.n, p.spouse))
}

/** "Can't tell: choose the occupation for Job 1; enter the test date (Language test 1)." */
export function cantTellText(pending: readonly Pending[]): string {
  return W.cantTell([...new Set(pending.map(pendingFix))])
}

/** Under a no: the rows its other conditions wait for. */
export function notCountedShort(pending: readonly Pending[]): string {
  return W.notCountedShort([...new Set(pending.map(pendingFix))])
}

/** What is not counted in the score yet, and what would count it. */
export function notCountedText(pending: readonly Pending[]): string {
  return W.notCounted([...new Set(pending.map(pendingFix))])
}

/** The summary when no program is open but some cannot be told. */
export const summaryUnknownText = (score: number): string => W.summaryUnknown(score)
export const invitedUnknownText = (pending: readonly Pending[]): string => W.invitedUnknown(cantTellText(pending))
/** The results when the date of birth cannot be. */
export const blockedText = (issues: readonly Issue[]): string => issues.map(issueText).join(' ')

/** A scale as the form's hints write it: "0–699" in one span, else each ability's ("reading 0–300, …"). */
function spans(scale: TestConversion['scale']): string {
  const span = (a: (typeof ABILITIES)[number]) => `${scale[a].min}–${scale[a].max}`
  return ABILITIES.every((a) => span(a) === span('speaking')) ? span('speaking') : ABILITIES.map((a) => `${ability(a)} ${span(a)}`).join(', ')
}

/**
 * The scale of a test on its date, next to its scores: "IELTS General Training: 0 to 9, in steps of 0.5".
 * TEF Canada changed scale (the day and both scales read from its rule table, src/rules/language):
 * both are said until the date is given, then the date's.
 */
export function scaleText(test: string, date: string): string {
  if (!test) return ''
  if (test === 'tef-canada') {
    const [old, current] = [tefCanadaTable.versions.at(-2)!, tefCanadaTable.versions.at(-1)!]
    const from = current.from
    const fromText = day(from)
    const [was, now] = [spans(old.value!.scale), spans(current.value!.scale)]
    if (!isIsoDate(date)) return W.tef.undated(fromText, now, was)
    if (date >= from) return W.tef.after(fromText, now)
    return W.tef.before(fromText, was)
  }
  const conversion = conversionFor(test as DesignatedTest, isIsoDate(date) ? date : '2099-01-01')
  if (!conversion) return ''
  const s = conversion.scale
  const same = s.speaking.max === s.listening.max && s.listening.max === s.reading.max && s.reading.max === s.writing.max
  const scale = same ? range(s.speaking.min, s.speaking.max, s.speaking.step) : ABILITIES.map((a) => `${ability(a)} ${range(s[a].min, s[a].max, s[a].step)}`).join(', ')
  return `${testName(test)}${W.colon}${scale}`
}
