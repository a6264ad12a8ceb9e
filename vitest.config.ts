import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The CLI's default database, and the record npm start keeps beside it (src/cli/record-path.ts), are
    // the user's: a copy left in the checkout by `npm start` must not change what the tests read.
    env: { EE_DB: join(tmpdir(), 'express-entry-tests-no-db', 'express-entry.db') },
    // Storage suites' PostgreSQL server: started lazily, only when a PostgreSQL suite runs.
    globalSetup: ['test/setup/postgres.ts'],
  },
})
