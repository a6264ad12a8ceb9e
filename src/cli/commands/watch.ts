/**
 * `express-entry watch`: alerts on new rounds. Checks IRCC's feed (or --url, or a FILE) once, for cron, or
 * every period (`--every 1h`); prints each round the channel has not sent yet and, with `--webhook URL`,
 * POSTs it as JSON signed with HMAC-SHA256 (`X-EE-Signature: sha256=<hex>`, secret from EE_WEBHOOK_SECRET),
 * retrying with backoff. What was sent is kept in the database (--db, default $EE_DB or express-entry.db),
 * so each round is sent once across restarts. `--profile FILE` adds a personal verdict to each alert.
 * @module
 */
import type { Command } from 'commander'
import { watchOnce, type RoundAlertPayload, type WatchResult } from '../../alerts/watch.js'
import { IRCC_FEED_URL } from '../../history/refresh.js'
import { profileSchema, type Profile } from '../../schemas/profile.js'
import { parseOrThrow } from '../../schemas/issues.js'
import { openStore } from '../../store/index.js'
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, httpUrlOption, parseJson, readInput } from '../io.js'
import { refreshOption } from './serve.js'
import { defaultDb, recordPathOf } from '../record-path.js'

interface WatchCliOptions {
  readonly url?: string
  readonly frenchUrl?: string
  readonly record?: string
  readonly db?: string
  readonly webhook?: string
  readonly profile?: string
  readonly every?: number
  readonly json?: boolean
  readonly retries?: string
}

const fmt = (n: number): string => n.toLocaleString('en-US')

/** One alert in words. */
export function formatAlert(a: RoundAlertPayload): string {
  const r = a.round
  const lines = [`New round #${r.number} ${r.date}: ${r.label}: ${fmt(r.size)} invited, lowest CRS ${r.lowestScore}${r.tieBreakCutoff ? `, tie-break ${r.tieBreakCutoff}` : ''}`]
  const p = a.personal
  if (p) {
    const verdict = p.wouldHaveBeenInvited === true ? 'would have invited you' : p.wouldHaveBeenInvited === false ? 'would not have invited you' : "can't tell whether it would have invited you"
    const margin = p.margin === 0 ? 'at the lowest score' : `${Math.abs(p.margin)} ${p.margin > 0 ? 'above' : 'below'} the lowest score`
    lines.push(`  ${p.profileId}: ${verdict} (score ${p.score}, ${margin}; ${p.reason})`)
  }
  return lines.join('\n')
}

/** The channel in words: "the webhook https://… for profile example-1", "printed alerts". */
function channelWords(webhook: string | undefined, profile: Profile | undefined): string {
  return `${webhook ? `the webhook ${webhook}` : 'printed alerts'}${profile ? ` for profile ${profile.id}` : ''}`
}

function summary(result: WatchResult): string {
  const lines: string[] = []
  if (result.refreshError) lines.push(`Feed not read: ${result.refreshError}`)
  if (result.frenchError) lines.push(`French labels not refreshed (the English record is): ${result.frenchError}`)
  if (result.failed) lines.push(`Round #${result.failed.number} not delivered after ${result.failed.delivery.attempts} attempt(s) (${result.failed.delivery.error}); it and any later round will be sent at the next check`)
  if (result.sent.length === 0 && !result.failed) lines.push('No new round')
  return lines.join('\n')
}

async function readProfile(file: string): Promise<Profile> {
  return parseOrThrow(profileSchema, parseJson(await readInput(file), file === '-' ? 'standard input' : file), 'profile')
}

async function runWatch(file: string | undefined, options: WatchCliOptions): Promise<number> {
  if (file !== undefined && options.url !== undefined) throw new CliError('give a feed FILE or --url URL, not both', EXIT_BAD_INPUT)
  httpUrlOption('--url', options.url)
  httpUrlOption('--french-url', options.frenchUrl)
  httpUrlOption('--webhook', options.webhook)
  const secret = process.env.EE_WEBHOOK_SECRET
  if (options.webhook !== undefined && !secret) throw new CliError('--webhook: set EE_WEBHOOK_SECRET to the secret the receiver checks the X-EE-Signature with', EXIT_BAD_INPUT)
  const retries = options.retries === undefined ? undefined : Number(options.retries)
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0 || retries > 20)) throw new CliError(`--retries: expected a whole number from 0 to 20 (got ${JSON.stringify(options.retries)})`, EXIT_BAD_INPUT)
  const profile = options.profile === undefined ? undefined : await readProfile(options.profile)
  const store = await openStore(options.db ?? defaultDb())
  const recordPath = recordPathOf(options.record)
  const check = async (): Promise<number> => {
    const result = await watchOnce({
      store,
      recordPath,
      ...(file !== undefined ? { file } : { url: options.url ?? IRCC_FEED_URL }),
      ...(options.frenchUrl !== undefined ? { frenchUrl: options.frenchUrl } : {}),
      ...(options.webhook !== undefined ? { webhook: { url: options.webhook, secret: secret!, ...(retries === undefined ? {} : { retries }) } } : {}),
      ...(profile ? { profile } : {}),
      onAlert: (a) => process.stdout.write(options.json ? `${JSON.stringify(a)}\n` : `${formatAlert(a)}\n`),
      // Said before the alerts of the same check, so the rounds sent read as those added since.
      onBaseline: (rounds) => {
        const line = `First check of ${channelWords(options.webhook, profile)}: the ${fmt(rounds)} rounds already in the record are taken as seen (not sent); rounds added after them are sent`
        if (!options.json) process.stdout.write(`${line}\n`)
      },
    })
    if (!options.json) {
      const text = summary(result)
      if (text) process.stdout.write(`${text}\n`)
    } else if (result.refreshError || result.failed) {
      process.stderr.write(`${summary(result)}\n`)
    }
    return result.refreshError || result.failed ? EXIT_FAILURE : EXIT_OK
  }
  try {
    if (options.every === undefined) return await check()
    // Every period until a signal: a failed check is reported and the next one tries again.
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | null = null
      let stopped = false
      const loop = async (): Promise<void> => {
        try {
          await check()
        } catch (e) {
          process.stderr.write(`express-entry watch: ${(e as Error).message}\n`)
        }
        if (!stopped) timer = setTimeout(() => void loop(), options.every)
      }
      const stop = (): void => {
        stopped = true
        if (timer) clearTimeout(timer)
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
      void loop()
    })
    return EXIT_OK
  } finally {
    await store.close()
  }
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description("alerts on new rounds: check IRCC's feed (once, or --every 1h), print each new round, POST it to --webhook signed with HMAC-SHA256 (EE_WEBHOOK_SECRET); each round is sent once (state in --db)")
    .argument('[file]', 'a copy of the feed to read instead of fetching')
    .option('--url <url>', "fetch the feed from this address instead of IRCC's")
    .option('--french-url <url>', "also keep the French labels from this copy of IRCC's French feed (default with IRCC's feed: ee_rounds_123_fr.json)")
    .option('--every <period>', 'check every period (e.g. 1h, 30m) until stopped; default: once', refreshOption)
    .option('--webhook <url>', 'POST each new round there as JSON, signed (X-EE-Signature: sha256=<hex>)')
    .option('--retries <n>', 'webhook retries with exponential backoff from 1 s (default 4)')
    .option('--profile <file>', "a Profile: say for each new round whether it would have invited this candidate, with the score and margin")
    .option('--db <target>', 'where alerts sent are kept: a SQLite file or a postgres:// URL (default: $EE_DB or express-entry.db)')
    .option('--record <path>', 'record file (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json); refreshed in place')
    .option('--json', 'print each alert as one JSON line (the webhook payload)')
    .action(async (file: string | undefined, options: WatchCliOptions) => {
      process.exitCode = await runWatch(file, options)
    })
}
