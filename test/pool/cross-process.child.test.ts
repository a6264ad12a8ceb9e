/**
 * Not a test on its own: the child process of cross-process.test.ts, run by a nested `vitest run` with
 * EE_CHILD_ROUND set to a JSON job. It holds one round on a SQLite file, and may kill its own process
 * (SIGKILL, no clean-up at all) in the middle of writing the invitations.
 */
import { it } from 'vitest'
import { holdRound } from '../../src/pool/rounds.js'
import { openStore } from '../../src/store/index.js'
import { testEligibility } from './fixtures.js'

interface Job {
  readonly db: string
  readonly request: object
  readonly killAfter?: number
}

const job = process.env.EE_CHILD_ROUND ? (JSON.parse(process.env.EE_CHILD_ROUND) as Job) : null

it.runIf(job !== null)('child: holds one round', { timeout: 120_000 }, async () => {
  const store = await openStore(job!.db)
  const round = await holdRound(store, job!.request, {
    eligibility: testEligibility,
    afterInvitationsWritten: (written) => {
      if (job!.killAfter !== undefined && written >= job!.killAfter) process.kill(process.pid, 'SIGKILL')
    },
  })
  process.stdout.write(`ROUND ${JSON.stringify(round)}\n`)
  await store.close()
})
