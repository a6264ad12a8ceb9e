/**
 * A record file named that does not exist: the commands that only read the record say how to make one,
 * not just "not found" (a user following the README offline meets this first).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { registerForecast } from '../../src/cli/commands/forecast.js'
import { registerOutlook } from '../../src/cli/commands/outlook.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { registerRounds } from '../../src/cli/commands/rounds.js'
import { runCli } from './cli-helper.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-record-missing-'))
const missing = join(dir, 'my-rounds.json')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => delete process.env.EE_ROUNDS_RECORD)

describe('a record of rounds that is not there', () => {
  it.each<[string, (program: Command) => void, string[]]>([
    ['rounds show', registerRounds, ['rounds', 'show', '254']],
    ['rounds stats', registerRounds, ['rounds', 'stats']],
    ['forecast', registerForecast, ['forecast', 'examples/factors.json']],
    ['outlook', registerOutlook, ['outlook', 'examples/profile.json']],
    ['pool replay', registerPool, ['pool', 'replay', '--from', '2026-01-01']],
  ])('%s --record: exit 2, naming the path and the command that makes it', async (_name, register, args) => {
    const run = await runCli(register, [...args, '--record', missing])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`--record: there is no record of rounds at ${missing}`)
    expect(run.stderr).toContain(`express-entry rounds update --record ${missing}`)
    expect(run.stdout).toBe('')
  })

  it('EE_ROUNDS_RECORD is named when it is what points there', async () => {
    process.env.EE_ROUNDS_RECORD = missing
    const run = await runCli(registerRounds, ['rounds', 'show', '254'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`EE_ROUNDS_RECORD: there is no record of rounds at ${missing}`)
    expect(run.stderr).toContain('leave out EE_ROUNDS_RECORD')
  })
})
