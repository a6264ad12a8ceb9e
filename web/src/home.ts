/** The home page: what the app does and where to go. @module */
import './site-words.js'
import { h } from './dom.js'
import { lang, t, type MessageKey } from './i18n.js'
import { layout } from './layout.js'

const keep = lang === 'fr' ? '?lang=fr' : ''
const CARDS: readonly [string, MessageKey][] = [
  ['/calculator', 'navCalculator'],
  ['/eligibility', 'navEligibility'],
  ['/rounds', 'navRounds'],
  ['/simulator', 'navSimulator'],
  ['/forecast', 'navForecast'],
]

layout(
  t('homeTitle'),
  h('p', {}, t('homeIntro')),
  h('ul', { class: 'cards' }, ...CARDS.map(([href, key]) => h('li', {}, h('a', { href: href + keep }, t(key))))),
  h('p', {}, h('a', { href: '/docs' }, t('navApi')), ' · ', h('a', { href: '/openapi.json' }, 'OpenAPI 3.1')),
)
