/**
 * One journey over one Profile: the form, and everything the library says of the answers, on the
 * calculator page (and, scrolled to the eligibility, on the eligibility page). A compact summary bar
 * keeps the score in view on a phone.
 * @module
 */
import { explainFactors } from '../../../src/crs/factors.js'
import { scoreCrs } from '../../../src/crs/score.js'
import { eligibility } from '../../../src/eligibility/index.js'
import { jobOfferTable } from '../../../src/rules/crs/additional/job-offer.js'
import { AREA_LAST_VERIFIED } from '../../../src/rules/verified.js'
import { toClb, type DesignatedTest } from '../../../src/language/tests.js'
import type { Profile } from '../../../src/schemas/profile.js'
import { h, replaceKeepingFocus } from '../dom.js'
import { colon, datePattern, day, failureReason, semicolon } from '../i18n.js'
import { rulesDay } from '../dates.js'
import { layout } from '../layout.js'
import { checksOf, forgetAnswers, isDate, loadAnswers, loadVisit, missingAnswers, saveAnswers, shareLink, toProfile } from './answers.js'
import { parseNumber } from './checks.js'
import { blockedText, issueText, notCountedText, summaryUnknownText } from './check-text.js'
import { buildForm, showIssues, showJobOffer, testNotes } from './form.js'
import { noticeText, programName, verifiedText } from './messages.js'
import { badge, breakdown, eligibilitySection, improveSection, noticeList, timelineSection, unlockSection, verdicts } from './results.js'
import { m, type TextKey } from './text.js'
import './journey.css'

/** The earliest day an area of the rules was last checked against its sources: stated with every score. */
const RULES_LAST_VERIFIED = Object.values(AREA_LAST_VERIFIED).sort()[0]!
/** Set (in sessionStorage) by the forecast's button when the page reloads to try again: the forecast starts at once. */
const FORECAST_ASKED = 'ee-forecast-asked'

export function startJourney(page: 'calculator' | 'eligibility'): void {
  const answers = loadAnswers()
  // The last visit, read once: the rounds published since stay listed while the answers change.
  const previous = loadVisit()
  const summary = h('p', { class: 'summary-bar', id: 'summary', role: 'status' }, m('summaryWait'))
  const total = h('p', { class: 'total', 'data-testid': 'crs-total', id: 'crs-total' }, '—')
  const meta = h('p', { class: 'hint', id: 'crs-meta' })
  const verified = h('div', { id: 'rules-verified' })
  const scoreBox = h('div', { id: 'score-details' })
  const eligBox = h('div', { id: 'eligibility' })
  const improveBox = h('div', { id: 'improve' })
  const unlockBox = h('div', { id: 'unlock' })
  const timelineBox = h('div', { id: 'timeline-box' })
  // Not live: drawn again after every answer, it would be said each time (the summary bar says the score).
  const pastBox = h('div', { id: 'past' })
  // The answers not counted yet, said again where past rounds and the forecast are judged without them.
  const pastPending = h('p', { class: 'unknown-line', id: 'past-not-counted' })
  pastPending.hidden = true
  // Its button goes once pressed: the focus moves to the box, which then says it is loading, then the forecast.
  // Live only while the forecast asked for is drawn: drawn again after each answer, it is not said again each time.
  const forecastBox = h('div', { id: 'forecast', 'aria-live': 'off', tabindex: -1 })
  // Asked for once, the forecast follows the answers (it simulates a year of rounds: not before asked).
  let forecastWanted = false
  // The question and its button, made once: the results drawn again a moment after an answer keep them, and the focus on the button.
  // The forecast's code failed to load (offline): the browser keeps that failure, so trying again reloads the page (the answers are kept) and asks at once.
  let forecastCodeFailed = false
  const askAgain = () => {
    try {
      sessionStorage.setItem(FORECAST_ASKED, '1')
    } catch {
      // storage disabled: the page reloads, the button asks again
    }
    location.reload()
  }
  const forecastAsk = [h('p', { class: 'hint' }, m('forecastAsk')), h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'forecast-show', onclick: () => (forecastCodeFailed ? askAgain() : ((forecastWanted = true), forecastBox.setAttribute('aria-live', 'polite'), showForecast(), forecastBox.focus())) }, m('forecastShow')))]
  let current: { profile: Profile; asOf: string; gen: number } | null = null
  const shareStatus = h('span', { role: 'status', class: 'hint' })
  let generation = 0
  let slowTimer: number | undefined

  const { form, refresh } = buildForm(answers, () => {
    saveAnswers(answers)
    update()
  })

  const results = h(
    'section',
    { class: 'results', id: 'results', 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title' }, m('results')),
    h('p', { class: 'hint' }, m('crs')),
    total,
    meta,
    verified,
    scoreBox,
    h('h3', { id: 'elig-title' }, m('eligibility')),
    eligBox,
    h('h3', {}, m('unlock')),
    unlockBox,
    h('h3', {}, m('improve')),
    improveBox,
    timelineBox,
    h('h3', {}, m('past')),
    pastPending,
    pastBox,
    h('h3', { id: 'forecast-title' }, m('forecastTitle')),
    forecastBox,
  )

  const share = h('p', { class: 'share' }, h('button', { type: 'button', class: 'secondary', id: 'share', onclick: () => void navigator.clipboard?.writeText(shareLink(answers)).then(() => (shareStatus.textContent = ` ${m('copied')}`), () => undefined) }, m('share')), ' ', h('button', { type: 'button', class: 'secondary', id: 'clear', onclick: () => (forgetAnswers(), location.reload()) }, m('clear')), shareStatus, h('span', { class: 'hint block' }, m('shareHint')))

  layout(page === 'eligibility' ? m('eligTitle') : m('title'), h('p', {}, m('intro')), summary, h('div', { class: 'calc' }, h('div', {}, h('h2', { class: 'visually-hidden' }, m('formLabel')), form, share), results))

  /** Each test row's line: its CLB levels, that it does not count yet (what is wrong is said next to each field), or why it does not count on the day. */
  function testLines(notices: readonly { code: string; path: string; params?: Readonly<Record<string, string | number>> }[], issueRows: ReadonlySet<object>): void {
    for (const [t, note] of testNotes) {
      const own = answers.tests.includes(t) ? 'languageTests.' : 'spouse.languageTests.'
      if (issueRows.has(t)) {
        show(note, h('p', { class: 'hint' }, m('testIncomplete')))
        continue
      }
      const done = t.test && isDate(t.date) && [t.speaking, t.listening, t.reading, t.writing].every((s) => s !== '')
      if (!done) {
        show(note, null)
        continue
      }
      const scores = { speaking: parseNumber(t.speaking), listening: parseNumber(t.listening), reading: parseNumber(t.reading), writing: parseNumber(t.writing) }
      const notice = notices.find((n) => n.path.startsWith(own) && !n.path.slice(own.length).includes('.') && n.params?.test === t.test && n.params?.testDate === t.date && (n.code === 'language_result_expired' || n.code === 'language_result_future'))
      const clb = toClb(t.test as DesignatedTest, t.date, scores)
      show(note, notice ? h('p', { class: 'error test-invalid' }, noticeText(notice as Parameters<typeof noticeText>[0])) : h('p', { class: 'derived' }, m('clbIs', { s: clb.speaking, l: clb.listening, r: clb.reading, w: clb.writing })))
    }
  }

  /** Puts `content` in the live `box` only when it says something else: what is drawn again is said again. */
  function show(box: HTMLElement, ...content: (Node | string | null)[]): void {
    const next = h('div', {}, ...content)
    if (box.innerHTML !== next.innerHTML) box.replaceChildren(...next.childNodes)
  }

  function clear(message: HTMLElement | null): void {
    total.textContent = '—'
    meta.textContent = ''
    if (summary.textContent !== m('summaryWait')) summary.textContent = m('summaryWait')
    scoreBox.replaceChildren(...(message ? [message] : []))
    for (const box of [verified, eligBox, improveBox, unlockBox, timelineBox, pastBox, forecastBox]) box.replaceChildren()
    pastPending.hidden = true
    current = null
    delete unlockBox.dataset.ready
  }

  function update(): void {
    const gen = ++generation
    refresh()
    const asOf = answers.asOf
    const missing = missingAnswers(answers)
    const checks = checksOf(answers)
    showIssues(checks.issues, issueText)
    const issueRows = new Set(checks.issues.map((i) => i.target))
    testLines([], issueRows)
    if (!isDate(asOf) || asOf < '2015-01-01') return clear(h('p', { class: 'error' }, `${m('asOf')}${colon}${datePattern} ≥\u00a02015-01-01 (${day('2015-01-01')})`))
    // A job offer gives CRS points only on some dates (none since 2025-03-25: the rule table), but it is asked
    // on every date, as FSW's arranged employment, FST and the proof of funds still read it: the hint says when.
    const offerRule = jobOfferTable.versionAt(asOf)
    showJobOffer(form, offerRule && offerRule.value === null ? offerRule.from : null)
    if (missing.length > 0) return clear(h('p', { class: 'hint', id: 'need' }, m('needAnswers', { list: missing.map((k) => m(k as TextKey)).join(', ') })))
    // A date of birth that cannot be is not scored: the field and the results say why.
    if (checks.blocking.length > 0) return clear(h('p', { class: 'error', id: 'need' }, blockedText(checks.blocking)))
    const profile = toProfile(answers)!
    const pending = checks.pending
    const { factors, notices } = explainFactors(profile, asOf)
    testLines(notices, issueRows)
    const crs = scoreCrs(factors, asOf)
    const r = eligibility(profile, asOf)
    const judged = verdicts(r, pending)
    const someUnknown = Object.values(judged.programs).some((p) => p.verdict === 'unknown')
    // Rows begun but not counted (a job without its occupation, a test without its date): the score leaves them out, and says so.
    const uncounted = pending.filter((p) => p.kind !== 'funds')
    total.textContent = String(crs.total)
    const since = rulesDay(crs.rules)
    meta.textContent = `${m('rulesOn', { date: asOf })} (${since ? m('crsRulesSince', { date: since }) : crs.rules})${semicolon}${m('rulesVerified', { date: RULES_LAST_VERIFIED })}`
    meta.title = crs.rules
    meta.dataset.rules = crs.rules
    // The library's notice for a day after the rules were last verified (eligibility reads every area of the rules, the score some).
    const stale = r.notices?.find((n) => n.code === 'rules_not_verified')
    verified.replaceChildren(...(stale ? [h('p', { class: 'notice', role: 'note', 'data-testid': 'rules-verified-notice' }, verifiedText(stale))] : []))
    show(summary, h('a', { href: '#results' }, r.invitedUnder ? m('summary', { score: crs.total, program: programName(r.invitedUnder) }) : someUnknown ? summaryUnknownText(crs.total) : m('summaryNone', { score: crs.total })), ' ', badge(r.invitedUnder ? 'yes' : someUnknown ? 'unknown' : 'no'))
    const pendingNote = uncounted.length > 0 ? h('p', { class: 'unknown-line', id: 'not-counted-yet' }, notCountedText(uncounted)) : null
    pastPending.textContent = uncounted.length > 0 ? notCountedText(uncounted) : ''
    pastPending.hidden = uncounted.length === 0
    // The breakdown, once opened, stays open as the answers change.
    const opened = scoreBox.querySelector('details')?.open === true
    replaceKeepingFocus(scoreBox, ...[pendingNote, noticeList(notices.filter((n) => n.code !== 'spouse_missing'), asOf), h('details', { open: opened }, h('summary', {}, m('breakdown')), breakdown(crs))].filter((x): x is HTMLElement => x !== null))
    replaceKeepingFocus(eligBox, ...eligibilitySection(r, profile, pending))
    replaceKeepingFocus(improveBox)
    replaceKeepingFocus(unlockBox, h('p', { class: 'hint' }, '…'))
    delete unlockBox.dataset.ready
    clearTimeout(slowTimer)
    // The heavier parts (each scores many days or changed profiles) wait for a pause in typing.
    slowTimer = window.setTimeout(() => slow(profile, asOf, r, gen), 250)
  }

  function slow(profile: Profile, asOf: string, r: ReturnType<typeof eligibility>, gen: number): void {
    if (gen !== generation) return
    replaceKeepingFocus(unlockBox, unlockSection(profile, asOf, r))
    unlockBox.dataset.ready = '1'
    replaceKeepingFocus(improveBox, improveSection(profile, asOf))
    replaceKeepingFocus(timelineBox, ...timelineSection(profile, asOf))
    replaceKeepingFocus(pastBox, h('p', { class: 'hint' }, m('pastLoading')))
    void import('./past.js').then(({ renderPast }) => renderPast(pastBox, profile, asOf, () => gen !== generation, previous))
    current = { profile, asOf, gen }
    showForecast()
  }

  function showForecast(): void {
    if (!current) return
    if (!forecastWanted) {
      if (forecastBox.firstChild !== forecastAsk[0]) forecastBox.replaceChildren(...forecastAsk)
      return
    }
    const { profile, asOf, gen } = current
    replaceKeepingFocus(forecastBox, h('p', { class: 'hint', role: 'status' }, m('forecastLoading')))
    const stale = () => gen !== generation
    import('./forecast.js')
      .then(({ renderForecast }) => renderForecast(forecastBox, profile, asOf, stale))
      .then(() => stale() || forecastBox.setAttribute('aria-live', 'off'))
      // Failed (offline, the server down): said in the page's words, with the button to try again.
      .catch((e: unknown) => {
        if (stale()) return
        forecastWanted = false
        forecastCodeFailed = e instanceof TypeError && /import/i.test(e.message)
        replaceKeepingFocus(forecastBox, h('p', { class: 'error', role: 'alert' }, m('forecastFailed', { error: failureReason(e) })), forecastAsk[1]!)
      })
  }

  let askedBeforeReload = false
  try {
    if (sessionStorage.getItem(FORECAST_ASKED)) {
      askedBeforeReload = true
      sessionStorage.removeItem(FORECAST_ASKED)
      forecastWanted = true
      forecastBox.setAttribute('aria-live', 'polite')
    }
  } catch {
    // storage disabled: nothing was asked
  }
  update()
  // Back from trying again: the candidate is where they asked, on the forecast.
  if (askedBeforeReload) forecastBox.focus()
  if (page === 'eligibility' && answers.dob) document.getElementById('elig-title')?.scrollIntoView()
}

