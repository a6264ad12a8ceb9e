/** The kysely `Database` interface: every table of the store. @module */
import type { PoolEventTable } from './event.table.js'
import type { InvitationTable } from './invitation.table.js'
import type { ProfileFactsTable, ProfileTable } from './profile.table.js'
import type { RoundTable } from './round.table.js'
import type { RoundAlertTable } from './round-alert.table.js'

export interface Database {
  profile: ProfileTable
  profile_facts: ProfileFactsTable
  round: RoundTable
  invitation: InvitationTable
  pool_event: PoolEventTable
  round_alert: RoundAlertTable
}
