/**
 * The migrations, by name (timestamp first, so they sort in the order they must run). Listed here,
 * not read from disk, so they run the same from the sources, the tests and the built package.
 * @module
 */
import type { Migration, MigrationProvider } from 'kysely'
import * as createPool from './2026_11_25_220000_create_pool.js'
import * as createRoundAlert from './2026_11_29_200000_create_round_alert.js'
import * as roundUndecided from './2026_11_30_100000_round_undecided.js'
import * as undecidedPrograms from './2026_11_30_200000_undecided_programs.js'

export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_25_220000_create_pool': createPool,
  '2026_11_29_200000_create_round_alert': createRoundAlert,
  '2026_11_30_100000_round_undecided': roundUndecided,
  '2026_11_30_200000_undecided_programs': undecidedPrograms,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
}
