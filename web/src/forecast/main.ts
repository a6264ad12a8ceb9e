/**
 * "When will I be invited?": a Profile or CrsFactors sent to `POST /v1/forecast`; the chance of an
 * invitation over the next 12 months as a chart, the next round of each type with its cut-off range,
 * and, next to every forecast, its track record in plain words (`GET /v1/forecast/track-record`).
 * @module
 */
import { h, s } from '../dom.js'
import { lang } from '../i18n.js'
import { layout } from '../layout.js'
import { m } from './messages.js'

interface Problem {
  readonly detail?: string
  readonly issues?: readonly { path: string; message: string }[]
}
interface Forecast {
  readonly asOf: string
  readonly horizonDays: number
  readonly score: number
  readonly probability: number
  readonly within: Readonly<Record<'30' | '90' | '180' | '365', number>>
  readonly curve: readonly { date: string; probability: number }[]
  readonly first: { label: string; expectedDate: string } | null
  readonly rounds: readonly { type: string; label: string; expectedDate: string | null; cutoff: { p10: number; p50: number; p90: number } | null; eligible: boolean | null; chance: number; lastCutoff: number }[]
  readonly reasons: readonly string[]
  readonly notes: readonly string[]
  readonly model: { recordUntil: string | null; fittedOn: number; seed: number; paths: number }
}
interface TrackRecord {
  readonly from: string
  readonly to: string
  readonly profiles: number
  readonly cases: number
  readonly brier: { model: number; lastCutoffRule: number; logisticMargin: number }
  readonly brierRatio: number
  readonly calibration: readonly { band: string; cases: number; shareOfCases: number; meanPredicted: number; observed: number }[]
  readonly cutoff: Readonly<Record<string, { model: { meanAbsoluteError: number }; lastCutoff: { meanAbsoluteError: number } }>>
}

const EXAMPLE = {
  asOf: '2026-08-20',
  profile: {
    id: 'example',
    submittedAt: '2025-09-15T14:03:11Z',
    dateOfBirth: '1996-04-18',
    maritalStatus: 'single',
    spouse: null,
    education: [{ level: 'masters', country: 'CA', programYears: 2, completedOn: '2023-04-30' }],
    languageTests: [{ test: 'ielts-general', testDate: '2025-08-02', listening: 8.5, reading: 8, writing: 7, speaking: 7.5 }],
    firstOfficialLanguage: 'english',
    work: [{ noc: '21231', country: 'CA', from: '2023-06-01', to: null, hoursPerWeek: 37.5 }],
    certificateOfQualification: null,
    provincialNomination: null,
    jobOffer: null,
    siblingInCanada: false,
    settlementFundsCad: 32000,
  },
}

const pct = (p: number) => `${Math.round(p * 100)}%`
const input = h('textarea', { id: 'fc-input', rows: 14, cols: 80, spellcheck: false, autocomplete: 'off' })
input.value = JSON.stringify(EXAMPLE, null, 2)
const asOf = h('input', { id: 'fc-asof', autocomplete: 'off', spellcheck: false, placeholder: 'YYYY-MM-DD' })
const horizon = h('input', { id: 'fc-horizon', type: 'number', min: 1, max: 730, step: 1, value: 90 })
const output = h('div', { id: 'fc-result', 'aria-live': 'polite' })
const track = h('section', { id: 'fc-track', 'aria-labelledby': 'fc-track-h' }, h('h2', { id: 'fc-track-h' }, m('track')))
const form = h(
  'form',
  { id: 'fc-form', novalidate: true },
  h('div', { class: 'field' }, h('label', { for: input.id }, m('input')), input),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: asOf.id }, m('asOf')), asOf), h('div', { class: 'field' }, h('label', { for: horizon.id }, m('horizon')), horizon)),
  h('p', {}, h('button', { type: 'submit' }, m('run'))),
)

/** Bars of the chance of an invitation by the end of each month (an image with its text alternative). */
function curveChart(curve: Forecast['curve']): SVGElement {
  const W = 760
  const H = 240
  const pad = { left: 40, right: 10, top: 10, bottom: 30 }
  const bw = (W - pad.left - pad.right) / curve.length
  const label = `${m('chart')}: ${curve.map((c) => `${c.date} ${pct(c.probability)}`).join(', ')}`
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label, 'data-testid': 'fc-chart' })
  svg.append(s('title', {}, m('chart')))
  const y = (p: number) => H - pad.bottom - p * (H - pad.top - pad.bottom)
  for (const p of [0, 0.25, 0.5, 0.75, 1]) svg.append(s('line', { x1: pad.left, x2: W - pad.right, y1: y(p), y2: y(p), stroke: '#ddd' }), s('text', { x: pad.left - 6, y: y(p) + 4, 'text-anchor': 'end' }, pct(p)))
  curve.forEach((c, i) => {
    const x = pad.left + i * bw + 4
    svg.append(
      s('rect', { x: x.toFixed(1), y: y(c.probability).toFixed(1), width: (bw - 8).toFixed(1), height: (H - pad.bottom - y(c.probability)).toFixed(1), fill: '#0b4f9c' }, s('title', {}, `${c.date}: ${pct(c.probability)}`)),
      s('text', { x: (x + (bw - 8) / 2).toFixed(1), y: H - 10, 'text-anchor': 'middle' }, c.date.slice(0, 7)),
    )
  })
  return svg
}

function showForecast(f: Forecast): void {
  const eligible = (e: boolean | null) => (e === null ? m('cantTell') : e ? m('yes') : m('no'))
  output.replaceChildren(
    h('h2', {}, m('headline', { days: f.horizonDays }), ': ', h('strong', { 'data-testid': 'fc-probability' }, pct(f.probability))),
    h('p', {}, `CRS ${f.score} · `, m('within', { d30: pct(f.within['30']), d90: pct(f.within['90']), d180: pct(f.within['180']), d365: pct(f.within['365']) })),
    h('p', {}, f.first ? m('first', { label: f.first.label, date: f.first.expectedDate }) : m('none')),
    ...f.reasons.map((r) => h('p', { class: 'error', 'data-testid': 'fc-reason' }, r)),
    curveChart(f.curve),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', {}, m('rounds')),
        h('thead', {}, h('tr', {}, ...[m('type'), m('expected'), m('cutoff'), m('last'), m('eligible'), m('chance')].map((x) => h('th', { scope: 'col' }, x)))),
        h(
          'tbody',
          {},
          ...f.rounds.map((r) =>
            h('tr', {}, h('td', {}, r.label), h('td', {}, r.expectedDate ?? '—'), h('td', { class: 'n' }, r.cutoff ? `${r.cutoff.p10}–${r.cutoff.p50}–${r.cutoff.p90}` : '—'), h('td', { class: 'n' }, String(r.lastCutoff)), h('td', {}, eligible(r.eligible)), h('td', { class: 'n' }, pct(r.chance))),
          ),
        ),
      ),
    ),
    ...f.notes.map((n) => h('p', { class: 'hint' }, n)),
    h('p', { class: 'hint' }, m('model', { n: f.model.fittedOn, asOf: f.asOf, until: f.model.recordUntil ?? '—', paths: f.model.paths, seed: f.model.seed })),
  )
}

async function showTrackRecord(): Promise<void> {
  const res = await fetch('/v1/forecast/track-record')
  if (!res.ok) {
    track.append(h('p', {}, m('trackMissing')))
    return
  }
  const b = (await res.json()) as TrackRecord
  const together = b.cutoff['general+cec+categories']
  const n = (x: number) => x.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA')
  track.append(
    h('p', { 'data-testid': 'fc-track-text' }, m('trackText', { from: b.from, to: b.to, profiles: b.profiles, cases: n(b.cases), model: b.brier.model, rule: b.brier.lastCutoffRule, logistic: b.brier.logisticMargin, ratio: pct(b.brierRatio) })),
    h('ul', {}, ...b.calibration.filter((c) => c.shareOfCases >= 0.01).map((c) => h('li', {}, m('calibrationText', { band: c.band, observed: pct(c.observed), predicted: pct(c.meanPredicted), cases: n(c.cases) })))),
  )
  if (together) track.append(h('p', {}, m('cutoffText', { model: together.model.meanAbsoluteError, last: together.lastCutoff.meanAbsoluteError })))
}

form.addEventListener('submit', (e) => {
  e.preventDefault()
  void (async () => {
    let body: unknown
    try {
      body = JSON.parse(input.value)
    } catch (err) {
      output.replaceChildren(h('p', { class: 'error', role: 'alert' }, String(err)))
      return
    }
    const envelope = typeof body === 'object' && body !== null && ('profile' in body || 'factors' in body) ? { ...(body as object) } : 'education' in (body as object) && Array.isArray((body as { education: unknown }).education) ? { profile: body } : { factors: body }
    const extra: Record<string, unknown> = { horizonDays: Number(horizon.value) }
    if (asOf.value.trim() !== '') extra.asOf = asOf.value.trim()
    output.replaceChildren(h('p', { role: 'status' }, m('loading')))
    const res = await fetch('/v1/forecast', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...envelope, ...extra }) })
    const answer = (await res.json()) as Forecast & Problem
    if (!res.ok) {
      output.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, answer.detail ?? String(res.status)), h('ul', {}, ...(answer.issues ?? []).map((i) => h('li', {}, `${i.path}: ${i.message}`)))))
      return
    }
    showForecast(answer)
  })().catch((err: unknown) => output.replaceChildren(h('p', { class: 'error', role: 'alert' }, String(err))))
})

layout(m('title'), h('p', {}, m('intro')), form, output, track)
showTrackRecord().catch((err: unknown) => track.append(h('p', { class: 'error' }, String(err))))
