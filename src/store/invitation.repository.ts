/** Invitation rows. @module */
import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import type { InvitationRow, InvitationStatus, NewInvitationRow } from './invitation.table.js'

const BATCH = 500

export async function insertInvitations(db: Kysely<Database>, rows: readonly NewInvitationRow[], afterEachBatch?: (written: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insertInto('invitation').values(rows.slice(i, i + BATCH)).execute()
    afterEachBatch?.(Math.min(rows.length, i + BATCH))
  }
}

export async function invitationsOfRound(db: Kysely<Database>, roundNumber: number): Promise<InvitationRow[]> {
  return db.selectFrom('invitation').selectAll().where('round_number', '=', roundNumber).orderBy('rank').execute()
}

export async function getInvitation(db: Kysely<Database>, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function openInvitationOf(db: Kysely<Database>, profileId: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitation').selectAll().where('profile_id', '=', profileId).where('status', '=', 'open').executeTakeFirst()
}

/** Open invitations that have expired by `atMs`. */
export async function dueInvitations(db: Kysely<Database>, atMs: number): Promise<InvitationRow[]> {
  return db.selectFrom('invitation').selectAll().where('status', '=', 'open').where('expires_ms', '<=', atMs).execute()
}

export async function setInvitationStatus(db: Kysely<Database>, id: string, status: InvitationStatus, respondedAt: string | null): Promise<void> {
  await db.updateTable('invitation').set({ status, responded_at: respondedAt }).where('id', '=', id).execute()
}

/** The most recent invitation of a profile, whatever its status. */
export async function latestInvitationOf(db: Kysely<Database>, profileId: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitation').selectAll().where('profile_id', '=', profileId).orderBy('issued_ms', 'desc').limit(1).executeTakeFirst()
}
