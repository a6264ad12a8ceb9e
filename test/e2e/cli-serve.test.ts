/**
 * `express-entry serve` and `start` end to end: the built CLI as a user runs it, JSON logs on stdout,
 * graceful stop on SIGTERM/SIGINT. Builds dist/ first when a source file is newer than the build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ensureBuilt, ROOT } from './built-cli.js'
import type { RawRound } from '../../src/history/feed.js'
import { changesPathFor, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { feedText } from '../../src/history/refresh.js'
import { feedUpTo437, round448, shippedFeed } from '../history/feed-fixture.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'ee-serve-'))

beforeAll(ensureBuilt, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Running {
  child: ChildProcess
  url: string
  lines: Record<string, unknown>[]
  exit: Promise<number | null>
}

/** Runs the CLI until it logs that it listens. */
function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/express-entry.js'), ...args], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: Record<string, unknown>[] = []
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    void exit.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown> // every line is JSON
      lines.push(entry)
      if (entry.msg === 'listening') resolve({ child, url: String(entry.url), lines, exit })
    })
  })
}

describe('express-entry serve', () => {
  it('serves the API with a pool on SQLite, logs JSON lines without bodies, stops on SIGTERM', async () => {
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'serve.db')], { EE_API_TOKEN: 'serve-test-token-0123456789abcdef0123' })
    expect((await (await fetch(`${s.url}/healthz`)).json()) as object).toMatchObject({ ok: true, pool: true, history: true })
    const score = await fetch(`${s.url}/v1/crs/score`, { method: 'POST', body: JSON.stringify({ age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }) })
    expect(((await score.json()) as { total: number }).total).toBe(464)
    expect((await fetch(`${s.url}/v1/pool/distribution`)).status).toBe(200)
    s.child.kill('SIGTERM')
    expect(await s.exit).toBe(0)
    expect(s.lines.at(-1)).toMatchObject({ msg: 'stopped' })
    expect(s.lines.find((l) => l.path === '/v1/crs/score')).toMatchObject({ method: 'POST', status: 200 })
    expect(JSON.stringify(s.lines)).not.toMatch(/masters|english/)
  }, 60_000)

  it('--workers 2: two processes share the port and all stop on SIGTERM', async () => {
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2', '--db', join(dir, 'workers.db')])
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${s.url}/healthz`).then((r) => r.status)))
    expect(answers.every((status) => status === 200)).toBe(true)
    expect(s.lines.filter((l) => l.msg === 'worker listening').map((l) => l.worker).sort()).toEqual([1, 2])
    expect(s.lines.find((l) => l.msg === 'listening')).toMatchObject({ workers: 2 })
    s.child.kill('SIGTERM')
    expect(await s.exit).toBe(0)
    expect(s.lines.filter((l) => l.msg === 'stopped')).toHaveLength(3)
  }, 60_000)

  it('--workers 2: a worker that dies is replaced, and the port keeps answering', async () => {
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2', '--db', join(dir, 'replaced.db')])
    try {
      const workersListening = async (n: number): Promise<void> => {
        const until = Date.now() + 30_000
        while (s.lines.filter((l) => l.msg === 'worker listening').length < n) {
          if (Date.now() > until) throw new Error(`fewer than ${n} workers: ${JSON.stringify(s.lines)}`)
          await new Promise((r) => setTimeout(r, 100))
        }
      }
      await workersListening(2)
      const first = s.lines.filter((l) => l.msg === 'worker listening')
      process.kill(Number(first[0]!.pid), 'SIGKILL')
      const deadline = Date.now() + 30_000
      while (s.lines.filter((l) => l.msg === 'worker listening').length < 3) {
        if (Date.now() > deadline) throw new Error(`no new worker: ${JSON.stringify(s.lines)}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(s.lines.find((l) => l.msg === 'a worker stopped; replacing it')).toMatchObject({ level: 'error', signal: 'SIGKILL' })
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${s.url}/healthz`).then((r) => r.status)))
      expect(answers.every((status) => status === 200)).toBe(true)
    } finally {
      // Stopped whatever happened above, so a failure leaves no server behind.
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
    }
  }, 60_000)

  it('--workers 2: a client gets the costly requests\' limit once across the workers, not once per worker', async () => {
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2', '--db', join(dir, 'limits.db')])
    try {
      const started = performance.now()
      // Twice the burst (10) at once, spread by the cluster over both workers.
      const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${s.url}/v1/pool/distribution?at=2024-06-02T00:00:00Z`).then((r) => r.status)))
      const seconds = (performance.now() - started) / 1000
      const served = statuses.filter((status) => status === 200).length
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true)
      // The burst, plus what 5 a second gives back while the requests ran; per worker it would be 20.
      expect(served).toBeGreaterThanOrEqual(10)
      expect(served).toBeLessThanOrEqual(10 + Math.ceil(5 * seconds))
      expect(served).toBeLessThan(20)
    } finally {
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
    }
  }, 60_000)

  it('--workers 2: wrong tokens are counted across the workers too', async () => {
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2', '--db', join(dir, 'wrong.db')], { EE_API_TOKEN: 'serve-test-token-0123456789abcdef0123' })
    try {
      const started = performance.now()
      const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${s.url}/v1/rounds/run/1/invitations`, { headers: { authorization: 'Bearer not-the-token-not-the-token-not-the' } }).then((r) => r.status)))
      const seconds = (performance.now() - started) / 1000
      const refused = statuses.filter((status) => status === 401).length
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
      // 10 wrong tokens at once, then one a second; per worker it would be 20.
      expect(refused).toBeGreaterThanOrEqual(10)
      expect(refused).toBeLessThanOrEqual(10 + Math.ceil(seconds))
    } finally {
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
    }
  }, 60_000)

  it('--workers 2 --refresh: the primary refreshes the record from the feed once, and every worker answers from the new record', async () => {
    // The shipped feed served locally (no test reaches the internet); the record starts at round 437.
    const shipped = readRecordFiles(shippedRecordPath()).feed as { classes: string; rounds: RawRound[] }
    const feed = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(shipped))
    })
    await new Promise<void>((done) => feed.listen(0, '127.0.0.1', done))
    const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/ee_rounds_123_en.json`
    const record = join(dir, 'workers-record.json')
    writeFileSync(record, feedText({ ...shipped, rounds: shipped.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) }))
    writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2', '--db', join(dir, 'workers-refresh.db'), '--record', record, '--refresh', '1h', '--feed-url', feedUrl])
    try {
      const rounds = async () => ((await (await fetch(`${s.url}/v1/rounds?year=2015`)).json()) as { record: { rounds: number; source: string | null } }).record
      const deadline = Date.now() + 30_000
      let answers: { rounds: number; source: string | null }[] = []
      // Twenty requests at a time reach both workers; each must answer from the refreshed record.
      while (Date.now() < deadline) {
        answers = await Promise.all(Array.from({ length: 20 }, rounds))
        if (answers.every((a) => a.rounds === 448)) break
        await new Promise((r) => setTimeout(r, 200))
      }
      expect(answers.map((a) => a.rounds)).toEqual(Array.from({ length: 20 }, () => 448))
      expect(answers.every((a) => a.source === feedUrl)).toBe(true)
      // One process fetched the feed: the primary, not each worker.
      expect(s.lines.filter((l) => l.msg === 'record of rounds refreshed')).toHaveLength(1)
      expect(s.lines.find((l) => l.msg === 'record of rounds refreshed')).toMatchObject({ added: ['438', '439', '440', '441', '442', '443', '444', '445', '446', '447'] })
    } finally {
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
      feed.closeAllConnections()
      await new Promise<void>((done) => feed.close(() => done()))
    }
  }, 90_000)

  it('--record naming a file not made yet: made from the shipped record at start, served, and refreshed in place (no 503 until a restart)', async () => {
    const feed = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ...shippedFeed(), rounds: [round448(), ...shippedFeed().rounds] }))
    })
    await new Promise<void>((done) => feed.listen(0, '127.0.0.1', done))
    const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/ee_rounds_123_en.json`
    const record = join(mkdtempSync(join(dir, 'new-record-')), 'mine.json')
    const s = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--record', record, '--refresh', '1h', '--feed-url', feedUrl])
    try {
      expect(s.lines.find((l) => l.msg === 'listening')).toMatchObject({ history: true })
      expect(s.lines.find((l) => l.msg === 'record of rounds copied from the shipped one')).toMatchObject({ record, because: 'absent', rounds: 448 })
      const info = async () => ((await (await fetch(`${s.url}/v1/rounds?year=2015`)).json()) as { record?: { rounds: number; source: string | null } }).record
      await expect.poll(info, { timeout: 30_000 }).toMatchObject({ rounds: 449, source: feedUrl })
      expect((await fetch(`${s.url}/v1/rounds/448`)).status).toBe(200)
    } finally {
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
      feed.closeAllConnections()
      await new Promise<void>((done) => feed.close(() => done()))
    }
  }, 60_000)

  it.each([
    [['serve', '--port', '0'], /EE_API_TOKEN is 5 characters long: use at least 32/, { EE_API_TOKEN: 'short' }],
    [['serve', '--port', '0'], /EE_API_READ_TOKEN is 9 characters long: use at least 32/, { EE_API_READ_TOKEN: 'too-short' }],
  ])('%j with a short token is refused at start (exit 2)', async (args, message, env) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/express-entry.js'), ...args], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  }, 30_000)

  it.each([
    [['serve', '--workers', '0'], /--workers/],
    [['serve', '--port', 'http'], /--port/],
    [['serve', '--port', '0', '--db', '/nonexistent/dir/x.db'], /storage failure/],
    [['start', '--refresh', '5s'], /--refresh \(or EE_REFRESH\): expected a period of at least a minute such as 6h, 30m or 1d, or off \(got "5s"\)/],
    [['start', '--feed-url', 'ftp://mirror.test/feed.json'], /--feed-url: expected an http:\/\/ or https:\/\/ address \(got "ftp:\/\/mirror.test\/feed.json"\)/],
    [['serve', '--feed-url', 'file:///etc/passwd'], /--feed-url: expected an http:\/\/ or https:\/\/ address/],
  ])('%j fails with a clear message', async (args, message) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/express-entry.js'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).not.toBe(0)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /) // no stack trace
  }, 30_000)
})

describe('express-entry start (npm start)', () => {
  /** A feed served locally (no test reaches the internet): the shipped rounds and, first, a made-up round 448. */
  async function feedWithRound448(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
    const shipped = shippedFeed()
    const made = round448()
    let requests = 0
    const server = createServer((_req, res) => {
      requests++
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ...shipped, rounds: [made, ...shipped.rounds] }))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ee_rounds_123_en.json`,
      requests: () => requests,
      close: () => {
        server.closeAllConnections()
        return new Promise<void>((done) => server.close(() => done()))
      },
    }
  }

  const recordOf = async (url: string) => ((await (await fetch(`${url}/v1/rounds?year=2015`)).json()) as { record: { rounds: number; source: string | null; lastFailure: { at: string; reason: string; kind: string | null } | null } }).record
  const upTo437 = (): string => feedText(feedUpTo437())
  /** `start` with a small pool in its own folder, `check`ed, then stopped by SIGTERM (exit 0). */
  async function whileStarted(env: Record<string, string>, check: (s: Running, folder: string) => Promise<void>, folder = mkdtempSync(join(dir, 'start-'))): Promise<void> {
    const s = await run(['start'], { PORT: '0', HOST: '127.0.0.1', EE_DB: join(folder, 'start.db'), EE_DEMO_POOL_SIZE: '20', ...env })
    try {
      await check(s, folder)
    } finally {
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
    }
  }

  it('creates and seeds the SQLite file on first start only, serves the calculator, and keeps the record current in a working copy beside it', async () => {
    const feed = await feedWithRound448()
    const shippedBefore = readFileSync(shippedRecordPath())
    const env = { PORT: '0', HOST: '127.0.0.1', EE_DB: join(dir, 'start.db'), EE_DEMO_POOL_SIZE: '150', EE_FEED_URL: feed.url }
    try {
      const first = await run(['start'], env)
      // Every profile goes in: the pool like today is submitted by now (none refused as submitted after it).
      expect(first.lines.find((l) => l.msg === 'demo pool seeded')).toMatchObject({ added: 150, rejected: 0 })
      expect(first.lines.find((l) => l.msg === 'record of rounds copied from the shipped one')).toMatchObject({ record: join(dir, 'express-entry.rounds.json'), because: 'absent', rounds: 448 })
      const dist = (await (await fetch(`${first.url}/v1/pool/distribution`)).json()) as { distribution: { range: string; count: number }[] }
      expect(dist.distribution.at(-1)!.count).toBeGreaterThan(100)
      const page = await fetch(`${first.url}/calculator`)
      if (existsSync(join(ROOT, 'dist/web/calculator.html'))) expect(page.status).toBe(200)
      // Refreshed at start, without being asked: the new round is served, from the working copy.
      await expect.poll(() => recordOf(first.url), { timeout: 30_000 }).toMatchObject({ rounds: 449, source: feed.url })
      expect(first.lines.find((l) => l.msg === 'record of rounds refreshed')).toMatchObject({ added: ['448'] })
      // The forecast's track record follows: measured again on the refreshed copy, in a worker thread.
      const trackRecord = async () => (await (await fetch(`${first.url}/v1/forecast/track-record`)).json()) as { recordUntil: string; brier: { model: number } }
      expect((await trackRecord()).recordUntil).toBe('2026-10-01')
      await expect.poll(async () => (await trackRecord()).recordUntil, { timeout: 60_000, interval: 500 }).toBe('2026-10-14')
      expect(first.lines.find((l) => l.msg === 'forecast track record measured again')).toMatchObject({ recordUntil: '2026-10-14' })
      expect(await trackRecord()).toEqual(JSON.parse(readFileSync(join(dir, 'express-entry.rounds.track-record.json'), 'utf8')))
      first.child.kill('SIGINT')
      expect(await first.exit).toBe(0)
      // The tracked file is never written: a later git pull of newer data cannot conflict with it.
      expect(readFileSync(shippedRecordPath()).equals(shippedBefore)).toBe(true)
      expect((readRecordFiles(join(dir, 'express-entry.rounds.json')).feed as { rounds: RawRound[] }).rounds).toHaveLength(449)
      // One answer: the CLI, not told which record, reads the copy beside the database too.
      const show = spawnSync(process.execPath, [join(ROOT, 'bin/express-entry.js'), 'rounds', 'show', '448', '--json'], { cwd: dir, env: { ...process.env, EE_DB: env.EE_DB }, encoding: 'utf8' })
      expect(show.status, show.stderr).toBe(0)
      expect(JSON.parse(show.stdout)).toMatchObject({ number: '448', lowestScore: 515 })

      // Second start, refresh off: the pool and the working copy (ahead of the shipped record) are kept, and the feed is not asked.
      const asked = feed.requests()
      const second = await run(['start'], { ...env, EE_REFRESH: 'off' })
      expect(second.lines.some((l) => l.msg === 'demo pool seeded')).toBe(false)
      expect(second.lines.find((l) => l.msg === 'record of rounds kept')).toMatchObject({ rounds: 449, newest: '2026-10-14' })
      expect((await recordOf(second.url)).rounds).toBe(449)
      second.child.kill('SIGTERM')
      expect(await second.exit).toBe(0)
      expect(feed.requests()).toBe(asked)
      expect(second.lines.some((l) => /record of rounds (not )?refreshed/.test(String(l.msg)))).toBe(false)
    } finally {
      await feed.close()
    }
  }, 120_000)

  it('a working copy behind the shipped record (an older version of the product) is made again from it', async () => {
    const folder = mkdtempSync(join(dir, 'behind-'))
    writeFileSync(join(folder, 'express-entry.rounds.json'), upTo437())
    await whileStarted({ EE_REFRESH: 'off' }, async (s) => {
      expect(s.lines.find((l) => l.msg === 'record of rounds copied from the shipped one')).toMatchObject({ because: 'behind', rounds: 448, newest: '2026-10-01' })
      expect((await recordOf(s.url)).rounds).toBe(448)
    }, folder)
  }, 60_000)

  it('EE_ROUNDS_RECORD names a record of your own: made from the shipped one when absent, never replaced by it', async () => {
    const folder = mkdtempSync(join(dir, 'own-'))
    await whileStarted({ EE_REFRESH: 'off', EE_ROUNDS_RECORD: join(folder, 'mine.json') }, async (s) => {
      expect(s.lines.find((l) => l.msg === 'record of rounds copied from the shipped one')).toMatchObject({ record: join(folder, 'mine.json'), because: 'absent' })
      expect((await recordOf(s.url)).rounds).toBe(448)
    }, folder)
    // Behind the shipped one, and kept: it is the operator's.
    writeFileSync(join(folder, 'older.json'), upTo437())
    await whileStarted({ EE_REFRESH: 'off', EE_ROUNDS_RECORD: join(folder, 'older.json') }, async (s) => {
      expect(s.lines.some((l) => String(l.msg).startsWith('record of rounds copied'))).toBe(false)
      expect((await recordOf(s.url)).rounds).toBe(438)
    }, folder)
  }, 60_000)

  it('a refresh that fails is said by GET /v1/rounds (lastFailure), the record unchanged', async () => {
    const failing = createServer((_req, res) => (res.writeHead(503), res.end()))
    await new Promise<void>((done) => failing.listen(0, '127.0.0.1', done))
    try {
      await whileStarted({ EE_FEED_URL: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/feed.json` }, async (s) => {
        await expect.poll(async () => (await recordOf(s.url)).lastFailure?.reason, { timeout: 30_000 }).toBe('HTTP 503 Service Unavailable')
        expect((await recordOf(s.url)).rounds).toBe(448)
        expect((await recordOf(s.url)).lastFailure?.kind).toBe('http')
      })
    } finally {
      failing.closeAllConnections()
      await new Promise<void>((done) => failing.close(() => done()))
    }
  }, 60_000)

  it('a feed that does not answer neither delays the start nor holds the stop', async () => {
    const sockets: Socket[] = []
    const silent = createNetServer((socket) => void sockets.push(socket))
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done))
    const feedUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/feed.json`
    const sub = mkdtempSync(join(dir, 'silent-'))
    const s = await run(['start'], { PORT: '0', HOST: '127.0.0.1', EE_DB: join(sub, 'start.db'), EE_DEMO_POOL_SIZE: '20', EE_FEED_URL: feedUrl })
    try {
      expect((await recordOf(s.url)).rounds).toBe(448)
      await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThan(0)
      const stopAt = Date.now()
      s.child.kill('SIGTERM')
      expect(await s.exit).toBe(0)
      expect(Date.now() - stopAt).toBeLessThan(10_000) // the fetch's own timeout is 30 s
      expect(s.lines.find((l) => l.msg === 'record of rounds not refreshed: could not fetch the rounds feed from ' + feedUrl + ': stopped before the feed answered; the record is unchanged')).toBeDefined()
      // A stop is not a failure of the feed: nothing is noted beside the record.
      expect(JSON.parse(readFileSync(join(sub, 'express-entry.rounds.source.json'), 'utf8')).lastFailure).toBeUndefined()
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((done) => silent.close(() => done()))
    }
  }, 60_000)
})
