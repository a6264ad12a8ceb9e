export { scoreCrs, hasScoringSpouse, type CrsResult, type CrsBreakdown, type Award } from './score.js'
export { factorsOf, explainFactors, educationLevelOf, jobOfferKind, type FactorNotice } from './factors.js'
export { crsRulesAt } from './rule-set.js'

import type { ScoreRequest } from '../schemas/score-request.js'
import { explainFactors } from './factors.js'
import { scoreCrs, type CrsResult } from './score.js'
import type { FactorNotice } from './factors.js'

/** Scores a parsed request: factors directly, a profile through its factors on the date. */
export function scoreRequest(request: ScoreRequest): { result: CrsResult; notices: FactorNotice[] } {
  if (request.kind === 'factors') return { result: scoreCrs(request.factors, request.asOf), notices: [] }
  const { factors, notices } = explainFactors(request.profile, request.asOf)
  return { result: scoreCrs(factors, request.asOf), notices }
}
