/** The `invitation` table: one invitation to apply (ITA) issued by a round. @module */
import type { Insertable, Selectable } from 'kysely'

export type InvitationStatus = 'open' | 'accepted' | 'declined' | 'expired'

export interface InvitationTable {
  /** `<round>-<rank>`, e.g. `254-500`. */
  id: string
  round_number: number
  rank: number
  profile_id: string
  score: number
  submitted_at: string
  status: InvitationStatus
  issued_ms: number
  /** Epoch ms when an unanswered invitation expires: the window in force when it was issued (pool.invitation-window). */
  expires_ms: number
  responded_at: string | null
}

export type InvitationRow = Selectable<InvitationTable>
export type NewInvitationRow = Insertable<InvitationTable>
