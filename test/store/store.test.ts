/** openStore on each dialect: the dialect from the target, WAL on SQLite, migrations, constraints. */
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isPostgresUrl, openStore } from '../../src/store/index.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'

describe('isPostgresUrl', () => {
  it.each([
    { target: 'postgres://ee@127.0.0.1:5432/pool', postgres: true },
    { target: 'postgresql://ee@localhost/pool', postgres: true },
    { target: 'pool.db', postgres: false },
    { target: '/var/data/postgres.db', postgres: false },
    { target: ':memory:', postgres: false },
  ])('$target → postgres: $postgres', ({ target, postgres }) => {
    expect(isPostgresUrl(target)).toBe(postgres)
  })
})

describe('openStore on SQLite', () => {
  it('opens a private in-memory database', async () => {
    const store = await openStore(':memory:')
    expect(store.dialect).toBe('sqlite')
    expect(await store.db.selectFrom('profile').selectAll().execute()).toEqual([])
    await store.close()
  })

  it('reports a path it cannot open as a storage failure', async () => {
    await expect(openStore('/nonexistent-dir/x/pool.db')).rejects.toMatchObject({ code: 'storage_failure' })
  })
})

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`store on ${dialect}`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await freshStore(dialect)
    })
    afterEach(async () => {
      await t.cleanup()
    })

    it('picks the dialect from the target and migrates once', async () => {
      expect(t.store.dialect).toBe(dialect)
      const again = await openStore(t.target)
      const migrations = await sql<{ name: string }>`select name from ee_migration order by name`.execute(again.db)
      expect(migrations.rows.map((r) => r.name)).toEqual(['2026_11_25_220000_create_pool', '2026_11_29_200000_create_round_alert', '2026_11_30_100000_round_undecided', '2026_11_30_200000_undecided_programs'])
      await again.close()
    })

    it.runIf(dialect === 'sqlite')('runs SQLite in WAL mode', async () => {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.store.db)
      expect(mode.rows[0]!.journal_mode).toBe('wal')
    })

    it('allows at most one open invitation per profile', async () => {
      await t.store.write(async (trx) => {
        await trx.insertInto('profile').values({ id: 'p', submitted_at: '2023-01-01T00:00:00Z', submitted_ms: 0, expires_ms: 1, status: 'invited', derived_from: 0, derived_until: 1, score: 1, programs: 1, categories: ',', undecided_programs: 0, updated_at: 'x' }).execute()
        for (const n of [1, 2]) {
          await trx.insertInto('round').values({ number: n, request_key: `k${n}`, kind: 'general', program: null, category: null, label: 'x', at: 'x', at_ms: n, size: 1, invited: 1, lowest_score: 1, tie_break_cutoff: 'x', ranked: 1, distribution: '[]', digest: 'x', rules: 'x', created_at: 'x' }).execute()
        }
        await trx.insertInto('invitation').values({ id: '1-1', round_number: 1, rank: 1, profile_id: 'p', score: 1, submitted_at: 'x', status: 'open', issued_ms: 1, expires_ms: 2, responded_at: null }).execute()
      })
      const second = t.store.write((trx) => trx.insertInto('invitation').values({ id: '2-1', round_number: 2, rank: 1, profile_id: 'p', score: 1, submitted_at: 'x', status: 'open', issued_ms: 1, expires_ms: 2, responded_at: null }).execute())
      await expect(second).rejects.toThrow(/unique|UNIQUE/)
    })

    it('rolls back every write of a failed transaction', async () => {
      const failing = t.store.write(async (trx) => {
        await trx.insertInto('pool_event').values({ at: 'x', kind: 'round_held', profile_id: null, round_number: null, data: '{}' }).execute()
        throw new Error('boom')
      })
      await expect(failing).rejects.toThrow('boom')
      expect(await t.store.db.selectFrom('pool_event').selectAll().execute()).toEqual([])
    })
  })
}
