/**
 * English and French. The language comes from `?lang=`, then the last choice, then the browser; the
 * switch in the header keeps the rest of the URL (and so the calculator's state). The words are in
 * web/src/words/, one module per language, and only the page's is loaded.
 * @module
 */
import type { SiteWords } from './words/site.en.js'

export type MessageKey = keyof SiteWords

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
const DICT: Readonly<Record<MessageKey, string>> = lang === 'fr' ? (await import('./words/site.fr.js')).fr : (await import('./words/site.en.js')).en

/** The message `key` in the page's language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICT[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`))
}

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

/** Formats a whole number in the page's language. */
export function num(n: number): string {
  return n.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA')
}
