/**
 * "When will I be invited?" in the journey: the library's forecast for the journey's Profile, computed
 * on the device from the server's record of rounds (the Profile never leaves the device), drawn by the
 * forecast view in the page's language, with the forecast's track record in one line. Loaded on
 * demand, when the candidate asks.
 * @module
 */
import { isExpressEntryError } from '../../../src/errors.js'
import { forecast } from '../../../src/forecast/forecast.js'
import type { Profile } from '../../../src/schemas/profile.js'
import { h, replaceKeepingFocus } from '../dom.js'
import { dec, lang } from '../i18n.js'
import { m } from '../forecast/messages.js'
import { forecastView } from '../forecast/view.js'
import { loadRecord } from './record.js'

interface TrackLine {
  readonly from: string
  readonly brier: { readonly model: number; readonly lastCutoffRule: number }
}

let trackRecord: Promise<TrackLine | null> | null = null

/** Fills `box` with the forecast from `asOf` for `profile`; `stale()` says the answers changed meanwhile. */
export async function renderForecast(box: HTMLElement, profile: Profile, asOf: string, stale: () => boolean): Promise<void> {
  trackRecord ??= fetch('/v1/forecast/track-record').then((res) => (res.ok ? (res.json() as Promise<TrackLine>) : null)).catch(() => null)
  const { rounds, currentAsOf } = await loadRecord()
  if (stale()) return
  let f: ReturnType<typeof forecast>
  try {
    f = forecast({ kind: 'profile', profile }, rounds, { asOf, ...(currentAsOf ? { recordCurrentTo: currentAsOf.slice(0, 10) } : {}) })
  } catch (e) {
    // A day too far past the record (or the calendar) to forecast from: can't tell, said in the page's language.
    if (!isExpressEntryError(e, 'invalid_input')) throw e
    replaceKeepingFocus(box, h('p', { class: 'unknown-line', 'data-testid': 'fc-cant-tell' }, m('tooFar', { asOf, until: currentAsOf?.slice(0, 10) ?? rounds.at(-1)?.date ?? '—' })))
    return
  }
  const track = await trackRecord
  if (stale()) return
  replaceKeepingFocus(box, 
    h('p', { class: 'hint' }, m('journeyIntro', { asOf })),
    ...forecastView(f, box.clientWidth || undefined),
    track ? h('p', { class: 'hint', 'data-testid': 'fc-track-line' }, m('trackShort', { from: track.from, model: dec(track.brier.model), rule: dec(track.brier.lastCutoffRule) }), ' ', m('brierExplained'), ' ', h('a', { href: lang === 'fr' ? '/forecast?lang=fr' : '/forecast' }, m('trackMore'))) : h('p', { class: 'hint' }, m('trackMissing')),
  )
}
