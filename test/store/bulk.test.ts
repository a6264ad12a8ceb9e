/** The SQLite bulk path of an import (store/bulk.ts): same rows as kysely, indexes back after the load or a failure. */
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bulkLoad, sqliteOf } from '../../src/store/bulk.js'
import { openStore, type Database, type Store } from '../../src/store/index.js'
import { insertProfiles } from '../../src/store/profile.repository.js'
import type { NewProfileRow } from '../../src/store/profile.table.js'

const row = (i: number): NewProfileRow => ({
  id: `p${String(i).padStart(4, '0')}`,
  submitted_at: '2023-01-01T00:00:00Z',
  submitted_ms: 1672531200000 + i,
  expires_ms: 1704067200000 + i,
  status: 'active',
  derived_from: 19358,
  derived_until: 19400,
  score: 400 + (i % 200),
  programs: i % 16,
  categories: i % 3 === 0 ? ',stem-2023-1,' : ',',
  undecided_programs: i % 16 === 0 ? i % 13 : 0,
  updated_at: '2023-01-01T00:00:00Z',
  facts: JSON.stringify({ id: i }),
})

const indexes = async (on: Store | Kysely<Database>): Promise<string[]> =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'profile' and sql is not null order by name`.execute('db' in on ? on.db : on)).rows.map((r) => r.name)

describe('bulk load on SQLite', () => {
  let store: Store
  beforeEach(async () => {
    store = await openStore(':memory:')
  })
  afterEach(async () => {
    await store.close()
  })

  it('is used only inside a write transaction', async () => {
    expect(sqliteOf(store.db)).toBeUndefined()
    await store.write(async (trx) => {
      expect(sqliteOf(trx)).toBeDefined()
    })
  })

  // Row counts around the multi-row statement size (200) and its remainder.
  it.each([0, 1, 199, 200, 201, 450])('stores %i rows exactly as given, the rank index rebuilt', async (n) => {
    const rows = Array.from({ length: n }, (_, i) => row(i))
    await store.write((trx) => bulkLoad(trx, () => insertProfiles(trx, rows)))
    expect(await indexes(store)).toEqual(['profile_rank_idx', 'profile_undecided_idx'])
    const stored = await store.db.selectFrom('profile').innerJoin('profile_facts', 'profile_facts.id', 'profile.id').selectAll('profile').select('profile_facts.facts').orderBy('profile.id').execute()
    expect(stored).toEqual(rows)
  })

  it('keeps the index while loading into a pool that has profiles', async () => {
    await store.write((trx) => insertProfiles(trx, [row(9999)]))
    await store.write((trx) =>
      bulkLoad(trx, async () => {
        expect(await indexes(trx)).toEqual(['profile_rank_idx', 'profile_undecided_idx'])
        await insertProfiles(trx, [row(1)])
      }),
    )
    expect(await indexes(store)).toEqual(['profile_rank_idx', 'profile_undecided_idx'])
  })

  it('a failure leaves no row and the index in place', async () => {
    await expect(
      store.write((trx) =>
        bulkLoad(trx, async () => {
          await insertProfiles(trx, [row(1), row(2)])
          // Dropped for the load of an empty pool, until the end.
          expect(await indexes(trx)).toEqual([])
          throw new Error('disk full')
        }),
      ),
    ).rejects.toThrow('disk full')
    expect(await store.db.selectFrom('profile').selectAll().execute()).toEqual([])
    expect(await indexes(store)).toEqual(['profile_rank_idx', 'profile_undecided_idx'])
  })
})

describe('the journal of a bulk load into an empty pool on a SQLite file', () => {
  let dir: string
  let store: Store
  beforeEach(async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    dir = mkdtempSync(`${tmpdir()}/ee-bulk-`)
    store = await openStore(`${dir}/pool.db`)
  })
  afterEach(async () => {
    await store.close()
    const { rmSync } = await import('node:fs')
    rmSync(dir, { recursive: true, force: true })
  })

  const journalDuring = (options: { bulk?: boolean }, rows: readonly NewProfileRow[]): Promise<string> =>
    store.write(async (trx) => {
      await insertProfiles(trx, rows)
      return sqliteOf(trx)!.pragma('journal_mode', { simple: true }) as string
    }, options)

  it('is a rollback journal during the load (pages written once), WAL again after', async () => {
    expect(await journalDuring({ bulk: true }, [row(1), row(2)])).toBe('delete')
    expect(await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db).then((r) => r.rows[0]!.journal_mode)).toBe('wal')
    expect(await store.db.selectFrom('profile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 2 })
  })

  it('stays WAL when the pool has profiles, or for an ordinary write', async () => {
    expect(await journalDuring({}, [row(1)])).toBe('wal')
    expect(await journalDuring({ bulk: true }, [row(2)])).toBe('wal')
  })

  it('stays WAL, without waiting, when another connection has the database open', async () => {
    const other = await openStore(`${dir}/pool.db`)
    try {
      await other.db.selectFrom('profile').select('id').execute()
      const started = Date.now()
      expect(await journalDuring({ bulk: true }, [row(1)])).toBe('wal')
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(await other.db.selectFrom('profile').select('id').execute()).toEqual([{ id: 'p0001' }])
    } finally {
      await other.close()
    }
  })

  it('a failure in rollback-journal mode leaves nothing written and the database in WAL', async () => {
    await expect(
      store.write(async (trx) => {
        await insertProfiles(trx, [row(1), row(2)])
        throw new Error('disk full')
      }, { bulk: true }),
    ).rejects.toThrow('disk full')
    expect(await store.db.selectFrom('profile').select('id').execute()).toEqual([])
    expect(await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db).then((r) => r.rows[0]!.journal_mode)).toBe('wal')
  })
})
