/**
 * Eligibility for programs (FSW with its 67-point grid, CEC, FST) and categories, from a Profile, computed
 * in the browser by the library: nothing leaves the device. The Profile is edited as JSON (DESIGN.md's
 * shape); the example profile is the starting point. `?asOf=` sets the date.
 * @module
 */
import { categoryConfidence } from './confidence.js'
import { verifiedNoticeElement } from '../verified-notice.js'
import exampleProfile from '../../../examples/profile.json' with { type: 'json' }
import { explainFactors } from '../../../src/crs/factors.js'
import { scoreCrs } from '../../../src/crs/score.js'
import { eligibility, type CategoryResult, type UnmetCondition } from '../../../src/eligibility/index.js'
import { isoDate } from '../../../src/schemas/common.js'
import { timeline, whatIf } from '../../../src/history/outlook.js'
import { inputIssues } from '../../../src/schemas/issues.js'
import { profileSchema } from '../../../src/schemas/profile.js'
import { h } from '../dom.js'
import { num, t } from '../i18n.js'
import { layout } from '../layout.js'

const params = new URLSearchParams(location.search)
const asOf = h('input', { id: 'elig-asOf', type: 'date', min: '2015-01-01', value: params.get('asOf') ?? new Date().toISOString().slice(0, 10) })
const editor = h('textarea', { id: 'elig-profile', rows: 28, spellcheck: false, autocomplete: 'off', style: 'width:100%;font-family:ui-monospace,monospace;font-size:0.85rem', 'aria-describedby': 'elig-profile-hint' })
editor.value = JSON.stringify(exampleProfile, null, 2)
const output = h('div', { id: 'elig-result', 'aria-live': 'polite' })

/** Yes, no, or can't tell (null: the rules needed are not known; the reason is listed below it). */
function yesNo(ok: boolean | null): HTMLElement {
  if (ok === null) return h('strong', { class: 'hint', 'data-answer': 'cant-tell' }, t('cantTell'))
  return h('strong', { class: ok ? 'derived' : 'error' }, ok ? t('yes') : t('no'))
}

function unmetList(unmet: readonly UnmetCondition[]): HTMLElement | null {
  if (unmet.length === 0) return null
  return h('ul', {}, ...unmet.map((u) => h('li', {}, u.message, ' ', h('a', { href: u.source.url, rel: 'noreferrer', class: 'hint' }, `(${u.source.ruleId}; ${u.source.pinpoint})`))))
}

function category(c: CategoryResult): HTMLElement {
  return h('li', { 'data-category': c.id }, c.eligible === null ? h('strong', {}, '?') : yesNo(c.eligible), ` ${c.label} `, h('code', {}, c.id), c.occupation ? ` — ${c.occupation.noc} ${c.occupation.title}, ${c.occupation.months} ${t('eligMonths')}` : null, unmetList(c.unmet), unmetList(c.undecided ?? []), categoryConfidence(c))
}

function update(): void {
  let raw: unknown
  try {
    raw = JSON.parse(editor.value)
  } catch (e) {
    output.replaceChildren(h('p', { class: 'error', role: 'alert' }, `JSON: ${(e as Error).message}`))
    return
  }
  const date = asOf.value
  if (!isoDate.safeParse(date).success) {
    output.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t('date')}: YYYY-MM-DD`))
    return
  }
  const parsed = profileSchema.safeParse(raw)
  if (!parsed.success) {
    output.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, t('fixErrors')), h('ul', {}, ...inputIssues(parsed.error, raw).map((i) => h('li', {}, `${i.path || '(profile)'}: ${i.message}`)))))
    return
  }
  const profile = parsed.data
  try {
    const r = eligibility(profile, date)
    const { factors, notices } = explainFactors(profile, date)
    const crs = scoreCrs(factors, date)
    const fsw = r.programs.fsw
    const funds = fsw.funds
    const parts: (HTMLElement | null)[] = [
      h('p', {}, `${t('total')}: `, h('strong', { 'data-testid': 'elig-crs' }, String(crs.total)), ` (${t('on', { date })}) · `, h('a', { href: `/calculator?factors=${encodeURIComponent(JSON.stringify(factors))}&asOf=${date}` }, t('eligOpenCalc'))),
      notices.length > 0 ? h('ul', { class: 'hint' }, ...notices.map((n) => h('li', {}, n.message))) : null,
      verifiedNoticeElement(date, 'eligibility'),
      h('h2', {}, t('eligPrograms')),
      h(
        'ul',
        { id: 'elig-programs' },
        h('li', { 'data-program': 'fsw' }, yesNo(fsw.eligible), ` ${t('eligFsw')} — ${t('eligGrid', { points: fsw.points })}`, h('br'), h('span', { class: 'hint' }, `${t('eligGridParts')}: ${Object.entries(fsw.grid).map(([k, v]) => `${k} ${v}`).join(', ')}`), unmetList(fsw.unmet)),
        h('li', { 'data-program': 'cec' }, yesNo(r.programs.cec.eligible), ` ${t('eligCec')}`, unmetList(r.programs.cec.unmet)),
        h('li', { 'data-program': 'fst' }, yesNo(r.programs.fst.eligible), ` ${t('eligFst')}`, unmetList(r.programs.fst.unmet)),
      ),
      h('p', {}, `${t('eligFunds')}: `, funds.waived ? t('eligFundsWaived') : funds.required === null ? '—' : t('eligFundsNeed', { required: num(funds.required), family: funds.familySize, available: num(funds.available) })),
      h('p', {}, `${t('eligInvitedUnder')}: `, h('strong', { 'data-testid': 'elig-invited-under' }, r.invitedUnder ? r.invitedUnder.toUpperCase() : '—')),
      h('h2', {}, t('eligCategories')),
      r.categories.length === 0 ? h('p', {}, t('eligNoCategories')) : h('ul', { id: 'elig-categories' }, ...r.categories.map(category)),
      ...outlook(profile, date),
    ]
    output.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null))
  } catch (e) {
    output.replaceChildren(h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)))
  }
}

/** What would raise the score most, and the days it changes over the next three years (library outlook). */
function outlook(profile: Parameters<typeof eligibility>[0], date: string): HTMLElement[] {
  const input = { kind: 'profile', profile } as const
  const what = whatIf(input, date)
  const line = timeline(input, date, 3)
  return [
    h('h2', {}, t('whatIfTitle')),
    what.changes.length === 0 ? h('p', {}, t('whatIfNone')) : h('ol', { id: 'elig-whatif' }, ...what.changes.slice(0, 6).map((c) => h('li', {}, h('strong', {}, `+${c.gain} → ${c.score}`), ` ${c.description}`, c.accruesOn ? h('span', { class: 'hint' }, ` (${c.accruesOn})`) : null))),
    h('h2', {}, t('timelineTitle', { until: line.until })),
    line.changes.length === 0
      ? h('p', {}, t('timelineNone'))
      : h('table', { id: 'elig-timeline' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('date')), h('th', { scope: 'col', class: 'n' }, t('total')), h('th', { scope: 'col' }, t('timelineWhy')))), h('tbody', {}, ...line.changes.map((c) => h('tr', {}, h('td', {}, c.date), h('td', { class: 'n' }, `${c.score} (${c.change > 0 ? '+' : ''}${c.change})`), h('td', {}, c.reasons.join('; ')))))),
  ]
}

let timer: number | undefined
editor.addEventListener('input', () => {
  clearTimeout(timer)
  timer = window.setTimeout(update, 250)
})
asOf.addEventListener('change', update)

layout(
  t('eligTitle'),
  h('p', {}, t('eligIntro')),
  h('div', { class: 'field' }, h('label', { for: asOf.id }, t('asOf')), asOf),
  h(
    'div',
    { class: 'calc' },
    h('div', { class: 'field' }, h('label', { for: editor.id }, t('eligProfile')), editor, h('p', { class: 'hint', id: 'elig-profile-hint' }, t('eligProfileHint'))),
    h('section', { class: 'result', 'aria-label': t('eligPrograms') }, output),
  ),
)
update()
