#!/usr/bin/env node
/** The `express-entry` command line. @module */
import { Command, CommanderError } from 'commander'
import { EXIT_BAD_INPUT, reportError } from './io.js'

type Register = (program: Command) => void

/**
 * Each command's module, loaded only when that command runs: the storage and server commands pull in
 * SQLite, PostgreSQL and HTTP libraries that `score` has no use for, and start-up time is the CLI's
 * latency. `--help` (or an unknown command) loads them all.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  score: async () => (await import('./commands/score.js')).registerScore,
  eligibility: async () => (await import('./commands/eligibility.js')).registerEligibility,
  outlook: async () => (await import('./commands/outlook.js')).registerOutlook,
  forecast: async () => (await import('./commands/forecast.js')).registerForecast,
  noc: async () => (await import('./commands/noc.js')).registerNoc,
  rounds: async () => (await import('./commands/rounds.js')).registerRounds,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  pool: async () => (await import('./commands/pool.js')).registerPool,
  round: async () => (await import('./commands/round.js')).registerRound,
  invitations: async () => (await import('./commands/invitations.js')).registerInvitations,
  invitation: async () => (await import('./commands/invitation.js')).registerInvitation,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  start: async () => (await import('./commands/start.js')).registerStart,
  watch: async () => (await import('./commands/watch.js')).registerWatch,
}

/** The program with the command named in `argv` (or every command, for help). */
async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command()
    .name('express-entry')
    .description("Canada's Express Entry rules as code: CRS scores, eligibility, the pool and rounds, past rounds")
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  const named = argv[2]
  const load = named !== undefined ? COMMANDS[named] : undefined
  for (const register of await Promise.all(load ? [load()] : Object.values(COMMANDS).map((l) => l()))) register(program)
  return program
}

export async function main(argv: readonly string[]): Promise<void> {
  // Output piped into `head` and the like: a closed pipe ends the command quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    // Other failures (a full disk behind `> file`) are reported by the command writing (io.ts).
    if (process.stdout.listenerCount('error') > 1) return
    throw e
  })
  // Messages piped into a reader that goes away (`2>&1 | head`) must not end the command with a stack.
  process.stderr.on('error', () => undefined)
  try {
    await (await buildProgram(argv)).parseAsync([...argv])
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT
      return
    }
    process.exitCode = reportError(e)
  }
}
