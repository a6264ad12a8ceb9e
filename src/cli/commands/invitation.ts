/** `express-entry invitation accept|decline ID`: answer an invitation to apply. @module */
import type { Command } from 'commander'
import { respondToInvitation, type Response } from '../../pool/lifecycle.js'
import { dbOption, instantOption, withStore } from './pool-shared.js'

export function registerInvitation(program: Command): void {
  const invitation = program.command('invitation').description('answer an invitation to apply (within the window in force when it was issued)')
  for (const response of ['accept', 'decline'] as const satisfies readonly Response[]) {
    dbOption(invitation.command(response))
      .description(response === 'accept' ? 'accept: the profile leaves the pool' : 'decline: the profile goes back to the pool for the rest of its validity')
      .argument('<id>', 'invitation id (<round>-<rank>, e.g. 254-500) or the id of the profile holding it')
      .option('--at <instant>', 'when (default: now)')
      .option('--json', 'print the invitation as JSON')
      .action(async (id: string, o: { db?: string; at?: string; json?: boolean }) => {
        const at = instantOption(o.at, '--at')
        const row = await withStore(o.db, (store) => respondToInvitation(store, id, response, at))
        const out = { id: row.id, round: Number(row.round_number), rank: Number(row.rank), profileId: row.profile_id, status: row.status, respondedAt: row.responded_at }
        process.stdout.write(o.json ? `${JSON.stringify(out, null, 2)}\n` : `invitation ${out.id} (profile ${out.profileId}, round ${out.round}): ${out.status} at ${at}\n`)
      })
  }
}
