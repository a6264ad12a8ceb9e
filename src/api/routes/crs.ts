/**
 * `POST /v1/crs/score`: the CRS score of what one `score --jsonl` line may be (bare CrsFactors or
 * Profile, or `{ asOf, factors | profile }`); `?explain=1` adds the trace. A body sent as JSON Lines
 * (`application/x-ndjson`) is a batch, answered line for line. Public: it computes, it stores nothing.
 * @module
 */
import { Hono } from 'hono'
import { todayUtc } from '../../domain/dates.js'
import { lineError } from '../../usecases/lines.js'
import { answerScore } from '../../usecases/score.js'
import { isJsonLines, parseJsonLine, readBodyText, readJsonBody } from '../json-body.js'
import type { ApiEnv } from '../app.js'

/** Whether a query flag is on (`?explain`, `?explain=1`, `?explain=true`). */
function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false'
}

/**
 * A batch sent as JSON Lines: one answer line per request line, in order, exactly as
 * `score --jsonl` prints them (a bad line becomes `{"error": {line, path, message}}` and the rest go on).
 */
async function scoreLines(request: Request, bodyLimit: number, explain: boolean): Promise<Response> {
  const text = await readBodyText(request, bodyLimit)
  const today = todayUtc()
  const out: string[] = []
  let lineNo = 0
  for (const raw of text.split('\n')) {
    lineNo++
    const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    if (line.trim() === '') continue
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
    if (isJsonLines(c.req.header('content-type') ?? null)) return scoreLines(c.req.raw, bodyLimit, flag(c.req.query('explain')))
    const body = await readJsonBody(c.req.raw, bodyLimit)
    return c.json(answerScore(body, todayUtc(), flag(c.req.query('explain'))))
  })
}
