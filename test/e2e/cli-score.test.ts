/**
 * `express-entry score` end to end: the built CLI (`node bin/express-entry.js`) as a user runs it.
 * Builds dist/ first when any source file is newer than the build.
 */
import { AREAS_READ, verificationNotice } from '../../src/rules/verified.js'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { ensureBuilt, ROOT } from './built-cli.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { scoreCrs, scoreRequest } from '../../src/crs/index.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import { asOfArb, factorsArb, profileArb } from '../crs/arbitraries.js'
import { goldenCases } from '../crs/golden-cases.js'

const FACTORS = join(ROOT, 'examples/factors.json')
const PROFILE = join(ROOT, 'examples/profile.json')

beforeAll(ensureBuilt, 180_000)

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** dist/ half-written by a build running at the same moment (a shared working tree): try again. */
const PARTIAL_BUILD = /ERR_MODULE_NOT_FOUND|Cannot find module|SyntaxError: Unexpected end of input/

function cli(args: readonly string[], input?: string): Run {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/express-entry.js'), 'score', ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8', maxBuffer: 64 << 20 })
    if (attempt < 4 && r.status === 1 && PARTIAL_BUILD.test(r.stderr)) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000)
      continue
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
}

function jsonLines(stdout: string): unknown[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l))
}

const masters = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }

describe('one JSON object', () => {
  it('human output: a readable breakdown', () => {
    const r = cli([FACTORS, '--as-of', '2026-01-01'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatchInlineSnapshot(`
      "CRS score 464 on 2026-01-01 (rules crs@2025-03-25)

      A. Core / human capital factors               364
        Age                                         105
        Level of education                          135
        First official language                     124
        Second official language                      0
        Canadian work experience                      0
      B. Spouse or common-law partner factors         0
        Level of education                            0
        Official language                             0
        Canadian work experience                      0
      C. Skill transferability factors              100
        Education                                    50
        Foreign work experience                      50
        Certificate of qualification                  0
      D. Additional points                            0
        Provincial nomination                         0
        Job offer                                     0
        Study in Canada                               0
        French-language skills                        0
        Sibling in Canada                             0

      Total                                         464
      "
    `)
  })

  it('--json: the CrsResult', () => {
    const r = cli([FACTORS, '--as-of', '2026-01-01', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      total: 464,
      core: { age: 105, education: 135, firstLanguage: 124, secondLanguage: 0, canadianWork: 0, subtotal: 364 },
      spouse: { education: 0, language: 0, canadianWork: 0, subtotal: 0 },
      transferability: { education: 50, foreignWork: 50, certificate: 0, subtotal: 100 },
      additional: { provincialNomination: 0, jobOffer: 0, canadianEducation: 0, french: 0, sibling: 0, subtotal: 0 },
      rules: 'crs@2025-03-25',
      asOf: '2026-01-01',
    })
  })

  it('--explain: every award with its rule, version and source', () => {
    const r = cli([FACTORS, '--as-of', '2026-01-01', '--explain'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Why (rule, version, points, because):')
    expect(r.stdout).toMatch(/core\.age\s+105\s+crs\.core\.age @ 2015-01-01: age 30, without a spouse \(single column\)/)
    expect(r.stdout).toMatch(/transferability\.education\s+50\s+crs\.transferability\.education @ 2015-01-01/)
    expect(r.stdout).toMatch(/additional\.jobOffer\s+0\s+crs\.additional\.job-offer @ 2025-03-25/)
    expect(r.stdout).toContain('source: ')
    expect(r.stdout).toContain('https://www.canada.ca/')
  })

  it('--json --explain: the trace in the JSON', () => {
    const r = cli([FACTORS, '--as-of', '2026-01-01', '--json', '--explain'])
    const result = JSON.parse(r.stdout) as { trace: { ruleId: string; line: string; points: number; versionFrom: string; sources: { url: string }[] }[] }
    expect(result.trace.find((a) => a.line === 'core.education')).toMatchObject({ ruleId: 'crs.core.education', points: 135, versionFrom: '2015-01-01' })
    for (const award of result.trace) expect(award.sources.length).toBeGreaterThan(0)
    expect(JSON.parse(cli([FACTORS, '--json']).stdout)).not.toHaveProperty('trace')
  })

  it('a Profile, told apart by its shape', () => {
    const r = cli([PROFILE, '--as-of', '2026-01-01', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 551, asOf: '2026-01-01' }) // worked out in test/crs/factors.test.ts
  })

  it('facts that did not count are listed', () => {
    const r = cli(['--as-of', '2028-01-01'], readFileSync(PROFILE, 'utf8'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Not counted:')
    expect(r.stdout).toMatch(/ielts-general taken on 2025-08-02 is 2 years old on 2028-01-01 and no longer counts/)
    const json = JSON.parse(cli(['--as-of', '2028-01-01', '--json'], readFileSync(PROFILE, 'utf8')).stdout) as { notices: { code: string }[] }
    expect(json.notices.map((n) => n.code)).toContain('language_result_expired')
  })

  it.each([
    ['no file argument', [] as string[]],
    ['-', ['-']],
  ])('reads standard input with %s', (_name, args) => {
    const r = cli([...args, '--as-of', '2026-01-01', '--json'], JSON.stringify(masters))
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).total).toBe(464)
  })

  it('a byte-order mark before the JSON is ignored', () => {
    const r = cli(['--as-of', '2026-01-01', '--json'], `\uFEFF${JSON.stringify(masters)}`)
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).total).toBe(464)
  })

  it('--as-of changes the rules: a NOC 00 offer on 2016-11-18 and 2016-11-19', () => {
    const input = JSON.stringify({ ...masters, education: 'bachelors', jobOffer: 'noc-00' })
    expect(JSON.parse(cli(['--as-of', '2016-11-18', '--json'], input).stdout).total).toBe(1024)
    expect(JSON.parse(cli(['--as-of', '2016-11-19', '--json'], input).stdout).total).toBe(624)
  })

  it('without --as-of it scores today (UTC)', () => {
    const today = new Date().toISOString().slice(0, 10)
    expect(JSON.parse(cli([FACTORS, '--json']).stdout).asOf).toBe(today)
  })

  it('an envelope {asOf, factors} as a single object', () => {
    const r = cli(['--json'], JSON.stringify({ asOf: '2019-05-01', factors: masters }))
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 464, asOf: '2019-05-01', rules: 'crs@2017-06-06' })
  })
})

describe('bad input: exit code 2 and a message, never a stack trace', () => {
  it.each([
    ['bad JSON', [], '{"age": 30,', /^express-entry: the input is not valid JSON: /],
    ['an unknown field', [], JSON.stringify({ ...masters, foreignWorkYear: 3 }), /^express-entry: invalid input\n {2}foreignWorkYear: unknown field "foreignWorkYear" \(got 3\); allowed: age, /],
    ['a bad value', [], JSON.stringify({ ...masters, education: 'phd' }), /^express-entry: invalid input\n {2}education: Invalid option: expected one of .* \(got "phd"\)/],
    ['a date before 2015', ['--as-of', '2014-12-31'], JSON.stringify(masters), /^express-entry: 2014-12-31 is before .*Express Entry opened on 2015-01-01/],
    ['an envelope date before 2015', [], JSON.stringify({ asOf: '2014-06-30', factors: masters }), /Express Entry opened on 2015-01-01/],
    ['a profile scored before 2015', ['--as-of', '2014-06-01'], readFileSync(PROFILE, 'utf8'), /^express-entry: 2014-06-01 is before .*Express Entry opened on 2015-01-01/],
    ['an impossible --as-of', ['--as-of', '2025-02-29'], JSON.stringify(masters), /--as-of: expected a real calendar date written YYYY-MM-DD \(got "2025-02-29"\)/],
    ['an array', [], '[]', /expected a JSON object/],
    ['a test that is not designated', [], JSON.stringify({ ...JSON.parse(readFileSync(PROFILE, 'utf8')), languageTests: [{ test: 'ielts-academic', testDate: '2025-08-02', listening: 8, reading: 8, writing: 8, speaking: 8 }] }), /languageTests\.0\.test: ielts-academic is not designated for Express Entry; use ielts-general/],
  ])('%s', (_name, args, input, message) => {
    const r = cli(args, input)
    expect(r.code, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unknown option is bad input', () => {
    expect(cli(['--frobnicate'], '{}').code).toBe(2)
  })

  it('a missing file says which, without a stack trace', () => {
    const r = cli(['no-such-file.json'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('no-such-file.json')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('--jsonl', () => {
  const profile = JSON.parse(readFileSync(PROFILE, 'utf8')) as Record<string, unknown>

  it('envelopes and bare objects, one result line per input line, in order', () => {
    const input = [
      JSON.stringify(masters),
      JSON.stringify({ asOf: '2016-11-18', factors: { ...masters, education: 'bachelors', jobOffer: 'noc-00' } }),
      JSON.stringify({ asOf: '2026-01-01', profile }),
      JSON.stringify(profile),
      JSON.stringify({ factors: masters }),
    ].join('\n')
    const r = cli(['--jsonl', '--as-of', '2026-01-01'], `${input}\n`)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const lines = jsonLines(r.stdout) as { total: number; asOf: string }[]
    expect(lines.map((l) => [l.total, l.asOf])).toEqual([
      [464, '2026-01-01'],
      [1024, '2016-11-18'],
      [551, '2026-01-01'],
      [551, '2026-01-01'],
      [464, '2026-01-01'],
    ])
    expect(lines[0]).not.toHaveProperty('trace')
  })

  it('a bad line in the middle gives an error object on its line, the others go on, exit code 2', () => {
    const input = [
      JSON.stringify(masters),
      '{"age": 30, ',
      JSON.stringify({ factors: { ...masters, education: 'phd' } }),
      JSON.stringify({ asOf: '2014-12-31', factors: masters }),
      JSON.stringify({ ...masters, spouse: { accompanying: true } }),
      JSON.stringify({ asOf: '2014-12-31', profile }),
      JSON.stringify({ ...masters, age: 31 }),
    ].join('\n')
    const r = cli(['--jsonl', '--as-of', '2026-01-01'], input)
    expect(r.code, r.stderr).toBe(2)
    const lines = jsonLines(r.stdout)
    expect(lines).toHaveLength(7)
    expect(lines[0]).toMatchObject({ total: 464 })
    expect(lines[1]).toEqual({ error: { line: 2, path: '', message: expect.stringMatching(/^not valid JSON: /) } })
    expect(lines[2]).toEqual({ error: { line: 3, path: 'factors.education', message: expect.stringContaining('(got "phd")') } })
    expect(lines[3]).toEqual({ error: { line: 4, path: 'asOf', message: expect.stringContaining('Express Entry opened on 2015-01-01') } })
    expect(lines[4]).toEqual({ error: { line: 5, path: 'spouse.canadianCitizenOrPR', message: expect.stringContaining('required field missing') } })
    expect(lines[5]).toEqual({ error: { line: 6, path: 'asOf', message: expect.stringContaining('Express Entry opened on 2015-01-01') } })
    expect(lines[6]).toMatchObject({ total: 458 }) // age 31 single: 99 + 135 + 124 + 100
  })

  it('blank lines are skipped; error line numbers still count them', () => {
    const r = cli(['--jsonl', '--as-of', '2026-01-01'], `${JSON.stringify(masters)}\n\n\r\n{nope}\n${JSON.stringify(masters)}`)
    const lines = jsonLines(r.stdout)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatchObject({ error: { line: 4 } })
    expect(r.code, r.stderr).toBe(2)
  })

  it('a byte-order mark at the start of the file is ignored', () => {
    const r = cli(['--jsonl', '--as-of', '2026-01-01'], `\uFEFF${JSON.stringify(masters)}\n${JSON.stringify(masters)}\n`)
    expect(r.code, r.stderr).toBe(0)
    expect((jsonLines(r.stdout) as { total: number }[]).map((l) => l.total)).toEqual([464, 464])
  })

  it('CRLF line ends are accepted', () => {
    const r = cli(['--jsonl', '--as-of', '2026-01-01'], `${JSON.stringify(masters)}\r\n${JSON.stringify(masters)}\r\n`)
    expect(r.code, r.stderr).toBe(0)
    expect(jsonLines(r.stdout)).toHaveLength(2)
  })

  it('--explain adds the trace to every line', () => {
    const r = cli(['--jsonl', '--explain', '--as-of', '2026-01-01'], JSON.stringify(masters))
    expect((jsonLines(r.stdout)[0] as { trace: unknown[] }).trace.length).toBeGreaterThan(10)
  })

  it('reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-score-'))
    const file = join(dir, 'in.jsonl')
    writeFileSync(file, `${JSON.stringify(masters)}\n${JSON.stringify({ asOf: '2016-11-19', factors: { ...masters, education: 'bachelors', jobOffer: 'noc-00' } })}\n`)
    const r = cli(['--jsonl', file, '--as-of', '2026-01-01'])
    expect(r.code, r.stderr).toBe(0)
    expect((jsonLines(r.stdout) as { total: number }[]).map((l) => l.total)).toEqual([464, 624])
  })

  it('a reader that stops early (| head -1) ends the batch quietly, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-score-'))
    const file = join(dir, 'many.jsonl')
    writeFileSync(file, `${JSON.stringify(masters)}\n`.repeat(50_000))
    const child = spawn(process.execPath, [join(ROOT, 'bin/express-entry.js'), 'score', '--jsonl', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('the golden scenarios give their totals through the CLI', () => {
    const input = goldenCases.map((c) => JSON.stringify({ asOf: c.asOf, factors: c.factors })).join('\n')
    const r = cli(['--jsonl'], input)
    expect(r.code, r.stderr).toBe(0)
    expect((jsonLines(r.stdout) as { total: number }[]).map((l) => l.total)).toEqual(goldenCases.map((c) => c.total))
  })

  it('the CLI and the library agree on 400 random inputs', () => {
    const samples = fc.sample(fc.tuple(factorsArb, asOfArb), { numRuns: 400, seed: 20261125 })
    const input = samples.map(([factors, asOf]) => JSON.stringify({ asOf, factors })).join('\n')
    const r = cli(['--jsonl'], input)
    expect(r.code, r.stderr).toBe(0)
    const lines = jsonLines(r.stdout)
    expect(lines).toHaveLength(samples.length)
    samples.forEach(([factors, asOf], i) => {
      const { total, core, spouse, transferability, additional, rules } = scoreCrs(factors, asOf)
      // A date after the rules were last verified carries that notice (rules/verified.ts).
      const notice = verificationNotice(asOf, AREAS_READ.score)
      expect(lines[i], `line ${i + 1}`).toEqual({ total, core, spouse, transferability, additional, rules, asOf, ...(notice ? { notices: [notice] } : {}) })
    })
  })

  it('the CLI and the library agree on 200 random profiles, notices included', () => {
    const samples = fc.sample(fc.tuple(profileArb, asOfArb), { numRuns: 200, seed: 20261126 })
    const input = samples.map(([profile, asOf]) => JSON.stringify({ asOf, profile })).join('\n')
    const r = cli(['--jsonl'], input)
    expect(r.code, r.stderr).toBe(0)
    const lines = jsonLines(r.stdout)
    expect(lines).toHaveLength(samples.length)
    samples.forEach(([profile, asOf], i) => {
      const { result, notices } = scoreRequest(parseScoreRequest({ asOf, profile }, asOf))
      const { total, core, spouse, transferability, additional, rules } = result
      expect(lines[i], `line ${i + 1}`).toEqual({ total, core, spouse, transferability, additional, rules, asOf, ...(notices.length > 0 ? { notices } : {}) })
    })
  })
})
