/**
 * `express-entry start` (what `npm start` runs): the product's main job. Until the server exists it
 * prints the scored breakdown of the example profile in examples/.
 * @module
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { scoreRequest } from '../../crs/index.js'
import { todayUtc } from '../../domain/dates.js'
import { parseScoreRequest } from '../../schemas/score-request.js'
import { formatBreakdown } from './score.js'

export const EXAMPLE_PROFILE = fileURLToPath(new URL('../../../../examples/profile.json', import.meta.url))

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the product (for now: score the example profile in examples/profile.json)')
    .action(async () => {
      const request = parseScoreRequest(JSON.parse(await readFile(EXAMPLE_PROFILE, 'utf8')), todayUtc())
      const { result, notices } = scoreRequest(request)
      process.stdout.write(`Example: ${EXAMPLE_PROFILE}\n\n${formatBreakdown(result, true, notices)}\n`)
    })
}
