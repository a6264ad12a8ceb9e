/**
 * JSONL batch processing shared by the commands that take `--jsonl`: one result line per input line,
 * in order; a bad line becomes `{"error": {...}}` on its output line and the rest go on.
 * @module
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { lineError } from '../usecases/lines.js'
import { jsonlLines } from '../utf8.js'

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
 * object, as one line. Returns the number of bad lines. Lines are read as bytes (utf8.ts): a line that
 * is not UTF-8, or over 1 MiB, is a bad line with its number, and reading stays linear in the input.
 */
export async function processJsonl(path: string | undefined, handle: (value: unknown) => unknown): Promise<number> {
  endQuietlyOnClosedPipe()
  const input: Readable = path && path !== '-' ? createReadStream(path, { highWaterMark: 1 << 16 }) : process.stdin
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

  for await (const item of jsonlLines(input as AsyncIterable<Uint8Array>)) {
    let text: string
    if ('error' in item) {
      bad++
      text = JSON.stringify({ error: { line: item.line, path: '', message: item.error } })
    } else {
      try {
        text = JSON.stringify(handle(JSON.parse(item.text)))
      } catch (e) {
        bad++
        text = JSON.stringify({ error: lineError(item.line, e) })
      }
    }
    out.push(text, '\n')
    outLength += text.length
    if (outLength > 1 << 16) await flush()
  }
  await flush()
  return bad
}
