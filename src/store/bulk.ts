/**
 * The bulk path of an import on SQLite: the same tables and columns as the kysely code path, written
 * through cached multi-row prepared statements of the store's own better-sqlite3 connection (inside
 * the same write transaction), because building and preparing a kysely INSERT per batch cost more than
 * SQLite's own work. PostgreSQL keeps the kysely path (multi-row INSERTs).
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import type { NewProfileRow } from './profile.table.js'

const handles = new WeakMap<Kysely<Database>, BetterSqlite3.Database>()

/** Records that `db` (the store's Kysely, or a connection of it) runs on the SQLite connection `raw`. */
export function registerSqlite(db: Kysely<Database>, raw: BetterSqlite3.Database): void {
  handles.set(db, raw)
}

/** The better-sqlite3 connection under `db`, or undefined (PostgreSQL, or an unregistered Kysely). */
export function sqliteOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return handles.get(db)
}

/** The `profile` columns, in the order bound (every column of ProfileTable). */
const PROFILE_COLUMNS = ['id', 'submitted_at', 'submitted_ms', 'expires_ms', 'status', 'derived_from', 'derived_until', 'score', 'programs', 'categories', 'undecided_programs', 'updated_at'] as const

/** Rows per statement: 12 x 200 = 2,400 parameters, far under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 200

interface Statements {
  readonly many: BetterSqlite3.Statement
  readonly one: BetterSqlite3.Statement
  readonly manyFacts: BetterSqlite3.Statement
  readonly oneFacts: BetterSqlite3.Statement
}

const statements = new WeakMap<BetterSqlite3.Database, Statements>()

function statementsOf(raw: BetterSqlite3.Database): Statements {
  let s = statements.get(raw)
  if (!s) {
    const tuple = `(${PROFILE_COLUMNS.map(() => '?').join(',')})`
    const insert = (n: number): string => `insert into "profile" (${PROFILE_COLUMNS.map((c) => `"${c}"`).join(',')}) values ${Array(n).fill(tuple).join(',')}`
    const facts = (n: number): string => `insert into "profile_facts" ("id","facts") values ${Array(n).fill('(?,?)').join(',')}`
    s = { many: raw.prepare(insert(ROWS_PER_STATEMENT)), one: raw.prepare(insert(1)), manyFacts: raw.prepare(facts(ROWS_PER_STATEMENT)), oneFacts: raw.prepare(facts(1)) }
    statements.set(raw, s)
  }
  return s
}

/** Inserts profile rows (and their facts) through `raw`'s prepared statements. */
export function insertProfilesSqlite(raw: BetterSqlite3.Database, rows: readonly NewProfileRow[]): void {
  const s = statementsOf(raw)
  let i = 0
  const bind = (from: number, to: number): { values: unknown[]; facts: unknown[] } => {
    const values: unknown[] = []
    const facts: unknown[] = []
    for (let k = from; k < to; k++) {
      const r = rows[k]!
      values.push(r.id, r.submitted_at, r.submitted_ms, r.expires_ms, r.status, r.derived_from, r.derived_until, r.score, r.programs, r.categories, r.undecided_programs, r.updated_at)
      facts.push(r.id, r.facts)
    }
    return { values, facts }
  }
  for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
    const { values, facts } = bind(i, i + ROWS_PER_STATEMENT)
    s.many.run(values)
    s.manyFacts.run(facts)
  }
  for (; i < rows.length; i++) {
    const { values, facts } = bind(i, i + 1)
    s.one.run(values)
    s.oneFacts.run(facts)
  }
}

/**
 * Before the write transaction of a bulk load into an empty pool on a SQLite file that no other
 * connection has open: a rollback journal instead of WAL. WAL writes every page twice (to the log,
 * then to the file at the checkpoint), which was a third of a million-profile import, all of it
 * after the last line; a rollback journal writes the new pages once and journals next to nothing
 * (pages past the file's old end have no old content). The transaction stays atomic. Returns the
 * journal mode to restore after the transaction, or null when nothing changed (the pool is not
 * empty, the database is in memory, or another connection has it open: then it stays WAL).
 */
export function enterBulkJournal(raw: BetterSqlite3.Database): string | null {
  if (raw.memory) return null
  const mode = raw.pragma('journal_mode', { simple: true }) as string
  if (mode !== 'wal' || raw.prepare('select 1 from "profile" limit 1').get() !== undefined) return null
  const timeout = raw.pragma('busy_timeout', { simple: true }) as number
  // Leaving WAL needs the database to itself: ask once, never wait for other connections.
  raw.pragma('busy_timeout = 0')
  try {
    return raw.pragma('journal_mode = DELETE', { simple: true }) === 'delete' ? mode : null
  } catch {
    return null
  } finally {
    raw.pragma(`busy_timeout = ${timeout}`)
  }
}

/** Back to the journal mode enterBulkJournal left (WAL); a failure only leaves the rollback journal. */
export function leaveBulkJournal(raw: BetterSqlite3.Database, mode: string): void {
  try {
    raw.pragma(`journal_mode = ${mode}`)
  } catch {
    // The next openStore sets WAL again.
  }
}

/**
 * Runs a bulk load of profiles on `db` inside the current write transaction. On SQLite, when the
 * `profile` table is empty, its secondary indexes are dropped first and created again (from their
 * own stored definitions) after the load: one sort instead of a million B-tree inserts. DDL is part
 * of the transaction, so a failure leaves the indexes as they were. In-memory temporary storage (for
 * that sort) holds for the load only.
 */
export async function bulkLoad<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  const raw = sqliteOf(db)
  if (!raw) return fn()
  const tempStore = raw.pragma('temp_store', { simple: true }) as number
  raw.pragma('temp_store = MEMORY')
  try {
    const empty = raw.prepare('select 1 from "profile" limit 1').get() === undefined
    const indexes = empty
      ? (raw.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'profile' and sql is not null`).all() as { name: string; sql: string }[])
      : []
    for (const ix of indexes) raw.exec(`drop index "${ix.name}"`)
    const result = await fn()
    for (const ix of indexes) raw.exec(ix.sql)
    return result
  } finally {
    raw.pragma(`temp_store = ${tempStore}`)
  }
}
