/**
 * The one place that turns a failure of the storage engine (SQLite or PostgreSQL) into an
 * ExpressEntryError `storage_failure` saying what happened and what to do. The API answers those 503
 * with Retry-After; the CLI prints them on one line and exits 1. Anything that is not a storage
 * failure is left alone (null).
 * @module
 */
import { ExpressEntryError } from '../errors.js'

/** Seconds the API tells clients to wait after a storage failure (Retry-After). */
export const STORAGE_RETRY_AFTER_SECONDS = 5

interface DriverError {
  readonly code?: unknown
  readonly message?: unknown
  readonly errno?: unknown
  readonly syscall?: unknown
}

const PG_CONNECTION_LOST = /connection terminated|terminating connection|connection ended|server closed the connection|client has encountered a connection error|not queryable|connection has been discarded|Client was closed/i

/** What went wrong, in the user's words, or null when `e` is not a storage engine failure. */
export function storageReason(e: unknown): string | null {
  if (e === null || typeof e !== 'object') return null
  const err = e as DriverError
  const code = typeof err.code === 'string' ? err.code : ''
  const message = typeof err.message === 'string' ? err.message : ''
  // SQLite (better-sqlite3 errors carry SQLITE_* codes).
  if (code.startsWith('SQLITE_FULL') || /database or disk is full/i.test(message)) return 'the disk is full (or the database reached its size limit): free some space and try again'
  if (code.startsWith('SQLITE_READONLY')) return 'the database is read-only (the file or its folder cannot be written): give this user write access to both, or use another --db'
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the database file cannot be opened (its folder is missing or not writable): check the path and permissions'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database is locked by another process that holds it too long: try again'
  if (code.startsWith('SQLITE_IOERR')) return `an input/output error on the database file (${code}): check the disk`
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'the database file is damaged or not a database: restore it from a copy'
  // The operating system, for SQLite files and PostgreSQL sockets alike.
  if (code === 'ENOSPC') return 'the disk is full: free some space and try again'
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'permission denied or read-only file system: give this user write access, or use another --db'
  // Socket errors only from a system call (the driver's own socket): a client hanging up on the HTTP
  // server also says ECONNRESET, and is no storage failure.
  const socket = typeof err.syscall === 'string'
  if (code === 'ECONNREFUSED' && socket) return 'the PostgreSQL server refuses connections (is it running?): try again once it is up'
  if (socket && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')) return `the connection to the PostgreSQL server failed (${code}): try again once it is reachable`
  // PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/15/errcodes-appendix.html).
  if (/^57P0[1-3]$/.test(code)) return 'the PostgreSQL server is shutting down, restarting or not yet accepting connections: try again in a moment'
  if (/^08/.test(code)) return 'the connection to the PostgreSQL server was lost: try again in a moment'
  if (code === '53100') return 'the PostgreSQL server\'s disk is full: free some space and try again'
  if (code === '53300') return 'the PostgreSQL server has no connection to spare: try again in a moment'
  if (/^53/.test(code)) return `the PostgreSQL server lacks resources (${code}): try again later`
  if (code === '25006') return 'the PostgreSQL server is read-only (a standby?): point --db at the primary'
  if (code === '3D000') return 'the PostgreSQL database does not exist: create it first'
  if (code === '28P01' || code === '28000') return 'PostgreSQL refused the credentials in the URL'
  if (PG_CONNECTION_LOST.test(message)) return 'the connection to the PostgreSQL server was lost: try again in a moment'
  return null
}

/**
 * `e` as a storage_failure (with what happened and what to do), or null when it is no storage failure.
 * An ExpressEntryError is returned as it is.
 */
export function asStorageFailure(e: unknown, operation = 'a database operation'): ExpressEntryError | null {
  if (e instanceof ExpressEntryError) return e.code === 'storage_failure' ? e : null
  const reason = storageReason(e)
  if (reason === null) return null
  return new ExpressEntryError('storage_failure', { operation, reason }, { cause: e })
}

/** Rethrows `e` as a storage_failure when it is one (see asStorageFailure), or as it is. */
export function rethrowStorage(e: unknown, operation: string): never {
  throw asStorageFailure(e, operation) ?? e
}
