/** `express-entry score`: the CRS score of CrsFactors or a Profile, one object or JSONL. @module */
import type { Command } from 'commander'
import { todayUtc, type IsoDate } from '../../domain/dates.js'
import { scoreRequest, type AnswerNotice, type CrsResult } from '../../crs/index.js'
import { parseScoreRequest } from '../../schemas/score-request.js'
import { answerScore, resultJson } from '../../usecases/score.js'
import { parseOrThrow } from '../../schemas/issues.js'
import { isoDate } from '../../schemas/common.js'
import { EXIT_BAD_INPUT, EXIT_OK, parseJson, readInput } from '../io.js'
import { processJsonl } from '../jsonl.js'

interface ScoreOptions {
  readonly jsonl?: boolean
  readonly json?: boolean
  readonly explain?: boolean
  readonly asOf?: string
}

/** Parses `--as-of`, defaulting to today (UTC). */
export function asOfOption(value: string | undefined): IsoDate {
  return value === undefined ? todayUtc() : parseOrThrow(isoDate, value, '--as-of')
}

const pad = (label: string, points: number, indent = 2): string => `${' '.repeat(indent)}${label.padEnd(44 - indent)}${String(points).padStart(5)}`

/** A readable breakdown of a CrsResult. */
function formatBreakdown(r: CrsResult, explain: boolean, notices: readonly AnswerNotice[]): string {
  const lines = [
    `CRS score ${r.total} on ${r.asOf} (rules ${r.rules})`,
    '',
    pad('A. Core / human capital factors', r.core.subtotal, 0),
    pad('Age', r.core.age),
    pad('Level of education', r.core.education),
    pad('First official language', r.core.firstLanguage),
    pad('Second official language', r.core.secondLanguage),
    pad('Canadian work experience', r.core.canadianWork),
    pad('B. Spouse or common-law partner factors', r.spouse.subtotal, 0),
    pad('Level of education', r.spouse.education),
    pad('Official language', r.spouse.language),
    pad('Canadian work experience', r.spouse.canadianWork),
    pad('C. Skill transferability factors', r.transferability.subtotal, 0),
    pad('Education', r.transferability.education),
    pad('Foreign work experience', r.transferability.foreignWork),
    pad('Certificate of qualification', r.transferability.certificate),
    pad('D. Additional points', r.additional.subtotal, 0),
    pad('Provincial nomination', r.additional.provincialNomination),
    pad('Job offer', r.additional.jobOffer),
    pad('Study in Canada', r.additional.canadianEducation),
    pad('French-language skills', r.additional.french),
    pad('Sibling in Canada', r.additional.sibling),
    '',
    pad('Total', r.total, 0),
  ]
  const notCounted = notices.filter((n) => n.code !== 'rules_not_verified')
  if (notCounted.length > 0) lines.push('', 'Not counted:', ...notCounted.map((n) => `  - ${n.message}`))
  for (const n of notices) if (n.code === 'rules_not_verified') lines.push('', `Note: ${n.message}`)
  if (explain) {
    lines.push('', 'Why (rule, version, points, because):')
    for (const a of r.trace) {
      lines.push(`  ${a.line.padEnd(34)}${String(a.points).padStart(5)}  ${a.ruleId} @ ${a.versionFrom}: ${a.because}`)
      for (const s of a.sources) lines.push(`${' '.repeat(43)}source: ${s.pinpoint} — ${s.url}`)
    }
  }
  return lines.join('\n')
}

async function runScore(file: string | undefined, options: ScoreOptions): Promise<number> {
  const asOf = asOfOption(options.asOf)
  const explain = options.explain === true
  if (options.jsonl) {
    const bad = await processJsonl(file, (value) => answerScore(value, asOf, explain))
    return bad > 0 ? EXIT_BAD_INPUT : EXIT_OK
  }
  const text = await readInput(file)
  // A byte-order mark (some Windows editors write one) is not JSON; skip it.
  const { result, notices } = scoreRequest(parseScoreRequest(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'the input'), asOf))
  process.stdout.write(options.json ? `${JSON.stringify(resultJson(result, explain, notices), null, 2)}\n` : `${formatBreakdown(result, explain, notices)}\n`)
  return EXIT_OK
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('CRS score of CrsFactors or a Profile (JSON from FILE or stdin; JSONL with --jsonl)')
    .argument('[file]', 'input file; - or nothing reads standard input')
    .option('--jsonl', 'one JSON object per line (bare, or { "asOf", "factors" | "profile" }); one JSON result per line')
    .option('--as-of <date>', 'score on this date, YYYY-MM-DD (default: today, UTC)')
    .option('--json', 'print the CrsResult as JSON')
    .option('--explain', 'include the trace: every award with its rule, version date and sources')
    .action(async (file: string | undefined, options: ScoreOptions) => {
      process.exitCode = await runScore(file, options)
    })
}
