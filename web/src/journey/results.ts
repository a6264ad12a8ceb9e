/**
 * The results of one Profile on one day, all from the library: the CRS score and its breakdown, what
 * did not count, program and category eligibility (yes, no, or can't tell), what would raise the score,
 * what would open a program or category, and the changes ahead.
 * @module
 */
import { explainFactors, factorsOf, type FactorNotice } from '../../../src/crs/factors.js'
import { scoreCrs, type CrsResult } from '../../../src/crs/score.js'
import { addDays } from '../../../src/domain/dates.js'
import { FEDERAL_PROGRAMS } from '../../../src/domain/words.js'
import type { CategoryResult, EligibilityResult, UnmetCondition } from '../../../src/eligibility/types.js'
import { categoryById, categoryVersions } from '../../../src/rules/categories/catalog.js'
import { timeline, whatIf } from '../../../src/history/outlook.js'
import { unlocks } from '../../../src/history/unlock.js'
import type { Profile } from '../../../src/schemas/profile.js'
import { h } from '../dom.js'
import { colon, dayShort, lang, num, semicolon } from '../i18n.js'
import { datesInText } from '../dates.js'
import { categoryName, changeReasons, noticeText, unlockText, unmetText, whatIfText } from './messages.js'
import type { Pending } from './checks.js'
import { cantTellText, invitedUnknownText, notCountedShort } from './check-text.js'
import { m, mEnglish, mk } from './text.js'

export type Verdict = 'yes' | 'no' | 'unknown'

/** A verdict badge: colour, a symbol and a word, so it never rests on colour alone. */
export function badge(v: Verdict): HTMLElement {
  const [symbol, word] = v === 'yes' ? ['✓', m('eligible')] : v === 'no' ? ['✗', m('notEligible')] : ['?', m('cantTell')]
  return h('span', { class: `badge ${v}` }, h('span', { 'aria-hidden': 'true' }, symbol), ` ${word}`)
}

const GROUPS: readonly [string, 'core' | 'spouse' | 'transferability' | 'additional', readonly string[]][] = [
  ['A', 'core', ['age', 'education', 'firstLanguage', 'secondLanguage', 'canadianWork']],
  ['B', 'spouse', ['education', 'language', 'canadianWork']],
  ['C', 'transferability', ['education', 'foreignWork', 'certificate']],
  ['D', 'additional', ['provincialNomination', 'jobOffer', 'canadianEducation', 'french', 'sibling']],
]


export function breakdown(result: CrsResult): HTMLElement {
  const rows: HTMLElement[] = []
  for (const [title, group, lines] of GROUPS) {
    const values = result[group] as unknown as Record<string, number>
    rows.push(h('tr', { class: 'group' }, h('th', { scope: 'row' }, mk(title)), h('td', { class: 'n' }, num(values.subtotal!))))
    for (const line of lines) rows.push(h('tr', {}, h('th', { scope: 'row', class: 'sub' }, mk(`${group}.${line}`)), h('td', { class: 'n', 'data-line': `${group}.${line}` }, num(values[line]!))))
  }
  rows.push(h('tr', { class: 'sum' }, h('th', { scope: 'row' }, m('crs')), h('td', { class: 'n' }, num(result.total))))
  return h('div', { class: 'table-wrap' }, h('table', { id: 'crs-breakdown' }, h('caption', { class: 'visually-hidden' }, m('breakdown')), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m('factor')), h('th', { scope: 'col', class: 'n' }, m('points')))), h('tbody', {}, ...rows)))
}

export function noticeList(notices: readonly FactorNotice[], asOf: string): HTMLElement | null {
  if (notices.length === 0) return null
  return h('div', { class: 'notices' }, h('p', {}, h('strong', {}, m('notCounted', { date: asOf }))), h('ul', { id: 'crs-notices' }, ...notices.map((n) => h('li', { 'data-code': n.code }, noticeText(n)))))
}

function reasons(unmet: readonly UnmetCondition[], label = ''): HTMLElement | null {
  if (unmet.length === 0) return null
  return h('ul', { class: 'reasons' }, ...unmet.map((u) => h('li', { 'data-code': u.code }, unmetText(u, label), ' ', h('a', { href: u.source.url, rel: 'noreferrer', class: 'src' }, `(${m('source')})`))))
}

/** A category's verdict: "can't tell" when its list of occupations is unknown (the library then answers no, with that reason), or undecided. */
export function categoryVerdict(c: CategoryResult): Verdict {
  if (c.eligible) return 'yes'
  if (c.eligible === null) return 'unknown'
  return c.unmet.some((u) => u.code === 'category_list_unknown') ? 'unknown' : 'no'
}

/** A verdict, and the rows not counted yet that make it "can't tell". */
export interface Judged {
  readonly verdict: Verdict
  /** The pending rows behind a "can't tell", or behind conditions of a no that they could change. */
  readonly why: readonly Pending[]
  /** The failing conditions no pending row could change (those of a no). */
  readonly firm: readonly UnmetCondition[]
}

/**
 * Not eligible only when a condition fails that no row pending could change; "can't tell" when each
 * failing condition is one a pending row could change (a job whose occupation is not chosen, a test
 * without its date): an unknown is never a no. `more` gives further rows for a code (a category's
 * "eligible for no program" when a program is "can't tell").
 */
export function judge(eligible: boolean | null, unmet: readonly UnmetCondition[], pending: readonly Pending[], more: (code: string) => readonly Pending[] = () => [], undecided: readonly UnmetCondition[] = []): Judged {
  if (eligible) return { verdict: 'yes', why: [], firm: [] }
  // The library's can't tell (e.g. settlement funds not given): the rows pending behind its undecided conditions.
  if (unmet.length === 0) return eligible === null ? { verdict: 'unknown', why: pendingBehind(undecided, pending), firm: [] } : { verdict: 'no', why: [], firm: [] }
  const why = new Set<Pending>()
  const firm: UnmetCondition[] = []
  for (const u of unmet) {
    const by = [...pending.filter((p) => p.affects.includes(u.code)), ...more(u.code)]
    if (by.length === 0) firm.push(u)
    for (const p of by) why.add(p)
  }
  return { verdict: firm.length > 0 ? 'no' : 'unknown', why: [...why], firm }
}

/** The pending rows that could decide the conditions the library cannot (its `undecided`). */
function pendingBehind(undecided: readonly UnmetCondition[], pending: readonly Pending[]): Pending[] {
  return [...new Set(undecided.flatMap((u) => pending.filter((p) => p.affects.includes(u.code))))]
}

/** The verdict of each federal program, and of each category, with the pending rows. */
export function verdicts(r: EligibilityResult, pending: readonly Pending[]): { programs: Record<'fsw' | 'cec' | 'fst', Judged>; categories: Map<string, Judged> } {
  const programs = { fsw: judge(r.programs.fsw.eligible, r.programs.fsw.unmet, pending, undefined, r.programs.fsw.undecided), cec: judge(r.programs.cec.eligible, r.programs.cec.unmet, pending), fst: judge(r.programs.fst.eligible, r.programs.fst.unmet, pending, undefined, r.programs.fst.undecided) }
  const open = Object.values(programs).filter((p) => p.verdict === 'unknown').flatMap((p) => p.why)
  const categories = new Map<string, Judged>()
  for (const c of r.categories) {
    const own = categoryVerdict(c)
    categories.set(c.id, own === 'unknown' ? { verdict: 'unknown', why: pendingBehind(c.undecided ?? [], pending), firm: c.unmet } : judge(c.eligible, c.unmet, pending, (code) => (code === 'not_eligible_for_program' ? open : [])))
  }
  return { programs, categories }
}

/**
 * "Can't tell: choose the occupation for Job 1." for a can't-tell; for a no, its firm reasons, and the
 * rows not counted yet that the other conditions wait for (never "you have 0 months" of a job not counted).
 */
function judgedReasons(j: Judged, unmet: readonly UnmetCondition[], label = ''): (HTMLElement | null)[] {
  if (j.why.length === 0) return [reasons(unmet, label)]
  if (j.verdict === 'unknown') return [h('p', { class: 'unknown-line', 'data-testid': 'cant-tell' }, cantTellText(j.why))]
  return [reasons(j.firm, label), h('p', { class: 'hint', 'data-testid': 'not-counted' }, notCountedShort(j.why))]
}

/**
 * What is known when a category's list is not: the candidate's occupations that were on the lists of
 * its earlier versions ("Your NOC 33102 was on the lists of Healthcare occupations (2023-1), ...").
 */
function knownOfUnknown(c: CategoryResult, nocs: readonly string[]): HTMLElement | null {
  const key = categoryById(c.id)?.key
  if (!key) return null
  const lines: string[] = []
  for (const noc of new Set(nocs)) {
    const earlier = categoryVersions.filter((v) => v.key === key && v.id !== c.id && v.occupations?.includes(noc))
    if (earlier.length > 0) lines.push(m('knownLists', { noc, lists: earlier.map((v) => categoryName(v.id, v.label)).join(', ') }))
  }
  return lines.length === 0 ? null : h('p', { class: 'unknown-line' }, lines.join(' '))
}

// The confidence notes in French, keyed by category version (only French pages load them).
const CONFIDENCE_FR = lang === 'fr' ? (await import('./confidence.fr.js')).CONFIDENCE_FR : null

/** How sure the library is of a category's list and rule (in the page's language), and from which sources (cited as they are, in English). */
function confidenceOf(c: CategoryResult): HTMLElement | null {
  if (!c.confidence) return null
  const en = lang === 'fr' ? 'en' : null
  const fr = CONFIDENCE_FR?.[c.id]
  return h(
    'div',
    { class: 'hint confidence', 'data-testid': 'category-confidence' },
    `${m('confidence')}${colon}`,
    h('span', { lang: fr ? null : en, 'data-testid': 'confidence-level' }, datesInText(fr ?? c.confidence.level, lang)),
    c.confidence.sources.length > 0
      ? h('details', {}, h('summary', {}, m('confidenceSources', { n: c.confidence.sources.length })), h('ul', { lang: en }, ...c.confidence.sources.map((src) => {
          const url = /^https?:\/\/\S+/.exec(src)?.[0]
          return h('li', {}, ...(url ? [h('a', { href: url, rel: 'noreferrer' }, url), src.slice(url.length)] : [src]))
        })))
      : null,
  )
}

export function eligibilitySection(r: EligibilityResult, profile: Profile, pending: readonly Pending[] = []): HTMLElement[] {
  const nocs = profile.work.map((j) => j.noc)
  const fsw = r.programs.fsw
  const judged = verdicts(r, pending)
  // A "can't tell" caused by rows not counted yet says what to do, not the conditions those rows would change.
  // A can't tell with no row pending behind it gives the library's undecided conditions as its reasons.
  const program = (id: 'fsw' | 'cec' | 'fst', eligible: boolean | null, extra: string, unmet: readonly UnmetCondition[], undecided: readonly UnmetCondition[] = []) => {
    const j = judged.programs[id]
    return h('li', { 'data-program': id }, badge(j.verdict), ' ', h('strong', {}, m(id)), extra ? ` — ${extra}` : '', ...judgedReasons(j, eligible === null ? [...unmet, ...undecided] : unmet))
  }
  const unknownPrograms = [...new Set(Object.values(judged.programs).filter((p) => p.verdict === 'unknown').flatMap((p) => p.why))]
  return [
    h('p', { id: 'invited-under' }, r.invitedUnder ? m('invitedUnder', { program: r.invitedUnder === 'pnp' ? m('pnp') : m(r.invitedUnder) }) : unknownPrograms.length > 0 ? invitedUnknownText(unknownPrograms) : m('invitedUnderNone')),
    h(
      'ul',
      { class: 'verdicts', id: 'programs' },
      program('fsw', fsw.eligible, m('grid', { points: fsw.points }), fsw.unmet, fsw.undecided),
      program('cec', r.programs.cec.eligible, '', r.programs.cec.unmet),
      program('fst', r.programs.fst.eligible, '', r.programs.fst.unmet, r.programs.fst.undecided),
    ),
    r.categories.length === 0
      ? h('p', {}, m('categoriesNone'))
      : h(
          'ul',
          { class: 'verdicts', id: 'categories' },
          ...r.categories.map((c) => {
            const name = categoryName(c.id, c.label)
            const j = judged.categories.get(c.id)!
            const firm = j.why.length > 0 ? j.firm : [...c.unmet, ...(c.eligible === null ? (c.undecided ?? []) : [])]
            const shown = judgedReasons({ ...j, firm: firm.filter((u) => c.eligible || u.code !== 'not_eligible_for_program' || firm.length === 1) }, firm.filter((u) => c.eligible || u.code !== 'not_eligible_for_program' || firm.length === 1), name)
            return h('li', { 'data-category': c.id }, badge(j.verdict), ' ', h('strong', {}, name), c.occupation ? h('span', { class: 'hint' }, ' ', ...mEnglish('qualifying', { noc: c.occupation.noc, title: c.occupation.title, months: c.occupation.months }, 'title')) : null, categoryVerdict(c) === 'unknown' ? knownOfUnknown(c, nocs) : null, ...shown, confidenceOf(c))
          }),
        ),
  ]
}

export function improveSection(profile: Profile, asOf: string): HTMLElement {
  const { changes } = whatIf({ kind: 'profile', profile }, asOf)
  if (changes.length === 0) return h('p', {}, m('improveNone'))
  const first = factorsOf(profile, asOf).firstLanguage?.language
  return h('ol', { id: 'whatif' }, ...changes.slice(0, 6).map((c) => h('li', { 'data-code': c.code }, h('strong', {}, `+${c.gain} → ${c.score}`), ' ', whatIfText(c, first))))
}

export function unlockSection(profile: Profile, asOf: string, r: EligibilityResult): HTMLElement {
  const { unlocks: found } = unlocks(profile, asOf)
  const closed = FEDERAL_PROGRAMS.filter((p) => !r.programs[p].eligible).length + r.categories.filter((c) => categoryVerdict(c) === 'no').length
  if (found.length === 0) return h('p', {}, closed === 0 ? m('allOpen') : m('unlockNone'))
  const nameOf = (target: string): string => {
    if (target === 'fsw' || target === 'cec' || target === 'fst') return m(target)
    const c = r.categories.find((x) => x.id === target)
    return c ? categoryName(c.id, c.label) : target
  }
  // One line per target and kind of change, changes made now first.
  const sorted = [...found].sort((a, b) => (a.on === b.on ? 0 : a.on < b.on ? -1 : 1))
  return h('ul', { id: 'unlocks' }, ...sorted.map((u) => h('li', { 'data-target': u.target, 'data-code': u.code }, unlockText(u, nameOf(u.target)))))
}

export function timelineSection(profile: Profile, asOf: string): HTMLElement[] {
  const line = timeline({ kind: 'profile', profile }, asOf, 3)
  const title = h('h3', {}, m('timeline', { until: line.until }))
  if (line.changes.length === 0) return [title, h('p', {}, m('timelineNone'))]
  const rows = line.changes.map((c) => {
    const before = addDays(c.date, -1)
    const was = new Set(explainFactors(profile, before).notices.map((n) => n.path))
    const news = explainFactors(profile, c.date).notices.filter((n) => !was.has(n.path) && (n.code === 'language_result_expired' || n.code === 'eca_expired'))
    // An ECA expiring is said as such ("your ECA ... expired on ..."), not as the education level left ("less than secondary school").
    const [fb, fa] = [factorsOf(profile, before), factorsOf(profile, c.date)]
    const why = changeReasons(fb, news.some((n) => n.code === 'eca_expired') ? { ...fa, education: fb.education } : fa, scoreCrs(fb, before).rules !== scoreCrs(fa, c.date).rules)
    // The short reasons ("age 33 → 34") joined by semicolons; each notice, whole sentences, on a line of its own
    // (joined to the reasons, it read "…expires; This IELTS result…").
    const lines: (string | HTMLElement)[] = why.length > 0 ? [why.join(semicolon)] : []
    for (const n of news) lines.push(...(lines.length > 0 ? [h('br')] : []), noticeText(n))
    return h('tr', {}, h('td', { class: 'date', 'data-label': m('date'), 'data-date': c.date }, dayShort(c.date)), h('td', { class: 'n', 'data-label': m('crs') }, `${c.score} (${c.change > 0 ? '+' : '−'}${Math.abs(c.change)})`), h('td', { class: 'prose', 'data-label': m('why') }, ...lines))
  })
  // On a phone each change stacks its cells (style.css `.stack`): in three columns at 360 px, "why" was a column of one or two words a line.
  return [title, h('div', { class: 'table-wrap' }, h('table', { id: 'timeline', class: 'stack' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m('date')), h('th', { scope: 'col', class: 'n' }, m('crs')), h('th', { scope: 'col' }, m('why')))), h('tbody', {}, ...rows)))]
}

