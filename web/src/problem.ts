/**
 * An API problem (application/problem+json) shown to people: each issue once, its field named in the
 * page's words, instead of the detail and then the same issue again, raw.
 * @module
 */
import { h } from './dom.js'

export interface Problem {
  readonly detail?: string
  readonly issues?: readonly { readonly path: string; readonly message: string }[]
}

/** One line of a problem: the field it is about (the page's words for it, or its path) and what is wrong. */
export interface ProblemLine {
  readonly field: string | null
  readonly message: string
}

/**
 * The problem's lines, each once: its issues, each with its field's name (`fieldName` of the path, or the
 * path); the detail only when there are no issues (the detail repeats them); the status when neither.
 */
export function problemLines(problem: Problem | null, status: number, fieldName: (path: string) => string | undefined = () => undefined): ProblemLine[] {
  const issues = problem?.issues ?? []
  if (issues.length > 0) {
    const seen = new Set<string>()
    return issues
      .filter((i) => !seen.has(`${i.path}\u0000${i.message}`) && (seen.add(`${i.path}\u0000${i.message}`), true))
      .map((i) => ({ field: i.path === '' ? null : (fieldName(i.path) ?? i.path), message: i.message }))
  }
  return [{ field: null, message: problem?.detail ?? `HTTP ${status}` }]
}

/** The lines as an alert on a page in `lang`; the server's words are English, marked so on a French page. */
export function problemElement(lines: readonly ProblemLine[], lang: 'en' | 'fr'): HTMLElement {
  const colon = lang === 'fr' ? '\u00a0: ' : ': '
  const line = (l: ProblemLine) => [l.field ? `${l.field}${colon}` : '', h('span', { lang: lang === 'fr' ? 'en' : null }, l.message)]
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-testid': 'problem' },
    lines.length === 1 ? h('p', {}, ...line(lines[0]!)) : h('ul', {}, ...lines.map((l) => h('li', {}, ...line(l)))),
  )
}
