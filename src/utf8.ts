/**
 * The one decoding policy for every input (a file, standard input, an HTTP body, a line of JSON
 * Lines): UTF-8, strictly. Bytes that are not UTF-8 are an error naming where they are (the line,
 * or the body, and the byte offset), never replaced: a Latin-1 `josé` silently turned into `jos\uFFFD`
 * would merge with `josè` and lose a profile. Node-only (node:buffer); the web app never decodes bytes.
 * @module
 */
import { isUtf8 } from 'node:buffer'
import { ExpressEntryError } from './errors.js'

/** Accepts the byte-order mark some editors write at the start of a file; fatal on anything invalid. */
const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * The offset of the first byte that does not start (or continue) a valid UTF-8 sequence in `bytes`,
 * or -1 when all of it is valid. Runs natively on valid input; walks the bytes only to say where.
 */
export function invalidUtf8Offset(bytes: Uint8Array, from = 0, to = bytes.length): number {
  if (isUtf8(bytes.subarray(from, to))) return -1
  let i = from
  while (i < to) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80)
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800)
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000)
    else return i
    if (i + need >= to) return i
    let cp = b & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!
      if ((c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

/** Where an invalid byte is, in the user's words: `line 3, byte 17` or `byte 17`. */
export function describeInvalidUtf8(bytes: Uint8Array, offset: number, lineNumbers: boolean): string {
  const hex = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`
  if (!lineNumbers) return `invalid UTF-8 (byte ${hex}) at byte offset ${offset}`
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++
      lineStart = i + 1
    }
  }
  return `invalid UTF-8 (byte ${hex}) on line ${line} at byte offset ${offset - lineStart} of the line (offset ${offset} of the input)`
}

/**
 * Decodes `bytes` as UTF-8, or throws invalid_input saying where it is not UTF-8. `what` names the
 * input (`standard input`, a file name, `the request body`); `lines` says whether to count lines.
 */
export function decodeUtf8(bytes: Uint8Array, what: string, lines = true): string {
  const offset = invalidUtf8Offset(bytes)
  if (offset >= 0) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: '', message: `${what} is not valid UTF-8: ${describeInvalidUtf8(bytes, offset, lines)}; save it as UTF-8` }] })
  }
  return strict.decode(bytes)
}

/** Longest line of JSON Lines read (1 MiB): a Profile is a few kB; a longer line is refused unread. */
export const MAX_LINE_BYTES = 1 << 20

/** One line of JSON Lines input: its number and text, or why it cannot be read (too long, not UTF-8). */
export type JsonlLine = { readonly line: number; readonly text: string } | { readonly line: number; readonly error: string }

/** The error of a line over `max` bytes; the line's content is never repeated. */
export function tooLongLine(bytes: number, max: number): string {
  return `the line is ${bytes} bytes long: lines are limited to ${max} bytes (${max === MAX_LINE_BYTES ? '1 MiB' : `${max} bytes`}); it was skipped unread`
}

/**
 * The lines of a byte stream (ended by LF or CRLF; the last one may be unended), numbered from 1, each
 * decoded strictly; blank lines are counted but not yielded. Linear in the input however long its
 * lines: a line over `max` bytes is not kept, only counted, and yields an error (without its content).
 */
export async function* jsonlLines(chunks: AsyncIterable<Uint8Array>, max = MAX_LINE_BYTES): AsyncGenerator<JsonlLine> {
  let parts: Buffer[] = []
  let length = 0
  let lineNo = 0
  const finish = (last: Buffer): JsonlLine | null => {
    lineNo++
    const total = length + last.length
    const tooLong = total > max
    const bytes = tooLong ? null : parts.length === 0 ? last : Buffer.concat([...parts, last], total)
    parts = []
    length = 0
    if (bytes === null) return { line: lineNo, error: tooLongLine(total, max) }
    let end = bytes.length
    if (end > 0 && bytes[end - 1] === 13) end--
    const start = lineNo === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    const offset = invalidUtf8Offset(bytes, start, end)
    if (offset >= 0) return { line: lineNo, error: `not valid UTF-8: ${describeInvalidUtf8(bytes, offset, false)} of the line; save the file as UTF-8` }
    const text = bytes.toString('utf8', start, end)
    return text.trim() === '' ? null : { line: lineNo, text }
  }
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    let at = 0
    for (let nl = chunk.indexOf(10, at); nl >= 0; nl = chunk.indexOf(10, at)) {
      const done = finish(chunk.subarray(at, nl))
      if (done) yield done
      at = nl + 1
    }
    if (at < chunk.length) {
      const rest = chunk.subarray(at)
      // Past the limit the line is only counted: its bytes are dropped as they come.
      if (length + rest.length <= max) parts.push(rest)
      else parts = []
      length += rest.length
    }
  }
  if (length > 0) {
    const done = finish(Buffer.alloc(0))
    if (done) yield done
  }
}
