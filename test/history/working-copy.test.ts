/**
 * The working copy of the record `npm start` refreshes (history/working-copy.ts): made from the shipped
 * record when absent, unreadable or behind it; kept when as current or ahead (refreshed from the feed).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RawRound } from '../../src/history/feed.js'
import { changesPathFor, frenchLabelsPathFor, loadRecord, shippedRecordPath } from '../../src/history/load.js'
import { round448 as made448, shippedFeed } from './feed-fixture.js'
import { feedText, sourcePathFor } from '../../src/history/refresh.js'
import { ensureWorkingRecord } from '../../src/history/working-copy.js'
import { recordPathOf, workingRecordPath } from '../../src/cli/record-path.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-working-copy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const shipped = shippedFeed()
const shippedCount = loadRecord().rounds.length
const round448 = made448()

let n = 0
const fresh = () => join(mkdtempSync(join(dir, `case-${n++}-`)), 'express-entry.rounds.json')

describe('ensureWorkingRecord', () => {
  it('copies the shipped record with its change history and fetch state when there is no copy', async () => {
    const path = fresh()
    const report = await ensureWorkingRecord(path)
    expect(report).toEqual({ path, copiedBecause: 'absent', rounds: shippedCount, newest: '2026-10-01' })
    expect(readFileSync(path).equals(readFileSync(shippedRecordPath()))).toBe(true)
    expect(readFileSync(changesPathFor(path)).equals(readFileSync(changesPathFor(shippedRecordPath())))).toBe(true)
    expect(JSON.parse(readFileSync(sourcePathFor(path), 'utf8'))).toMatchObject({ currentAsOf: '2026-10-01T00:00:00Z' })
    expect(loadRecord(path).rounds).toEqual(loadRecord().rounds)
  })

  it.each([
    ['as current as the shipped record', (rounds: RawRound[]) => rounds],
    ['ahead of it: refreshed from the feed', (rounds: RawRound[]) => [round448, ...rounds]],
  ])('keeps a copy %s', async (_, edit) => {
    const path = fresh()
    await ensureWorkingRecord(path)
    writeFileSync(path, feedText({ ...shipped, rounds: edit(shipped.rounds) }))
    const before = readFileSync(path)
    const report = await ensureWorkingRecord(path)
    expect(report.copiedBecause).toBeNull()
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(report.rounds).toBe(loadRecord(path).rounds.length)
  })

  it("a copy kept without French labels (made by a version that shipped none) takes the shipped ones; labels of its own stay", async () => {
    const path = fresh()
    await ensureWorkingRecord(path)
    unlinkSync(frenchLabelsPathFor(path))
    expect(loadRecord(path).rounds.find((r) => r.number === '447')?.labelFr).toBeUndefined()
    expect((await ensureWorkingRecord(path)).copiedBecause).toBeNull()
    expect(loadRecord(path).rounds.find((r) => r.number === '447')?.labelFr).toBe('Métiers spécialisés 2026-Version 3')
    // Labels a refresh wrote (every round's) are never replaced by the shipped twelve.
    writeFileSync(frenchLabelsPathFor(path), JSON.stringify({ labels: { '1': 'Aucun programme spécifié' } }))
    await ensureWorkingRecord(path)
    expect(JSON.parse(readFileSync(frenchLabelsPathFor(path), 'utf8'))).toEqual({ labels: { '1': 'Aucun programme spécifié' } })
  })

  it.each([
    ['behind: the shipped record holds rounds it lacks', (path: string) => writeFileSync(path, feedText({ ...shipped, rounds: shipped.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) })), 'behind'],
    ['behind even if it holds a round the shipped one lacks', (path: string) => writeFileSync(path, feedText({ ...shipped, rounds: [round448, ...shipped.rounds.filter((r) => r.drawNumber !== '300')] })), 'behind'],
    ['not valid JSON', (path: string) => writeFileSync(path, '{"rounds": [ cut short'), 'unreadable'],
    ['a round it cannot read', (path: string) => writeFileSync(path, feedText({ ...shipped, rounds: [{ ...round448, drawCRS: 'lots' }, ...shipped.rounds] })), 'unreadable'],
  ] as const)('makes the copy again from the shipped record when it is %s', async (_, spoil, reason) => {
    const path = fresh()
    await ensureWorkingRecord(path)
    spoil(path)
    const report = await ensureWorkingRecord(path)
    expect(report.copiedBecause).toBe(reason)
    expect(readFileSync(path).equals(readFileSync(shippedRecordPath()))).toBe(true)
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false)
  })
})

describe('recordPathOf: the record a command reads when not told', () => {
  const saved = { db: process.env.EE_DB, record: process.env.EE_ROUNDS_RECORD }
  afterAll(() => {
    for (const [name, value] of [['EE_DB', saved.db], ['EE_ROUNDS_RECORD', saved.record]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('--record, else $EE_ROUNDS_RECORD, else the copy npm start keeps beside $EE_DB, else the shipped record', async () => {
    const folder = mkdtempSync(join(dir, 'db-'))
    process.env.EE_DB = join(folder, 'pool.db')
    delete process.env.EE_ROUNDS_RECORD
    expect(recordPathOf(undefined)).toBe(shippedRecordPath())
    await ensureWorkingRecord(workingRecordPath(process.env.EE_DB))
    expect(recordPathOf(undefined)).toBe(join(folder, 'express-entry.rounds.json'))
    process.env.EE_ROUNDS_RECORD = '/elsewhere/rounds.json'
    expect(recordPathOf(undefined)).toBe('/elsewhere/rounds.json')
    expect(recordPathOf('mine.json')).toBe('mine.json')
  })

  it.each([
    ['pool.db', (cwd: string) => join(cwd, 'express-entry.rounds.json')],
    ['/srv/ee/pool.db', () => '/srv/ee/express-entry.rounds.json'],
    ['postgres://ee@db/ee', (cwd: string) => join(cwd, 'express-entry.rounds.json')],
    [':memory:', (cwd: string) => join(cwd, 'express-entry.rounds.json')],
  ])('the copy for database %s', (db, want) => {
    expect(workingRecordPath(db)).toBe(want(process.cwd()))
  })
})
