/**
 * The profile lifecycle (rules.md §9): a profile enters the pool only if it is eligible for at least
 * one program at its submittedAt; updates never change submittedAt; it stays 12 months; an invitation
 * is accepted, declined (back to the pool for the rest of its validity) or expires after the invitation window;
 * a candidate may withdraw.
 * @module
 */
import { invitationWindowDays } from '../rules/pool/invitation-window.js'
import { profileValidity } from '../rules/pool/profile-validity.js'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql, type Kysely } from 'kysely'
import { addDays, addYears, dateOfInstant, instantOfMs, isIsoDate, nowInstant, toDayNumber, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError, type InputIssue } from '../errors.js'
import { profileSchema, type Profile } from '../schemas/profile.js'
import { inputIssues } from '../schemas/issues.js'
import type { Database } from '../store/database.js'
import { bulkLoad } from '../store/bulk.js'
import { appendEvents } from '../store/event.repository.js'
import type { Store } from '../store/index.js'
import { dueInvitations, getInvitation, latestInvitationOf, openInvitationOf, setInvitationStatus } from '../store/invitation.repository.js'
import type { InvitationRow } from '../store/invitation.table.js'
import { existingProfiles, getProfile, insertProfiles, setProfileStatus, updateProfile } from '../store/profile.repository.js'
import type { NewProfileRow, ProfileRow } from '../store/profile.table.js'
import { categoriesColumn, deriveAt, type Derived } from './derived.js'
import { BlockPacker, blockOfLines, byteBlocks, lastLineOf, linesOfBlock, unpackRows, type LineBlock, type NumberedLine, type PreparedBlock, type PreparedLine, type RejectedLine } from './import-batch.js'
import { undecidedProgramsMask, type PoolEligibility } from './eligibility.js'


/** Epoch milliseconds of an instant (NaN when it is not one), as Date.parse answers. */
export function instantMs(instant: string): number {
  // `YYYY-MM-DDTHH:mm:ssZ` (every profile's submittedAt, twice per imported profile) by position;
  // anything else, or a field out of range, goes to Date.parse.
  if (instant.length === 20 && instant.charCodeAt(4) === 45 && instant.charCodeAt(7) === 45 && instant.charCodeAt(10) === 84 && instant.charCodeAt(13) === 58 && instant.charCodeAt(16) === 58 && instant.charCodeAt(19) === 90) {
    const h = twoDigits(instant, 11)
    const m = twoDigits(instant, 14)
    const sec = twoDigits(instant, 17)
    const date = instant.slice(0, 10)
    if (h < 24 && m < 60 && sec < 60 && isIsoDate(date)) return toDayNumber(date) * 86_400_000 + h * 3_600_000 + m * 60_000 + sec * 1000
  }
  return Date.parse(instant)
}

/** The number written by the two digits at `at` (NaN, which fails every range test, for non-digits). */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48
  const b = s.charCodeAt(at + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN
}

/** The instant a profile leaves the pool: its validity (pool.profile-validity) after `submittedAt`, same time of day. */
export function expiryOf(submittedAt: string): string {
  const submitted = dateOfInstant(submittedAt)
  return `${addYears(submitted, profileValidity.at(submitted).value.years)}${submittedAt.slice(10)}`
}

/** The instant an invitation issued at `at` expires: the window in force that day later (pool.invitation-window). */
export function invitationExpiryMs(at: string): number {
  const issued = dateOfInstant(at)
  return instantMs(`${addDays(issued, invitationWindowDays(issued))}${at.slice(10)}`)
}

/** The stored columns of a profile with its derived values. */
export function profileRow(profile: Profile, derived: Derived, now: string, factsText?: string): NewProfileRow {
  return {
    id: profile.id,
    submitted_at: profile.submittedAt,
    submitted_ms: instantMs(profile.submittedAt),
    expires_ms: instantMs(expiryOf(profile.submittedAt)),
    status: 'active',
    // The input line itself when there is one (it validated as this profile): no second serialization.
    facts: factsText ?? JSON.stringify(profile),
    derived_from: derived.from,
    derived_until: derived.until,
    score: derived.score,
    programs: derived.programs,
    categories: categoriesColumn(derived.categories, derived.undecided),
    undecided_programs: derived.undecidedPrograms,
    updated_at: now,
  }
}

export type { NumberedLine, PreparedLine, RejectedLine } from './import-batch.js'

export interface ImportResult {
  readonly added: number
  readonly updated: number
  readonly rejected: readonly RejectedLine[]
}

export interface ImportOptions {
  readonly eligibility: PoolEligibility
  /**
   * The day to compute scores for (default: each profile's submission day; a later day for a pool
   * that will be drawn from later). A profile submitted after it is scored on its submission day.
   */
  readonly asOf?: IsoDate
  readonly now?: string
  /** Called after every batch with the number of lines read so far. */
  readonly onProgress?: (lines: number) => void
  /** Lines per batch for lines given as strings (raw JSONL bytes go in blocks of about 2 MB). */
  readonly batchSize?: number
  /**
   * Worker threads that parse, check and score lines in parallel (only with the real eligibility
   * rules, from the built package; 0 or absent: all on this thread).
   */
  readonly workers?: number
}

/** How far ahead of this machine's clock a submission may be dated (another machine's clock may run ahead). */
const SUBMISSION_SKEW_MS = 5 * 60_000

/** Why a profile cannot enter (or be updated in) the pool, or null if it can. */
function entryIssue(profile: Profile, eligibility: PoolEligibility, now: string): InputIssue | null {
  // A profile enters the pool when it is submitted: one dated ahead of now has not been (a typo in a year).
  if (instantMs(profile.submittedAt) > instantMs(now) + SUBMISSION_SKEW_MS) {
    return { path: 'submittedAt', value: profile.submittedAt, message: `is after now (${now}): a profile enters the pool when it is submitted, at or before now` }
  }
  const day = dateOfInstant(profile.submittedAt)
  if (eligibility.isEligibleForAnyProgram(profile, day)) return null
  // A program that can't tell (settlement funds not given, E21) is not a no: the profile enters the
  // pool, no round invites it, and every round it might enter counts it as undecided.
  if (undecidedProgramsMask(eligibility, profile, day) !== 0) return null
  return { path: 'submittedAt', value: profile.submittedAt, message: `not eligible for any Express Entry program (FSW, CEC, FST, PNP) on ${day}, its submission day: the profile cannot enter the pool` }
}

function problemsOf(e: unknown): InputIssue[] {
  if (e instanceof ExpressEntryError && e.code === 'invalid_input') return [...(e.details as { issues: readonly InputIssue[] }).issues]
  if (e instanceof SyntaxError) return [{ path: '', message: `not valid JSON: ${e.message}` }]
  if (e instanceof ExpressEntryError) return [{ path: '', message: e.message }]
  throw e
}

export interface PrepareContext {
  readonly eligibility: PoolEligibility
  readonly asOf?: IsoDate | undefined
  readonly now: string
}

/** The row of a profile entering the pool, or why it cannot (the day scored: see ImportOptions.asOf). */
export function prepareProfile(line: number, profile: Profile, ctx: PrepareContext, text?: string): PreparedLine {
  const issue = entryIssue(profile, ctx.eligibility, ctx.now)
  if (issue) return { line, rejected: { line, id: profile.id, issues: [issue] } }
  const submittedDay = dateOfInstant(profile.submittedAt)
  const day = ctx.asOf && ctx.asOf > submittedDay ? ctx.asOf : submittedDay
  try {
    return { line, row: profileRow(profile, deriveAt(profile, day, ctx.eligibility), ctx.now, text) }
  } catch (e) {
    return { line, rejected: { line, id: profile.id, issues: problemsOf(e) } }
  }
}

/** Parses, validates, checks and scores one line of JSONL (pure: runs on any thread). */
export function prepareLine(line: number, text: string, ctx: PrepareContext): PreparedLine {
  let value: unknown
  try {
    value = JSON.parse(text)
    const parsed = profileSchema.safeParse(value)
    if (!parsed.success) throw new ExpressEntryError('invalid_input', { issues: inputIssues(parsed.error, value) })
    return prepareProfile(line, parsed.data, ctx, text)
  } catch (e) {
    const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? reportedId((value as { id: string }).id) : undefined
    const issues = problemsOf(e).map(withoutValue)
    return { line, rejected: id === undefined ? { line, issues } : { line, id, issues } }
  }
}

/** Characters of a rejected id repeated in reports: a huge or hostile id is never echoed in full. */
const REPORTED_ID_LENGTH = 100

/** An id as reports repeat it: at most 100 characters, with what was cut said. */
export function reportedId(id: string): string {
  return id.length <= REPORTED_ID_LENGTH ? id : `${id.slice(0, 40)}… (${id.length} characters)`
}

/** An issue without the value given (a report names the field and why; the value may be huge). */
function withoutValue(issue: InputIssue): InputIssue {
  return { path: issue.path, message: issue.message }
}

/**
 * What an import reads: lines as strings, or raw JSONL bytes (`jsonlBytes`: a file or stdin, which
 * the preparing threads decode and split, so the importing thread only counts line feeds and writes).
 */
export type ImportSource = Iterable<string> | AsyncIterable<string> | JsonlBytes

export interface JsonlBytes {
  readonly jsonlBytes: AsyncIterable<Uint8Array>
}

/** Marks a byte stream (a file read without an encoding, stdin) as JSONL to import. */
export function jsonlBytes(stream: AsyncIterable<Uint8Array>): JsonlBytes {
  return { jsonlBytes: stream }
}

function destroyStream(stream: AsyncIterable<Uint8Array>): void {
  if ('destroy' in stream && typeof stream.destroy === 'function') (stream as { destroy(): void }).destroy()
}

/**
 * Prepares a block of lines (pure: runs on any thread), packing each line as it is done so that a
 * profile's objects die young (a block's worth of live profiles made the garbage collector copy them).
 */
export function prepareBlock(block: LineBlock, ctx: PrepareContext): PreparedBlock {
  const packer = new BlockPacker()
  for (const item of linesOfBlock(block)) {
    if ('error' in item) packer.add({ line: item.line, rejected: { line: item.line, issues: [{ path: '', message: item.error }] } })
    else packer.add(prepareLine(item.line, item.text, ctx))
  }
  return packer.finish(block.id, lastLineOf(block))
}

/** The source's lines cut into blocks of `batchSize` non-blank lines. */
async function* stringBlocks(source: AsyncIterator<string> | Iterator<string>, batchSize: number, nextId: () => number): AsyncGenerator<LineBlock> {
  let batch: NumberedLine[] = []
  let lineNo = 0
  for (;;) {
    const next = await source.next()
    if (next.done) break
    lineNo++
    if (next.value.trim() === '') continue
    batch.push({ line: lineNo, text: next.value })
    if (batch.length >= batchSize) {
      yield blockOfLines(nextId(), batch)
      batch = []
    }
  }
  if (batch.length > 0) yield blockOfLines(nextId(), batch)
}

/**
 * Imports profiles, one JSON object per line, in one transaction: every valid profile goes in (new,
 * or an update of a profile still in the pool, keeping its submittedAt), every bad line is reported
 * with its line number, and a failure of the store leaves nothing written.
 */
export async function importProfiles(store: Store, input: ImportSource, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? nowInstant()
  const batchSize = options.batchSize ?? 2000
  const ctx: PrepareContext = { eligibility: options.eligibility, asOf: options.asOf, now }
  const workers = options.workers ?? 0
  let blockId = 0
  const nextId = (): number => blockId++
  // Take the iterator before the first await: a readline interface already reading its file drops
  // the lines it emits while nobody iterates (lines lost while the store takes its lock).
  const lines = 'jsonlBytes' in input ? null : input
  const source: AsyncIterator<string> | Iterator<string> | null = lines === null ? null : Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]()
  const blocks = source === null ? byteBlocks((input as JsonlBytes).jsonlBytes, nextId) : stringBlocks(source, batchSize, nextId)
  const pool = workers > 0 ? await startPreparers(workers, ctx, options.eligibility) : null
  try {
    return await store.write((trx) => bulkLoad(trx, async () => {
      const rejected: RejectedLine[] = []
      let added = 0
      const updatedIds = new Set<string>()
      /** Ids added or updated by this import, with the line that did it: one line per id. */
      const seen = new Map<string, number>()
      // Into an empty pool, the only profiles an import can update are its own: no lookups needed.
      const emptyAtStart = (await trx.selectFrom('profile').select('id').limit(1).executeTakeFirst()) === undefined

      const write = async (block: PreparedBlock): Promise<void> => {
        rejected.push(...block.rejected)
        const rows = unpackRows(block, now)
        const ids = emptyAtStart ? [] : [...new Set(rows.map((r) => r.row.id))].filter((id) => !seen.has(id))
        const stored = new Map((await existingProfiles(trx, ids)).map((r) => [r.id, r]))
        const inserts: NewProfileRow[] = []
        for (const { line, row } of rows) {
          const first = seen.get(row.id)
          if (first !== undefined) {
            // Two lines for one profile: which one is meant cannot be told, so the later one stays out.
            rejected.push({ line, id: row.id, issues: [{ path: 'id', message: `duplicate id: profile ${row.id} is already on line ${first} of this import (line ${line} was left out; one line per profile)` }] })
            continue
          }
          const prior = stored.get(row.id)
          if (prior && prior.status !== 'active') {
            rejected.push({ line, id: row.id, issues: [{ path: 'id', message: `profile ${row.id} is ${describeStatus(prior.status)} and cannot be updated; a new profile is needed` }] })
            continue
          }
          if (prior === undefined) {
            inserts.push(row)
            seen.set(row.id, line)
            added++
            continue
          }
          // An update: submittedAt never changes (rules.md §9, S19), so check and score again with it.
          const again = prepareProfile(line, { ...factsOf(row), submittedAt: prior.submitted_at }, ctx)
          if ('rejected' in again) {
            rejected.push(again.rejected)
            continue
          }
          const { id, submitted_at: _s, submitted_ms: _m, expires_ms: _e, status: _st, ...changes } = again.row
          await updateProfile(trx, id, changes)
          updatedIds.add(id)
          seen.set(id, line)
        }
        await insertProfiles(trx, inserts)
        if (inserts.length > 0) {
          // One event per batch: a million single-profile events would double the import's writes.
          await appendEvents(trx, [{ at: now, kind: 'profiles_imported', profile_id: null, round_number: null, data: JSON.stringify({ count: inserts.length, first: inserts[0]!.id, last: inserts.at(-1)!.id }) }])
        }
        options.onProgress?.(block.lastLine)
        // Let the event loop turn between blocks: a server importing stays responsive to other requests.
        await new Promise((resolve) => setImmediate(resolve))
      }

      const inFlight: Promise<PreparedBlock>[] = []
      for await (const block of blocks) {
        if (!pool) {
          await write(prepareBlock(block, ctx))
          continue
        }
        inFlight.push(pool.prepare(block))
        // Keep every worker busy, and write blocks in order as they come back.
        if (inFlight.length >= workers * 2) await write(await inFlight.shift()!)
      }
      while (inFlight.length > 0) await write(await inFlight.shift()!)
      return { added, updated: updatedIds.size, rejected: rejected.sort((a, b) => a.line - b.line) }
    }), { bulk: true })
  } catch (e) {
    // Stop reading (and close the file) when the import fails before the end of its input.
    await blocks.return(undefined)
    await source?.return?.()
    if (source === null) destroyStream((input as JsonlBytes).jsonlBytes)
    throw e
  } finally {
    await pool?.close()
  }
}

/** Rows after which an import refreshes the query planner's statistics. */
const ANALYZE_AFTER = 10_000

/** Imports (see importProfiles), then refreshes the planner's statistics after a large import. */
export async function importAndAnalyze(store: Store, input: ImportSource, options: ImportOptions): Promise<ImportResult> {
  const result = await importProfiles(store, input, options)
  if (result.added + result.updated >= ANALYZE_AFTER) await sql`analyze profile`.execute(store.db)
  return result
}

interface Preparers {
  prepare(block: LineBlock): Promise<PreparedBlock>
  close(): Promise<void>
}

/** Worker threads running prepareBlock with the real eligibility rules (null when they cannot run here). */
async function startPreparers(count: number, ctx: PrepareContext, eligibility: PoolEligibility): Promise<Preparers | null> {
  const { realEligibility } = await import('./eligibility.js')
  const script = new URL('./import-worker.js', import.meta.url)
  if (eligibility !== realEligibility() || !existsSync(fileURLToPath(script))) return null
  const { Worker } = await import('node:worker_threads')
  const threads = Array.from({ length: count }, () => new Worker(script, { workerData: { asOf: ctx.asOf ?? null, now: ctx.now }}))
  let next = 0
  const waiting = new Map<number, { resolve: (r: PreparedBlock) => void; reject: (e: unknown) => void }>()
  for (const t of threads) {
    t.on('message', (m: PreparedBlock) => {
      const w = waiting.get(m.id)
      waiting.delete(m.id)
      w?.resolve(m)
    })
    t.on('error', (e) => {
      for (const w of waiting.values()) w.reject(e)
      waiting.clear()
    })
  }
  return {
    prepare: (block) =>
      new Promise((resolve, reject) => {
        waiting.set(block.id, { resolve, reject })
        const transfer = block.kind === 'bytes' ? [block.bytes.buffer as ArrayBuffer] : [block.lengths.buffer as ArrayBuffer, block.numbers.buffer as ArrayBuffer]
        threads[next++ % threads.length]!.postMessage(block, transfer)
      }),
    close: async () => {
      await Promise.all(threads.map((t) => t.terminate()))
    },
  }
}

function describeStatus(status: ProfileRow['status']): string {
  switch (status) {
    case 'invited':
      return 'holding an open invitation (declining it is the only way to change the profile)'
    case 'accepted':
      return 'out of the pool (its invitation was accepted)'
    case 'ita_expired':
      return 'out of the pool (its invitation expired)'
    case 'withdrawn':
      return 'withdrawn'
    case 'active':
      return 'in the pool'
  }
}

/** The parsed facts of a stored profile. */
export function factsOf(row: Pick<ProfileRow, 'facts'>): Profile {
  // Stored facts are the validated input; parsing again fills in the schema's defaults.
  return profileSchema.parse(JSON.parse(row.facts))
}

/** Marks open invitations due by `atMs` as expired; their profiles leave the pool (rules.md §9, S28). */
export async function expireInvitations(trx: Kysely<Database>, atMs: number, now: string): Promise<number> {
  const due = await dueInvitations(trx, atMs)
  for (const inv of due) await setInvitationStatus(trx, inv.id, 'expired', null)
  await setProfileStatus(
    trx,
    due.map((i) => i.profile_id),
    'ita_expired',
    now,
  )
  await appendEvents(
    trx,
    due.map((i) => ({ at: now, kind: 'invitation_expired' as const, profile_id: i.profile_id, round_number: i.round_number, data: JSON.stringify({ invitation: i.id }) })),
  )
  return due.length
}

/**
 * Withdraws a profile still in the pool at `at` (or holding an open invitation, which is then declined).
 * A withdrawal is a fact of the pool's history: refused before the profile was submitted, once it has
 * left the pool (12 months after submission), or before the invitation it holds was issued.
 */
export async function withdrawProfile(store: Store, id: string, at: string = nowInstant()): Promise<void> {
  const atMs = instantMs(at)
  // As for an answer: an invitation whose window ran out by `at` has expired, it is not declined.
  await store.write((trx) => expireInvitations(trx, atMs, at))
  await store.write(async (trx) => {
    const row = await getProfile(trx, id)
    if (!row) throw new ExpressEntryError('not_found', { entity: 'profile', id })
    if (atMs < row.submitted_ms) {
      throw new ExpressEntryError('invalid_input', { issues: [{ path: 'at', value: at, message: `is before the profile was submitted (${row.submitted_at}): it cannot be withdrawn before it is in the pool` }] })
    }
    if (row.status !== 'active' && row.status !== 'invited') throw new ExpressEntryError('conflict', { entity: 'profile', id, reason: `is ${describeStatus(row.status)}` })
    if (row.status === 'active' && row.expires_ms <= atMs) {
      throw new ExpressEntryError('conflict', { entity: 'profile', id, reason: `left the pool on ${expiryOf(row.submitted_at)}, ${profileValidity.at(dateOfInstant(row.submitted_at)).value.years * 12} months after its submission, before ${at}` })
    }
    const open = await openInvitationOf(trx, id)
    if (open && atMs < open.issued_ms) throw new ExpressEntryError('conflict', { entity: 'profile', id, reason: `holds invitation ${open.id}, issued after ${at}` })
    if (open) await setInvitationStatus(trx, open.id, 'declined', at)
    await setProfileStatus(trx, [id], 'withdrawn', at)
    await appendEvents(trx, [{ at, kind: 'profile_withdrawn', profile_id: id, round_number: null, data: '{}' }])
  })
}

export type Response = 'accept' | 'decline'

/**
 * Answers an invitation, by invitation id (`<round>-<rank>`) or by the id of the profile holding it.
 * An answer after the invitation window (pool.invitation-window) finds the invitation expired (a conflict).
 */
export async function respondToInvitation(store: Store, idOrProfile: string, response: Response, at: string = nowInstant()): Promise<InvitationRow> {
  const atMs = instantMs(at)
  // Expiry is a fact of its own: it stays written even if this answer is refused.
  await store.write((trx) => expireInvitations(trx, atMs, at))
  return store.write(async (trx) => {
    const invitation = (await getInvitation(trx, idOrProfile)) ?? (await openInvitationOf(trx, idOrProfile)) ?? (await latestInvitationOf(trx, idOrProfile))
    if (!invitation) throw new ExpressEntryError('not_found', { entity: 'invitation', id: idOrProfile })
    if (invitation.status === 'expired' && atMs < invitation.expires_ms) {
      // Expired by a later answer or withdrawal already recorded: the pool's history runs past this instant.
      const expired = instantOfMs(invitation.expires_ms)
      throw new ExpressEntryError('conflict', { entity: 'invitation', id: invitation.id, reason: `expired at ${expired}, as an event recorded after ${at} found; an answer dated before that comes after the pool's history and cannot be recorded (answers are recorded in time order)` })
    }
    if (invitation.status !== 'open') {
      throw new ExpressEntryError('conflict', { entity: 'invitation', id: invitation.id, reason: `is ${invitation.status}${invitation.status === 'expired' ? ` (${Math.round((invitation.expires_ms - invitation.issued_ms) / 86_400_000)} days after it was issued)` : ''}; it can no longer be ${response === 'accept' ? 'accepted' : 'declined'}` })
    }
    if (atMs < invitation.issued_ms) throw new ExpressEntryError('conflict', { entity: 'invitation', id: invitation.id, reason: `was issued after ${at}` })
    const status = response === 'accept' ? 'accepted' : 'declined'
    await setInvitationStatus(trx, invitation.id, status, at)
    // A decline puts the profile back in the pool for the rest of its validity; eligibility is
    // re-checked by every round (rules.md §9, S28).
    await setProfileStatus(trx, [invitation.profile_id], response === 'accept' ? 'accepted' : 'active', at)
    await appendEvents(trx, [{ at, kind: response === 'accept' ? 'invitation_accepted' : 'invitation_declined', profile_id: invitation.profile_id, round_number: invitation.round_number, data: JSON.stringify({ invitation: invitation.id }) }])
    return { ...invitation, status, responded_at: at }
  })
}

