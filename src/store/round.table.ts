/** The `round` table: one published round of invitations (DESIGN.md "Round"). @module */
import type { Insertable, Selectable } from 'kysely'

export interface RoundTable {
  /** Round number; never reused. */
  number: number
  /** Idempotency key: the same request twice finds this round instead of inviting again. */
  request_key: string
  kind: 'general' | 'program' | 'category'
  program: string | null
  category: string | null
  label: string
  at: string
  at_ms: number
  size: number
  invited: number
  lowest_score: number | null
  tie_break_cutoff: string | null
  /** Count of eligible profiles ranked. */
  ranked: number
  /** The pool distribution (JSON array of `{ range, count }`). */
  distribution: string
  /** SHA-256 (hex) of the ranked input, see pool/digest.ts. */
  digest: string
  /** Id of the CRS rule set used. */
  rules: string
  /** How many candidates the round could not decide (engine.ts RoundResult.undecided; null: held before they were counted). */
  undecided: number | null
  /** Of them, how many it would have reached had they been eligible (engine.ts UndecidedCount). */
  undecided_within_reach: number | null
  created_at: string
}

export type RoundRow = Selectable<RoundTable>
export type NewRoundRow = Insertable<RoundTable>
