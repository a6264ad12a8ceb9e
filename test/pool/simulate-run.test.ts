/**
 * One answer between simulating a round and holding it: `POST /v1/rounds/simulate` (simulateRound over
 * rankedPoolOnDay: read-only, stale stored values scored in memory) and `POST /v1/rounds/run` / the CLI's
 * `round` (holdRound: stale values refreshed, the top re-checked from the facts, invitations written)
 * give the same lowest score, tie-break cut-off, invited profiles and digest, and so do the in-memory
 * engine (roundInMemory) and the re-run from the facts (rankProfiles). On pools of the pool model's
 * shape (`shape: 'model'`, what `pool generate --like` makes: most of 501-600 just above 500, so cut-offs
 * fall where the published-shape pools of the other tests have none), on each database, with rounds of
 * each kind, one that splits a tie, one a second before midnight, one months after the import (values
 * stale on the day).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simulateRound } from '../../src/pool/simulate.js'
import { addDays, dateOfInstant, toDayNumber, type IsoDate } from '../../src/domain/dates.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { decideRound } from '../../src/pool/engine.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles, instantMs } from '../../src/pool/lifecycle.js'
import { memoryEntry, rankProfiles, roundInMemory } from '../../src/pool/memory.js'
import { parseRoundRequest } from '../../src/pool/round-request.js'
import { holdRound, rankedPoolOnDay, roundInvitations } from '../../src/pool/rounds.js'
import type { Profile } from '../../src/schemas/profile.js'
import { heldScoreCounts } from '../../src/store/profile.repository.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'

const eligibility = realEligibility()

interface PoolCase {
  readonly seed: number
  readonly size: number
  readonly like: IsoDate
  /** The import's day (ImportOptions.asOf); undefined: each profile scored on its submission day, as the API imports. */
  readonly asOf: IsoDate | undefined
}

const POOLS: readonly PoolCase[] = [
  // The pool of test/api/pool.test.ts in the model's shape, imported as the API does.
  { seed: 7, size: 300, like: '2025-06-01', asOf: undefined },
  // The seed round's day (test/pool/seed-round.test.ts), imported for the day before the rounds.
  { seed: 254, size: 1500, like: '2023-07-04', asOf: '2023-07-04' },
  // Imported three months before the rounds: every value computed for another day.
  { seed: 11, size: 600, like: '2024-06-01', asOf: '2024-03-03' },
]

type Request = { at: string; kind: string; program?: string; category?: string; size: number }

/** The smallest size of at least `from` whose last invited has the same score as the next, submitted later: the cut splits a tie. */
function sizeSplittingATie(profiles: readonly Profile[], at: string, from: number): number {
  const all = rankProfiles(profiles, { at, kind: 'general', size: 1_000_000 }, eligibility).invitations
  for (let n = from; n < all.length; n++) if (all[n - 1]!.score === all[n]!.score && all[n - 1]!.submittedAt < all[n]!.submittedAt) return n
  throw new Error(`no tie to split in the pool at ${at}`)
}

/** The rounds held on a pool, in time order: each kind, a split tie, a second before midnight, and months later. */
function roundsFor(pc: PoolCase, profiles: readonly Profile[]): Request[] {
  const first = `${addDays(pc.like, 1)}T14:00:00Z`
  const categoryDay = addDays(pc.like, 3)
  const category = eligibility.categoriesInForce(categoryDay).find((c) => !c.listUnknown)
  return [
    { at: first, kind: 'general', size: sizeSplittingATie(profiles, first, Math.round(pc.size / 6)) },
    { at: `${addDays(pc.like, 2)}T00:00:00Z`, kind: 'program', program: 'cec', size: Math.round(pc.size / 10) },
    ...(category ? [{ at: `${categoryDay}T09:30:00Z`, kind: 'category', category: category.id, size: Math.round(pc.size / 20) }] : []),
    { at: `${addDays(pc.like, 45)}T23:59:59Z`, kind: 'general', size: Math.round(pc.size / 8) },
    { at: `${addDays(pc.like, 200)}T00:00:00Z`, kind: 'program', program: 'fsw', size: Math.round(pc.size / 10) },
  ]
}

/** What every path publishes of a round, to compare. */
interface Answer {
  readonly lowestScore: number | null
  readonly tieBreakCutoff: string | null
  readonly ranked: number
  /** `id:score`, in rank order. */
  readonly invited: readonly string[]
  readonly digest: string
}

const lines = (invitations: readonly { profileId: string; score: number }[]): string[] => invitations.map((i) => `${i.profileId}:${i.score}`)

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`simulate and run agree on model-shaped pools (${dialect})`, () => {
    const stores: TestStore[] = []
    afterAll(async () => {
      for (const s of stores.splice(0)) await s.cleanup()
    })

    for (const pc of POOLS) {
      describe(`seed ${pc.seed}, ${pc.size} profiles like ${pc.like}, imported ${pc.asOf ?? 'on their submission days'}`, () => {
        let t: TestStore
        let admitted: Profile[] = []
        let rounds: Request[] = []
        const invited = new Set<string>()
        let staleSeen = 0
        let tiesSplit = 0
        beforeAll(async () => {
          const profiles = [...generatePool({ size: pc.size, seed: pc.seed, like: pc.like, eligibility, shape: 'model' })].map((g) => g.profile)
          t = await freshStore(dialect)
          stores.push(t)
          const imported = await importProfiles(t.store, profiles.map((p) => JSON.stringify(p)), { eligibility, ...(pc.asOf ? { asOf: pc.asOf } : {}), now: `${pc.like}T00:00:00Z` })
          // The pool admits only profiles eligible on their submission day: the other engines rank those.
          const rejected = new Set(imported.rejected.map((r) => r.id))
          admitted = profiles.filter((p) => !rejected.has(p.id))
          rounds = roundsFor(pc, admitted)
        }, 300_000)

        afterAll(() => {
          // Guards that the comparison exercised both sources of a simulation and a split tie.
          expect(staleSeen, 'profiles whose stored values did not hold on a round day').toBeGreaterThan(0)
          expect(tiesSplit, 'rounds whose cut-off split a tie').toBeGreaterThan(0)
        })

        it('each round in turn: simulate (before), run, the in-memory engine and the facts give one answer', { timeout: 300_000 }, async () => {
          for (const input of rounds) {
            const request = parseRoundRequest(input)
            const day = dateOfInstant(request.at)
            const context = `${dialect}, seed ${pc.seed}: ${JSON.stringify(input)}`
            const { staleIds } = await heldScoreCounts(t.store.db, toDayNumber(day), instantMs(request.at))
            staleSeen += staleIds.length

            const simulated = await simulateRound(t.store, input, eligibility, { listInvitations: true })
            const dry = decideRound(request, (await rankedPoolOnDay(t.store.db, request, eligibility)).ranked)
            const left = admitted.filter((p) => !invited.has(p.id))
            const memory = roundInMemory(left.map((p) => memoryEntry(p, day, eligibility)), input)
            const facts = rankProfiles(left, input, eligibility)
            const held = await holdRound(t.store, input, { eligibility })
            const written = await roundInvitations(t.store, held.number)

            const answer = (d: { lowestScore: number | null; tieBreakCutoff: string | null; ranked: number; digest: string }, invitations: readonly { profileId: string; score: number }[]): Answer => ({
              lowestScore: d.lowestScore,
              tieBreakCutoff: d.tieBreakCutoff,
              ranked: d.ranked,
              invited: lines(invitations),
              digest: d.digest,
            })
            const run = answer(held, written)
            expect(run.invited.length, context).toBe(Math.min(input.size, facts.ranked))
            expect(answer(dry, dry.invitations), `simulate ${context}`).toEqual(run)
            expect(answer(memory, memory.invitations), `memory ${context}`).toEqual(run)
            expect(answer(facts, facts.invitations), `facts ${context}`).toEqual(run)
            // The API's answer itself: its outcome, and the invited it lists (the first 100).
            expect({ lowestScore: simulated.lowestScore, tieBreakCutoff: simulated.tieBreakCutoff, invited: simulated.invited, ranked: simulated.ranked }, `simulate ${context}`).toEqual({
              lowestScore: run.lowestScore,
              tieBreakCutoff: run.tieBreakCutoff,
              invited: run.invited.length,
              ranked: run.ranked,
            })
            expect(lines(simulated.invitations ?? []), `simulate ${context}`).toEqual(run.invited.slice(0, 100))

            const next = facts.invitations.length < facts.ranked ? rankProfiles(left, { ...input, size: facts.ranked }, eligibility).invitations[facts.invitations.length] : undefined
            if (next && next.score === held.lowestScore) tiesSplit++
            for (const i of written) invited.add(i.profileId)
          }
        })
      })
    }
  })
}
