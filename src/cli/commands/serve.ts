/**
 * `express-entry serve`: the HTTP API, /docs and the web app on a port, with structured JSON logs and a
 * graceful shutdown on SIGINT/SIGTERM.
 * @module
 */
import cluster from 'node:cluster'
import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { jsonLogger, startServer, type JsonLogger, type RunningServer } from '../../api/server.js'
import { DEFAULT_EXPENSIVE_LIMIT } from '../../api/app.js'
import { answerSharedBuckets, sharedBuckets, type Buckets } from '../../api/rate-limit.js'
import { liveRecord } from '../../history/live.js'
import { recordPathOf } from '../record-path.js'
import { FeedFetchError, IRCC_FEED_URL, noteRefreshFailure, parsePeriod, refreshFrenchLabels, refreshRecord } from '../../history/refresh.js'
import { ensureWorkingRecord } from '../../history/working-copy.js'
import { measureTrackRecord, readTrackRecord, trackRecordBehind } from '../../forecast/track-record-file.js'
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE } from '../io.js'
import { todayUtc } from '../../domain/dates.js'
import { realEligibility } from '../../pool/eligibility.js'
import { generatePool } from '../../pool/generator.js'
import { importProfiles } from '../../pool/lifecycle.js'
import { openStore } from '../../store/index.js'
import { countProfiles } from '../../store/profile.repository.js'
import type { PoolService } from '../../api/routes/pool.js'
import type { HistoryService } from '../../api/routes/rounds.js'
import type { ErrorLogger } from '../../api/error-handler.js'
import { tokenProblem, WRONG_TOKEN_LIMIT } from '../../api/auth.js'

/**
 * Builds the web app into `outDir` with vite (a dev dependency: present in a checkout after npm install),
 * for `start` from a checkout whose install did not build it. Failing that, the API still serves.
 */
async function buildWebApp(outDir: string, log: ErrorLogger): Promise<void> {
  const config = join(packageRoot(), 'web', 'vite.config.ts')
  if (!existsSync(config)) return
  try {
    log({ level: 'notice', msg: 'building the web app (first start of a checkout)' })
    const { build } = await import('vite')
    await build({ configFile: config, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  } catch (e) {
    log({ level: 'warn', msg: `could not build the web app: ${(e as Error).message}` })
  }
}

/** Size of the demo pool `npm start` generates on first start. */
export const DEMO_POOL_SIZE = 10_000

/** Fills an empty store with a generated demo pool matching the latest published distribution. */
async function seedDemoPool(pool: PoolService, log: ErrorLogger, size = DEMO_POOL_SIZE): Promise<void> {
  const counts = await countProfiles(pool.store.db)
  if (counts.some((c) => c.count > 0)) return
  const like = todayUtc()
  log({ level: 'notice', msg: `seeding the demo pool: ${size} generated profiles like the pool of ${like} (first start only)` })
  const started = Date.now()
  const lines = (function* () {
    for (const g of generatePool({ size, seed: 1, like, eligibility: pool.eligibility })) yield JSON.stringify(g.profile)
  })()
  const result = await importProfiles(pool.store, lines, { eligibility: pool.eligibility, asOf: like })
  log({ level: 'notice', msg: 'demo pool seeded', added: result.added, rejected: result.rejected.length, seconds: Math.round((Date.now() - started) / 100) / 10 })
}

/** The package root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
  return dir
}

/** Where `npm run build:web` puts the web app. */
function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web')
}

export interface ServeOptions {
  /** Processes answering requests on the one port (node:cluster); 1 = this process alone. */
  readonly workers?: number
  readonly port: number
  readonly host: string
  readonly db?: string | undefined
  readonly web?: string | undefined
  /** Seed an empty store with a demo pool of this many profiles (npm start). */
  readonly seed?: number
  /** The record of past rounds (default: cli/record-path.ts recordPathOf). */
  readonly record?: string | undefined
  /** `record` is a working copy of the shipped record, made or made again from it first (npm start; history/working-copy.ts). */
  readonly workingRecord?: boolean
  /** Refresh the record from the feed this often (ms); off when absent. */
  readonly refreshMs?: number | undefined
  /** The feed to refresh from (default IRCC's). */
  readonly feedUrl?: string | undefined
  /** Behind a reverse proxy: clients are told apart by X-Forwarded-For (its last address). */
  readonly trustProxy?: boolean
}

/** Parses --refresh: a period such as 6h, 30m or 1d (at least one minute). */
export function refreshOption(value: string): number {
  const ms = parsePeriod(value)
  if (ms === null || ms < 60_000) throw new CliError(`--refresh: expected a period of at least a minute such as 6h, 30m or 1d (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return ms
}

/**
 * Refreshes the record from the feed now and then every `ms`, logging each outcome; a failure is
 * logged and the record stays as it was. Returns the function that stops it, a fetch under way too (a
 * feed that does not answer must not hold a stopping server for its 30 s timeout).
 */
export function scheduleRefresh(recordPath: string, ms: number, url: string, log: ErrorLogger, after: () => void = () => undefined): () => void {
  let running = false
  const stopping = new AbortController()
  const once = async (): Promise<void> => {
    if (running || stopping.signal.aborted) return
    running = true
    try {
      const r = await refreshRecord(recordPath, { url, signal: stopping.signal })
      log({ level: 'notice', msg: 'record of rounds refreshed', source: url, notModified: r.notModified, added: r.added.map((a) => a.number), changed: r.changed.length, unknownLabels: r.unknownLabels.map((u) => u.label), rounds: r.rounds })
      // With IRCC's own feed, its French labels too; a failure there leaves the English record refreshed.
      if (url === IRCC_FEED_URL && !r.notModified) await refreshFrenchLabels(recordPath, undefined, { signal: stopping.signal }).catch((e: Error) => log({ level: 'warn', msg: `French labels not refreshed: ${e.message}` }))
      after()
    } catch (e) {
      log({ level: 'warn', msg: `record of rounds not refreshed: ${(e as Error).message}`, source: url })
      // Said beside the record, so that every process, the API and the rounds page can tell (a stop is not a failure).
      if (!stopping.signal.aborted) {
        await noteRefreshFailure(recordPath, e instanceof FeedFetchError ? e.reason : (e as Error).message).catch((n: Error) => log({ level: 'warn', msg: `refresh failure not noted: ${n.message}` }))
        after()
      }
    } finally {
      running = false
    }
  }
  const first = setTimeout(() => void once(), 0)
  const timer = setInterval(() => void once(), ms)
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
    stopping.abort()
  }
}

/**
 * Measures the forecast's track record again (forecast/track-record-file.ts, in a worker thread) when the
 * record holds rounds it has not seen: called at start and after each refresh, one measure at a time,
 * checking again when one ends (rounds may have come meanwhile). A failure is logged; the last track
 * record stays.
 */
export function trackRecordKeeper(recordPath: string, log: ErrorLogger): () => void {
  let running = false
  const keep = (): void => {
    if (running) return
    try {
      if (!trackRecordBehind(recordPath)) return
    } catch {
      return // the record is unreadable: the refresh has said so
    }
    running = true
    const started = process.hrtime.bigint()
    void measureTrackRecord(recordPath)
      .then(
        (b) => log({ level: 'notice', msg: 'forecast track record measured again', recordUntil: b.recordUntil, brier: b.brier.model, brierRatio: b.brierRatio, seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10 }),
        (e: Error) => log({ level: 'warn', msg: `forecast track record not measured: ${e.message}` }),
      )
      .finally(() => {
        running = false
        keep()
      })
  }
  return keep
}

/** EE_API_TOKEN and EE_API_READ_TOKEN, refused when too short to be safe (auth.ts). */
export function tokensFromEnv(env: NodeJS.ProcessEnv = process.env): { token: string | undefined; readToken: string | undefined } {
  const token = env.EE_API_TOKEN || undefined
  const readToken = env.EE_API_READ_TOKEN || undefined
  for (const [name, value] of [['EE_API_TOKEN', token], ['EE_API_READ_TOKEN', readToken]] as const) {
    const problem = value === undefined ? null : tokenProblem(name, value)
    if (problem) throw new CliError(problem, EXIT_BAD_INPUT)
  }
  if (token !== undefined && token === readToken) throw new CliError('EE_API_READ_TOKEN must differ from EE_API_TOKEN', EXIT_BAD_INPUT)
  return { token, readToken }
}

/** Parses a TCP port (0-65535). */
export function portOption(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: expected a whole number from 0 to 65535 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return port
}

/**
 * Starts the server and stops it cleanly on SIGINT/SIGTERM; resolves once it has stopped. With
 * `workers` > 1, this process prepares (web app, store, demo pool) and forks the workers, which share
 * the port; a signal stops them all.
 */
export async function runServer(options: ServeOptions): Promise<void> {
  const workers = options.workers ?? 1
  const { token, readToken } = tokensFromEnv()
  if (workers > 1 && options.db === ':memory:') throw new CliError('--workers: an in-memory database cannot be shared between processes; use a file or postgres://', EXIT_BAD_INPUT)
  const log = jsonLogger(process.stdout, cluster.isWorker || workers > 1 ? 4000 : 65_536)
  const webRoot = resolve(options.web ?? defaultWebRoot())
  if (cluster.isPrimary) {
    if (!existsSync(join(webRoot, 'index.html')) && options.seed && options.web === undefined) await buildWebApp(webRoot, log)
    if (!existsSync(join(webRoot, 'index.html'))) {
      log({ level: 'warn', msg: `no web app in ${webRoot}: run npm run build:web; serving the API only` })
    }
  }
  const recordPath = recordPathOf(options.record)
  if (cluster.isPrimary && options.workingRecord) {
    const copy = await ensureWorkingRecord(recordPath).catch((e: Error) => {
      throw new CliError(`storage failure: cannot keep the working copy of the record of rounds at ${recordPath}: ${e.message}`, EXIT_FAILURE)
    })
    log({ level: 'notice', msg: copy.copiedBecause ? 'record of rounds copied from the shipped one' : 'record of rounds kept', record: copy.path, ...(copy.copiedBecause ? { because: copy.copiedBecause } : {}), rounds: copy.rounds, newest: copy.newest })
  }
  if (cluster.isPrimary && workers > 1) return runPrimary({ ...options, record: recordPath }, workers, log)
  let history: HistoryService | null = null
  let live: ReturnType<typeof liveRecord> | null = null
  try {
    live = liveRecord(recordPath)
    const kept = live
    history = { rounds: () => kept.rounds(), info: () => kept.info(), trackRecord: () => readTrackRecord(recordPath) }
  } catch (e) {
    log({ level: 'warn', msg: `record of past rounds not loaded: ${(e as Error).message}` })
  }
  let pool: PoolService | null = null
  if (options.db) {
    const store = await openStore(options.db)
    const eligibility = realEligibility()
    pool = { store, eligibility }
    if (options.seed && cluster.isPrimary) await seedDemoPool(pool, log, options.seed)
  } else {
    log({ level: 'warn', msg: 'no --db: the pool endpoints answer 503' })
  }
  let server: RunningServer
  try {
    // A cluster's workers share their rate limits' buckets, kept by the primary (rate-limit.ts).
    const shared = cluster.isWorker ? { expensiveBuckets: sharedBuckets('expensive', DEFAULT_EXPENSIVE_LIMIT), wrongTokenBuckets: sharedBuckets('wrong-token', WRONG_TOKEN_LIMIT) } : {}
    server = await startServer({ port: options.port, hostname: options.host, token, readToken, trustProxy: options.trustProxy === true, webRoot, history, pool, log, ...shared })
  } catch (e) {
    await pool?.store.close()
    throw e
  }
  // One process refreshes (this one, or the primary of a cluster); every process re-reads the file when it changes.
  const keepTrackRecord = options.refreshMs && !cluster.isWorker ? trackRecordKeeper(recordPath, log) : null
  keepTrackRecord?.()
  const stopRefresh = options.refreshMs && !cluster.isWorker ? scheduleRefresh(recordPath, options.refreshMs, options.feedUrl ?? IRCC_FEED_URL, log, () => (live?.reload(), keepTrackRecord?.())) : null
  // Handlers first, then the "listening" line: whoever waits for that line may signal at once.
  const stopped = new Promise<void>((done) => {
    let closing = false
    // A second signal (Ctrl-C reaches a whole cluster, then the primary relays it) changes nothing.
    const stop = (signal: NodeJS.Signals) => {
      if (closing) return
      closing = true
      log({ level: 'info', msg: 'shutting down', signal })
      stopRefresh?.()
      void server.close().then(async () => {
        await pool?.store.close()
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        log({ level: 'info', msg: 'stopped' })
        log.flush()
        done()
      })
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  log({ level: 'notice', ...(cluster.isWorker ? { msg: 'worker listening', worker: cluster.worker?.id, pid: process.pid } : { msg: 'listening' }), url: server.url, web: existsSync(join(webRoot, 'index.html')), history: history !== null, pool: pool !== null, db: pool ? (pool.store.dialect === 'sqlite' ? options.db : 'postgres') : null, writes: token !== undefined, personalReads: token !== undefined || readToken !== undefined })
  await stopped
  // A worker's channel to the primary would keep it alive: let go of it so the process ends.
  cluster.worker?.disconnect()
}

/** The primary of a cluster: seeds once, forks the workers, and stops them on a signal. */
async function runPrimary(options: ServeOptions, workers: number, log: JsonLogger): Promise<void> {
  // Opening the store here runs its migrations once, before the workers open it: two workers migrating
  // a new SQLite file at once would contend for its write lock.
  if (options.db) {
    const store = await openStore(options.db)
    try {
      if (options.seed) await seedDemoPool({ store, eligibility: realEligibility() }, log, options.seed)
    } finally {
      await store.close()
    }
  }
  const keepTrackRecord = options.refreshMs ? trackRecordKeeper(recordPathOf(options.record), log) : null
  keepTrackRecord?.()
  const stopRefresh = options.refreshMs ? scheduleRefresh(recordPathOf(options.record), options.refreshMs, options.feedUrl ?? IRCC_FEED_URL, log, () => keepTrackRecord?.()) : null
  // Port 0 would give each worker its own port: pick one here so they share it.
  const port = options.port === 0 ? await freePort(options.host) : options.port
  const env = { EE_WORKER_PORT: String(port) }
  const buckets = new Map<string, Buckets>()
  const fork = () => {
    const worker = cluster.fork(env)
    answerSharedBuckets(worker, buckets)
    return worker
  }
  const live = new Set(Array.from({ length: workers }, fork))
  let stopping = false
  let allGone: () => void = () => undefined
  const exited = new Promise<void>((done) => (allGone = done))
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log({ level: 'info', msg: 'shutting down the workers', signal })
    stopRefresh?.()
    for (const w of live) if (!w.isDead()) w.process.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // A worker that dies (a crash, an out-of-memory kill) is replaced, unless workers die faster than
  // one every 10 s on average over the last five: then something is wrong with every one of them.
  const deaths: number[] = []
  const onExit = (worker: import('node:cluster').Worker, code: number | null, signal: string | null): void => {
    live.delete(worker)
    if (!stopping) {
      deaths.push(Date.now())
      if (deaths.length > 5) deaths.shift()
      const failingFast = deaths.length === 5 && deaths[4]! - deaths[0]! < 50_000
      log({ level: 'error', msg: failingFast ? 'a worker stopped; workers keep dying, not replacing it' : 'a worker stopped; replacing it', worker: worker.id, code, signal })
      if (!failingFast) live.add(fork())
    }
    if (live.size === 0) allGone()
  }
  cluster.on('exit', onExit)
  // "listening" once every worker listens (or one gave up), as a single process says it.
  const listening = Promise.all([...live].map((w) => new Promise<void>((done) => (w.once('listening', () => done()), w.once('exit', () => done())))))
  await Promise.race([listening, exited])
  if (!stopping) log({ level: 'notice', msg: 'listening', url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`, workers })
  await exited
  cluster.off('exit', onExit)
  process.off('SIGINT', stop)
  process.off('SIGTERM', stop)
  log({ level: 'info', msg: 'stopped' })
  log.flush()
}

function freePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolvePort(port))
    })
  })
}

/** Parses --workers (1 to 64). */
function workersOption(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers: expected a whole number from 1 to 64 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return n
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (/v1, /openapi.json, /docs) and the web app; EE_API_TOKEN enables write endpoints')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080)', portOption)
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--db <target>', 'the pool: a SQLite file or a postgres:// URL')
    .option('--web <dir>', 'folder of the built web app (default: dist/web)')
    .option('--workers <n>', 'processes sharing the port (node:cluster), e.g. one per core; a worker that dies is replaced', workersOption, 1)
    .option('--record <path>', 'the record of past rounds (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json)')
    .option('--refresh <period>', "refresh the record from IRCC's feed now and then every period, e.g. 6h (off by default)", refreshOption)
    .option('--feed-url <url>', "the feed --refresh fetches (default: IRCC's)")
    .option('--trust-proxy', 'behind a reverse proxy: tell clients apart by the last X-Forwarded-For address (rate limits)')
    .action(async (options: { port?: number; host: string; db?: string; web?: string; workers: number; record?: string; refresh?: number; feedUrl?: string; trustProxy?: boolean }) => {
      const port = process.env.EE_WORKER_PORT ? Number(process.env.EE_WORKER_PORT) : (options.port ?? portOption(process.env.PORT ?? '8080'))
      await runServer({ port, host: options.host, db: options.db, web: options.web, workers: options.workers, record: options.record, refreshMs: options.refresh, feedUrl: options.feedUrl, trustProxy: options.trustProxy === true })
    })
}
