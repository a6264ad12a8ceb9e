/**
 * Past rounds: the cut-off over time by type of round, the pool by CRS range at the latest published
 * snapshot, statistics by year, and the latest rounds. Data from the API (`/v1/rounds`, `/v1/rounds/stats`).
 * @module
 */
import { barChart, dayOf, scatterChart, swatch, type Series } from '../charts.js'
import { roundLabel } from '../journey/messages.js'
import { h } from '../dom.js'
import { lang, num, t, tk } from '../i18n.js'
import { layout } from '../layout.js'
import { recordStatusElement, type RecordInfo } from '../record-status.js'
import { pastInvitations } from '../../../src/history/invited.js'
import type { PastRound } from '../../../src/history/record.js'
import { crsFactorsSchema } from '../../../src/schemas/crs-factors.js'
import { isoDate, ROUND_TYPES } from '../../../src/schemas/common.js'

interface Round {
  readonly number: string
  readonly date: string
  readonly label: string
  /** IRCC's French label, when the server fetched the French feed. */
  readonly labelFr?: string
  readonly type: 'general' | 'program' | 'category'
  readonly size: number
  readonly lowestScore: number
  readonly tieBreakCutoff: string | null
}
interface Stats {
  readonly byYearAndType: readonly { year: number; type: string; rounds: number; invitations: number; minLowestScore: number | null; medianLowestScore: number | null }[]
  readonly distributions: readonly { asOf: string; distribution: readonly { range: string; count: number }[] }[]
}

const COLORS = { general: '#0b4f9c', program: '#b35900', category: '#176b36' } as const
const SHAPES = { general: 'circle', program: 'square', category: 'triangle' } as const
const FINEST = ['601-1200', '501-600', '491-500', '481-490', '471-480', '461-470', '451-460', '441-450', '431-440', '421-430', '411-420', '401-410', '351-400', '301-350', '0-300']

const status = h('p', { role: 'status' }, t('loading'))
const main = layout(t('roundsTitle'), h('p', {}, t('roundsIntro')), status)

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null
    throw new Error(problem?.detail ?? `${res.status}`)
  }
  return (await res.json()) as T
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: readonly boolean[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...head.map((x, i) => h('th', { scope: 'col', class: numeric[i] ? 'n' : null }, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', { class: numeric[i] ? 'n' : null }, typeof c === 'number' ? num(c) : c))))),
    ),
  )
}

/**
 * With `?factors=<CrsFactors JSON>&asOf=` (the calculator's link): which past rounds up to that date
 * would have invited that score, computed here with the library (the factors do not leave the device).
 */
function myRounds(rounds: readonly PastRound[]): HTMLElement[] {
  const params = new URLSearchParams(location.search)
  const text = params.get('factors')
  if (!text) return []
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return [h('p', { class: 'error' }, t('invalidLink'))]
  }
  const parsed = crsFactorsSchema.safeParse(raw)
  const asOf = params.get('asOf') ?? new Date().toISOString().slice(0, 10)
  if (!parsed.success || !isoDate.safeParse(asOf).success) return [h('p', { class: 'error' }, t('invalidLink'))]
  const past = pastInvitations({ kind: 'factors', factors: parsed.data }, rounds.filter((r) => r.date <= asOf))
  const s = past.summary
  const invited = past.rounds.filter((r) => r.outcome === 'invited' || r.outcome === 'lost-tie-break' || r.outcome === 'unknown').reverse()
  return [
    h('h2', {}, t('mineTitle')),
    // The record may end before the date asked: say the day it ends.
    h('p', { id: 'mine-summary' }, t('mineSummary', { invited: s.invited, rounds: s.rounds, unknown: s.unknown, asOf: rounds.filter((r) => r.date <= asOf).at(-1)?.date ?? asOf })),
    h('p', { class: 'hint' }, t('mineNote')),
    invited.length === 0
      ? h('p', {}, t('mineNone'))
      : table(
          [t('roundNo'), t('date'), t('label'), t('total'), t('lowest'), t('mineOutcome')],
          invited.slice(0, 50).map((r) => [r.number, r.date, roundLabel(r.label), r.score, r.lowestScore, tk(`outcome_${r.outcome}`)]),
          [false, false, false, true, true, false],
        ),
  ]
}

async function load(): Promise<void> {
  const [{ rounds, record }, stats] = await Promise.all([getJson<{ rounds: Round[]; record?: RecordInfo }>('/v1/rounds'), getJson<Stats>('/v1/rounds/stats')])
  status.after(recordStatusElement(record) ?? '')
  const series: Series[] = ROUND_TYPES.map((type) => ({
    name: tk(`type_${type}`),
    color: COLORS[type],
    shape: SHAPES[type],
    key: type,
    points: rounds.filter((r) => r.type === type).map((r) => ({ x: dayOf(r.date), y: r.lowestScore, title: `#${r.number} ${r.date} · ${roundLabel(r.label)} · ${r.lowestScore} (${num(r.size)})` })),
  }))
  const legend = h('ul', { class: 'legend' }, ...series.map((x) => h('li', {}, swatch(x.shape, x.color), ' ', x.name)))
  const latest = stats.distributions.at(-1)
  const distRows = latest ? FINEST.map((range) => ({ label: range, value: latest.distribution.find((d) => d.range === range)?.count ?? 0 })) : []
  const recent = rounds.slice(-25).reverse()
  const mine = myRounds(rounds as unknown as PastRound[])
  status.remove()
  const parts: (HTMLElement | SVGElement | null)[] = [
    ...mine,
    h('h2', {}, t('cutoffChart')),
    legend,
    scatterChart(series, t('cutoffChart')),
    latest ? h('h2', {}, `${t('distChart')} (${t('distAsOf', { date: latest.asOf })})`) : null,
    latest ? barChart(distRows, `${t('distChart')} ${t('distAsOf', { date: latest.asOf })}`) : null,
    h('h2', {}, t('latestRounds')),
    table(
      [t('roundNo'), t('date'), t('label'), t('size'), t('lowest'), t('tieBreak')],
      recent.map((r) => [r.number, r.date, lang === 'fr' && r.labelFr ? r.labelFr : roundLabel(r.label), r.size, r.lowestScore, r.tieBreakCutoff ?? '—']),
      [false, false, false, true, true, false],
    ),
    h('h2', {}, t('statsTitle')),
    table(
      [t('year'), t('type'), t('rounds'), t('size'), t('minLowest'), t('median')],
      stats.byYearAndType.map((x) => [String(x.year), x.type === 'all' ? t('all') : tk(`type_${x.type}`), x.rounds, x.invitations, x.minLowestScore ?? '—', x.medianLowestScore ?? '—']),
      [false, false, true, true, true, true],
    ),
  ]
  main.append(...parts.filter((p): p is HTMLElement | SVGElement => p !== null))
}

load().catch((e: unknown) => {
  status.textContent = t('loadFailed', { error: e instanceof Error ? e.message : String(e) })
  status.className = 'error'
})
