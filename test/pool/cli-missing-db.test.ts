/**
 * A --db path where there is no database (a typo) is bad input for every pool command but those that
 * put profiles in: before, a read created an empty database and answered "0 eligible", a no where the
 * truth is that there is no pool there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { afterAll, describe, expect, it } from 'vitest'
import { registerInvitation } from '../../src/cli/commands/invitation.js'
import { registerInvitations } from '../../src/cli/commands/invitations.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { registerRound } from '../../src/cli/commands/round.js'
import { runCli } from '../history/cli-helper.js'

const dir = mkdtempSync(join(tmpdir(), 'ee-missing-db-'))
const missing = join(dir, 'typo.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('--db where there is no database', () => {
  it.each<[string, (program: Command) => void, string[]]>([
    ['round --dry-run', registerRound, ['round', '--db', missing, '--general', '--size', '10', '--at', '2023-07-05T13:38:22Z', '--dry-run']],
    ['round', registerRound, ['round', '--db', missing, '--general', '--size', '10', '--at', '2023-07-05T13:38:22Z']],
    ['pool distribution', registerPool, ['pool', 'distribution', '--db', missing]],
    ['pool list', registerPool, ['pool', 'list', '--db', missing]],
    ['pool withdraw', registerPool, ['pool', 'withdraw', 'x', '--db', missing]],
    ['invitations', registerInvitations, ['invitations', '--db', missing, '--round', '1']],
    ['invitation accept', registerInvitation, ['invitation', 'accept', '1-1', '--db', missing]],
  ])('%s: exit 2, naming the path; no file is made', async (_name, register, args) => {
    const { code, stdout, stderr } = await runCli(register, args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`express-entry: --db: no database at ${missing}: check the path, or create one with pool import --db ${missing} FILE\n`)
    expect(existsSync(missing)).toBe(false)
  })
})
