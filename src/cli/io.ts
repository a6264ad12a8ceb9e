/**
 * What every CLI command shares: exit codes (DESIGN.md: 0 ok, 1 failure, 2 bad input), reading input,
 * and turning errors into messages.
 * @module
 */
import { closeSync, openSync, statSync } from 'node:fs'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { ExpressEntryError } from '../errors.js'
import { isExpressEntryError } from '../errors.js'
import { asStorageFailure } from '../store/failure.js'
import { decodeUtf8 } from '../utf8.js'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_BAD_INPUT = 2

/** The user's error for a file that cannot be read (missing, a directory, no permission), or `e` itself. */
export function unreadable(path: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') return new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : 'permission denied'}`, EXIT_BAD_INPUT)
  return e
}

/** Throws the user's error when `path` cannot be opened for reading (before streaming it). */
export function checkReadable(path: string): void {
  try {
    closeSync(openSync(path, 'r'))
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
  } catch (e) {
    throw unreadable(path, e)
  }
}

/** Reads a file, or standard input when `path` is undefined or `-`, as strict UTF-8 (utf8.ts). */
export async function readInput(path: string | undefined): Promise<string> {
  if (path && path !== '-') {
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (e) {
      throw unreadable(path, e)
    }
    return decodeUtf8(bytes, path)
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return decodeUtf8(Buffer.concat(chunks), 'standard input')
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed
 * over `path`. On failure (a full disk) the temporary file is removed and `path` is left as it was;
 * the error is a storage_failure saying why.
 */
export async function writeFileAtomically(path: string, content: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  let file: Awaited<ReturnType<typeof open>> | null = null
  try {
    file = await open(temp, 'w')
    if (typeof content === 'string') await file.writeFile(content, 'utf8')
    else {
      let buffer = ''
      for await (const piece of content) {
        buffer += piece
        if (buffer.length >= 1 << 20) {
          await file.writeFile(buffer, 'utf8')
          buffer = ''
        }
      }
      await file.writeFile(buffer, 'utf8')
    }
    await file.sync()
    await file.close()
    file = null
    await rename(temp, path)
  } catch (e) {
    await file?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw asStorageFailure(e, `writing ${path} (left as it was)`) ?? new ExpressEntryError('storage_failure', { operation: `writing ${path} (left as it was)`, reason: e instanceof Error ? e.message : String(e) }, { cause: e })
  }
}

/**
 * Writes pieces to standard output, waiting when the reader is slower. A write that fails (a full
 * disk behind `> file`) is a storage_failure in one line rather than a stack trace.
 */
export async function writeStdout(pieces: Iterable<string>): Promise<void> {
  let failure: unknown = null
  const onError = (e: unknown): void => {
    failure ??= e
  }
  process.stdout.on('error', onError)
  try {
    let buffer = ''
    const flush = async (): Promise<void> => {
      const ok = process.stdout.write(buffer)
      buffer = ''
      if (!ok) await new Promise<void>((resolve) => {
        const done = (): void => {
          process.stdout.off('drain', done)
          process.stdout.off('error', done)
          resolve()
        }
        process.stdout.once('drain', done)
        process.stdout.once('error', done)
      })
    }
    for (const piece of pieces) {
      buffer += piece
      if (buffer.length > 1 << 20) await flush()
      if (failure) break
    }
    if (!failure) {
      await flush()
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
    }
    if (failure) throw asStorageFailure(failure, 'writing standard output') ?? failure
  } finally {
    process.stdout.off('error', onError)
  }
}

/** An http:// or https:// address given as `name` (an option or a variable), checked; undefined when not given. */
export function httpUrlOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^https?:\/\/\S+$/i.test(value)) throw new CliError(`${name}: expected an http:// or https:// address (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return value
}

/** Parses JSON text or throws a bad-input error that says where. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new CliError(`${what} is not valid JSON: ${(e as Error).message}`, EXIT_BAD_INPUT)
  }
}

/** An error the CLI reports as one line and an exit code. */
export class CliError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode: number) {
    super(message)
    this.exitCode = exitCode
  }
}

/** Reports `e` on stderr and returns the exit code it deserves. */
export function reportError(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`express-entry: ${e.message}\n`)
    return e.exitCode
  }
  if (isExpressEntryError(e, 'invalid_input')) {
    process.stderr.write('express-entry: invalid input\n')
    for (const issue of e.details.issues) process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`)
    return EXIT_BAD_INPUT
  }
  if (isExpressEntryError(e, 'rule_not_in_force') || isExpressEntryError(e, 'missing_input') || isExpressEntryError(e, 'not_found') || isExpressEntryError(e, 'conflict')) {
    process.stderr.write(`express-entry: ${e.message}\n`)
    return EXIT_BAD_INPUT
  }
  // A failure of the database (disk full, read-only, connection lost): what happened and what to do.
  const storage = asStorageFailure(e)
  const message = storage ? storage.message : e instanceof Error ? e.message : String(e)
  process.stderr.write(`express-entry: ${oneLine(message)}\n`)
  return EXIT_FAILURE
}

/** A message on one line, of bounded length (a driver's message may span lines or quote input). */
function oneLine(message: string): string {
  const line = message.replace(/\s*\n\s*/g, ' ')
  return line.length > 1000 ? `${line.slice(0, 1000)}…` : line
}

/** Whether stdout is a terminal (human output) rather than a pipe. */
export function isTerminal(): boolean {
  return process.stdout.isTTY === true
}
