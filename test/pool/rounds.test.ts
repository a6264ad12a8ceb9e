/**
 * Rounds of invitations on each database (storage suites run once per dialect): ranking and the
 * tie-break at the cut-off, idempotency, atomicity, concurrency, declines, expiry, the digest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isExpressEntryError, type ExpressEntryError } from '../../src/errors.js'
import { importProfiles, respondToInvitation, withdrawProfile } from '../../src/pool/lifecycle.js'
import { rankProfiles } from '../../src/pool/memory.js'
import { holdRound, poolDistribution, roundInvitations } from '../../src/pool/rounds.js'
import { countIn } from '../../src/history/distribution.js'
import type { ProfileInput } from '../../src/schemas/profile.js'
import type { Store } from '../../src/store/index.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'
import { profileInput, profileOf, testEligibility, UNKNOWN_LIST_CATEGORY, withUnknownList } from './fixtures.js'

const eligibility = testEligibility

async function load(store: Store, inputs: readonly ProfileInput[], asOf?: string) {
  return importProfiles(store, inputs.map((p) => JSON.stringify(p)), { eligibility, now: '2023-07-01T00:00:00Z', ...(asOf ? { asOf } : {}) })
}

/** Five profiles with the same score (same facts) submitted a second apart, and two above them. */
function tiedPool(): ProfileInput[] {
  const tied = [0, 1, 2, 3, 4].map((i) => profileInput(`tie-${i}`, `2022-11-23T00:01:2${9 - i}Z`, {}))
  return [...tied, profileInput('top-1', '2023-01-05T10:00:00Z', { english: 'high' }), profileInput('top-2', '2023-02-05T10:00:00Z', { english: 'high' }), profileInput('low-1', '2022-12-01T00:00:00Z', { english: 'low' })]
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) {
    console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  }
  describe.skipIf(skip !== null)(`rounds on ${dialect}`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await freshStore(dialect)
    })
    afterEach(async () => {
      await t.cleanup()
    })

    describe('ranking and the tie-break', () => {
      it('invites the higher scores first, then the earliest submitted at the lowest score', async () => {
        await load(t.store, tiedPool(), '2023-07-05')
        const round = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 4 }, { eligibility })
        const invited = await roundInvitations(t.store, round.number)
        expect(round).toMatchObject({ number: 1, label: 'STEM occupations (2023-1)', size: 4, invited: 4, ranked: 8 })
        expect(invited.map((i) => i.profileId)).toEqual(['top-1', 'top-2', 'tie-4', 'tie-3'])
        expect(round.lowestScore).toBe(invited[3]!.score)
        expect(round.tieBreakCutoff).toBe('2022-11-23T00:01:26Z')
      })

      it('an exact tie at the cut-off is broken by submission time, to the second', async () => {
        await load(t.store, tiedPool(), '2023-07-05')
        const round = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 3 }, { eligibility })
        const invited = await roundInvitations(t.store, round.number)
        expect(invited.map((i) => i.profileId)).toEqual(['top-1', 'top-2', 'tie-4'])
        expect(round.tieBreakCutoff).toBe('2022-11-23T00:01:25Z')
      })

      it('invites everyone when the round is bigger than the pool', async () => {
        await load(t.store, tiedPool(), '2023-07-05')
        const round = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 500 }, { eligibility })
        expect(round.invited).toBe(8)
        expect(round.distribution.at(-1)).toEqual({ range: 'total', count: 8 })
      })

      it('publishes the pool distribution in IRCC ranges', async () => {
        await load(t.store, tiedPool(), '2023-07-05')
        const d = await poolDistribution(t.store, '2023-07-05T00:00:00Z', eligibility)
        expect(countIn(d, 'total')).toBe(8)
      })
    })

    it('the same request twice invites once', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const request = { at: '2023-07-05T13:38:22Z', kind: 'general', size: 2 }
      const first = await holdRound(t.store, request, { eligibility })
      const again = await holdRound(t.store, request, { eligibility })
      expect(again).toEqual({ ...first, replayed: true })
      const next = await holdRound(t.store, { ...request, size: 3 }, { eligibility })
      expect(next.number).toBe(2)
      expect((await roundInvitations(t.store, 1)).length).toBe(2)
    })

    it('the same instant written with milliseconds is the same request: one round, its instant stored as YYYY-MM-DDTHH:mm:ssZ', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const first = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 2 }, { eligibility })
      const again = await holdRound(t.store, { at: '2023-07-05T13:38:22.000Z', kind: 'general', size: 2 }, { eligibility })
      expect(again).toEqual({ ...first, replayed: true })
      const other = await holdRound(t.store, { at: '2023-07-05T13:38:23.000Z', kind: 'general', size: 1 }, { eligibility })
      expect(other.at).toBe('2023-07-05T13:38:23Z')
      const rows = await t.store.db.selectFrom('round').select('at').execute()
      expect(rows.map((r) => r.at)).toEqual(['2023-07-05T13:38:22Z', '2023-07-05T13:38:23Z'])
    })

    it('a failure in the middle of a round leaves nothing written, and the number is not used', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const attempt = holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 3 }, { eligibility, failAfterInvitations: 1 })
      await expect(attempt).rejects.toSatisfy((e) => isExpressEntryError(e, 'storage_failure'))
      expect(await t.store.db.selectFrom('round').selectAll().execute()).toEqual([])
      expect(await t.store.db.selectFrom('invitation').selectAll().execute()).toEqual([])
      const statuses = await t.store.db.selectFrom('profile').select('status').distinct().execute()
      expect(statuses).toEqual([{ status: 'active' }])
      const round = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 3 }, { eligibility })
      expect(round.number).toBe(1)
    })

    it('two rounds started at once never invite the same profile', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const [a, b] = await Promise.all([
        holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 4 }, { eligibility }),
        holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 4 }, { eligibility }),
      ])
      const ids = [...(await roundInvitations(t.store, a.number)), ...(await roundInvitations(t.store, b.number))].map((i) => i.profileId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(8)
      expect([a.number, b.number].sort()).toEqual([1, 2])
    })

    it('a declined invitation puts the profile back in the pool; an accepted one takes it out', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const r1 = await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 2 }, { eligibility })
      expect((await roundInvitations(t.store, r1.number)).map((i) => i.profileId)).toEqual(['top-1', 'top-2'])
      await respondToInvitation(t.store, '1-1', 'decline', '2023-07-10T00:00:00Z')
      await respondToInvitation(t.store, 'top-2', 'accept', '2023-07-10T00:00:00Z')
      const r2 = await holdRound(t.store, { at: '2023-07-12T13:00:00Z', kind: 'general', size: 1 }, { eligibility })
      expect((await roundInvitations(t.store, r2.number)).map((i) => i.profileId)).toEqual(['top-1'])
      await expect(respondToInvitation(t.store, '1-2', 'decline', '2023-07-13T00:00:00Z')).rejects.toThrow(/accepted/)
    })

    it('an unanswered invitation expires after 60 days and the profile leaves the pool', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 1 }, { eligibility })
      // 2023-09-03 is 60 days after 2023-07-05: still open the second before.
      await expect(respondToInvitation(t.store, '1-1', 'accept', '2023-09-03T13:38:22Z')).rejects.toThrow(/expired/)
      const profile = await t.store.db.selectFrom('profile').select('status').where('id', '=', 'top-1').executeTakeFirstOrThrow()
      expect(profile.status).toBe('ita_expired')
      const r2 = await holdRound(t.store, { at: '2023-09-04T00:00:00Z', kind: 'general', size: 1 }, { eligibility })
      expect((await roundInvitations(t.store, r2.number))[0]!.profileId).toBe('top-2')
      // An answer dated while it was still open, after its expiry was recorded: said as out of time order, not as 60 days old.
      await expect(respondToInvitation(t.store, '1-1', 'accept', '2023-07-20T00:00:00Z')).rejects.toThrow('expired at 2023-09-03T13:38:22Z, as an event recorded after 2023-07-20T00:00:00Z found; an answer dated before that comes after the pool')
    })

    it('a profile leaves the pool 12 months after submission, and a withdrawn one at once', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      await withdrawProfile(t.store, 'top-1', '2023-07-06T00:00:00Z')
      // tie-* were submitted on 2022-11-23: gone on 2023-11-23 at 00:01:2x.
      const round = await holdRound(t.store, { at: '2023-11-23T00:01:27Z', kind: 'general', size: 10 }, { eligibility })
      const ids = (await roundInvitations(t.store, round.number)).map((i) => i.profileId)
      expect(ids).toEqual(['top-2', 'tie-1', 'tie-0', 'low-1'])
    })

    it('a withdrawal is refused before the profile was submitted, after it left the pool, and before its invitation; an invitation past its window expires, not declined', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const statusOf = async (id: string) => (await t.store.db.selectFrom('profile').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
      // top-1 was submitted on 2023-01-05.
      await expect(withdrawProfile(t.store, 'top-1', '2022-12-31T00:00:00Z')).rejects.toSatisfy((e) => isExpressEntryError(e, 'invalid_input') && /before the profile was submitted/.test(String((e as ExpressEntryError).message)))
      // tie-0 was submitted on 2022-11-23T00:01:29Z: out of the pool 12 months later.
      await expect(withdrawProfile(t.store, 'tie-0', '2023-12-01T00:00:00Z')).rejects.toSatisfy((e) => isExpressEntryError(e, 'conflict') && /left the pool on 2023-11-23T00:01:29Z/.test(String((e as ExpressEntryError).message)))
      await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 2 }, { eligibility })
      await expect(withdrawProfile(t.store, 'top-1', '2023-07-01T00:00:00Z')).rejects.toSatisfy((e) => isExpressEntryError(e, 'conflict') && /issued after 2023-07-01T00:00:00Z/.test(String((e as ExpressEntryError).message)))
      // top-2's invitation (60 days) ran out on 2023-09-03: withdrawing later finds it expired.
      await expect(withdrawProfile(t.store, 'top-2', '2023-10-01T00:00:00Z')).rejects.toSatisfy((e) => isExpressEntryError(e, 'conflict'))
      expect(await statusOf('top-2')).toBe('ita_expired')
      const invitations = await t.store.db.selectFrom('invitation').select(['id', 'status']).orderBy('id').execute()
      expect(invitations).toEqual([{ id: '1-1', status: 'expired' }, { id: '1-2', status: 'expired' }])
      expect(await statusOf('top-1')).toBe('ita_expired')
      expect(await statusOf('tie-0')).toBe('active')
    })

    it('the digest reproduces from the profiles alone', async () => {
      const inputs = tiedPool()
      await load(t.store, inputs, '2023-07-05')
      const request = { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 3 } as const
      const round = await holdRound(t.store, request, { eligibility })
      const rerun = rankProfiles(inputs.map(profileOf), request, eligibility)
      expect(rerun.digest).toBe(round.digest)
      expect(rerun.lowestScore).toBe(round.lowestScore)
      expect(rerun.tieBreakCutoff).toBe(round.tieBreakCutoff)
    })

    it('rejects a round earlier than the last one, and an unknown category', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      await holdRound(t.store, { at: '2023-07-05T13:38:22Z', kind: 'general', size: 1 }, { eligibility })
      await expect(holdRound(t.store, { at: '2023-07-04T13:38:22Z', kind: 'general', size: 1 }, { eligibility })).rejects.toThrow(/time order/)
      await expect(holdRound(t.store, { at: '2023-07-06T13:38:22Z', kind: 'category', category: 'stem-2099-1', size: 1 }, { eligibility })).rejects.toThrow(/unknown category/)
      await expect(holdRound(t.store, { at: '2024-03-06T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 1 }, { eligibility })).rejects.toThrow(/stem-2023-1 is not in force on 2024-03-06/)
    })

    it('refuses a round dated ahead of now (it would hold back every real round after it), writing nothing; a few minutes of clock difference pass', async () => {
      await load(t.store, tiedPool(), '2023-07-05')
      const now = '2023-07-05T13:38:22Z'
      const error = await holdRound(t.store, { at: '2099-07-05T13:38:22Z', kind: 'general', size: 1 }, { eligibility, now }).catch((e: unknown) => e)
      expect(isExpressEntryError(error, 'invalid_input')).toBe(true)
      expect((error as ExpressEntryError<'invalid_input'>).details.issues).toEqual([
        { path: 'at', value: '2099-07-05T13:38:22Z', message: `is after now (${now}): a round is held when it happens, at or before now (a few minutes of clock difference allowed); to see what a round to come would do, simulate it (express-entry round --dry-run, POST /v1/rounds/simulate)` },
      ])
      await expect(holdRound(t.store, { at: '2023-07-05T13:43:23Z', kind: 'general', size: 1 }, { eligibility, now })).rejects.toThrow(/is after now/)
      expect(await t.store.db.selectFrom('round').selectAll().execute()).toEqual([])
      expect((await holdRound(t.store, { at: '2023-07-05T13:43:22Z', kind: 'general', size: 1 }, { eligibility, now })).number).toBe(1)
    })

    it("refuses a round for a category whose list of occupations is not known (who is eligible can't be told), writing nothing", async () => {
      const unknown = withUnknownList(eligibility)
      await load(t.store, tiedPool(), '2023-07-05')
      const request = { at: '2023-07-05T13:38:22Z', kind: 'category', category: UNKNOWN_LIST_CATEGORY, size: 1 }
      const error = await holdRound(t.store, request, { eligibility: unknown }).catch((e: unknown) => e)
      expect(isExpressEntryError(error, 'invalid_input')).toBe(true)
      expect((error as ExpressEntryError<'invalid_input'>).details.issues).toEqual([
        { path: 'category', value: UNKNOWN_LIST_CATEGORY, message: `no round can be held for ${UNKNOWN_LIST_CATEGORY}: who is eligible cannot be told. The list of occupations of Test occupations (list unknown) is not known to this engine (a test-only version)` },
      ])
      expect(await t.store.db.selectFrom('round').selectAll().execute()).toEqual([])
      // The same refusal from the in-memory engine; other rounds go on as before.
      expect(() => rankProfiles(tiedPool().map(profileOf), request, unknown)).toThrow(/who is eligible cannot be told/)
      expect((await holdRound(t.store, { ...request, category: 'stem-2023-1' }, { eligibility: unknown })).number).toBe(1)
    })
  })
}
