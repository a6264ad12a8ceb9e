/**
 * A round given as a day is one instant on every surface: `round --at DAY` (CLI) and the web
 * simulator's day field both take it at 14:00 UTC, so the same day ranks the same pool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerRound } from '../../src/cli/commands/round.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { roundInstant } from '../../web/src/simulator/round-input.js'
import { runCli } from '../history/cli-helper.js'
import { freshStore, type TestStore } from '../setup/dialects.js'
import { profileInput } from './fixtures.js'

let t: TestStore
beforeAll(async () => {
  t = await freshStore('sqlite')
  // One submitted in the morning of the round's day, one the day before.
  const profiles = [profileInput('morning', '2023-07-05T09:00:00Z'), profileInput('before', '2023-07-04T09:00:00Z')]
  await importProfiles(t.store, profiles.map((p) => JSON.stringify(p)), { eligibility: realEligibility(), now: '2023-07-06T00:00:00Z' })
  await t.store.close()
})
afterAll(async () => {
  await t.cleanup().catch(() => undefined)
})

describe('round --at DAY', () => {
  it('is the instant the web simulator takes for that day (14:00 UTC), and ranks who it ranks', async () => {
    const { code, stdout, stderr } = await runCli(registerRound, ['round', '--db', t.target, '--general', '--size', '5', '--at', '2023-07-05', '--dry-run', '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const dry = JSON.parse(stdout) as { at: string; ranked: number }
    expect(dry.at).toBe(roundInstant('2023-07-05'))
    expect(dry).toMatchObject({ at: '2023-07-05T14:00:00Z', ranked: 2 })
  })

  it('a dry run on a day after the rules were last verified ends with the note; before it, no note', async () => {
    const dry = async (at: string) => (await runCli(registerRound, ['round', '--db', t.target, '--general', '--size', '5', '--at', at, '--dry-run'])).stdout
    expect(await dry('2027-01-05')).toMatch(/\nNote: rules last verified on \d{4}-\d\d-\d\d; a change after that day is not known to this version\n$/)
    expect(await dry('2023-07-05')).not.toContain('Note:')
  })
})
