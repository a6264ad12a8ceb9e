/**
 * Issue 12 target: the calculator page's JavaScript ≤ 80 kB gzip (a fresh `vite build` of web/, each
 * file gzipped at level 9), read from Vite's manifest: the scripts the page loads first (its entry and
 * the chunks it preloads); as it runs, with the chunks it imports on demand by itself (the past-rounds
 * check, once the answers are complete); and with those it imports only when the candidate asks (the
 * forecast, ON_REQUEST), reported beside the target. Each in English and in French: a page loads its
 * words in its own language only (web/src/words/).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { machine } from './harness.js'

interface ManifestChunk {
  readonly file: string
  readonly imports?: readonly string[]
  readonly dynamicImports?: readonly string[]
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const TARGET = 80_000
type Lang = 'en' | 'fr'
/** Chunks a page imports only when the candidate asks (a button): not part of the page as it runs. */
const ON_REQUEST = ['src/journey/forecast.ts']

async function pageWeight(page: string): Promise<void> {
  const { build } = await import('vite')
  const out = mkdtempSync(join(tmpdir(), 'ee-web-bench-'))
  try {
    await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true, manifest: true } })
    const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
    // Which dynamic imports a stage follows: a page's words in its language are part of its first load
    // (imported on start, only that language's); the rest load by themselves or when asked.
    type Stage = 'first' | 'runs' | 'all'
    const follows = (key: string, stage: Stage, language: Lang): boolean => {
      const words = /^src\/words\/.*\.(en|fr)\.ts$/.exec(key)
      if (words) return words[1] === language
      if (stage === 'first') return false
      return stage === 'all' || !ON_REQUEST.includes(key)
    }
    const collect = (key: string, stage: Stage, language: Lang, seen: Set<string>): void => {
      if (seen.has(key)) return
      seen.add(key)
      const chunk = manifest[key]!
      for (const k of chunk.imports ?? []) collect(k, stage, language, seen)
      for (const k of chunk.dynamicImports ?? []) if (follows(k, stage, language)) collect(k, stage, language, seen)
    }
    const weigh = (keys: Set<string>) => {
      let raw = 0
      let gzip = 0
      for (const k of keys) {
        const body = readFileSync(join(out, manifest[k]!.file))
        raw += body.byteLength
        gzip += gzipSync(body, { level: 9 }).byteLength
      }
      return { files: keys.size, raw, gzip }
    }
    const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`
    const names = ['first load', 'as it runs (+ the past-rounds check)', 'with the forecast asked for']
    for (const language of ['en', 'fr'] as const) {
      const sets = (['first', 'runs', 'all'] as const).map((stage) => {
        const keys = new Set<string>()
        collect(`${page}.html`, stage, language, keys)
        return keys
      })
      sets.forEach((keys, i) => {
        const w = weigh(keys)
        const verdict = i < 2 ? `target ≤ ${kb(TARGET)} gzip: ${w.gzip <= TARGET ? 'met' : 'NOT met'}` : `on request; ${kb(w.gzip - weigh(sets[1]!).gzip)} more`
        console.log(`${page} page JavaScript in ${language === 'en' ? 'English' : 'French'}, ${names[i]} (${w.files} files): ${kb(w.raw)} raw, ${kb(w.gzip)} gzip  (${verdict})`)
      })
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

console.log(machine())
await pageWeight('calculator')
await pageWeight('eligibility')
