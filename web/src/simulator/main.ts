/**
 * The round simulator: the demo pool's distribution, and a round (general, program or category, any size
 * and instant) decided on it through the API's dry run (`POST /v1/rounds/simulate`): who would be
 * invited, the lowest score and the tie-break. Nothing is written. A category round picks from the
 * categories in force on the round's day (`GET /v1/rounds/categories`); the round's time may be a day.
 * @module
 */
import '../site-words.js'
import { barChart } from '../charts.js'
import { h } from '../dom.js'
import { colon, failureText, lang, num, t, tk, when as whenText, whenShort, type MessageKey } from '../i18n.js'
import { rulesDay } from '../dates.js'
import { roundLabel } from '../journey/messages.js'
import { pageLayout } from '../layout.js'
import { problemElement, problemLines, type Problem } from '../problem.js'
import { PROGRAMS, ROUND_TYPES } from '../../../src/domain/words.js'
import { roundInstant } from './round-input.js'

interface RoundCategories {
  readonly on: string
  readonly categories: readonly { id: string; label: string; roundable: boolean; reason?: string }[]
}
interface Simulation {
  readonly label: string
  readonly size: number
  readonly invited: number
  readonly ranked: number
  readonly lowestScore: number | null
  readonly tieBreakCutoff: string | null
  readonly rules: string
  readonly kind: 'general' | 'program' | 'category'
  /** The candidates the round could not decide (not invited); null for a round held before they were counted. */
  readonly undecided: { readonly count: number; readonly withinReach: number } | null
  /** Who would be invited: only for a client with a token (the API keeps it from the public). */
  readonly invitations?: readonly { profileId: string; rank: number; score: number; submittedAt: string }[]
  /** A round on a day after the rules were last verified. */
  readonly notices?: readonly { code: string; lastVerified: string }[]
}

const FINEST = ['601-1200', '501-600', '491-500', '481-490', '471-480', '461-470', '451-460', '441-450', '431-440', '421-430', '411-420', '401-410', '351-400', '301-350', '0-300']
const nowInstant = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

const distribution = h('div', { id: 'sim-distribution' }, h('p', { role: 'status' }, t('loading')))
const kind = h('select', { id: 'sim-kind' }, ...ROUND_TYPES.map((k) => h('option', { value: k }, tk(`type_${k}`))))
const program = h('select', { id: 'sim-program' }, ...PROGRAMS.map((p) => h('option', { value: p }, p.toUpperCase())))
const category = h('select', { id: 'sim-category' })
const categoryHint = h('p', { class: 'hint', id: 'sim-category-hint' })
const size = h('input', { id: 'sim-size', type: 'number', min: 1, max: 1_000_000, step: 1, value: 500, required: true, 'aria-describedby': 'sim-size-error' })
// Said here in the page's language (the API's own words are English): a whole number from 1 to 1,000,000.
const sizeError = h('p', { class: 'error', id: 'sim-size-error', hidden: true }, t('simSizeInvalid'))
const sizeOk = (): boolean => {
  const n = Number(size.value)
  return size.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 1_000_000
}
const at = h('input', { id: 'sim-at', value: nowInstant(), required: true, autocomplete: 'off', spellcheck: false, 'aria-describedby': 'sim-at-error' })
const atError = h('p', { class: 'error', id: 'sim-at-error', hidden: true }, t('simAtInvalid'))
const programField = h('div', { class: 'field' }, h('label', { for: program.id }, t('simProgram')), program)
const categoryField = h('div', { class: 'field' }, h('label', { for: category.id }, t('simCategoryInForce')), category, categoryHint)
const output = h('div', { id: 'sim-result', 'aria-live': 'polite' })
const form = h(
  'form',
  { id: 'sim-form', novalidate: true },
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: kind.id }, t('type')), kind), programField, categoryField),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: size.id }, t('size')), size, sizeError), h('div', { class: 'field' }, h('label', { for: at.id }, t('simAtDay')), at, atError)),
  h('p', {}, h('button', { type: 'submit' }, t('simRun'))),
)

/** The fields' names for the API's issues. */
const FIELDS: Readonly<Record<string, MessageKey>> = { at: 'simAtDay', kind: 'type', program: 'simProgram', category: 'simCategoryInForce', size: 'size' }

/** The round's day: from the instant typed, or today while it cannot be read. */
const roundDay = (): string => (roundInstant(at.value) ?? nowInstant()).slice(0, 10)

let categoriesFor = ''
/** Fills the category list with the categories in force on the round's day (kept chosen when still in force). */
async function loadCategories(): Promise<void> {
  const day = roundDay()
  if (day === categoriesFor) return
  categoriesFor = day
  const res = await fetch(`/v1/rounds/categories?on=${day}`, { headers: { accept: 'application/json' } })
  const body = (await res.json()) as RoundCategories & Problem
  if (day !== categoriesFor) return // a later day was asked for meanwhile
  if (!res.ok) {
    categoryHint.replaceChildren(problemElement(problemLines(body, res.status), lang))
    return
  }
  const chosen = category.value
  const options = body.categories.map((c) => h('option', { value: c.id, disabled: !c.roundable, title: c.reason ?? null }, c.roundable ? roundLabel(c.label) : t('simCategoryNoList', { label: roundLabel(c.label) })))
  category.replaceChildren(...options)
  const first = body.categories.find((c) => c.roundable)
  category.value = body.categories.some((c) => c.roundable && c.id === chosen) ? chosen : (first?.id ?? '')
  categoryHint.textContent = body.categories.length === 0 ? t('simNoCategory', { day }) : t('simCategoryInForceHint', { day })
}

function showKind(): void {
  programField.hidden = kind.value !== 'program'
  categoryField.hidden = kind.value !== 'category'
  if (kind.value === 'category') loadCategories().catch((err: unknown) => categoryHint.replaceChildren(h('span', { class: 'error' }, failureText(err))))
}
kind.addEventListener('change', showKind)
showKind()
at.addEventListener('input', () => {
  const ok = roundInstant(at.value) !== null
  atError.hidden = ok
  at.setAttribute('aria-invalid', String(!ok))
  if (ok && kind.value === 'category') showKind()
})

/** The CRS rules a round was decided under, in words ("CRS rules in force since March 25, 2025"); the id stays in the element's title and data. */
function rulesLine(id: string): string {
  const since = rulesDay(id)
  return since ? t('rules', { date: since }) : t('rulesOther', { id })
}

/** Why no one was ranked: the pool was empty at that instant (every profile expired or not yet submitted), or no one in it was eligible. */
async function whyNoneRanked(at: string): Promise<HTMLElement> {
  const res = await fetch(`/v1/pool/distribution?at=${encodeURIComponent(at)}`)
  const body = (await res.json().catch(() => null)) as { distribution?: { range: string; count: number }[] } | null
  const active = body?.distribution?.find((d) => d.range === 'total')?.count
  const when = whenText(at)
  const text = active === undefined ? null : active === 0 ? t('simNoneActive', { at: when }) : t('simNoneEligible', { n: num(active), at: when })
  return h('p', { class: 'notice', 'data-testid': 'sim-none' }, text ?? t('simRanked', { n: 0 }))
}

async function loadDistribution(): Promise<void> {
  const res = await fetch('/v1/pool/distribution')
  const body = (await res.json()) as { at?: string; distribution?: { range: string; count: number }[] } & Problem
  if (!res.ok || !body.distribution) {
    distribution.replaceChildren(h('p', { class: 'error' }, body.detail ?? String(res.status)))
    return
  }
  const total = body.distribution.find((d) => d.range === 'total')?.count ?? 0
  const rows = FINEST.map((range) => ({ label: range, value: body.distribution!.find((d) => d.range === range)?.count ?? 0 }))
  distribution.replaceChildren(h('p', {}, t('simPoolSize', { n: num(total) })), barChart(rows, t('distChart'), '#176b36'))
}

size.addEventListener('input', () => {
  const ok = sizeOk()
  sizeError.hidden = ok
  size.setAttribute('aria-invalid', String(!ok))
})

form.addEventListener('submit', (e) => {
  e.preventDefault()
  void (async () => {
    if (!sizeOk()) {
      sizeError.hidden = false
      size.setAttribute('aria-invalid', 'true')
      size.focus()
      output.replaceChildren()
      return
    }
    const instant = roundInstant(at.value)
    if (instant === null) {
      atError.hidden = false
      at.setAttribute('aria-invalid', 'true')
      at.focus()
      output.replaceChildren()
      return
    }
    const request: Record<string, unknown> = { at: instant, kind: kind.value, size: Number(size.value) }
    if (kind.value === 'program') request.program = program.value
    if (kind.value === 'category') request.category = category.value
    output.replaceChildren(h('p', { role: 'status' }, t('loading')))
    const res = await fetch('/v1/rounds/simulate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })
    const body = (await res.json().catch(() => null)) as (Simulation & Problem) | null
    if (!res.ok || body === null) {
      output.replaceChildren(problemElement(problemLines(body, res.status, (path) => (FIELDS[path] ? t(FIELDS[path]) : undefined)), lang))
      return
    }
    output.replaceChildren(
      h('h2', {}, roundLabel(body.label)),
      h(
        'ul',
        {},
        h('li', {}, `${t('size')}${colon}`, h('strong', {}, num(body.invited)), ` / ${num(body.size)} (${t('simRanked', { n: num(body.ranked) })})`),
        h('li', {}, `${t('lowest')}${colon}`, h('strong', { 'data-testid': 'sim-lowest' }, body.lowestScore === null ? '—' : String(body.lowestScore))),
        h('li', {}, `${t('tieBreak')}${colon}`, h('strong', {}, body.tieBreakCutoff ? whenText(body.tieBreakCutoff) : '—')),
        h('li', { title: body.rules, 'data-rules': body.rules, 'data-testid': 'sim-rules' }, rulesLine(body.rules)),
      ),
      ...(body.notices ?? []).map((n) => h('p', { class: 'notice', role: 'note', 'data-testid': 'sim-rules-notice' }, t('simRulesNotVerified', { date: n.lastVerified }))),
      body.undecided && body.undecided.count > 0
        ? h('p', { class: 'notice', 'data-testid': 'sim-undecided' }, t(body.kind === 'category' ? 'simUndecided' : body.kind === 'program' ? 'simUndecidedProgram' : 'simUndecidedGeneral', { n: num(body.undecided.count), reach: num(body.undecided.withinReach) }))
        : '',
      body.ranked === 0 ? await whyNoneRanked(instant) : '',
      body.invitations
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              {},
              h('caption', {}, t('simFirst', { n: body.invitations.length })),
              h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'n' }, '#'), h('th', { scope: 'col' }, t('simProfile')), h('th', { scope: 'col', class: 'n' }, t('total')), h('th', { scope: 'col' }, t('simSubmitted')))),
              h('tbody', {}, ...body.invitations.map((i) => h('tr', {}, h('td', { class: 'n' }, String(i.rank)), h('td', {}, i.profileId), h('td', { class: 'n' }, String(i.score)), h('td', { 'data-instant': i.submittedAt }, whenShort(i.submittedAt))))),
            ),
          )
        : h('p', { 'data-testid': 'sim-private' }, t('simPrivate')),
    )
  })().catch((err: unknown) => output.replaceChildren(h('p', { class: 'error', role: 'alert' }, failureText(err))))
})

pageLayout({ title: t('simTitle'), privacy: 'privacySimulator' }, h('p', {}, t('simIntro')), h('h2', {}, t('simPool')), distribution, h('h2', {}, t('simRound')), form, output)
loadDistribution().catch((err: unknown) => distribution.replaceChildren(h('p', { class: 'error' }, failureText(err))))
