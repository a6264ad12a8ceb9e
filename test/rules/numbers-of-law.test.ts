/**
 * Numbers of law live only in src/rules/ (dated, cited): no file elsewhere in src/ restates an hour
 * threshold, a validity, an invitation window, a cap or a pass mark, in code or in a message. A new
 * literal of that kind outside src/rules fails this test with its file and line; read the value from
 * the rule in force instead. Comments may cite the rules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return relative(SRC, path) === 'rules' ? [] : sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** The code of a file with its comments blanked out (strings kept: messages count). */
function codeOf(text: string): string[] {
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
  return noBlocks.split('\n').map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
}

const FORBIDDEN: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'hours of a year, half-year or month of full-time work', pattern: /\b(1[,_]?560|780|3[,_]?120|130)\b/ },
  { what: 'full-time hours per day (30 / 7)', pattern: /\b30\s*\/\s*7\b/ },
  { what: 'a validity or window kept as a constant', pattern: /\b(ECA_VALID_YEARS|ECA_YEARS|ITA_VALID_DAYS|PROFILE_VALID_YEARS|HALF_YEAR_HOURS|VALIDITY_YEARS)\b\s*=/ },
  { what: 'an invitation window in days', pattern: /\b(60|90)[ -]days?\b/ },
  { what: 'a validity in years restated', pattern: /\b[25] years old\b/ },
  { what: 'a cap or pass mark restated', pattern: /(capped at|pass mark|maximum of|max\.?) \d/ },
  { what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE', pattern: /\b1e-[69]\b/ },
]

/** Where a pattern is the rule's own home or not a number of law. */
const ALLOWED: readonly { readonly file: string; readonly what: string }[] = [
  { file: 'work/history.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  // Comparing a score with its nearest step of the language scale, not hours.
  { file: 'language/tests.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  // Convergence and comparison tolerances of numerical models, not rules.
  { file: 'history/cutoff.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  { file: 'history/unlock.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  { file: 'forecast/backtest.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  { file: 'forecast/pool-model.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  { file: 'forecast/rounds-model.ts', what: 'a rounding tolerance other than work/history.ts HOURS_TOLERANCE' },
  // The forecast's horizons (30, 90, 180, 365 days) are the product's questions, not invitation windows.
  { file: 'cli/commands/forecast.ts', what: 'an invitation window in days' },
]

describe('numbers of law live in src/rules/', () => {
  const files = sourceFiles(SRC)

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('no file outside src/rules restates one', () => {
    const found: string[] = []
    for (const path of files) {
      const file = relative(SRC, path)
      codeOf(readFileSync(path, 'utf8')).forEach((line, i) => {
        for (const { what, pattern } of FORBIDDEN) {
          if (!pattern.test(line) || ALLOWED.some((a) => a.file === file && a.what === what)) continue
          found.push(`src/${file}:${i + 1}: ${what}: ${line.trim()}`)
        }
      })
    }
    expect(found).toEqual([])
  })

  it('the check itself catches a restated number', () => {
    const lines = codeOf("const x = 1560 // a year\n/* 60 days */ const msg = `an ECA 5 years old`")
    const hits = FORBIDDEN.filter(({ pattern }) => lines.some((l) => pattern.test(l))).map((f) => f.what)
    expect(hits).toEqual(['hours of a year, half-year or month of full-time work', 'a validity in years restated'])
  })
})
