/** `express-entry round`: hold a round of invitations on the pool and print it as published. @module */
import type { Command } from 'commander'
import { isIsoDate, roundInstantOfDay } from '../../domain/dates.js'
import { realEligibility } from '../../pool/eligibility.js'
import { PROGRAMS } from '../../schemas/common.js'
import type { RoundOutcome, RoundResult, UndecidedCount } from '../../pool/engine.js'
import { holdRound } from '../../pool/rounds.js'
import { simulateRound } from '../../pool/simulate.js'
import { CliError, EXIT_BAD_INPUT } from '../io.js'
import { dbOption, formatCount, formatDistribution, instantOption, intOption, withStore } from './pool-shared.js'

interface RoundOptions {
  readonly db?: string
  readonly general?: boolean
  readonly program?: string
  readonly category?: string
  readonly size?: string
  readonly at?: string
  readonly key?: string
  readonly dryRun?: boolean
  readonly json?: boolean
}

/** What a round's undecided candidates cannot be told for: the category, the program, or any program. */
function undecidedOf(r: Pick<RoundOutcome, 'kind' | 'program'>): string {
  return r.kind === 'category' ? 'the category' : r.kind === 'program' ? (r.program ?? 'the program').toUpperCase() : 'any program'
}

/** The line of a round's candidates it could not decide, when there are any (none: no line). */
function undecidedLines(r: Pick<RoundOutcome, 'kind' | 'program' | 'undecided'>): string[] {
  const undecided: UndecidedCount | null = r.undecided
  if (undecided === null || undecided.count === 0) return []
  return [`  Can't tell:                    ${formatCount(undecided.count)} candidates whose eligibility for ${undecidedOf(r)} cannot be told (not invited; ${formatCount(undecided.withinReach)} of them within the round's reach, had they been eligible)`]
}

/** What a held round and a dry run both publish: when, how many, the cut-off, the undecided, the rules. */
function outcomeLines(r: RoundOutcome & { ranked: number; rules: string }): string[] {
  return [
    `  Date and time of round:        ${r.at}`,
    `  Number of invitations issued:  ${formatCount(r.invited)} (size ${formatCount(r.size)}; ${formatCount(r.ranked)} eligible candidates ranked)`,
    `  CRS score of lowest-ranked candidate invited: ${r.lowestScore ?? '-'}`,
    `  Tie-breaking rule:             ${r.tieBreakCutoff ?? '-'}`,
    ...undecidedLines(r),
    `  Rules:                         ${r.rules}`,
  ]
}

/** The round as IRCC publishes it, in words. */
export function formatRound(r: RoundResult & { replayed?: boolean }): string {
  return [
    `Round #${r.number}: ${r.label}${r.replayed ? ' (already held: this is the same request; nobody was invited again)' : ''}`,
    ...outcomeLines(r),
    `  Digest of the ranked input:    sha256:${r.digest}`,
    '',
    `CRS score distribution of candidates in the pool at ${r.at}`,
    formatDistribution(r.distribution),
  ].join('\n')
}

/** A dry run in words: what holding the round now would publish, without its number (none is taken). */
export function formatDryRun(r: RoundOutcome & { ranked: number; rules: string }): string {
  return [
    `Dry run of a round (nothing written): ${r.label}`,
    ...outcomeLines(r),
  ].join('\n')
}

export function registerRound(program: Command): void {
  dbOption(program.command('round'))
    .description('hold a round of invitations: rank the eligible profiles by CRS, then submission time, and invite the first N')
    .option('--general', 'a round open to every program')
    .option('--program <program>', `a program round: ${PROGRAMS.join(', ')}`)
    .option('--category <id>', 'a category round, e.g. stem-2023-1')
    .requiredOption('--size <n>', 'number of invitations')
    .requiredOption('--at <instant>', 'the round instant, YYYY-MM-DDTHH:mm:ssZ, or a day YYYY-MM-DD (at 14:00 UTC, as the web simulator takes it)')
    .option('--key <key>', 'idempotency key (default: a hash of the request)')
    .option('--dry-run', 'rank and decide the round as holding would, and write nothing (any instant, a round to come too)')
    .option('--json', 'print the round as JSON')
    .action(async (o: RoundOptions) => {
      const kinds = [o.general ? 'general' : null, o.program !== undefined ? 'program' : null, o.category !== undefined ? 'category' : null].filter((k) => k !== null)
      if (kinds.length !== 1) throw new CliError('choose exactly one of --general, --program P, --category ID', EXIT_BAD_INPUT)
      const request = {
        kind: kinds[0],
        // A day alone is the round's usual hour, as the simulator reads it (not the start of the day).
        at: instantOption(o.at !== undefined && isIsoDate(o.at) ? roundInstantOfDay(o.at) : o.at, '--at'),
        size: intOption(o.size, '--size', 1),
        ...(o.program !== undefined ? { program: o.program } : {}),
        ...(o.category !== undefined ? { category: o.category } : {}),
        ...(o.key !== undefined ? { idempotencyKey: o.key } : {}),
      }
      const eligibility = realEligibility()
      if (o.dryRun) {
        const dry = await withStore(o.db, (store) => simulateRound(store, request, eligibility))
        // The same request already held: its round, as holding would answer.
        const text = `${'number' in dry ? formatRound(dry) : formatDryRun(dry)}${dry.notices ? dry.notices.map((n) => `\nNote: ${n.message}`).join('') : ''}`
        process.stdout.write(o.json ? `${JSON.stringify(dry, null, 2)}\n` : `${text}\n`)
        return
      }
      const round = await withStore(o.db, (store) => holdRound(store, request, { eligibility }))
      process.stdout.write(o.json ? `${JSON.stringify(round, null, 2)}\n` : `${formatRound(round)}\n`)
    })
}
