/**
 * `express-entry rules status`: each rule area with the day it was last verified against its sources
 * (rules/verified.ts). An answer for a later date carries the notice "rules last verified on D; a change
 * after that day is not known to this version".
 * @module
 */
import type { Command } from 'commander'
import { allRules } from '../../rules/index.js'
import { areaOf, ruleAreas, verificationNotice } from '../../rules/verified.js'
import { EXIT_OK } from '../io.js'
import { formatTable } from './rounds.js'
import { asOfOption } from './score.js'

/** The areas with their rule counts, and the notice for `asOf`. */
export function rulesStatus(asOf: string): { asOf: string; areas: { id: string; title: string; lastVerified: string; rules: number; checked: string }[]; notice: ReturnType<typeof verificationNotice> } {
  const areas = ruleAreas().map((a) => ({ ...a, rules: allRules.filter((r) => areaOf(r) === a.id).length }))
  return { asOf, areas, notice: verificationNotice(asOf) }
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('the dated rules this version encodes')
  rules
    .command('status')
    .description('each rule area with the day it was last verified against its sources')
    .option('--as-of <date>', 'say whether answers for this date carry the "last verified" notice (default: today)')
    .option('--json', 'print JSON')
    .action((options: { asOf?: string; json?: boolean }) => {
      const status = rulesStatus(asOfOption(options.asOf))
      if (options.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`)
      } else {
        const rows = status.areas.map((a) => [a.id, a.lastVerified, String(a.rules), a.title])
        const lines = [formatTable(['area', 'last verified', 'rules', 'what'], rows, [false, false, true, false]), '']
        for (const a of status.areas) lines.push(`${a.id}: ${a.checked}`)
        lines.push('', status.notice ? `Answers for ${status.asOf} carry the notice: ${status.notice.message}` : `Answers for ${status.asOf} carry no notice: every area was verified on or after that day`)
        process.stdout.write(`${lines.join('\n')}\n`)
      }
      process.exitCode = EXIT_OK
    })
}
