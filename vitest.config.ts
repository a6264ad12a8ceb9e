import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Storage suites' PostgreSQL server: started lazily, only when a PostgreSQL suite runs.
    globalSetup: ['test/setup/postgres.ts'],
  },
})
