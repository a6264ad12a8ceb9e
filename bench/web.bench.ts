/**
 * Issue 12 target: the calculator page's JavaScript ≤ 80 kB gzip (a fresh `vite build` of web/, each
 * file gzipped at level 9): the scripts the page loads first (its entry and the chunks it preloads),
 * and with the chunks it imports on demand (the past-rounds check) added, read from Vite's manifest.
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

async function pageWeight(page: string): Promise<void> {
  const { build } = await import('vite')
  const out = mkdtempSync(join(tmpdir(), 'ee-web-bench-'))
  try {
    await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true, manifest: true } })
    const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
    const collect = (key: string, lazy: boolean, seen: Set<string>): void => {
      if (seen.has(key)) return
      seen.add(key)
      const chunk = manifest[key]!
      for (const k of chunk.imports ?? []) collect(k, lazy, seen)
      if (lazy) for (const k of chunk.dynamicImports ?? []) collect(k, lazy, seen)
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
    const first = new Set<string>()
    collect(`${page}.html`, false, first)
    const all = new Set<string>()
    collect(`${page}.html`, true, all)
    for (const [name, keys] of [['first load', first], ['with on-demand chunks', all]] as const) {
      const w = weigh(keys)
      console.log(`${page} page JavaScript, ${name} (${w.files} files): ${kb(w.raw)} raw, ${kb(w.gzip)} gzip  (target ≤ ${kb(TARGET)} gzip: ${w.gzip <= TARGET ? 'met' : 'NOT met'})`)
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

console.log(machine())
await pageWeight('calculator')
await pageWeight('eligibility')
