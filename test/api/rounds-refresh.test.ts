/**
 * The server's record kept current: GET /v1/rounds says when the record was last refreshed and from
 * where, and `serve --refresh` (scheduleRefresh) brings it up to date from a feed (a local node:http
 * server here; no test reaches the internet).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { refreshOption, scheduleRefresh } from '../../src/cli/commands/serve.js'
import type { RawRound } from '../../src/history/feed.js'
import { liveRecord } from '../../src/history/live.js'
import { changesPathFor, frenchLabelsPathFor, readFrenchLabels, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { feedText } from '../../src/history/refresh.js'

type Feed = { classes: string; rounds: RawRound[] }
const shipped = readRecordFiles(shippedRecordPath()).feed as Feed
const body = JSON.stringify(shipped)

let server: Server
let url = ''
let answer: 'feed' | 'error' = 'feed'
/** The French feed at /fr: failing (502) or IRCC's French names (here, `FR ` before each English one). */
let french: 'feed' | 'error' = 'feed'
let frenchAsked = 0
const frenchBody = JSON.stringify({ ...shipped, rounds: shipped.rounds.map((r) => ({ ...r, drawName: `FR ${r.drawName}` })) })
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fr') {
      frenchAsked++
      if (french === 'error') return void (res.writeHead(502), res.end())
      return void (res.writeHead(200, { 'content-type': 'application/json' }), res.end(frenchBody))
    }
    if (answer === 'error') return void (res.writeHead(502), res.end())
    if (req.url?.includes('conditional') && req.headers['if-none-match'] === '"v1"') return void (res.writeHead(304), res.end())
    res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' })
    res.end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ee_rounds_123_en.json`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((done) => server.close(() => done()))
})

type RoundsBody = { count: number; record: { source: string | null; refreshedAt: string | null; rounds: number; lastRound: { number: string } | null } }

describe('GET /v1/rounds: when the record was last refreshed and from where', () => {
  it('the shipped record: refreshed 2026-11-29 from copies of the feed, 448 rounds to 447', async () => {
    const app = createApp({ history: liveRecord(shippedRecordPath()) })
    const res = await app.request('/v1/rounds?year=2015')
    const json = (await res.json()) as RoundsBody
    expect(json.record).toMatchObject({ refreshedAt: '2026-11-29T00:00:00Z', rounds: 448, lastRound: { number: '447', date: '2026-10-01' } })
    expect(json.record.source).toContain('ee_rounds_123_en.json')
  })

  it('serve --refresh: the record is refreshed from the feed, the API answers from the new record and says so; a failed refresh keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-serve-refresh-'))
    const record = join(dir, 'ee-rounds.json')
    writeFileSync(record, feedText({ ...shipped, rounds: shipped.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) }))
    writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
    const live = liveRecord(record)
    const app = createApp({ history: live })
    const before = (await (await app.request('/v1/rounds?year=2015')).json()) as RoundsBody
    expect(before.record).toMatchObject({ source: null, refreshedAt: null, rounds: 438, lastRound: { number: '437' } })

    const logs: Record<string, unknown>[] = []
    let done: () => void = () => undefined
    const refreshed = new Promise<void>((resolve) => (done = resolve))
    // As serve does: the process that refreshed re-reads the record at once.
    const stop = scheduleRefresh(record, 3_600_000, url, (e) => logs.push(e), () => (live.reload(), done()))
    await refreshed
    stop()
    expect(logs.at(-1)).toMatchObject({ msg: 'record of rounds refreshed', source: url, added: ['438', '439', '440', '441', '442', '443', '444', '445', '446', '447'] })
    const after = (await (await app.request('/v1/rounds?year=2015')).json()) as RoundsBody
    expect(after.record).toMatchObject({ source: url, rounds: 448, lastRound: { number: '447' } })
    expect(after.record.refreshedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(((await (await app.request('/v1/rounds/447')).json()) as { lowestScore: number }).lowestScore).toBe(476)

    answer = 'error'
    const text = readFileSync(record, 'utf8')
    await new Promise<void>((resolve) => {
      const stopAgain = scheduleRefresh(record, 3_600_000, url, (e) => {
        logs.push(e)
        stopAgain()
        resolve()
      })
    })
    answer = 'feed'
    expect(logs.at(-1)).toMatchObject({ level: 'warn', msg: expect.stringContaining('HTTP 502') })
    expect(readFileSync(record, 'utf8')).toBe(text)
  })

  it('French labels that failed are asked again at the next refresh, though the English feed has not changed (304); once whole, not again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-serve-french-'))
    const record = join(dir, 'ee-rounds.json')
    writeFileSync(record, feedText(shipped))
    writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
    const base = url.replace(/\/[^/]*$/, '')
    const refreshOnce = () =>
      new Promise<Record<string, unknown>[]>((resolve) => {
        const logs: Record<string, unknown>[] = []
        const stop = scheduleRefresh(record, 3_600_000, `${base}/conditional.json`, (e) => logs.push(e), () => (stop(), resolve(logs)), `${base}/fr`)
      })
    french = 'error'
    const first = await refreshOnce()
    expect(first.map((l) => l.msg)).toEqual(['record of rounds refreshed', expect.stringContaining('French labels not refreshed: ')])
    expect(readFrenchLabels(record).size).toBe(0)
    french = 'feed'
    const second = await refreshOnce()
    expect(second[0]).toMatchObject({ msg: 'record of rounds refreshed', notModified: true })
    expect(readFrenchLabels(record).size).toBe(shipped.rounds.length)
    expect(readFrenchLabels(record).get('447')).toBe(`FR ${shipped.rounds.find((r) => r.drawNumber.trim() === '447')!.drawName.trim()}`)
    // Every round named and the English feed unchanged: the French feed is not fetched again.
    const asked = frenchAsked
    await refreshOnce()
    expect(frenchAsked).toBe(asked)
  })

  it('another process refreshing the record (a cluster primary, rounds update): the French labels it writes after the record are served too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-serve-labels-'))
    const record = join(dir, 'ee-rounds.json')
    writeFileSync(record, feedText(shipped))
    writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
    const app = createApp({ history: liveRecord(record, 0) })
    const labelOf = async () => ((await (await app.request('/v1/rounds/447')).json()) as { labelFr?: string }).labelFr
    expect(await labelOf()).toBeUndefined()
    // The record file is not touched (the English feed had nothing new); the labels file alone is replaced.
    writeFileSync(frenchLabelsPathFor(record), JSON.stringify({ source: 'test', labels: { '447': 'Métiers, 2026-Version 3' } }))
    expect(await labelOf()).toBe('Métiers, 2026-Version 3')
  })

  it.each([
    ['6h', 21_600_000],
    ['30m', 1_800_000],
  ])('--refresh %s', (text, ms) => {
    expect(refreshOption(text)).toBe(ms)
  })
  it.each(['10s', 'often', '0h'])('--refresh %s is bad input', (text) => {
    expect(() => refreshOption(text)).toThrow(/--refresh/)
  })
})
