/**
 * What the product cannot know, through the built CLI: a code that is not a NOC 2021 unit group is bad
 * input with its field path (exit 2) for `score`, `eligibility` and `pool import`; a round for a
 * category whose list of occupations is not known is refused (exit 2), naming the category and why.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categoryVersions } from '../../src/eligibility/index.js'
import { CLI, ensureBuilt, ROOT } from './built-cli.js'

let dir: string
const example = JSON.parse(readFileSync(join(ROOT, 'examples/profile.json'), 'utf8')) as Record<string, unknown>
const badNoc = { ...example, id: 'bad-noc', work: [{ noc: '99999', country: 'CA', from: '2021-01-04', to: null, hoursPerWeek: 40 }] }

function run(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 120_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'ee-cli-unknowns-'))
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a code that is not a NOC 2021 unit group', () => {
  it.each([['score'], ['eligibility'], ['outlook']])('%s: exit 2, naming work.0.noc', (command) => {
    const r = run([command, '--as-of', '2026-03-01'], JSON.stringify(badNoc))
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/work\.0\.noc: not a NOC 2021 unit group \(NOC 2021 Version 1\.0, 516 codes\)/)
  })

  it('pool import: the line is rejected with its number and path, the others go in (exit 2)', () => {
    const lines = [JSON.stringify({ ...example, id: 'ok-1' }), JSON.stringify(badNoc), JSON.stringify({ ...example, id: 'ok-2' })].join('\n')
    const r = run(['pool', 'import', '--db', join(dir, 'noc.db'), '--as-of', '2026-03-01', '-'], lines)
    expect(r.stderr).toMatch(/line 2 \("bad-noc"\).*work\.0\.noc: not a NOC 2021 unit group/)
    expect(r.stdout).toBe('added 2, updated 0, rejected 1\n')
    expect(r.status).toBe(2)
  }, 60_000)
})

// The engine's own catalog: run while some version in force lacks its list (the library's and the
// pool's answers for such a version are tested with a test-only version in test/eligibility and test/pool).
const unknownNow = categoryVersions.find((c) => !c.listKnown && c.to === null)
describe.skipIf(!unknownNow)('round for a category whose list of occupations is not known', () => {
  it('is refused with exit 2, naming the category and why; nothing is held', () => {
    const db = join(dir, 'round.db')
    expect(run(['pool', 'import', '--db', db, '--as-of', '2026-03-01', '-'], JSON.stringify(example)).status).toBe(0)
    const r = run(['round', '--db', db, '--category', unknownNow!.id, '--size', '10', '--at', '2026-03-02T12:00:00Z'])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`category: no round can be held for ${unknownNow!.id}: who is eligible cannot be told. The list of occupations of ${unknownNow!.label} is not known`)
    // Nothing was held: the next round is number 1.
    const next = run(['round', '--db', db, '--general', '--size', '1', '--at', '2026-03-02T12:00:00Z', '--json'])
    expect(JSON.parse(next.stdout)).toMatchObject({ number: 1 })
  }, 60_000)
})
