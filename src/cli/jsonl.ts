/**
 * JSONL batch processing shared by the commands that take `--jsonl`: one result line per input line,
 * in order; a bad line becomes `{"error": {...}}` on its output line and the rest go on.
 * @module
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { lineError } from '../usecases/lines.js'

let pipeWatched = false

/**
 * When the reader of our output goes away (`... | head -1`), stop quietly as Unix tools do, instead of
 * dying on an unhandled EPIPE with a stack trace.
 */
function endQuietlyOnClosedPipe(): void {
  if (pipeWatched) return
  pipeWatched = true
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

/**
 * Runs `handle` on every non-blank line of `path` (or stdin), writing its JSON result, or an error
 * object, as one line. Returns the number of bad lines.
 */
export async function processJsonl(path: string | undefined, handle: (value: unknown) => unknown): Promise<number> {
  endQuietlyOnClosedPipe()
  const input: Readable = path && path !== '-' ? createReadStream(path) : process.stdin
  input.setEncoding('utf8')
  let pending = ''
  let lineNo = 0
  let bad = 0
  let out: string[] = []
  let outLength = 0

  const flush = async (): Promise<void> => {
    if (out.length === 0) return
    const text = out.join('')
    out = []
    outLength = 0
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
  }

  const onLine = (raw: string): void => {
    lineNo++
    // Files saved by some Windows editors start with a byte-order mark, which JSON.parse refuses.
    const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    if (line.trim() === '') return
    let text: string
    try {
      text = JSON.stringify(handle(JSON.parse(line)))
    } catch (e) {
      bad++
      text = JSON.stringify({ error: lineError(lineNo, e) })
    }
    out.push(text, '\n')
    outLength += text.length
  }

  for await (const chunk of input) {
    const text = pending + (chunk as string)
    let start = 0
    let nl = text.indexOf('\n', start)
    while (nl !== -1) {
      onLine(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl))
      start = nl + 1
      nl = text.indexOf('\n', start)
    }
    pending = text.slice(start)
    if (outLength > 1 << 16) await flush()
  }
  if (pending !== '') onLine(pending)
  await flush()
  return bad
}
