/**
 * The units of work of an import and how they travel between threads. The importing thread cuts its
 * input into blocks of whole lines and the preparing threads (pool/import-worker.ts, or the importing
 * thread itself) turn each block into rows. Both directions use flat forms (one string or byte array
 * and typed arrays) because a worker message of thousands of small objects costs the receiving thread
 * more to rebuild than the preparing thread spends on the lines.
 * @module
 */
import type { NewProfileRow } from '../store/profile.table.js'
import type { InputIssue } from '../errors.js'
import { describeInvalidUtf8, invalidUtf8Offset, MAX_LINE_BYTES, tooLongLine, type JsonlLine } from '../utf8.js'

/** A line of input: its number and text. */
export interface NumberedLine {
  readonly line: number
  readonly text: string
}

/** A line of an import that did not go in, and why. */
export interface RejectedLine {
  readonly line: number
  readonly id?: string
  readonly issues: readonly InputIssue[]
}

/** A line made ready to store: the row of a new profile, or why it was rejected. */
export type PreparedLine = { readonly line: number; readonly row: NewProfileRow } | { readonly line: number; readonly rejected: RejectedLine }

/**
 * A block of input lines:
 * - `lines`: lines given as strings, end to end in `text`, with each one's length and line number;
 * - `bytes`: raw UTF-8 JSONL (whole lines, each ended by LF or CRLF, the last one maybe unended),
 *   numbered from `firstLine`; the preparing thread decodes and splits it.
 */
export type LineBlock =
  | { readonly kind: 'lines'; readonly id: number; readonly text: string; readonly lengths: Uint32Array; readonly numbers: Float64Array }
  | {
      readonly kind: 'bytes'
      readonly id: number
      readonly bytes: Uint8Array
      readonly firstLine: number
      readonly lineCount: number
      /** Lines over the limit, left out of `bytes` (each is an empty line there): [line number, bytes] pairs. */
      readonly tooLong?: Float64Array
      readonly maxLineBytes?: number
    }

/** The number of the last line of a block (0 for an empty one). */
export function lastLineOf(block: LineBlock): number {
  if (block.kind === 'bytes') return block.firstLine + block.lineCount - 1
  return block.numbers.length > 0 ? block.numbers[block.numbers.length - 1]! : 0
}

export function blockOfLines(id: number, lines: readonly NumberedLine[]): LineBlock {
  const lengths = new Uint32Array(lines.length)
  const numbers = new Float64Array(lines.length)
  for (let i = 0; i < lines.length; i++) {
    lengths[i] = lines[i]!.text.length
    numbers[i] = lines[i]!.line
  }
  return { kind: 'lines', id, text: lines.map((l) => l.text).join(''), lengths, numbers }
}

const decoder = new TextDecoder()

/**
 * The non-blank lines of a block with their numbers (blank lines are skipped but counted), and the
 * lines that cannot be read: over the line limit, or not UTF-8 (utf8.ts: nothing is replaced).
 */
export function linesOfBlock(block: LineBlock): JsonlLine[] {
  const lines: JsonlLine[] = []
  if (block.kind === 'lines') {
    let at = 0
    for (let i = 0; i < block.lengths.length; i++) {
      const end = at + block.lengths[i]!
      const text = block.text.slice(at, end)
      if (text.trim() !== '') lines.push({ line: block.numbers[i]!, text })
      at = end
    }
    return lines
  }
  const tooLong = new Map<number, number>()
  if (block.tooLong) for (let i = 0; i < block.tooLong.length; i += 2) tooLong.set(block.tooLong[i]!, block.tooLong[i + 1]!)
  // Valid UTF-8 (checked natively) is decoded at once; otherwise line by line, to say which line.
  const valid = invalidUtf8Offset(block.bytes) < 0
  const text = valid ? decoder.decode(block.bytes) : ''
  const bytes = block.bytes
  let line = block.firstLine
  let at = 0
  const length = valid ? text.length : bytes.length
  while (at < length) {
    let end = valid ? text.indexOf('\n', at) : bytes.indexOf(10, at)
    if (end < 0) end = length
    const cr = end > at && (valid ? text.charCodeAt(end - 1) : bytes[end - 1]) === 13
    const stop = cr ? end - 1 : end
    const long = tooLong.get(line)
    if (long !== undefined) lines.push({ line, error: tooLongLine(long, block.maxLineBytes ?? MAX_LINE_BYTES) })
    else if (valid) {
      const piece = text.slice(at, stop)
      if (piece.trim() !== '') lines.push({ line, text: piece })
    } else {
      const offset = invalidUtf8Offset(bytes, at, stop)
      if (offset >= 0) lines.push({ line, error: `not valid UTF-8: ${describeInvalidUtf8(bytes, offset, false).replace(/offset \d+$/, `offset ${offset - at}`)} of the line; save the file as UTF-8` })
      else {
        const piece = decoder.decode(bytes.subarray(at, stop))
        if (piece.trim() !== '') lines.push({ line, text: piece })
      }
    }
    line++
    at = end + 1
  }
  return lines
}

/** Per row (BlockPacker.add): submitted_ms, expires_ms, derived_from, derived_until, score, programs, undecided_programs. */
const NUMBERS_PER_ROW = 7

/** A prepared block in flat form: its rows' columns and facts, and its rejected lines. */
export interface PreparedBlock {
  readonly id: number
  /** The last line number the block covered (for progress). */
  readonly lastLine: number
  readonly rowLines: Float64Array
  readonly rowNumbers: Float64Array
  /** Per row: id, submitted_at, categories. */
  readonly rowStrings: string[]
  /** Each row's facts end to end, and their lengths. */
  readonly facts: string
  readonly factsLengths: Uint32Array
  readonly rejected: RejectedLine[]
}

/** Packs prepared lines as they come (rows with the same `status` and `updated_at`: new profiles of one import). */
export class BlockPacker {
  #lines: number[] = []
  #numbers: number[] = []
  #strings: string[] = []
  #facts: string[] = []
  #rejected: RejectedLine[] = []

  add(p: PreparedLine): void {
    if (!('row' in p)) {
      this.#rejected.push(p.rejected)
      return
    }
    const row = p.row
    this.#lines.push(p.line)
    this.#numbers.push(row.submitted_ms, row.expires_ms, row.derived_from, row.derived_until, row.score, row.programs, row.undecided_programs)
    this.#strings.push(row.id, row.submitted_at, row.categories)
    this.#facts.push(row.facts)
  }

  finish(id: number, lastLine: number): PreparedBlock {
    const factsLengths = new Uint32Array(this.#facts.length)
    for (let i = 0; i < this.#facts.length; i++) factsLengths[i] = this.#facts[i]!.length
    return { id, lastLine, rowLines: Float64Array.from(this.#lines), rowNumbers: Float64Array.from(this.#numbers), rowStrings: this.#strings, facts: this.#facts.join(''), factsLengths, rejected: this.#rejected }
  }
}

/** The rows of a packed block (status `active`, updated at `now`). */
export function unpackRows(block: PreparedBlock, now: string): { line: number; row: NewProfileRow }[] {
  const rows: { line: number; row: NewProfileRow }[] = []
  let at = 0
  for (let r = 0; r < block.rowLines.length; r++) {
    const n = r * NUMBERS_PER_ROW
    const end = at + block.factsLengths[r]!
    rows.push({
      line: block.rowLines[r]!,
      row: {
        id: block.rowStrings[3 * r]!,
        submitted_at: block.rowStrings[3 * r + 1]!,
        submitted_ms: block.rowNumbers[n]!,
        expires_ms: block.rowNumbers[n + 1]!,
        status: 'active',
        facts: block.facts.slice(at, end),
        derived_from: block.rowNumbers[n + 2]!,
        derived_until: block.rowNumbers[n + 3]!,
        score: block.rowNumbers[n + 4]!,
        programs: block.rowNumbers[n + 5]!,
        categories: block.rowStrings[3 * r + 2]!,
        undecided_programs: block.rowNumbers[n + 6]!,
        updated_at: now,
      },
    })
    at = end
  }
  return rows
}

/** Bytes per block of raw input: about 2,000 lines of a generated pool. */
const BLOCK_BYTES = 2 << 20
const LF = 10

/**
 * Cuts a byte stream of JSONL into blocks of whole lines, numbered from 1, counting the line feeds
 * (native `indexOf`) but decoding nothing: decoding, splitting and parsing happen where the block is
 * prepared. A line over `maxLineBytes` is not kept: its bytes are dropped as they come (so a 200 MB
 * line costs neither memory nor time), an empty line stands in its place, and the block lists it.
 */
export async function* byteBlocks(chunks: AsyncIterable<Uint8Array>, nextId: () => number, blockBytes = BLOCK_BYTES, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineBlock> {
  let parts: Uint8Array[] = []
  /** Bytes held in `parts`: whole lines, then the start of the current line (`held` of them). */
  let size = 0
  let held = 0
  let lines = 0
  let firstLine = 1
  /** Bytes of the current line so far, kept or not; whether it is being dropped. */
  let lineBytes = 0
  let dropping = false
  let tooLong: number[] = []
  const placeholder = new Uint8Array([LF])
  const dropHeld = (): void => {
    let remove = held
    while (remove > 0) {
      const last = parts[parts.length - 1]!
      if (last.length <= remove) {
        parts.pop()
        remove -= last.length
      } else {
        parts[parts.length - 1] = last.subarray(0, last.length - remove)
        remove = 0
      }
    }
    size -= held
    held = 0
  }
  const cut = (through: number, lineCount: number): LineBlock => {
    // Copied into a buffer of its own, which is transferred (not copied) to the worker.
    const bytes = new Uint8Array(through)
    let at = 0
    for (const p of parts) {
      const take = Math.min(p.length, through - at)
      bytes.set(take === p.length ? p : p.subarray(0, take), at)
      at += take
      if (at === through) break
    }
    const rest: Uint8Array[] = []
    let skipped = 0
    for (const p of parts) {
      if (skipped + p.length <= through) skipped += p.length
      else {
        rest.push(skipped >= through ? p : p.subarray(through - skipped))
        skipped += p.length
      }
    }
    parts = rest
    size -= through
    const block: LineBlock = { kind: 'bytes', id: nextId(), bytes, firstLine, lineCount, ...(tooLong.length > 0 ? { tooLong: Float64Array.from(tooLong), maxLineBytes } : {}) }
    tooLong = []
    firstLine += lineCount
    lines -= lineCount
    return block
  }
  const endLongLine = (): void => {
    tooLong.push(firstLine + lines, lineBytes)
    parts.push(placeholder)
    size += 1
    lines++
  }
  for await (const raw of chunks) {
    if (raw.length === 0) continue
    // Buffer's indexOf is memchr; a typed array's scans in JavaScript, four times slower here.
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    let at = 0
    let run = 0
    for (let nl = chunk.indexOf(LF); nl >= 0; nl = chunk.indexOf(LF, at)) {
      const piece = nl - at
      if (dropping || lineBytes + piece > maxLineBytes) {
        if (run < at) parts.push(chunk.subarray(run, at)), (size += at - run)
        if (!dropping) dropHeld()
        lineBytes += piece
        endLongLine()
        dropping = false
        run = nl + 1
      } else {
        lines++
        held = 0
      }
      lineBytes = 0
      held = 0
      at = nl + 1
    }
    if (run < at) parts.push(chunk.subarray(run, at)), (size += at - run)
    const rest = chunk.length - at
    if (rest > 0) {
      if (dropping) lineBytes += rest
      else if (lineBytes + rest > maxLineBytes) {
        dropHeld()
        dropping = true
        lineBytes += rest
      } else {
        parts.push(chunk.subarray(at))
        size += rest
        held += rest
        lineBytes += rest
      }
    }
    if (size - held >= blockBytes) yield cut(size - held, lines)
  }
  if (dropping) endLongLine()
  // An unended last line (at the end of the input) is a line too.
  if (size > 0) yield cut(size, lines + (held > 0 ? 1 : 0))
}
