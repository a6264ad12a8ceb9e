/**
 * The socket path of `POST /v1/crs/score`, the hottest endpoint, on Node's own request and response
 * objects. Converting each request to a web `Request` and each answer back from a `Response` (what
 * the hono adapter does for every route) cost more CPU than scoring. A request is answered here only
 * when it scores: the same body reading rules (json-body.ts), the same schemas and library calls and
 * the same JSON as the hono route (routes/crs.ts), and the same access-log entry. Anything else (a
 * query string, JSON Lines, no Content-Length, a body the route would refuse) goes to the hono app
 * unchanged, and so does the body already read when it turns out not to score, so every error is the
 * app's own problem+json. test/api/score-fast-path.test.ts checks the answers are the app's.
 * @module
 */
import { isUtf8 } from 'node:buffer'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { todayUtc } from '../domain/dates.js'
import { answerScore } from '../usecases/score.js'
import type { ErrorLogger } from './error-handler.js'
import { isJsonLines, isJsonType, mayNestDeeperThan, MAX_JSON_DEPTH } from './json-body.js'

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

const PATH = '/v1/crs/score'

export interface ScoreFastPathOptions {
  readonly bodyLimit: number
  readonly log?: ErrorLogger | undefined
  /** The app's fetch, for requests the fast path hands over with their body already read. */
  readonly fetch: (request: Request) => Response | Promise<Response>
}

/** The CRS answer of a JSON body, or null when the app should answer it (errors, deep nesting). */
function scoreBody(text: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  // Possibly too deep: the app decides (and says why).
  if (mayNestDeeperThan(text, MAX_JSON_DEPTH)) return null
  try {
    return JSON.stringify(answerScore(value, todayUtc(), false))
  } catch {
    return null
  }
}

/** Writes a web Response (from the app) to Node's response. */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, { ...headers, 'content-length': body.byteLength })
  res.end(body)
}

/**
 * A request listener answering scoring requests itself and passing every other request to
 * `fallback` (the hono app's listener).
 */
export function withScoreFastPath(fallback: RequestListener, options: ScoreFastPathOptions): RequestListener {
  const { bodyLimit, log, fetch } = options
  return (req, res) => {
    const declared = req.headers['content-length']
    if (req.method !== 'POST' || req.url !== PATH || declared === undefined || !isJsonType(req.headers['content-type'] ?? null) || isJsonLines(req.headers['content-type'] ?? null) || Number(declared) > bodyLimit) {
      fallback(req, res)
      return
    }
    const start = log ? performance.now() : 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('error', () => res.destroy())
    req.on('end', () => {
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      // Bytes that are not UTF-8 go to the app, which says where (utf8.ts): nothing is replaced.
      const text = isUtf8(bytes) ? bytes.toString('utf8') : ''
      const answer = text.trim() === '' ? null : scoreBody(text)
      if (answer === null) {
        const headers = new Headers()
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
        }
        Promise.resolve(fetch(new Request(`http://${req.headers.host ?? 'localhost'}${PATH}`, { method: 'POST', headers, body: new Uint8Array(bytes) })))
          .then((response) => writeResponse(response, res))
          .catch(() => res.destroy())
        return
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
      res.end(answer)
      log?.({ level: 'info', method: 'POST', path: PATH, status: 200, ms: Math.round((performance.now() - start) * 100) / 100 })
    })
  }
}
