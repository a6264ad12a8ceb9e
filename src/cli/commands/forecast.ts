/**
 * `express-entry forecast FILE`: when the candidate (a Profile, or CrsFactors for the score-only part)
 * is likely to be invited, from the rounds published before `--as-of`; `--backtest` measures the
 * forecast's track record on the whole record (Brier score, calibration, next-round cut-off error,
 * each against its baselines).
 * @module
 */
import type { Command } from 'commander'
import { backtestForecast, forecast, type Forecast, type ForecastBacktest } from '../../forecast/index.js'
import { loadRecord } from '../../history/load.js'
import { readRecordSource } from '../../history/refresh.js'
import { parseForecastRequest } from '../../schemas/forecast.js'
import { CliError, EXIT_BAD_INPUT, EXIT_OK, parseJson, readInput } from '../io.js'
import { dateOption } from './pool.js'
import { formatTable } from './rounds.js'
import { readableRecordPathOf } from '../record-path.js'
import { asOfOption } from './score.js'

interface ForecastOptions {
  readonly asOf?: string
  readonly record?: string
  readonly horizon?: string
  readonly seed?: string
  readonly json?: boolean
  readonly backtest?: boolean
  readonly recordCurrentTo?: string
}

const period = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`
const pct = (p: number) => `${(p * 100).toFixed(p > 0 && p < 0.01 ? 1 : 0)}%`

function formatForecast(f: Forecast): string {
  const out = [`CRS score ${f.score} on ${f.asOf}${f.input === 'factors' ? ' (CrsFactors: score-only forecast)' : ''}`, '']
  out.push(`Chance of an invitation within ${period(f.horizonDays)}: ${pct(f.probability)}`)
  out.push(`  within 30 days ${pct(f.within['30'])}, 90 days ${pct(f.within['90'])}, 180 days ${pct(f.within['180'])}, 365 days ${pct(f.within['365'])}`)
  if (f.ifOpen) {
    const names = f.rounds.filter((r) => f.ifOpen!.types.includes(r.type)).map((r) => r.label)
    out.push(`  can't tell for ${names.join(', ')}: if ${names.length === 1 ? 'it is' : 'all are'} open to you, ${pct(f.ifOpen.probability)} within ${period(f.horizonDays)} (30 days ${pct(f.ifOpen.within['30'])}, 90 days ${pct(f.ifOpen.within['90'])}, 180 days ${pct(f.ifOpen.within['180'])}, 365 days ${pct(f.ifOpen.within['365'])})`)
  }
  if (f.first) out.push(`  most likely to invite first: ${f.first.label}, around ${f.first.expectedDate} (in the ${pct(f.first.share)} of futures where it does)`)
  for (const r of f.reasons) out.push(`  why: ${r.message}`)
  out.push('', 'Next round of each type (cut-off: 10th-50th-90th percentile):')
  const rows = f.rounds.map((r) => [r.label, r.expectedDate ?? '-', r.cutoff ? `${r.cutoff.p10}-${r.cutoff.p50}-${r.cutoff.p90}` : '-', String(r.lastCutoff), `${r.eligible === null ? "can't tell" : r.eligible ? 'yes' : 'no'}${r.opensOn ? `, from ${r.opensOn}` : ''}`, r.chanceIfOpen !== null && r.eligible !== true ? `${pct(r.chance)} (${pct(r.chanceIfOpen)} if open)` : pct(r.chance)])
  out.push(formatTable(['round type', 'next round', 'cut-off', 'last', 'eligible', 'chance'], rows, [false, false, true, true, false, true]).replace(/^/gm, '  '))
  for (const n of f.notes) out.push(`note: ${n.message}`)
  out.push(`model: ${f.model.fittedOn} rounds published before ${f.asOf} (record until ${f.model.recordUntil ?? '-'}), ${f.model.paths} simulated futures, seed ${f.model.seed}`)
  return out.join('\n')
}

function formatBacktest(b: ForecastBacktest): string {
  const out = [`Forecast back-test: ${b.days} days a fortnight apart, from ${b.from} to ${b.to} (record until ${b.recordUntil}), ${b.profiles} profiles, ${b.cases.toLocaleString('en-US')} cases, ${b.horizonDays}-day horizon`, '']
  out.push(`Brier score (lower is better): model ${b.brier.model}, last-cut-off rule ${b.brier.lastCutoffRule}, logistic margin ${b.brier.logisticMargin}`)
  out.push(`  model / last-cut-off rule = ${b.brierRatio} (target <= 0.7: ${b.targets.brierRatio ? 'met' : 'missed'}); below the logistic curve: ${b.targets.beatsLogistic ? 'yes' : 'no'}; invited in ${pct(b.baseRate)} of cases`)
  out.push('', 'Calibration (90 days):')
  out.push(formatTable(['predicted', 'cases', 'share', 'mean predicted', 'observed', 'ok'], b.calibration.map((c) => [c.band, String(c.cases), pct(c.shareOfCases), pct(c.meanPredicted), pct(c.observed), c.ok ? 'yes' : 'NO']), [false, true, true, true, true, false]).replace(/^/gm, '  '))
  out.push('', 'Next-round cut-off, mean absolute error (mean error) in points:')
  out.push(formatTable(['round types', 'rounds', 'model', 'last cut-off of the type'], Object.entries(b.cutoff).map(([g, e]) => [g, String(e.model.rounds), `${e.model.meanAbsoluteError} (${e.model.meanError})`, `${e.lastCutoff.meanAbsoluteError} (${e.lastCutoff.meanError})`]), [false, true, true, true]).replace(/^/gm, '  '))
  out.push(`  general, CEC and categories together: ${b.targets.cutoff ? 'the model beats' : 'the model does not beat'} the last cut-off`)
  return out.join('\n')
}

function parseHorizon(value: string | undefined): number {
  if (value === undefined) return 90
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 730) throw new CliError(`--horizon: expected a whole number of days, 1 to 730 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new CliError(`--seed: expected a whole number 0 to 2147483647 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

async function runForecast(file: string | undefined, options: ForecastOptions): Promise<number> {
  const recordPath = readableRecordPathOf(options.record)
  const rounds = loadRecord(recordPath).rounds
  if (options.backtest) {
    if (file !== undefined) throw new CliError('--backtest takes no input file: it forecasts for its own fixed population', EXIT_BAD_INPUT)
    const b = backtestForecast(rounds, { seed: parseSeed(options.seed) })
    process.stdout.write(options.json ? `${JSON.stringify(b, null, 2)}\n` : `${formatBacktest(b)}\n`)
    return EXIT_OK
  }
  const asOf = asOfOption(options.asOf)
  // The flags are what an input that does not say gets, as --as-of is: an envelope's own asOf,
  // horizonDays and seed are its answer, as POST /v1/forecast reads them.
  const { request, horizonDays, seed } = parseForecastRequest(parseJson(await readInput(file), 'the input'), asOf, { horizonDays: parseHorizon(options.horizon), seed: parseSeed(options.seed) })
  const input = request.kind === 'factors' ? { kind: 'factors' as const, factors: request.factors } : { kind: 'profile' as const, profile: request.profile }
  const currentTo = dateOption(options.recordCurrentTo, '--record-current-to') ?? readRecordSource(recordPath)?.currentAsOf?.slice(0, 10)
  const f = forecast(input, rounds, { asOf: request.asOf, horizonDays, seed, ...(currentTo ? { recordCurrentTo: currentTo } : {}) })
  process.stdout.write(options.json ? `${JSON.stringify(f, null, 2)}\n` : `${formatForecast(f)}\n`)
  return EXIT_OK
}

export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description('when a candidate is likely to be invited: probabilities within 30/90/180/365 days and the next rounds with cut-off ranges, from the rounds published before --as-of (CrsFactors or a Profile, JSON from FILE or stdin); --backtest measures the track record')
    .argument('[file]', 'input file; - or nothing reads standard input')
    .option('--as-of <date>', "the day to look from, YYYY-MM-DD (default: the input envelope's asOf, else today, UTC); only rounds published before it are used")
    .option('--record <path>', 'record of rounds (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json)')
    .option('--record-current-to <date>', "the last day the record is known to hold every round IRCC published (default: its .source.json's currentAsOf; without one, whole to --as-of); the rounds after it are counted as unseen")
    .option('--horizon <days>', "days ahead for the headline probability (1-730; default: the input envelope's horizonDays, else 90)")
    .option('--seed <n>', "random seed (same seed, same answer; default: the input envelope's seed, else 1)")
    .option('--backtest', 'measure the forecast on the record: Brier score, calibration and cut-off error against the baselines')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, options: ForecastOptions) => {
      process.exitCode = await runForecast(file, options)
    })
}
