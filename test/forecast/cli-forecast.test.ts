/** The forecast and pool replay commands end to end, in-process (the CLI's own parsing and output). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { registerForecast } from '../../src/cli/commands/forecast.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { forecast } from '../../src/forecast/index.js'
import { loadRounds, shippedRecordPath } from '../../src/history/load.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { runCli } from '../history/cli-helper.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-forecast-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const example = new URL('../../examples/profile.json', import.meta.url).pathname
const factors = new URL('../../examples/factors.json', import.meta.url).pathname

describe('express-entry forecast', () => {
  it('--json has the contract fields', async () => {
    const { code, stdout } = await runCli(registerForecast, ['forecast', example, '--as-of', '2026-08-20', '--json'])
    expect(code).toBe(0)
    const f = JSON.parse(stdout) as Record<string, unknown>
    for (const key of ['asOf', 'horizonDays', 'score', 'probability', 'within', 'rounds', 'model']) expect(f).toHaveProperty(key)
    expect(f.asOf).toBe('2026-08-20')
    expect(f.horizonDays).toBe(90)
    expect(Object.keys(f.within as object).sort()).toEqual(['180', '30', '365', '90'])
    const round = (f.rounds as Record<string, unknown>[])[0]!
    for (const key of ['type', 'label', 'expectedDate', 'cutoff', 'eligible', 'chance']) expect(round).toHaveProperty(key)
  })

  it('gives the library answer (one answer on every path), on the day and from a record short of it', async () => {
    const profile = profileSchema.parse(JSON.parse(readFileSync(example, 'utf8')))
    for (const asOf of ['2026-08-20', '2026-11-30']) {
      const { stdout } = await runCli(registerForecast, ['forecast', example, '--as-of', asOf, '--json'])
      const library = forecast({ kind: 'profile', profile }, loadRounds(), { asOf, recordCurrentTo: '2026-10-01' })
      expect(JSON.parse(stdout), asOf).toEqual(JSON.parse(JSON.stringify(library)))
    }
  })

  it("an envelope's own horizonDays and seed are the answer's, as POST /v1/forecast reads them; the flags are the default", async () => {
    const profile = profileSchema.parse(JSON.parse(readFileSync(example, 'utf8')))
    const envelope = join(dir, 'envelope.json')
    writeFileSync(envelope, JSON.stringify({ asOf: '2026-08-20', horizonDays: 30, seed: 5, profile: JSON.parse(readFileSync(example, 'utf8')) as unknown }))
    const library = JSON.parse(JSON.stringify(forecast({ kind: 'profile', profile }, loadRounds(), { asOf: '2026-08-20', horizonDays: 30, seed: 5 }))) as unknown
    // Table-driven: with no flag, and with flags the envelope overrides (as its asOf overrides --as-of).
    for (const flags of [[], ['--horizon', '180', '--seed', '2', '--as-of', '2026-06-01']]) {
      const { code, stdout } = await runCli(registerForecast, ['forecast', envelope, '--json', ...flags])
      expect(code, flags.join(' ')).toBe(0)
      expect(JSON.parse(stdout), flags.join(' ')).toEqual(library)
    }
    // A bare profile takes the flags.
    const bare = await runCli(registerForecast, ['forecast', example, '--as-of', '2026-08-20', '--horizon', '30', '--seed', '5', '--json'])
    expect(JSON.parse(bare.stdout)).toEqual(library)
  })

  it('prints a table for people, and CrsFactors get the score-only note', async () => {
    const { code, stdout } = await runCli(registerForecast, ['forecast', factors, '--as-of', '2026-08-20', '--horizon', '30'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Chance of an invitation within 30 days: \d+%/)
    expect(stdout).toMatch(/CrsFactors say nothing of programs/)
  })

  it.each([
    ['1', 'within 1 day:'],
    ['2', 'within 2 days:'],
  ])('--horizon %s reads "%s"', async (horizon, words) => {
    const { stdout } = await runCli(registerForecast, ['forecast', factors, '--as-of', '2026-08-20', '--horizon', horizon])
    expect(stdout).toContain(`Chance of an invitation ${words}`)
    expect(stdout).toContain(words.replace(':', ' ('))
  })

  it('bad options exit 2 with the reason', async () => {
    const bad = await runCli(registerForecast, ['forecast', example, '--horizon', '0'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--horizon: expected a whole number of days, 1 to 730/)
    const date = await runCli(registerForecast, ['forecast', example, '--as-of', '2026-02-30'])
    expect(date.code).toBe(2)
    const file = await runCli(registerForecast, ['forecast', '--backtest', example])
    expect(file.code).toBe(2)
  })

  it('--record cut at a past day: the forecast as of that day is unchanged when later rounds are appended', async () => {
    const feed = JSON.parse(readFileSync(shippedRecordPath(), 'utf8')) as { rounds: { drawDate: string }[] }
    const day = '2025-09-01'
    const cutPath = join(dir, 'cut.json')
    const fullPath = join(dir, 'full.json')
    writeFileSync(cutPath, JSON.stringify({ ...feed, rounds: feed.rounds.filter((r) => r.drawDate < day) }))
    writeFileSync(fullPath, JSON.stringify(feed))
    const cut = await runCli(registerForecast, ['forecast', example, '--as-of', day, '--record', cutPath, '--json'])
    const full = await runCli(registerForecast, ['forecast', example, '--as-of', day, '--record', fullPath, '--json'])
    expect(cut.code).toBe(0)
    expect(full.stdout).toBe(cut.stdout)
    expect((JSON.parse(cut.stdout) as { model: { recordUntil: string } }).model.recordUntil < day).toBe(true)
  })

  it('a record whose feed was last seen weeks before the day says so, and widens the ranges; one seen on the day does not', async () => {
    // The shipped record is whole to 2026-10-01 (data/ee-rounds.source.json currentAsOf).
    const late = await runCli(registerForecast, ['forecast', example, '--as-of', '2026-11-30', '--json'])
    expect(late.code).toBe(0)
    const f = JSON.parse(late.stdout) as { notes: { code: string; message: string; params?: Record<string, string | number> }[]; model: { recordCurrentTo: string; unseenDays: number }; rounds: { type: string; cutoff: { p10: number; p90: number } }[] }
    expect(f.model.recordCurrentTo).toBe('2026-10-01')
    expect(f.model.unseenDays).toBe(59)
    expect(f.notes.find((n) => n.code === 'record_stops_short')).toMatchObject({ params: { currentTo: '2026-10-01', unseenDays: 59 }, message: expect.stringMatching(/holds IRCC's rounds to 2026-10-01, 59 days before this day/) })
    // The same rounds in a copy whose feed was seen on 2026-11-29: nothing unseen, narrower ranges.
    const seen = join(dir, 'seen.json')
    writeFileSync(seen, readFileSync(shippedRecordPath()))
    writeFileSync(join(dir, 'seen.source.json'), JSON.stringify({ source: 'test', refreshedAt: '2026-11-29T08:00:00Z', currentAsOf: '2026-11-29T08:00:00Z' }))
    const current = JSON.parse((await runCli(registerForecast, ['forecast', example, '--as-of', '2026-11-30', '--record', seen, '--json'])).stdout) as typeof f
    expect(current.model.unseenDays).toBe(0)
    expect(current.notes.some((n) => n.code === 'record_stops_short')).toBe(false)
    const width = (x: typeof f, type: string) => { const c = x.rounds.find((r) => r.type === type)!.cutoff; return c.p90 - c.p10 }
    expect(width(f, 'program:cec')).toBeGreaterThan(width(current, 'program:cec'))
    // Said on the command line, for a copy of the record with no .source.json (or to override it).
    const told = JSON.parse((await runCli(registerForecast, ['forecast', example, '--as-of', '2026-11-30', '--record', seen, '--record-current-to', '2026-10-01', '--json'])).stdout) as typeof f
    expect(told).toEqual(f)
    const badDay = await runCli(registerForecast, ['forecast', example, '--record-current-to', '2026-13-01'])
    expect(badDay.code).toBe(2)
    expect(badDay.stderr).toMatch(/--record-current-to: expected a date written YYYY-MM-DD/)
    const table = await runCli(registerForecast, ['forecast', example, '--as-of', '2026-11-30'])
    expect(table.stdout).toMatch(/note: the record holds IRCC's rounds to 2026-10-01, 59 days before this day: the rounds held since \(about \d+, at the recent pace\) are not in it/)
  })
})

describe('express-entry pool replay', () => {
  it('reports the error per round type; --json lists every round', async () => {
    const { code, stdout } = await runCli(registerPool, ['pool', 'replay', '--from', '2024-01-01', '--to', '2024-12-31', '--json'])
    expect(code).toBe(0)
    const r = JSON.parse(stdout) as { overall: { rounds: number }; byGroup: Record<string, unknown>; rows: { number: string; error: number; replayed: number; lowestScore: number }[] }
    expect(r.overall.rounds).toBe(r.rows.length)
    expect(Object.keys(r.byGroup)).toContain('cec')
    for (const row of r.rows) expect(row.error).toBe(row.replayed - row.lowestScore)
    const text = await runCli(registerPool, ['pool', 'replay', '--from', '2024-01-01', '--to', '2024-12-31'])
    expect(text.stdout).toMatch(/mean abs\. error/)
    const bad = await runCli(registerPool, ['pool', 'replay', '--from', '2025-01-01', '--to', '2024-01-01'])
    expect(bad.code).toBe(2)
  })

  it("rounds it cannot replay (no distribution published with them) are named, and no error is claimed for a span of none", async () => {
    const { code, stdout } = await runCli(registerPool, ['pool', 'replay', '--from', '2020-01-01', '--to', '2020-03-01', '--json'])
    expect(code).toBe(0)
    const r = JSON.parse(stdout) as { overall: { rounds: number }; notReplayed: { number: string; date: string; reason: string }[] }
    expect(r.overall.rounds).toBe(0)
    expect(r.notReplayed.length).toBeGreaterThan(0)
    expect(r.notReplayed[0]).toEqual({ number: expect.any(String) as unknown as string, date: expect.stringMatching(/^2020-0[1-3]/) as unknown as string, reason: 'no-distribution' })
    const text = await runCli(registerPool, ['pool', 'replay', '--from', '2020-01-01', '--to', '2020-03-01'])
    expect(text.stdout).toMatch(/^all\s+0\s+-\s+-\s+-$/m)
    expect(text.stdout).toContain(`${r.notReplayed.length} rounds in the span not replayed: no pool distribution was published with them (can't tell how the model would have done)`)
  })

  it('--rounds lists every round with how it was replayed', async () => {
    const { code, stdout } = await runCli(registerPool, ['pool', 'replay', '--from', '2026-01-01', '--rounds'])
    expect(code).toBe(0)
    // A PNP round takes about every nominee; physicians' third round, their weakest; military's first, the earlier first rounds.
    expect(stdout).toMatch(/^445\s+2026-09-28\s+program:pnp\s+733\s+725\s+\d+\s+-?\d+\s+weakest-nominee$/m)
    expect(stdout).toMatch(/^440\s+2026-09-03\s+category:physicians\s+229\s+198\s+\d+\s+-?\d+\s+weakest-eligible$/m)
    expect(stdout).toMatch(/^430\s+2026-07-23\s+category:military\s+4\s+368\s+\d+\s+-?\d+\s+first-rounds \(first of its type\)$/m)
    expect(stdout).toMatch(/^447\s+2026-10-01\s+category:trade\s+3,500\s+476\s+\d+\s+-?\d+\s+share$/m)
  })
})
