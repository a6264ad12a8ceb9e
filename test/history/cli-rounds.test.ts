import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { registerRounds } from '../../src/cli/commands/rounds.js'
import { createApp } from '../../src/api/app.js'
import { loadRounds, shippedRecordPath } from '../../src/history/load.js'
import { runCli } from './cli-helper.js'

const run = (...args: string[]) => runCli(registerRounds, ['rounds', ...args])

describe('rounds show', () => {
  it('447, the last round of the record: Trades Occupations 2026-Version 3, 3,500, 476, tie-break 2026-05-28T16:55:23Z', async () => {
    const { code, stdout } = await run('show', '447')
    expect(code).toBe(0)
    expect(stdout).toContain('Round 447, 2026-10-01 (time not published)')
    expect(stdout).toContain('Trades Occupations, 2026-Version 3')
    expect(stdout).toMatch(/category trade-2026, version 2026-Version 3/)
    expect(stdout).toMatch(/Invitations\s+3,500\n/)
    expect(stdout).toMatch(/Lowest score\s+476\n/)
    expect(stdout).toMatch(/Tie-break cut-off\s+2026-05-28T16:55:23Z\n/)
  })

  it('254 prints the round as IRCC published it: STEM (2023-1), 500, 486, tie-break 2022-11-23T00:01:29Z', async () => {
    const { code, stdout } = await run('show', '254', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ number: '254', date: '2023-07-05', at: '2023-07-05T13:38:22Z', label: 'STEM occupations (2023-1)', size: 500, lowestScore: 486, tieBreakCutoff: '2022-11-23T00:01:29Z' })
    // One answer: the CLI's JSON is the API's.
    const api = await createApp({ history: { rounds: () => loadRounds() } }).request('/v1/rounds/254')
    expect(JSON.parse(stdout)).toEqual(await api.json())
  })

  it('254 as text', async () => {
    const { stdout } = await run('show', '254')
    expect(stdout).toContain('STEM occupations (2023-1)')
    expect(stdout).toMatch(/Invitations\s+500/)
    expect(stdout).toMatch(/Lowest score\s+486/)
    expect(stdout).toMatch(/Tie-break cut-off\s+2022-11-23T00:01:29Z/)
    expect(stdout).toMatch(/total\s+214,529/)
  })

  it('an unknown round is bad input (exit 2) and says which', async () => {
    const { code, stderr } = await run('show', '91')
    expect(code).toBe(2)
    expect(stderr).toContain('round 91 not found: IRCC numbered the rounds of that day 91a and 91b (rounds show 91a)')
    expect((await run('show', '9999')).stderr).toContain('round 9999 not found')
  })

  it('list --year outside 2015-2100 is bad input, as the API says', async () => {
    const { code, stderr } = await run('list', '--year', '1999')
    expect(code).toBe(2)
    expect(stderr).toContain('--year: expected a year from 2015')
  })
})

describe('rounds list and stats', () => {
  it('list --year 2023 --category stem: rounds 254 and 274', async () => {
    const { stdout } = await run('list', '--year', '2023', '--category', 'stem', '--json')
    expect(JSON.parse(stdout).map((r: { number: string }) => r.number)).toEqual(['254', '274'])
  })

  it('list --type program --program fst as a table', async () => {
    const { stdout } = await run('list', '--type', 'program', '--program', 'fst')
    expect(stdout.split('\n')[0]).toMatch(/^\s*#\s+date\s+label/)
    expect(stdout).toContain('7 round(s), 3,055 invitations')
  })

  it.each([
    [['list', '--year', '23'], '--year'],
    [['list', '--type', 'draw'], 'general, program, category'],
    [['list', '--category', 'astronauts'], '--category'],
  ])('bad option %o is exit 2 naming %s', async (args, text) => {
    const { code, stderr } = await run(...args)
    expect(code).toBe(2)
    expect(stderr).toContain(text)
  })

  it('stats --json: 2023 all = 42 rounds, 110,266 invitations; the same JSON as GET /v1/rounds/stats', async () => {
    const { stdout } = await run('stats', '--json')
    const stats = JSON.parse(stdout)
    expect(stats.byYearAndType.find((s: { year: number; type: string }) => s.year === 2023 && s.type === 'all')).toMatchObject({ rounds: 42, invitations: 110_266 })
    expect(stats.byType.all.invitations).toBe(1_052_463)
    // One answer: the CLI's JSON is the API's (it named the years' list byYear and left out the distributions).
    const api = await createApp({ history: { rounds: () => loadRounds() } }).request('/v1/rounds/stats')
    expect(stats).toEqual(await api.json())
  })

  it('stats as a table', async () => {
    const { stdout } = await run('stats')
    expect(stdout).toMatch(/2024\s+all\s+52\s+98,903/)
  })

  it('distributions --json: 126 snapshots', async () => {
    const { stdout } = await run('distributions', '--json')
    expect(JSON.parse(stdout)).toHaveLength(126)
  })
})

describe('rounds update', () => {
  it('adds a round to a private record (created from the shipped one) and reports it; a second run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-rounds-'))
    const record = join(dir, 'ee-rounds.json')
    const feed = JSON.parse(readFileSync(shippedRecordPath(), 'utf8'))
    // An illustrative round 448 (none after 447 is known to this record).
    const newest = { ...feed.rounds[0], drawNumber: '448', drawDate: '2026-10-14', drawDateFull: 'October 14, 2026', drawName: 'Provincial Nominee Program', drawSize: '562', drawCRS: '697', drawText2: 'Provincial Nominee Program', drawDateTime: 'October 14, 2026 at 14:00:00 UTC' }
    feed.rounds.unshift(newest)
    const newer = join(dir, 'newer.json')
    writeFileSync(newer, JSON.stringify(feed))

    const first = await run('update', newer, '--record', record, '--json')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ written: true, rounds: 449, added: [{ number: '448', size: 562, lowestScore: 697 }], changed: [] })
    const shown = await run('show', '448', '--record', record, '--json')
    expect(JSON.parse(shown.stdout)).toMatchObject({ label: 'Provincial Nominee Program', lowestScore: 697 })
    // The history beside it came along, so renamed rounds keep their first label.
    expect(JSON.parse((await run('show', '254', '--record', record, '--json')).stdout).label).toBe('STEM occupations (2023-1)')

    const second = await run('update', newer, '--record', record)
    expect(second.stdout).toContain('Unchanged:')
    expect(second.stdout).toContain('Added 0 round(s)')
  })

  it('--dry-run writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-rounds-'))
    const record = join(dir, 'copy.json')
    copyFileSync(shippedRecordPath(), record)
    const feed = JSON.parse(readFileSync(shippedRecordPath(), 'utf8'))
    feed.rounds.find((r: { drawNumber: string }) => r.drawNumber === '1').drawCRS = '887'
    const newer = join(dir, 'newer.json')
    writeFileSync(newer, JSON.stringify(feed))
    const { stdout } = await run('update', newer, '--record', record, '--dry-run')
    expect(stdout).toContain('Would update')
    expect(stdout).toContain('#1 drawCRS: "886" -> "887"')
    expect(readFileSync(record, 'utf8')).toBe(readFileSync(shippedRecordPath(), 'utf8'))
  })

  it('a newer feed that is not JSON is bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-rounds-'))
    const newer = join(dir, 'bad.json')
    writeFileSync(newer, '{ nope')
    const { code, stderr } = await run('update', newer, '--record', join(dir, 'r.json'))
    expect(code).toBe(2)
    expect(stderr).toContain('not valid JSON')
  })
})

describe('which record', () => {
  it('EE_ROUNDS_RECORD picks the record when --record is not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-rounds-'))
    const record = join(dir, 'mine.json')
    const feed = JSON.parse(readFileSync(shippedRecordPath(), 'utf8'))
    feed.rounds = feed.rounds.filter((r: { drawNumber: string }) => r.drawNumber === '1')
    writeFileSync(record, JSON.stringify(feed))
    process.env.EE_ROUNDS_RECORD = record
    try {
      const { stdout } = await run('list', '--json')
      expect(JSON.parse(stdout).map((r: { number: string }) => r.number)).toEqual(['1'])
    } finally {
      delete process.env.EE_ROUNDS_RECORD
    }
  })
})

describe('rounds estimate', () => {
  it('4,250 from the pool published with round 233: about 499 (IRCC: 500)', async () => {
    const { code, stdout } = await run('estimate', '4250', '--round', '233', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ size: 4250, lowestScore: 499, range: '491-500', distributionAsOf: '2022-10-10', fromRound: '233', backtest: { rounds: 37 } })
  })

  it('--as-of picks the latest distribution published by then; --backtest lists the rounds', async () => {
    const { stdout } = await run('estimate', '500', '--as-of', '2023-07-05', '--backtest', '--json')
    const out = JSON.parse(stdout)
    expect(out.distributionAsOf).toBe('2023-07-04')
    expect(out.backtest.rows).toHaveLength(37)
  })

  it('--round and --as-of together are bad input (one distribution is read: the other would be ignored); a size out of range says the range', async () => {
    const both = await run('estimate', '3000', '--round', '254', '--as-of', '2023-01-01')
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--round and --as-of each pick the distribution: give one')
    const big = await run('estimate', '10000000')
    expect(big.code).toBe(2)
    expect(big.stderr).toContain('expected a whole number of invitations from 1 to 9999999 (got "10000000")')
  })

  it('a round without a distribution is bad input', async () => {
    const { code, stderr } = await run('estimate', '3000', '--round', '100')
    expect(code).toBe(2)
    expect(stderr).toContain('without a distribution')
  })
})
