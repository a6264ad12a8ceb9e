/**
 * Issue 12 target: the calculator page's JavaScript ≤ 80 kB gzip (a fresh `vite build` of web/, each
 * file gzipped at level 9), read from Vite's manifest (bench/web-weight.ts): the scripts the page loads
 * first (its entry and the chunks it preloads); as it runs, with the chunks it imports on demand by
 * itself (the past-rounds check, once the answers are complete); and with those it imports only when
 * the candidate asks (the forecast), reported beside the target. Each in English and in French: a page
 * loads its words in its own language only (web/src/words/).
 */
import { fileURLToPath } from 'node:url'
import { machine } from './harness.js'
import { buildPages, pageScripts, TARGET, weigh } from './web-weight.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

async function pageWeight(page: string): Promise<void> {
  const { out, manifest, remove } = await buildPages(root)
  try {
    const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`
    const names = ['first load', 'as it runs (+ the past-rounds check)', 'with the forecast asked for']
    for (const language of ['en', 'fr'] as const) {
      const sets = (['first', 'runs', 'all'] as const).map((stage) => pageScripts(manifest, page, stage, language))
      sets.forEach((keys, i) => {
        const w = weigh(out, manifest, keys)
        const verdict = i < 2 ? `target ≤ ${kb(TARGET)} gzip: ${w.gzip <= TARGET ? 'met' : 'NOT met'}` : `on request; ${kb(w.gzip - weigh(out, manifest, sets[1]!).gzip)} more`
        console.log(`${page} page JavaScript in ${language === 'en' ? 'English' : 'French'}, ${names[i]} (${w.files} files): ${kb(w.raw)} raw, ${kb(w.gzip)} gzip  (${verdict})`)
      })
    }
  } finally {
    remove()
  }
}

console.log(machine())
await pageWeight('calculator')
await pageWeight('eligibility')
