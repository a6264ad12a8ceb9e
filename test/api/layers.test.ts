/**
 * The surfaces sit side by side over one library (DESIGN.md): the API imports nothing from src/cli/,
 * and the CLI nothing from src/api/ but in `serve`, the command that starts the API's server. Requests
 * both answer (score, eligibility, outlook) are parsed and answered in src/usecases/.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

/** Every module a source file imports (static, re-exported or dynamic), as a path relative to src/. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)).replaceAll('\\', '/'))
}

function crossings(from: string, to: string, allowed: readonly string[] = []): string[] {
  const out: string[] = []
  for (const file of filesUnder(join(SRC, from))) {
    const name = relative(SRC, file).replaceAll('\\', '/')
    if (allowed.includes(name)) continue
    for (const target of importsOf(file)) if (target === to || target.startsWith(`${to}/`)) out.push(`${name} imports ${target}`)
  }
  return out
}

describe('surface layers', () => {
  it('no file under src/api imports from src/cli', () => {
    expect(crossings('api', 'cli')).toEqual([])
  })

  it('no file under src/cli imports from src/api, but serve (it starts the API server)', () => {
    expect(crossings('cli', 'api', ['cli/commands/serve.ts'])).toEqual([])
  })

  it('the library and the use-case layer import neither surface', () => {
    const library = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'cli' && e.name !== 'api').map((e) => e.name)
    expect(library).toContain('usecases')
    for (const dir of library) expect([...crossings(dir, 'cli'), ...crossings(dir, 'api')], dir).toEqual([])
  })

  it('the scan sees every form of import (it cannot pass by missing one)', () => {
    const file = join(SRC, 'api/example.ts')
    const text = ["import { a } from '../cli/a.js'", "import type { B } from '../cli/b.js'", "export { c } from '../cli/c.js'", "const d = await import('../cli/d.js')", "import '../cli/e.js'", 'import {\n  f,\n  g,\n} from "../cli/f.js"'].join('\n')
    expect(importsOf(file, text).sort()).toEqual(['cli/a.js', 'cli/b.js', 'cli/c.js', 'cli/d.js', 'cli/e.js', 'cli/f.js'])
  })
})
