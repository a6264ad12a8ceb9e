/**
 * `express-entry start` (what `npm start` runs): the product's main job, the server on port 8080 ($PORT
 * overrides) with the pool in a SQLite file ($EE_DB overrides; default express-entry.db in the current
 * folder), created and seeded with the demo pool on first start.
 * @module
 */
import type { Command } from 'commander'
import { CliError, EXIT_BAD_INPUT } from '../io.js'
import { DEMO_POOL_SIZE, portOption, refreshOption, runServer } from './serve.js'

export const DEFAULT_DB = 'express-entry.db'

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the product: the API and web app on port 8080 ($PORT), the demo pool in express-entry.db ($EE_DB; $EE_DEMO_POOL_SIZE profiles, default 10000)')
    .option('--refresh <period>', "refresh the record of rounds from IRCC's feed now and then every period, e.g. 6h (off by default; $EE_REFRESH)")
    .option('--feed-url <url>', "the feed --refresh fetches (default: IRCC's)")
    .action(async (options: { refresh?: string; feedUrl?: string }) => {
      const refresh = options.refresh ?? process.env.EE_REFRESH
      const refreshMs = refresh ? refreshOption(refresh) : undefined
      const size = Number(process.env.EE_DEMO_POOL_SIZE ?? DEMO_POOL_SIZE)
      if (!Number.isInteger(size) || size < 1 || size > 1_000_000) throw new CliError(`EE_DEMO_POOL_SIZE: expected a whole number from 1 to 1000000 (got ${JSON.stringify(process.env.EE_DEMO_POOL_SIZE)})`, EXIT_BAD_INPUT)
      await runServer({ port: portOption(process.env.PORT ?? '8080'), host: process.env.HOST ?? '0.0.0.0', db: process.env.EE_DB || DEFAULT_DB, seed: size, refreshMs, feedUrl: options.feedUrl, trustProxy: process.env.EE_TRUST_PROXY === '1' })
    })
}
