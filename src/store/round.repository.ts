/** Round rows. @module */
import { sql, type Kysely } from 'kysely'
import type { Database } from './database.js'
import type { NewRoundRow, RoundRow } from './round.table.js'

export async function findRoundByKey(db: Kysely<Database>, key: string): Promise<RoundRow | undefined> {
  return db.selectFrom('round').selectAll().where('request_key', '=', key).executeTakeFirst()
}

export async function getRound(db: Kysely<Database>, number: number): Promise<RoundRow | undefined> {
  return db.selectFrom('round').selectAll().where('number', '=', number).executeTakeFirst()
}

/** The highest round number and the latest round instant so far (null for none). */
export async function lastRound(db: Kysely<Database>): Promise<{ number: number | null; atMs: number | null }> {
  const row = await db
    .selectFrom('round')
    .select([sql<number | null>`max(number)`.as('number'), sql<number | null>`max(at_ms)`.as('atMs')])
    .executeTakeFirst()
  return { number: row?.number == null ? null : Number(row.number), atMs: row?.atMs == null ? null : Number(row.atMs) }
}

export async function insertRound(db: Kysely<Database>, row: NewRoundRow): Promise<void> {
  await db.insertInto('round').values(row).execute()
}
