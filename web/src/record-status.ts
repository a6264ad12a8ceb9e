/**
 * When the record of rounds was last refreshed and from where (GET /v1/rounds `record`), as one line
 * for the rounds page. Its own file so the page changes by one line.
 * @module
 */
import { h } from './dom.js'
import { RECORD_SHORT_DAYS } from '../../src/history/record-currency.js'
import { day, lang, num, when as instant } from './i18n.js'

export interface RecordInfo {
  readonly source: string | null
  readonly refreshedAt: string | null
  /** The last instant the record is known to hold every round (its feed last seen whole). */
  readonly currentAsOf?: string | null
  /** The last scheduled refresh that failed since the last that worked. */
  readonly lastFailure?: { readonly at: string; readonly reason: string; readonly kind?: string | null } | null
  readonly rounds: number
  readonly lastRound: { readonly number: string; readonly date: string } | null
}


/** What each kind of refresh failure (GET /v1/rounds `record.lastFailure.kind`) was, in French. */
const FAILURE_FR: Readonly<Record<string, string>> = {
  unreachable: 'le fil d’IRCC n’a pas pu être joint',
  timeout: 'le fil d’IRCC n’a pas répondu à temps',
  http: 'le fil d’IRCC a répondu par une erreur',
  too_large: 'le fil reçu dépassait la taille admise',
  cut_short: 'la réponse du fil a été coupée',
  not_feed: 'la réponse n’était pas le fil des rondes (une page d’erreur ou de maintenance, peut-être)',
  refused: 'le fil reçu a été refusé',
}

/** The server's reason is English, with its details: in French, the kind in words, the reason beside it marked English. */
function failureInFrench(failure: { readonly reason: string; readonly kind?: string | null }): (string | HTMLElement)[] {
  const reason = h('span', { lang: 'en' }, failure.reason)
  const words = failure.kind ? FAILURE_FR[failure.kind] : undefined
  return words ? [`${words} (`, reason, ')'] : [reason]
}

/**
 * Where the record comes from, in words (IRCC's published rounds, from its feed or from the copies of it
 * shipped with this software); the source exactly as the server gives it (a feed's address, or the
 * shipped record's English description with its file names) only in a details element, for a reader who
 * opens it. Dates and instants as the page's language writes them (web/src/dates.ts).
 */
export function recordStatusElement(info: RecordInfo | undefined): HTMLElement | null {
  if (!info) return null
  const fr = lang === 'fr'
  const last = info.lastRound ? (fr ? `jusqu’à la ronde n\u00ba\u00a0${info.lastRound.number} du ${day(info.lastRound.date)}` : `to round ${info.lastRound.number} of ${day(info.lastRound.date)}`) : ''
  const when = info.refreshedAt ? instant(info.refreshedAt) : fr ? 'à une date inconnue' : 'on an unknown date'
  const feed = info.source !== null && /^https?:\/\//.test(info.source)
  const from = info.source === null ? (fr ? 'une source inconnue' : 'an unknown source') : feed ? (fr ? 'le fil des rondes publiées d’IRCC' : 'IRCC’s feed of published rounds') : fr ? 'des copies du fil des rondes publiées d’IRCC, livrées avec ce logiciel' : 'copies of IRCC’s feed of published rounds, shipped with this software'
  const text = fr ? `Relevé des rondes d’IRCC mis à jour ${info.refreshedAt ? 'le ' : ''}${when} depuis ${from} (${num(info.rounds)}\u00a0rondes, ${last}).` : `Record of IRCC’s rounds last refreshed ${info.refreshedAt ? 'on ' : ''}${when} from ${from} (${info.rounds} rounds, ${last}).`
  const current = info.currentAsOf?.slice(0, 10)
  // Weeks short of today: the rounds held since are missing, and the page must not look current.
  const stale = current !== undefined && Date.parse(`${current}T00:00:00Z`) < Date.now() - RECORD_SHORT_DAYS * 86_400_000
  const gap = !stale ? '' : fr ? ` Il contient les rondes d’IRCC jusqu’au ${day(current)}\u00a0: celles tenues depuis n’y sont pas encore.` : ` It holds IRCC’s rounds to ${day(current)}: rounds held since are not in it yet.`
  // A server that keeps failing to refresh says so: the record has stopped being kept current.
  const failure = info.lastFailure
  const failed: (string | HTMLElement)[] = !failure ? [] : fr ? [` La dernière tentative de mise à jour, le ${instant(failure.at)}, a échoué\u00a0: `, ...failureInFrench(failure), '.'] : [` The last attempt to refresh it, on ${instant(failure.at)}, failed: ${failure.reason}.`]
  const line = h('p', { class: 'hint', 'data-testid': 'record-refreshed' }, text + gap, ...failed)
  if (info.source === null) return line
  // The shipped record's description is English (and names files): marked so, for a French page's reader.
  const exact = h('details', { class: 'hint', 'data-testid': 'record-source' }, h('summary', {}, fr ? (feed ? 'Provenance exacte' : 'Provenance exacte (en anglais)') : 'Exact source'), h('p', feed ? {} : { lang: 'en' }, info.source))
  return h('div', {}, line, exact)
}
