/**
 * Days and instants as a page's language writes them (pure: the language is given; web/src/i18n.ts binds
 * it to the page's). English as IRCC writes it, "November 30, 2026"; Canadian French, "30 novembre 2026",
 * "1er décembre 2026" (OQLF); short, for narrow table cells, "Nov 30, 2026", "30 nov. 2026". The parts
 * of a date are joined by no-break spaces (U+00A0), so a date never breaks across lines. An instant is
 * written in UTC with its time: "July 5, 2023 at 13:38:22 UTC"; in French as the OQLF writes a time in
 * running text, "5 juillet 2023 à 13 h 38 min 22 s UTC" (the colon form is for tables and ISO, and
 * French puts a space before a colon). Only the month's name comes from Intl.DateTimeFormat (in UTC, so
 * the device's time zone never moves a day); the rest is assembled here, the same in every browser.
 * The API, the CLI and the library keep ISO dates, and so do form inputs, data attributes and links.
 * @module
 */

export type DateLang = 'en' | 'fr'
export type DayStyle = 'long' | 'short' | 'monthDay'

const NBSP = '\u00a0'
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/

/** A calendar day given as ISO (YYYY-MM-DD) that exists. */
export function isDay(s: string): boolean {
  const d = DAY.exec(s)
  return d !== null && validDay(Number(d[1]), Number(d[2]), Number(d[3]))
}

/** An instant in UTC given as ISO (YYYY-MM-DDTHH:MM:SSZ, with or without its milliseconds). */
export function isInstant(s: string): boolean {
  const d = INSTANT.exec(s)
  return d !== null && validDay(Number(d[1]), Number(d[2]), Number(d[3])) && Number(d[4]) < 24 && Number(d[5]) < 60 && Number(d[6]) < 60
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

const months = new Map<string, Intl.DateTimeFormat>()
/** The month's name ("November", "Nov", "novembre", "nov."), from Intl in UTC. */
function monthName(y: number, m: number, lang: DateLang, style: 'long' | 'short'): string {
  const key = `${lang}-${style}`
  let f = months.get(key)
  if (!f) months.set(key, (f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { month: style, timeZone: 'UTC' })))
  return f.format(new Date(Date.UTC(y, m - 1, 15)))
}

function parts(y: number, m: number, d: number, lang: DateLang, style: DayStyle): string {
  const month = monthName(y, m, lang, style === 'long' ? 'long' : 'short')
  if (lang === 'fr') {
    const day = d === 1 ? '1er' : String(d)
    return style === 'monthDay' ? `${day}${NBSP}${month}` : `${day}${NBSP}${month}${NBSP}${y}`
  }
  return style === 'monthDay' ? `${month}${NBSP}${d}` : `${month}${NBSP}${d},${NBSP}${y}`
}

/**
 * An ISO day as `lang` writes it: `long` in sentences ("November 30, 2026", "30 novembre 2026"),
 * `short` in table cells ("Nov 30, 2026", "30 nov. 2026"), `monthDay` under a chart's bar ("Nov 30",
 * "30 nov."). Anything that is not an ISO day is returned as it is.
 */
export function dayText(iso: string, lang: DateLang, style: DayStyle = 'long'): string {
  if (!isDay(iso)) return iso
  return parts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), lang, style)
}

/**
 * An ISO instant as `lang` writes it, in UTC: "July 5, 2023 at 13:38:22 UTC", "5 juillet 2023 à
 * 13 h 38 min 22 s UTC" (`short`: the day's short form). Anything else is returned as it is.
 */
export function instantText(iso: string, lang: DateLang, style: 'long' | 'short' = 'long'): string {
  const d = INSTANT.exec(iso)
  if (!d || !isInstant(iso)) return iso
  const day = parts(Number(d[1]), Number(d[2]), Number(d[3]), lang, style)
  const [hh, mm, ss] = [d[4]!, d[5]!, d[6]!]
  return lang === 'fr' ? `${day} à ${Number(hh)}${NBSP}h${NBSP}${mm}${NBSP}min${NBSP}${ss}${NBSP}s${NBSP}UTC` : `${day} at ${hh}:${mm}:${ss}${NBSP}UTC`
}

/** A value of a sentence's parameters: an ISO day or instant written as `lang` writes it (long), anything else as it is. */
export function dateValue<V extends string | number>(v: V, lang: DateLang): V | string {
  if (typeof v !== 'string') return v
  return isDay(v) ? dayText(v, lang) : isInstant(v) ? instantText(v, lang) : v
}

/** A text with every ISO day in it written as `lang` writes it (a note worded elsewhere, e.g. the library's confidence in a category's list). */
export function datesInText(text: string, lang: DateLang): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b(?!T)/g, (iso) => dayText(iso, lang))
}

/** `params` with each ISO day or instant written as `lang` writes it (for sentences composed from a notice's params). */
export function datesIn<T extends Readonly<Record<string, string | number>>>(params: T, lang: DateLang): T {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(params)) out[k] = dateValue(v, lang)
  return out as T
}

/** The day a rules version began, from its id ("crs@2025-03-25" → "2025-03-25"), or null when the id does not end with one. */
export function rulesDay(id: string): string | null {
  const d = /@(\d{4}-\d{2}-\d{2})$/.exec(id)
  return d && isDay(d[1]!) ? d[1]! : null
}
