/** `express-entry noc <code | words>`: NOC 2021 unit groups by code or by words in the title. @module */
import type { Command } from 'commander'
import { ExpressEntryError } from '../../errors.js'
import { NOC_VERSION, nocByCode, searchNoc, type NocUnitGroup } from '../../noc/index.js'
import { CliError, EXIT_FAILURE } from '../io.js'

interface NocOptions {
  readonly json?: boolean
  readonly limit?: string
}

const line = (u: NocUnitGroup): string => `${u.code}  TEER ${u.teer}  ${u.title}`

function runNoc(words: readonly string[], options: NocOptions): void {
  const query = words.join(' ').trim()
  if (query === '') throw new ExpressEntryError('invalid_input', { issues: [{ path: 'query', message: 'give a five-digit NOC 2021 code (e.g. 21231) or words of a title (e.g. software engineer)' }] })
  const limit = options.limit === undefined ? 20 : Number(options.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new ExpressEntryError('invalid_input', { issues: [{ path: '--limit', message: `expected a whole number of 1 or more (got ${options.limit})`, value: options.limit }] })
  let found: NocUnitGroup[]
  if (/^\d{5}$/.test(query)) {
    const u = nocByCode(query)
    if (!u) throw new ExpressEntryError('not_found', { entity: `${NOC_VERSION} unit group`, id: query })
    found = [u]
  } else {
    found = searchNoc(query, limit).map((m) => m.unitGroup)
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`)
  } else if (found.length > 0) {
    process.stdout.write(`${found.map(line).join('\n')}\n`)
  }
  if (found.length === 0) throw new CliError(`no ${NOC_VERSION} unit group matches "${query}"`, EXIT_FAILURE)
}

export function registerNoc(program: Command): void {
  program
    .command('noc')
    .description(`Look up a ${NOC_VERSION} unit group by code, or search titles by words; shows code, TEER and title`)
    .argument('<query...>', 'a five-digit code (21231), its first digits (2123), or words of a title (software engineer)')
    .option('--json', 'print the unit groups as JSON')
    .option('--limit <n>', 'at most this many search results (default 20)')
    .action((words: string[], options: NocOptions) => {
      runNoc(words, options)
    })
}
