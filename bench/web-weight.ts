/**
 * What a page of the web app loads, read from Vite's manifest of a fresh build (bench/web.bench.ts
 * weighs it; test/web/page-weight.test.ts holds the calculator page to its target): the scripts it
 * loads first (its entry, the chunks it preloads, and its words in its own language); as it runs, with
 * the chunks it imports on demand by itself (the past-rounds check, once the answers are complete); and
 * with those it imports only when the candidate asks (the forecast, ON_REQUEST).
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface ManifestChunk {
  readonly file: string
  readonly imports?: readonly string[]
  readonly dynamicImports?: readonly string[]
}
export type Manifest = Readonly<Record<string, ManifestChunk>>
export type Lang = 'en' | 'fr'
export type Stage = 'first' | 'runs' | 'all'

/** The calculator page's target: its scripts as it runs, gzipped at level 9 (issue 12). */
export const TARGET = 80_000
/** Chunks a page imports only when the candidate asks (a button): not part of the page as it runs. */
export const ON_REQUEST = ['src/journey/forecast.ts']

/** A fresh `vite build` of web/ (web/vite.config.ts under `root`) into a temporary directory, with its manifest. */
export async function buildPages(root: string): Promise<{ readonly out: string; readonly manifest: Manifest; remove(): void }> {
  const { build } = await import('vite')
  const out = mkdtempSync(join(tmpdir(), 'ee-web-bench-'))
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true, manifest: true } })
  const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Manifest
  return { out, manifest, remove: () => rmSync(out, { recursive: true, force: true }) }
}

/** The manifest keys of the scripts `page` loads at `stage` in `language`. */
export function pageScripts(manifest: Manifest, page: string, stage: Stage, language: Lang): Set<string> {
  // Which dynamic imports a stage follows: a page's words in its language are part of its first load
  // (imported on start, only that language's); the rest load by themselves or when asked.
  const follows = (key: string): boolean => {
    const words = /^src\/words\/.*\.(en|fr)\.ts$/.exec(key)
    if (words) return words[1] === language
    if (stage === 'first') return false
    return stage === 'all' || !ON_REQUEST.includes(key)
  }
  const seen = new Set<string>()
  const collect = (key: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`no ${key} in the manifest`)
    for (const k of chunk.imports ?? []) collect(k)
    for (const k of chunk.dynamicImports ?? []) if (follows(k)) collect(k)
  }
  collect(`${page}.html`)
  return seen
}

/** The files' size, raw and gzipped at level 9, one by one as a browser fetches them. */
export function weigh(out: string, manifest: Manifest, keys: ReadonlySet<string>): { files: number; raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const k of keys) {
    const body = readFileSync(join(out, manifest[k]!.file))
    raw += body.byteLength
    gzip += gzipSync(body, { level: 9 }).byteLength
  }
  return { files: keys.size, raw, gzip }
}
