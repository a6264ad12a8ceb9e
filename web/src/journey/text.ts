/**
 * The journey's words in English and French (web/src/words/journey.*.ts, only the page's language
 * loaded). The library gives codes and parameters (reasons, notices, what-ifs, unlocks); they are
 * worded here.
 * @module
 */
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

