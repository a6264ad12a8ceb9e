/** `express-entry invitations`: the invitations of a round, in rank order. @module */
import type { Command } from 'commander'
import { roundInvitations } from '../../pool/rounds.js'
import { dbOption, intOption, withStore } from './pool-shared.js'

export function registerInvitations(program: Command): void {
  dbOption(program.command('invitations'))
    .description('the invitations of a round, in rank order')
    .requiredOption('--round <n>', 'round number')
    .option('--json', 'as GET /v1/rounds/run/{n}/invitations answers: { round, count, invitations: [{ profileId, rank, score, submittedAt, id, status }] }')
    .action(async (o: { db?: string; round: string; json?: boolean }) => {
      const number = intOption(o.round, '--round', 1)
      const rows = await withStore(o.db, (store) => roundInvitations(store, number))
      if (o.json) {
        // One answer: the API's JSON (the invitation's id and status included).
        process.stdout.write(`${JSON.stringify({ round: number, count: rows.length, invitations: rows })}\n`)
        return
      }
      process.stdout.write(`${'rank'.padStart(6)}  ${'profile'.padEnd(16)} ${'CRS'.padStart(4)}  submitted             invitation  status\n`)
      for (const r of rows) process.stdout.write(`${String(r.rank).padStart(6)}  ${r.profileId.padEnd(16)} ${String(r.score).padStart(4)}  ${r.submittedAt.padEnd(21)} ${r.id.padEnd(11)} ${r.status}\n`)
    })
}
