/**
 * `express-entry rounds`: the record of IRCC's past rounds. `list`, `show N`, `stats`,
 * `distributions`, and `update` to bring it up to date: from IRCC's feed fetched over HTTPS (or `--url`,
 * a mirror or a test server; history/refresh.ts), or from a FILE already downloaded.
 *
 * Which record: `--record PATH`, else the environment variable EE_ROUNDS_RECORD, else the working copy
 * `npm start` keeps beside its database when there is one (cli/record-path.ts), else the record
 * shipped in data/ee-rounds.json. Every subcommand reads the same one, and `update` writes to it (with
 * its change history beside it, PATH minus `.json` plus `.field-changes.json`), so in a checkout
 * `rounds update FILE` refreshes the shipped record for a commit, and elsewhere
 * `rounds update FILE --record ./ee-rounds.json` keeps a private copy (created from the shipped record
 * on first use). `--dry-run` only reports.
 * @module
 */
import type { Command } from 'commander'
import { recordStatistics, distributionOverTime, filterRounds, findRound, roundsNumberedLike, type RoundFilter } from '../../history/analysis.js'
import { CRS_RANGES } from '../../history/distribution.js'
import { CATEGORY_VERSIONS } from '../../history/labels.js'
import { PROGRAMS, ROUND_TYPES, type ProgramId, type RoundType } from '../../schemas/common.js'
import { loadRecord } from '../../history/load.js'
import { readableRecordPathOf, recordPathOf } from '../record-path.js'
import { applyFeed, IRCC_FEED_URL, IRCC_FEED_URL_FR, refreshFrenchLabels, refreshRecord, type RefreshReport } from '../../history/refresh.js'
import type { PastRound, ParsedRecord } from '../../history/record.js'
import { backtestCutoffs, estimateCutoff } from '../../history/cutoff.js'
import { parseOrThrow } from '../../schemas/issues.js'
import { isoDate } from '../../schemas/common.js'
import { ExpressEntryError } from '../../errors.js'
import { CliError, EXIT_BAD_INPUT, EXIT_OK, httpUrlOption, parseJson, readInput } from '../io.js'

interface RecordOption {
  readonly record?: string
}
interface JsonOption {
  readonly json?: boolean
}

function loadFrom(option: string | undefined): ParsedRecord {
  return loadRecord(readableRecordPathOf(option))
}

const fmt = (n: number | null): string => (n === null ? '-' : Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1))

/** A plain text table: right-aligned where `right[i]`, two spaces between columns. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** A round as the engine's round result (DESIGN.md "Round"), plus what the record adds. */
/** A round as JSON: the record's own, as `GET /v1/rounds/{number}` answers it (one answer). */
function roundJson(r: PastRound): PastRound {
  return r
}

function kindText(r: PastRound): string {
  if (r.type === 'program') return `program ${r.program}`
  if (r.type === 'category') return `category ${r.categoryId ?? '?'}`
  return 'general'
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  // The API's range (GET /v1/rounds ?year=): Express Entry opened in 2015.
  if (!/^\d{4}$/.test(value) || Number(value) < 2015 || Number(value) > 2100) throw new CliError(`--year: expected a year from 2015 (Express Entry opened) to 2100, such as 2023 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

function parseType(value: string | undefined): RoundType | undefined {
  if (value === undefined) return undefined
  if (!(ROUND_TYPES as readonly string[]).includes(value)) throw new CliError(`--type: expected one of ${ROUND_TYPES.join(', ')} (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return value as RoundType
}

function parseProgram(value: string | undefined): ProgramId | undefined {
  if (value === undefined) return undefined
  if (!(PROGRAMS as readonly string[]).includes(value)) throw new CliError(`--program: expected one of ${PROGRAMS.join(', ')} (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return value as ProgramId
}

function parseCategory(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const keys = [...new Set(CATEGORY_VERSIONS.map((c) => c.key))]
  if (keys.includes(value) || CATEGORY_VERSIONS.some((c) => c.id === value)) return value
  throw new CliError(`--category: expected a category key (${keys.join(', ')}) or id such as stem-2023-1 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
}

interface ListOptions extends RecordOption, JsonOption {
  readonly year?: string
  readonly type?: string
  readonly category?: string
  readonly program?: string
}

function runList(options: ListOptions): number {
  const filter: { -readonly [K in keyof RoundFilter]: RoundFilter[K] } = {}
  const year = parseYear(options.year)
  const type = parseType(options.type)
  const category = parseCategory(options.category)
  const program = parseProgram(options.program)
  if (year !== undefined) filter.year = year
  if (type !== undefined) filter.type = type
  if (category !== undefined) filter.category = category
  if (program !== undefined) filter.program = program
  const rounds = filterRounds(loadFrom(options.record).rounds, filter)
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rounds.map(roundJson), null, 2)}\n`)
    return EXIT_OK
  }
  const rows = rounds.map((r) => [r.number, r.date, r.label, kindText(r), fmt(r.size), String(r.lowestScore), r.tieBreakCutoff ?? '-'])
  process.stdout.write(`${formatTable(['#', 'date', 'label', 'type', 'invited', 'lowest', 'tie-break cut-off'], rows, [true, false, false, false, true, true, false])}\n`)
  process.stdout.write(`${rounds.length} round(s), ${fmt(rounds.reduce((s, r) => s + r.size, 0))} invitations\n`)
  return EXIT_OK
}

/** The human view of one round. */
export function formatRound(r: PastRound): string {
  const lines = [
    `Round ${r.number}, ${r.date} (${r.atAssumed ? 'time not published' : `run at ${r.at}`})`,
    `  ${r.label}`,
  ]
  if (r.feedLabel !== r.label) lines.push(`  (IRCC's feed now calls it "${r.feedLabel}")`)
  lines.push(
    '',
    `  Type                ${kindText(r)}${r.type === 'category' && r.categoryVersion ? `, version ${r.categoryVersion}` : ''}`,
    `  Programs            ${r.programs.map((p) => p.toUpperCase()).join(', ')}`,
    `  Invitations         ${fmt(r.size)}`,
    `  Lowest score        ${r.lowestScore}`,
    `  Tie-break cut-off   ${r.tieBreakCutoff ?? 'not published'}`,
  )
  if (r.distribution) {
    lines.push('', `  Pool distribution as of ${r.distributionAsOf ?? '?'}`)
    for (const row of r.distribution) {
      const sub = CRS_RANGES.some((c) => c.range === row.range && c.within !== null)
      lines.push(`  ${sub ? '    ' : '  '}${row.range.padEnd(sub ? 10 : 14)}${fmt(row.count).padStart(9)}`)
    }
  } else {
    lines.push('', '  Pool distribution    not published with this round')
  }
  return lines.join('\n')
}

function runShow(number: string, options: RecordOption & JsonOption): number {
  const { rounds } = loadFrom(options.record)
  const round = findRound(rounds, number)
  if (!round) {
    const like = roundsNumberedLike(rounds, number)
    if (like.length > 0) throw new CliError(`round ${number} not found: IRCC numbered the rounds of that day ${like.join(' and ')} (rounds show ${like[0]})`, EXIT_BAD_INPUT)
    throw new ExpressEntryError('not_found', { entity: 'round', id: number })
  }
  process.stdout.write(options.json ? `${JSON.stringify(roundJson(round), null, 2)}\n` : `${formatRound(round)}\n`)
  return EXIT_OK
}

function runStats(options: RecordOption & JsonOption): number {
  const rounds = loadFrom(options.record).rounds
  const stats = recordStatistics(rounds)
  // One answer: --json is GET /v1/rounds/stats.
  if (options.json) {
    process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`)
    return EXIT_OK
  }
  const { byType, byYearAndType: byYear } = stats
  const rows = byYear.map((s) => [String(s.year), s.type, String(s.rounds), fmt(s.invitations), fmt(s.minLowestScore), fmt(s.medianLowestScore), fmt(s.maxLowestScore)])
  for (const type of [...ROUND_TYPES, 'all'] as const) {
    const s = byType[type]
    rows.push(['total', type, String(s.rounds), fmt(s.invitations), fmt(s.minLowestScore), fmt(s.medianLowestScore), fmt(s.maxLowestScore)])
  }
  process.stdout.write(`${formatTable(['year', 'type', 'rounds', 'invitations', 'min', 'median', 'max'], rows, [false, false, true, true, true, true, true])}\n`)
  process.stdout.write('min / median / max: the lowest score invited (cut-off) of the rounds\n')
  return EXIT_OK
}

function runDistributions(options: RecordOption & JsonOption): number {
  const snapshots = distributionOverTime(loadFrom(options.record).rounds)
  if (options.json) {
    process.stdout.write(`${JSON.stringify(snapshots, null, 2)}\n`)
    return EXIT_OK
  }
  const top = ['601-1200', '501-600', '451-500', '401-450', '351-400', '301-350', '0-300', 'total'] as const
  const rows = snapshots.map((s) => [s.asOf, ...top.map((t) => fmt(s.distribution.find((d) => d.range === t)?.count ?? 0)), s.rounds.join(' ')])
  process.stdout.write(`${formatTable(['as of', ...top, 'rounds'], rows, [false, true, true, true, true, true, true, true, true, false])}\n`)
  return EXIT_OK
}

interface EstimateOptions extends RecordOption, JsonOption {
  readonly asOf?: string
  readonly round?: string
  readonly backtest?: boolean
}

function runEstimate(sizeText: string, options: EstimateOptions): number {
  if (!/^\d{1,7}$/.test(sizeText) || Number(sizeText) < 1) throw new CliError(`size: expected a whole number of invitations from 1 to 9999999 (got ${JSON.stringify(sizeText)})`, EXIT_BAD_INPUT)
  if (options.round !== undefined && options.asOf !== undefined) throw new CliError('--round and --as-of each pick the distribution: give one', EXIT_BAD_INPUT)
  const size = Number(sizeText)
  const rounds = loadFrom(options.record).rounds
  let source: PastRound | undefined
  if (options.round !== undefined) {
    source = findRound(rounds, options.round)
    if (!source) throw new ExpressEntryError('not_found', { entity: 'round', id: options.round })
    if (!source.distribution) throw new CliError(`round ${source.number} was published without a distribution of the pool (IRCC published them from round 214, January 2022)`, EXIT_BAD_INPUT)
  } else {
    const asOf = options.asOf === undefined ? undefined : parseOrThrow(isoDate, options.asOf, '--as-of')
    source = [...rounds].reverse().find((r) => r.distribution && r.distributionAsOf && (asOf === undefined || r.distributionAsOf <= asOf))
    if (!source) throw new CliError('no published distribution on or before that date (IRCC published them from January 2022)', EXIT_BAD_INPUT)
  }
  const estimate = estimateCutoff(source.distribution!, size)
  const backtest = backtestCutoffs(rounds)
  const result = {
    size,
    lowestScore: estimate.lowestScore,
    range: estimate.range,
    above: estimate.above,
    distributionAsOf: source.distributionAsOf,
    fromRound: source.number,
    backtest: { rounds: backtest.rounds, meanAbsoluteError: backtest.meanAbsoluteError, meanError: backtest.meanError, maxAbsoluteError: backtest.maxAbsoluteError, within10: backtest.within10, ...(options.backtest ? { rows: backtest.rows } : {}) },
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return EXIT_OK
  }
  const lines = [
    `A general round of ${fmt(size)} invitations from the pool as of ${source.distributionAsOf} (published with round ${source.number}): cut-off about ${estimate.lowestScore}`,
    `  (${fmt(estimate.above)} candidates above the ${estimate.range} range it falls in; scores spread evenly inside 10-point bins, decaying from the neighbouring bin inside 501-600 and 351-400)`,
    `Back-test on ${backtest.rounds} past general rounds: mean absolute error ${backtest.meanAbsoluteError.toFixed(2)} points, mean error ${backtest.meanError.toFixed(2)}, worst ${backtest.maxAbsoluteError}, ${Math.round(backtest.within10 * 100)}% within 10 points`,
  ]
  if (options.backtest) {
    lines.push(formatTable(['#', 'date', 'invited', 'IRCC', 'estimate', 'error'], backtest.rows.map((r) => [r.number, r.date, fmt(r.size), String(r.lowestScore), String(r.estimate), (r.error > 0 ? '+' : '') + r.error]), [true, false, true, true, true, true]))
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  return EXIT_OK
}

interface UpdateCliOptions extends RecordOption, JsonOption {
  readonly dryRun?: boolean
  readonly url?: string
  readonly timeout?: string
  readonly maxBytes?: string
  readonly frenchUrl?: string
}

function positiveOption(name: string, value: string | undefined, unit: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1) throw new CliError(`${name}: expected a whole number of ${unit}, 1 or more (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

/** The human account of a refresh: new rounds, edited past rounds (field, old, new), unknown labels. */
export function formatRefresh(report: RefreshReport, dryRun: boolean): string {
  if (report.notModified) return `Unchanged: ${report.source} answered 304 Not Modified (the record ${report.record} is current; checked ${report.refreshedAt})`
  const lines = [`${report.written ? 'Updated' : dryRun ? 'Would update' : 'Unchanged:'} ${report.record} (${report.rounds} rounds) from ${report.source}`]
  lines.push(`Added ${report.added.length} round(s)${report.added.length > 0 ? ':' : ''}`)
  for (const a of report.added) lines.push(`  #${a.number}  ${a.date}  ${a.label}  ${fmt(a.size)} invited, lowest ${a.lowestScore}${a.tieBreakCutoff ? `, tie-break ${a.tieBreakCutoff}` : ''}`)
  lines.push(`Changed ${report.changed.length} value(s) of past rounds${report.changed.length > 0 ? ':' : ''}`)
  for (const c of report.changed) lines.push(`  #${c.number} ${c.field}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}`)
  for (const u of report.unknownLabels) lines.push(`New label: #${u.number} ${u.date} "${u.label}" names a category this version does not know; kept as a category round of unknown version`)
  const missing = report.missing
  if (missing.length > 0) lines.push(`Kept ${missing.length} round(s) missing from the newer feed: ${missing.length > 12 ? `${missing.slice(0, 6).join(', ')}, ... ${missing.slice(-3).join(', ')}` : missing.join(', ')}`)
  return lines.join('\n')
}

function reportJson(report: RefreshReport): Record<string, unknown> {
  return {
    record: report.record,
    source: report.source,
    notModified: report.notModified,
    written: report.written,
    rounds: report.rounds,
    added: report.added.map((r) => ({ number: r.number, date: r.date, label: r.label, type: r.type, ...(r.type === 'category' ? { categoryId: r.categoryId ?? null } : {}), size: r.size, lowestScore: r.lowestScore, tieBreakCutoff: r.tieBreakCutoff })),
    changed: report.changed,
    unknownLabels: report.unknownLabels,
    missingFromNewerFeed: report.missing,
    refreshedAt: report.refreshedAt,
  }
}

async function runUpdate(file: string | undefined, options: UpdateCliOptions): Promise<number> {
  const recordPath = recordPathOf(options.record)
  if (file !== undefined && options.url !== undefined) throw new CliError('give a feed FILE or --url URL, not both', EXIT_BAD_INPUT)
  httpUrlOption('--url', options.url)
  const timeoutMs = positiveOption('--timeout', options.timeout, 'seconds')
  const maxBytes = positiveOption('--max-bytes', options.maxBytes, 'bytes')
  let report: RefreshReport
  if (file !== undefined) {
    const newer = parseJson(await readInput(file), file === '-' ? 'standard input' : file)
    report = (await applyFeed(recordPath, newer, file === '-' ? 'standard input' : file, options.dryRun ? { dryRun: true } : {})).report
  } else {
    report = await refreshRecord(recordPath, {
      ...(options.url !== undefined ? { url: options.url } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs: timeoutMs * 1000 } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    })
    // IRCC's French labels: with IRCC's own feed, or when a French address is given.
    const frenchUrl = options.frenchUrl ?? (options.url === undefined ? IRCC_FEED_URL_FR : undefined)
    if (frenchUrl !== undefined && !options.dryRun) {
      try {
        const count = await refreshFrenchLabels(recordPath, frenchUrl, { ...(timeoutMs !== undefined ? { timeoutMs: timeoutMs * 1000 } : {}), ...(maxBytes !== undefined ? { maxBytes } : {}) })
        if (!options.json) process.stderr.write(`French labels of ${count} rounds kept from ${frenchUrl}\n`)
      } catch (e) {
        // The English record is updated either way; the French labels stay as they were.
        process.stderr.write(`express-entry: French labels not updated: ${(e as Error).message}\n`)
      }
    }
  }
  process.stdout.write(options.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : `${formatRefresh(report, options.dryRun === true)}\n`)
  return EXIT_OK
}

export function registerRounds(program: Command): void {
  const rounds = program
    .command('rounds')
    .description('the record of past rounds of invitations (IRCC feed); --record PATH or EE_ROUNDS_RECORD picks another copy')
  const recordHelp = 'record file (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json)'
  rounds
    .command('list')
    .description('list past rounds, oldest first')
    .option('--year <year>', 'rounds of one calendar year, e.g. 2023')
    .option('--type <type>', `round type: ${ROUND_TYPES.join(', ')}`)
    .option('--category <id>', 'category key (stem, french, ...) or id (stem-2023-1)')
    .option('--program <program>', `program of program-specific rounds: ${PROGRAMS.join(', ')}`)
    .option('--json', 'print JSON')
    .option('--record <path>', recordHelp)
    .action((options: ListOptions) => {
      process.exitCode = runList(options)
    })
  rounds
    .command('show')
    .description('one round as published: number, date, at, label, size, invited, lowestScore, tieBreakCutoff, distribution')
    .argument('<number>', 'round number, e.g. 254 or 91a')
    .option('--json', 'print JSON')
    .option('--record <path>', recordHelp)
    .action((number: string, options: RecordOption & JsonOption) => {
      process.exitCode = runShow(number, options)
    })
  rounds
    .command('stats')
    .description('rounds, invitations and min / median / max cut-off per year and round type')
    .option('--json', 'print JSON')
    .option('--record <path>', recordHelp)
    .action((options: RecordOption & JsonOption) => {
      process.exitCode = runStats(options)
    })
  rounds
    .command('distributions')
    .description("the pool's published CRS distribution over time (2022 onward)")
    .option('--json', 'print JSON')
    .option('--record <path>', recordHelp)
    .action((options: RecordOption & JsonOption) => {
      process.exitCode = runDistributions(options)
    })
  rounds
    .command('estimate')
    .description("estimated cut-off of a general round of SIZE invitations, from IRCC's published pool distribution, with the back-test")
    .argument('<size>', 'number of invitations')
    .option('--as-of <date>', 'use the latest distribution published on or before this date (default: the latest)')
    .option('--round <number>', 'use the distribution published with this round')
    .option('--backtest', 'list the back-test round by round')
    .option('--json', 'print JSON')
    .option('--record <path>', recordHelp)
    .action((size: string, options: EstimateOptions) => {
      process.exitCode = runEstimate(size, options)
    })
  rounds
    .command('update')
    .description(`bring the record up to date from IRCC's feed (${IRCC_FEED_URL}), another address (--url) or a file, and report new rounds and edited past rounds`)
    .argument('[file]', 'a copy of the feed to read instead of fetching; - reads standard input')
    .option('--url <url>', "fetch the feed from this address (a mirror, a test server) instead of IRCC's")
    .option('--timeout <seconds>', 'give up on the fetch after this many seconds (default 30)')
    .option('--max-bytes <n>', 'refuse a feed larger than this (default 20 MiB)')
    .option('--french-url <url>', "also keep the French labels from this copy of IRCC's French feed (default with IRCC's feed: ee_rounds_123_fr.json)")
    .option('--record <path>', `${recordHelp}; written in place, created from the shipped record if absent`)
    .option('--dry-run', 'report only; write nothing')
    .option('--json', 'print the report as JSON')
    .action(async (file: string | undefined, options: UpdateCliOptions) => {
      process.exitCode = await runUpdate(file, options)
    })
}
