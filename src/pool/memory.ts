/**
 * The in-memory pool: the same round decision as the store, over profiles held in arrays. Used to
 * re-run a round from a pool's facts and verify its digest, and as the fast engine for simulations.
 * @module
 */
import { dateOfInstant, toDayNumber } from '../domain/dates.js'
import type { PoolDistribution } from '../history/distribution.js'
import type { Profile } from '../schemas/profile.js'
import { categoriesColumn, deriveAt, needleOf, valuesAt } from './derived.js'
import { distributionOfScoreCounts } from './distribution.js'
import { PROGRAM_BIT, type PoolEligibility } from './eligibility.js'
import { decideRound, rankCandidates, undecidedCount, type Candidate, type Decision, type UndecidedCandidate, type UndecidedCount } from './engine.js'
import { expiryOf, instantMs } from './lifecycle.js'
import { parseRoundRequest, roundLabel, type RoundRequest } from './round-request.js'

/** One profile of the in-memory pool with its derived values on `day`. */
export interface MemoryEntry {
  readonly profileId: string
  readonly submittedAt: string
  readonly submittedMs: number
  readonly expiresMs: number
  /** Still in the pool (not invited, accepted or withdrawn). */
  active: boolean
  /** Day number the values below were computed for. */
  day: number
  score: number
  programs: number
  /** `,id1,id2,?id3,` as in the store. */
  categories: string
  /** Programs that cannot be told, a bitmask as in the store (`undecided_programs`). */
  undecidedPrograms: number
}

export interface MemoryRound extends Decision {
  readonly distribution: PoolDistribution
  /** As a held round counts them (RoundResult.undecided). */
  readonly undecided: UndecidedCount
}

/** A profile as the in-memory engine holds it: its derived values on `day` (the same as the store's). */
export function memoryEntry(profile: Profile, day: string, eligibility: PoolEligibility): MemoryEntry {
  const d = deriveAt(profile, day, eligibility)
  return {
    profileId: profile.id,
    submittedAt: profile.submittedAt,
    submittedMs: instantMs(profile.submittedAt),
    expiresMs: instantMs(expiryOf(profile.submittedAt)),
    active: true,
    day: d.from,
    score: d.score,
    programs: d.programs,
    categories: categoriesColumn(d.categories, d.undecided),
    undecidedPrograms: d.undecidedPrograms,
  }
}

/**
 * Decides a round over in-memory entries whose values were computed for the round's day (entries
 * computed for another day must be refreshed first: see `rankProfiles`). Marks the invited inactive.
 * Entries kept in rank order make the ranking a linear pass (the sort then only checks the order).
 */
export function roundInMemory(entries: readonly MemoryEntry[], input: RoundRequest | unknown): MemoryRound {
  const request = parseRoundRequest(input)
  const atMs = instantMs(request.at)
  const day = toDayNumber(dateOfInstant(request.at))
  const bit = request.kind === 'program' ? PROGRAM_BIT[request.program!] : 0
  const needles = request.kind === 'category' ? needleOf(request.category!) : null
  const candidates: Candidate[] = []
  const undecided: UndecidedCandidate[] = []
  const chosen: MemoryEntry[] = []
  // Scores are 0-1200 (CRS maximum): an array beats a Map over a million profiles.
  const counts = new Float64Array(1201)
  for (const e of entries) {
    if (!e.active || e.expiresMs <= atMs || e.submittedMs > atMs) continue
    if (e.programs === 0) {
      // Eligible for no program for certain: not in the distribution, and a candidate of no round; one
      // that can't tell is undecided in a general round, a round of its program, or of a category it can't tell.
      if (e.undecidedPrograms === 0) continue
      if (e.day !== day) throw new Error(`entry ${e.profileId} was computed for another day`)
      if (bit === 0 ? needles === null || e.categories.includes(needles.undecided) : (e.undecidedPrograms & bit) !== 0) undecided.push({ score: e.score, submittedMs: e.submittedMs })
      continue
    }
    if (e.day !== day) throw new Error(`entry ${e.profileId} was computed for another day`)
    counts[e.score]!++
    if (bit !== 0 && (e.programs & bit) === 0) {
      if ((e.undecidedPrograms & bit) !== 0) undecided.push({ score: e.score, submittedMs: e.submittedMs })
      continue
    }
    if (needles !== null && !e.categories.includes(needles.eligible)) {
      if (e.categories.includes(needles.undecided)) undecided.push({ score: e.score, submittedMs: e.submittedMs })
      continue
    }
    candidates.push({ profileId: e.profileId, score: e.score, submittedAt: e.submittedAt, submittedMs: e.submittedMs })
    chosen.push(e)
  }
  const byId = new Map<string, MemoryEntry>()
  const decision = decideRound(request, rankCandidates(candidates))
  if (decision.invitations.length > 0) {
    for (const e of chosen) if (e.score >= decision.lowestScore!) byId.set(e.profileId, e)
    for (const i of decision.invitations) byId.get(i.profileId)!.active = false
  }
  const pairs: [number, number][] = []
  counts.forEach((count, score) => {
    if (count > 0) pairs.push([score, count])
  })
  return { ...decision, distribution: distributionOfScoreCounts(pairs), undecided: undecidedCount(request, decision, undecided) }
}

/**
 * Ranks the active, unexpired profiles eligible for a round from their facts alone (score and
 * eligibility computed on the round's day), as anyone can to verify a published round's digest.
 */
export function rankProfiles(profiles: readonly Profile[], input: unknown, eligibility: PoolEligibility): Decision {
  const request = parseRoundRequest(input)
  // Refuses the rounds holdRound refuses (a category not in force, or whose list is not known).
  roundLabel(request, eligibility)
  const day = dateOfInstant(request.at)
  const atMs = instantMs(request.at)
  const candidates: Candidate[] = []
  for (const p of profiles) {
    if (instantMs(expiryOf(p.submittedAt)) <= atMs || instantMs(p.submittedAt) > atMs) continue
    const v = valuesAt(p, day, eligibility)
    const ok =
      request.kind === 'general' ? v.programs !== 0 : request.kind === 'program' ? (v.programs & PROGRAM_BIT[request.program!]) !== 0 : v.categories.includes(request.category!)
    if (ok) candidates.push({ profileId: p.id, score: v.score, submittedAt: p.submittedAt, submittedMs: instantMs(p.submittedAt) })
  }
  return decideRound(request as RoundRequest, rankCandidates(candidates))
}
