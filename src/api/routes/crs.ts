/**
 * `POST /v1/crs/score`: the CRS score of what one `score --jsonl` line may be (bare CrsFactors or
 * Profile, or `{ asOf, factors | profile }`); `?explain=1` adds the trace. A body sent as JSON Lines
 * (`application/x-ndjson`) is a batch, answered line for line. Public: it computes, it stores nothing.
 * @module
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { parseOrThrow } from '../../schemas/issues.js'
import { todayUtc } from '../../domain/dates.js'
import { lineError } from '../../usecases/lines.js'
import { answerScore } from '../../usecases/score.js'
import { isJsonLines, parseJsonLine, readBodyText, readJsonBody } from '../json-body.js'
import type { ApiEnv } from '../services.js'
import { ApiProblem } from '../error-handler.js'
import { queryOnce } from '../query.js'

/** Whether a query flag is on (`?explain`, `?explain=1`, `?explain=true`). */
/** `?explain`, `?explain=1` or `=true` asks for the trace of every award; `=0` or `=false` (or none) does not. */
const scoreQuerySchema = z.strictObject({
  explain: z.enum(['', '1', 'true', '0', 'false'], { message: 'explain: expected 1, true, 0 or false (or no value: ?explain)' }).optional(),
})

function explainOf(c: Context): boolean {
  const { explain } = parseOrThrow(scoreQuerySchema, queryOnce(c))
  return explain !== undefined && explain !== '0' && explain !== 'false'
}

/** Lines a JSON Lines request may hold: bulk scoring goes through `score --jsonl`. */
export const MAX_SCORE_LINES = 1000
/** Lines with `?explain=1`: each answer carries the trace of every award (tens of kB). */
export const MAX_EXPLAINED_LINES = 100
/** Lines scored between two turns of the event loop, so other requests are answered meanwhile. */
const LINES_PER_TURN = 50

/**
 * A batch sent as JSON Lines: one answer line per request line, in order, exactly as
 * `score --jsonl` prints them (a bad line becomes `{"error": {line, path, message}}` and the rest go on).
 * Bounded: at most MAX_SCORE_LINES lines (MAX_EXPLAINED_LINES with explain), or 413 before any is scored.
 */
async function scoreLines(request: Request, bodyLimit: number, explain: boolean): Promise<Response> {
  const text = await readBodyText(request, bodyLimit, true)
  const rawLines = text.split('\n')
  const max = explain ? MAX_EXPLAINED_LINES : MAX_SCORE_LINES
  let count = 0
  for (const raw of rawLines) if (raw.trim() !== '') count++
  if (count > max) {
    throw new ApiProblem('payload_too_large', `${count} lines: a JSON Lines request holds at most ${max} lines${explain ? ' with explain' : ` (${MAX_EXPLAINED_LINES} with explain)`}; split the batch, or use express-entry score --jsonl`, { issues: [{ path: '', message: `at most ${max} lines per request` }] })
  }
  const today = todayUtc()
  const out: string[] = []
  let lineNo = 0
  let scored = 0
  for (const raw of rawLines) {
    lineNo++
    const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    if (line.trim() === '') continue
    if (++scored % LINES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve))
    try {
      out.push(JSON.stringify(answerScore(parseJsonLine(line), today, explain)))
    } catch (e) {
      const error = lineError(lineNo, e)
      out.push(JSON.stringify({ error: { line: error.line, path: error.path, message: error.message.slice(0, 2000) } }))
    }
  }
  return new Response(out.length === 0 ? '' : `${out.join('\n')}\n`, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } })
}

export function crsRoutes(bodyLimit: number): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post('/score', async (c) => {
    if (isJsonLines(c.req.header('content-type') ?? null)) return scoreLines(c.req.raw, bodyLimit, explainOf(c))
    const body = await readJsonBody(c.req.raw, bodyLimit)
    return c.json(answerScore(body, todayUtc(), explainOf(c)))
  })
}
