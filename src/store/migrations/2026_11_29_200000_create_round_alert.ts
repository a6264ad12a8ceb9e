/**
 * Alerts on new rounds (`express-entry watch`): the rounds each channel has sent, keyed by channel and
 * round number, so a round is sent once across restarts. Added after the pool's tables; no change to them.
 * @module
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_alert')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('round_number', 'text', (c) => c.notNull())
    .addColumn('round_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_alert_pk', ['channel', 'round_number'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_alert').execute()
}
