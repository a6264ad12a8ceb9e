/**
 * The CRS calculator page. The library scores in the browser, so the result is instant and nothing
 * leaves the device. State lives in the URL: `/calculator?factors=<CrsFactors JSON>&asOf=YYYY-MM-DD`
 * (plus `tests=` with raw test scores when they were entered as such).
 * @module
 */
import { scoreCrs, type CrsResult } from '../../../src/crs/score.js'
import { remember } from './memory.js'
import { noticeAfter } from '../verified-notice.js'
import { CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS, isoDate, JOB_OFFER_KINDS } from '../../../src/schemas/common.js'
import { crsFactorsSchema, type CrsFactors, type CrsFactorsInput } from '../../../src/schemas/crs-factors.js'
import { inputIssues } from '../../../src/schemas/issues.js'
import { isExpressEntryError } from '../../../src/errors.js'
import { whatIf } from '../../../src/history/outlook.js'
import { h } from '../dom.js'
import { lang, num, t, tk, type MessageKey } from '../i18n.js'
import { layout } from '../layout.js'
import { languageField, type LanguageRead, type TestAnswer } from './language.js'

const todayIso = (): string => new Date().toISOString().slice(0, 10)

// ---- building blocks -------------------------------------------------------------------------------

function select(id: string, values: readonly (string | number)[], label: (v: string) => string, value?: string | number): HTMLSelectElement {
  const el = h('select', { id }, ...values.map((v) => h('option', { value: String(v) }, label(String(v)))))
  if (value !== undefined) el.value = String(value)
  return el
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `${control.id}-hint` : null
  if (hintId) control.setAttribute('aria-describedby', hintId)
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintId ? h('p', { class: 'hint', id: hintId }, hint) : null)
}

function yesNo(id: string, question: string): { element: HTMLFieldSetElement; get(): boolean; set(v: boolean): void } {
  const yes = h('input', { type: 'radio', name: id, id: `${id}-yes`, value: 'yes' })
  const no = h('input', { type: 'radio', name: id, id: `${id}-no`, value: 'no', checked: true })
  const element = h('fieldset', { class: 'radios', id }, h('legend', {}, question), h('label', { for: yes.id }, yes, ' ', t('yes')), h('label', { for: no.id }, no, ' ', t('no')))
  return { element, get: () => yes.checked, set: (v) => ((yes.checked = v), (no.checked = !v)) }
}

function yearsLabel(max: number): (v: string) => string {
  return (v) => (v === '0' ? t('yearsNone') : Number(v) >= max ? t('yearsOrMore', { n: v }) : t('years', { n: v }))
}

/** Sets a select's value, adding the option first when a shared link carries a value beyond the list. */
function setSelect(el: HTMLSelectElement, value: string | number, label: (v: string) => string): void {
  const v = String(value)
  if (![...el.options].some((o) => o.value === v)) el.append(h('option', { value: v }, label(v)))
  el.value = v
}

// ---- the form --------------------------------------------------------------------------------------

const onChange = (): void => update(true)

const asOf = h('input', { id: 'asOf', type: 'date', min: '2015-01-01', required: true, value: todayIso() })
const maritalStatus = select('maritalStatus', ['single', 'married', 'common-law', 'divorced', 'widowed'], (v) => tk(`ms_${v}`))
const spouseCitizen = yesNo('spouseCitizen', t('spouseCitizen'))
const spouseAccompanying = yesNo('spouseAccompanying', t('spouseAccompanying'))
spouseAccompanying.set(true)
const age = h('input', { id: 'age', type: 'number', min: 0, max: 150, step: 1, inputmode: 'numeric', required: true, value: 29 })
const education = select('education', EDUCATION_LEVELS, (v) => tk(`edu_${v}`), 'bachelors')
const canadianEducation = select('canadianEducation', CANADIAN_EDUCATION_LEVELS, (v) => tk(`ce_${v}`))
const first = languageField('first', t('firstLanguage'), { allowNone: false, chooseLanguage: true, onChange })
const second = languageField('second', t('secondLanguage'), { allowNone: true, chooseLanguage: true, onChange })
const canadianWorkYears = select('canadianWorkYears', [0, 1, 2, 3, 4, 5], yearsLabel(5))
const foreignWorkYears = select('foreignWorkYears', [0, 1, 2, 3], yearsLabel(3))
const certificate = yesNo('certificate', t('certificate'))
const jobOffer = select('jobOffer', JOB_OFFER_KINDS, (v) => tk(`jo_${v}`))
const nomination = yesNo('nomination', t('nomination'))
const sibling = yesNo('sibling', t('sibling'))
const spouseEducation = select('spouseEducation', EDUCATION_LEVELS, (v) => tk(`edu_${v}`))
const spouseCanadianWorkYears = select('spouseCanadianWorkYears', [0, 1, 2, 3, 4, 5], yearsLabel(5))
const spouseLanguage = languageField('spouseLanguage', t('spouseLanguage'), { allowNone: true, chooseLanguage: false, onChange })

const spouseQuestions = h('div', { id: 'spouse-questions' }, spouseCitizen.element, spouseAccompanying.element)
const spouseSection = h('fieldset', { id: 'spouse-section' }, h('legend', {}, t('spouseSection')), field(t('spouseEducation'), spouseEducation), field(t('spouseCanadianWorkYears'), spouseCanadianWorkYears), spouseLanguage.element)

const form = h(
  'form',
  { id: 'crs-form', novalidate: true, 'aria-label': t('calcTitle'), onsubmit: (e: Event) => e.preventDefault() },
  field(t('asOf'), asOf, t('asOfHelp')),
  h('fieldset', {}, h('legend', {}, t('you')), field(t('maritalStatus'), maritalStatus), spouseQuestions, field(t('age'), age), field(t('education'), education), field(t('canadianEducation'), canadianEducation)),
  first.element,
  second.element,
  h('fieldset', {}, h('legend', {}, t('work')), field(t('canadianWorkYears'), canadianWorkYears), field(t('foreignWorkYears'), foreignWorkYears), certificate.element),
  h('fieldset', {}, h('legend', {}, t('additional')), field(t('jobOffer'), jobOffer), nomination.element, sibling.element),
  spouseSection,
)
form.addEventListener('input', onChange)
form.addEventListener('change', onChange)

const partnered = (): boolean => maritalStatus.value === 'married' || maritalStatus.value === 'common-law'
const scoringSpouse = (): boolean => partnered() && !spouseCitizen.get() && spouseAccompanying.get()

function showSpouseQuestions(): void {
  spouseQuestions.hidden = !partnered()
  spouseAccompanying.element.hidden = !partnered() || spouseCitizen.get()
  spouseSection.hidden = !scoringSpouse()
}

// ---- form <-> factors ------------------------------------------------------------------------------

interface FormRead {
  readonly factors: CrsFactorsInput | null
  readonly tests: Record<string, TestAnswer>
  readonly problems: readonly string[]
  /** Answers still to give (scores not entered yet). */
  readonly missing: readonly string[]
}

let missing: string[] = []

function readLanguage(r: LanguageRead, key: string, tests: Record<string, TestAnswer>, problems: string[], label: string) {
  if (r.kind === 'error') problems.push(`${label}: ${r.messages.join('; ')}`)
  if (r.kind === 'incomplete') missing.push(`${label}: ${r.messages.join(', ')}`)
  if (r.kind !== 'ok') return null
  if (r.test) tests[key] = r.test
  return r
}

function readForm(): FormRead {
  showSpouseQuestions()
  const problems: string[] = []
  missing = []
  const tests: Record<string, TestAnswer> = {}
  const f = readLanguage(first.read(), 'first', tests, problems, t('firstLanguage'))
  const s = readLanguage(second.read(), 'second', tests, problems, t('secondLanguage'))
  const sl = scoringSpouse() ? readLanguage(spouseLanguage.read(), 'spouse', tests, problems, t('spouseLanguage')) : null
  age.removeAttribute('aria-invalid')
  const ageValue = Number(age.value)
  if (age.value === '' || !Number.isInteger(ageValue) || ageValue < 0 || ageValue > 150) {
    age.setAttribute('aria-invalid', 'true')
    problems.push(`${t('age')}: 0–150`)
  }
  if (problems.length > 0 || missing.length > 0) return { factors: null, tests, problems, missing }
  const factors: CrsFactorsInput = {
    age: ageValue,
    education: education.value as CrsFactors['education'],
    canadianEducation: canadianEducation.value as CrsFactors['canadianEducation'],
    firstLanguage: f ? { language: f.language, clb: f.clb } : null,
    secondLanguage: s ? { language: s.language, clb: s.clb } : null,
    canadianWorkYears: Number(canadianWorkYears.value),
    foreignWorkYears: Number(foreignWorkYears.value),
    certificateOfQualification: certificate.get(),
    jobOffer: jobOffer.value as CrsFactors['jobOffer'],
    provincialNomination: nomination.get(),
    siblingInCanada: sibling.get(),
    spouse: partnered()
      ? {
          accompanying: spouseAccompanying.get(),
          canadianCitizenOrPR: spouseCitizen.get(),
          education: spouseEducation.value as CrsFactors['education'],
          language: sl ? sl.clb : null,
          canadianWorkYears: Number(spouseCanadianWorkYears.value),
        }
      : null,
  }
  return { factors, tests, problems, missing }
}

function fillForm(factors: CrsFactors, tests: Record<string, TestAnswer>): void {
  age.value = String(factors.age)
  education.value = factors.education
  canadianEducation.value = factors.canadianEducation
  if (tests.first) first.setTest(tests.first)
  else if (factors.firstLanguage) first.setClb(factors.firstLanguage.language, factors.firstLanguage.clb)
  if (tests.second) second.setTest(tests.second)
  else if (factors.secondLanguage) second.setClb(factors.secondLanguage.language, factors.secondLanguage.clb)
  else second.setNone()
  setSelect(canadianWorkYears, factors.canadianWorkYears, yearsLabel(5))
  setSelect(foreignWorkYears, factors.foreignWorkYears, yearsLabel(3))
  certificate.set(factors.certificateOfQualification)
  jobOffer.value = factors.jobOffer
  nomination.set(factors.provincialNomination)
  sibling.set(factors.siblingInCanada)
  const spouse = factors.spouse
  maritalStatus.value = spouse ? 'married' : 'single'
  if (spouse) {
    spouseCitizen.set(spouse.canadianCitizenOrPR)
    spouseAccompanying.set(spouse.accompanying)
    spouseEducation.value = spouse.education
    setSelect(spouseCanadianWorkYears, spouse.canadianWorkYears, yearsLabel(5))
    if (tests.spouse) spouseLanguage.setTest(tests.spouse)
    else if (spouse.language) spouseLanguage.setClb('english', spouse.language)
    else spouseLanguage.setNone()
  }
  showSpouseQuestions()
}

// ---- the result ------------------------------------------------------------------------------------

const totalEl = h('p', { class: 'total', 'data-testid': 'crs-total', id: 'crs-total', 'aria-live': 'polite', 'aria-atomic': 'true' })
const metaEl = h('p', { class: 'hint', id: 'crs-meta' })
const problemsEl = h('div', { class: 'error', id: 'crs-problems', role: 'alert' })
const breakdownEl = h('div', { class: 'table-wrap', id: 'crs-breakdown' })
const traceEl = h('ol', { class: 'trace', id: 'crs-trace' })
const pastLink = h('a', { id: 'crs-past', href: '/rounds' }, t('seePast'))
const shareButton = h('button', { type: 'button', class: 'secondary', id: 'share' }, t('share'))
const shareStatus = h('span', { role: 'status', class: 'hint' })
shareButton.addEventListener('click', () => {
  void navigator.clipboard?.writeText(location.href).then(
    () => (shareStatus.textContent = ` ${t('copied')}`),
    () => undefined,
  )
})

const GROUPS: readonly [MessageKey, keyof Pick<CrsResult, 'core' | 'spouse' | 'transferability' | 'additional'>, readonly string[]][] = [
  ['A', 'core', ['age', 'education', 'firstLanguage', 'secondLanguage', 'canadianWork']],
  ['B', 'spouse', ['education', 'language', 'canadianWork']],
  ['C', 'transferability', ['education', 'foreignWork', 'certificate']],
  ['D', 'additional', ['provincialNomination', 'jobOffer', 'canadianEducation', 'french', 'sibling']],
]

function renderResult(result: CrsResult): void {
  totalEl.textContent = String(result.total)
  metaEl.textContent = `${t('on', { date: result.asOf })} · ${t('rules', { id: result.rules })}`
  noticeAfter(metaEl, result.asOf, 'score')
  const rows: HTMLTableRowElement[] = []
  for (const [title, group, lines] of GROUPS) {
    const values = result[group] as unknown as Record<string, number>
    rows.push(h('tr', { class: 'group' }, h('th', { scope: 'row' }, t(title)), h('td', { class: 'n' }, num(values.subtotal!))))
    for (const line of lines) rows.push(h('tr', {}, h('th', { scope: 'row', style: 'padding-left:1.2rem;font-weight:400' }, tk(`${group}.${line}`)), h('td', { class: 'n', 'data-line': `${group}.${line}` }, num(values[line]!))))
  }
  rows.push(h('tr', { class: 'sum' }, h('th', { scope: 'row' }, t('total')), h('td', { class: 'n' }, num(result.total))))
  breakdownEl.replaceChildren(h('table', {}, h('caption', { class: 'visually-hidden' }, t('result')), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('factor')), h('th', { scope: 'col', class: 'n' }, t('points')))), h('tbody', {}, ...rows)))
  traceEl.replaceChildren(
    ...result.trace.map((a) =>
      h(
        'li',
        {},
        h('strong', {}, `${tk(a.line)} — ${a.points}`),
        ': ',
        a.because,
        h('br'),
        h('span', { class: 'src' }, `${a.ruleId} @ ${a.versionFrom}`, ...a.sources.flatMap((s) => [' · ', h('a', { href: s.url, rel: 'noreferrer' }, `${s.instrument} ${s.pinpoint}`)])),
      ),
    ),
  )
}

const whatIfEl = h('ol', { id: 'crs-whatif' })
const whatIfTitle = h('h3', { hidden: true }, t('whatIfTitle'))

/** The changes that would raise the score most (the library's what-if), biggest gain first. */
function renderWhatIf(factors: CrsFactors, date: string): void {
  const { changes } = whatIf({ kind: 'factors', factors }, date)
  whatIfTitle.hidden = false
  whatIfEl.replaceChildren(...(changes.length === 0 ? [h('li', {}, t('whatIfNone'))] : changes.slice(0, 6).map((c) => h('li', {}, h('strong', {}, `+${c.gain} → ${c.score}`), ` ${c.description}`, c.note ? h('span', { class: 'hint' }, ` (${c.note})`) : null))))
}

function clearResult(): void {
  whatIfEl.replaceChildren()
  whatIfTitle.hidden = true
  breakdownEl.replaceChildren()
  traceEl.replaceChildren()
  metaEl.textContent = ''
  totalEl.textContent = '—'
}

/** Answers still missing: a prompt, not an error. */
function renderMissing(items: readonly string[]): void {
  clearResult()
  problemsEl.replaceChildren(h('p', { class: 'hint' }, t('enterScores')), h('ul', { class: 'hint' }, ...items.map((p) => h('li', {}, p))))
}

function renderProblems(problems: readonly string[]): void {
  clearResult()
  problemsEl.replaceChildren(h('p', {}, t('fixErrors')), h('ul', {}, ...problems.map((p) => h('li', {}, p))))
}

function scoreAndRender(factors: CrsFactors, date: string): boolean {
  try {
    renderResult(scoreCrs(factors, date))
    remember(factors)
    pastLink.href = `/rounds?factors=${encodeURIComponent(JSON.stringify(factors))}&asOf=${date}${lang === 'fr' ? '&lang=fr' : ''}`
    renderWhatIf(factors, date)
    problemsEl.replaceChildren()
    return true
  } catch (e) {
    renderProblems([isExpressEntryError(e) ? e.message : String(e)])
    return false
  }
}

// ---- URL state -------------------------------------------------------------------------------------

function writeUrl(factors: CrsFactorsInput, tests: Record<string, TestAnswer>, date: string): void {
  const params = new URLSearchParams()
  params.set('factors', JSON.stringify(factors))
  params.set('asOf', date)
  if (Object.keys(tests).length > 0) params.set('tests', JSON.stringify(tests))
  if (new URLSearchParams(location.search).get('lang')) params.set('lang', lang)
  history.replaceState(null, '', `${location.pathname}?${params}`)
}

function update(fromUser: boolean): void {
  const date = asOf.value
  asOf.removeAttribute('aria-invalid')
  const read = readForm()
  const problems = [...read.problems]
  if (!isoDate.safeParse(date).success) {
    asOf.setAttribute('aria-invalid', 'true')
    problems.push(`${t('asOf')}: YYYY-MM-DD`)
  }
  if (problems.length > 0) return renderProblems(problems)
  if (read.missing.length > 0 || !read.factors) return renderMissing(read.missing)
  const parsed = crsFactorsSchema.safeParse(read.factors)
  if (!parsed.success) return renderProblems(inputIssues(parsed.error, read.factors).map((i) => `${i.path}: ${i.message}`))
  if (scoreAndRender(parsed.data, date) && fromUser) writeUrl(read.factors, read.tests, date)
}

/** Opens the page with the URL's answers: the score is that of the factors in the link, exactly. */
function start(): void {
  const params = new URLSearchParams(location.search)
  const date = params.get('asOf')
  if (date) asOf.value = date
  const factorsText = params.get('factors')
  if (!factorsText) return update(false)
  let raw: unknown
  let tests: Record<string, TestAnswer> = {}
  try {
    raw = JSON.parse(factorsText)
    const testsText = params.get('tests')
    if (testsText) tests = JSON.parse(testsText) as Record<string, TestAnswer>
  } catch (e) {
    return renderLinkProblems([`factors: ${(e as Error).message}`])
  }
  const parsed = crsFactorsSchema.safeParse(raw)
  if (!parsed.success) return renderLinkProblems(inputIssues(parsed.error, raw).map((i) => `${i.path || 'factors'}: ${i.message}`))
  try {
    fillForm(parsed.data, tests)
  } catch {
    fillForm(parsed.data, {})
  }
  readForm()
  if (!isoDate.safeParse(asOf.value).success) return renderLinkProblems([`asOf: ${asOf.value}`])
  scoreAndRender(parsed.data, asOf.value)
}

function renderLinkProblems(problems: readonly string[]): void {
  update(false)
  problemsEl.prepend(h('p', {}, t('invalidLink')), h('ul', {}, ...problems.map((p) => h('li', {}, p))))
}

layout(
  t('calcTitle'),
  h('p', {}, t('calcIntro')),
  h(
    'div',
    { class: 'calc' },
    form,
    h(
      'aside',
      { class: 'result', 'aria-labelledby': 'result-title' },
      h('h2', { id: 'result-title' }, t('result')),
      h('p', { class: 'hint' }, t('total')),
      totalEl,
      metaEl,
      problemsEl,
      breakdownEl,
      h('details', {}, h('summary', {}, t('why')), traceEl),
      whatIfTitle,
      whatIfEl,
      h('p', {}, pastLink),
      h('p', {}, shareButton, shareStatus),
    ),
  ),
)
start()
