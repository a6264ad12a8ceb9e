/** The `pool_event` table: an append-only log of what happened to the pool. @module */
import type { Generated, Insertable, Selectable } from 'kysely'

export type PoolEventKind = 'profiles_imported' | 'profile_submitted' | 'profile_updated' | 'profile_withdrawn' | 'round_held' | 'invitation_accepted' | 'invitation_declined' | 'invitation_expired'

export interface PoolEventTable {
  seq: Generated<number>
  at: string
  kind: PoolEventKind
  profile_id: string | null
  round_number: number | null
  /** Details, JSON. */
  data: string
}

export type PoolEventRow = Selectable<PoolEventTable>
export type NewPoolEventRow = Insertable<PoolEventTable>
