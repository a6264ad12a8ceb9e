/**
 * The web app: a multi-page vite build from web/ into dist/web, which `express-entry serve` serves.
 * `npm run build:web` builds it; `npx vite --config web/vite.config.ts` serves it live with /v1 proxied
 * to a server on port 8080.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { categoriesForPages as categoriesCut } from '../src/rules/categories/fields.js'
import { fstNocAsRead } from '../src/rules/programs/fst-noc-fields.js'
import { withoutSourceTitles } from '../src/rules/sources-for-pages.js'
import { nocModuleForPages } from '../src/noc/for-pages.js'

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url))

export const PAGES = ['index', 'calculator', 'rounds', 'eligibility', 'simulator', 'forecast'] as const

/**
 * zod on the pages. src/schemas/common.ts re-exports the domain's words (src/domain/words.ts) beside its
 * zod building blocks, and its own top level only builds schemas: marked free of side effects, a page
 * that takes only the words from it (the journey, through the CRS rule set) leaves it, and zod, out of
 * its bundle (the calculator page's weight target, bench/web.bench.ts). Every schema a page builds
 * imports that module, so zod's JIT is turned off there, before the first schema: the pages'
 * Content-Security-Policy forbids eval, and zod's probe for it would log a CSP violation.
 */
const zodForPages = {
  name: 'zod-for-pages',
  transform(code: string, id: string) {
    if (!id.endsWith('/src/schemas/common.ts')) return null
    return { code: `import { config as zodConfig } from 'zod'\nzodConfig({ jitless: true })\n${code}`, map: null, moduleSideEffects: false as const }
  },
}

/** A plugin that gives the pages `cut(text)` for the file ending in `suffix` (before any other transform). */
function cutForPages(name: string, suffix: string, cut: (text: string) => string) {
  return {
    name,
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      return id.endsWith(suffix) ? { code: cut(code), map: null } : null
    },
  }
}

/**
 * The category versions as the library reads them (src/rules/categories/fields.ts): the research fields
 * of data/categories.json stay out of the pages, and so do the rules' texts, which no page prints
 * (test/rules/categories-fields.test.ts holds the catalog built from the cut file equal to the one built
 * from the whole, rule texts apart).
 */
const categoriesForPages = cutForPages('categories-for-pages', '/data/categories.json', (text) => JSON.stringify(categoriesCut(JSON.parse(text) as Parameters<typeof categoriesCut>[0])))

/** The FST trades as the library reads them (src/rules/programs/fst-noc-fields.ts): the research record of data/fst-noc.json stays out. */
const fstNocForPages = cutForPages('fst-noc-for-pages', '/data/fst-noc.json', (text) => JSON.stringify(fstNocAsRead(JSON.parse(text) as Parameters<typeof fstNocAsRead>[0])))

/** The instruments without their titles, which the pages never print (src/rules/sources-for-pages.ts). */
const sourcesForPages = cutForPages('sources-for-pages', '/src/rules/sources.ts', withoutSourceTitles)

/**
 * The NOC 2021 unit groups written compactly (src/noc/for-pages.ts): src/noc/index.ts, the only reader
 * of data/noc2021.json, gets them in place of the file, without its provenance note.
 */
const NOC_FOR_PAGES = '\0noc2021-for-pages'
const nocForPages = {
  name: 'noc-for-pages',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    return source.endsWith('/data/noc2021.json') && importer?.endsWith('/src/noc/index.ts') ? NOC_FOR_PAGES : null
  },
  load(id: string) {
    return id === NOC_FOR_PAGES ? nocModuleForPages(readFileSync(here('../data/noc2021.json'), 'utf8')) : null
  },
}

export default defineConfig({
  root: here('.'),
  plugins: [zodForPages, categoriesForPages, fstNocForPages, sourcesForPages, nocForPages],
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p, here(`${p}.html`)])) },
  },
  server: { proxy: { '/v1': 'http://localhost:8080', '/openapi.json': 'http://localhost:8080' } },
})
