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
  | { readonly kind: 'bytes'; readonly id: number; readonly bytes: Uint8Array; readonly firstLine: number; readonly lineCount: number }

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

/** The non-blank lines of a block with their numbers (blank lines are skipped but counted). */
export function linesOfBlock(block: LineBlock): NumberedLine[] {
  const lines: NumberedLine[] = []
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
  const text = decoder.decode(block.bytes)
  let line = block.firstLine
  let at = 0
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const piece = text.slice(at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    if (piece.trim() !== '') lines.push({ line, text: piece })
    line++
    at = end + 1
  }
  return lines
}

/** Per row (BlockPacker.add): submitted_ms, expires_ms, derived_from, derived_until, score, programs. */
const NUMBERS_PER_ROW = 6

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
    this.#numbers.push(row.submitted_ms, row.expires_ms, row.derived_from, row.derived_until, row.score, row.programs)
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
 * prepared.
 */
export async function* byteBlocks(chunks: AsyncIterable<Uint8Array>, nextId: () => number, blockBytes = BLOCK_BYTES): AsyncGenerator<LineBlock> {
  let parts: Uint8Array[] = []
  let size = 0
  let firstLine = 1
  const cut = (through: number): LineBlock => {
    // Copied into a buffer of its own, which is transferred (not copied) to the worker.
    const bytes = new Uint8Array(through)
    let at = 0
    for (const p of parts) {
      const take = Math.min(p.length, through - at)
      bytes.set(take === p.length ? p : p.subarray(0, take), at)
      at += take
      if (at === through) break
    }
    let lineCount = 0
    // Buffer's indexOf is memchr; a typed array's scans in JavaScript, four times slower here.
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = view.indexOf(LF); i >= 0; i = view.indexOf(LF, i + 1)) lineCount++
    // An unended last line (at the end of the input) is a line too.
    if (through > 0 && bytes[through - 1] !== LF) lineCount++
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
    const block: LineBlock = { kind: 'bytes', id: nextId(), bytes, firstLine, lineCount }
    firstLine += lineCount
    return block
  }
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue
    parts.push(chunk)
    size += chunk.length
    if (size < blockBytes) continue
    const last = chunk.lastIndexOf(LF)
    if (last < 0) continue
    yield cut(size - chunk.length + last + 1)
  }
  if (size > 0) yield cut(size)
}
