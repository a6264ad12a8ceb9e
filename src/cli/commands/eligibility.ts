/** `express-entry eligibility`: program and category eligibility of a Profile, one object or JSONL. @module */
import type { Command } from 'commander'
import { eligibility, type EligibilityResult, type UnmetCondition } from '../../eligibility/index.js'
import { thousands } from '../../eligibility/language.js'
import { ExpressEntryError } from '../../errors.js'
import { parseScoreRequest } from '../../schemas/score-request.js'
import type { Profile } from '../../schemas/profile.js'
import type { IsoDate } from '../../domain/dates.js'
import { EXIT_BAD_INPUT, EXIT_OK, parseJson, readInput } from '../io.js'
import { processJsonl } from '../jsonl.js'
import { asOfOption } from './score.js'

interface EligibilityOptions {
  readonly jsonl?: boolean
  readonly json?: boolean
  readonly asOf?: string
}

/**
 * The Profile and date of one request (a bare Profile, or `{ asOf, profile }`), parsed as `score` does.
 * CrsFactors are refused: eligibility depends on facts (work history, test results) that factors do not hold.
 */
export function parseEligibilityRequest(input: unknown, defaultAsOf: IsoDate): { profile: Profile; asOf: IsoDate } {
  const request = parseScoreRequest(input, defaultAsOf)
  if (request.kind === 'factors') {
    const path = typeof input === 'object' && input !== null && 'factors' in input ? 'factors' : ''
    throw new ExpressEntryError('invalid_input', {
      issues: [{ path, message: 'eligibility needs a Profile (work history, language tests, education, funds), not CrsFactors: CrsFactors do not say which occupations, when or where the work was done; send a Profile or { "asOf", "profile" }' }],
    })
  }
  return { profile: request.profile, asOf: request.asOf }
}

const PROGRAM_NAMES = { fsw: 'Federal Skilled Worker (FSW)', cec: 'Canadian Experience Class (CEC)', fst: 'Federal Skilled Trades (FST)' } as const

function reasons(unmet: readonly UnmetCondition[]): string[] {
  return unmet.map((u) => `      - ${u.message}\n        (${u.source.ruleId}; ${u.source.pinpoint} — ${u.source.url})`)
}

/** A readable account of an EligibilityResult. */
export function formatEligibility(r: EligibilityResult, profileId: string): string {
  const lines = [`Eligibility of ${profileId} on ${r.asOf}`, '', 'Programs']
  for (const id of ['fsw', 'cec', 'fst'] as const) {
    const p = r.programs[id]
    lines.push(`  ${p.eligible ? 'yes' : 'no '}  ${PROGRAM_NAMES[id]}`)
    if (id === 'fsw') {
      const g = r.programs.fsw.grid
      lines.push(`       grid ${r.programs.fsw.points}/100 (pass mark 67): language ${g.language}, education ${g.education}, experience ${g.experience}, age ${g.age}, arranged employment ${g.arrangedEmployment}, adaptability ${g.adaptability}`)
    }
    lines.push(...reasons(p.unmet))
  }
  const f = r.programs.fsw.funds
  const funds = f.waived ? 'waived (job offer while working in Canada)' : f.required === null ? 'no table known for this date' : `CAD ${thousands(f.required)} required for a family of ${f.familySize}, CAD ${thousands(f.available)} shown`
  lines.push(`  Settlement funds (FSW, FST): ${funds}`)
  lines.push('', `Invitation would be issued under: ${r.invitedUnder ? r.invitedUnder.toUpperCase() : 'none (eligible for no program)'}`)
  lines.push('', r.categories.length === 0 ? 'Categories: none in force on this date' : 'Categories in force')
  for (const c of r.categories) {
    const occupation = c.occupation ? ` — ${c.occupation.noc} ${c.occupation.title}, ${c.occupation.months} months` : ''
    lines.push(`  ${c.eligible === null ? '?  ' : c.eligible ? 'yes' : 'no '}  ${c.label} [${c.id}]${occupation}`)
    lines.push(...reasons(c.unmet))
    if (c.undecided && c.undecided.length > 0) lines.push("       can't tell:", ...reasons(c.undecided))
    if (c.confidence) lines.push(`       confidence: ${c.confidence.level}`)
  }
  for (const n of r.notices ?? []) lines.push('', `Note: ${n.message}`)
  return lines.join('\n')
}

async function runEligibility(file: string | undefined, options: EligibilityOptions): Promise<number> {
  const asOf = asOfOption(options.asOf)
  if (options.jsonl) {
    const bad = await processJsonl(file, (value) => {
      const request = parseEligibilityRequest(value, asOf)
      return eligibility(request.profile, request.asOf)
    })
    return bad > 0 ? EXIT_BAD_INPUT : EXIT_OK
  }
  const request = parseEligibilityRequest(parseJson(await readInput(file), 'the input'), asOf)
  const result = eligibility(request.profile, request.asOf)
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatEligibility(result, request.profile.id)}\n`)
  return EXIT_OK
}

export function registerEligibility(program: Command): void {
  program
    .command('eligibility')
    .description('FSW, CEC, FST and category eligibility of a Profile, with every unmet condition and its source (JSON from FILE or stdin; JSONL with --jsonl)')
    .argument('[file]', 'input file; - or nothing reads standard input')
    .option('--jsonl', 'one JSON object per line (a Profile, or { "asOf", "profile" }); one JSON result per line')
    .option('--as-of <date>', 'assess on this date, YYYY-MM-DD (default: today, UTC)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, options: EligibilityOptions) => {
      process.exitCode = await runEligibility(file, options)
    })
}
