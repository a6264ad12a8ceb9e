/**
 * A category round counts the candidates it cannot decide (RoundResult.undecided): skilled military
 * recruits whose foreign service, or whose offer's details, the profile does not give. They are not
 * invited (an unknown is not a yes) and not left out silently (nor is it a no): the held round, its
 * simulation, the in-memory engine and the CLI say how many, and how many the round would have reached
 * had they been eligible. Counted here from the library's own answer for each profile
 * (isEligibleForCategory null), on each database, with values stored for the round's day and values
 * stored months before it; and on a database kept from before the count (its migration).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { addDays, dateOfInstant, type IsoDate } from '../../src/domain/dates.js'
import { isEligibleForCategory } from '../../src/eligibility/index.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles, instantMs } from '../../src/pool/lifecycle.js'
import { memoryEntry, rankProfiles, roundInMemory } from '../../src/pool/memory.js'
import { holdRound } from '../../src/pool/rounds.js'
import { simulateRound } from '../../src/pool/simulate.js'
import type { Profile } from '../../src/schemas/profile.js'
import { openStore } from '../../src/store/index.js'
import { migrations } from '../../src/store/migrations/index.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { registerRound } from '../../src/cli/commands/round.js'
import { runCli } from '../history/cli-helper.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'
import { withMilitaryRecruits } from './fixtures.js'

const eligibility = realEligibility()
const MILITARY = 'military-2026'
const LIKE: IsoDate = '2026-08-20'

/** The count as the rule defines it, from the library's answer for each profile in the pool at the round. */
function expectedUndecided(pool: readonly Profile[], at: string, size: number): { count: number; withinReach: number } {
  const day = dateOfInstant(at)
  const atMs = instantMs(at)
  const inPool = pool.filter((p) => instantMs(p.submittedAt) <= atMs)
  const undecided = inPool.filter((p) => isEligibleForCategory(p, MILITARY, day) === null)
  const decision = rankProfiles(inPool, { at, kind: 'category', category: MILITARY, size }, eligibility)
  const last = decision.invitations.at(-1)
  if (last === undefined || decision.invitations.length < size) return { count: undecided.length, withinReach: undecided.length }
  // Had one been eligible, it would rank above the last invited: a higher score, or the same submitted no later.
  const reached = undecided.filter((p) => {
    const score = rankProfiles([p], { at, kind: 'general', size: 1 }, eligibility).invitations[0]!.score
    return score > last.score || (score === last.score && p.submittedAt <= last.submittedAt)
  })
  return { count: undecided.length, withinReach: reached.length }
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`a category round counts the candidates it cannot decide (${dialect})`, () => {
    const stores: TestStore[] = []
    let pool: Profile[] = []
    beforeAll(() => {
      pool = withMilitaryRecruits([...generatePool({ size: 240, seed: 21, like: LIKE, eligibility, shape: 'model' })].map((g) => g.profile))
    })
    afterAll(async () => {
      for (const s of stores.splice(0)) await s.cleanup()
    })

    async function importedStore(asOf: IsoDate): Promise<{ t: TestStore; admitted: Profile[] }> {
      const t = await freshStore(dialect)
      stores.push(t)
      const imported = await importProfiles(t.store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf, now: `${LIKE}T00:00:00Z` })
      const rejected = new Set(imported.rejected.map((r) => r.id))
      return { t, admitted: pool.filter((p) => !rejected.has(p.id)) }
    }

    it.each([
      // Scored for the round's day on import, then months before it (every stored value stale on the day).
      { name: 'values stored for the day', asOf: addDays(LIKE, 1), size: 3 },
      { name: 'values stored months before', asOf: '2026-03-02', size: 3 },
      { name: 'a round larger than the category (room for every undecided one)', asOf: addDays(LIKE, 1), size: 500 },
    ])('$name: held, simulated and in memory, the same count as the library gives', { timeout: 120_000 }, async ({ asOf, size }) => {
      const { t, admitted } = await importedStore(asOf)
      const at = `${addDays(LIKE, 1)}T14:00:00Z`
      const request = { at, kind: 'category', category: MILITARY, size }
      const expected = expectedUndecided(admitted, at, size)
      expect(expected.count, 'profiles the rule cannot decide').toBeGreaterThan(10)
      if (size === 3) expect(expected.withinReach, 'some within reach, some not').toBeGreaterThan(0)
      if (size === 3) expect(expected.withinReach).toBeLessThan(expected.count)

      const simulated = await simulateRound(t.store, request, eligibility)
      const memory = roundInMemory(admitted.map((p) => memoryEntry(p, dateOfInstant(at), eligibility)), request)
      const held = await holdRound(t.store, request, { eligibility })
      expect(held.undecided).toEqual(expected)
      expect(simulated.undecided).toEqual(expected)
      expect(memory.undecided).toEqual(expected)
      // The undecided are not invited.
      expect(held.invited).toBe(Math.min(size, admitted.filter((p) => isEligibleForCategory(p, MILITARY, dateOfInstant(at)) === true).length))
    })

    it('a category round of another category counts none on a pool whose profiles state their funds; the replay answers the stored count; a round stored before the count reads null', async () => {
      const { t } = await importedStore(addDays(LIKE, 1))
      const stem = await holdRound(t.store, { at: `${addDays(LIKE, 1)}T16:00:00Z`, kind: 'category', category: 'stem-2026', size: 5 }, { eligibility })
      expect(stem.undecided).toEqual({ count: 0, withinReach: 0 })
      // The same request again answers the stored round, with its count.
      expect((await holdRound(t.store, { at: `${addDays(LIKE, 1)}T16:00:00Z`, kind: 'category', category: 'stem-2026', size: 5 }, { eligibility })).undecided).toEqual({ count: 0, withinReach: 0 })
      // A round held by a version before the count (its columns null) is read as null, not as 0.
      await sql`update round set undecided = null, undecided_within_reach = null where number = ${stem.number}`.execute(t.store.db)
      expect((await holdRound(t.store, { at: `${addDays(LIKE, 1)}T16:00:00Z`, kind: 'category', category: 'stem-2026', size: 5 }, { eligibility })).undecided).toBeNull()
    })

    it('a database kept from before the count: the migration marks the profiles with an offer stale, so the next round counts them', { timeout: 120_000 }, async () => {
      const { t, admitted } = await importedStore(addDays(LIKE, 1))
      // Back to the store as the version before wrote it: no undecided marks, no columns, no migration row.
      const db = t.store.db
      await sql`update profile set categories = replace(categories, ${`,?${MILITARY},`}, ${','})`.execute(db)
      for (const name of ['2026_11_30_200000_undecided_programs', '2026_11_30_100000_round_undecided']) {
        await migrations[name]!.down!(db as never)
        await sql`delete from ee_migration where name = ${name}`.execute(db)
      }
      const marked = await sql<{ n: number }>`select count(*) as n from profile where categories like ${'%?%'}`.execute(db)
      expect(Number(marked.rows[0]!.n)).toBe(0)

      // The next version opens the same database (the first connection stays for the cleanup).
      const reopened = await openStore(t.target)
      try {
        const at = `${addDays(LIKE, 1)}T14:00:00Z`
        const held = await holdRound(reopened, { at, kind: 'category', category: MILITARY, size: 3 }, { eligibility })
        expect(held.undecided).toEqual(expectedUndecided(admitted, at, 3))
      } finally {
        await reopened.close()
      }
    })
  })
}

describe('the CLI says it', () => {
  let t: TestStore
  let admitted: Profile[] = []
  const at = `${addDays(LIKE, 1)}T14:00:00Z`
  beforeAll(async () => {
    const pool = withMilitaryRecruits([...generatePool({ size: 120, seed: 22, like: LIKE, eligibility, shape: 'model' })].map((g) => g.profile))
    t = await freshStore('sqlite')
    const imported = await importProfiles(t.store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf: addDays(LIKE, 1), now: `${LIKE}T00:00:00Z` })
    const rejected = new Set(imported.rejected.map((r) => r.id))
    admitted = pool.filter((p) => !rejected.has(p.id))
    await t.store.close()
  }, 60_000)
  afterAll(async () => {
    await t.cleanup().catch(() => undefined)
  })

  it('round --dry-run: a line with the count, and the same in --json', async () => {
    const expected = expectedUndecided(admitted, at, 3)
    const args = ['round', '--db', t.target, '--category', MILITARY, '--size', '3', '--at', at, '--dry-run']
    const text = await runCli(registerRound, args)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`Can't tell:                    ${expected.count} candidates whose eligibility for the category cannot be told (not invited; ${expected.withinReach} of them within the round's reach, had they been eligible)`)
    const json = JSON.parse((await runCli(registerRound, [...args, '--json'])).stdout) as { undecided: unknown }
    expect(json.undecided).toEqual(expected)
    // A general round has no such line.
    expect((await runCli(registerRound, ['round', '--db', t.target, '--general', '--size', '3', '--at', at, '--dry-run'])).stdout).not.toContain("Can't tell")
  })

  it('pool show: the categories that cannot be told, apart from those the profile is eligible for', async () => {
    const undecided = admitted.find((p) => isEligibleForCategory(p, MILITARY, addDays(LIKE, 1)) === null)!
    const shown = JSON.parse((await runCli(registerPool, ['pool', 'show', '--db', t.target, undecided.id])).stdout) as { categories: string[]; undecidedCategories: string[] }
    expect(shown.undecidedCategories).toEqual([MILITARY])
    expect(shown.categories).not.toContain(MILITARY)
  })
})
