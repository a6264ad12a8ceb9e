/**
 * `express-entry pool`: import profiles (JSONL), list and show them, the pool distribution, and a
 * synthetic pool generator.
 * @module
 */
import { createReadStream } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import { isIsoDate, type IsoDate } from '../../domain/dates.js'
import { realEligibility } from '../../pool/eligibility.js'
import { generatePool, targetFor } from '../../pool/generator.js'
import { importAndAnalyze, jsonlBytes, withdrawProfile, type ImportResult, type JsonlBytes } from '../../pool/lifecycle.js'
import { poolDistribution } from '../../pool/rounds.js'
import { categoriesOfColumn, undecidedOfColumn } from '../../pool/derived.js'
import { fromDayNumber, instantOfMs } from '../../domain/dates.js'
import { eventsOf } from '../../store/event.repository.js'
import { countProfiles, getProfile, listProfiles } from '../../store/profile.repository.js'
import { PROFILE_STATUSES, type ProfileStatus } from '../../store/profile.table.js'
import { checkReadable, CliError, EXIT_BAD_INPUT, EXIT_OK, writeFileAtomically, writeStdout } from '../io.js'
import { dbOption, formatCount, formatDistribution, instantOption, intOption, withStore } from './pool-shared.js'
import { PROGRAM_BIT } from '../../pool/eligibility.js'
import { PROGRAMS } from '../../schemas/common.js'
import { replayRounds, type Replay } from '../../forecast/pool-model.js'
import { loadRecord } from '../../history/load.js'
import { formatTable } from './rounds.js'
import { readableRecordPathOf } from '../record-path.js'

/** A date option (`name` for the message), checked; undefined when not given. */
export function dateOption(value: string | undefined, name: string): IsoDate | undefined {
  if (value === undefined) return undefined
  if (!isIsoDate(value)) throw new CliError(`${name}: expected a date written YYYY-MM-DD (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return value
}

/** JSONL bytes from FILE or stdin: decoded and split into lines by the import's worker threads. */
function jsonlOf(file: string | undefined): JsonlBytes {
  if (!file || file === '-') return jsonlBytes(process.stdin)
  checkReadable(file)
  return jsonlBytes(createReadStream(file, { highWaterMark: 1 << 20 }))
}

function reportImport(result: ImportResult, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else {
    let text = ''
    for (const r of result.rejected) {
      const where = `line ${r.line}${r.id ? ` (${JSON.stringify(r.id)})` : ''}`
      for (const i of r.issues) text += `express-entry: ${where}: ${i.path ? `${i.path}: ` : ''}${i.message}\n`
      if (text.length > 1 << 16) {
        process.stderr.write(text)
        text = ''
      }
    }
    process.stderr.write(text)
    process.stdout.write(`added ${formatCount(result.added)}, updated ${formatCount(result.updated)}, rejected ${formatCount(result.rejected.length)}\n`)
  }
  return result.rejected.length > 0 ? EXIT_BAD_INPUT : EXIT_OK
}

function progress(): ((lines: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  const started = Date.now()
  return (lines) => {
    const seconds = (Date.now() - started) / 1000
    process.stderr.write(`\r  ${formatCount(lines)} lines, ${formatCount(Math.round(lines / Math.max(seconds, 0.001)))}/s   `)
  }
}

/** Worker threads for imports: one per core, at most 4. */
function importWorkers(): number {
  return Math.min(4, availableParallelism())
}

function programsOf(mask: number): string[] {
  return PROGRAMS.filter((p) => (mask & PROGRAM_BIT[p]) !== 0)
}

export function registerPool(program: Command): void {
  const pool = program.command('pool').description('the Express Entry pool: profiles, distribution, synthetic pools')

  dbOption(pool.command('import'))
    .description('import Profiles, one JSON object per line (bad lines are reported; the rest go in, in one transaction)')
    .argument('[file]', 'JSONL file; - or nothing reads standard input')
    .option('--as-of <date>', 'compute scores for this day (default: each profile\'s submission day)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, o: { db?: string; asOf?: string; json?: boolean }) => {
      const asOf = dateOption(o.asOf, '--as-of')
      const input = jsonlOf(file)
      const onProgress = progress()
      const result = await withStore(o.db, (store) =>
        importAndAnalyze(store, input, { eligibility: realEligibility(), workers: importWorkers(), ...(asOf ? { asOf } : {}), ...(onProgress ? { onProgress } : {}) }),
        { create: true },
      )
      if (onProgress) process.stderr.write('\n')
      process.exitCode = reportImport(result, o.json === true)
    })

  dbOption(pool.command('list'))
    .description('list profiles (by submission time)')
    .option('--status <status>', `only this status: ${PROFILE_STATUSES.join(', ')}`)
    .option('--limit <n>', 'at most this many (default 50)')
    .option('--offset <n>', 'skip this many')
    .option('--json', 'JSON array')
    .action(async (o: { db?: string; status?: string; limit?: string; offset?: string; json?: boolean }) => {
      if (o.status !== undefined && !(PROFILE_STATUSES as readonly string[]).includes(o.status)) throw new CliError(`--status: expected one of ${PROFILE_STATUSES.join(', ')} (got ${JSON.stringify(o.status)})`, EXIT_BAD_INPUT)
      const limit = intOption(o.limit, '--limit', 1, 50)
      const offset = intOption(o.offset, '--offset', 0, 0)
      await withStore(o.db, async (store) => {
        const rows = await listProfiles(store.db, { limit, offset, ...(o.status ? { status: o.status as ProfileStatus } : {}) })
        const items = rows.map((r) => ({ id: r.id, submittedAt: r.submitted_at, status: r.status, score: Number(r.score), scoreOn: fromDayNumber(Number(r.derived_from)), programs: programsOf(Number(r.programs)), categories: categoriesOfColumn(r.categories), undecidedPrograms: programsOf(Number(r.undecided_programs)), undecidedCategories: undecidedOfColumn(r.categories) }))
        if (o.json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`)
        else {
          const counts = await countProfiles(store.db)
          process.stdout.write(`${counts.map((c) => `${c.status} ${formatCount(c.count)}`).join(', ') || 'empty pool'}\n`)
          for (const i of items) process.stdout.write(`${i.id.padEnd(16)} ${i.submittedAt}  ${i.status.padEnd(11)} CRS ${String(i.score).padStart(4)} (${i.scoreOn})  ${i.programs.join(',') || '-'}  ${i.categories.join(',')}${i.undecidedPrograms.length + i.undecidedCategories.length > 0 ? ` (can't tell: ${[...i.undecidedPrograms, ...i.undecidedCategories].join(',')})` : ''}\n`)
        }
      })
      process.exitCode = EXIT_OK
    })

  dbOption(pool.command('show'))
    .description('one profile: its facts, derived values, invitations and history')
    .argument('<id>', 'profile id')
    .option('--json', 'JSON')
    .action(async (id: string, o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const row = await getProfile(store.db, id)
        if (!row) throw new CliError(`profile ${id} not found`, EXIT_BAD_INPUT)
        const invitations = await store.db.selectFrom('invitation').selectAll().where('profile_id', '=', id).orderBy('issued_ms').execute()
        const events = await eventsOf(store.db, id)
        const out = {
          id: row.id,
          submittedAt: row.submitted_at,
          status: row.status,
          expiresAt: instantOfMs(Number(row.expires_ms)),
          score: Number(row.score),
          scoreHolds: { from: fromDayNumber(Number(row.derived_from)), until: fromDayNumber(Number(row.derived_until)) },
          programs: programsOf(Number(row.programs)),
          categories: categoriesOfColumn(row.categories),
          undecidedPrograms: programsOf(Number(row.undecided_programs)),
          undecidedCategories: undecidedOfColumn(row.categories),
          invitations: invitations.map((i) => ({ id: i.id, round: Number(i.round_number), rank: Number(i.rank), score: Number(i.score), status: i.status, respondedAt: i.responded_at })),
          events: events.map((e) => ({ at: e.at, kind: e.kind, ...(e.round_number !== null ? { round: Number(e.round_number) } : {}) })),
          profile: JSON.parse(row.facts) as unknown,
        }
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
      })
    })

  dbOption(pool.command('withdraw'))
    .description('withdraw a profile from the pool')
    .argument('<id>', 'profile id')
    .option('--at <instant>', 'when (default: now)')
    .action(async (id: string, o: { db?: string; at?: string }) => {
      const at = instantOption(o.at, '--at')
      await withStore(o.db, (store) => withdrawProfile(store, id, at))
      process.stdout.write(`withdrew ${id}\n`)
    })

  dbOption(pool.command('distribution'))
    .description("the pool's CRS distribution in IRCC's ranges")
    .option('--at <instant>', 'at this instant (default: now)')
    .option('--json', 'JSON array of { range, count }')
    .action(async (o: { db?: string; at?: string; json?: boolean }) => {
      const at = instantOption(o.at, '--at')
      const d = await withStore(o.db, (store) => poolDistribution(store, at, realEligibility()))
      process.stdout.write(o.json ? `${JSON.stringify(d, null, 2)}\n` : `CRS score distribution of the pool at ${at}\n${formatDistribution(d)}\n`)
    })

  pool
    .command('generate')
    // Not dbOption: the JSONL goes to standard output unless --db is given, whatever $EE_DB says (a
    // `pool generate ... > pool.jsonl` must not go into the server's database because EE_DB is set).
    .option('--db <target>', 'import the profiles into this SQLite file or postgres:// URL instead of writing JSONL ($EE_DB is not read: without --db, standard output or --out)')
    .description('a synthetic, realistic pool whose CRS distribution matches the one IRCC published nearest a date, shaped inside each band, and with the programs and categories, of the pool model that pool replay uses (JSONL on stdout, or into --db)')
    .requiredOption('--size <n>', 'number of profiles')
    .option('--seed <n>', 'random seed (same seed, same pool)', '1')
    .requiredOption('--like <date>', 'match the distribution IRCC published nearest this date; profiles are submitted in the year to the end of it (to now, for today, so that all can be imported)')
    .option('--out <file>', 'write the JSONL to this file (whole or not at all) rather than standard output')
    .action(async (o: { db?: string; size: string; seed: string; like: string; out?: string }) => {
      const size = intOption(o.size, '--size', 1)
      const seed = intOption(o.seed, '--seed', 0)
      const like = dateOption(o.like, '--like')!
      const now = new Date().toISOString()
      // A pool is submitted by now (pool import refuses a profile submitted later): none like a later day can be.
      if (like > now.slice(0, 10)) throw new CliError(`--like: ${like} is after today (${now.slice(0, 10)}): its profiles would be submitted after now, which a pool cannot hold; give a day up to today`, EXIT_BAD_INPUT)
      const eligibility = realEligibility()
      const profiles = generatePool({ size, seed, like, eligibility, shape: 'model', submittedBy: now })
      const target = targetFor(like)
      process.stderr.write(`express-entry: matching the pool distribution of ${target.asOf} (published with round ${target.rounds.join(', ')})\n`)
      if (o.db) {
        const onProgress = progress()
        const lines = (function* () {
          for (const g of profiles) yield JSON.stringify(g.profile)
        })()
        const result = await withStore(o.db, (store) => importAndAnalyze(store, lines, { eligibility, asOf: like, workers: importWorkers(), ...(onProgress ? { onProgress } : {}) }), { create: true })
        if (onProgress) process.stderr.write('\n')
        process.exitCode = reportImport(result, false)
        return
      }
      if (o.out) {
        // Whole or not at all: a full disk leaves no cut last line (io.ts).
        await writeFileAtomically(o.out, (function* () {
          for (const g of profiles) yield `${JSON.stringify(g.profile)}\n`
        })())
        return
      }
      await writeStdout((function* () {
        for (const g of profiles) yield `${JSON.stringify(g.profile)}\n`
      })())
    })

  pool
    .command('replay')
    .description('replay every published round in a span on pools generated from the pool model like its published distribution, at its real size; the error of the lowest score per round type')
    .option('--from <date>', 'first round day (default 2023-01-01)')
    .option('--to <date>', 'last round day (default: the end of the record)')
    .option('--seed <n>', 'random seed (same seed, same answer)', '1')
    .option('--record <path>', 'record of rounds (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json)')
    .option('--rounds', 'also list every round: published and replayed lowest score, and how it was replayed')
    .option('--json', 'print JSON (every round with its error)')
    .action((o: { from?: string; to?: string; seed: string; record?: string; rounds?: boolean; json?: boolean }) => {
      const rounds = loadRecord(readableRecordPathOf(o.record)).rounds
      const from = dateOption(o.from, '--from') ?? '2023-01-01'
      const to = dateOption(o.to, '--to') ?? rounds[rounds.length - 1]?.date ?? from
      if (to < from) throw new CliError(`--to (${to}) is before --from (${from})`, EXIT_BAD_INPUT)
      const replay = replayRounds(rounds, from, to, intOption(o.seed, '--seed', 0))
      process.stdout.write(o.json ? `${JSON.stringify(replay, null, 2)}\n` : `${formatReplay(replay, o.rounds === true)}\n`)
    })
}

function formatReplay(r: Replay, everyRound: boolean): string {
  const rows = [...Object.entries(r.byGroup), ['all', r.overall] as const].map(([g, e]) => {
    const after = g === 'all' ? null : r.byGroupAfterFirst[g]
    // No round replayed is no error measured, not an error of 0.
    const none = e.rounds === 0
    return [g, String(e.rounds), none ? '-' : String(e.meanAbsoluteError), none ? '-' : String(e.meanError), after && after.rounds > 0 ? `${after.meanAbsoluteError} (${after.rounds})` : '-']
  })
  const skipped = (reason: Replay['notReplayed'][number]['reason']) => r.notReplayed.filter((x) => x.reason === reason).length
  return [
    `Rounds from ${r.from} to ${r.to} replayed on generated pools (seed ${r.seed}): lowest score, replayed - published`,
    formatTable(['round types', 'rounds', 'mean abs. error', 'mean error (bias)', 'mean abs. error, first of each type left out (rounds)'], rows, [false, true, true, true, true]),
    ...(skipped('no-distribution') > 0 ? [`${skipped('no-distribution')} rounds in the span not replayed: no pool distribution was published with them (can't tell how the model would have done)`] : []),
    ...(skipped('unknown-type') > 0 ? [`${skipped('unknown-type')} rounds in the span not replayed: a category of unknown version (can't tell how the model would have done)`] : []),
    ...(everyRound
      ? ['', formatTable(['round', 'date', 'type', 'size', 'published', 'replayed', 'error', 'how'], r.rows.map((x) => [x.number, x.date, x.type, x.size.toLocaleString('en-US'), String(x.lowestScore), String(x.replayed), String(x.error), x.method + (x.firstOfType ? ' (first of its type)' : '')]), [false, false, false, true, true, true, true, false])]
      : []),
  ].join('\n')
}
