/**
 * The forecast's track record kept beside a record (forecast/track-record-file.ts): the shipped one goes
 * with the shipped record; a record with rounds the track record has not seen is behind, and the one
 * measured beside it is the library's back-test of that record, exactly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { changesPathFor, loadRecord, shippedRecordPath, trackRecordPathFor } from '../../src/history/load.js'
import { round448 as made448, shippedFeed } from '../history/feed-fixture.js'
import { feedText } from '../../src/history/refresh.js'
import { ensureWorkingRecord } from '../../src/history/working-copy.js'
import { backtestForecast } from '../../src/forecast/backtest.js'
import { measureTrackRecord, readTrackRecord, shippedTrackRecordPath, trackRecordBehind } from '../../src/forecast/track-record-file.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-track-record-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const shipped = shippedFeed()
const round448 = made448()
/** Small enough to run in a test; the server measures with the defaults. */
const SMALL = { populationSize: 24, paths: 60, stepDays: 56 } as const

describe('the track record beside a record', () => {
  it('x.json -> x.track-record.json', () => {
    expect(trackRecordPathFor('/srv/express-entry.rounds.json')).toBe('/srv/express-entry.rounds.track-record.json')
  })

  it('the shipped record goes with the shipped track record, measured to its last round: not behind', () => {
    const measured = readTrackRecord(shippedRecordPath())!
    expect(measured).toEqual(JSON.parse(readFileSync(shippedTrackRecordPath()!, 'utf8')))
    expect(measured.recordUntil).toBe(loadRecord().rounds.at(-1)!.date)
    expect(trackRecordBehind(shippedRecordPath())).toBe(false)
  })

  it('a record with a newer round is behind until measured; what is measured is the back-test of that record', async () => {
    const record = join(dir, 'ahead.json')
    writeFileSync(record, feedText({ ...shipped, rounds: [round448, ...shipped.rounds] }))
    writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
    expect(trackRecordBehind(record)).toBe(true)
    const measured = await measureTrackRecord(record, SMALL)
    expect(measured.recordUntil).toBe('2026-10-14')
    expect(JSON.parse(readFileSync(trackRecordPathFor(record), 'utf8'))).toEqual(JSON.parse(JSON.stringify(backtestForecast(loadRecord(record).rounds, SMALL))))
    expect(readTrackRecord(record)!.recordUntil).toBe('2026-10-14')
    expect(trackRecordBehind(record)).toBe(false)
  })

  it('a working copy made again from the shipped record drops the track record measured on the copy it replaced', async () => {
    const working = join(dir, 'express-entry.rounds.json')
    await ensureWorkingRecord(working)
    writeFileSync(working, feedText({ ...shipped, rounds: [round448, ...shipped.rounds.filter((r) => r.drawNumber !== '300')] }))
    writeFileSync(trackRecordPathFor(working), JSON.stringify({ recordUntil: '2026-10-14' }))
    expect((await ensureWorkingRecord(working)).copiedBecause).toBe('behind')
    expect(existsSync(trackRecordPathFor(working))).toBe(false)
    expect(readTrackRecord(working)!.recordUntil).toBe('2026-10-01')
  })
})
