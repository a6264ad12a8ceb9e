/**
 * Opening a fresh, private store per test for each selected dialect (STYLE.md §3.5): SQLite in a
 * temporary file (WAL needs a file), PostgreSQL as a new database on the test server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { openStore, type Store } from '../../src/store/index.js'
import { createDatabase, pgBinDir, selectedDialects, startServer, type DialectName } from './pg-server.js'

export const DIALECTS: readonly DialectName[] = selectedDialects()

let serverUrl: Promise<string> | undefined

/** The test server's admin URL, starting the server on first use. */
export function postgresUrl(): Promise<string> {
  const how = inject('postgres')
  if (!how) throw new Error('PostgreSQL was not selected (DIALECTS)')
  serverUrl ??= 'url' in how ? Promise.resolve(how.url) : startServer(how.dir)
  return serverUrl
}

/** Why PostgreSQL suites are skipped, or null when they run. Only a machine without a server or binaries skips. */
export function postgresSkipReason(): string | null {
  const how = inject('postgres')
  if (!how || 'url' in how) return null
  return pgBinDir() ? null : 'no PostgreSQL 15 binaries (initdb, pg_ctl) and no EE_PG_URL'
}

let counter = 0

export interface TestStore {
  readonly store: Store
  /** The target openStore was given (a file path or a postgres:// URL), to open it again. */
  readonly target: string
  cleanup(): Promise<void>
}

/** A fresh, empty store for one test. */
export async function freshStore(dialect: DialectName): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ee-sqlite-'))
    const target = join(dir, 'pool.db')
    const store = await openStore(target)
    return {
      store,
      target,
      cleanup: async () => {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const admin = await postgresUrl()
  const name = `ee_test_${process.pid}_${Date.now().toString(36)}_${counter++}`
  const target = await createDatabase(admin, name)
  const store = await openStore(target)
  return {
    store,
    target,
    cleanup: async () => {
      await store.close()
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
