/** `express-entry eligibility`: program and category eligibility of a Profile, one object or JSONL. @module */
import { fswMinimums } from '../../rules/fsw/minimums.js'
import type { Command } from 'commander'
import type { EligibilityResult, UnmetCondition } from '../../eligibility/index.js'
import { thousands } from '../../eligibility/language.js'
import { FEDERAL_PROGRAMS } from '../../schemas/common.js'
import { answerEligibility } from '../../usecases/eligibility.js'
import { EXIT_BAD_INPUT, EXIT_OK, parseJson, readInput } from '../io.js'
import { processJsonl } from '../jsonl.js'
import { asOfOption } from './score.js'

interface EligibilityOptions {
  readonly jsonl?: boolean
  readonly json?: boolean
  readonly asOf?: string
}

const PROGRAM_NAMES = { fsw: 'Federal Skilled Worker (FSW)', cec: 'Canadian Experience Class (CEC)', fst: 'Federal Skilled Trades (FST)' } as const

function reasons(unmet: readonly UnmetCondition[]): string[] {
  return unmet.map((u) => `      - ${u.message}\n        (${u.source.ruleId}; ${u.source.pinpoint} — ${u.source.url})`)
}

function verdict(eligible: boolean | null): string {
  return eligible === null ? "can't tell" : eligible ? 'yes' : 'no '
}

/** A readable account of an EligibilityResult. */
export function formatEligibility(r: EligibilityResult, profileId: string): string {
  const lines = [`Eligibility of ${profileId} on ${r.asOf}`, '', 'Programs']
  for (const id of FEDERAL_PROGRAMS) {
    const p = r.programs[id]
    // null: can't tell (settlement funds needed and not given); the reason follows.
    lines.push(`  ${verdict(p.eligible)}  ${PROGRAM_NAMES[id]}`)
    if (id === 'fsw') {
      const g = r.programs.fsw.grid
      lines.push(`       grid ${r.programs.fsw.points}/100 (pass mark ${fswMinimums.at(r.asOf).value.passMark}): language ${g.language}, education ${g.education}, experience ${g.experience}, age ${g.age}, arranged employment ${g.arrangedEmployment}, adaptability ${g.adaptability}`)
    }
    lines.push(...reasons(p.unmet))
    // CEC never can't tell (no undecided); FSW and FST may.
    if ('undecided' in p && p.undecided && p.undecided.length > 0) lines.push("       can't tell:", ...reasons(p.undecided))
  }
  const f = r.programs.fsw.funds
  const shown = f.available === null ? 'not given' : `CAD ${thousands(f.available)} shown`
  const funds = f.waived ? 'waived (job offer while working in Canada)' : f.required === null ? 'no table known for this date' : `CAD ${thousands(f.required)} required for a family of ${f.familySize}, ${shown}`
  lines.push(`  Settlement funds (FSW, FST): ${funds}`)
  const under = r.invitedUnder
    ? r.invitedUnder.toUpperCase()
    : r.invitedUnderUndecided
      ? `can't tell (${r.invitedUnderUndecided.map((id) => id.toUpperCase()).join(' or ')}${r.invitedUnderUndecided.length === 1 ? ', or none' : ''}: a program above can't tell)`
      : 'none (eligible for no program)'
  lines.push('', `Invitation would be issued under: ${under}`)
  lines.push('', r.categories.length === 0 ? 'Categories: none in force on this date' : 'Categories in force')
  for (const c of r.categories) {
    const occupation = c.occupation ? ` — ${c.occupation.noc} ${c.occupation.title}, ${c.occupation.months} months` : ''
    // null: can't tell (the category's list is not known); the reason follows.
    lines.push(`  ${verdict(c.eligible)}  ${c.label} [${c.id}]${occupation}`)
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
    const bad = await processJsonl(file, (value) => answerEligibility(value, asOf).result)
    return bad > 0 ? EXIT_BAD_INPUT : EXIT_OK
  }
  const { profile, result } = answerEligibility(parseJson(await readInput(file), 'the input'), asOf)
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatEligibility(result, profile.id)}\n`)
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
