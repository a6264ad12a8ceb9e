/**
 * A dry run of a round on the stored pool (`POST /v1/rounds/simulate`, public, the list of who would be
 * invited only with a token; `express-entry round --dry-run`): the same ranking and decision as a held round, read-only, so anyone can try rounds on the demo pool without changing it.
 * Stored scores that do not hold on the round's day are computed again in memory (nothing is written).
 * A request that holding would not rank afresh gets holding's answer: the round already held for its
 * idempotency key (`replayed: true`), or the same conflict (the key used for another request, a round
 * before the last one held).
 * @module
 */
import { dateOfInstant } from '../domain/dates.js'
import { crsRulesAt } from '../crs/index.js'
import { verificationNotice } from '../rules/verified.js'
import type { Store } from '../store/index.js'
import type { PoolEligibility } from './eligibility.js'
import { decideRound, roundOutcome } from './engine.js'
import { parseRoundRequest, roundLabel } from './round-request.js'
import { alreadyHeld, rankedPoolOnDay, roundInvitations } from './rounds.js'

/** How many of the invited are listed in a simulation's answer. */
const SIMULATION_LISTED = 100

/**
 * `listInvitations`: whether the answer lists who would be invited (profile ids, ranks, scores): only
 * for a client with a token (auth.ts); everyone else gets the outcome (the aggregates).
 */
export async function simulateRound(store: Store, input: unknown, eligibility: PoolEligibility, options: { listInvitations?: boolean } = {}) {
  const request = parseRoundRequest(input)
  const label = roundLabel(request, eligibility)
  // A round decided on a day after the rules were last verified says so, as a score or an eligibility does.
  const notice = verificationNotice(dateOfInstant(request.at))
  const notices = notice ? { notices: [{ ...notice, path: 'at' as const }] } : {}
  const held = await alreadyHeld(store.db, request)
  if (held) {
    const invitations = options.listInvitations === false ? null : await roundInvitations(store, held.number)
    return {
      simulated: true as const,
      replayed: true as const,
      ...held,
      ...(invitations ? { invitations: invitations.slice(0, SIMULATION_LISTED).map(({ profileId, rank, score, submittedAt }) => ({ profileId, rank, score, submittedAt })) } : {}),
      ...notices,
    }
  }
  const { ranked, undecided } = await rankedPoolOnDay(store.db, request, eligibility)
  const decision = decideRound(request, ranked)
  return {
    simulated: true as const,
    ...roundOutcome(request, label, decision, undecided),
    ranked: decision.ranked,
    rules: crsRulesAt(dateOfInstant(request.at)).id,
    ...(options.listInvitations === false ? {} : { invitations: decision.invitations.slice(0, SIMULATION_LISTED) }),
    ...notices,
  }
}
