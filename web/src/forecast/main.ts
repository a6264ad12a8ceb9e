/**
 * "When will I be invited?": a Profile or CrsFactors sent to `POST /v1/forecast`; the chance of an
 * invitation over the next 12 months as a chart, the next round of each type with its cut-off range,
 * and, next to every forecast, its track record in plain words (`GET /v1/forecast/track-record`).
 * @module
 */
import type { Forecast } from '../../../src/forecast/forecast.js'
import { h } from '../dom.js'
import { datePattern, failureText, lang } from '../i18n.js'
import { pageLayout } from '../layout.js'
import { problemElement, problemLines, type Problem } from '../problem.js'
import { m } from './messages.js'
import { savedInput, saveInput } from './saved.js'
import { bandText, forecastView, pct } from './view.js'

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

// No asOf: the example looks from today, so its "expected" rounds are ahead (the reader may set a day).
const EXAMPLE = {
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

const input = h('textarea', { id: 'fc-input', rows: 14, cols: 80, spellcheck: false, autocomplete: 'off' })
const asOf = h('input', { id: 'fc-asof', autocomplete: 'off', spellcheck: false, placeholder: datePattern })
const horizon = h('input', { id: 'fc-horizon', type: 'number', min: 1, max: 730, step: 1, value: 90 })
// What the reader typed comes back after the language switch or Back/Forward; the example otherwise.
const kept = savedInput()
input.value = kept?.json ?? JSON.stringify(EXAMPLE, null, 2)
if (kept) {
  asOf.value = kept.asOf
  horizon.value = kept.horizon
}
const keep = (): void => saveInput({ json: input.value, asOf: asOf.value, horizon: horizon.value })
for (const el of [input, asOf, horizon]) el.addEventListener('input', keep)
const output = h('div', { id: 'fc-result', 'aria-live': 'polite' })
const track = h('section', { id: 'fc-track', 'aria-labelledby': 'fc-track-h' }, h('h2', { id: 'fc-track-h' }, m('track')))
const form = h(
  'form',
  { id: 'fc-form', novalidate: true },
  h('div', { class: 'field' }, h('label', { for: input.id }, m('input')), input),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: asOf.id }, m('asOf')), asOf), h('div', { class: 'field' }, h('label', { for: horizon.id }, m('horizon')), horizon)),
  h('p', {}, h('button', { type: 'submit' }, m('run'))),
)

function showForecast(f: Forecast): void {
  output.replaceChildren(...forecastView(f))
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
    h('p', { 'data-testid': 'fc-track-text' }, m('trackText', { from: b.from, to: b.to, profiles: b.profiles, cases: n(b.cases), model: b.brier.model, rule: b.brier.lastCutoffRule, logistic: b.brier.logisticMargin, ratio: pct(b.brierRatio) }), ' ', m('brierExplained')),
    h('ul', {}, ...b.calibration.filter((c) => c.shareOfCases >= 0.01).map((c) => h('li', {}, m('calibrationText', { band: bandText(c.band), observed: pct(c.observed), predicted: pct(c.meanPredicted), cases: n(c.cases) })))),
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
      // The browser's own words are English: say it in the page's language, with the browser's detail.
      output.replaceChildren(h('p', { class: 'error', role: 'alert' }, m('badJson', { detail: err instanceof Error ? err.message : String(err) })))
      return
    }
    const envelope = typeof body === 'object' && body !== null && ('profile' in body || 'factors' in body) ? { ...(body as object) } : 'education' in (body as object) && Array.isArray((body as { education: unknown }).education) ? { profile: body } : { factors: body }
    const extra: Record<string, unknown> = { horizonDays: Number(horizon.value) }
    if (asOf.value.trim() !== '') extra.asOf = asOf.value.trim()
    output.replaceChildren(h('p', { role: 'status' }, m('loading')))
    const res = await fetch('/v1/forecast', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...envelope, ...extra }) })
    const answer = (await res.json().catch(() => null)) as (Forecast & Problem) | null
    if (!res.ok || answer === null) {
      // Each issue once, with its field's path (the JSON's own names), not the detail and then the issue again.
      output.replaceChildren(problemElement(problemLines(answer, res.status), lang))
      return
    }
    showForecast(answer)
  })().catch((err: unknown) => output.replaceChildren(h('p', { class: 'error', role: 'alert' }, failureText(err))))
})

pageLayout({ title: m('title'), privacy: 'privacyForecast' }, h('p', {}, m('intro')), h('p', {}, h('a', { href: `/calculator${lang === 'fr' ? '?lang=fr' : ''}#forecast-title` }, m('journeyLink'))), form, output, track)
showTrackRecord().catch((err: unknown) => track.append(h('p', { class: 'error' }, failureText(err))))
