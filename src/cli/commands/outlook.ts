/**
 * `express-entry outlook`: a candidate's outlook from CrsFactors or a Profile (the same inputs as
 * `score`): what raises the score most, the days it changes, the cut-off of a round of N invitations
 * estimated from IRCC's latest published pool distribution, and the past rounds that would have
 * invited the candidate.
 * @module
 */
import type { Command } from 'commander'
import type { PastInvitations } from '../../history/invited.js'
import type { Timeline, WhatIfResult } from '../../history/outlook.js'
import type { Unlock } from '../../history/unlock.js'
import { loadRecord } from '../../history/load.js'
import { answerOutlook, DEFAULT_ROUND_SIZES, DEFAULT_TIMELINE_YEARS, type CutoffOutlook } from '../../usecases/outlook.js'
import { CliError, EXIT_BAD_INPUT, EXIT_OK, parseJson, readInput } from '../io.js'
import { asOfOption } from './score.js'
import { formatTable } from './rounds.js'
import { readableRecordPathOf } from '../record-path.js'

interface OutlookOptions {
  readonly asOf?: string
  readonly json?: boolean
  readonly size?: string[]
  readonly years?: string
  readonly allRounds?: boolean
  readonly record?: string
}

function parseSizes(values: readonly string[] | undefined): readonly number[] {
  if (!values || values.length === 0) return DEFAULT_ROUND_SIZES
  return values.map((v) => {
    if (!/^\d{1,7}$/.test(v) || Number(v) < 1) throw new CliError(`--size: expected a number of invitations, 1 or more (got ${JSON.stringify(v)})`, EXIT_BAD_INPUT)
    return Number(v)
  })
}

function parseYears(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMELINE_YEARS
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 10) throw new CliError(`--years: expected 1 to 10 (got ${JSON.stringify(value)})`, EXIT_BAD_INPUT)
  return Number(value)
}

function formatOutlook(score: number, asOf: string, what: WhatIfResult, line: Timeline, cut: CutoffOutlook, past: PastInvitations, allRounds: boolean, opens: readonly Unlock[] | null): string {
  const out: string[] = [`CRS score ${score} on ${asOf}`, '', 'What would raise it most:']
  if (what.changes.length === 0) out.push('  (nothing listed raises it)')
  for (const c of what.changes) out.push(`  +${String(c.gain).padStart(3)}  -> ${String(c.score).padStart(4)}  ${c.description}${c.accruesOn ? ` (accrues on ${c.accruesOn})` : c.accruesOn === null ? ' (not with the Canadian work entered)' : ''}${c.note ? `; ${c.note}` : ''}`)
  for (const n of what.notes) out.push(`  note: ${n}`)

  if (opens !== null) {
    out.push('', 'What would open a program or category:')
    if (opens.length === 0) out.push('  (nothing found)')
    for (const u of opens) out.push(`  ${u.target}: ${u.code}${Object.keys(u.params).length > 0 ? ` ${Object.entries(u.params).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}${u.on !== asOf ? ` on ${u.on}` : ''}${u.crsGain > 0 ? ` (CRS +${u.crsGain})` : ''}`)
  }

  out.push('', `When it changes (to ${line.until}):`)
  if (line.changes.length === 0) out.push('  no change ahead')
  for (const c of line.changes) out.push(`  ${c.date}  ${String(c.score).padStart(4)} (${c.change > 0 ? '+' : ''}${c.change})  ${c.reasons.join('; ')}`)
  for (const n of line.notes) out.push(`  note: ${n}`)

  out.push('', cut.distributionAsOf ? `Estimated cut-off of a general round, from the pool as of ${cut.distributionAsOf} (round ${cut.fromRound}):` : 'No published distribution on or before this date to estimate a cut-off from.')
  for (const e of cut.estimates) out.push(`  ${e.size.toLocaleString('en-US').padStart(7)} invitations: about ${e.lowestScore}  ${e.reaches ? 'your score reaches it' : `your score is ${e.lowestScore - score} short`}`)
  out.push(`  (back-tested on ${cut.backtest.rounds} past general rounds: mean absolute error ${cut.backtest.meanAbsoluteError} points, ${Math.round(cut.backtest.within10 * 100)}% within 10)`)

  const s = past.summary
  out.push('', `Past rounds: invited in ${s.invited} of ${s.rounds}${s.unknown > 0 ? ` (${s.unknown} unknown)` : ''}${s.firstInvited ? `, first #${s.firstInvited.number} on ${s.firstInvited.date}, last #${s.lastInvited!.number} on ${s.lastInvited!.date}` : ''}`)
  out.push(`  general ${s.byType.general.invited}/${s.byType.general.rounds}, program ${s.byType.program.invited}/${s.byType.program.rounds}, category ${s.byType.category.invited}/${s.byType.category.rounds}`)
  const shown = allRounds ? past.rounds : past.rounds.filter((c) => c.outcome === 'invited' || c.outcome === 'unknown' || c.outcome === 'lost-tie-break')
  if (shown.length > 0) {
    const rows = shown.map((c) => [c.number, c.date, c.label, String(c.score), String(c.lowestScore), c.outcome, c.reason])
    out.push(formatTable(['#', 'date', 'round', 'score', 'cut-off', 'outcome', 'why'], rows, [true, false, false, true, true, false, false]).replace(/^/gm, '  '))
  }
  for (const n of past.notes) out.push(`  note: ${n}`)
  return out.join('\n')
}

async function runOutlook(file: string | undefined, options: OutlookOptions): Promise<number> {
  const defaultAsOf = asOfOption(options.asOf)
  const sizes = parseSizes(options.size)
  const years = parseYears(options.years)
  const outlook = answerOutlook(parseJson(await readInput(file), 'the input'), defaultAsOf, { rounds: loadRecord(readableRecordPathOf(options.record)).rounds, sizes, years })
  if (options.json) {
    process.stdout.write(`${JSON.stringify(outlook, null, 2)}\n`)
  } else {
    process.stdout.write(`${formatOutlook(outlook.score, outlook.asOf, outlook.whatIf, outlook.timeline, outlook.cutoff, outlook.pastRounds, options.allRounds === true, outlook.unlocks)}\n`)
  }
  return EXIT_OK
}

export function registerOutlook(program: Command): void {
  program
    .command('outlook')
    .description('what raises the score, when it changes, the estimated cut-off of a round, and the past rounds that would have invited (CrsFactors or a Profile, JSON from FILE or stdin)')
    .argument('[file]', 'input file; - or nothing reads standard input')
    .option('--as-of <date>', 'the day to look from, YYYY-MM-DD (default: today, UTC); past rounds up to that day')
    .option('--size <n...>', `round sizes to estimate the cut-off for (default: ${DEFAULT_ROUND_SIZES.join(' ')})`)
    .option('--years <n>', `how far ahead the timeline looks, in years (default ${DEFAULT_TIMELINE_YEARS})`)
    .option('--all-rounds', 'list every past round, not only those that would have invited (or are unknown)')
    .option('--record <path>', 'record of rounds (default: $EE_ROUNDS_RECORD, else the express-entry.rounds.json npm start keeps beside $EE_DB if there is one, else the shipped data/ee-rounds.json)')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, options: OutlookOptions) => {
      process.exitCode = await runOutlook(file, options)
    })
}
