/**
 * A dry run of a round on the stored pool (`POST /v1/rounds/simulate`, public): the same ranking and
 * decision as a held round, read-only, so anyone can try rounds on the demo pool without changing it.
 * Scores are the stored ones (the store refreshes them when a real round or distribution asks).
 * @module
 */
import { dateOfInstant } from '../domain/dates.js'
import type { PoolEligibility } from '../pool/eligibility.js'
import { decideRound, roundOutcome } from '../pool/engine.js'
import { instantMs } from '../pool/lifecycle.js'
import { parseRoundRequest, roundLabel } from '../pool/round-request.js'
import { candidateFilter, rankedPool } from '../pool/rounds.js'
import { crsRulesAt } from '../crs/index.js'
import type { Store } from '../store/index.js'

/** How many of the invited are listed in a simulation's answer. */
const SIMULATION_LISTED = 100

export async function simulateRound(store: Store, input: unknown, eligibility: PoolEligibility) {
  const request = parseRoundRequest(input)
  const label = roundLabel(request, eligibility)
  const atMs = instantMs(request.at)
  const decision = decideRound(request, await rankedPool(store.db, candidateFilter(request), atMs))
  return {
    simulated: true,
    ...roundOutcome(request, label, decision),
    ranked: decision.ranked,
    rules: crsRulesAt(dateOfInstant(request.at)).id,
    invitations: decision.invitations.slice(0, SIMULATION_LISTED),
  }
}
