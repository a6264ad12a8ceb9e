/**
 * SQLite through better-sqlite3 12, in WAL mode: readers never wait for the writer, and a crash
 * loses no committed transaction.
 * @module
 */
import BetterSqlite3 from 'better-sqlite3'
import { SqliteDialect } from 'kysely'

export interface SqliteOptions {
  /** How long a writer waits for another process's write transaction, in ms. */
  readonly busyTimeoutMs?: number
}

/** The dialect over the SQLite file `path` and its one better-sqlite3 connection (for the bulk path). */
export function sqliteConnection(path: string, options: SqliteOptions = {}): { dialect: SqliteDialect; database: BetterSqlite3.Database } {
  const database = new BetterSqlite3(path)
  if (path !== ':memory:') database.pragma('journal_mode = WAL')
  // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
  database.pragma('synchronous = NORMAL')
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`)
  database.pragma('foreign_keys = ON')
  database.pragma('cache_size = -65536')
  return { dialect: new SqliteDialect({ database }), database }
}
