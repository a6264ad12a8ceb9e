/**
 * Issue 14: what is public and what needs a token (item 5), bounds on costly public requests (items 2
 * and 4), idempotency keys (6), ids PostgreSQL could not store (7, API side), a full disk (8), client
 * hang-ups (12), wrong tokens (16) and clients behind a proxy (17).
 */
import { EventEmitter } from 'node:events'
import { connect } from 'node:net'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { MAX_EXPLAINED_LINES, MAX_SCORE_LINES } from '../../src/api/routes/crs.js'
import { answerSharedBuckets, sharedBuckets, type Buckets } from '../../src/api/rate-limit.js'
import { startServer } from '../../src/api/server.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'

const TOKEN = 'write-token-0123456789abcdef0123456789'
const READ_TOKEN = 'read-token-0123456789abcdef01234567890'
const eligibility = realEligibility()
const generated = [...generatePool({ size: 200, seed: 9, like: '2024-06-01', eligibility })].map((g) => g.profile)
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>
const factors = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }
const json = { 'content-type': 'application/json' }
const bearer = (t: string) => ({ ...json, authorization: `Bearer ${t}` })
const round = { at: '2024-06-02T12:00:00Z', kind: 'general', size: 20 }

let dir: string
let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ee-access-'))
  store = await openStore(join(dir, 'pool.db'))
  await importProfiles(store, generated.map((p) => JSON.stringify(p)), { eligibility, asOf: '2024-06-01' })
  app = createApp({ token: TOKEN, readToken: READ_TOKEN, pool: { store, eligibility }, expensiveLimit: { burst: 1e6, perSecond: 1e6 } })
  expect((await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify(round) })).status).toBe(201)
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('what is public and what needs a token (item 5)', () => {
  it("a held round's outcome and the distribution are public; its invitations need the token or the read token", async () => {
    expect((await app.request('/v1/rounds/run/1')).status).toBe(200)
    expect((await app.request('/v1/pool/distribution?at=2024-06-02T00:00:00Z')).status).toBe(200)
    const open = await app.request('/v1/rounds/run/1/invitations')
    expect(open.status).toBe(401)
    expect(await open.text()).not.toMatch(/profileId/)
    expect((await app.request('/v1/rounds/run/1/invitations', { headers: bearer('wrong-token-0123456789abcdef012345678') })).status).toBe(401)
    for (const t of [TOKEN, READ_TOKEN]) {
      const res = await app.request('/v1/rounds/run/1/invitations', { headers: bearer(t) })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { count: number }).count).toBe(20)
    }
  })

  it('a simulation gives its outcome to anyone and its ranked candidates only with a token', async () => {
    const request = { ...round, at: '2024-06-03T12:00:00Z' }
    const open = (await (await app.request('/v1/rounds/simulate', { method: 'POST', headers: json, body: JSON.stringify(request) })).json()) as Record<string, unknown>
    expect(open).toMatchObject({ simulated: true, invited: 20 })
    expect(open).not.toHaveProperty('invitations')
    for (const t of [TOKEN, READ_TOKEN]) {
      const listed = (await (await app.request('/v1/rounds/simulate', { method: 'POST', headers: bearer(t), body: JSON.stringify(request) })).json()) as { invitations: unknown[]; lowestScore: number }
      expect(listed.invitations).toHaveLength(20)
      expect(listed.lowestScore).toBe(open.lowestScore)
    }
  })

  it('the read token cannot write', async () => {
    expect((await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(READ_TOKEN), body: JSON.stringify({ ...round, at: '2024-06-04T00:00:00Z' }) })).status).toBe(401)
    expect((await app.request('/v1/pool/profiles', { method: 'POST', headers: bearer(READ_TOKEN), body: JSON.stringify(example) })).status).toBe(401)
  })

  it('without any token configured, personal reads stay closed too', async () => {
    const closed = createApp({ pool: { store, eligibility } })
    const res = await closed.request('/v1/rounds/run/1/invitations')
    expect(res.status).toBe(401)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/EE_API_TOKEN or EE_API_READ_TOKEN/)
  })
})

describe('costly public requests are bounded (items 2 and 4)', () => {
  const line = JSON.stringify({ asOf: '2025-06-01', factors })
  const batch = (n: number) => `${Array.from({ length: n }, () => line).join('\n')}\n`
  const jsonl = { 'content-type': 'application/x-ndjson' }

  it(`JSON Lines: ${MAX_SCORE_LINES} lines are scored, one more is 413 before any is; with explain the cap is ${MAX_EXPLAINED_LINES}`, async () => {
    const ok = await app.request('/v1/crs/score', { method: 'POST', headers: jsonl, body: batch(MAX_SCORE_LINES) })
    expect(ok.status).toBe(200)
    expect((await ok.text()).trimEnd().split('\n')).toHaveLength(MAX_SCORE_LINES)
    const over = await app.request('/v1/crs/score', { method: 'POST', headers: jsonl, body: batch(MAX_SCORE_LINES + 1) })
    expect(over.status).toBe(413)
    expect(((await over.json()) as { detail: string }).detail).toMatch(/at most 1000 lines/)
    const explained = await app.request('/v1/crs/score?explain=1', { method: 'POST', headers: jsonl, body: batch(MAX_EXPLAINED_LINES) })
    expect(explained.status).toBe(200)
    const text = await explained.text()
    // The most an explained request can return: bounded (the probe's 110 MB came from ~4,000 lines).
    expect(text.length).toBeLessThan(10 * 1024 * 1024)
    expect((await app.request('/v1/crs/score?explain=1', { method: 'POST', headers: jsonl, body: batch(MAX_EXPLAINED_LINES + 1) })).status).toBe(413)
  })

  it('JSON Lines batches, distributions and simulations are rate limited per client; a single score is not', async () => {
    const limited = createApp({ pool: { store, eligibility }, expensiveLimit: { burst: 2, perSecond: 0.001 } })
    for (const send of [
      () => limited.request('/v1/crs/score', { method: 'POST', headers: jsonl, body: batch(2) }),
      () => limited.request('/v1/pool/distribution?at=2024-06-02T00:00:00Z'),
    ]) {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await send()).status)
      expect(statuses.slice(-1)).toEqual([429])
    }
    for (let i = 0; i < 5; i++) expect((await limited.request('/v1/crs/score', { method: 'POST', headers: json, body: JSON.stringify(factors) })).status).toBe(200)
  })

  it('a distribution takes no write lock and writes nothing: it answers while another process holds the write lock', async () => {
    const before = await store.db.selectFrom('profile').select(['id', 'score', 'derived_from', 'derived_until']).orderBy('id').execute()
    const other = new BetterSqlite3(join(dir, 'pool.db'))
    other.exec('begin immediate')
    try {
      const start = performance.now()
      // Months on: birthdays passed, so many stored values do not hold and are scored in memory.
      const res = await app.request('/v1/pool/distribution?at=2025-01-10T00:00:00Z')
      expect(res.status).toBe(200)
      expect(performance.now() - start).toBeLessThan(5000)
      const total = ((await res.json()) as { distribution: { range: string; count: number }[] }).distribution.find((d) => d.range === 'total')!.count
      expect(total).toBeGreaterThan(0)
    } finally {
      other.exec('rollback')
      other.close()
    }
    expect(await store.db.selectFrom('profile').select(['id', 'score', 'derived_from', 'derived_until']).orderBy('id').execute()).toEqual(before)
  })

  it('the distribution read in memory is the one a held round publishes', async () => {
    const at = '2025-01-15T00:00:00Z'
    const read = ((await (await app.request(`/v1/pool/distribution?at=${at}`)).json()) as { distribution: { range: string; count: number }[] }).distribution
    expect(read.find((d) => d.range === 'total')!.count).toBeGreaterThan(20)
    const held = (await (await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify({ at, kind: 'general', size: 1 }) })).json()) as { distribution: unknown }
    expect(held.distribution).toEqual(read)
  })
})

describe('idempotency keys (item 6)', () => {
  it('a key reused with a different request is 409, describing both; the same request replays (200)', async () => {
    const first = { at: '2025-10-01T00:00:00Z', kind: 'general', size: 3, idempotencyKey: 'october-draw' }
    expect((await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify(first) })).status).toBe(201)
    expect((await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify(first) })).status).toBe(200)
    const res = await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify({ ...first, size: 4 }) })
    expect(res.status).toBe(409)
    const doc = (await res.json()) as { code: string; detail: string }
    expect(doc.code).toBe('conflict')
    expect(doc.detail).toMatch(/idempotency key "october-draw": was used by round \d+ for general round of 3 at 2025-10-01T00:00:00Z; this request is general round of 4 at 2025-10-01T00:00:00Z/)
  })

  it('a key of control characters is refused (400), never stored', async () => {
    const res = await app.request('/v1/rounds/run', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify({ at: '2025-10-02T00:00:00Z', kind: 'general', size: 1, idempotencyKey: 'a\u0000b' }) })
    expect(res.status).toBe(400)
  })
})

describe('ids (item 7, API side)', () => {
  it.each([['NUL', 'a\u0000b'], ['zero-width space', 'a\u200bb'], ['right-to-left override', 'a\u202eb'], ['lone surrogate', 'a\ud800b'], ['101 characters', 'x'.repeat(101)]])('an id with %s is 400 naming the field, never 500', async (_what, id) => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify([{ ...example, id }]) })
    expect(res.status).toBe(400)
    const doc = (await res.json()) as { issues: { path: string; message: string }[] }
    expect(doc.issues[0]!.path).toBe('0.id')
    expect(JSON.stringify(doc)).not.toContain('x'.repeat(101))
  })
})

describe('a full disk (item 8)', () => {
  it('is 503 with Retry-After saying the disk is full, never "cannot rollback"; nothing half-written', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ee-full-'))
    const s = await openStore(join(d, 'full.db'))
    try {
      const full = createApp({ token: TOKEN, pool: { store: s, eligibility } })
      // The database may not grow past its size now: the next writes fail as on a full disk (SQLITE_FULL).
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(s.db)
      await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count + 2}`).execute(s.db)
      const res = await full.request('/v1/pool/profiles', { method: 'POST', headers: bearer(TOKEN), body: JSON.stringify(generated) })
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
      const doc = (await res.json()) as { code: string; detail: string }
      expect(doc.code).toBe('storage_failure')
      expect(doc.detail).toMatch(/disk is full/)
      expect(doc.detail).not.toMatch(/rollback/)
      expect(await s.db.selectFrom('profile').select('id').execute()).toEqual([])
    } finally {
      await s.close()
      rmSync(d, { recursive: true, force: true })
    }
  })
})

describe('clients and tokens on a real socket (items 12, 16, 17)', () => {
  it('a client that hangs up mid-body is logged as info, never as a server error with a stack', async () => {
    const logs: Record<string, unknown>[] = []
    const server = await startServer({ port: 0, hostname: '127.0.0.1', token: TOKEN, pool: { store, eligibility }, log: (e) => logs.push(e) })
    try {
      for (const path of ['/v1/eligibility', '/v1/crs/score', '/v1/outlook', '/v1/rounds/simulate']) {
        for (const head of [`Content-Length: 1000`, 'Transfer-Encoding: chunked']) {
          await new Promise<void>((resolve) => {
            const socket = connect(server.port, '127.0.0.1', () => {
              socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${head}\r\n\r\n${head.startsWith('Transfer') ? '5\r\n{"a":\r\n' : '{"a":'}`)
              setTimeout(() => {
                socket.destroy()
                setTimeout(resolve, 100)
              }, 50)
            })
          })
        }
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    } finally {
      await server.close()
    }
    expect(logs.filter((e) => e.level !== 'info')).toEqual([])
    expect(logs.filter((e) => e.msg === 'client closed the connection').length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(logs)).not.toMatch(/stack/)
  })

  it('wrong tokens are slowed per client: after 10, 429 with Retry-After, even for the right token; other clients are not', async () => {
    const guarded = createApp({ token: TOKEN, pool: { store, eligibility }, trustProxy: true })
    const from = (client: string, token: string) => guarded.request('/v1/rounds/run/1/invitations', { headers: { ...bearer(token), 'x-forwarded-for': client } })
    const statuses = []
    for (let i = 0; i < 12; i++) statuses.push((await from('203.0.113.7', `guess-${i}`)).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429])
    const blocked = await from('203.0.113.7', TOKEN)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await from('198.51.100.1', TOKEN)).status).toBe(200)
  })

  it('--trust-proxy: clients behind one proxy get buckets of their own (the last X-Forwarded-For); without it they share one', async () => {
    const limit = { burst: 1, perSecond: 0.001 }
    const ask = (a: ReturnType<typeof createApp>, client: string) => a.request('/v1/pool/distribution?at=2024-06-02T00:00:00Z', { headers: { 'x-forwarded-for': `10.0.0.1, ${client}` } })
    const trusting = createApp({ pool: { store, eligibility }, expensiveLimit: limit, trustProxy: true })
    expect([(await ask(trusting, '192.0.2.1')).status, (await ask(trusting, '192.0.2.2')).status, (await ask(trusting, '192.0.2.1')).status]).toEqual([200, 200, 429])
    const plain = createApp({ pool: { store, eligibility }, expensiveLimit: limit })
    expect([(await ask(plain, '192.0.2.1')).status, (await ask(plain, '192.0.2.2')).status]).toEqual([200, 429])
  })
})

describe('rate limits across the workers of a cluster', () => {
  /** A worker's channel to its primary, in one process: what one sends the other receives. */
  function channelPair() {
    const workerSide = new EventEmitter() as EventEmitter & { send?: (m: unknown) => boolean; connected: boolean }
    workerSide.connected = true
    const primarySide = new EventEmitter() as EventEmitter & { send: (m: unknown) => boolean; isConnected: () => boolean }
    workerSide.send = (m) => (setImmediate(() => primarySide.emit('message', m)), true)
    primarySide.send = (m) => (setImmediate(() => workerSide.emit('message', m)), true)
    primarySide.isConnected = () => true
    return { workerSide, primarySide }
  }

  it('two workers share one bucket per client, kept by the primary: together they give the burst once', async () => {
    const limit = { burst: 10, perSecond: 0.001 }
    const kept = new Map<string, Buckets>()
    const workers = [channelPair(), channelPair()]
    for (const w of workers) answerSharedBuckets(w.primarySide, kept)
    const shared = workers.map((w) => sharedBuckets('expensive', limit, w.workerSide as unknown as NodeJS.Process))
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => shared[i % 2]!.take('203.0.113.7')))
    expect(waits.filter((w) => w === 0)).toHaveLength(10)
    // Another client has its own bucket.
    expect(await shared[1]!.take('198.51.100.2')).toBe(0)
  })

  it('wrong tokens sent to one worker count on the other: the app of each worker answers 429 once the shared bucket is empty', async () => {
    const kept = new Map<string, Buckets>()
    const workers = [channelPair(), channelPair()]
    for (const w of workers) answerSharedBuckets(w.primarySide, kept)
    const apps = workers.map((w) => createApp({ token: 'a-token-of-at-least-32-characters-long', wrongTokenBuckets: sharedBuckets('wrong-token', { burst: 4, perSecond: 0.001 }, w.workerSide as unknown as NodeJS.Process) }))
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await apps[i % 2]!.request('/v1/rounds/run/1/invitations', { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong-wrong-wrong' } })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429])
  })

  it('a worker whose primary does not answer counts in its own buckets', async () => {
    const silent = new EventEmitter() as EventEmitter & { send: (m: unknown) => boolean; connected: boolean }
    silent.send = () => true
    silent.connected = true
    const own = sharedBuckets('expensive', { burst: 2, perSecond: 0.001 }, silent as unknown as NodeJS.Process)
    expect(await own.take('x')).toBe(0)
    expect(await own.take('x')).toBe(0)
    expect(await own.take('x')).toBeGreaterThan(0)
  }, 10_000)
})
