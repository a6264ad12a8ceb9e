/**
 * The site's words (web/src/words/site.*.ts) for the home, rounds and simulator pages, in the page's
 * language only: each of those pages imports this module before it writes a word. The journey's pages
 * (calculator, eligibility) and the forecast page do not: they have their own words, and the frame's
 * come with i18n.ts (bench/web.bench.ts weighs the calculator page without these).
 * @module
 */
import { addSiteWords, lang } from './i18n.js'

addSiteWords(lang === 'fr' ? (await import('./words/site.fr.js')).fr : (await import('./words/site.en.js')).en)
