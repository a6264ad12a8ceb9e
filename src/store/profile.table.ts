/**
 * The `profile` table: a profile's status and derived, indexed columns for rounds (its facts are in
 * `profile_facts`). The derived
 * columns (score, programs, categories) hold for the days [derivedFrom, derivedUntil); outside that
 * window they are recomputed from the facts (see pool/derived.ts).
 * @module
 */
import type { Insertable, Selectable, Updateable } from 'kysely'

/**
 * Where a profile stands: in the pool (`active`), holding an open invitation (`invited`), or gone:
 * accepted its invitation, let it expire, or withdrew (rules.md §9).
 */
export type ProfileStatus = 'active' | 'invited' | 'accepted' | 'ita_expired' | 'withdrawn'
export const PROFILE_STATUSES = ['active', 'invited', 'accepted', 'ita_expired', 'withdrawn'] as const

export interface ProfileTable {
  id: string
  /** First submission instant as given; never changed by updates (rules.md §9, S19). */
  submitted_at: string
  /** `submitted_at` in epoch milliseconds: the tie-break order. */
  submitted_ms: number
  /** Epoch ms when the profile leaves the pool: 12 months after submission (MI s.4(1), S4). */
  expires_ms: number
  status: ProfileStatus
  /** First day (day number since 1970-01-01) the derived columns hold. */
  derived_from: number
  /** First day they no longer hold (exclusive). */
  derived_until: number
  /** CRS total on the days of the window. */
  score: number
  /** Programs eligible for on those days, a bitmask (fsw 1, cec 2, fst 4, pnp 8). */
  programs: number
  /**
   * Category ids eligible for on those days, written `,id1,id2,` (empty `,` when none), and those that
   * cannot be told, written `,?id,` (pool/derived.ts categoriesColumn).
   */
  categories: string
  /**
   * Programs that cannot be told on those days (settlement funds not given, E21), a bitmask like
   * `programs` (never sharing a bit with it); 0 for almost every profile, and only the others are in
   * the partial index `profile_undecided_idx`.
   */
  undecided_programs: number
  updated_at: string
}

/**
 * `profile_facts`: the Profile facts (JSON), kept apart so that the `profile` table stays narrow
 * and a round's scans over a million rows read tens of megabytes, not gigabytes.
 */
export interface ProfileFactsTable {
  id: string
  facts: string
}

export type ProfileRow = Selectable<ProfileTable> & { facts: string }
export type NewProfileRow = Insertable<ProfileTable> & { facts: string }
export type ProfileRowUpdate = Updateable<ProfileTable> & { facts?: string }
