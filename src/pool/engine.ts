/**
 * The rounds engine, pure (DESIGN.md "Round"): rank the eligible candidates by CRS descending, then
 * submittedAt ascending; invite the first `size`; `lowestScore` is the CRS of the last one invited and
 * `tieBreakCutoff` its submittedAt (rules.md §9). Two profiles submitted in the same millisecond with
 * the same score (possible only in made-up data) are ordered by profile id so a round is repeatable.
 * The store-backed round (rounds.ts) and the in-memory pool (memory.ts) both decide through here.
 * @module
 */
import type { PoolDistribution } from '../history/distribution.js'
import { rankedDigest, type RankedCandidate } from './digest.js'
import type { RoundRequest } from './round-request.js'

export interface Candidate extends RankedCandidate {
  /** submittedAt in epoch milliseconds. */
  readonly submittedMs: number
}

export interface InvitationLine {
  readonly profileId: string
  readonly rank: number
  readonly score: number
  readonly submittedAt: string
}

/** The published round (DESIGN.md), extended with what identifies and verifies it. */
export interface RoundResult {
  readonly number: number
  readonly at: string
  readonly kind: RoundRequest['kind']
  readonly program: string | null
  readonly category: string | null
  readonly label: string
  readonly size: number
  readonly invited: number
  readonly lowestScore: number | null
  readonly tieBreakCutoff: string | null
  readonly distribution: PoolDistribution
  /** How many eligible candidates were ranked. */
  readonly ranked: number
  /** SHA-256 of the ranked input (digest.ts says exactly what is hashed). */
  readonly digest: string
  /** Id of the CRS rule set of the round's day. */
  readonly rules: string
  /**
   * The candidates whose eligibility for the round cannot be told (not invited: an unknown is not a
   * yes, nor counted as a no): a general round, no program is a yes but one can't tell (settlement
   * funds not given, E21); a program round, its program can't tell (FSW, FST; PNP nominated whose only
   * way is such a program); a category round, the category can't tell (its own rule, E15, or its
   * rule met but only a program that can't tell, E13). Null for a round stored before they were
   * counted (a category round before 2026-11-30, a general or program round before 2026-11-30's
   * undecided_programs).
   */
  readonly undecided: UndecidedCount | null
}

/** Candidates a round could not decide (PoolAnswers.undecided, PoolAnswers.undecidedPrograms). */
export interface UndecidedCount {
  readonly count: number
  /**
   * Of them, how many the round would have reached had they been eligible: ranked at or above its
   * cut-off (lowest score, then the tie-break), or any of them when it invited fewer than its size.
   */
  readonly withinReach: number
}

/** Where a candidate the round could not decide stands: its score and submission instant. */
export interface UndecidedCandidate {
  readonly score: number
  readonly submittedMs: number
}

/** Rank order: CRS descending, then submission time ascending, then id. */
function compareRank(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.submittedMs - b.submittedMs || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0)
}

export interface Decision {
  readonly invitations: readonly InvitationLine[]
  readonly lowestScore: number | null
  readonly tieBreakCutoff: string | null
  readonly digest: string
  readonly ranked: number
}

/** What a round publishes of its request and its decision's invitations, held or simulated. */
export type RoundOutcome = Omit<RoundResult, 'number' | 'distribution' | 'ranked' | 'digest' | 'rules'>

/** The undecided count of a round (RoundResult.undecided) from where its undecided candidates stand. */
export function undecidedCount(request: RoundRequest, decision: Decision, undecided: readonly UndecidedCandidate[]): UndecidedCount {
  const last = decision.invitations[decision.invitations.length - 1]
  if (last === undefined || decision.invitations.length < request.size) return { count: undecided.length, withinReach: undecided.length }
  const cutoffMs = Date.parse(last.submittedAt)
  let withinReach = 0
  for (const u of undecided) if (u.score > last.score || (u.score === last.score && u.submittedMs <= cutoffMs)) withinReach++
  return { count: undecided.length, withinReach }
}

export function roundOutcome(request: RoundRequest, label: string, decision: Decision, undecided: readonly UndecidedCandidate[]): RoundOutcome {
  return {
    at: request.at,
    kind: request.kind,
    program: request.program ?? null,
    category: request.category ?? null,
    label,
    size: request.size,
    invited: decision.invitations.length,
    lowestScore: decision.lowestScore,
    tieBreakCutoff: decision.tieBreakCutoff,
    undecided: undecidedCount(request, decision, undecided),
  }
}

/** Decides a round over candidates already in rank order (see compareRank). */
export function decideRound(request: RoundRequest, ranked: readonly Candidate[]): Decision {
  const count = Math.min(request.size, ranked.length)
  const invitations: InvitationLine[] = new Array<InvitationLine>(count)
  for (let i = 0; i < count; i++) {
    const c = ranked[i]!
    invitations[i] = { profileId: c.profileId, rank: i + 1, score: c.score, submittedAt: c.submittedAt }
  }
  const last = invitations[count - 1]
  return {
    invitations,
    lowestScore: last ? last.score : null,
    tieBreakCutoff: last ? last.submittedAt : null,
    digest: rankedDigest(request, ranked),
    ranked: ranked.length,
  }
}

/** Sorts candidates into rank order, in place, and returns them. */
export function rankCandidates<C extends Candidate>(candidates: C[]): C[] {
  return candidates.sort(compareRank)
}
