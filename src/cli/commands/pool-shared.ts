/** What the pool commands share: opening the store, parsing instants, printing a distribution. @module */
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import type { PoolDistribution } from '../../history/distribution.js'
import { instantProblem, isIsoInstant, nowInstant } from '../../domain/dates.js'
import { isPostgresUrl, openStore, type Store } from '../../store/index.js'
import { CliError, EXIT_BAD_INPUT } from '../io.js'

/** Adds `--db` (default: $EE_DB). */
export function dbOption(command: Command): Command {
  return command.option('--db <target>', 'SQLite file path or postgres:// URL (default: $EE_DB)')
}

/**
 * Runs `fn` on the store at `--db` (or $EE_DB). Only the commands that put profiles in (`create`:
 * pool import, pool generate --db) may create a SQLite file: any other on a path where there is none
 * (a typo) would answer from an empty pool, "0 eligible", where the truth is that there is no pool there.
 */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const target = db ?? process.env.EE_DB
  if (!target) throw new CliError('--db is required: a SQLite file path (e.g. pool.db) or a postgres:// URL (or set EE_DB)', EXIT_BAD_INPUT)
  if (!options.create && !isPostgresUrl(target) && target !== ':memory:' && !existsSync(target)) {
    throw new CliError(`--db: no database at ${target}: check the path, or create one with pool import --db ${target} FILE`, EXIT_BAD_INPUT)
  }
  const store = await openStore(target)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

/** An instant option, validated; `now` when absent. */
export function instantOption(value: string | undefined, name: string): string {
  if (value === undefined) return nowInstant()
  // A bare date means the start of that day (UTC).
  const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value
  if (!isIsoInstant(v)) throw new CliError(`${name}: ${instantProblem(v).replace('YYYY-MM-DDTHH:mm:ssZ', 'YYYY-MM-DDTHH:mm:ssZ (or a date YYYY-MM-DD)')} (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return v
}

export function intOption(value: string | undefined, name: string, min: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback
    throw new CliError(`${name} is required`, EXIT_BAD_INPUT)
  }
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) throw new CliError(`${name}: expected a whole number >= ${min} (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

const n = (x: number): string => x.toLocaleString('en-US')

/** The distribution as IRCC's table: ranges, with the 10-point bins indented. */
export function formatDistribution(d: PoolDistribution): string {
  return d
    .map((row) => {
      const sub = /^4[0-9]1-4[0-9]0$|^491-500$/.test(row.range) && row.range !== '451-500' && row.range !== '401-450'
      const label = row.range === 'total' ? 'Total' : row.range
      return `${sub ? '    ' : '  '}${label.padEnd(sub ? 12 : 14)}${n(row.count).padStart(12)}`
    })
    .join('\n')
}

export { n as formatCount }
