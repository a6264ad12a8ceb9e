/**
 * The "rules last verified" notice in the web app: the library's own notice (src/rules/verified.ts), shown
 * when the date asked about is after the day the rules were last checked. Kept apart from the pages so
 * they change by one line each.
 * @module
 */
import { h } from './dom.js'
import { lang } from './i18n.js'
import { AREAS_READ, verificationNotice } from '../../src/rules/verified.js'

/** The notice for an answer on `date` (a score reads the CRS and language rules; eligibility reads all), or null. */
export function verifiedNoticeElement(date: string, what: 'score' | 'eligibility' = 'score'): HTMLElement | null {
  const notice = verificationNotice(date, AREAS_READ[what])
  if (!notice) return null
  const text = lang === 'fr' ? `règles vérifiées pour la dernière fois le ${notice.lastVerified}; un changement après ce jour n’est pas connu de cette version` : notice.message
  return h('p', { class: 'hint', role: 'note', 'data-testid': 'rules-verified-notice' }, text)
}

/** Shows the notice for `date` in `host` (or clears it). */
export function showVerifiedNotice(host: HTMLElement, date: string, what: 'score' | 'eligibility' = 'score'): void {
  const el = verifiedNoticeElement(date, what)
  host.replaceChildren(...(el ? [el] : []))
}

/** Shows the notice for `date` right after `anchor` (one element, updated in place), or removes it. */
export function noticeAfter(anchor: Element, date: string, what: 'score' | 'eligibility' = 'score'): void {
  const id = `rules-verified-${what}`
  let host = document.getElementById(id)
  if (!host) {
    host = h('div', { id })
    anchor.after(host)
  }
  showVerifiedNotice(host, date, what)
}
