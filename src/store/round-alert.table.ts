/**
 * The `round_alert` table: each past round (of IRCC's record) an alert channel has already sent, so that
 * `express-entry watch` sends every round once, across restarts. @module
 */
import type { Selectable } from 'kysely'

export interface RoundAlertTable {
  /** Who is alerted: `webhook:<url>` or `print`, with `|profile:<id>` for a personal alert. */
  channel: string
  /** The round's number in IRCC's record ("447", "91a"). */
  round_number: string
  round_date: string
  /**
   * `sent` (delivered), `baseline` (already in the record when the channel started watching), or
   * `sending` (claimed by a run delivering it now; `sent_at` is when it was claimed: alerts/watch.ts).
   */
  status: 'sent' | 'baseline' | 'sending'
  sent_at: string
}

export type RoundAlertRow = Selectable<RoundAlertTable>
