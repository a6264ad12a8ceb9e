/**
 * Past rounds: the cut-off over time by type of round, the pool by CRS range at the latest published
 * snapshot, statistics by year, and the rounds (filtered by type and year, 25 at a time, each opening
 * its own view at `?round=254`: its moment, type, size, lowest score, tie-break and the pool's
 * distribution when published). Data from the API (`/v1/rounds`, `/v1/rounds/stats`, `/v1/rounds/{number}`).
 * @module
 */
import '../site-words.js'
import { barChart, dayOf, scatterChart, swatch, type Series } from '../charts.js'
import { programName, roundName, roundNameElement } from '../journey/messages.js'
import { h } from '../dom.js'
import { day, dayShort, failureReason, lang, num, roundNo, t, tk, when as instant, whenShort, type MessageKey } from '../i18n.js'
import { layout } from '../layout.js'
import { recordStatusElement, type RecordInfo } from '../record-status.js'
import { pastInvitations } from '../../../src/history/invited.js'
import type { PastRound } from '../../../src/history/record.js'
import { crsFactorsSchema } from '../../../src/schemas/crs-factors.js'
import { isoDate, ROUND_TYPES } from '../../../src/schemas/common.js'
import { filterFromQuery, filterList, PAGE_SIZE, queryWithFilter, yearsOf, type ListFilter, type TypeFilter } from './list.js'

interface Round {
  readonly number: string
  readonly date: string
  /** The instant of the round (UTC); its time is a guess when `atAssumed`. */
  readonly at?: string
  readonly atAssumed?: boolean
  readonly programs?: readonly string[]
  readonly categoryId?: string
  readonly distribution?: readonly { range: string; count: number }[] | null
  readonly distributionAsOf?: string | null
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

const keep = lang === 'fr' ? '&lang=fr' : ''
const asked = new URLSearchParams(location.search).get('round')
const status = h('p', { role: 'status' }, t('loading'))
const main = asked ? layout(t('roundTitle', { number: asked }), status) : layout(t('roundsTitle'), h('p', {}, t('roundsIntro')), status)

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null
    throw new Error(problem?.detail ?? `${res.status}`)
  }
  return (await res.json()) as T
}

type Cell = string | number | HTMLElement

/**
 * A table; `stack`: on a phone each row stacks its cells, each with its column's name (style.css
 * .stack), for rows too wide for the screen.
 */
function table(head: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[], options: { stack?: boolean; testId?: string } = {}): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: options.stack ? 'stack' : null, 'data-testid': options.testId ?? null },
      h('thead', {}, h('tr', {}, ...head.map((x, i) => h('th', { scope: 'col', class: numeric[i] ? 'n' : null }, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', { class: numeric[i] ? 'n' : null, 'data-label': options.stack ? head[i]! : null }, typeof c === 'number' ? num(c) : c))))),
    ),
  )
}

/** A link to the round's own view. */
const roundLink = (number: string): HTMLElement => h('a', { href: `/rounds?round=${encodeURIComponent(number)}${keep}`, 'aria-label': t('roundOpen', { number }) }, number)
/** The round's name in the page's language (IRCC's French name when the server has it). */
const nameOf = (r: Round): string => roundName(r.label, r.labelFr)

/** The rounds, filtered by type and year (kept in the address), newest first, 25 more at a time. */
function roundsList(rounds: readonly Round[]): HTMLElement {
  let filter: ListFilter = filterFromQuery(location.search)
  let shown = PAGE_SIZE
  const typeSelect = h('select', { id: 'rounds-type' }, ...(['all', ...ROUND_TYPES] as const).map((x) => h('option', { value: x, selected: filter.type === x }, x === 'all' ? t('all') : tk(`type_${x}`))))
  const yearSelect = h('select', { id: 'rounds-year' }, h('option', { value: '' }, t('all')), ...yearsOf(rounds).map((y) => h('option', { value: String(y), selected: filter.year === y }, String(y))))
  const count = h('p', { 'data-testid': 'rounds-shown', 'aria-live': 'polite' })
  const list = h('div', {})
  const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'rounds-more' })
  const draw = (): void => {
    const matched = filterList(rounds, filter)
    const page = matched.slice(0, shown)
    count.textContent = matched.length === 0 ? t('roundsNone') : t('roundsShown', { shown: num(page.length), total: num(matched.length) })
    list.replaceChildren(
      page.length === 0
        ? ''
        : table(
            [t('roundNo'), t('date'), t('label'), t('size'), t('lowest'), t('tieBreak')],
            page.map((r) => [roundLink(r.number), dayShort(r.date), roundNameElement(r.label, r.labelFr), r.size, r.lowestScore, r.tieBreakCutoff ? whenShort(r.tieBreakCutoff) : '—']),
            [false, false, false, true, true, false],
            { stack: true, testId: 'rounds-list' },
          ),
    )
    more.hidden = matched.length <= shown
    more.textContent = t('showMore', { n: num(Math.min(PAGE_SIZE, matched.length - shown)) })
  }
  const changed = (): void => {
    filter = { type: typeSelect.value as TypeFilter, year: yearSelect.value === '' ? null : Number(yearSelect.value) }
    shown = PAGE_SIZE
    history.replaceState(null, '', `${location.pathname}${queryWithFilter(location.search, filter)}${location.hash}`)
    draw()
  }
  typeSelect.addEventListener('change', changed)
  yearSelect.addEventListener('change', changed)
  more.addEventListener('click', () => {
    shown += PAGE_SIZE
    draw()
  })
  draw()
  const field = (select: HTMLSelectElement, key: MessageKey) => h('div', { class: 'field' }, h('label', { for: select.id }, t(key)), select)
  return h('section', { 'aria-labelledby': 'rounds-list-h' }, h('h2', { id: 'rounds-list-h' }, t('latestRounds')), h('fieldset', { class: 'row' }, h('legend', {}, t('roundsFilter')), field(typeSelect, 'type'), field(yearSelect, 'year')), count, list, h('p', {}, more))
}

/** One round (`?round=254`): its moment, type, name, size, lowest score, tie-break and the pool's distribution when published. */
async function showRound(number: string): Promise<void> {
  const res = await fetch(`/v1/rounds/${encodeURIComponent(number)}`, { headers: { accept: 'application/json' } })
  const back = h('p', {}, h('a', { href: `/rounds${lang === 'fr' ? '?lang=fr' : ''}` }, t('allRounds')))
  if (res.status === 404) {
    status.replaceWith(h('p', { class: 'error', 'data-testid': 'round-missing' }, t('roundNotFound', { number })), back)
    return
  }
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? String(res.status))
  const r = (await res.json()) as Round
  const when = !r.at ? day(r.date) : r.atAssumed ? t('roundTimeUnknown', { date: r.date }) : instant(r.at)
  const name = nameOf(r)
  const rows: [string, Cell][] = [
    [t('roundNo'), r.number],
    [t('roundWhen'), when],
    [t('type'), tk(`type_${r.type}`)],
    [t('label'), name],
    ...(name !== r.label ? [[t('roundIrccLabel'), h('span', { lang: 'en' }, r.label)] as [string, Cell]] : []),
    ...(r.categoryId ? [[t('roundCategory'), r.categoryId] as [string, Cell]] : []),
    ...(r.programs?.length ? [[t('roundPrograms'), r.programs.map((p) => programName(p)).join(', ')] as [string, Cell]] : []),
    [t('size'), num(r.size)],
    [t('lowest'), num(r.lowestScore)],
    [t('tieBreak'), r.tieBreakCutoff ? instant(r.tieBreakCutoff) : '—'],
  ]
  const details = h('table', { 'data-testid': 'round-detail' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', { 'data-key': k }, h('th', { scope: 'row' }, k), h('td', {}, v)))))
  const parts: (HTMLElement | SVGElement)[] = [details]
  const dist = r.distribution
  if (dist && dist.length > 0) {
    const title = t('roundDistribution', { date: r.distributionAsOf ?? r.date })
    const rows = FINEST.map((range) => ({ label: range, value: dist.find((d) => d.range === range)?.count ?? 0 }))
    const total = dist.find((d) => d.range === 'total')?.count
    parts.push(
      h('h2', {}, title),
      barChart(rows, title),
      table([t('range'), t('profiles')], [...rows.map((x) => [x.label, x.value] as Cell[]), ...(total === undefined ? [] : [[t('distTotal'), total] as Cell[]])], [false, true], { testId: 'round-distribution' }),
    )
  } else parts.push(h('p', { class: 'hint' }, t('roundNoDistribution')))
  status.replaceWith(...parts, back)
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
  const french = new Map(rounds.map((r) => [r.number, r.labelFr]))
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
          invited.slice(0, 50).map((r) => [r.number, dayShort(r.date), roundName(r.label, french.get(r.number)), r.score, r.lowestScore, tk(`outcome_${r.outcome}`)]),
          [false, false, false, true, true, false],
          { stack: true },
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
    points: rounds.filter((r) => r.type === type).map((r) => ({ x: dayOf(r.date), y: r.lowestScore, title: `${roundNo(r.number)} ${dayShort(r.date)} · ${nameOf(r)} · ${r.lowestScore} (${num(r.size)})` })),
  }))
  const legend = h('ul', { class: 'legend' }, ...series.map((x) => h('li', {}, swatch(x.shape, x.color), ' ', x.name)))
  const latest = stats.distributions.at(-1)
  const distRows = latest ? FINEST.map((range) => ({ label: range, value: latest.distribution.find((d) => d.range === range)?.count ?? 0 })) : []
  const mine = myRounds(rounds as unknown as PastRound[])
  status.remove()
  const parts: (HTMLElement | SVGElement | null)[] = [
    ...mine,
    h('h2', {}, t('cutoffChart')),
    legend,
    scatterChart(series, t('cutoffChart')),
    latest ? h('h2', {}, `${t('distChart')} (${t('distAsOf', { date: latest.asOf })})`) : null,
    latest ? barChart(distRows, `${t('distChart')} ${t('distAsOf', { date: latest.asOf })}`) : null,
    roundsList(rounds),
    h('h2', {}, t('statsTitle')),
    table(
      [t('year'), t('type'), t('rounds'), t('size'), t('minLowest'), t('median')],
      stats.byYearAndType.map((x) => [String(x.year), x.type === 'all' ? t('all') : tk(`type_${x.type}`), x.rounds, x.invitations, x.minLowestScore ?? '—', x.medianLowestScore ?? '—']),
      [false, false, true, true, true, true],
      // Six columns are wider than a phone: stacked there, as the rounds list.
      { stack: true, testId: 'rounds-stats' },
    ),
  ]
  main.append(...parts.filter((p): p is HTMLElement | SVGElement => p !== null))
}

;(asked ? showRound(asked) : load()).catch((e: unknown) => {
  status.textContent = t('loadFailed', { error: failureReason(e) })
  status.className = 'error'
})
