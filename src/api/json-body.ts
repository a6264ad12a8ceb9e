/**
 * Reading a JSON request body safely: a size limit enforced while reading (413), a JSON content type
 * (415), JSON syntax (400) and a nesting limit (400), so hostile bodies never reach the library as
 * anything but plain, shallow data.
 * @module
 */
import { ApiProblem } from './error-handler.js'
import { decodeUtf8 } from '../utf8.js'

/** Default body size limit: 1 MiB, far above any real profile (a few kB). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

/** Deepest nesting accepted; a Profile nests 4 levels. */
export const MAX_JSON_DEPTH = 32

function tooLarge(limit: number): ApiProblem {
  return new ApiProblem('payload_too_large', `the request body is larger than the limit of ${limit} bytes`, { headers: { connection: 'close' } })
}

/**
 * Reads the body as text, refusing more than `limit` bytes whether or not Content-Length is sent, and
 * bytes that are not UTF-8 (400 naming the byte offset, and the line for JSON Lines: utf8.ts).
 */
export async function readBodyText(request: Request, limit: number, lines = false): Promise<string> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit)
  if (declared !== null) {
    // Node's HTTP parser holds a body to its declared length, so this reads at most `limit` bytes; on
    // @hono/node-server arrayBuffer() also reads the socket directly, far faster than a web stream.
    const bytes = new Uint8Array(await request.arrayBuffer())
    if (bytes.byteLength > limit) throw tooLarge(limit)
    return decodeUtf8(bytes, 'the request body', lines)
  }
  const body = request.body
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
  return decodeUtf8(bytes, 'the request body', lines)
}

/** Whether JSON `text` has more than `max` opening brackets: if not, it cannot nest deeper (a cheap test). */
export function mayNestDeeperThan(text: string, max: number): boolean {
  let open = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if ((ch === 123 || ch === 91) && ++open > max) return true // { [
  }
  return false
}

/** How deeply `value` nests (iteratively, so no input can overflow the stack), stopping past `max`. */
function nestingDepth(value: unknown, max: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    const d = depth + 1
    if (d > deepest) deepest = d
    if (deepest > max) return deepest
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d])
  }
  return deepest
}

/** Whether the body is read as JSON (JSON, JSON Lines, and the types curl and fetch label JSON with). */
export function isJsonType(contentType: string | null): boolean {
  if (contentType === null) return true
  const mime = contentType.split(';', 1)[0]!.trim().toLowerCase()
  // `curl -d` labels JSON as a form and fetch with a string body as text/plain: both are read as JSON.
  return mime === 'application/json' || mime.endsWith('+json') || mime === 'text/plain' || mime === 'application/x-www-form-urlencoded' || mime === '' || isJsonLines(contentType)
}

/** Whether the body is JSON Lines (one request per line): application/x-ndjson or application/jsonl. */
export function isJsonLines(contentType: string | null): boolean {
  const mime = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()
  return mime === 'application/x-ndjson' || mime === 'application/jsonl' || mime === 'application/jsonlines'
}

/** Parses one JSON line, refusing deep nesting as a whole body would be refused. */
export function parseJsonLine(line: string): unknown {
  const value: unknown = JSON.parse(line)
  if (mayNestDeeperThan(line, MAX_JSON_DEPTH) && nestingDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new SyntaxError(`nesting deeper than ${MAX_JSON_DEPTH} levels is refused`)
  return value
}

/** Reads and parses a JSON body, or throws an ApiProblem saying what is wrong with it. */
export async function readJsonBody(request: Request, limit: number = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const contentType = request.headers.get('content-type')
  if (!isJsonType(contentType)) {
    throw new ApiProblem('unsupported_media_type', `send the body as application/json (got ${contentType!.slice(0, 80)})`)
  }
  const text = await readBodyText(request, limit)
  if (text.trim() === '') throw new ApiProblem('invalid_json', 'the request body is empty; send a JSON object', { issues: [{ path: '', message: 'expected a JSON object' }] })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(0, 200) : 'not JSON'
    throw new ApiProblem('invalid_json', `the request body is not valid JSON: ${message}`, { issues: [{ path: '', message }] })
  }
  if (mayNestDeeperThan(text, MAX_JSON_DEPTH) && nestingDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ApiProblem('invalid_input', `the request body nests deeper than ${MAX_JSON_DEPTH} levels`, { issues: [{ path: '', message: `nesting deeper than ${MAX_JSON_DEPTH} levels is refused` }] })
  }
  return value
}
