/**
 * One official-language answer of the calculator: raw test scores with the test date (converted to CLB
 * by the conversion in force on that date, as the official tool does) or CLB/NCLC levels directly.
 * @module
 */
import { conversionFor, DESIGNATED_TESTS, languageOfTest, testScoreIssues, toClb, type DesignatedTest } from '../../../src/language/tests.js'
import { ABILITIES, type Abilities, type OfficialLanguage } from '../../../src/schemas/common.js'
import { h } from '../dom.js'
import { t, tk } from '../i18n.js'

export type LanguageMode = 'none' | 'test' | 'clb'

/** Raw test scores as they are kept in the URL's `tests` parameter. */
export interface TestAnswer {
  readonly test: DesignatedTest
  readonly testDate: string
  readonly scores: Readonly<Record<(typeof ABILITIES)[number], number>>
}

export type LanguageRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly language: OfficialLanguage; readonly clb: Abilities; readonly test: TestAnswer | null }
  | { readonly kind: 'error'; readonly messages: readonly string[] }
  /** Scores not entered yet: not an error, the score just waits for them. */
  | { readonly kind: 'incomplete'; readonly messages: readonly string[] }

export interface LanguageField {
  readonly element: HTMLFieldSetElement
  read(): LanguageRead
  setClb(language: OfficialLanguage, clb: Abilities): void
  setTest(answer: TestAnswer): void
  setNone(): void
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
const todayIso = (): string => new Date().toISOString().slice(0, 10)

/**
 * Builds the fieldset. `id` prefixes every control's id; `chooseLanguage` shows English/French in CLB
 * mode (the spouse's language does not matter to the score); `allowNone` offers "no result".
 */
export function languageField(id: string, legend: string, options: { allowNone: boolean; chooseLanguage: boolean; onChange: () => void }): LanguageField {
  const modes: LanguageMode[] = options.allowNone ? ['none', 'test', 'clb'] : ['test', 'clb']
  const modeName = `${id}-mode`
  const modeInputs = modes.map((m) => h('input', { type: 'radio', name: modeName, id: `${id}-mode-${m}`, value: m }))
  const modeGroup = h(
    'fieldset',
    { class: 'radios' },
    h('legend', {}, t('hasTest')),
    ...modes.map((m, i) => h('label', { for: `${id}-mode-${m}` }, modeInputs[i]!, ' ', m === 'none' ? t('noResult') : tk(`mode_${m}`))),
  )

  const test = h('select', { id: `${id}-test` }, ...DESIGNATED_TESTS.map((x) => h('option', { value: x }, tk(`test_${x}`))))
  const testDate = h('input', { id: `${id}-testDate`, type: 'date', min: '2015-01-01', required: true, value: todayIso() })
  const scoreInputs = ABILITIES.map((a) => h('input', { id: `${id}-${a}`, type: 'number', inputmode: 'decimal', required: true }))
  const derived = h('p', { class: 'derived', id: `${id}-derived`, 'aria-live': 'polite' })
  const testPart = h(
    'div',
    {},
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: test.id }, t('test')), test), h('div', { class: 'field' }, h('label', { for: testDate.id }, t('testDate')), testDate)),
    h('div', { class: 'row' }, ...ABILITIES.map((a, i) => h('div', { class: 'field' }, h('label', { for: `${id}-${a}` }, tk(a)), scoreInputs[i]!))),
    derived,
  )

  const language = h('select', { id: `${id}-language` }, h('option', { value: 'english' }, t('lang_english')), h('option', { value: 'french' }, t('lang_french')))
  const clbInputs = ABILITIES.map((a) => h('input', { id: `${id}-clb-${a}`, type: 'number', min: 0, max: 12, step: 1, inputmode: 'numeric', required: true, value: 7 }))
  const clbPart = h(
    'div',
    {},
    options.chooseLanguage ? h('div', { class: 'field' }, h('label', { for: language.id }, t('language')), language) : null,
    h('div', { class: 'row' }, ...ABILITIES.map((a, i) => h('div', { class: 'field' }, h('label', { for: `${id}-clb-${a}` }, `${tk(a)} (${t('clbShort')})`), clbInputs[i]!))),
  )
  const errors = h('div', { class: 'error', id: `${id}-errors`, role: 'alert' })
  const element = h('fieldset', { id }, h('legend', {}, legend), modeGroup, testPart, clbPart, errors)

  const mode = (): LanguageMode => (modeInputs.find((i) => i.checked)?.value as LanguageMode | undefined) ?? modes[0]!
  const setMode = (m: LanguageMode): void => {
    for (const input of modeInputs) input.checked = input.value === m
    testPart.hidden = m !== 'test'
    clbPart.hidden = m !== 'clb'
  }

  /** The scale of the test on its date (the latest one while the date is incomplete). */
  const applyScale = (): void => {
    const date = ISO.test(testDate.value) ? testDate.value : todayIso()
    const conversion = conversionFor(test.value as DesignatedTest, date) ?? conversionFor(test.value as DesignatedTest, todayIso())
    if (!conversion) return
    ABILITIES.forEach((a, i) => {
      const { min, max, step } = conversion.scale[a]
      const input = scoreInputs[i]!
      input.min = String(min)
      input.max = String(max)
      input.step = String(step)
      input.placeholder = `${min}–${max}`
    })
  }

  const read = (): LanguageRead => {
    for (const input of [...scoreInputs, ...clbInputs, testDate]) input.removeAttribute('aria-invalid')
    const m = mode()
    if (m === 'none') return { kind: 'none' }
    if (m === 'clb') {
      const clb = {} as Record<(typeof ABILITIES)[number], number>
      const messages: string[] = []
      ABILITIES.forEach((a, i) => {
        const v = Number(clbInputs[i]!.value)
        if (clbInputs[i]!.value === '' || !Number.isInteger(v) || v < 0 || v > 12) {
          clbInputs[i]!.setAttribute('aria-invalid', 'true')
          messages.push(`${tk(a)}: 0–12`)
        }
        clb[a] = v
      })
      if (messages.length > 0) return { kind: 'error', messages }
      return { kind: 'ok', language: options.chooseLanguage ? (language.value as OfficialLanguage) : 'english', clb, test: null }
    }
    const chosen = test.value as DesignatedTest
    if (!ISO.test(testDate.value)) {
      testDate.setAttribute('aria-invalid', 'true')
      return { kind: 'error', messages: [`${t('testDate')}: YYYY-MM-DD`] }
    }
    const scores = {} as Record<(typeof ABILITIES)[number], number>
    const blank: string[] = []
    ABILITIES.forEach((a, i) => {
      const raw = scoreInputs[i]!.value
      if (raw === '') blank.push(tk(a))
      scores[a] = Number(raw)
    })
    if (blank.length > 0) return { kind: 'incomplete', messages: blank }
    const issues = testScoreIssues(chosen, testDate.value, scores, '')
    if (issues.length > 0) {
      for (const issue of issues) document.getElementById(`${id}-${issue.path.replace(/^\./, '')}`)?.setAttribute('aria-invalid', 'true')
      return { kind: 'error', messages: issues.map((i) => i.message) }
    }
    const clb = toClb(chosen, testDate.value, scores)
    return { kind: 'ok', language: languageOfTest(chosen), clb, test: { test: chosen, testDate: testDate.value, scores } }
  }

  /** Reads the answer and shows the derived CLB levels or what is wrong beside it. */
  const readAndShow = (): LanguageRead => {
    const r = read()
    derived.textContent = r.kind === 'ok' && r.test ? t('clbIs', r.clb) : ''
    errors.replaceChildren(...(r.kind === 'error' ? r.messages.map((m) => h('p', {}, m)) : []))
    return r
  }

  for (const input of modeInputs) input.addEventListener('change', () => {
    setMode(mode())
    options.onChange()
  })
  test.addEventListener('change', () => {
    applyScale()
    options.onChange()
  })
  testDate.addEventListener('change', () => {
    applyScale()
    options.onChange()
  })
  for (const input of [...scoreInputs, ...clbInputs, language]) input.addEventListener('input', options.onChange)

  setMode(modes[0]!)
  applyScale()
  return {
    element,
    read: readAndShow,
    setClb(lang, clb) {
      setMode('clb')
      language.value = lang
      ABILITIES.forEach((a, i) => (clbInputs[i]!.value = String(clb[a])))
    },
    setTest(answer) {
      setMode('test')
      test.value = answer.test
      testDate.value = answer.testDate
      applyScale()
      ABILITIES.forEach((a, i) => (scoreInputs[i]!.value = String(answer.scores[a])))
    },
    setNone() {
      setMode(options.allowNone ? 'none' : 'test')
    },
  }
}
