/**
 * Issue 14 through the built CLI, as a user (or an attacker's file) meets it: invalid UTF-8 (item 3),
 * huge ids and stderr as a pipe (9), long lines read in linear time (10), duplicate ids (13), ids and
 * dates that cannot be (14), a read-only folder (15), a full disk (18), an idempotency key reused for
 * another round (6).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt } from './built-cli.js'

let dir: string
let pool: string[]

function run(args: readonly string[], input?: string | Buffer, options: { cwd?: string } = {}): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = performance.now()
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, ...options })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'ee-cli-hostile-'))
  const generated = run(['pool', 'generate', '--size', '12', '--seed', '11', '--like', '2023-07-04'])
  expect(generated.status).toBe(0)
  pool = generated.stdout.trimEnd().split('\n')
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const withId = (line: string, id: string): Record<string, unknown> => ({ ...(JSON.parse(line) as Record<string, unknown>), id })

describe('invalid UTF-8 is an error naming the line and the byte offset, never replaced (item 3)', () => {
  it('a Latin-1 file with josé, josè, josê: three lines rejected with their byte offsets, nothing merged (exit 2)', () => {
    const text = ['josé', 'josè', 'josê'].map((id, i) => JSON.stringify(withId(pool[i]!, id))).join('\n')
    const file = join(dir, 'latin1.jsonl')
    writeFileSync(file, Buffer.from(`${text}\n`, 'latin1'))
    for (const r of [run(['pool', 'import', '--db', join(dir, 'latin1.db'), file]), run(['pool', 'import', '--db', join(dir, 'latin1-stdin.db')], readFileSync(file))]) {
      expect(r.stdout).toBe('added 0, updated 0, rejected 3\n')
      expect(r.status).toBe(2)
      for (const [n, byte] of [[1, 'E9'], [2, 'E8'], [3, 'EA']]) expect(r.stderr).toContain(`line ${n}: not valid UTF-8: invalid UTF-8 (byte 0x${byte}) at byte offset 10 of the line`)
    }
    // The same ids in UTF-8 are three profiles.
    const utf8 = join(dir, 'utf8.jsonl')
    writeFileSync(utf8, `${text}\n`)
    expect(run(['pool', 'import', '--db', join(dir, 'utf8.db'), utf8]).stdout).toBe('added 3, updated 0, rejected 0\n')
  })

  it('score and eligibility of a file or stdin that is not UTF-8: exit 2 with the line and the offset', () => {
    const file = join(dir, 'factors-latin1.json')
    writeFileSync(file, Buffer.from('{\n  "age": 30, "education": "masters", "note": "café"\n}\n', 'latin1'))
    for (const r of [run(['score', file]), run(['score'], readFileSync(file)), run(['eligibility', file])]) {
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/is not valid UTF-8: invalid UTF-8 \(byte 0xE9\) on line 2 at byte offset 49 of the line/)
    }
    const jsonl = run(['score', '--jsonl'], Buffer.concat([Buffer.from('{"age":30}\n'), Buffer.from('{"id":"\xe9"}\n', 'latin1')]))
    expect(jsonl.status).toBe(2)
    expect(JSON.parse(jsonl.stdout.trimEnd().split('\n')[1]!)).toEqual({ error: { line: 2, path: '', message: expect.stringMatching(/not valid UTF-8: invalid UTF-8 \(byte 0xE9\) at byte offset 7 of the line/) } })
  })
})

describe('huge and hostile ids (items 9 and 14)', () => {
  it('a huge rejected id is never echoed in full, and stderr as a closed pipe does not crash the import', () => {
    const huge = 'x'.repeat(900_000)
    const file = join(dir, 'huge-id.jsonl')
    writeFileSync(file, `${Array.from({ length: 5 }, () => JSON.stringify(withId(pool[0]!, huge))).join('\n')}\n`)
    const r = run(['pool', 'import', '--db', join(dir, 'huge.db'), file])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('added 0, updated 0, rejected 5\n')
    expect(r.stderr.length).toBeLessThan(5_000)
    expect(r.stderr).toMatch(/line 1 \("x{40}… \(900000 characters\)"\): id: expected an id of at most 100 characters/)
    // Thousands of bad lines into a reader that stops after one byte: the import still ends with its code.
    const many = join(dir, 'many-bad.jsonl')
    writeFileSync(many, `${Array.from({ length: 5000 }, (_, i) => JSON.stringify(withId(pool[0]!, `bad\u0000${i}`))).join('\n')}\n`)
    const piped = spawnSync('bash', ['-c', `node ${CLI} pool import --db ${join(dir, 'pipe.db')} ${many} 2>&1 >/dev/null | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 120_000 })
    expect(piped.stdout.trim()).toBe('2')
  }, 120_000)

  it('ids with NUL, zero-width or direction-override characters, and birth dates in the future, are rejected by line', () => {
    const bad = [withId(pool[0]!, 'a\u0000b'), withId(pool[1]!, 'a\u200bb'), withId(pool[2]!, '\u202eevil'), { ...withId(pool[3]!, 'future-born'), dateOfBirth: '2099-01-01' }, { ...withId(pool[4]!, 'feb-30'), dateOfBirth: '1990-02-30' }, withId(pool[5]!, 'José Ñúñez 中')]
    const file = join(dir, 'ids.jsonl')
    writeFileSync(file, `${bad.map((p) => JSON.stringify(p)).join('\n')}\n`)
    const r = run(['pool', 'import', '--db', join(dir, 'ids.db'), file])
    expect(r.stdout).toBe('added 1, updated 0, rejected 5\n')
    expect(r.stderr).toMatch(/line 1 .*id: expected an id of printable characters only/)
    expect(r.stderr).toMatch(/line 2 .*id: expected an id of printable characters only/)
    expect(r.stderr).toMatch(/line 3 .*id: expected an id of printable characters only/)
    expect(r.stderr).toMatch(/line 4 .*dateOfBirth: the date of birth \(2099-01-01\) cannot be after the profile was submitted/)
    expect(r.stderr).toMatch(/line 5 .*dateOfBirth: expected a real calendar date/)
    expect(r.stderr).not.toContain('\u0000')
  })
})

describe('long lines (item 10)', () => {
  it('score --jsonl: a 24 MB line is refused at once with its number, without its content, and the next line is scored', () => {
    const input = `{"age":"${'y'.repeat(24 << 20)}"}\n${JSON.stringify({ asOf: '2016-11-18', factors: { age: 30, education: 'bachelors', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, jobOffer: 'teer-0-3' } })}\n`
    const r = run(['score', '--jsonl'], input)
    expect(r.status).toBe(2)
    const [first, second] = r.stdout.trimEnd().split('\n')
    expect(JSON.parse(first!)).toEqual({ error: { line: 1, path: '', message: `the line is ${(24 << 20) + 10} bytes long: lines are limited to 1048576 bytes (1 MiB); it was skipped unread` } })
    expect(JSON.parse(second!)).toMatchObject({ total: expect.any(Number) })
    expect(r.stdout).not.toContain('yyyy')
    // Linear: the probe measured 15 s for this line (quadratic); reading it is now a fraction of that.
    expect(r.ms).toBeLessThan(8_000)
  }, 60_000)

  it('pool import: a line over 1 MiB is rejected with its number, the others go in', () => {
    const file = join(dir, 'long-line.jsonl')
    writeFileSync(file, `${pool[0]}\n{"id":"${'z'.repeat(3 << 20)}"}\n${pool[1]}\n`)
    const r = run(['pool', 'import', '--db', join(dir, 'long.db'), file])
    expect(r.stdout).toBe('added 2, updated 0, rejected 1\n')
    expect(r.stderr).toMatch(/line 2: the line is \d+ bytes long: lines are limited to 1048576 bytes \(1 MiB\); it was skipped unread/)
    expect(r.stderr).not.toContain('zzzz')
  })
})

describe('duplicate ids in one import (item 13)', () => {
  it('the second line of an id is rejected naming both lines; the summary counts it', () => {
    const file = join(dir, 'dup.jsonl')
    writeFileSync(file, `${[pool[0], pool[1], JSON.stringify({ ...(JSON.parse(pool[2]!) as object), id: (JSON.parse(pool[0]!) as { id: string }).id })].join('\n')}\n`)
    const r = run(['pool', 'import', '--db', join(dir, 'dup.db'), file])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('added 2, updated 0, rejected 1\n')
    expect(r.stderr).toMatch(/line 3 \(".+"\): id: duplicate id: profile .+ is already on line 1 of this import \(line 3 was left out/)
  })
})

describe('an idempotency key reused for another round (item 6)', () => {
  it('exit 2, describing both requests', () => {
    const db = join(dir, 'key.db')
    const file = join(dir, 'key.jsonl')
    writeFileSync(file, `${pool.join('\n')}\n`)
    run(['pool', 'import', '--db', db, '--as-of', '2023-07-05', file])
    expect(run(['round', '--db', db, '--general', '--size', '3', '--at', '2023-07-05T00:00:00Z', '--key', 'k1']).status).toBe(0)
    expect(run(['round', '--db', db, '--general', '--size', '3', '--at', '2023-07-05T00:00:00Z', '--key', 'k1']).status).toBe(0)
    const r = run(['round', '--db', db, '--general', '--size', '4', '--at', '2023-07-05T00:00:00Z', '--key', 'k1'])
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('express-entry: idempotency key "k1": was used by round 1 for general round of 3 at 2023-07-05T00:00:00Z; this request is general round of 4 at 2023-07-05T00:00:00Z: use a new key for a different round\n')
  })
})

describe('a round dated ahead of now (a typo in the year)', () => {
  it('is refused (exit 2, naming --at), writes nothing; --dry-run answers it without writing', () => {
    const db = join(dir, 'future.db')
    const file = join(dir, 'future.jsonl')
    writeFileSync(file, `${pool.join('\n')}\n`)
    run(['pool', 'import', '--db', db, '--as-of', '2023-07-05', file])
    const r = run(['round', '--db', db, '--general', '--size', '3', '--at', '2099-07-05T00:00:00Z'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^express-entry: invalid input\n  at: is after now \(20\d\d-.+\): a round is held when it happens/)
    // By 2099 every profile of the pool has expired (12 months after submission): no one to invite.
    const dry = run(['round', '--db', db, '--general', '--size', '3', '--at', '2099-07-05T00:00:00Z', '--dry-run'])
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('Dry run of a round (nothing written): No Program Specified\n  Date and time of round:        2099-07-05T00:00:00Z\n  Number of invitations issued:  0 (size 3; 0 eligible candidates ranked)\n')
    expect(run(['round', '--db', db, '--general', '--size', '3', '--at', '2023-07-05T00:00:00Z', '--dry-run']).stdout).toMatch(/^Dry run of a round \(nothing written\): No Program Specified\n  Date and time of round: +2023-07-05T00:00:00Z\n  Number of invitations issued: +3 \(size 3; [\d,]+ eligible candidates ranked\)\n  CRS score of lowest-ranked candidate invited: \d+\n/)
    // Nothing held by either: the first round held is number 1, and its answer is the dry run's.
    const dryNow = JSON.parse(run(['round', '--db', db, '--general', '--size', '3', '--at', '2023-07-05T00:00:00Z', '--dry-run', '--json']).stdout) as Record<string, unknown>
    const held = JSON.parse(run(['round', '--db', db, '--general', '--size', '3', '--at', '2023-07-05T00:00:00Z', '--json']).stdout) as Record<string, unknown>
    expect(held).toMatchObject({ number: 1, lowestScore: dryNow.lowestScore, tieBreakCutoff: dryNow.tieBreakCutoff, invited: 3, ranked: dryNow.ranked })
  }, 60_000)
})

describe('a folder that cannot be written (item 15)', () => {
  it('says which folder and why, in one line, exit 1', () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    // root writes anywhere: run as an ordinary user then (the postgres user the test cluster runs as).
    const asUser = process.getuid?.() === 0
    if (asUser) chmodSync(dir, 0o755)
    // pool import: the command that creates a database (the others refuse a path with none).
    const argv = [process.execPath, CLI, 'pool', 'import', '--db', join(locked, 'pool.db')]
    const r = asUser ? spawnSync('runuser', ['-u', 'postgres', '--', ...argv], { encoding: 'utf8', input: '' }) : spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', input: '' })
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(`express-entry: storage failure during opening SQLite database ${join(locked, 'pool.db')}: the folder ${locked} is not writable (SQLite needs to create the database and its journal files there): give this user write access, or use another --db\n`)
  })
})

describe('a full disk (item 18)', () => {
  it('pool generate into a full stdout: one line, exit 1', () => {
    const r = spawnSync('bash', ['-c', `node ${CLI} pool generate --size 5000 --seed 1 --like 2023-07-04 > /dev/full`], { encoding: 'utf8', timeout: 120_000 })
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n').at(-1)).toBe('express-entry: storage failure during writing standard output: the disk is full: free some space and try again')
  }, 120_000)

  /** A 1 MB tmpfs (root only), or null where one cannot be mounted. */
  function smallDisk(): string | null {
    if (process.getuid?.() !== 0) return null
    const mnt = join(dir, 'small-disk')
    mkdirSync(mnt, { recursive: true })
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { stdio: 'ignore' })
      return mnt
    } catch {
      return null
    }
  }

  it('pool generate --out and rounds update on a full disk: the file is left as it was, no temporary file remains', (ctx) => {
    const disk = smallDisk()
    if (!disk) return ctx.skip('needs root to mount a small tmpfs')
    try {
      const out = join(disk, 'pool.jsonl')
      writeFileSync(out, 'the old file\n')
      const g = run(['pool', 'generate', '--size', '5000', '--seed', '1', '--like', '2023-07-04', '--out', out])
      expect(g.status).toBe(1)
      expect(g.stderr).toMatch(/storage failure during writing .*pool\.jsonl \(left as it was\): the disk is full/)
      expect(readFileSync(out, 'utf8')).toBe('the old file\n')
      expect(readdirSync(disk)).toEqual(['pool.jsonl'])
      // rounds update: the shipped record (~300 kB) twice does not fit beside a filler.
      writeFileSync(join(disk, 'filler'), Buffer.alloc(600_000))
      const record = join(disk, 'rounds.json')
      const shipped = readFileSync(join(CLI, '../../data/ee-rounds.json'))
      const u = run(['rounds', 'update', join(CLI, '../../data/ee-rounds.json'), '--record', record])
      expect(u.status).toBe(1)
      expect(u.stderr).toMatch(/the disk is full/)
      expect(existsSync(record)).toBe(false)
      expect(readdirSync(disk).sort()).toEqual(['filler', 'pool.jsonl'])
      expect(shipped.length).toBeGreaterThan(0)
    } finally {
      execFileSync('umount', [disk])
    }
  }, 120_000)
})
