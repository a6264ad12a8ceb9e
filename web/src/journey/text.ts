/**
 * The journey's words in English and French (web/src/words/journey.*.ts, only the page's language
 * loaded). The library gives codes and parameters (reasons, notices, what-ifs, unlocks); they are
 * worded here.
 * @module
 */
import { h } from '../dom.js'
import { fill, lang } from '../i18n.js'
import type { JourneyWords } from '../words/journey.en.js'

export type TextKey = keyof JourneyWords

// Only the page's language is downloaded.
const DICT: Readonly<Record<TextKey, string>> = lang === 'fr' ? (await import('../words/journey.fr.js')).fr : (await import('../words/journey.en.js')).en

/** A journey message with `{name}` placeholders filled (numbers as the page's language writes them). */
export function m(key: TextKey, vars: Record<string, string | number> = {}): string {
  return fill(DICT[key], vars)
}

/** A key built at run time (`lvl_${level}`), or the key itself when unknown. */
export function mk(key: string, vars?: Record<string, string | number>): string {
  return key in DICT ? m(key as TextKey, vars) : key
}


/**
 * A message whose `english` placeholder holds a name that exists in English only (a NOC title): that
 * name is marked `lang="en"`, so a screen reader on a French page says it as English.
 */
export function mEnglish(key: TextKey, vars: Record<string, string | number>, english: string): (string | HTMLElement)[] {
  const [before = '', after = ''] = m(key, { ...vars, [english]: '\u0000' }).split('\u0000')
  return [before, h('span', { lang: 'en' }, String(vars[english] ?? '')), after]
}
