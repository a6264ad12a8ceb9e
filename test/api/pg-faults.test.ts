/**
 * Issue 14, items 1 and 11: the API server on PostgreSQL survives the database failing under it. On a
 * throwaway cluster of its own (stopping the shared one would break the other suites): sessions
 * terminated during requests (pg_terminate_backend) and the whole cluster stopped. Requests in flight
 * and while it is down get 503 with Retry-After (never 500, never a dead process: an unheard 'error'
 * event would fail this run), and once it is back the same server answers again. The CLI reports a
 * lost server in one line, exit 1.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer as startApi, type RunningServer } from '../../src/api/server.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'
import { createDatabase, pgBinDir, restartServer, startServer, stopServer } from '../setup/pg-server.js'
import { DIALECTS } from '../setup/dialects.js'
import { CLI, ensureBuilt } from '../e2e/built-cli.js'

const skip = !DIALECTS.includes('postgres') ? 'PostgreSQL not selected' : pgBinDir() ? null : 'needs the PostgreSQL binaries, to stop and start a cluster of its own'
const TOKEN = 'a-token-of-at-least-32-characters-long'
/** The advisory lock that serializes pool writers (store/index.ts): holding it keeps a write in flight. */
const PG_POOL_LOCK = 0x4545504f4f4c

if (skip) console.warn(`\n*** SKIPPED: PostgreSQL fault tests (${skip}) ***\n`)
describe.skipIf(skip !== null)('the API on PostgreSQL when the database fails', () => {
  let dir: string
  let admin: string
  let url: string
  let store: Store
  let api: RunningServer
  const logs: Record<string, unknown>[] = []

  beforeAll(async () => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), 'ee-pg-faults-'))
    admin = await startServer(dir)
    url = await createDatabase(admin, 'faults')
    store = await openStore(url)
    const eligibility = realEligibility()
    const lines = [...generatePool({ size: 300, seed: 3, like: '2024-06-01', eligibility })].map((g) => JSON.stringify(g.profile))
    await importProfiles(store, lines, { eligibility, asOf: '2024-06-01' })
    api = await startApi({ port: 0, hostname: '127.0.0.1', token: TOKEN, pool: { store, eligibility }, log: (e) => logs.push(e), expensiveLimit: { burst: 1e6, perSecond: 1e6 } })
  }, 120_000)

  afterAll(async () => {
    await api?.close()
    await store?.close().catch(() => undefined)
    if (dir) {
      stopServer(dir)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  const distribution = () => fetch(`${api.url}/v1/pool/distribution?at=2024-06-02T00:00:00Z`)
  const holdRound = (n: number) =>
    fetch(`${api.url}/v1/rounds/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ at: `2024-06-0${n}T12:00:00Z`, kind: 'general', size: 5 }) })

  async function expectUnavailable(res: Response): Promise<void> {
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    const doc = (await res.json()) as { code: string; detail: string }
    expect(doc.code).toBe('storage_failure')
    expect(doc.detail).toMatch(/PostgreSQL/)
  }

  async function answersAgain(): Promise<void> {
    const deadline = Date.now() + 20_000
    for (;;) {
      const res = await distribution()
      if (res.status === 200) return
      expect(res.status).toBe(503)
      if (Date.now() > deadline) throw new Error('the server did not answer again')
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  it('a session terminated during a request: that request gets 503 with Retry-After, the next ones 200', async () => {
    expect((await distribution()).status).toBe(200)
    // Hold the writers' lock so that a round waits, in flight, on the server; then terminate its session.
    const locker = new pg.Client({ connectionString: url })
    await locker.connect()
    await locker.query('select pg_advisory_lock($1)', [PG_POOL_LOCK])
    const inFlight = holdRound(2)
    const deadline = Date.now() + 10_000
    for (;;) {
      const waiting = await locker.query(`select count(*)::int as n from pg_stat_activity where datname = 'faults' and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)
      if (waiting.rows[0].n > 0) break
      if (Date.now() > deadline) throw new Error('the round never waited on the lock')
      await new Promise((r) => setTimeout(r, 20))
    }
    await locker.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'faults' and pid <> pg_backend_pid()`)
    await expectUnavailable(await inFlight)
    await locker.end()
    await answersAgain()
    // Nothing of the interrupted round was written: the same round now holds as round 1.
    const res = await holdRound(2)
    expect(res.status).toBe(201)
    expect(((await res.json()) as { number: number }).number).toBe(1)
  })

  it('sessions terminated again and again under a burst of public requests: only 200 or 503, and the server lives', async () => {
    const killer = new pg.Client({ connectionString: admin })
    await killer.connect()
    let killing = true
    const kills = (async () => {
      while (killing) {
        await killer.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'faults'`)
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const statuses = await Promise.all(Array.from({ length: 60 }, async (_, i) => (i % 3 === 0 ? holdRound(3) : distribution()).then((r) => r.status)))
    killing = false
    await kills
    await killer.end()
    for (const s of statuses) expect([200, 201, 503]).toContain(s)
    await answersAgain()
  })

  it('the cluster stopped: 503 while it is down, and the same server answers once it is back; the CLI says so in one line', async () => {
    stopServer(dir)
    await expectUnavailable(await distribution())
    await expectUnavailable(await holdRound(4))
    const cli = spawnSync(process.execPath, [CLI, 'pool', 'distribution', '--db', url], { encoding: 'utf8', timeout: 60_000 })
    expect(cli.status).toBe(1)
    expect(cli.stderr.trim().split('\n')).toHaveLength(1)
    expect(cli.stderr).toMatch(/^express-entry: storage failure during .*PostgreSQL server refuses connections/)
    restartServer(dir)
    await answersAgain()
    expect(logs.filter((e) => e.level === 'error' && e.msg !== 'storage failure')).toEqual([])
  }, 90_000)
})
