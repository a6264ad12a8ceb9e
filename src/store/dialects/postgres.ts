/** PostgreSQL through node-postgres (pg), with a small connection pool. @module */
import { PostgresDialect } from 'kysely'
import pg from 'pg'

const INT8_OID = 20

/** A kysely dialect over the PostgreSQL server at `url` (`postgres://user@host:port/db`). */
export function postgresDialect(url: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // A server that is down or unreachable fails the request in seconds rather than holding it.
    connectionTimeoutMillis: 5_000,
    // Epoch milliseconds are bigint columns; they fit in a double exactly until the year 287396.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server drops (a restart, an administrator's shutdown) must not crash the
  // process: the pool replaces it on the next query, and the error reaches whoever runs that query.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL connection lost: ${e.message}`))
  // A connection that drops while a query runs on it (the server stops, an administrator terminates
  // the session) emits 'error' on its client, which pg-pool only listens to while the client is
  // idle: unheard, it would end the process. The query in flight fails with the same error (the caller
  // maps it to storage_failure), and pg-pool discards the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined)
  })
  return { dialect: new PostgresDialect({ pool }), pool }
}
