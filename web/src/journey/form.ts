/**
 * The form, built for people: each control reads and writes one answer; lists (credentials, tests,
 * jobs) grow and shrink; an occupation is found by title or NOC code. Questions that do not apply are
 * hidden (the `hidden` attribute; style.css makes it win over any display rule).
 * @module
 */
import { ABILITIES, EDUCATION_LEVELS } from '../../../src/domain/words.js'
import { DESIGNATED_TESTS } from '../../../src/language/tests.js'
import { nocByCode, searchNoc } from '../../../src/noc/index.js'
import { h } from '../dom.js'
import { emptyCredential, emptyJob, emptyTest, isDate, jobComplete, partnered, spouseScores, type Answers, type CredentialAnswer, type JobAnswer, type PersonAnswers, type TestAnswer, type YesNo } from './answers.js'
import type { Issue } from './checks.js'
import { scaleText } from './check-text.js'
import { testName } from './messages.js'
import { m, mEnglish, mk, type TextKey } from './text.js'

let uid = 0
const nextId = (base: string): string => `${base}-${++uid}`

type Changed = () => void

function hint(id: string, text: string | Node[]): HTMLElement {
  return h('p', { class: 'hint', id }, ...(typeof text === 'string' ? [text] : text))
}

function field(label: string, control: HTMLElement, hintText?: string | Node[], error?: HTMLElement): HTMLElement {
  const hintId = hintText ? `${control.id}-hint` : null
  if (hintId) control.setAttribute('aria-describedby', hintId)
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintId ? hint(hintId, hintText!) : null, error ?? null)
}

/** Where each field's message goes (checks.ts): by the answer the field belongs to, then the field's name. */
const fieldSlots = new Map<object, Map<string, { control: HTMLElement; slot: HTMLElement }>>()

/** The message line of one field, right below it (empty and hidden while the field is fine). */
function slotFor(target: object, name: string, control: HTMLElement): HTMLElement {
  // In the page from the start (empty), so that a screen reader hears its first message; live only while its field has the focus (showIssues).
  const slot = h('p', { class: 'error field-error', id: `${control.id}-error`, 'data-field': name, 'aria-live': 'off' })
  let fields = fieldSlots.get(target)
  if (!fields) fieldSlots.set(target, (fields = new Map()))
  fields.set(name, { control, slot })
  return slot
}

/** Shows each issue next to its field (and marks the field invalid); clears the others. */
export function showIssues(issues: readonly Issue[], text: (i: Issue) => string): void {
  for (const [target, fields] of fieldSlots) {
    for (const [name, { control, slot }] of fields) {
      const mine = issues.filter((i) => i.target === target && i.field === name)
      const words = mine.map(text).join(' ')
      // One keystroke says the message of the field typed in, not those it brings up on the fields not reached yet.
      slot.setAttribute('aria-live', control === document.activeElement ? 'polite' : 'off')
      if (slot.textContent !== words) slot.textContent = words
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== slot.id)
      if (mine.length > 0) {
        control.setAttribute('aria-invalid', 'true')
        described.push(slot.id)
      } else control.removeAttribute('aria-invalid')
      if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '))
      else control.removeAttribute('aria-describedby')
    }
  }
}

function input(base: string, type: string, value: string, set: (v: string) => void, changed: Changed, extra: Record<string, string | number> = {}): HTMLInputElement {
  const el = h('input', { id: nextId(base), type, value, ...extra })
  el.addEventListener('input', () => {
    set(el.value)
    changed()
  })
  return el
}

function select(base: string, options: readonly (readonly [string, string])[], value: string, set: (v: string) => void, changed: Changed): HTMLSelectElement {
  const el = h('select', { id: nextId(base) }, ...options.map(([v, label]) => h('option', { value: v }, label)))
  el.value = value
  el.addEventListener('change', () => {
    set(el.value)
    changed()
  })
  return el
}

/** A yes/no question as a group of two radio buttons. */
function yesNo(base: string, question: string, value: YesNo, set: (v: YesNo) => void, changed: Changed): HTMLFieldSetElement {
  const name = nextId(base)
  const option = (v: 'yes' | 'no') => {
    const radio = h('input', { type: 'radio', name, id: `${name}-${v}`, value: v, checked: value === v })
    radio.addEventListener('change', () => {
      set(v)
      changed()
    })
    return h('label', { for: radio.id }, radio, ' ', m(v))
  }
  return h('fieldset', { class: 'radios', id: name }, h('legend', {}, question), option('yes'), option('no'))
}

/**
 * Finds an occupation by title words or code; shows the choice, or buttons to choose from. `row` keeps a
 * job's typed words; `slot` names the answer and field whose issues are said beside it.
 */
function nocPicker(base: string, label: string, value: string, set: (code: string) => void, changed: Changed, slot: { target: object; field: string }, row?: JobAnswer): HTMLElement {
  const el = h('input', { id: nextId(base), type: 'text', autocomplete: 'off', value: value ? `${value} ${nocByCode(value)?.title ?? ''}`.trim() : (row?.nocText ?? '') })
  const status = h('div', { class: 'noc-status', 'aria-live': 'polite' })
  const show = (code: string): void => {
    const u = nocByCode(code)
    // The NOC's titles exist in English only: said as English on French pages.
    status.replaceChildren(u ? h('p', { class: 'derived' }, ...mEnglish('nocChosen', { code: u.code, title: u.title, teer: u.teer }, 'title')) : '')
  }
  const choose = (code: string): void => {
    set(code)
    if (row) delete row.nocText
    el.value = `${code} ${nocByCode(code)?.title ?? ''}`
    show(code)
    changed()
  }
  el.addEventListener('input', () => {
    const text = el.value.trim()
    const code = /^(\d{5})\b/.exec(text)?.[1]
    if (code && nocByCode(code)) return choose(code)
    set('')
    // Words typed but no occupation chosen: the row is begun, and says it is not counted (checks.ts).
    if (row) {
      if (text) row.nocText = text
      else delete row.nocText
    }
    changed()
    if (text.length < 2) return status.replaceChildren()
    const hits = searchNoc(text, 6)
    if (hits.length === 0) return status.replaceChildren(h('p', { class: 'hint' }, m('nocNone')))
    status.replaceChildren(
      h('p', { class: 'hint' }, m('nocPick')),
      // Chosen with a button, which then goes: the focus comes back to the field, which shows the choice.
      h('ul', { class: 'noc-hits' }, ...hits.map(({ unitGroup: u }) => h('li', {}, h('button', { type: 'button', class: 'secondary', lang: 'en', onclick: () => (choose(u.code), el.focus()) }, `${u.code} ${u.title}`)))),
    )
  })
  if (value) show(value)
  el.setAttribute('aria-describedby', `${el.id}-hint`)
  return h('div', { class: 'field noc-field' }, h('label', { for: el.id }, label), el, hint(`${el.id}-hint`, m('occupationHint')), status, slotFor(slot.target, slot.field, el))
}

/** The levels one credential can have (two or more credentials, or none, are what the library derives). */
const LEVELS = EDUCATION_LEVELS.filter((l): l is Exclude<(typeof EDUCATION_LEVELS)[number], 'none' | 'two-or-more'> => l !== 'none' && l !== 'two-or-more')

/**
 * A growing list of rows: each a fieldset with its number, a remove button, and an add button below.
 * The rows are drawn anew, so the focus is put back: on the new row's first control after adding, on
 * the add button after removing.
 */
function list<T>(items: T[], legend: (n: number) => string, row: (item: T, n: number) => HTMLElement[], blank: () => T, addLabel: string, changed: Changed): HTMLElement {
  const box = h('div', { class: 'list' })
  const render = (): void => {
    box.replaceChildren(
      ...items.map((item, i) =>
        h(
          'fieldset',
          { class: 'item' },
          h('legend', {}, legend(i + 1)),
          ...row(item, i + 1),
          h('button', { type: 'button', class: 'secondary small', onclick: () => (items.splice(i, 1), render(), changed(), (box.lastElementChild as HTMLElement).focus()) }, `${m('remove')} (${legend(i + 1)})`),
        ),
      ),
      h('button', { type: 'button', class: 'secondary', onclick: () => (items.push(blank()), render(), changed(), box.querySelector<HTMLElement>('fieldset.item:last-of-type :is(input, select)')?.focus()) }, addLabel),
    )
  }
  render()
  return box
}

/** Where each test row's inline message goes (its CLB, or why it does not count). */
export const testNotes = new Map<TestAnswer, HTMLElement>()

/** Rows begun but not yet counted (a job without its hours, an end before the start), and the line that says so. */
const rowNotes = new Map<HTMLElement, () => string>()

function rowNote(check: () => string): HTMLElement {
  const note = h('p', { class: 'hint row-note', 'aria-live': 'polite' })
  rowNotes.set(note, check)
  return note
}

function updateRowNotes(): void {
  // Written only when it changes: a live line written again is said again.
  for (const [note, check] of rowNotes) {
    const text = check()
    if (note.textContent !== text) note.textContent = text
  }
}

function credentialRows(person: PersonAnswers, changed: Changed, prefix: string): HTMLElement {
  return list(
    person.education,
    (n) => `${prefix}${m('credential', { n })}`,
    (c: CredentialAnswer) => {
      const eca = input('eca', 'date', c.ecaOn, (v) => (c.ecaOn = v), changed)
      const ecaField = field(m('ecaOn'), eca)
      ecaField.hidden = c.inCanada !== 'no'
      const started = (): boolean => Boolean(c.level || c.inCanada || c.completedOn || c.years)
      const note = rowNote(() => (started() && !(c.level && c.inCanada && isDate(c.completedOn) && (c.years === '' || (Number(c.years) >= 0 && Number(c.years) <= 15))) ? m('credentialIncomplete') : ''))
      return [
        field(m('level'), select('level', [['', m('choose')], ...LEVELS.map((l) => [l, mk(`lvl_${l}`)] as const)], c.level, (v) => (c.level = v), changed)),
        yesNo('inCanada', m('inCanada'), c.inCanada, (v) => ((c.inCanada = v), (ecaField.hidden = v !== 'no')), changed),
        h('div', { class: 'row' }, field(m('completedOn'), input('completed', 'date', c.completedOn, (v) => (c.completedOn = v), changed)), ((el) => field(m('programYears'), el, undefined, slotFor(c, 'years', el)))(input('years', 'number', c.years, (v) => (c.years = v), changed, { min: 0, max: 15, step: 1, inputmode: 'numeric' }))),
        ecaField,
        note,
      ]
    },
    emptyCredential,
    m('addCredential'),
    changed,
  )
}

function testRows(person: PersonAnswers, changed: Changed, prefix: string): HTMLElement {
  return list(
    person.tests,
    (n) => `${prefix}${m('testN', { n })}`,
    (t: TestAnswer) => {
      const note = h('div', { class: 'test-note', 'aria-live': 'polite' })
      testNotes.set(t, note)
      const which = select('test', [['', m('choose')], ...DESIGNATED_TESTS.map((x) => [x, testName(x)] as const)], t.test, (v) => (t.test = v as TestAnswer['test']), changed)
      const date = input('testDate', 'date', t.date, (v) => (t.date = v), changed)
      // Scores as typed (text, not number: "seven" or "7,5" reach the checks instead of an empty value).
      const score = (a: (typeof ABILITIES)[number]) => {
        const el = input(a, 'text', t[a], (v) => (t[a] = v), changed, { inputmode: 'decimal', autocomplete: 'off' })
        return field(m(a), el, undefined, slotFor(t, a, el))
      }
      return [
        h('div', { class: 'row' }, field(m('test'), which, undefined, slotFor(t, 'test', which)), field(m('testDate'), date, undefined, slotFor(t, 'date', date))),
        // The scale of the test on its date (TEF Canada changed scale on 2023-12-11).
        rowNote(() => scaleText(t.test, t.date)),
        h('div', { class: 'row' }, ...ABILITIES.map(score)),
        note,
      ]
    },
    emptyTest,
    m('addTest'),
    changed,
  )
}

function checkbox(base: string, label: string, checked: boolean, set: (v: boolean) => void, changed: Changed): HTMLElement {
  const box = h('input', { type: 'checkbox', id: nextId(base), checked })
  box.addEventListener('change', () => (set(box.checked), changed()))
  return h('div', { class: 'field' }, h('label', { for: box.id }, box, ' ', label))
}

function jobRows(person: PersonAnswers, changed: Changed, prefix: string): HTMLElement {
  return list(
    person.work,
    (n) => `${prefix}${m('jobN', { n })}`,
    (j: JobAnswer) => [
      nocPicker('noc', m('occupation'), j.noc, (code) => (j.noc = code), changed, { target: j, field: 'noc' }, j),
      yesNo('workCanada', m('workInCanada'), j.inCanada, (v) => (j.inCanada = v), changed),
      h(
        'div',
        { class: 'row' },
        field(m('from'), input('from', 'date', j.from, (v) => (j.from = v), changed)),
        ((el) => field(m('to'), el, undefined, slotFor(j, 'to', el)))(input('to', 'date', j.to, (v) => (j.to = v), changed)),
        ((el) => field(m('hours'), el, undefined, slotFor(j, 'hours', el)))(input('hours', 'number', j.hours, (v) => (j.hours = v), changed, { min: 1, max: 168, step: 'any', inputmode: 'decimal' })),
      ),
      checkbox('self', m('selfEmployed'), j.selfEmployed, (v) => (j.selfEmployed = v), changed),
      // Work while a full-time student counts neither for CEC nor as Canadian work for the CRS.
      checkbox('student', m('fullTimeStudent'), j.student === true, (v) => (j.student = v), changed),
      rowNote(() => ((j.noc || j.inCanada || j.from || j.to || j.hours) && !jobComplete(j) ? m('jobIncomplete') : '')),
    ],
    emptyJob,
    m('addJob'),
    changed,
  )
}

// IRCC's pages in English (each has its French version one click away): the French addresses were not verified.
const IRCC_ECA = 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/education-assessed.html'
const IRCC_WORK = 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html'

function section(legend: TextKey, ...content: (HTMLElement | null)[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'section' }, h('legend', {}, m(legend)), ...content)
}

/** The form for `a`; `changed` runs after every answer. Returns the form and a function that shows the questions that apply. */
export function buildForm(a: Answers, onChange: Changed): { form: HTMLFormElement; refresh: () => void } {
  testNotes.clear()
  rowNotes.clear()
  fieldSlots.clear()
  let refresh = (): void => undefined
  const changed = (): void => {
    refresh()
    onChange()
  }
  const statuses: [string, TextKey][] = [['', 'choose'], ['single', 'ms_single'], ['married', 'ms_married'], ['common-law', 'ms_common-law'], ['separated', 'ms_separated'], ['divorced', 'ms_divorced'], ['annulled', 'ms_annulled'], ['widowed', 'ms_widowed']]
  const spouseCitizen = yesNo('spouseCitizen', m('spouseCitizen'), a.spouseCitizen, (v) => (a.spouseCitizen = v), changed)
  const spouseComing = yesNo('spouseComing', m('spouseComing'), a.spouseComing, (v) => (a.spouseComing = v), changed)
  const spouseSection = section(
    'spouseSection',
    (() => {
      const el = input('spouseDob', 'date', a.spouse.dob, (v) => (a.spouse.dob = v), changed)
      return field(m('spouseDob'), el, undefined, slotFor(a.spouse, 'dob', el))
    })(),
    h('h3', {}, m('spouseEducation')),
    credentialRows(a.spouse, changed, m('spousePrefix')),
    h('h3', {}, m('spouseTests')),
    testRows(a.spouse, changed, m('spousePrefix')),
    h('h3', {}, m('spouseWork')),
    jobRows(a.spouse, changed, m('spousePrefix')),
  )
  spouseSection.id = 'spouse-section'
  const certificateNoc = nocPicker('certNoc', m('certificateNoc'), a.certificateNoc, (c) => (a.certificateNoc = c), changed, { target: a, field: 'certNoc' })
  const nominationOn = field(m('nominationOn'), input('nomOn', 'date', a.nominationOn, (v) => (a.nominationOn = v), changed))
  // Asked on every date: an offer still counts for FSW's arranged employment, FST and the proof of funds
  // when it gives no CRS points (since 2025-03-25); the hint says so (showJobOffer).
  const jobOffer = yesNo('jobOffer', m('jobOffer'), a.jobOffer, (v) => (a.jobOffer = v), changed)
  jobOffer.append(h('p', { class: 'hint', id: `${jobOffer.id}-points`, hidden: true }))
  jobOffer.setAttribute('aria-describedby', `${jobOffer.id}-points`)
  const jobOfferNoc = nocPicker('offerNoc', m('jobOfferNoc'), a.jobOfferNoc, (c) => (a.jobOfferNoc = c), changed, { target: a, field: 'offerNoc' })
  const firstLanguage = select('firstLanguage', [['', m('firstAuto')], ['english', m('english')], ['french', m('french')]], a.firstLanguage, (v) => (a.firstLanguage = v as Answers['firstLanguage']), changed)

  const form = h(
    'form',
    { id: 'journey-form', novalidate: true, 'aria-label': m('formLabel'), onsubmit: (e: Event) => e.preventDefault() },
    field(m('asOf'), input('asOf', 'date', a.asOf, (v) => (a.asOf = v), changed, { min: '2015-01-01' }), m('asOfHint')),
    section(
      'personal',
      (() => {
        const el = input('dob', 'date', a.dob, (v) => (a.dob = v), changed)
        return field(m('dob'), el, undefined, slotFor(a, 'dob', el))
      })(),
      field(m('marital'), select('marital', statuses.map(([v, k]) => [v, m(k)] as const), a.marital, (v) => (a.marital = v), changed)),
      spouseCitizen,
      spouseComing,
      (() => {
        const el = input('children', 'number', a.children, (v) => (a.children = v), changed, { min: 0, max: 30, step: 1, inputmode: 'numeric' })
        return field(m('children'), el, undefined, slotFor(a, 'children', el))
      })(),
    ),
    section('education', h('p', { class: 'hint' }, m('educationHint')), h('p', { class: 'hint' }, m('ecaLine'), ' ', h('a', { href: IRCC_ECA, rel: 'noreferrer', hreflang: 'en' }, m('ecaLink'))), credentialRows(a, changed, '')),
    section('languages', h('p', { class: 'hint' }, m('languagesHint')), field(m('firstLanguage'), firstLanguage), testRows(a, changed, '')),
    section('work', h('p', { class: 'hint' }, m('skilledLine'), ' ', h('a', { href: IRCC_WORK, rel: 'noreferrer', hreflang: 'en' }, m('skilledLink'))), jobRows(a, changed, '')),
    spouseSection,
    section(
      'other',
      yesNo('certificate', m('certificate'), a.certificate, (v) => (a.certificate = v), changed),
      certificateNoc,
      yesNo('nomination', m('nomination'), a.nomination, (v) => (a.nomination = v), changed),
      nominationOn,
      jobOffer,
      jobOfferNoc,
      yesNo('sibling', m('sibling'), a.sibling, (v) => (a.sibling = v), changed),
      (() => {
        // Text, not number: "-500" or "5 000 $" reach the checks (and are refused there) instead of an empty value.
        const el = input('funds', 'text', a.funds, (v) => (a.funds = v), changed, { inputmode: 'numeric', autocomplete: 'off' })
        return field(m('funds'), el, undefined, slotFor(a, 'funds', el))
      })(),
    ),
  )

  refresh = () => {
    updateRowNotes()
    spouseCitizen.hidden = !partnered(a)
    spouseComing.hidden = !partnered(a) || a.spouseCitizen !== 'no'
    spouseSection.hidden = !spouseScores(a)
    certificateNoc.hidden = a.certificate !== 'yes'
    nominationOn.hidden = a.nomination !== 'yes'
    jobOfferNoc.hidden = a.jobOffer !== 'yes'
  }
  refresh()
  return { form, refresh: () => refresh() }
}

/** Says beside the job-offer question when an offer gives no CRS points on the date: `noPointsSince`, the day that rule began (null: it gives points). */
export function showJobOffer(form: HTMLFormElement, noPointsSince: string | null): void {
  const hint = form.querySelector<HTMLElement>('fieldset[id^="jobOffer"] > p.hint')
  if (!hint) return
  hint.hidden = noPointsSince === null
  const text = noPointsSince === null ? '' : m('jobOfferNoPoints', { since: noPointsSince })
  if (hint.textContent !== text) hint.textContent = text
}
