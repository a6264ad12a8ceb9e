/**
 * Issue 14, left over: a PostgreSQL server whose disk fills up. On a throwaway cluster of its own, the
 * store's tables go to a tablespace on a 2 MB tmpfs (the catalogs and the write-ahead log stay on the
 * main disk, as on a server whose data volume is full): an import that does not fit fails with the
 * server's "disk full" (SQLSTATE 53100), mapped to one clear message; nothing of it is written; the
 * API answers 503 with Retry-After, the CLI one line and exit 1; and the pool answers as before.
 * Needs root (mount) and the PostgreSQL binaries; skipped with a visible message otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'
import { CLI, ensureBuilt } from '../e2e/built-cli.js'
import { DIALECTS } from '../setup/dialects.js'
import { createDatabase, pgBinDir, startServer, stopServer } from '../setup/pg-server.js'

const TOKEN = 'a-token-of-at-least-32-characters-long'

/** Why the test cannot run here, or null. */
function skipReason(): string | null {
  if (!DIALECTS.includes('postgres')) return 'PostgreSQL not selected'
  if (!pgBinDir()) return 'needs the PostgreSQL binaries'
  if (process.getuid?.() !== 0) return 'needs root, to mount a small tmpfs'
  const probe = mkdtempSync(join(tmpdir(), 'ee-mount-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return null
  } catch {
    return 'cannot mount a tmpfs here'
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
}

const skip = skipReason()
if (skip) console.warn(`\n*** SKIPPED: PostgreSQL disk-full test (${skip}) ***\n`)

describe.skipIf(skip !== null)('PostgreSQL with a full disk', () => {
  let dir: string
  let small: string
  let url: string
  let store: Store
  /** Profiles in the pool before the imports that do not fit. */
  let before = 0
  const eligibility = realEligibility()
  const lines = (size: number, seed: number) => [...generatePool({ size, seed, like: '2024-06-01', eligibility })].map((g) => JSON.stringify(g.profile))

  async function profileCount(): Promise<number> {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    const n = (await c.query('select count(*)::int as n from profile')).rows[0].n as number
    await c.end()
    return n
  }

  beforeAll(async () => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), 'ee-pg-full-'))
    // The server runs as `postgres`: it must reach the cluster and the tablespace inside this directory.
    chmodSync(dir, 0o755)
    mkdirSync(join(dir, 'cluster'))
    const admin = await startServer(join(dir, 'cluster'))
    small = join(dir, 'small')
    mkdirSync(small)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small])
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(small, postgresUid, postgresUid)
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    await c.query(`create tablespace small location '${small}'`)
    await c.end()
    url = await createDatabase(admin, 'full_disk', ['alter database full_disk set default_tablespace = small'])
    store = await openStore(url)
    await importProfiles(store, lines(100, 1), { eligibility, asOf: '2024-06-01' })
    before = await profileCount()
  }, 180_000)

  afterAll(async () => {
    await store?.close().catch(() => undefined)
    if (dir) {
      stopServer(join(dir, 'cluster'))
      spawnSync('umount', [small])
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('an import that does not fit: the disk-full message, nothing written, and the pool as before', async () => {
    expect(before).toBeGreaterThan(90)
    const app = createApp({ token: TOKEN, pool: { store, eligibility } })
    const total = async () => {
      const dist = await app.request('/v1/pool/distribution?at=2024-06-02T00:00:00Z')
      expect(dist.status).toBe(200)
      return ((await dist.json()) as { distribution: { range: string; count: number }[] }).distribution.at(-1)!.count
    }
    const inPool = await total()
    await expect(importProfiles(store, lines(4000, 2), { eligibility, asOf: '2024-06-01' })).rejects.toThrow(/PostgreSQL server's disk is full/)
    expect(await profileCount()).toBe(before)
    expect(await total()).toBe(inPool)
  }, 120_000)

  it('the API: 503 problem+json with Retry-After; the CLI: one line, exit 1; still nothing written', async () => {
    const app = createApp({ token: TOKEN, pool: { store, eligibility }, bodyLimit: 64 << 20 })
    // The API takes up to 1,000 Profiles in one JSON array.
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: `[${lines(1000, 3).join(',')}]` })
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    const doc = (await res.json()) as { code: string; detail: string }
    expect(doc.code).toBe('storage_failure')
    expect(doc.detail).toMatch(/disk is full/)

    const file = join(dir, 'more.jsonl')
    writeFileSync(file, `${lines(4000, 4).join('\n')}\n`)
    const cli = spawnSync(process.execPath, [CLI, 'pool', 'import', '--db', url, '--as-of', '2024-06-01', file], { encoding: 'utf8', timeout: 120_000 })
    expect(cli.status).toBe(1)
    expect(cli.stderr.trim().split('\n')).toHaveLength(1)
    expect(cli.stderr).toMatch(/^express-entry: storage failure during .*disk is full/)
    expect(await profileCount()).toBe(before)
  }, 180_000)
})
