export { scoreCrs, hasScoringSpouse, type CrsResult, type CrsBreakdown, type Award } from './score.js'
export { factorsOf, explainFactors, educationLevelOf, jobOfferKind, type FactorNotice } from './factors.js'
export { crsRulesAt } from './rule-set.js'

import type { ScoreRequest } from '../schemas/score-request.js'
import { explainFactors } from './factors.js'
import { scoreCrs, type CrsResult } from './score.js'
import type { FactorNotice } from './factors.js'
import { AREAS_READ, verificationNotice, type VerificationNotice } from '../rules/verified.js'

/** What an answer says beside it: a fact that did not count, or the rules' last verification. */
export type AnswerNotice = FactorNotice | VerificationNotice

/**
 * Scores a parsed request: factors directly, a profile through its factors on the date. A date after the
 * rules were last verified adds that notice (rules/verified.ts).
 */
export function scoreRequest(request: ScoreRequest): { result: CrsResult; notices: AnswerNotice[] } {
  const verified = verificationNotice(request.asOf, AREAS_READ.score)
  if (request.kind === 'factors') return { result: scoreCrs(request.factors, request.asOf), notices: verified ? [verified] : [] }
  const { factors, notices } = explainFactors(request.profile, request.asOf)
  return { result: scoreCrs(factors, request.asOf), notices: verified ? [...notices, verified] : notices }
}
