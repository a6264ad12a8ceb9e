/**
 * A category round counts the candidates it could not decide (RoundResult.undecided): two columns on
 * `round`, null for the rounds held before. The profiles' stored `categories` now mark the categories
 * that cannot be told (`,?id,`, pool/derived.ts); stored values computed before did not, so the
 * profiles that could be undecided (only skilled military recruits can be, and only with a job offer)
 * are marked stale and computed again on the next day they are read.
 * @module
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('round').addColumn('undecided', 'integer').execute()
  await db.schema.alterTable('round').addColumn('undecided_within_reach', 'integer').execute()
  // Facts are stored as written (JSON.stringify, or an imported line as it came): an offer is
  // `"jobOffer":{` or `"jobOffer": {`, no offer `"jobOffer":null`. Only profiles with an offer can be undecided.
  await sql`update profile set derived_until = derived_from where status = 'active' and id in (select id from profile_facts where facts like ${'%"jobOffer":{%'} or facts like ${'%"jobOffer": {%'})`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('round').dropColumn('undecided_within_reach').execute()
  await db.schema.alterTable('round').dropColumn('undecided').execute()
}
