import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { registerOutlook } from '../../src/cli/commands/outlook.js'
import { outlookSchema } from '../../src/schemas/outlook.js'
import { runCli } from './cli-helper.js'
import { engineer, francophone } from './profiles.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-outlook-'))
const file = (name: string, value: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(value))
  return path
}
const profileFile = file('engineer.json', engineer)
const factorsFile = file('factors.json', { age: 29, education: 'bachelors', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, canadianWorkYears: 1, foreignWorkYears: 3 })
const run = (...args: string[]) => runCli(registerOutlook, ['outlook', ...args])
const francophoneFile = file('francophone.json', francophone)

describe('express-entry outlook', () => {
  it('a Profile, --json: what-if, timeline, cut-off estimates with the back-test, past rounds', async () => {
    const { code, stdout } = await run(profileFile, '--as-of', '2026-11-25', '--json', '--size', '1000', '5000')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.input).toBe('profile')
    expect(out.whatIf.changes.length).toBeGreaterThan(0)
    expect(out.timeline.changes.some((c: { reasons: string[] }) => c.reasons.includes('age 32 -> 33'))).toBe(true)
    expect(out.cutoff).toMatchObject({ distributionAsOf: '2026-09-27', fromRound: '447', backtest: { rounds: 37, meanAbsoluteError: 4.43 } })
    expect(out.cutoff.estimates.map((e: { size: number }) => e.size)).toEqual([1000, 5000])
    expect(out.pastRounds.summary.rounds).toBe(448)
  })

  // One answer: the JSON is what POST /v1/outlook publishes (parse drops any field the schema leaves out).
  it.each([
    ['a Profile', profileFile],
    ['CrsFactors', factorsFile],
    ['the francophone (unlocks)', francophoneFile],
  ])('--json of %s is the published Outlook schema, field for field', async (_name, path) => {
    const out: unknown = JSON.parse((await run(path, '--as-of', '2026-11-29', '--json')).stdout)
    expect(outlookSchema.parse(out)).toEqual(out)
  })

  it('a Profile: what would open a program, in JSON and in text, as the library says', async () => {
    const json = JSON.parse((await run(francophoneFile, '--as-of', '2026-11-29', '--json')).stdout)
    expect(json.unlocks).toContainEqual({ target: 'fsw', code: 'second-language-test', params: { language: 'english', clb: 5, gridFrom: 66, gridTo: 70 }, on: '2026-11-29', crsGain: 29 })
    const { stdout } = await run(francophoneFile, '--as-of', '2026-11-29')
    expect(stdout).toContain('fsw: second-language-test language=english clb=5 gridFrom=66 gridTo=70 (CRS +29)')
  })

  it('--as-of in the past only looks at the rounds up to that day', async () => {
    const { stdout } = await run(profileFile, '--as-of', '2023-07-05', '--json')
    const out = JSON.parse(stdout)
    expect(out.pastRounds.rounds.at(-1).number).toBe('254')
    expect(out.cutoff.distributionAsOf).toBe('2023-07-04')
  })

  it('CrsFactors as text: says what cannot be known without a Profile', async () => {
    const { code, stdout } = await run(factorsFile, '--as-of', '2026-11-25')
    expect(code).toBe(0)
    expect(stdout).toContain('CRS score 482 on 2026-11-25')
    expect(stdout).toContain('+ 62')
    expect(stdout).toContain('CrsFactors hold no facts for eligibility')
  })

  it('bad input is exit 2 with the field path', async () => {
    const { code, stderr } = await run(file('bad.json', { age: 'old', education: 'bachelors', firstLanguage: null }))
    expect(code).toBe(2)
    expect(stderr).toContain('age')
  })

  it('a bad --size is exit 2', async () => {
    const { code, stderr } = await run(factorsFile, '--size', 'many')
    expect(code).toBe(2)
    expect(stderr).toContain('--size')
  })
})
