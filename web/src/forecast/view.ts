/**
 * A forecast drawn for people, in English or French: the chance of an invitation, a bar for each date
 * of its curve (every 30 or 31 days for a year), the next round of each type with its cut-off range, and the reasons and notes,
 * each worded from its code. Shared by the forecast page (the API's answer) and the journey (the
 * library's, computed on the device).
 * @module
 */
import type { Forecast, ForecastNotice } from '../../../src/forecast/forecast.js'
import { addDays } from '../../../src/domain/dates.js'
import { chartWidth } from '../charts.js'
import { h, s } from '../dom.js'
import { colon, day, dayShort, lang } from '../i18n.js'
import { dayText } from '../dates.js'
import { roundTypeName, unmetText } from '../journey/messages.js'
import { m, type ForecastTextKey } from './messages.js'

const percent = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' })
/** "97%", "97 %": a share as the page's language writes it. */
export const pct = (p: number): string => percent.format(p)
/** A band of the track record's calibration, given as "10-20%", as the page's language writes it ("10-20 %" in French). */
export function bandText(band: string): string {
  const b = /^(\d+)-(\d+)%$/.exec(band)
  return b ? `${b[1]}-${pct(Number(b[2]) / 100)}` : band
}
const H = 200
/** The least height of a bar whose chance is above 0 (a bar of 1% was 1.6 units, a hairline on a phone); a chance of 0 draws none. The values said are unchanged. */
export const MIN_BAR = 4

/** A bar's height for chance `p` on a scale `full` units tall: in proportion, but at least MIN_BAR above 0, and 0 at 0. */
export function barHeight(p: number, full: number): number {
  return p > 0 ? Math.min(full, Math.max(MIN_BAR, p * full)) : 0
}
/** A day under a chart's bar, in the page's language, on one line ("Sep\u00a019", "19\u00a0sept.", "1er\u00a0oct."): web/src/dates.ts. */
export function shortDate(date: string): string {
  return dayText(date, lang, 'monthDay')
}

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The chart's caption: the curve's points are 30 or 31 days apart from the day the forecast looks from
 * (src/forecast/forecast.ts: asOf + round((m + 1) × 365 / 12) days), not month ends.
 */
export function chartCaption(asOf: string): string {
  return m('chartDates', { asOf })
}

/**
 * Bars of the chance of an invitation by each date of the curve, each labelled with its date (an image
 * with its text alternative), drawn `width` units wide: the width it will be shown at (default: the
 * screen's), so its 11-unit text stays about 11 px. `asOf`: the day the forecast looks from.
 */
export function curveChart(curve: Forecast['curve'], width = chartWidth(), asOf?: string): SVGElement {
  const W = Math.max(280, Math.min(760, Math.floor(width)))
  const pad = { left: 40, right: 8, top: 10, bottom: 26 }
  const bw = (W - pad.left - pad.right) / curve.length
  const caption = asOf ? chartCaption(asOf) : m('chartDates', { asOf: '—' })
  const barText = (c: Forecast['curve'][number]) => (asOf ? m('chartBar', { date: c.date, days: daysBetween(asOf, c.date), chance: pct(c.probability) }) : `${day(c.date)}${colon}${pct(c.probability)}`)
  const label = `${caption}${colon}${curve.map(barText).join(', ')}`
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label, 'data-testid': 'fc-chart' })
  svg.append(s('title', {}, caption))
  const y = (p: number) => H - pad.bottom - p * (H - pad.top - pad.bottom)
  for (const p of [0, 0.25, 0.5, 0.75, 1]) svg.append(s('line', { x1: pad.left, x2: W - pad.right, y1: y(p), y2: y(p), stroke: '#ddd' }), s('text', { x: pad.left - 6, y: y(p) + 4, 'text-anchor': 'end' }, pct(p)))
  // A date takes about 46 units of 11-unit text: on a narrow screen every second or third bar is
  // named, the last always (the bars' titles and the text alternative have them all).
  const every = Math.max(1, Math.ceil(46 / bw))
  curve.forEach((c, i) => {
    const x = pad.left + i * bw + 2
    const bh = barHeight(c.probability, H - pad.top - pad.bottom)
    svg.append(s('rect', { x: x.toFixed(1), y: (H - pad.bottom - bh).toFixed(1), width: Math.max(1, bw - 4).toFixed(1), height: bh.toFixed(1), fill: '#0b4f9c', 'data-date': c.date }, s('title', {}, barText(c))))
    if ((curve.length - 1 - i) % every === 0) svg.append(s('text', { x: (x + (bw - 4) / 2).toFixed(1), y: H - 8, 'text-anchor': 'middle', 'data-date': c.date }, shortDate(c.date)))
  })
  return svg
}

/** A number of days in the page's language: "1 day", "90 days". */
export const period = (days: number | string): string => m(Number(days) === 1 ? 'oneDay' : 'nDays', { days })

/** Round type keys (comma-separated, as a notice's params carry them) as names in the page's language. */
const typeNames = (keys: string | number | undefined): string =>
  String(keys ?? '')
    .split(',')
    .filter(Boolean)
    .map((t) => roundTypeName(t))
    .join(', ')

/** A reason or note in the page's language, from its code and values. */
export function noticeText(n: ForecastNotice): string {
  const p = n.params ?? {}
  switch (n.code) {
    case 'program_unmet': {
      const program = String(p.program ?? '')
      const name = roundTypeName(`program:${program}`, program.toUpperCase())
      return `${name}${colon}${(n.unmet ?? []).map((u) => unmetText(u)).join(' ') || m('no')}`
    }
    case 'program_rounds_not_held': {
      const programs = typeNames(String(p.programs ?? '').split(',').filter(Boolean).map((id) => `program:${id}`).join(','))
      return m(p.lastRound ? 'n_program_rounds_not_held' : 'n_program_rounds_not_held_none', { programs, lastRound: p.lastRound ?? '' })
    }
    case 'category_unmet': {
      const name = roundTypeName(String(p.category ?? ''))
      return `${name}${colon}${(n.unmet ?? []).map((u) => unmetText(u, name)).join(' ') || m('no')}`
    }
    case 'cant_tell_types':
      return m('n_cant_tell_types', { types: typeNames(p.types) })
    case 'cant_tell_eligibility':
      return m('n_cant_tell_eligibility', { days: p.days ?? '', types: typeNames(p.types), probability: pct(Number(p.probability ?? 0)) })
    case 'no_recent_rounds':
      // A record with no round at all has neither a last nor a first to name.
      return m(p.firstRound ? 'n_no_rounds_before' : p.lastRound ? 'n_no_recent_rounds' : 'n_no_rounds_at_all', p)
    case 'score_changes': {
      const scores = String(p.scores ?? '').split(',')
      const changes = String(p.dates ?? '').split(',').filter(Boolean).map((date, i) => m('scoreFrom', { score: scores[i] ?? '', date }))
      return m('n_score_changes', { days: p.days ?? '', changes: changes.join(', ') })
    }
    case 'below_expected_cutoffs':
      return m(p.date ? 'n_below_expected_cutoffs_once_open' : 'n_below_expected_cutoffs', p)
    case 'no_round_within_horizon':
      return m('n_no_round_within_horizon', { period: period(p.days ?? ''), types: typeNames(p.types), within365: pct(Number(p.within365 ?? 0)) })
    case 'not_open_yet':
      return m('n_not_open_yet', { date: p.date ?? '', types: typeNames(p.types) })
    case 'eligibility_ends': {
      // What closes the programs that were open (a test expiring...), each condition worded as eligibility's.
      const date = String(p.date ?? '')
      const values = { types: typeNames(p.types), date, last: date ? addDays(date, -1) : '', reopens: p.reopens ?? '' }
      const why = (n.unmet ?? []).map((u) => unmetText(u)).join(' ')
      return `${m(p.reopens ? 'n_eligibility_ends_reopens' : 'n_eligibility_ends', values)}${why ? ` ${why}` : ''}`
    }
    default:
      return m(`n_${n.code}` as ForecastTextKey, p)
  }
}

/** The forecast's parts, in order, for a box `width` px wide (default: the screen). */
export function forecastView(f: Forecast, width?: number): HTMLElement[] {
  const eligible = (e: boolean | null, opensOn: string | null) => {
    const now = e === null ? m('cantTell') : e ? m('yes') : m('no')
    return opensOn ? m('opensOn', { now, date: opensOn }) : now
  }
  // A table wider than its box scrolls: the region takes the keyboard's focus, and has a name.
  const wrap = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': m('rounds') })
  const columns = [m('type'), m('expected'), m('cutoff'), m('last'), m('eligible'), m('chance')]
  const numeric = (i: number) => (i === 2 || i === 3 || i === 5 ? 'n' : i === 1 ? 'date' : null)
  wrap.append(
    h(
      'table',
      // On a phone each round stacks its cells, each with its column's name (style.css .stack).
      { 'data-testid': 'fc-rounds', class: 'stack' },
      h('caption', {}, m('rounds')),
      h('thead', {}, h('tr', {}, ...columns.map((x, i) => h('th', { scope: 'col', class: numeric(i) }, x)))),
      h(
        'tbody',
        {},
        ...f.rounds.map((r) => {
          const chance = r.chanceIfOpen !== null && r.eligible !== true ? `${pct(r.chance)} (${m('chanceIfOpen', { p: pct(r.chanceIfOpen) })})` : pct(r.chance)
          const cells = [roundTypeName(r.type, r.label), r.expectedDate ? dayShort(r.expectedDate) : '—', r.cutoff ? `${r.cutoff.p10}–${r.cutoff.p50}–${r.cutoff.p90}` : '—', String(r.lastCutoff), eligible(r.eligible, r.opensOn), chance]
          return h('tr', { 'data-type': r.type }, ...cells.map((c, i) => h('td', { class: numeric(i), 'data-label': columns[i]! }, c)))
        }),
      ),
    ),
  )
  const chart = h('figure', { class: 'fc-chart' }, curveChart(f.curve, width, f.asOf), h('figcaption', { class: 'hint', 'data-testid': 'fc-chart-caption', 'data-as-of': f.asOf }, chartCaption(f.asOf)))
  return [
    h('p', { class: 'verdict' }, h('strong', {}, m('headline', { period: period(f.horizonDays) }), colon, h('span', { 'data-testid': 'fc-probability' }, pct(f.probability)))),
    h('p', {}, `${m('scoreIs', { score: f.score })} · `, m('within', { d30: pct(f.within['30']), d90: pct(f.within['90']), d180: pct(f.within['180']), d365: pct(f.within['365']) })),
    // Can't tell is bounded, never shown as a no: the chances if the types that can't be told were open.
    ...(f.ifOpen
      ? [h('p', { class: 'unknown-line', 'data-testid': 'fc-if-open' }, m('ifOpen', { types: typeNames(f.ifOpen.types.join(',')), p: pct(f.ifOpen.probability), period: period(f.horizonDays), d30: pct(f.ifOpen.within['30']), d90: pct(f.ifOpen.within['90']), d180: pct(f.ifOpen.within['180']), d365: pct(f.ifOpen.within['365']) }))]
      : []),
    h('p', {}, f.first ? m('first', { label: roundTypeName(f.first.type, f.first.label), date: f.first.expectedDate }) : m('none')),
    ...f.reasons.map((r) => h('p', { class: r.code === 'cant_tell_eligibility' ? 'unknown-line' : 'error', 'data-testid': 'fc-reason', 'data-code': r.code }, noticeText(r))),
    chart,
    wrap,
    h('p', { class: 'hint', 'data-testid': 'fc-cutoff-explained' }, m('cutoffExplained')),
    ...f.notes.map((n) => h('p', { class: 'hint', 'data-code': n.code }, noticeText(n))),
    h('p', { class: 'hint' }, m('model', { n: f.model.fittedOn, asOf: f.asOf, until: f.model.recordUntil ?? '—', paths: f.model.paths, seed: f.model.seed })),
  ]
}
