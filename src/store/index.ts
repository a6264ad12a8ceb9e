/**
 * openStore: the pool's storage, on SQLite (a file path; the default) or PostgreSQL (a
 * `postgres://` URL), with one schema and one code path (kysely). Opening migrates to the latest
 * schema.
 * @module
 */
import { accessSync, constants, existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Kysely, Migrator, sql } from 'kysely'
import { ExpressEntryError } from '../errors.js'
import type { Database } from './database.js'
import { postgresDialect } from './dialects/postgres.js'
import { sqliteConnection } from './dialects/sqlite.js'
import { enterBulkJournal, leaveBulkJournal, registerSqlite } from './bulk.js'
import { migrationProvider } from './migrations/index.js'
import { asStorageFailure, rethrowStorage, storageReason } from './failure.js'

export type { Database } from './database.js'
export type { ProfileRow, ProfileStatus } from './profile.table.js'
export type { RoundRow } from './round.table.js'
export type { InvitationRow, InvitationStatus } from './invitation.table.js'
export type { PoolEventRow, PoolEventKind } from './event.table.js'

export type DialectName = 'sqlite' | 'postgres'

export interface Store {
  readonly dialect: DialectName
  /** The database, for reads (and writes that need no serialization). */
  readonly db: Kysely<Database>
  /**
   * Runs `fn` in one write transaction, serialized against every other writer, in this process or
   * another: SQLite takes the write lock at BEGIN (`BEGIN IMMEDIATE`); PostgreSQL takes a
   * transaction-scoped advisory lock. All of `fn`'s writes commit together, or none do.
   */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>, options?: WriteOptions): Promise<T>
  close(): Promise<void>
}

export interface WriteOptions {
  /**
   * A bulk load of profiles (store/bulk.ts): on a SQLite file whose pool is empty and that no other
   * connection has open, the transaction runs with a rollback journal instead of WAL.
   */
  readonly bulk?: boolean
}

/** The advisory lock key that serializes pool writers on PostgreSQL ("EEPOOL" in ASCII). */
const PG_POOL_LOCK = 0x4545504f4f4c

/** Whether `target` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target)
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'ee_migration', migrationLockTableName: 'ee_migration_lock' })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    const reason = storageReason(error)
    throw new ExpressEntryError('storage_failure', { operation: `migration ${failed}`, ...(reason ? { reason } : { reason: error instanceof Error ? error.message : String(error) }) }, { cause: error })
  }
}

/** Why a SQLite file cannot be opened, with its cause: a missing or read-only folder, a read-only file. */
function sqliteOpenReason(target: string, e: unknown): string {
  const dir = dirname(resolve(target))
  if (!existsSync(dir)) return `the folder ${dir} does not exist: create it, or use another --db`
  const writable = (path: string): boolean => {
    try {
      accessSync(path, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
  if (existsSync(target) && !writable(target)) return `the file ${target} is read-only: give this user write access, or use another --db`
  if (!writable(dir)) return `the folder ${dir} is not writable (SQLite needs to create the database and its journal files there): give this user write access, or use another --db`
  const cause = e instanceof Error ? e.message : String(e)
  return storageReason(e) ?? `${cause}: check the path and permissions`
}

/**
 * Opens the store at `target`: a `postgres://` (or `postgresql://`) URL, or a SQLite file path
 * (`:memory:` for a private in-memory database).
 * @example
 * const store = await openStore('pool.db')
 */
export async function openStore(target: string): Promise<Store> {
  if (!target) throw new ExpressEntryError('invalid_input', { issues: [{ path: 'db', message: 'expected a SQLite file path or a postgres:// URL' }] })
  let store: Store
  if (isPostgresUrl(target)) {
    const { dialect, pool } = postgresDialect(target)
    const db = new Kysely<Database>({ dialect })
    store = {
      dialect: 'postgres',
      db,
      write: (fn) =>
        db
          .transaction()
          .execute(async (trx) => {
            await sql`select pg_advisory_xact_lock(${PG_POOL_LOCK})`.execute(trx)
            return fn(trx)
          })
          .catch((e: unknown) => rethrowStorage(e, 'a write transaction (nothing of it was written)')),
      close: async () => {
        await db.destroy()
        void pool
      },
    }
  } else {
    let db: Kysely<Database>
    let raw: ReturnType<typeof sqliteConnection>['database']
    try {
      const opened = sqliteConnection(target)
      raw = opened.database
      db = new Kysely<Database>({ dialect: opened.dialect })
    } catch (e) {
      throw new ExpressEntryError('storage_failure', { operation: `opening SQLite database ${target}`, reason: sqliteOpenReason(target, e) }, { cause: e })
    }
    store = {
      dialect: 'sqlite',
      db,
      write: (fn, options) =>
        db.connection().execute(async (conn) => {
          // Only inside a write transaction may the bulk path use the connection directly (store/bulk.ts).
          registerSqlite(conn, raw)
          const journal = options?.bulk ? enterBulkJournal(raw) : null
          try {
            await sql`begin immediate`.execute(conn)
            try {
              const result = await fn(conn)
              await sql`commit`.execute(conn)
              return result
            } catch (e) {
              // SQLite rolls back by itself on some failures (a full disk): rolling back again would
              // fail with "no transaction is active" and hide the cause.
              if (raw.inTransaction) {
                try {
                  await sql`rollback`.execute(conn)
                } catch {
                  // The original failure is what the user needs to see.
                }
              }
              throw e
            }
          } catch (e) {
            rethrowStorage(e, 'a write transaction (nothing of it was written)')
          } finally {
            if (journal) leaveBulkJournal(raw, journal)
          }
        }),
      close: () => db.destroy(),
    }
  }
  try {
    await migrate(store.db)
  } catch (e) {
    await store.close().catch(() => undefined)
    if (e instanceof ExpressEntryError) throw e
    const operation = store.dialect === 'sqlite' ? `opening SQLite database ${target}` : 'opening the PostgreSQL database'
    throw store.dialect === 'sqlite'
      ? new ExpressEntryError('storage_failure', { operation, reason: sqliteOpenReason(target, e) }, { cause: e })
      : (asStorageFailure(e, operation) ?? new ExpressEntryError('storage_failure', { operation, reason: e instanceof Error ? e.message : String(e) }, { cause: e }))
  }
  return store
}
