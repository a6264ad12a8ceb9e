/**
 * `express-entry eligibility` and `express-entry noc` end to end: the built CLI (`node
 * bin/express-entry.js`) as a user runs it. Builds dist/ first when a source file is newer than the build.
 */
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { categoryEligibility, eligibility, type EligibilityResult } from '../../src/eligibility/index.js'
import { formatEligibility } from '../../src/cli/commands/eligibility.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { baseInput, celpip, job, makeProfile, unknownListCategory } from './helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUILT = join(ROOT, 'dist/src/cli/index.js')
const PROFILE = join(ROOT, 'examples/profile.json')
const FACTORS = join(ROOT, 'examples/factors.json')

function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) t = Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)
  return t
}

beforeAll(() => {
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'data')))) {
    try {
      execSync('npm run build', { cwd: ROOT, stdio: 'pipe' })
    } catch (e) {
      // tsc still emits when another area has a type error; these tests need only the CLI.
      if (!existsSync(BUILT)) throw e
    }
  }
}, 180_000)

function cli(args: readonly string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/express-entry.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const lines = (stdout: string): unknown[] => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l))
const example = JSON.parse(readFileSync(PROFILE, 'utf8')) as Record<string, unknown>

describe('express-entry eligibility FILE', () => {
  it("a Profile that does not give its funds: FSW can't tell with the reason, funds 'not given', the invitation program can't tell; --json is the library's answer (E21)", () => {
    const { settlementFundsCad: _, ...unsaid } = { ...(example as { settlementFundsCad?: number }), work: [{ noc: '21231', country: 'IN', from: '2017-07-15', to: '2024-08-31', hoursPerWeek: 40 }] }
    const r = cli(['eligibility', '-', '--as-of', '2026-03-01'], JSON.stringify(unsaid))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/can't tell {2}Federal Skilled Worker \(FSW\)\n {7}grid \d+\/100 \(pass mark 67\)[^\n]*\n {7}can't tell:\n {6}- FSW needs settlement funds of CAD [\d,]+ for a family of 2 on 2026-03-01 .*does not give its funds/)
    expect(r.stdout).not.toMatch(/shows CAD 0/)
    expect(r.stdout).toMatch(/Settlement funds \(FSW, FST\): CAD [\d,]+ required for a family of 2, not given/)
    expect(r.stdout).toMatch(/Invitation would be issued under: can't tell \(FSW, or none: a program above can't tell\)/)
    const json = JSON.parse(cli(['eligibility', '-', '--as-of', '2026-03-01', '--json'], JSON.stringify(unsaid)).stdout) as EligibilityResult
    expect(json).toEqual(JSON.parse(JSON.stringify(eligibility(profileSchema.parse(unsaid), '2026-03-01'))))
    expect(json.programs.fsw.eligible).toBeNull()
  })

  it('prints a readable account: programs, grid, funds, invitation program, categories with reasons', () => {
    const r = cli(['eligibility', PROFILE, '--as-of', '2026-03-01'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Eligibility of example-1 on 2026-03-01/)
    expect(r.stdout).toMatch(/yes {2}Federal Skilled Worker \(FSW\)/)
    expect(r.stdout).toMatch(/grid 86\/100 \(pass mark 67\)/)
    expect(r.stdout).toMatch(/no {3}Federal Skilled Trades \(FST\)\n {6}- FST needs 2 years/)
    expect(r.stdout).toMatch(/Invitation would be issued under: CEC/)
    expect(r.stdout).toMatch(/no {3}STEM occupations \(2026\) \[stem-2026\]\n {6}- STEM occupations \(2026\) needs 12 months/)
    expect(r.stdout).toMatch(/\[stem-2026\][\s\S]*?confidence: medium \(list\)/)
    // Each category's line says what --json says: yes, no, or can't tell (an unknown list) with the reason.
    const json = JSON.parse(cli(['eligibility', PROFILE, '--as-of', '2026-03-01', '--json']).stdout) as EligibilityResult
    for (const c of json.categories) {
      const answer = c.eligible === null ? "can't tell" : c.eligible ? 'yes' : 'no'
      expect(r.stdout, c.id).toContain(`  ${answer}  ${c.label} [${c.id}]`.replace('  no  ', '  no   '))
    }
  })

  it("prints can't tell, and why, for a category whose list of occupations is not known", () => {
    const profile = makeProfile()
    const unknown = categoryEligibility(profile, unknownListCategory(), '2026-03-01')!
    const text = formatEligibility({ ...eligibility(profile, '2026-03-01'), categories: [unknown] }, profile.id)
    expect(text).toMatch(/can't tell {2}Test occupations \(list unknown\) \[test-unknown-list\]\n {6}- The list of occupations of Test occupations \(list unknown\) is not known to this engine \(a test-only version\); eligibility cannot be decided: the answer is can't tell\n/)
  })

  it('a year of work as a civil engineer (21300) and an eligible program: eligible for STEM 2026, with the list\'s confidence', () => {
    // The example's job in Canada (since 2023-06-01, which also makes it eligible for CEC), as a civil engineer.
    const engineer = { ...example, work: [(example.work as unknown[])[0], { noc: '21300', country: 'CA', from: '2023-06-01', to: '2024-06-30', hoursPerWeek: 40 }] }
    const r = cli(['eligibility', '-', '--as-of', '2026-03-01'], JSON.stringify(engineer))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/yes {2}STEM occupations \(2026\) \[stem-2026\] — 21300 Civil engineers, 13.1 months\n {7}confidence: medium \(list\)/)
    const json = JSON.parse(cli(['eligibility', '-', '--as-of', '2026-03-01', '--json'], JSON.stringify(engineer)).stdout)
    expect(json.categories.find((c: { id: string }) => c.id === 'stem-2026')).toMatchObject({ eligible: true, occupation: { noc: '21300' }, confidence: { level: expect.stringMatching(/^medium/) } })
  })

  it('--json prints the same result as the library', () => {
    const r = cli(['eligibility', PROFILE, '--as-of', '2025-11-01', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(eligibility(profileSchema.parse(example), '2025-11-01'))))
  })

  it('reads standard input and takes an envelope { asOf, profile }', () => {
    const r = cli(['eligibility', '--json'], JSON.stringify({ asOf: '2024-06-01', profile: example }))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ asOf: '2024-06-01', categories: [{ id: 'french-2024-1' }, { id: 'healthcare-2024-1' }, { id: 'stem-2024-1' }, { id: 'trade-2024-1' }, { id: 'transport-2024-1' }, { id: 'agriculture-2024-1' }] })
  })

  it('refuses CrsFactors with a clear message and exit code 2', () => {
    const r = cli(['eligibility', FACTORS])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/eligibility needs a Profile .*not CrsFactors/)
  })

  it.each([
    { name: 'a bad field', input: JSON.stringify({ ...example, dateOfBirth: '1996-02-30' }), message: /dateOfBirth: expected a real calendar date/ },
    { name: 'not JSON', input: '{', message: /not valid JSON/ },
    { name: 'a bad --as-of', input: JSON.stringify(example), args: ['--as-of', '2026-02-30'], message: /--as-of/ },
  ])('exits 2 on $name, naming the field', ({ input, args, message }) => {
    const r = cli(['eligibility', ...(args ?? [])], input)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })
})

describe('express-entry eligibility --jsonl', () => {
  it('answers one JSON line per input line, in order; bad lines become errors and the exit code 2', () => {
    const fsw = { ...baseInput(), id: 'fsw-only' }
    const cec = { ...baseInput(), id: 'cec', work: [job('21231', '2024-03-01', '2025-02-28', { country: 'CA' })], languageTests: [celpip(7)] }
    const input = [
      JSON.stringify(fsw),
      JSON.stringify({ asOf: '2026-03-01', profile: cec }),
      '',
      JSON.stringify({ asOf: '2026-03-01', factors: JSON.parse(readFileSync(FACTORS, 'utf8')) }),
      JSON.stringify({ ...fsw, work: [{ noc: '2123', country: 'CA', from: '2020-01-01', to: null, hoursPerWeek: 40 }] }),
      'nonsense',
      JSON.stringify({ asOf: '2023-01-01', profile: fsw }),
    ].join('\n')
    const r = cli(['eligibility', '--jsonl', '--as-of', '2026-03-01'], `${input}\n`)
    expect(r.code).toBe(2)
    const out = lines(r.stdout) as Record<string, any>[]
    expect(out).toHaveLength(6)
    expect(out[0]).toMatchObject({ asOf: '2026-03-01', invitedUnder: 'fsw' })
    expect(out[1]).toMatchObject({ asOf: '2026-03-01', invitedUnder: 'cec', programs: { cec: { eligible: true } } })
    expect(out[2]).toEqual({ error: { line: 4, path: 'factors', message: expect.stringMatching(/needs a Profile/) } })
    expect(out[3]).toEqual({ error: { line: 5, path: 'work.0.noc', message: expect.stringMatching(/five digits/) } })
    expect(out[4]).toEqual({ error: { line: 6, path: '', message: expect.stringMatching(/not valid JSON/) } })
    expect(out[5]).toMatchObject({ asOf: '2023-01-01', categories: [] })
  })

  it('exits 0 when every line is good', () => {
    const r = cli(['eligibility', '--jsonl', '--as-of', '2026-03-01'], `${JSON.stringify(example)}\n${JSON.stringify(example)}`)
    expect(r.code).toBe(0)
    expect(lines(r.stdout)).toHaveLength(2)
  })
})

describe('express-entry noc', () => {
  it.each([
    { args: ['21231'], out: '21231  TEER 1  Software engineers and designers\n' },
    { args: ['registered', 'nurses'], out: /^31301 {2}TEER 1 {2}Registered nurses and registered psychiatric nurses\n/ },
    { args: ['2123', '--limit', '2'], out: '21230  TEER 1  Computer systems developers and programmers\n21231  TEER 1  Software engineers and designers\n' },
  ])('$args', ({ args, out }) => {
    const r = cli(['noc', ...args])
    expect(r.code).toBe(0)
    if (typeof out === 'string') expect(r.stdout).toBe(out)
    else expect(r.stdout).toMatch(out)
  })

  it('--json prints the unit groups', () => {
    expect(JSON.parse(cli(['noc', '72310', '--json']).stdout)).toEqual([{ code: '72310', title: 'Carpenters', teer: 2 }])
  })

  it.each([
    { args: ['99999'], code: 2, message: /unit group 99999 not found/ },
    { args: ['zzzqqq'], code: 1, message: /no NOC 2021 Version 1.0 unit group matches "zzzqqq"/ },
    { args: ['cook', '--limit', '0'], code: 2, message: /--limit/ },
  ])('$args: exit $code', ({ args, code, message }) => {
    const r = cli(['noc', ...args])
    expect(r.code).toBe(code)
    expect(r.stderr).toMatch(message)
  })
})
