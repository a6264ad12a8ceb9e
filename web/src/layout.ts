/** The frame every page shares: skip link, header with navigation and language switch, footer. @module */
import { h } from './dom.js'
import { lang, otherLanguageUrl, rememberLanguage, t, type MessageKey } from './i18n.js'

const NAV: readonly [string, MessageKey][] = [
  ['/', 'navHome'],
  ['/calculator', 'navCalculator'],
  ['/eligibility', 'navEligibility'],
  ['/rounds', 'navRounds'],
  ['/simulator', 'navSimulator'],
  ['/forecast', 'navForecast'],
  ['/docs', 'navApi'],
]

/** Builds the page around `content` and returns the main element. */
export function layout(title: string, ...content: HTMLElement[]): HTMLElement {
  return pageLayout({ title }, ...content)
}

/**
 * `layout`, for a page that sends what the reader enters to this server: its footer says so (`privacy`,
 * the words of the footer) instead of "everything stays in your browser".
 */
export function pageLayout(options: { readonly title: string; readonly privacy?: MessageKey }, ...content: HTMLElement[]): HTMLElement {
  const title = options.title
  document.title = `${title} · ${t('appName')}`
  const here = location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/') || '/'
  const keep = lang === 'fr' ? '?lang=fr' : ''
  const nav = h(
    'nav',
    { 'aria-label': t('appName') },
    h('ul', {}, ...NAV.map(([href, key]) => h('li', {}, h('a', { href: href === '/docs' ? href : href + keep, 'aria-current': here === href ? 'page' : null }, t(key))))),
  )
  const switcher = h('a', { href: otherLanguageUrl(), class: 'lang', lang: lang === 'en' ? 'fr' : 'en', 'aria-label': t('switchLangLabel'), onclick: () => rememberLanguage(lang === 'en' ? 'fr' : 'en') }, t('switchLang'))
  const main = h('main', { id: 'main', tabindex: -1 }, h('h1', {}, title), ...content)
  // A link of the static shell the keyboard is on (its skip link, a menu link) keeps the focus when the
  // script draws the page: the page's words arrive a moment after the shell.
  const focused = document.activeElement instanceof HTMLAnchorElement ? document.activeElement.getAttribute('href') : null
  document.body.replaceChildren(
    h('a', { href: '#main', class: 'skip' }, t('skip')),
    h('header', {}, h('a', { href: `/${keep}`, class: 'brand' }, t('appName')), nav, switcher),
    main,
    h('footer', {}, h('p', { 'data-testid': 'privacy' }, t(options.privacy ?? 'privacy'))),
  )
  if (focused !== null) Array.from(document.body.querySelectorAll('a')).find((a) => a.getAttribute('href') === focused)?.focus()
  return main
}
