/**
 * English and French. The language comes from `?lang=`, then the last choice, then the browser; the
 * switch in the header keeps the rest of the URL (and so the calculator's state). The words are in
 * web/src/words/, one module per language, and only the page's is loaded: here the frame's (layout.ts),
 * which every page shows; the home, rounds and simulator pages add the site's (web/src/site-words.ts),
 * which the journey's pages do without (they have their own, web/src/journey/text.ts).
 * @module
 */
import type { FrameWords } from './words/frame.en.js'
import type { SiteWords } from './words/site.en.js'
import { dateValue, dayText, instantText } from './dates.js'

export type MessageKey = keyof FrameWords | keyof SiteWords

export type Lang = 'en' | 'fr'

function detect(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang')
  if (fromUrl === 'en' || fromUrl === 'fr') return fromUrl
  try {
    const saved = localStorage.getItem('lang')
    if (saved === 'en' || saved === 'fr') return saved
  } catch {
    // storage may be disabled; the browser's language decides
  }
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export const lang: Lang = detect()
document.documentElement.lang = lang

// Only the page's language is downloaded: the other one's words never reach the device.
const DICT: Partial<Record<MessageKey, string>> = { ...(lang === 'fr' ? (await import('./words/frame.fr.js')).fr : (await import('./words/frame.en.js')).en) }

/** Adds the site's words (web/src/site-words.ts, in the page's language) to the frame's. */
export function addSiteWords(words: Readonly<Record<keyof SiteWords, string>>): void {
  Object.assign(DICT, words)
}

/**
 * The message `key` in the page's language, with `{name}` placeholders filled (numbers as the page's
 * language writes them). A key of the site's words on a page that did not import web/src/site-words.ts
 * is a mistake of the page's, said as such.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = DICT[key]
  if (template === undefined) throw new Error(`The words "${key}" are not loaded on this page: it must import web/src/site-words.ts`)
  return fill(template, vars)
}

/**
 * `template` with its `{name}` placeholders filled: a number is written as the page's language writes
 * it ("1 000", "0,0272" in French: `dec`), an ISO day or instant too ("November 30, 2026", "30 novembre
 * 2026", "1er décembre 2026": web/src/dates.ts), any other string as it is. Every word table's filler
 * uses it, so a sentence never shows an ISO date.
 */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = vars[name]
    return v === undefined ? `{${name}}` : typeof v === 'number' ? dec(v) : dateValue(v, lang)
  })
}

/** An ISO day in a sentence, as the page's language writes it: "November 30, 2026", "30 novembre 2026". */
export const day = (iso: string): string => dayText(iso, lang)
/** An ISO day in a narrow table cell, on one line: "Nov 30, 2026", "30 nov. 2026". */
export const dayShort = (iso: string): string => dayText(iso, lang, 'short')
/** An ISO instant, in UTC: "July 5, 2023 at 13:38:22 UTC", "5 juillet 2023 à 13 h 38 min 22 s UTC". */
export const when = (iso: string): string => instantText(iso, lang)
/** An ISO instant in a narrow table cell: "Jul 5, 2023 at 13:38:22 UTC", "5 juill. 2023 à 13 h 38 min 22 s UTC". */
export const whenShort = (iso: string): string => instantText(iso, lang, 'short')

/** A message key built at run time (`edu_${level}`), checked. */
export function tk(key: string, vars?: Record<string, string | number>): string {
  return key in DICT ? t(key as MessageKey, vars) : key
}

/** The current URL in the other language. */
export function otherLanguageUrl(): string {
  const url = new URL(location.href)
  url.searchParams.set('lang', lang === 'en' ? 'fr' : 'en')
  return url.pathname + url.search + url.hash
}

/** Remembers the choice when the switch is used. */
export function rememberLanguage(next: Lang): void {
  try {
    localStorage.setItem('lang', next)
  } catch {
    // nothing to do
  }
}

const LOCALE = lang === 'fr' ? 'fr-CA' : 'en-CA'
const whole = new Intl.NumberFormat(LOCALE)
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 })
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent' })

/** Formats a whole number in the page's language ("1,000"; "1 000" in French, with a no-break space). */
export function num(n: number): string {
  return whole.format(n)
}

/** Formats a number with its decimals, as given, in the page's language ("0.0272", "20.92"; "0,0272", "20,92" in French). */
export function dec(n: number): string {
  return decimal.format(n)
}

/** A share as a percentage in the page's language ("97%"; "97 %" in French, with a no-break space). */
export function pct(p: number): string {
  return percent.format(p)
}

/**
 * ": " in English, " : " in French: French puts a space before the colon, and it must be a no-break
 * space (U+00A0) so the colon never starts a line.
 */
export const colon: string = lang === 'fr' ? '\u00a0: ' : ': '

/** "; " in English, " ; " in French, with a narrow no-break space (U+202F) before the semicolon, as before ? and !. */
export const semicolon: string = lang === 'fr' ? '\u202f; ' : '; '

/** "#446" in English, "nº 446" in French (the abbreviation of numéro, with a no-break space): a round's number. */
export function roundNo(n: string | number): string {
  return lang === 'fr' ? `n\u00ba\u00a0${n}` : `#${n}`
}

/**
 * Why something failed, in the page's language: a request or a module load that got no answer (the
 * browser's TypeError "Failed to fetch", "Load failed", "NetworkError…", "…dynamically imported module")
 * is "no answer from the server; check your connection, then try again", not the browser's English;
 * any other error gives its own message.
 */
export function failureReason(e: unknown): string {
  if (e instanceof TypeError && /fetch|load failed|networkerror|import/i.test(e.message)) return t('unreachable')
  return e instanceof Error ? e.message : String(e)
}

/** A failure as a line of its own: "This could not be done (no answer from the server; …)." */
export function failureText(e: unknown): string {
  return t('requestFailed', { error: failureReason(e) })
}

/** The ISO date format's placeholder in the page's language: "YYYY-MM-DD", "AAAA-MM-JJ" in French. */
export const datePattern: string = lang === 'fr' ? 'AAAA-MM-JJ' : 'YYYY-MM-DD'
