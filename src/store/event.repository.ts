/** The append-only event log: only inserts and reads, never updates or deletes. @module */
import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import type { NewPoolEventRow, PoolEventRow } from './event.table.js'

const BATCH = 1000

export async function appendEvents(db: Kysely<Database>, events: readonly Omit<NewPoolEventRow, 'seq'>[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) await db.insertInto('pool_event').values(events.slice(i, i + BATCH)).execute()
}

export async function eventsOf(db: Kysely<Database>, profileId?: string): Promise<PoolEventRow[]> {
  let q = db.selectFrom('pool_event').selectAll()
  if (profileId) q = q.where('profile_id', '=', profileId)
  return q.orderBy('seq').execute()
}
