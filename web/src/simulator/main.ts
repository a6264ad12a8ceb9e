/**
 * The round simulator: the demo pool's distribution, and a round (general, program or category, any size
 * and instant) decided on it through the API's dry run (`POST /v1/rounds/simulate`): who would be
 * invited, the lowest score and the tie-break. Nothing is written.
 * @module
 */
import { barChart } from '../charts.js'
import { h } from '../dom.js'
import { num, t, tk } from '../i18n.js'
import { pageLayout } from '../layout.js'
import { PROGRAMS, ROUND_TYPES } from '../../../src/domain/words.js'

interface Problem {
  readonly detail?: string
  readonly issues?: readonly { path: string; message: string }[]
}
interface Simulation {
  readonly label: string
  readonly size: number
  readonly invited: number
  readonly ranked: number
  readonly lowestScore: number | null
  readonly tieBreakCutoff: string | null
  readonly rules: string
  /** Who would be invited: only for a client with a token (the API keeps it from the public). */
  readonly invitations?: readonly { profileId: string; rank: number; score: number; submittedAt: string }[]
}

const FINEST = ['601-1200', '501-600', '491-500', '481-490', '471-480', '461-470', '451-460', '441-450', '431-440', '421-430', '411-420', '401-410', '351-400', '301-350', '0-300']
const nowInstant = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

const distribution = h('div', { id: 'sim-distribution' }, h('p', { role: 'status' }, t('loading')))
const kind = h('select', { id: 'sim-kind' }, ...ROUND_TYPES.map((k) => h('option', { value: k }, tk(`type_${k}`))))
const program = h('select', { id: 'sim-program' }, ...PROGRAMS.map((p) => h('option', { value: p }, p.toUpperCase())))
const category = h('input', { id: 'sim-category', value: 'stem-2023-1', autocomplete: 'off', spellcheck: false })
const size = h('input', { id: 'sim-size', type: 'number', min: 1, max: 1_000_000, step: 1, value: 500, required: true })
const at = h('input', { id: 'sim-at', value: nowInstant(), required: true, autocomplete: 'off', spellcheck: false })
const programField = h('div', { class: 'field' }, h('label', { for: program.id }, t('simProgram')), program)
const categoryField = h('div', { class: 'field' }, h('label', { for: category.id }, t('simCategory')), category, h('p', { class: 'hint' }, t('simCategoryHint')))
const output = h('div', { id: 'sim-result', 'aria-live': 'polite' })
const form = h(
  'form',
  { id: 'sim-form', novalidate: true },
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: kind.id }, t('type')), kind), programField, categoryField),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: size.id }, t('size')), size), h('div', { class: 'field' }, h('label', { for: at.id }, t('simAt')), at)),
  h('p', {}, h('button', { type: 'submit' }, t('simRun'))),
)

function showKind(): void {
  programField.hidden = kind.value !== 'program'
  categoryField.hidden = kind.value !== 'category'
}
kind.addEventListener('change', showKind)
showKind()

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

form.addEventListener('submit', (e) => {
  e.preventDefault()
  void (async () => {
    const request: Record<string, unknown> = { at: at.value.trim(), kind: kind.value, size: Number(size.value) }
    if (kind.value === 'program') request.program = program.value
    if (kind.value === 'category') request.category = category.value.trim()
    output.replaceChildren(h('p', { role: 'status' }, t('loading')))
    const res = await fetch('/v1/rounds/simulate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })
    const body = (await res.json()) as Simulation & Problem
    if (!res.ok) {
      output.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, body.detail ?? String(res.status)), h('ul', {}, ...(body.issues ?? []).map((i) => h('li', {}, `${i.path}: ${i.message}`)))))
      return
    }
    output.replaceChildren(
      h('h2', {}, body.label),
      h(
        'ul',
        {},
        h('li', {}, `${t('size')}: `, h('strong', {}, num(body.invited)), ` / ${num(body.size)} (${t('simRanked', { n: num(body.ranked) })})`),
        h('li', {}, `${t('lowest')}: `, h('strong', { 'data-testid': 'sim-lowest' }, body.lowestScore === null ? '—' : String(body.lowestScore))),
        h('li', {}, `${t('tieBreak')}: `, h('strong', {}, body.tieBreakCutoff ?? '—')),
        h('li', {}, `${t('rules', { id: body.rules })}`),
      ),
      body.invitations
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              {},
              h('caption', {}, t('simFirst', { n: body.invitations.length })),
              h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'n' }, '#'), h('th', { scope: 'col' }, t('simProfile')), h('th', { scope: 'col', class: 'n' }, t('total')), h('th', { scope: 'col' }, t('simSubmitted')))),
              h('tbody', {}, ...body.invitations.map((i) => h('tr', {}, h('td', { class: 'n' }, String(i.rank)), h('td', {}, i.profileId), h('td', { class: 'n' }, String(i.score)), h('td', {}, i.submittedAt)))),
            ),
          )
        : h('p', { 'data-testid': 'sim-private' }, t('simPrivate')),
    )
  })().catch((err: unknown) => output.replaceChildren(h('p', { class: 'error', role: 'alert' }, String(err))))
})

pageLayout({ title: t('simTitle'), privacy: 'privacySimulator' }, h('p', {}, t('simIntro')), h('h2', {}, t('simPool')), distribution, h('h2', {}, t('simRound')), form, output)
loadDistribution().catch((err: unknown) => distribution.replaceChildren(h('p', { class: 'error' }, String(err))))
