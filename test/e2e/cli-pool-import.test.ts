/**
 * `pool import` as a user runs it (the built CLI, with its worker threads): JSONL from a file or from
 * standard input, LF or CRLF endings, bad lines reported with their numbers while the rest go in, and
 * a clear error, with no database created, for a file that cannot be read.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt } from './built-cli.js'

let dir: string
let pool: string

function run(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 120_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'ee-cli-import-'))
  const generated = run(['pool', 'generate', '--size', '40', '--seed', '7', '--like', '2023-07-04'])
  expect(generated.status).toBe(0)
  pool = generated.stdout
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pool generate like today or later', () => {
  it('like today: every profile is submitted by now, so the import takes them all; like a later day: refused on --like', () => {
    const today = new Date().toISOString().slice(0, 10)
    const file = join(dir, 'today.jsonl')
    const generated = run(['pool', 'generate', '--size', '60', '--seed', '2', '--like', today, '--out', file])
    expect(generated.status).toBe(0)
    const imported = run(['pool', 'import', '--db', join(dir, 'today.db'), file])
    expect([imported.status, imported.stdout]).toEqual([0, expect.stringContaining('added 60, updated 0, rejected 0')])
    const later = run(['pool', 'generate', '--size', '5', '--like', '2099-01-01'])
    expect([later.status, later.stderr]).toEqual([2, expect.stringContaining('--like: 2099-01-01 is after today')])
  }, 120_000)
})

describe('pool import', () => {
  it('reads a file with CRLF endings; a bad line is reported with its number and the rest go in (exit 2)', () => {
    const lines = pool.trimEnd().split('\n')
    const file = join(dir, 'crlf.jsonl')
    writeFileSync(file, [...lines.slice(0, 3), '{"id": "bad"', '', ...lines.slice(3)].join('\r\n'))
    const r = run(['pool', 'import', '--db', join(dir, 'crlf.db'), '--as-of', '2023-07-05', file])
    expect(r.stderr).toMatch(/line 4: not valid JSON/)
    expect(r.stdout).toBe(`added ${lines.length}, updated 0, rejected 1\n`)
    expect(r.status).toBe(2)
  }, 60_000)

  it('reads standard input (-) and answers as JSON with --json', () => {
    const r = run(['pool', 'import', '--db', join(dir, 'stdin.db'), '--json', '-'], pool)
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ added: pool.trimEnd().split('\n').length, updated: 0, rejected: [] })
  }, 60_000)

  it.each([
    ['a missing file', 'missing.jsonl', 'no such file'],
    ['a directory', '.', 'it is a directory'],
  ])('%s: a clear error, exit 2, and no database created', (_name, name, reason) => {
    const db = join(dir, `never-${name.length}.db`)
    const r = run(['pool', 'import', '--db', db, join(dir, name)])
    expect(r.stderr).toContain(`cannot read ${join(dir, name)}: ${reason}`)
    expect(r.status).toBe(2)
    expect(existsSync(db)).toBe(false)
  })
})
