/** The forecast's words, English and French (web/src/words/forecast.*.ts, only the page's language loaded; kept apart so they add no shared keys). @module */
import { fill, lang } from '../i18n.js'
import type { ForecastWords } from '../words/forecast.en.js'

export type ForecastTextKey = keyof ForecastWords

const DICT: Readonly<Record<ForecastTextKey, string>> = lang === 'fr' ? (await import('../words/forecast.fr.js')).fr : (await import('../words/forecast.en.js')).en

/** The message `key` in the page's language, with `{name}` placeholders filled. */
export function m(key: ForecastTextKey, vars: Record<string, string | number> = {}): string {
  return fill(DICT[key], vars)
}
