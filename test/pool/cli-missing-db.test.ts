/**
 * A --db path where there is no database (a typo) is bad input for every pool command but those that
 * put profiles in: before, a read created an empty database and answered "0 eligible", a no where the
 * truth is that there is no pool there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
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

describe('pool generate and $EE_DB', () => {
  // Its --help said "(default: $EE_DB)", but generate never read it: without --db the JSONL goes to
  // standard output (README: `pool generate ... > pool.jsonl`), whatever EE_DB says.
  it('writes JSONL (here to --out) with EE_DB set, and makes no database there', async () => {
    const saved = process.env.EE_DB
    const db = join(dir, 'env.db')
    const out = join(dir, 'generated.jsonl')
    process.env.EE_DB = db
    try {
      const { code } = await runCli(registerPool, ['pool', 'generate', '--size', '3', '--seed', '5', '--like', '2023-07-04', '--out', out])
      expect(code).toBe(0)
      expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toHaveLength(3)
      expect(existsSync(db)).toBe(false)
    } finally {
      process.env.EE_DB = saved
    }
  })

  it('its --help does not claim $EE_DB as the default of --db', () => {
    const program = new Command()
    registerPool(program)
    const generate = program.commands.find((c) => c.name() === 'pool')!.commands.find((c) => c.name() === 'generate')!
    const db = generate.options.find((o) => o.long === '--db')!
    expect(db.description).not.toMatch(/default: \$EE_DB/)
    expect(db.description).toMatch(/\$EE_DB is not read/)
  })
})
