/**
 * The pool's tables: profiles with derived, indexed columns, and their facts; rounds; invitations;
 * the event log.
 * One migration for both dialects; only the event log's auto-numbered key differs in spelling.
 * @module
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('derived_from', 'integer', (c) => c.notNull())
    .addColumn('derived_until', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('programs', 'integer', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // Everything a round reads from a profile, in rank order (score descending, then submission
  // time): the candidates, the counts by score and the stale check are index-only scans.
  await db.schema
    .createIndex('profile_rank_idx')
    .on('profile')
    .columns(['status', 'score desc', 'submitted_ms', 'expires_ms', 'programs', 'derived_from', 'derived_until', 'categories', 'id', 'submitted_at'])
    .execute()
  // The facts apart, so that scans of `profile` stay small.
  await db.schema
    .createTable('profile_facts')
    .addColumn('id', 'text', (c) => c.primaryKey().references('profile.id'))
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('round')
    .addColumn('number', 'integer', (c) => c.primaryKey())
    .addColumn('request_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('program', 'text')
    .addColumn('category', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('lowest_score', 'integer')
    .addColumn('tie_break_cutoff', 'text')
    .addColumn('ranked', 'integer', (c) => c.notNull())
    .addColumn('distribution', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_number', 'integer', (c) => c.notNull().references('round.number'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('profile.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addUniqueConstraint('invitation_round_rank_unique', ['round_number', 'rank'])
    .execute()
  await db.schema.createIndex('invitation_profile_idx').on('invitation').columns(['profile_id', 'status']).execute()
  // At most one open invitation per profile, enforced by the database itself.
  await sql`create unique index invitation_one_open_idx on invitation (profile_id) where status = 'open'`.execute(db)

  await db.schema
    .createTable('pool_event')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text')
    .addColumn('round_number', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['pool_event', 'invitation', 'round', 'profile_facts', 'profile']) await db.schema.dropTable(table).ifExists().execute()
}
