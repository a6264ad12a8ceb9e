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
    expect(await indexes(store)).toEqual(['profile_rank_idx'])
    const stored = await store.db.selectFrom('profile').innerJoin('profile_facts', 'profile_facts.id', 'profile.id').selectAll('profile').select('profile_facts.facts').orderBy('profile.id').execute()
    expect(stored).toEqual(rows)
  })

  it('keeps the index while loading into a pool that has profiles', async () => {
    await store.write((trx) => insertProfiles(trx, [row(9999)]))
    await store.write((trx) =>
      bulkLoad(trx, async () => {
        expect(await indexes(trx)).toEqual(['profile_rank_idx'])
        await insertProfiles(trx, [row(1)])
      }),
    )
    expect(await indexes(store)).toEqual(['profile_rank_idx'])
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
    expect(await indexes(store)).toEqual(['profile_rank_idx'])
  })
})
