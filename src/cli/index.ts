#!/usr/bin/env node
/** The `express-entry` command line. @module */
import { Command, CommanderError } from 'commander'
import { EXIT_BAD_INPUT, reportError } from './io.js'
import { registerScore } from './commands/score.js'
import { registerEligibility } from './commands/eligibility.js'
import { registerNoc } from './commands/noc.js'
import { registerStart } from './commands/start.js'
import { registerServe } from './commands/serve.js'
import { registerRounds } from './commands/rounds.js'
import { registerOutlook } from './commands/outlook.js'
import { registerPool } from './commands/pool.js'
import { registerRound } from './commands/round.js'
import { registerInvitations } from './commands/invitations.js'
import { registerInvitation } from './commands/invitation.js'

export function buildProgram(): Command {
  const program = new Command()
    .name('express-entry')
    .description("Canada's Express Entry rules as code: CRS scores, eligibility, the pool and rounds, past rounds")
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  registerScore(program)
  registerEligibility(program)
  registerNoc(program)
  registerStart(program)
  registerServe(program)
  registerRounds(program)
  registerOutlook(program)
  registerPool(program)
  registerRound(program)
  registerInvitations(program)
  registerInvitation(program)
  return program
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv])
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT
      return
    }
    process.exitCode = reportError(e)
  }
}
