/**
 * Holding a round of invitations on the store (DESIGN.md "Round"), as one write transaction:
 * 1. the same request again (same idempotency key) returns the round already held, inviting no one;
 * 2. open invitations due by the round's instant expire (their profiles leave the pool);
 * 3. profiles whose stored score and eligibility do not hold on the round's day are recomputed;
 * 4. the eligible candidates are ranked in the database; the ones about to be invited are re-checked
 *    from their facts (score and eligibility on the day) and, should a stored value be wrong, fixed
 *    and ranked again;
 * 5. the round, its invitations, the profiles' new status and the events are written: all or none.
 * Round numbers only go up; a round's instant may not be earlier than the last round's.
 * @module
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { crsRulesAt } from '../crs/index.js'
import { dateOfInstant, instantOfMs, nowInstant, toDayNumber, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import type { PoolDistribution } from '../history/distribution.js'
import type { Database } from '../store/database.js'
import { appendEvents } from '../store/event.repository.js'
import type { Store } from '../store/index.js'
import { insertInvitations, invitationsOfRound } from '../store/invitation.repository.js'
import { factsOfProfiles, heldScoreCounts, poolSummary, rankedCandidates, setProfileStatus, staleProfiles, undecidedCandidates, updateDerived, type CandidateFilter } from '../store/profile.repository.js'
import { findRoundByKey, getRound, insertRound, lastRound } from '../store/round.repository.js'
import type { RoundRow } from '../store/round.table.js'
import { categoriesColumn, deriveAt, valuesAt } from './derived.js'
import { distributionOfScoreCounts } from './distribution.js'
import { PROGRAM_BIT, type PoolEligibility } from './eligibility.js'
import { decideRound, rankCandidates, roundOutcome, type Candidate, type InvitationLine, type RoundResult, type UndecidedCandidate } from './engine.js'
import { factsOf, expireInvitations, instantMs, invitationExpiryMs } from './lifecycle.js'
import { parseRoundRequest, roundLabel, type RoundRequest } from './round-request.js'

/** How far ahead of this machine's clock a round's instant may be (another machine's clock may run ahead). */
const CLOCK_SKEW_MS = 5 * 60_000

export interface HoldRoundOptions {
  readonly eligibility: PoolEligibility
  readonly now?: string
  /** For tests: fail after this many invitations are written (the transaction must roll back). */
  readonly failAfterInvitations?: number
  /** For tests: called after each batch of invitations is written, inside the transaction. */
  readonly afterInvitationsWritten?: (written: number) => void
}

export interface HeldRound extends RoundResult {
  /** True when this request had already been held: nothing new was written. */
  readonly replayed: boolean
}

/** A round request in words, to tell two apart: `general round of 500 at 2023-07-05T13:38:22Z`. */
export function describeRequest(r: { readonly at: string; readonly kind: string; readonly program?: string | undefined; readonly category?: string | undefined; readonly size: number }): string {
  const what = r.kind === 'program' ? `program round (${r.program})` : r.kind === 'category' ? `category round (${r.category})` : 'general round'
  return `${what} of ${r.size} at ${r.at}`
}

/** The default idempotency key: SHA-256 of the request's fields in a fixed order. */
function requestKey(request: RoundRequest): string {
  return request.idempotencyKey ?? createHash('sha256').update(JSON.stringify([request.kind, request.program ?? null, request.category ?? null, request.size, request.at])).digest('hex')
}

export function candidateFilter(request: RoundRequest): CandidateFilter {
  if (request.kind === 'general') return { kind: 'general' }
  if (request.kind === 'program') return { kind: 'program', bit: PROGRAM_BIT[request.program!] }
  return { kind: 'category', id: request.category! }
}

function resultOfRow(row: RoundRow): RoundResult {
  return {
    number: Number(row.number),
    at: row.at,
    kind: row.kind,
    program: row.program,
    category: row.category,
    label: row.label,
    size: Number(row.size),
    invited: Number(row.invited),
    lowestScore: row.lowest_score === null ? null : Number(row.lowest_score),
    tieBreakCutoff: row.tie_break_cutoff,
    distribution: JSON.parse(row.distribution) as PoolDistribution,
    ranked: Number(row.ranked),
    digest: row.digest,
    rules: row.rules,
    undecided: row.undecided === null ? null : { count: Number(row.undecided), withinReach: Number(row.undecided_within_reach) },
  }
}

/**
 * Whether a round's undecided candidates are looked for over the whole pool: a category round whose
 * category can't tell by its own rule (CategoryInfo.mayBeUndecided), also for a profile certainly
 * eligible for a program. Every other round's undecided candidates have a program that can't tell, and
 * are read through the partial index of those alone (profile.repository.ts undecidedCandidates).
 */
function wholePoolUndecided(request: RoundRequest, eligibility: PoolEligibility): boolean {
  return request.kind === 'category' && eligibility.categoryById(request.category!)?.mayBeUndecided === true
}

/** Recomputes the derived columns of the active profiles that do not hold on `day`. */
async function refreshStale(trx: Kysely<Database>, day: IsoDate, atMs: number, eligibility: PoolEligibility): Promise<number> {
  const stale = await staleProfiles(trx, toDayNumber(day), atMs)
  for (const row of stale) await writeDerived(trx, row.id, factsOf(row), day, eligibility)
  return stale.length
}

async function writeDerived(trx: Kysely<Database>, id: string, profile: ReturnType<typeof factsOf>, day: IsoDate, eligibility: PoolEligibility): Promise<void> {
  const d = deriveAt(profile, day, eligibility)
  await updateDerived(trx, id, { derived_from: d.from, derived_until: d.until, score: d.score, programs: d.programs, categories: categoriesColumn(d.categories, d.undecided), undecided_programs: d.undecidedPrograms })
}

function passes(request: RoundRequest, v: { programs: number; categories: readonly string[] }): boolean {
  if (request.kind === 'general') return v.programs !== 0
  if (request.kind === 'program') return (v.programs & PROGRAM_BIT[request.program!]) !== 0
  return v.categories.includes(request.category!)
}

/** Whether a round cannot decide a profile (RoundResult.undecided): it does not pass, and its answer is can't tell. */
function undecidedIn(request: RoundRequest, v: { programs: number; undecidedPrograms: number; undecided: readonly string[] }): boolean {
  if (request.kind === 'general') return v.programs === 0 && v.undecidedPrograms !== 0
  if (request.kind === 'program') return (v.undecidedPrograms & PROGRAM_BIT[request.program!]) !== 0
  return v.undecided.includes(request.category!)
}

/**
 * Re-checks the candidates about to be invited from their facts; fixes and counts those whose
 * stored values were wrong on `day`.
 */
async function recheckTop(trx: Kysely<Database>, request: RoundRequest, top: readonly Candidate[], day: IsoDate, eligibility: PoolEligibility): Promise<number> {
  let wrong = 0
  const ids = top.map((c) => c.profileId)
  const facts = await factsOfProfiles(trx, ids)
  for (const c of top) {
    const profile = factsOf({ facts: facts.get(c.profileId)! })
    const v = valuesAt(profile, day, eligibility)
    if (v.score !== c.score || !passes(request, v)) {
      wrong++
      await writeDerived(trx, c.profileId, profile, day, eligibility)
    }
  }
  return wrong
}

/** The round's candidates in rank order (active, unexpired, passing `filter`), as the engine takes them. */
export async function rankedPool(db: Kysely<Database>, filter: CandidateFilter, atMs: number): Promise<Candidate[]> {
  const rows = await rankedCandidates(db, filter, atMs)
  // Already in order but for equal instants: the sort only checks the order and settles those.
  return rankCandidates(rows.map((r) => ({ profileId: r.id, score: Number(r.score), submittedAt: r.submitted_at, submittedMs: Number(r.submitted_ms) })))
}

/** The profiles of `ids` scored on `day` from their facts, a thousand at a time, yielding between batches. */
async function* valuesOnDay(db: Kysely<Database>, ids: readonly string[], day: IsoDate, eligibility: PoolEligibility) {
  for (let i = 0; i < ids.length; i += 1000) {
    const facts = await factsOfProfiles(db, ids.slice(i, i + 1000))
    for (const text of facts.values()) {
      const profile = factsOf({ facts: text })
      yield { profile, values: valuesAt(profile, day, eligibility) }
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/**
 * A round's candidates in rank order without writing anything (a simulation): the stored values that
 * hold on the round's day, and the profiles whose values do not, scored from their facts in memory;
 * the same ranking a held round makes after refreshing them. With them, the candidates it cannot
 * decide (RoundResult.undecided).
 */
export async function rankedPoolOnDay(db: Kysely<Database>, request: RoundRequest, eligibility: PoolEligibility): Promise<{ ranked: Candidate[]; undecided: UndecidedCandidate[] }> {
  const atMs = instantMs(request.at)
  const day = dateOfInstant(request.at)
  const { staleIds } = await heldScoreCounts(db, toDayNumber(day), atMs)
  const stale = new Set(staleIds)
  const candidates: Candidate[] = []
  for (const r of await rankedCandidates(db, candidateFilter(request), atMs)) {
    if (!stale.has(r.id)) candidates.push({ profileId: r.id, score: Number(r.score), submittedAt: r.submitted_at, submittedMs: Number(r.submitted_ms) })
  }
  const undecided: UndecidedCandidate[] = await undecidedCandidates(db, candidateFilter(request), atMs, { day: toDayNumber(day), wholePool: wholePoolUndecided(request, eligibility) })
  for await (const { profile, values } of valuesOnDay(db, staleIds, day, eligibility)) {
    if (passes(request, values)) candidates.push({ profileId: profile.id, score: values.score, submittedAt: profile.submittedAt, submittedMs: instantMs(profile.submittedAt) })
    else if (undecidedIn(request, values)) undecided.push({ score: values.score, submittedMs: instantMs(profile.submittedAt) })
  }
  return { ranked: rankCandidates(candidates), undecided }
}

/**
 * What the store already says of a round request, before any ranking: the round held for its key (a
 * replay), or a conflict (the key held for another request, or an instant before the last round's).
 * Holding and simulating both ask it first, so a simulation answers what holding would.
 */
export async function alreadyHeld(db: Kysely<Database>, request: RoundRequest): Promise<RoundResult | null> {
  const key = requestKey(request)
  const existing = await findRoundByKey(db, key)
  if (existing) {
    // The same key for another request is a mistake, not a replay: say what each one asked.
    const held = describeRequest({ at: existing.at, kind: existing.kind, program: existing.program ?? undefined, category: existing.category ?? undefined, size: Number(existing.size) })
    const asked = describeRequest(request)
    if (held !== asked) {
      throw new ExpressEntryError('conflict', { entity: 'idempotency key', id: JSON.stringify(key), reason: `was used by round ${Number(existing.number)} for ${held}; this request is ${asked}: use a new key for a different round` })
    }
    return resultOfRow(existing)
  }
  const last = await lastRound(db)
  if (last.atMs !== null && instantMs(request.at) < last.atMs) {
    throw new ExpressEntryError('conflict', { entity: 'round', id: request.at, reason: `is earlier than the last round (${instantOfMs(last.atMs)}); rounds are held in time order` })
  }
  return null
}

/** Holds a round (see the module comment). */
export async function holdRound(store: Store, input: unknown, options: HoldRoundOptions): Promise<HeldRound> {
  const request = parseRoundRequest(input)
  const { eligibility } = options
  const label = roundLabel(request, eligibility)
  const day = dateOfInstant(request.at)
  const atMs = instantMs(request.at)
  const rules = crsRulesAt(day).id
  const key = requestKey(request)
  const now = options.now ?? nowInstant()
  // A held round is a fact of the pool's history, written at the instant it happens: one dated ahead
  // would hold every real round after it back (time order, above) with no way to undo it.
  if (atMs > instantMs(now) + CLOCK_SKEW_MS) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'at', value: request.at, message: `is after now (${now}): a round is held when it happens, at or before now (a few minutes of clock difference allowed); to see what a round to come would do, simulate it (express-entry round --dry-run, POST /v1/rounds/simulate)` }] })
  }
  return store.write(async (trx) => {
    const held = await alreadyHeld(trx, request)
    if (held) return { ...held, replayed: true }
    const last = await lastRound(trx)
    await expireInvitations(trx, atMs, now)
    // One pass gives the distribution and tells whether any stored value is stale on the day.
    let summary = await poolSummary(trx, toDayNumber(day), atMs)
    if (summary.stale > 0) {
      await refreshStale(trx, day, atMs, eligibility)
      summary = await poolSummary(trx, toDayNumber(day), atMs)
    }

    const filter = candidateFilter(request)
    let ranked: Candidate[] = []
    for (let attempt = 0; ; attempt++) {
      ranked = await rankedPool(trx, filter, atMs)
      const wrong = await recheckTop(trx, request, ranked.slice(0, request.size), day, eligibility)
      if (wrong === 0) break
      summary = await poolSummary(trx, toDayNumber(day), atMs)
      if (attempt >= 2) {
        // Stored values keep disagreeing with the facts: recompute every active profile on the day.
        const all = await trx.selectFrom('profile').select('id').where('status', '=', 'active').where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs).execute()
        const facts = await factsOfProfiles(trx, all.map((r) => r.id))
        for (const row of all) await writeDerived(trx, row.id, factsOf({ facts: facts.get(row.id)! }), day, eligibility)
      }
    }

    const decision = decideRound(request, ranked)
    const distribution = distributionOfScoreCounts(summary.counts)
    const number = (last.number ?? 0) + 1
    // Every stored value holds on the day by now (refreshed above): the undecided are read as stored.
    const undecided = await undecidedCandidates(trx, filter, atMs, { wholePool: wholePoolUndecided(request, eligibility) })
    const result: RoundResult = { number, ...roundOutcome(request, label, decision, undecided), distribution, ranked: decision.ranked, digest: decision.digest, rules }
    await insertRound(trx, {
      number,
      request_key: key,
      kind: result.kind,
      program: result.program,
      category: result.category,
      label,
      at: request.at,
      at_ms: atMs,
      size: request.size,
      invited: result.invited,
      lowest_score: result.lowestScore,
      tie_break_cutoff: result.tieBreakCutoff,
      ranked: result.ranked,
      distribution: JSON.stringify(distribution),
      digest: result.digest,
      rules,
      undecided: result.undecided?.count ?? null,
      undecided_within_reach: result.undecided?.withinReach ?? null,
      created_at: now,
    })
    const expiresMs = invitationExpiryMs(request.at)
    await insertInvitations(
      trx,
      decision.invitations.map((inv) => ({
        id: `${number}-${inv.rank}`,
        round_number: number,
        rank: inv.rank,
        profile_id: inv.profileId,
        score: inv.score,
        submitted_at: inv.submittedAt,
        status: 'open' as const,
        issued_ms: atMs,
        expires_ms: expiresMs,
        responded_at: null,
      })),
      (written) => {
        options.afterInvitationsWritten?.(written)
        if (options.failAfterInvitations !== undefined && written >= options.failAfterInvitations) {
          throw new ExpressEntryError('storage_failure', { operation: `round ${number} (failure injected after ${written} invitations)` })
        }
      },
    )
    await setProfileStatus(
      trx,
      decision.invitations.map((i) => i.profileId),
      'invited',
      now,
    )
    await appendEvents(trx, [{ at: request.at, kind: 'round_held', profile_id: null, round_number: number, data: JSON.stringify({ label, size: request.size, invited: result.invited, lowestScore: result.lowestScore, tieBreakCutoff: result.tieBreakCutoff, digest: result.digest }) }])
    return { ...result, replayed: false }
  })
}

/** A stored round, or not_found. */
export async function roundByNumber(store: Store, number: number): Promise<RoundResult> {
  const row = await getRound(store.db, number)
  if (!row) throw new ExpressEntryError('not_found', { entity: 'round', id: String(number) })
  return resultOfRow(row)
}

/** The invitations of a round, in rank order. */
export async function roundInvitations(store: Store, number: number): Promise<(InvitationLine & { id: string; status: string })[]> {
  await roundByNumber(store, number)
  const rows = await invitationsOfRound(store.db, number)
  return rows.map((r) => ({ profileId: r.profile_id, rank: Number(r.rank), score: Number(r.score), submittedAt: r.submitted_at, id: r.id, status: r.status }))
}

/**
 * The pool distribution at an instant. A read: it takes no write lock (so a public request cannot
 * hold up imports and rounds). Stored values that hold on the day are counted in the database; the
 * profiles whose values do not are scored from their facts in memory, a thousand at a time, yielding
 * to the event loop between batches, and nothing is written (a round refreshes them when it is held).
 */
export async function poolDistribution(store: Store, at: string, eligibility: PoolEligibility): Promise<PoolDistribution> {
  const atMs = instantMs(at)
  const day = dateOfInstant(at)
  const { counts, staleIds } = await heldScoreCounts(store.db, toDayNumber(day), atMs)
  const byScore = new Map<number, number>(counts)
  for await (const { values } of valuesOnDay(store.db, staleIds, day, eligibility)) {
    if (values.programs !== 0) byScore.set(values.score, (byScore.get(values.score) ?? 0) + 1)
  }
  return distributionOfScoreCounts(byScore)
}
