/**
 * `express-entry watch`: new rounds from a feed (a local node:http server) POSTed to a webhook (another
 * local server) signed with HMAC-SHA256, retried with backoff, each sent once across restarts (state in a
 * SQLite file), with a personal verdict for a Profile. No test reaches the internet.
 */
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { personalVerdict, watchOnce, type RoundAlertPayload } from '../../src/alerts/watch.js'
import { signBody, verifySignature } from '../../src/alerts/webhook.js'
import { registerWatch } from '../../src/cli/commands/watch.js'
import { factorsOf } from '../../src/crs/factors.js'
import { scoreCrs } from '../../src/crs/score.js'
import type { RawRound } from '../../src/history/feed.js'
import { changesPathFor, loadRecord, loadRounds, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { feedText, readRecordSource, sourcePathFor } from '../../src/history/refresh.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { openStore } from '../../src/store/index.js'
import { runCli } from '../history/cli-helper.js'
import { freshStore, postgresSkipReason } from '../setup/dialects.js'

const ROOT = new URL('../../', import.meta.url).pathname
const PROFILE = join(ROOT, 'examples/profile.json')
const SECRET = 'test-secret-not-for-production'
const run = (...args: string[]) => runCli(registerWatch, ['watch', ...args])

type Feed = { classes: string; rounds: RawRound[] }
const shipped = readRecordFiles(shippedRecordPath()).feed as Feed
const feedBody = JSON.stringify(shipped)
/** IRCC's French feed at /fr (here, `FR ` before each English name), or a 502 while `frenchFails`. */
const frenchBody = JSON.stringify({ ...shipped, rounds: shipped.rounds.map((r) => ({ ...r, drawName: `FR ${r.drawName}` })) })
let frenchFails = false

interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
}
let received: Received[] = []
/** Status codes the webhook answers in turn (then 204). */
let answers: number[] = []
/** How long the webhook takes to answer (ms). */
let hookDelayMs = 0
let feedServer: Server
let hookServer: Server
let feedUrl = ''
let hookUrl = ''

beforeAll(async () => {
  feedServer = createServer((req, res) => {
    if (req.url === '/fr') return void (frenchFails ? (res.writeHead(502), res.end()) : (res.writeHead(200, { 'content-type': 'application/json' }), res.end(frenchBody)))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(feedBody)
  })
  hookServer = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const status = answers.shift() ?? 204
      if (status < 300) received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      setTimeout(() => (res.writeHead(status), res.end()), hookDelayMs)
    })
  })
  for (const s of [feedServer, hookServer]) await new Promise<void>((done) => s.listen(0, '127.0.0.1', done))
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/ee_rounds_123_en.json`
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/ee`
})
afterAll(async () => {
  for (const s of [feedServer, hookServer]) {
    s.closeAllConnections()
    await new Promise<void>((done) => s.close(() => done()))
  }
})

let dir = ''
let record = ''
let db = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ee-watch-'))
  record = join(dir, 'ee-rounds.json')
  // The record as it stood before rounds 438-447.
  writeFileSync(record, feedText({ ...shipped, rounds: shipped.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) }))
  writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
  db = join(dir, 'alerts.db')
  received = []
  answers = []
  hookDelayMs = 0
  frenchFails = false
  process.env.EE_WEBHOOK_SECRET = SECRET
})
afterEach(() => {
  delete process.env.EE_WEBHOOK_SECRET
})

const NEW = ['438', '439', '440', '441', '442', '443', '444', '445', '446', '447']

describe('express-entry watch --webhook', () => {
  it('POSTs each new round as signed JSON, oldest first; a second run (a restart) sends none again', async () => {
    const first = await run('--url', feedUrl, '--record', record, '--db', db, '--webhook', hookUrl)
    expect(first.code).toBe(0)
    // The baseline is said first, in words, so the rounds sent read as those added since.
    const lines = first.stdout.split('\n')
    expect(lines[0]).toBe(`First check of the webhook ${hookUrl}: the 438 rounds already in the record are taken as seen (not sent); rounds added after them are sent`)
    expect(lines[1]).toMatch(/^New round #438 /)
    expect(first.stdout).toContain('New round #447 2026-10-01: Trades Occupations, 2026-Version 3: 3,500 invited, lowest CRS 476, tie-break 2026-05-28T16:55:23Z')
    expect(received.map((r) => (JSON.parse(r.body) as RoundAlertPayload).round.number)).toEqual(NEW)
    for (const r of received) {
      // The signature a receiver computes itself: HMAC-SHA256 of the exact body with the shared secret.
      const expected = `sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`
      expect(r.headers['x-ee-signature']).toBe(expected)
      expect(verifySignature(r.body, SECRET, r.headers['x-ee-signature'] as string)).toBe(true)
      expect(verifySignature(r.body, 'another secret', r.headers['x-ee-signature'] as string)).toBe(false)
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['x-ee-delivery']).toMatch(/#\d+$/)
    }
    const last = JSON.parse(received.at(-1)!.body) as RoundAlertPayload
    expect(last).toEqual({
      event: 'round.published',
      round: { number: '447', date: '2026-10-01', at: '2026-10-01T12:00:00Z', label: 'Trades Occupations, 2026-Version 3', type: 'category', categoryId: 'trade-2026', size: 3500, lowestScore: 476, tieBreakCutoff: '2026-05-28T16:55:23Z', summary: 'category round (trade-2026): 3,500 invitations, lowest CRS 476, tie-break 2026-05-28T16:55:23Z' },
    })

    const second = await run('--url', feedUrl, '--record', record, '--db', db, '--webhook', hookUrl)
    expect(second.code).toBe(0)
    expect(second.stdout).toBe('No new round\n')
    expect(received).toHaveLength(10)
  })

  it('retries with backoff (503, 503, then 200) and sends the round once', async () => {
    answers = [503, 503]
    const store = await openStore(db)
    const sleeps: number[] = []
    try {
      const result = await watchOnce({ store, recordPath: record, url: feedUrl, webhook: { url: hookUrl, secret: SECRET, backoffMs: 100, sleep: async (ms) => void sleeps.push(ms) } })
      expect(result.failed).toBeNull()
      expect(result.sent.map((a) => a.round.number)).toEqual(NEW)
      expect(sleeps).toEqual([100, 200])
      expect(received.map((r) => (JSON.parse(r.body) as RoundAlertPayload).round.number)).toEqual(NEW)
    } finally {
      await store.close()
    }
  })

  it('a webhook that keeps failing: nothing recorded as sent, exit 1; the next check delivers every round once', async () => {
    answers = [500, 500, 500]
    const failed = await run('--url', feedUrl, '--record', record, '--db', db, '--webhook', hookUrl, '--retries', '2')
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/Round #438 not delivered after 3 attempt\(s\) \(HTTP 500\)/)
    expect(received).toHaveLength(0)
    const again = await run('--url', feedUrl, '--record', record, '--db', db, '--webhook', hookUrl)
    expect(again.code).toBe(0)
    expect(received.map((r) => (JSON.parse(r.body) as RoundAlertPayload).round.number)).toEqual(NEW)
  }, 15_000)

  // Two processes at once: on PostgreSQL two stores in this process are two connections, as two processes
  // would hold (two SQLite connections in one process would block each other: better-sqlite3 waits
  // synchronously). Without the claim, both runs read "not sent" and both send.
  it.skipIf(postgresSkipReason() !== null)('two checks of one channel at once (a cron run that lasts into the next): each round is sent once (PostgreSQL)', async () => {
    hookDelayMs = 40
    const t = await freshStore('postgres')
    const stores = [t.store, await openStore(t.target)]
    try {
      const results = await Promise.all(stores.map((store) => watchOnce({ store, recordPath: record, url: feedUrl, webhook: { url: hookUrl, secret: SECRET, sleep: async () => undefined } })))
      const numbers = received.map((r) => (JSON.parse(r.body) as RoundAlertPayload).round.number)
      expect(numbers.sort()).toEqual(NEW)
      // Between them the two runs sent each round once, and both say so.
      expect(results.flatMap((r) => r.sent.map((a) => a.round.number)).sort()).toEqual(NEW)
      const rows = await stores[0]!.db.selectFrom('round_alert').select(['round_number', 'status']).where('round_number', 'in', NEW).execute()
      expect(rows.map((r) => r.status)).toEqual(NEW.map(() => 'sent'))
    } finally {
      await stores[1]!.close()
      await t.cleanup()
    }
  }, 60_000)

  it("a round claimed by a run that died mid-send is sent by the next check once the claim is stale, not before", async () => {
    const store = await openStore(db)
    try {
      const at = new Date('2026-12-01T12:00:00Z')
      // The channel's first check: the baseline, then the rounds not delivered (the webhook refuses: 410).
      answers = [410]
      await watchOnce({ store, recordPath: record, url: feedUrl, webhook: { url: hookUrl, secret: SECRET, sleep: async () => undefined }, now: () => at })
      const channel = `webhook:${hookUrl}`
      // A run claimed 438 and died before delivering it.
      await store.db.insertInto('round_alert').values({ channel, round_number: '438', round_date: '2026-08-31', status: 'sending', sent_at: '2026-12-01T11:55:00Z' }).execute()
      received = []
      const soon = await watchOnce({ store, recordPath: record, refresh: false, webhook: { url: hookUrl, secret: SECRET, sleep: async () => undefined }, now: () => at })
      expect(soon.sent.map((a) => a.round.number)).toEqual(NEW.slice(1))
      const later = await watchOnce({ store, recordPath: record, refresh: false, webhook: { url: hookUrl, secret: SECRET, sleep: async () => undefined }, now: () => new Date('2026-12-01T12:06:00Z') })
      expect(later.sent.map((a) => a.round.number)).toEqual(['438'])
      expect(received.map((r) => (JSON.parse(r.body) as RoundAlertPayload).round.number).sort()).toEqual(NEW)
    } finally {
      await store.close()
    }
  })

  it("with IRCC's French feed (--french-url): its labels are kept beside the record and each alert carries its labelFr", async () => {
    const frenchUrl = feedUrl.replace(/\/[^/]*$/, '/fr')
    const r = await run('--url', feedUrl, '--french-url', frenchUrl, '--record', record, '--db', db, '--json')
    expect(r.code).toBe(0)
    const alerts = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as RoundAlertPayload)
    expect(alerts.map((a) => a.round.labelFr)).toEqual(NEW.map((n) => `FR ${shipped.rounds.find((x) => x.drawNumber.trim() === n)!.drawName.trim()}`))
  })

  it('a French feed that fails is said; the English record is refreshed and its rounds still go; the next check brings the labels, though the English feed is unchanged', async () => {
    const frenchUrl = feedUrl.replace(/\/[^/]*$/, '/fr')
    frenchFails = true
    const store = await openStore(db)
    try {
      const first = await watchOnce({ store, recordPath: record, url: feedUrl, frenchUrl })
      expect(first.frenchError).toMatch(/502/)
      expect(first.sent.map((a) => a.round.number)).toEqual(NEW)
      expect(first.sent.every((a) => a.round.labelFr === undefined)).toBe(true)
      expect((await run('--url', feedUrl, '--french-url', frenchUrl, '--record', record, '--db', join(dir, 'other.db'))).stdout).toContain('French labels not refreshed (the English record is): ')
      frenchFails = false
      const second = await watchOnce({ store, recordPath: record, url: feedUrl, frenchUrl })
      expect(second.frenchError).toBeNull()
      expect(second.sent).toEqual([])
      expect(loadRecord(record).rounds.find((x) => x.number === '447')!.labelFr).toMatch(/^FR /)
    } finally {
      await store.close()
    }
  })

  it('a 4xx answer is final (no retry)', async () => {
    answers = [410]
    const store = await openStore(db)
    try {
      const result = await watchOnce({ store, recordPath: record, url: feedUrl, webhook: { url: hookUrl, secret: SECRET, sleep: async () => undefined } })
      expect(result.failed).toMatchObject({ number: '438', delivery: { ok: false, attempts: 1, status: 410 } })
    } finally {
      await store.close()
    }
  })

  it('a feed that cannot be read: exit 1, the record unchanged, and rounds not yet sent still go', async () => {
    const text = readFileSync(record, 'utf8')
    const r = await run('--url', 'http://127.0.0.1:9/feed.json', '--record', record, '--db', db, '--webhook', hookUrl)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('Feed not read:')
    expect(readFileSync(record, 'utf8')).toBe(text)
  })

  it('a failed check of the feed is noted beside the record (lastFailure, as the server notes it); the next check that works clears it', async () => {
    writeFileSync(sourcePathFor(record), JSON.stringify({ source: feedUrl, refreshedAt: '2026-11-01T00:00:00Z' }))
    const failed = await run('--url', 'http://127.0.0.1:9/feed.json', '--record', record, '--db', db)
    expect(failed.code).toBe(1)
    expect(readRecordSource(record)!.lastFailure).toMatchObject({ reason: expect.stringMatching(/^network error/), kind: 'unreachable' })
    expect(readRecordSource(record)!.refreshedAt).toBe('2026-11-01T00:00:00Z')
    expect((await run('--url', feedUrl, '--record', record, '--db', db)).code).toBe(0)
    expect(readRecordSource(record)!.lastFailure).toBeUndefined()
  })

  it('bad input is exit 2: --webhook without EE_WEBHOOK_SECRET, a URL that is not http(s), a profile that is not one', async () => {
    delete process.env.EE_WEBHOOK_SECRET
    expect((await run('--url', feedUrl, '--record', record, '--db', db, '--webhook', hookUrl)).stderr).toContain('EE_WEBHOOK_SECRET')
    process.env.EE_WEBHOOK_SECRET = SECRET
    expect((await run('--url', 'file:///etc/passwd', '--record', record, '--db', db)).code).toBe(2)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ id: 'x', dateOfBirth: 'yesterday' }))
    const r = await run('--url', feedUrl, '--record', record, '--db', db, '--profile', bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('dateOfBirth')
  })
})

describe('express-entry watch --profile: a personal verdict per new round', () => {
  it('the example profile (CEC, 556 points): invited in the CEC rounds 439, 443, 446 with its margin; not eligible for the others', async () => {
    const r = await run('--url', feedUrl, '--record', record, '--db', db, '--profile', PROFILE, '--json')
    expect(r.code).toBe(0)
    const alerts = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as RoundAlertPayload)
    expect(alerts.map((a) => [a.round.number, a.personal!.wouldHaveBeenInvited, a.personal!.margin])).toEqual([
      ['438', false, 556 - 697],
      ['439', true, 556 - 521],
      ['440', false, 556 - 198],
      ['441', false, 556 - 475],
      ['442', false, 556 - 734],
      ['443', true, 556 - 519],
      ['444', false, 556 - 389],
      ['445', false, 556 - 725],
      ['446', true, 556 - 518],
      ['447', false, 556 - 476],
    ])
    expect(alerts[8]!.personal).toMatchObject({ profileId: 'example-1', outcome: 'invited', eligible: true, score: 556, lowestScore: 518 })
    expect(alerts[9]!.personal).toMatchObject({ outcome: 'not-eligible', eligible: false })
    // The human form says it in words.
    const other = join(dir, 'other.json')
    writeFileSync(other, feedText({ ...shipped, rounds: shipped.rounds.filter((x) => Number.parseInt(x.drawNumber, 10) <= 437) }))
    const human = await run('--url', feedUrl, '--record', other, '--db', join(dir, 'other.db'), '--profile', PROFILE)
    expect(human.stdout).toContain('New round #446 2026-09-29: Canadian Experience Class: 2,000 invited, lowest CRS 518')
    expect(human.stdout).toMatch(/example-1: would have invited you \(score 556, 38 above the lowest score; /)
    expect(human.stdout).toMatch(/example-1: would not have invited you \(score 556, 80 above the lowest score; not eligible: trade-2026/)
  })

  it('the score is the library\'s score on the round date', () => {
    const profile = profileSchema.parse(JSON.parse(readFileSync(PROFILE, 'utf8')))
    const round = loadRounds().find((x) => x.number === '446')!
    expect(personalVerdict(profile, round).score).toBe(scoreCrs(factorsOf(profile, round.date), round.date).total)
  })

  it.each([
    // A tie at the lowest score is decided by the tie-break: submitted 2025-09-15T14:03:11Z.
    ['2025-09-15T14:03:11Z', true, 'invited'],
    ['2025-09-15T14:03:10Z', false, 'lost-tie-break'],
    [null, null, 'unknown'],
  ] as const)('a tie at 556 with tie-break %s: %s', (tieBreakCutoff, would, outcome) => {
    const profile = profileSchema.parse(JSON.parse(readFileSync(PROFILE, 'utf8')))
    const round = { ...loadRounds().find((x) => x.number === '446')!, lowestScore: 556, tieBreakCutoff }
    expect(personalVerdict(profile, round)).toMatchObject({ wouldHaveBeenInvited: would, outcome, margin: 0 })
  })
})

describe('signBody', () => {
  it('is sha256=<hex> of the body', () => {
    expect(signBody('{"a":1}', 'k')).toBe(`sha256=${createHmac('sha256', 'k').update('{"a":1}').digest('hex')}`)
  })
})
