/**
 * A round counts the candidates it cannot decide because their settlement funds are not given (E21):
 * `profile.undecided_programs`, the bitmask of the programs that can't tell (0 for a profile whose
 * answers are all certain), and `profile_undecided_idx`, a partial index over the profiles whose mask is
 * not 0, so a round looks for its undecided candidates among those alone, not over the whole pool a
 * second time. A category a profile can't tell only through such a program is marked `,?id,` in
 * `categories`, as skilled military recruits are (2026_11_30_100000_round_undecided).
 *
 * Stored values computed before did not hold either, so the active profiles that may have an undecided
 * program, those whose facts do not state `settlementFundsCad`, are marked stale and computed again on
 * the next day they are read (a round refreshes them before ranking).
 * @module
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('profile').addColumn('undecided_programs', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // Covering for the round's look-up (status, the pool window, score and instant, the category marks).
  await sql`create index profile_undecided_idx on profile (status, undecided_programs, programs, score desc, submitted_ms, expires_ms, derived_from, derived_until, categories) where undecided_programs <> 0`.execute(db)
  // Facts are stored as written (JSON.stringify, or an imported line as it came): the key is present,
  // with its value, exactly when funds are stated (the schema has no null for it).
  await sql`update profile set derived_until = derived_from where status = 'active' and id in (select id from profile_facts where facts not like ${'%"settlementFundsCad"%'})`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index profile_undecided_idx`.execute(db)
  await db.schema.alterTable('profile').dropColumn('undecided_programs').execute()
}
