/**
 * Would the candidate have been invited in past rounds? The record comes from the server
 * (`GET /v1/rounds`); the check runs here with the library (the Profile never leaves the device). The
 * verdict comes first, then only the rounds that matter: those that invited, those it cannot tell, and
 * the closest misses of the last year. Loaded on demand, so the page's first script stays small.
 * @module
 */
import { addYears } from '../../../src/domain/dates.js'
import { pastInvitations, type PastRoundCheck } from '../../../src/history/invited.js'
import type { PastRound } from '../../../src/history/record.js'
import type { Profile } from '../../../src/schemas/profile.js'
import { h } from '../dom.js'
import { roundLabel } from './messages.js'
import { m, mk } from './text.js'

let record: Promise<PastRound[]> | null = null

function loadRecord(): Promise<PastRound[]> {
  record ??= fetch('/v1/rounds', { headers: { accept: 'application/json' } }).then(async (res) => {
    if (!res.ok) throw new Error(String(res.status))
    return ((await res.json()) as { rounds: PastRound[] }).rounds
  })
  record.catch(() => (record = null))
  return record
}

function table(rows: readonly PastRoundCheck[], id: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id },
      h('thead', {}, h('tr', {}, ...[m('round'), m('date'), m('roundType'), m('yourScore'), m('cutoff'), m('outcome')].map((x, i) => h('th', { scope: 'col', class: i === 3 || i === 4 ? 'n' : null }, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', { 'data-outcome': r.outcome }, h('td', {}, `#${r.number}`), h('td', {}, r.date), h('td', {}, roundLabel(r.label)), h('td', { class: 'n' }, String(r.score)), h('td', { class: 'n' }, String(r.lowestScore)), h('td', { class: `outcome ${r.outcome}` }, mk(`outcome_${r.outcome}`))))),
    ),
  )
}

/** The verdict line: "Invited in general rounds until #170 (2020-12-23); none since." */
function verdict(checks: readonly PastRoundCheck[]): string {
  const invited = checks.filter((c) => c.outcome === 'invited')
  if (invited.length === 0) return m('pastNever', { n: checks.length })
  const last = invited.at(-1)!
  const latest = checks.at(-1)!
  if (last.number === latest.number) return m('pastInvitedRecent', { n: invited.length, number: last.number, date: last.date })
  const types = [...new Set(invited.map((c) => c.type))].map((t) => mk(`type_${t}`)).join(' / ')
  return m('pastInvited', { types, number: last.number, date: last.date })
}

/** Fills `box` with the verdict over the record up to `asOf`. */
export async function renderPast(box: HTMLElement, profile: Profile, asOf: string, stale: () => boolean): Promise<void> {
  let rounds: PastRound[]
  try {
    rounds = await loadRecord()
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error' }, m('pastFailed', { error: e instanceof Error ? e.message : String(e) })))
    return
  }
  if (stale()) return
  const upTo = rounds.filter((r) => r.date <= asOf)
  if (upTo.length === 0) return void box.replaceChildren()
  const { rounds: checks } = pastInvitations({ kind: 'profile', profile }, upTo)
  const last = upTo.at(-1)!
  const invited = checks.filter((c) => c.outcome === 'invited' || c.outcome === 'lost-tie-break').reverse()
  const unknown = checks.filter((c) => c.outcome === 'unknown').reverse()
  const yearAgo = addYears(last.date, -1)
  const close = checks
    .filter((c) => c.outcome === 'below-cutoff' && c.date > yearAgo && c.eligible !== false)
    .sort((a, b) => a.lowestScore - a.score - (b.lowestScore - b.score))
    .slice(0, 3)
  const unknownLabels = [...new Set(unknown.map((c) => roundLabel(c.label)))]
  const parts: (HTMLElement | null)[] = [
    h('p', { class: 'verdict', id: 'past-verdict' }, h('strong', {}, verdict(checks))),
    unknown.length > 0 ? h('p', { class: 'unknown-line' }, m('pastUnknown', { n: unknown.length, reason: unknownLabels.slice(0, 3).join('; ') + (unknownLabels.length > 3 ? '…' : '') })) : null,
    h('p', { class: 'hint', id: 'past-record' }, m('pastRecord', { last: last.date, number: last.number })),
    invited.length + unknown.length > 0 ? h('h4', {}, m('pastListTitle')) : null,
    invited.length + unknown.length > 0 ? table([...invited.slice(0, 8), ...unknown.slice(0, 4)], 'past-rounds') : null,
    close.length > 0 ? h('h4', {}, m('pastCloseTitle')) : null,
    close.length > 0 ? table(close, 'past-close') : null,
  ]
  box.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null))
}
