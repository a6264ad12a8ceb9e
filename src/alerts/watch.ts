/**
 * Alerts on new rounds (`express-entry watch`): refresh the record from the feed, then send each round a
 * channel has not sent yet (printed, and POSTed to a webhook when one is given), oldest first, recording
 * each in the store (table `round_alert`) once delivered, so a round is sent once across restarts. The
 * first run of a channel takes the rounds already in the record as its baseline and sends none of them.
 * With a Profile, each alert says whether that profile would have been invited.
 * @module
 */
import { existsSync } from 'node:fs'
import { pastInvitations, type InvitationOutcome } from '../history/invited.js'
import { loadRecord, shippedRecordPath } from '../history/load.js'
import type { PastRound } from '../history/record.js'
import { roundSummary } from '../history/atom.js'
import { applyFeed, frenchFeedFor, noteRefreshFailure, refreshFrenchLabelsIfDue, refreshRecord, type RefreshReport } from '../history/refresh.js'
import type { Profile } from '../schemas/profile.js'
import type { Store } from '../store/index.js'
import { deliver, type DeliveryResult } from './webhook.js'

/** Whether a profile would have been invited in a round, and by how much. */
export interface PersonalVerdict {
  readonly profileId: string
  /** true / false, or null when it cannot be told (a tie without a published tie-break, an unknown category). */
  readonly wouldHaveBeenInvited: boolean | null
  readonly outcome: InvitationOutcome
  /** Eligible for the round's program or category on its date (null = can't tell or not needed). */
  readonly eligible: boolean | null
  /** CRS score on the round's date. */
  readonly score: number
  readonly lowestScore: number
  /** score - lowestScore: 0 is a tie, decided by the tie-break. */
  readonly margin: number
  readonly tieBreakCutoff: string | null
  readonly reason: string
}

/** The JSON a webhook receives for one round. */
export interface RoundAlertPayload {
  readonly event: 'round.published'
  readonly round: {
    readonly number: string
    readonly date: string
    readonly at: string
    readonly label: string
    /** IRCC's French name of the round, when the record keeps its French labels. */
    readonly labelFr?: string
    readonly type: PastRound['type']
    readonly program?: string
    readonly categoryId?: string | null
    readonly size: number
    readonly lowestScore: number
    readonly tieBreakCutoff: string | null
    readonly summary: string
  }
  readonly personal?: PersonalVerdict
}

/** The personal verdict of `profile` for `round` (eligibility on its date, score vs lowest score, tie-break). */
export function personalVerdict(profile: Profile, round: PastRound): PersonalVerdict {
  const check = pastInvitations({ kind: 'profile', profile }, [round]).rounds[0]!
  return {
    profileId: profile.id,
    wouldHaveBeenInvited: check.outcome === 'invited' ? true : check.outcome === 'unknown' ? null : false,
    outcome: check.outcome,
    eligible: check.eligible,
    score: check.score,
    lowestScore: round.lowestScore,
    margin: check.score - round.lowestScore,
    tieBreakCutoff: round.tieBreakCutoff,
    reason: check.reason,
  }
}

export function alertPayload(round: PastRound, profile?: Profile): RoundAlertPayload {
  return {
    event: 'round.published',
    round: {
      number: round.number,
      date: round.date,
      at: round.at,
      label: round.label,
      ...(round.labelFr === undefined ? {} : { labelFr: round.labelFr }),
      type: round.type,
      ...(round.program === undefined ? {} : { program: round.program }),
      ...(round.type === 'category' ? { categoryId: round.categoryId ?? null } : {}),
      size: round.size,
      lowestScore: round.lowestScore,
      tieBreakCutoff: round.tieBreakCutoff,
      summary: roundSummary(round),
    },
    ...(profile ? { personal: personalVerdict(profile, round) } : {}),
  }
}

export interface WatchOptions {
  readonly store: Store
  readonly recordPath: string
  /** Where the feed comes from: a URL (default IRCC's), or a file already fetched. */
  readonly url?: string
  readonly file?: string
  /** Read the file or fetch the URL; false only looks at the record (default true). */
  readonly refresh?: boolean
  readonly webhook?: { readonly url: string; readonly secret: string; readonly retries?: number; readonly backoffMs?: number; readonly sleep?: (ms: number) => Promise<void> }
  readonly profile?: Profile
  readonly timeoutMs?: number
  /**
   * IRCC's French feed, whose labels are kept beside the record (`labelFr` in the alerts), fetched after
   * the English one while they do not name every round or the English feed changed; null: not fetched.
   * Default: IRCC's French feed when the English feed is IRCC's (no `url`, or IRCC_FEED_URL), else none.
   */
  readonly frenchUrl?: string | null
  /** Called with each alert as it is sent (the CLI prints it). */
  readonly onAlert?: (alert: RoundAlertPayload) => void
  /** Called on a channel's first check, before any alert, with the number of rounds taken as its baseline. */
  readonly onBaseline?: (rounds: number) => void
  readonly now?: () => Date
}

export interface WatchResult {
  readonly channel: string
  /** The refresh of the record, or null when none was asked or it failed (see refreshError). */
  readonly refresh: RefreshReport | null
  readonly refreshError: string | null
  /** Why IRCC's French labels could not be refreshed (the English record is refreshed all the same), or null. */
  readonly frenchError: string | null
  /** Rounds taken as this channel's baseline on its first run (not sent). */
  readonly baseline: number
  readonly sent: readonly RoundAlertPayload[]
  /** The round whose delivery failed (later rounds wait for it), with why. */
  readonly failed: { readonly number: string; readonly delivery: DeliveryResult } | null
}

/** The channel key: where alerts go, and for whom. */
export function channelOf(webhookUrl: string | undefined, profile: Profile | undefined): string {
  return `${webhookUrl ? `webhook:${webhookUrl}` : 'print'}${profile ? `|profile:${profile.id}` : ''}`
}

/**
 * How long a claim (`sending`) holds off other runs: longer than a delivery with its retries takes
 * (4 retries from 1 s doubling, each answer within its timeout), so only a run that died mid-send
 * leaves one this old, and the next check sends the round.
 */
export const CLAIM_STALE_MS = 10 * 60_000

/**
 * Claims a round for this run (`sending`), in one write: false when the channel has sent it, took it as
 * its baseline, or another run claimed it less than CLAIM_STALE_MS ago.
 */
async function claim(store: Store, channel: string, round: { readonly number: string; readonly date: string }, now: () => Date): Promise<boolean> {
  const at = `${now().toISOString().slice(0, 19)}Z`
  return store.write(async (trx) => {
    const inserted = await trx
      .insertInto('round_alert')
      .values({ channel, round_number: round.number, round_date: round.date, status: 'sending', sent_at: at })
      .onConflict((oc) => oc.columns(['channel', 'round_number']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true
    const stale = `${new Date(now().getTime() - CLAIM_STALE_MS).toISOString().slice(0, 19)}Z`
    const taken = await trx
      .updateTable('round_alert')
      .set({ sent_at: at })
      .where('channel', '=', channel)
      .where('round_number', '=', round.number)
      .where('status', '=', 'sending')
      .where('sent_at', '<', stale)
      .executeTakeFirst()
    return Number(taken.numUpdatedRows) > 0
  })
}

/** One check: refresh, then send what this channel has not sent. */
export async function watchOnce(options: WatchOptions): Promise<WatchResult> {
  const { store, recordPath } = options
  const now = options.now ?? (() => new Date())
  const stamp = (): string => `${now().toISOString().slice(0, 19)}Z`
  const channel = channelOf(options.webhook?.url, options.profile)
  const db = store.db

  // First run of a channel: what the record holds now is its baseline.
  let baseline = 0
  const known = await db.selectFrom('round_alert').select('round_number').where('channel', '=', channel).limit(1).execute()
  if (known.length === 0) {
    const current = loadRecord(existsSync(recordPath) ? recordPath : shippedRecordPath()).rounds
    baseline = current.length
    await store.write(async (trx) => {
      const at = stamp()
      for (let i = 0; i < current.length; i += 200) {
        await trx
          .insertInto('round_alert')
          .values(current.slice(i, i + 200).map((r) => ({ channel, round_number: r.number, round_date: r.date, status: 'baseline' as const, sent_at: at })))
          .onConflict((oc) => oc.columns(['channel', 'round_number']).doNothing())
          .execute()
      }
    })
    options.onBaseline?.(baseline)
  }

  let refresh: RefreshReport | null = null
  let refreshError: string | null = null
  let frenchError: string | null = null
  if (options.refresh !== false) {
    try {
      if (options.file !== undefined) {
        const { readFileSync } = await import('node:fs')
        refresh = (await applyFeed(recordPath, JSON.parse(readFileSync(options.file, 'utf8')), options.file)).report
      } else {
        refresh = await refreshRecord(recordPath, { ...(options.url ? { url: options.url } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) })
        const frenchUrl = options.frenchUrl !== undefined ? options.frenchUrl : frenchFeedFor(options.url)
        // As the server does (serve --refresh): a French feed that fails leaves the English record refreshed.
        if (frenchUrl !== null) frenchError = await refreshFrenchLabelsIfDue(recordPath, refresh, frenchUrl, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {})
      }
    } catch (e) {
      // The record stays as it was; rounds not yet sent are still sent.
      refreshError = (e as Error).message
      // A check of the feed that failed is said beside the record, as the server's scheduled refresh says
      // it (lastFailure: GET /v1/rounds and the rounds page read the same record); the next that works clears it.
      if (options.file === undefined) await noteRefreshFailure(recordPath, e, now).catch(() => undefined)
    }
  }

  const rounds = loadRecord(existsSync(recordPath) ? recordPath : shippedRecordPath()).rounds
  // Claims of another run still sending are not done: claim() decides on them, one round at a time.
  const done = new Set((await db.selectFrom('round_alert').select('round_number').where('channel', '=', channel).where('status', '<>', 'sending').execute()).map((r) => r.round_number))
  const sent: RoundAlertPayload[] = []
  for (const round of rounds) {
    if (done.has(round.number)) continue
    // A second watch on the same channel overlapping this one (a cron run that lasts) must not send it too.
    if (!(await claim(store, channel, round, now))) continue
    const payload = alertPayload(round, options.profile)
    if (options.webhook) {
      const delivery = await deliver(options.webhook.url, payload, {
        secret: options.webhook.secret,
        deliveryId: `${channel}#${round.number}`,
        ...(options.webhook.retries === undefined ? {} : { retries: options.webhook.retries }),
        ...(options.webhook.backoffMs === undefined ? {} : { backoffMs: options.webhook.backoffMs }),
        ...(options.webhook.sleep ? { sleep: options.webhook.sleep } : {}),
      })
      // In order: a round not delivered holds back the later ones until the next check, which sends it.
      if (!delivery.ok) {
        await store.write((trx) => trx.deleteFrom('round_alert').where('channel', '=', channel).where('round_number', '=', round.number).where('status', '=', 'sending').execute())
        return { channel, refresh, refreshError, frenchError, baseline, sent, failed: { number: round.number, delivery } }
      }
    }
    await store.write((trx) => trx.updateTable('round_alert').set({ status: 'sent', sent_at: stamp() }).where('channel', '=', channel).where('round_number', '=', round.number).execute())
    options.onAlert?.(payload)
    sent.push(payload)
  }
  return { channel, refresh, refreshError, frenchError, baseline, sent, failed: null }
}
