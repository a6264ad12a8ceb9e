/**
 * Would the candidate have been invited in past rounds? The record comes from the server
 * (`GET /v1/rounds`); the check runs here with the library (the Profile never leaves the device). The
 * verdict comes first, then only the rounds that matter: those that invited, those it cannot tell, and
 * the closest misses of the last year. On a later visit, the rounds published since the last one come
 * first, each with its verdict. Loaded on demand, so the page's first script stays small.
 * @module
 */
import { addYears } from '../../../src/domain/dates.js'
import { pastInvitations, type PastRoundCheck } from '../../../src/history/invited.js'
import type { PastRound } from '../../../src/history/record.js'
import type { Profile } from '../../../src/schemas/profile.js'
import { h, replaceKeepingFocus } from '../dom.js'
import { colon, day, dayShort, failureReason, roundNo, semicolon } from '../i18n.js'
import { saveVisit, todayIso, type Visit } from './answers.js'
import { loadRecord } from './record.js'
import { roundNameElement } from './messages.js'
import { m, mk } from './text.js'


/** A round checked by its name in the page's language: the French feed's own when the record holds it. */
const textOf = (n: string | HTMLElement): string => (typeof n === 'string' ? n : (n.textContent ?? ''))
type Namer = (c: { readonly number: string; readonly label: string }) => string | HTMLElement
const namer = (rounds: readonly PastRound[]): Namer => {
  const french = new Map(rounds.map((r) => [r.number, r.labelFr]))
  return (c) => roundNameElement(c.label, french.get(c.number))
}

/**
 * On a phone each round stacks its cells, each with its column's name (style.css `.stack`). Wider, a
 * table that does not fit (a date never breaks: web/src/dates.ts) scrolls: its box takes the keyboard's
 * focus and has a name (`label`), as the forecast's table.
 */
function table(rows: readonly PastRoundCheck[], id: string, name: Namer, label: string): HTMLElement {
  const columns = [m('round'), m('date'), m('roundType'), m('yourScore'), m('cutoff'), m('outcome')]
  const cell = (i: number, text: string | HTMLElement, cls: string | null = i === 3 || i === 4 ? 'n' : i === 1 ? 'date' : null) => h('td', { class: cls, 'data-label': columns[i]! }, text)
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': label },
    h(
      'table',
      { id, class: 'stack' },
      h('thead', {}, h('tr', {}, ...columns.map((x, i) => h('th', { scope: 'col', class: i === 3 || i === 4 ? 'n' : null }, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', { 'data-outcome': r.outcome }, cell(0, roundNo(r.number)), cell(1, dayShort(r.date)), cell(2, name(r)), cell(3, String(r.score)), cell(4, String(r.lowestScore)), cell(5, mk(`outcome_${r.outcome}`), `outcome ${r.outcome}`)))),
    ),
  )
}

/** The verdict line: "Invited in general rounds until #170 (2020-12-23); none since." (French: "nº 170"). */
function verdict(checks: readonly PastRoundCheck[]): string {
  const invited = checks.filter((c) => c.outcome === 'invited')
  if (invited.length === 0) return m('pastNever', { n: checks.length })
  const last = invited.at(-1)!
  const latest = checks.at(-1)!
  if (last.number === latest.number) return m('pastInvitedRecent', { n: invited.length, number: last.number, date: last.date })
  const types = [...new Set(invited.map((c) => c.type))].map((t) => mk(`type_${t}`)).join(' / ')
  return m('pastInvited', { types, number: last.number, date: last.date })
}

/** Round numbers in order ("447" after "98"; a suffixed number after its plain one), as the record orders them. */
function after(a: string, b: string): boolean {
  const na = Number.parseInt(a, 10)
  const nb = Number.parseInt(b, 10)
  return na !== nb ? na > nb : a > b
}

/** The rounds published since the last visit, each with the library's verdict for this Profile. */
function roundsSince(rounds: readonly PastRound[], profile: Profile, previous: Visit): HTMLElement {
  const since = rounds.filter((r) => (previous.lastRound ? after(r.number, previous.lastRound) : r.date > previous.on))
  const checks = since.length > 0 ? pastInvitations({ kind: 'profile', profile }, since).rounds : []
  const name = namer(rounds)
  const verdictOf = (c: PastRoundCheck): string => (c.outcome === 'invited' ? m('sinceYes') : c.outcome === 'unknown' ? m('sinceUnknown') : m('sinceNo'))
  return h(
    'section',
    { class: 'since', 'aria-labelledby': 'since-title', 'data-testid': 'rounds-since' },
    h('h4', { id: 'since-title' }, m('sinceTitle', { date: previous.on })),
    checks.length === 0
      ? h('p', {}, m('sinceNone'))
      : h('ul', {}, ...checks.map((c) => h('li', { 'data-round': c.number, 'data-outcome': c.outcome }, `${roundNo(c.number)} (${day(c.date)}) `, name(c), `, ${m('cutoff').toLowerCase()} ${c.lowestScore}, ${m('yourScore').toLowerCase()} ${c.score}${colon}`, h('strong', {}, verdictOf(c)), c.outcome === 'invited' || c.outcome === 'unknown' ? '' : ` (${mk(`outcome_${c.outcome}`)})`))),
  )
}

/**
 * Fills `box` with the verdict over the record up to `asOf`, after the rounds published since the
 * `previous` visit (if any); then this visit is remembered with the record's newest round.
 */
export async function renderPast(box: HTMLElement, profile: Profile, asOf: string, stale: () => boolean, previous: Visit | null): Promise<void> {
  let rounds: PastRound[]
  try {
    rounds = (await loadRecord()).rounds
  } catch (e) {
    replaceKeepingFocus(box, h('p', { class: 'error' }, m('pastFailed', { error: failureReason(e) })))
    return
  }
  if (stale()) return
  const newest = rounds.reduce<string | null>((n, r) => (n === null || after(r.number, n) ? r.number : n), previous?.lastRound ?? null)
  saveVisit({ on: todayIso(), lastRound: newest })
  const news = previous ? roundsSince(rounds, profile, previous) : null
  const upTo = rounds.filter((r) => r.date <= asOf)
  if (upTo.length === 0) return void replaceKeepingFocus(box, ...(news ? [news] : []))
  const { rounds: checks } = pastInvitations({ kind: 'profile', profile }, upTo)
  const last = upTo.at(-1)!
  const invited = checks.filter((c) => c.outcome === 'invited' || c.outcome === 'lost-tie-break').reverse()
  const unknown = checks.filter((c) => c.outcome === 'unknown').reverse()
  const yearAgo = addYears(last.date, -1)
  const close = checks
    .filter((c) => c.outcome === 'below-cutoff' && c.date > yearAgo && c.eligible !== false)
    .sort((a, b) => a.lowestScore - a.score - (b.lowestScore - b.score))
    .slice(0, 3)
  const name = namer(upTo)
  const unknownLabels = [...new Set(unknown.map((c) => textOf(name(c))))]
  const parts: (HTMLElement | null)[] = [
    news,
    h('p', { class: 'verdict', id: 'past-verdict' }, h('strong', {}, verdict(checks))),
    unknown.length > 0 ? h('p', { class: 'unknown-line' }, m('pastUnknown', { n: unknown.length, reason: unknownLabels.slice(0, 3).join(semicolon) + (unknownLabels.length > 3 ? '…' : '') })) : null,
    h('p', { class: 'hint', id: 'past-record' }, m('pastRecord', { last: last.date, number: last.number })),
    invited.length + unknown.length > 0 ? h('h4', {}, m('pastListTitle')) : null,
    invited.length + unknown.length > 0 ? table([...invited.slice(0, 8), ...unknown.slice(0, 4)], 'past-rounds', name, m('pastListTitle')) : null,
    close.length > 0 ? h('h4', {}, m('pastCloseTitle')) : null,
    close.length > 0 ? table(close, 'past-close', name, m('pastCloseTitle')) : null,
  ]
  replaceKeepingFocus(box, ...parts.filter((p): p is HTMLElement => p !== null))
}
