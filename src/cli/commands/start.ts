/**
 * `express-entry start` (what `npm start` runs): the product's main job, the server on port 8080 ($PORT
 * overrides) with the pool in a SQLite file ($EE_DB overrides; default express-entry.db in the current
 * folder), created and seeded with the demo pool on first start. It keeps the record of rounds current
 * by itself: a working copy of the shipped record beside the database, refreshed from IRCC's feed at
 * start and every 6 hours (history/working-copy.ts says why a copy).
 * @module
 */
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { CliError, EXIT_BAD_INPUT, httpUrlOption } from '../io.js'
import { parsePeriod } from '../../history/refresh.js'
import { DEMO_POOL_SIZE, portOption, runServer } from './serve.js'
import { DEFAULT_DB, defaultDb, WORKING_RECORD, workingRecordPath } from '../record-path.js'

/** How often `start` refreshes the record from the feed unless told otherwise. */
export const DEFAULT_REFRESH = '6h'

/** --refresh / $EE_REFRESH: a period of at least a minute, or `off`. */
export function startRefreshOption(value: string): number | undefined {
  if (/^(off|0|false|no)$/i.test(value.trim())) return undefined
  const ms = parsePeriod(value)
  if (ms === null || ms < 60_000) throw new CliError(`--refresh (or EE_REFRESH): expected a period of at least a minute such as 6h, 30m or 1d, or off (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return ms
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      `run the product: the API and web app on port 8080 ($PORT), the demo pool in ${DEFAULT_DB} ($EE_DB; $EE_DEMO_POOL_SIZE profiles, default 10000), and the record of rounds in ${WORKING_RECORD} beside it ($EE_ROUNDS_RECORD), refreshed from IRCC's feed`,
    )
    .option('--refresh <period>', `refresh the record of rounds from the feed at start and then every period, e.g. 1h, or off ($EE_REFRESH; default ${DEFAULT_REFRESH})`)
    .option('--feed-url <url>', "the feed to refresh from ($EE_FEED_URL; default IRCC's)")
    .action(async (options: { refresh?: string; feedUrl?: string }) => {
      const refreshMs = startRefreshOption(options.refresh ?? process.env.EE_REFRESH ?? DEFAULT_REFRESH)
      const size = Number(process.env.EE_DEMO_POOL_SIZE ?? DEMO_POOL_SIZE)
      if (!Number.isInteger(size) || size < 1 || size > 1_000_000) throw new CliError(`EE_DEMO_POOL_SIZE: expected a whole number from 1 to 1000000 (got ${JSON.stringify(process.env.EE_DEMO_POOL_SIZE)})`, EXIT_BAD_INPUT)
      const db = defaultDb()
      // $EE_ROUNDS_RECORD names the operator's own copy: refreshed in place, never replaced by the shipped
      // one (made from it only when absent, as `rounds update --record` does).
      const own = process.env.EE_ROUNDS_RECORD || undefined
      await runServer({
        port: portOption(process.env.PORT ?? '8080'),
        host: process.env.HOST ?? '0.0.0.0',
        db,
        seed: size,
        record: own ?? workingRecordPath(db),
        workingRecord: own === undefined || !existsSync(own),
        refreshMs,
        feedUrl: options.feedUrl !== undefined ? httpUrlOption('--feed-url', options.feedUrl) : httpUrlOption('EE_FEED_URL', process.env.EE_FEED_URL || undefined),
        trustProxy: process.env.EE_TRUST_PROXY === '1',
      })
    })
}
