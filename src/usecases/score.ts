/**
 * The score request as every surface answers it: the CLI (`score`, `score --jsonl`), the API
 * (`POST /v1/crs/score`, its socket fast path and its JSON Lines batches) and the web app parse the
 * same request and print the same JSON.
 * @module
 */
import { scoreRequest, type AnswerNotice, type CrsResult } from '../crs/index.js'
import type { IsoDate } from '../domain/dates.js'
import { parseScoreRequest } from '../schemas/score-request.js'

/** The CrsResult as JSON: the trace only when asked for, since it is the bulk of the output. */
export function resultJson(result: CrsResult, explain: boolean, notices: readonly AnswerNotice[]): object {
  const { total, core, spouse, transferability, additional, rules, asOf } = result
  const json: Record<string, unknown> = { total, core, spouse, transferability, additional, rules, asOf }
  if (notices.length > 0) json.notices = notices
  if (explain) json.trace = result.trace
  return json
}

/**
 * The JSON answer to one score request (bare CrsFactors or Profile, or `{ asOf, factors | profile }`),
 * scored on `defaultAsOf` when the request names no date. Throws invalid_input with the field paths.
 */
export function answerScore(input: unknown, defaultAsOf: IsoDate, explain: boolean): object {
  const { result, notices } = scoreRequest(parseScoreRequest(input, defaultAsOf))
  return resultJson(result, explain, notices)
}
