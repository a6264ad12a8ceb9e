/**
 * Which record of rounds and which database a command uses when not told: the product's state lives
 * beside its database, `$EE_DB` or express-entry.db in the current folder, and `npm start` keeps its
 * working copy of the record there (history/working-copy.ts). Every command that reads the record reads
 * that copy when it exists, so the CLI answers from the record the server answers from.
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { shippedRecordPath } from '../history/load.js'
import { CliError, EXIT_BAD_INPUT } from './io.js'

export const DEFAULT_DB = 'express-entry.db'
/** The working copy of the record `start` keeps, beside its database. */
export const WORKING_RECORD = 'express-entry.rounds.json'

/** The database commands use when not told: $EE_DB, else express-entry.db in the current folder. */
export function defaultDb(): string {
  return process.env.EE_DB || DEFAULT_DB
}

/** Where `start` keeps its working copy for database `db`: beside a database file, else in the current folder. */
export function workingRecordPath(db: string): string {
  const file = !/^postgres(ql)?:\/\//i.test(db) && db !== ':memory:'
  return join(file ? dirname(resolve(db)) : process.cwd(), WORKING_RECORD)
}

/**
 * The record file a command reads: --record, else $EE_ROUNDS_RECORD, else `start`'s working copy beside
 * the default database when there is one, else the shipped data/ee-rounds.json.
 */
export function recordPathOf(option: string | undefined): string {
  if (option !== undefined) return option
  if (process.env.EE_ROUNDS_RECORD) return process.env.EE_ROUNDS_RECORD
  const working = workingRecordPath(defaultDb())
  return existsSync(working) ? working : shippedRecordPath()
}

/**
 * recordPathOf for a command that only reads the record: a path given that holds no file is refused with
 * how to make one, where the library would only say "not found" (`rounds update`, `serve` and `watch`
 * make the file they are given, so they take recordPathOf).
 */
export function readableRecordPathOf(option: string | undefined): string {
  const path = recordPathOf(option)
  if (existsSync(path)) return path
  const given = option !== undefined ? '--record' : 'EE_ROUNDS_RECORD'
  throw new CliError(
    `${given}: there is no record of rounds at ${path}; make one from IRCC's feed with \`express-entry rounds update --record ${path}\` (it starts from the shipped record), or leave out ${given} to read the record this version ships (data/ee-rounds.json)`,
    EXIT_BAD_INPUT,
  )
}
