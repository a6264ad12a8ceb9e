/**
 * What every CLI command shares: exit codes (DESIGN.md: 0 ok, 1 failure, 2 bad input), reading input,
 * and turning errors into messages.
 * @module
 */
import { closeSync, openSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isExpressEntryError } from '../errors.js'

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

/** Reads a file, or standard input when `path` is undefined or `-`. */
export async function readInput(path: string | undefined): Promise<string> {
  if (path && path !== '-') {
    try {
      return await readFile(path, 'utf8')
    } catch (e) {
      throw unreadable(path, e)
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
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
  if (isExpressEntryError(e, 'rule_not_in_force') || isExpressEntryError(e, 'missing_input') || isExpressEntryError(e, 'not_found')) {
    process.stderr.write(`express-entry: ${e.message}\n`)
    return EXIT_BAD_INPUT
  }
  process.stderr.write(`express-entry: ${e instanceof Error ? e.message : String(e)}\n`)
  return EXIT_FAILURE
}
