/**
 * `rounds update --url` against a local HTTP server (node:http) serving copies of the feed: new rounds,
 * edited past rounds, conditional requests, and every failure leaving the record whole. No test reaches
 * the internet.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerRounds } from '../../src/cli/commands/rounds.js'
import type { RawRound } from '../../src/history/feed.js'
import { changesPathFor, loadRecord, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { applyFeed, decodeFeed, feedText, lockPathFor, fetchFeed, FeedFetchError, noteRefreshFailure, parsePeriod, refreshFailureOf, readRecordSource, refreshRecord, sourcePathFor } from '../../src/history/refresh.js'
import { runCli } from './cli-helper.js'

const run = (...args: string[]) => runCli(registerRounds, ['rounds', ...args])

type Feed = { classes: string; rounds: RawRound[] }
const shipped = readRecordFiles(shippedRecordPath()).feed as Feed
const upTo437 = (): Feed => ({ ...structuredClone(shipped), rounds: structuredClone(shipped.rounds).filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) })

/** What the server answers next; each test sets it. */
let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end()
const requests: IncomingMessage[] = []
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req)
    handler(req, res)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((done) => server.close(() => done()))
})

/** Serves `body` as JSON with an ETag, answering 304 to a matching If-None-Match. */
function serveFeed(body: string, lastModified = 'Thu, 01 Oct 2026 16:00:00 GMT'): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
  handler = (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag })
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json', etag, 'last-modified': lastModified, 'content-length': Buffer.byteLength(body) })
    res.end(body)
  }
}

let dir = ''
let record = ''
/** The files of the record, to check a failure left them whole. */
const snapshot = () => [record, changesPathFor(record), sourcePathFor(record)].map((p) => (existsSync(p) ? readFileSync(p, 'utf8') : null))

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ee-refresh-'))
  record = join(dir, 'ee-rounds.json')
  writeFileSync(record, feedText(upTo437()))
  writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
  requests.length = 0
})

/** IRCC's feed now: the shipped one (to 447), with round 437's cut-off edited. */
function newerFeed(): Feed {
  const feed = structuredClone(shipped)
  feed.rounds.find((r) => r.drawNumber === '437')!.drawCutOff = 'March 01, 2026 at 18:34:06 UTC'
  return feed
}

describe('rounds update --url (a local server)', () => {
  it('adds the new rounds, reports the edited past round (field, old, new), stores the ETag; the next run is a 304 that changes nothing', async () => {
    serveFeed(JSON.stringify(newerFeed()))
    const first = await run('update', '--url', `${base}/ee_rounds_123_en.json`, '--record', record, '--json')
    expect(first.code).toBe(0)
    const report = JSON.parse(first.stdout)
    expect(report).toMatchObject({ written: true, notModified: false, rounds: 448, source: `${base}/ee_rounds_123_en.json`, unknownLabels: [] })
    expect(report.added.map((r: { number: string }) => r.number)).toEqual(['438', '439', '440', '441', '442', '443', '444', '445', '446', '447'])
    expect(report.added.at(-1)).toMatchObject({ number: '447', label: 'Trades Occupations, 2026-Version 3', size: 3500, lowestScore: 476, tieBreakCutoff: '2026-05-28T16:55:23Z' })
    expect(report.changed).toEqual([{ number: '437', field: 'drawCutOff', old: 'March 1, 2026 at 18:34:05 UTC', new: 'March 01, 2026 at 18:34:06 UTC' }])
    expect(loadRecord(record).rounds.at(-1)!.number).toBe('447')
    expect(readRecordSource(record)).toMatchObject({ source: `${base}/ee_rounds_123_en.json`, etag: expect.stringMatching(/^"/), lastModified: 'Thu, 01 Oct 2026 16:00:00 GMT' })
    // The edit is in the change history, with where and when it was seen.
    const history = JSON.parse(readFileSync(changesPathFor(record), 'utf8')) as { changes: { drawNumber: string; field: string; new_source?: string }[] }
    expect(history.changes.at(-1)).toMatchObject({ drawNumber: '437', field: 'drawCutOff', new_source: `${base}/ee_rounds_123_en.json` })

    const before = snapshot()[0]
    const second = await run('update', '--url', `${base}/ee_rounds_123_en.json`, '--record', record)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('answered 304 Not Modified')
    expect(requests.at(-1)!.headers['if-none-match']).toBe(readRecordSource(record)!.etag)
    expect(requests.at(-1)!.headers['if-modified-since']).toBe('Thu, 01 Oct 2026 16:00:00 GMT')
    expect(snapshot()[0]).toBe(before)
  })

  it("says how current the record is: a feed seen whole is current to that instant (200 or 304); a file, to its newest round at least", async () => {
    serveFeed(JSON.stringify(newerFeed()))
    const fixed = (iso: string) => () => new Date(iso)
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-29T08:00:00Z') })
    expect(readRecordSource(record)!.currentAsOf).toBe('2026-11-29T08:00:00Z')
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-30T08:00:00Z') })
    expect(requests.at(-1)!.headers['if-none-match']).toBeDefined()
    expect(readRecordSource(record)!.currentAsOf).toBe('2026-11-30T08:00:00Z')
    // A file adds nothing newer: the feed seen on 2026-11-30 still says the most.
    const file = join(dir, 'copy.json')
    writeFileSync(file, JSON.stringify(upTo437()))
    expect((await run('update', file, '--record', record)).code).toBe(0)
    expect(readRecordSource(record)!.currentAsOf).toBe('2026-11-30T08:00:00Z')
    // A record updated from a file alone is current at least to its newest round.
    const other = join(dir, 'other.json')
    writeFileSync(other, feedText(upTo437()))
    writeFileSync(join(dir, 'newer.json'), JSON.stringify(newerFeed()))
    expect((await run('update', join(dir, 'newer.json'), '--record', other)).code).toBe(0)
    expect(readRecordSource(other)!.currentAsOf).toBe('2026-10-01T00:00:00Z')
  })

  it('a feed seen whole but older than the record (a cache lacking its newest rounds) does not make the record current to the instant it was fetched', async () => {
    const fixed = (iso: string) => () => new Date(iso)
    serveFeed(JSON.stringify(newerFeed()))
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-29T08:00:00Z') })
    expect(readRecordSource(record)!.currentAsOf).toBe('2026-11-29T08:00:00Z')
    // The same feed without rounds 446 and 447, as an old copy would be.
    const stale = newerFeed()
    serveFeed(JSON.stringify({ ...stale, rounds: stale.rounds.filter((r: { drawNumber: string }) => Number.parseInt(r.drawNumber, 10) < 446) }))
    const report = await refreshRecord(record, { url: `${base}/stale.json`, now: fixed('2026-11-30T08:00:00Z') })
    expect(report.missing).toEqual(['446', '447'])
    expect(readRecordSource(record)).toMatchObject({ currentAsOf: '2026-11-29T08:00:00Z', refreshedAt: '2026-11-30T08:00:00Z' })
    expect(loadRecord(record).rounds.at(-1)!.number).toBe('447')
    // Whole again: current to the instant it was seen.
    serveFeed(JSON.stringify(newerFeed()))
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-12-01T08:00:00Z') })
    expect(readRecordSource(record)!.currentAsOf).toBe('2026-12-01T08:00:00Z')
  })

  it('a failed scheduled refresh is noted beside the record (lastFailure), and the next one that works, 200 or 304, clears it', async () => {
    serveFeed(JSON.stringify(newerFeed()))
    const fixed = (iso: string) => () => new Date(iso)
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-29T08:00:00Z') })
    const records = () => [readFileSync(record, 'utf8'), readFileSync(changesPathFor(record), 'utf8')]
    const before = records()
    await noteRefreshFailure(record, new FeedFetchError(`${base}/feed.json`, 'HTTP 503 Service Unavailable', 'http'), fixed('2026-11-29T14:00:00Z'))
    expect(readRecordSource(record)).toMatchObject({ refreshedAt: '2026-11-29T08:00:00Z', lastFailure: { at: '2026-11-29T14:00:00Z', reason: 'HTTP 503 Service Unavailable', kind: 'http' } })
    expect(records()).toEqual(before)
    // 304: the feed answered, nothing new.
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-29T20:00:00Z') })
    expect(readRecordSource(record)).toMatchObject({ refreshedAt: '2026-11-29T20:00:00Z' })
    expect(readRecordSource(record)!.lastFailure).toBeUndefined()
    // 200 with a new feed.
    await noteRefreshFailure(record, 'network error', fixed('2026-11-30T02:00:00Z'))
    serveFeed(JSON.stringify({ ...newerFeed(), classes: 'changed' }))
    await refreshRecord(record, { url: `${base}/feed.json`, now: fixed('2026-11-30T08:00:00Z') })
    expect(readRecordSource(record)!.lastFailure).toBeUndefined()
    // A record with no source file: nothing to note it against.
    const bare = join(dir, 'bare.json')
    writeFileSync(bare, feedText(upTo437()))
    await noteRefreshFailure(bare, 'network error')
    expect(existsSync(sourcePathFor(bare))).toBe(false)
  })

  it('the human report lists new rounds and edited ones', async () => {
    serveFeed(JSON.stringify(newerFeed()))
    const { code, stdout } = await run('update', '--url', `${base}/feed.json`, '--record', record)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Updated .* \(448 rounds\) from http/)
    expect(stdout).toContain('#447  2026-10-01  Trades Occupations, 2026-Version 3  3,500 invited, lowest 476, tie-break 2026-05-28T16:55:23Z')
    expect(stdout).toContain('#437 drawCutOff: "March 1, 2026 at 18:34:05 UTC" -> "March 01, 2026 at 18:34:06 UTC"')
  })

  it('a label never seen before (a 2027 category) is kept as a category round of unknown version, and reported', async () => {
    const feed = newerFeed()
    feed.rounds.unshift({ ...structuredClone(feed.rounds[0]!), drawNumber: '448', drawDate: '2027-03-04', drawDateFull: 'March 4, 2027', drawName: 'STEM occupations, 2027-Version 1', drawSize: '1,500', drawCRS: '481', drawCutOff: 'January 12, 2027 at 10:00:00 UTC', drawDistributionAsOn: 'March 1, 2027' })
    feed.rounds.unshift({ ...structuredClone(feed.rounds[0]!), drawNumber: '449', drawDate: '2027-03-05', drawDateFull: 'March 5, 2027', drawName: 'Agricultural engineers, 2027-Version 1', drawSize: '300', drawCRS: '455' })
    serveFeed(JSON.stringify(feed))
    const { code, stdout } = await run('update', '--url', `${base}/feed.json`, '--record', record, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.unknownLabels).toEqual([
      { number: '448', date: '2027-03-04', label: 'STEM occupations, 2027-Version 1' },
      { number: '449', date: '2027-03-05', label: 'Agricultural engineers, 2027-Version 1' },
    ])
    const kept = loadRecord(record).rounds.find((r) => r.number === '448')!
    expect(kept).toMatchObject({ type: 'category', categoryId: null, categoryVersion: null, size: 1500, lowestScore: 481 })
    const human = await run('update', '--url', `${base}/feed.json`, '--record', join(dir, 'other.json'))
    expect(human.stdout).toContain('New label: #448 2027-03-04 "STEM occupations, 2027-Version 1" names a category this version does not know')
  })

  it("--french-url keeps IRCC's French labels beside the record; the API and rounds show --json carry them; a bad French feed leaves the English update and the old labels", async () => {
    const english = JSON.stringify(newerFeed())
    const frenchFeed = newerFeed()
    for (const r of frenchFeed.rounds) if (r.drawNumber === '447') r.drawName = 'Métiers, 2026-Version 3'
    const french = JSON.stringify(frenchFeed)
    handler = (req, res) => {
      const body = req.url === '/fr.json' ? french : english
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    }
    const r = await run('update', '--url', `${base}/en.json`, '--french-url', `${base}/fr.json`, '--record', record)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('French labels of 448 rounds kept')
    expect(loadRecord(record).rounds.find((x) => x.number === '447')).toMatchObject({ label: 'Trades Occupations, 2026-Version 3', labelFr: 'Métiers, 2026-Version 3' })
    expect(JSON.parse((await runCli(registerRounds, ['rounds', 'show', '447', '--record', record, '--json'])).stdout).label).toBe('Trades Occupations, 2026-Version 3')

    handler = (req, res) => (req.url === '/fr.json' ? (res.writeHead(200), res.end('{"oops"')) : (res.writeHead(200, { 'content-type': 'application/json' }), res.end(english)))
    const bad = await run('update', '--url', `${base}/en.json`, '--french-url', `${base}/fr.json`, '--record', record)
    expect(bad.code).toBe(0)
    expect(bad.stderr).toContain('French labels not updated')
    expect(loadRecord(record).rounds.find((x) => x.number === '447')!.labelFr).toBe('Métiers, 2026-Version 3')
  })

  it.each([
    ['UTF-8, as served from October 2026', (text: string) => Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte-order mark', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['Windows-1252, as served in September 2026', (text: string) => Buffer.from(text, 'latin1')],
  ])('a French feed with no charset, in %s, keeps its accents', async (_, encode) => {
    const frenchFeed = newerFeed()
    for (const r of frenchFeed.rounds) if (r.drawNumber === '447') r.drawName = 'Métiers spécialisés, 2026-Version 3'
    const body = encode(JSON.stringify(frenchFeed))
    handler = (req, res) => {
      const english = JSON.stringify(newerFeed())
      if (req.url === '/fr.json') res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body)
      else res.writeHead(200, { 'content-type': 'application/json' }).end(english)
    }
    expect((await run('update', '--url', `${base}/en.json`, '--french-url', `${base}/fr.json`, '--record', record)).code).toBe(0)
    expect(loadRecord(record).rounds.find((x) => x.number === '447')!.labelFr).toBe('Métiers spécialisés, 2026-Version 3')
  })

  it.each([
    ['valid UTF-8', Buffer.from('« Métiers » – 2026', 'utf8'), null, '« Métiers » – 2026'],
    ['Windows-1252 (é is 0xE9, the dash 0x96, « 0xAB)', Buffer.from([0xab, 0x20, 0x4d, 0xe9, 0x74, 0x69, 0x65, 0x72, 0x73, 0x20, 0xbb, 0x20, 0x96, 0x20, 0x32, 0x30, 0x32, 0x36]), null, '« Métiers » – 2026'],
    ['Windows-1252 (’ is 0x92, œ 0x9C, € 0x80)', Buffer.from([0x64, 0x92, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x80]), null, 'd’œuvre €'],
    ['a charset the answer declares', Buffer.from([0x4d, 0xe9, 0x74, 0x69, 0x65, 0x72, 0x73]), 'application/json; charset=ISO-8859-1', 'Métiers'],
  ])('decodeFeed: %s', (_, bytes, contentType, text) => {
    expect(decodeFeed(bytes, contentType)).toBe(text)
  })

  const failures: [string, () => void, string[], RegExp][] = [
    ['HTTP 500', () => (handler = (_req, res) => (res.writeHead(500), res.end('oops'))), [], /HTTP 500/],
    ['a timeout', () => (handler = () => undefined), ['--timeout', '1'], /no answer within 1000 ms/],
    [
      'a truncated body',
      () =>
        (handler = (_req, res) => {
          const body = JSON.stringify(newerFeed())
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
          res.write(body.slice(0, 5000))
          setTimeout(() => res.socket?.destroy(), 20)
        }),
      [],
      /cut short/,
    ],
    ['malformed JSON', () => (handler = (_req, res) => (res.writeHead(200, { 'content-type': 'application/json' }), res.end('{"rounds": [ {"drawNumber": "448",'))), [], /not valid JSON/],
    ['an HTML error page served with 200', () => (handler = (_req, res) => (res.writeHead(200, { 'content-type': 'text/html' }), res.end('<!DOCTYPE html><html><head><title>Service unavailable - Canada.ca</title></head><body>Try later</body></html>'))), [], /the answer is an HTML page \(text\/html\), not the JSON feed: "Service unavailable - Canada.ca"/],
    ['a body over the size limit', () => serveFeed(JSON.stringify(newerFeed())), ['--max-bytes', '100000'], /over the limit of 100000/],
    ['a server that is not there', () => undefined, ['--url', 'http://127.0.0.1:9/feed.json'], /network error/],
  ]
  it.each(failures)('%s: exit 1, a clear message, the record whole', async (_name, setup, extra, message) => {
    setup()
    const before = snapshot()
    const args = extra.includes('--url') ? extra : ['--url', `${base}/feed.json`, ...extra]
    const { code, stderr } = await run('update', ...args, '--record', record)
    expect(code).toBe(1)
    expect(stderr).toMatch(message)
    expect(stderr).toContain('the record is unchanged')
    expect(snapshot()).toEqual(before)
  }, 10_000)

  it('a feed with an unreadable value anywhere is refused whole (exit 2, the field named), the record whole', async () => {
    const feed = newerFeed()
    feed.rounds.find((r) => r.drawNumber === '12')!.drawCRS = 'n/a'
    serveFeed(JSON.stringify(feed))
    const before = snapshot()
    const { code, stderr } = await run('update', '--url', `${base}/feed.json`, '--record', record)
    expect(code).toBe(2)
    expect(stderr).toMatch(/rounds\.\d+\.drawCRS/)
    expect(snapshot()).toEqual(before)
  })

  it('a JSON answer that is not a feed is refused (exit 2), the record whole', async () => {
    serveFeed(JSON.stringify({ message: 'maintenance' }))
    const before = snapshot()
    const { code, stderr } = await run('update', '--url', `${base}/feed.json`, '--record', record)
    expect(code).toBe(2)
    expect(stderr).toContain('rounds')
    expect(snapshot()).toEqual(before)
  })

  it('bad options are bad input (exit 2): a URL that is not http(s), a file and --url together', async () => {
    expect((await run('update', '--url', 'ftp://example.org/feed.json', '--record', record)).code).toBe(2)
    expect((await run('update', 'feed.json', '--url', `${base}/feed.json`, '--record', record)).code).toBe(2)
    expect((await run('update', '--url', `${base}/feed.json`, '--timeout', '0', '--record', record)).code).toBe(2)
  })
})

describe('the library', () => {
  it('fetchFeed sends no conditional headers on a first fetch and reads a 200', async () => {
    serveFeed('{"rounds":[]}')
    const r = await fetchFeed(`${base}/f.json`)
    expect(r).toMatchObject({ status: 'ok', feed: { rounds: [] } })
    expect(requests.at(-1)!.headers['if-none-match']).toBeUndefined()
  })

  it('a gzip-compressed answer (Content-Length the compressed size, as a CDN sends it) is read whole; one cut short is refused', async () => {
    const text = JSON.stringify(newerFeed())
    const zipped = gzipSync(Buffer.from(text))
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length }).end(zipped)
    const report = await refreshRecord(record, { url: `${base}/gz.json` })
    expect(requests.at(-1)!.headers['accept-encoding']).toMatch(/gzip/)
    expect(report).toMatchObject({ written: true, rounds: 448 })
    expect(report.added).toHaveLength(10)

    const before = snapshot()
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length })
      res.write(zipped.subarray(0, 2000))
      setTimeout(() => res.socket?.destroy(), 20)
    }
    await expect(refreshRecord(record, { url: `${base}/gz-cut.json` })).rejects.toThrow(/cut short/)
    expect(snapshot()).toEqual(before)
  })

  it('two refreshes of one record at once (the server and watch) merge one after the other: no round lost, no change recorded twice, no lock or temporary file left', async () => {
    const withRound = (n: string, date: string): Feed => {
      const feed = newerFeed()
      feed.rounds.unshift({ ...structuredClone(feed.rounds[0]!), drawNumber: n, drawDate: date, drawDateFull: date, drawName: 'Canadian Experience Class', drawSize: '2,000', drawCRS: '515' })
      return feed
    }
    // Each brings a round the other lacks (a round missing from a feed is kept: merged one after the other, both stay).
    const a = withRound('448', '2026-10-14')
    const b = withRound('449', '2026-10-15')
    await Promise.all([applyFeed(record, a, 'a'), applyFeed(record, b, 'b')])
    expect(loadRecord(record).rounds.slice(-3).map((r) => r.number)).toEqual(['447', '448', '449'])
    const history = JSON.parse(readFileSync(changesPathFor(record), 'utf8')) as { changes: { drawNumber: string; field: string; new: string }[] }
    expect(history.changes.filter((c) => c.drawNumber === '437' && c.field === 'drawCutOff' && c.new === 'March 01, 2026 at 18:34:06 UTC')).toHaveLength(1)
    expect(readdirSync(dir).filter((f) => /\.(lock|tmp)$/.test(f))).toEqual([])
  })

  it('a lock left by a process that died is taken over; one held by a live process is waited for', async () => {
    writeFileSync(lockPathFor(record), '999999999 2026-11-30T00:00:00Z\n')
    serveFeed(JSON.stringify(newerFeed()))
    expect((await refreshRecord(record, { url: `${base}/f.json` })).added).toHaveLength(10)
    expect(existsSync(lockPathFor(record))).toBe(false)
    // Held by a live process (this one's parent) for 300 ms: the note waits, then goes in.
    const { unlinkSync } = await import('node:fs')
    writeFileSync(lockPathFor(record), `${process.ppid} now\n`)
    const started = Date.now()
    setTimeout(() => unlinkSync(lockPathFor(record)), 300)
    await noteRefreshFailure(record, new FeedFetchError(`${base}/f.json`, 'HTTP 503', 'http'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(readRecordSource(record)!.lastFailure!.reason).toBe('HTTP 503')
  })

  // The kind lets a page say the failure in its reader's language; the reason keeps the English details.
  it.each<[string, string, RegExp, () => void]>([
    ['an HTTP error', 'http', /^HTTP 503/, () => (handler = (_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down'))],
    ['an HTML page with 200', 'not_feed', /HTML page/, () => (handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>Maintenance</title></html>'))],
    ['JSON that is not the feed', 'refused', /./, () => (handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"rounds": []}'))],
    [
      'an answer cut short',
      'cut_short',
      /cut short/,
      () =>
        (handler = (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' })
          res.write('{"rounds": [')
          setTimeout(() => res.socket?.destroy(), 20)
        }),
    ],
    ['no answer in time', 'timeout', /no answer within/, () => (handler = () => undefined)],
  ])('a refresh that meets %s fails with kind %s, noted beside the record', async (_name, kind, reason, serve) => {
    serveFeed(JSON.stringify(newerFeed()))
    await refreshRecord(record, { url: `${base}/f.json` })
    serve()
    const failure = await refreshRecord(record, { url: `${base}/f.json`, timeoutMs: 500 }).then(() => null, (e: unknown) => e)
    expect(failure).not.toBeNull()
    expect(refreshFailureOf(failure)).toMatchObject({ kind, reason: expect.stringMatching(reason) })
    await noteRefreshFailure(record, failure)
    expect(readRecordSource(record)!.lastFailure).toMatchObject({ kind, reason: expect.stringMatching(reason) })
  })

  it('a feed nobody answers at fails with kind unreachable', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((done) => closed.close(() => done()))
    const failure = await refreshRecord(record, { url: `http://127.0.0.1:${port}/f.json` }).then(() => null, (e: unknown) => e)
    expect(refreshFailureOf(failure)).toMatchObject({ kind: 'unreachable', reason: expect.stringMatching(/^network error/) })
  })

  it('refreshRecord with --dry-run fetches and reports but writes nothing', async () => {
    serveFeed(JSON.stringify(newerFeed()))
    const before = snapshot()
    const report = await refreshRecord(record, { url: `${base}/f.json`, dryRun: true })
    expect(report.added).toHaveLength(10)
    expect(report.written).toBe(false)
    expect(snapshot()).toEqual(before)
  })

  it('a refresh stopped by its signal (a server shutting down) fails at once and leaves the record whole', async () => {
    handler = () => undefined // never answers
    const before = snapshot()
    const stopping = new AbortController()
    const refresh = refreshRecord(record, { url: `${base}/f.json`, signal: stopping.signal })
    await vi.waitFor(() => expect(requests.length).toBeGreaterThan(0))
    stopping.abort()
    await expect(refresh).rejects.toThrow(/stopped before the feed answered; the record is unchanged/)
    expect(snapshot()).toEqual(before)
  })

  it('a failed fetch is a FeedFetchError', async () => {
    handler = (_req, res) => (res.writeHead(503), res.end())
    await expect(refreshRecord(record, { url: `${base}/f.json` })).rejects.toBeInstanceOf(FeedFetchError)
  })

  it.each([
    ['6h', 21_600_000],
    ['30m', 1_800_000],
    ['1d', 86_400_000],
    ['90s', 90_000],
    ['0h', null],
    ['6', null],
    ['h', null],
  ])('parsePeriod(%s) = %s', (text, ms) => {
    expect(parsePeriod(text)).toBe(ms)
  })
})
