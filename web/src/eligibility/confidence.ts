/** How sure the engine is of a category's list and rule, shown with every answer from it. @module */
import type { CategoryResult } from '../../../src/eligibility/types.js'
import { h } from '../dom.js'
import { lang } from '../i18n.js'

export function categoryConfidence(c: CategoryResult): HTMLElement | null {
  if (!c.confidence) return null
  const label = lang === 'fr' ? 'confiance' : 'confidence'
  return h('span', { class: 'hint', 'data-testid': 'category-confidence' }, h('br'), `${label}: ${c.confidence.level}`)
}
