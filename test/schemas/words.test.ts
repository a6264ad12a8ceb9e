/**
 * The domain's shared words have one home (src/domain/words.ts, re-exported by src/schemas/common.ts; the test names in
 * src/language/tests.ts): no other file of src/ or web/src lists them again.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

/** A list written out: the words quoted, in this order, separated by commas (any quotes and spacing). */
function listOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => `['"]${w}['"]`).join('\\s*,\\s*'))
}

const LISTS: readonly (readonly [string, readonly string[], string])[] = [
  ['programs', ['fsw', 'cec', 'fst'], 'src/domain/words.ts'],
  ['round types', ['general', 'program', 'category'], 'src/domain/words.ts'],
  ['abilities', ['speaking', 'listening', 'reading', 'writing'], 'src/domain/words.ts'],
  ['education levels', ['secondary', 'one-year', 'two-year', 'bachelors'], 'src/domain/words.ts'],
  ['Canadian education', ['none', 'one-or-two-year', 'three-year-or-more'], 'src/domain/words.ts'],
  ['job offers', ['none', 'noc-00', 'teer-0-3'], 'src/domain/words.ts'],
  ['official languages', ['english', 'french'], 'src/domain/words.ts'],
  ['test names', ['ielts-general', 'celpip-general'], 'src/language/tests.ts'],
]

describe('one home for the shared words', () => {
  const files = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'web/src'))].map((f) => [relative(ROOT, f).replaceAll('\\', '/'), readFileSync(f, 'utf8')] as const)

  it.each(LISTS)('%s are listed only in their home', (_name, words, home) => {
    const pattern = listOf(words)
    expect(files.filter(([name, text]) => name !== home && pattern.test(text)).map(([name]) => name)).toEqual([])
    expect(pattern.test(readFileSync(join(ROOT, home), 'utf8'))).toBe(true)
  })
})
