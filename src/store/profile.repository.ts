/** Profile rows: plain functions taking `db` (or a transaction) first. @module */
import { sql, type Kysely } from 'kysely'
import { insertProfilesSqlite, sqliteOf } from './bulk.js'
import type { Database } from './database.js'
import type { NewProfileRow, ProfileRow, ProfileRowUpdate, ProfileStatus } from './profile.table.js'

/** Rows per INSERT: 12 columns x 400 rows stays under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 400

export async function insertProfiles(db: Kysely<Database>, rows: readonly NewProfileRow[]): Promise<void> {
  // SQLite: the same rows through cached prepared statements of the same connection (store/bulk.ts).
  const raw = sqliteOf(db)
  if (raw) return insertProfilesSqlite(raw, rows)
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    await db.insertInto('profile').values(batch.map(({ facts: _f, ...row }) => row)).execute()
    await db.insertInto('profile_facts').values(batch.map((r) => ({ id: r.id as string, facts: r.facts }))).execute()
  }
}

export async function getProfile(db: Kysely<Database>, id: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('profile').innerJoin('profile_facts', 'profile_facts.id', 'profile.id').selectAll('profile').select('profile_facts.facts').where('profile.id', '=', id).executeTakeFirst()
}

/** The facts of the profiles `ids` (JSON text), by id. */
export async function factsOfProfiles(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await db.selectFrom('profile_facts').select(['id', 'facts']).where('id', 'in', ids.slice(i, i + 1000)).execute()) out.set(r.id, r.facts)
  }
  return out
}

/** Id, status and submission time of those of `ids` already stored. */
export async function existingProfiles(db: Kysely<Database>, ids: readonly string[]): Promise<Pick<ProfileRow, 'id' | 'status' | 'submitted_at' | 'submitted_ms'>[]> {
  if (ids.length === 0) return []
  const out: Pick<ProfileRow, 'id' | 'status' | 'submitted_at' | 'submitted_ms'>[] = []
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(...(await db.selectFrom('profile').select(['id', 'status', 'submitted_at', 'submitted_ms']).where('id', 'in', ids.slice(i, i + 1000)).execute()))
  }
  return out
}

export async function updateProfile(db: Kysely<Database>, id: string, changes: ProfileRowUpdate): Promise<void> {
  const { facts, ...columns } = changes
  if (Object.keys(columns).length > 0) await db.updateTable('profile').set(columns).where('id', '=', id).execute()
  if (facts !== undefined) await db.updateTable('profile_facts').set({ facts }).where('id', '=', id).execute()
}

export async function setProfileStatus(db: Kysely<Database>, ids: readonly string[], status: ProfileStatus, updatedAt: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db.updateTable('profile').set({ status, updated_at: updatedAt }).where('id', 'in', ids.slice(i, i + 1000)).execute()
  }
}

export interface ListOptions {
  readonly status?: ProfileStatus
  readonly limit: number
  readonly offset: number
}

export async function listProfiles(db: Kysely<Database>, options: ListOptions): Promise<Omit<ProfileRow, 'facts'>[]> {
  let q = db.selectFrom('profile').select(['id', 'submitted_at', 'submitted_ms', 'expires_ms', 'status', 'derived_from', 'derived_until', 'score', 'programs', 'categories', 'undecided_programs', 'updated_at'])
  if (options.status) q = q.where('status', '=', options.status)
  return q.orderBy('submitted_ms').orderBy('id').limit(options.limit).offset(options.offset).execute()
}

export async function countProfiles(db: Kysely<Database>): Promise<{ status: ProfileStatus; count: number }[]> {
  const rows = await db.selectFrom('profile').select(['status', sql<number>`count(*)`.as('count')]).groupBy('status').execute()
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }))
}

/** Active, unexpired profiles whose derived columns do not hold on `day`, with their facts. */
export async function staleProfiles(db: Kysely<Database>, day: number, atMs: number): Promise<Pick<ProfileRow, 'id' | 'facts'>[]> {
  const ids = await db
    .selectFrom('profile')
    .select('id')
    .where('status', '=', 'active')
    .where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs)
    .where((eb) => eb.or([eb('derived_from', '>', day), eb('derived_until', '<=', day)]))
    .execute()
  const facts = await factsOfProfiles(db, ids.map((r) => r.id))
  return ids.map((r) => ({ id: r.id, facts: facts.get(r.id)! }))
}

export interface DerivedColumns {
  readonly derived_from: number
  readonly derived_until: number
  readonly score: number
  readonly programs: number
  readonly categories: string
  readonly undecided_programs: number
}

export async function updateDerived(db: Kysely<Database>, id: string, derived: DerivedColumns): Promise<void> {
  await db.updateTable('profile').set(derived).where('id', '=', id).execute()
}

/** Which candidates a round ranks. */
export type CandidateFilter = { readonly kind: 'general' } | { readonly kind: 'program'; readonly bit: number } | { readonly kind: 'category'; readonly id: string }

export interface CandidateRow {
  readonly id: string
  readonly score: number
  readonly submitted_at: string
  readonly submitted_ms: number
}

/**
 * Active, unexpired profiles passing `filter`, in rank order: score descending, submission time, id.
 * The database orders by the first two (an index-only scan on SQLite); equal instants are put in id
 * order here, since an SQL sort on id would cost a temporary B-tree on every group.
 */
export async function rankedCandidates(db: Kysely<Database>, filter: CandidateFilter, atMs: number): Promise<CandidateRow[]> {
  let q = db.selectFrom('profile').select(['id', 'score', 'submitted_at', 'submitted_ms']).where('status', '=', 'active').where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs)
  if (filter.kind === 'general') q = q.where('programs', '<>', 0)
  else if (filter.kind === 'program') q = q.where(sql<number>`programs & ${filter.bit}`, '<>', 0)
  else q = q.where('categories', 'like', `%,${filter.id},%`)
  const rows = await q.orderBy('score', 'desc').orderBy('submitted_ms', 'asc').execute()
  // Already sorted but for equal instants: the sort only checks the order and settles those.
  return rows.sort((a, b) => Number(b.score) - Number(a.score) || Number(a.submitted_ms) - Number(b.submitted_ms) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Where the active, unexpired profiles a round passing `filter` cannot decide stand (score, submission
 * instant), from the stored values: a general round, no certain program but one that can't tell
 * (`programs = 0`, `undecided_programs <> 0`); a program round, its program can't tell (its bit in
 * `undecided_programs`); a category round, `,?id,` in `categories` (pool/derived.ts categoriesColumn).
 * These are read through the partial index `profile_undecided_idx` (only the profiles with a program
 * that can't tell are in it), so a pool that has none costs nothing. `wholePool`: a category round
 * whose category can't tell by its own rule (skilled military recruits, CategoryInfo.mayBeUndecided)
 * also for profiles certainly eligible for a program, so it reads the whole pool.
 * `day` given: only those whose stored values hold on it (a read that scores the rest itself).
 */
export async function undecidedCandidates(db: Kysely<Database>, filter: CandidateFilter, atMs: number, options: { readonly day?: number; readonly wholePool?: boolean } = {}): Promise<{ score: number; submittedMs: number }[]> {
  let q = db.selectFrom('profile').select(['score', 'submitted_ms']).where('status', '=', 'active')
  // The same term as the partial index's, so the planner may use it (SQLite needs it written so).
  if (!(filter.kind === 'category' && options.wholePool === true)) q = q.where('undecided_programs', '<>', 0)
  if (filter.kind === 'general') q = q.where('programs', '=', 0)
  else if (filter.kind === 'program') q = q.where(sql<number>`undecided_programs & ${filter.bit}`, '<>', 0)
  else q = q.where('categories', 'like', `%,?${filter.id},%`)
  q = q.where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs)
  if (options.day !== undefined) q = q.where('derived_from', '<=', options.day).where('derived_until', '>', options.day)
  const rows = await q.execute()
  return rows.map((r) => ({ score: Number(r.score), submittedMs: Number(r.submitted_ms) }))
}

/**
 * In one pass over the active, unexpired profiles: `[score, count]` of those eligible for at least
 * one program, and how many have derived columns that do not hold on `day` (0: the counts are exact).
 */
export async function poolSummary(db: Kysely<Database>, day: number, atMs: number): Promise<{ counts: [number, number][]; stale: number }> {
  const rows = await db
    .selectFrom('profile')
    .select([
      'score',
      sql<number>`sum(case when programs <> 0 then 1 else 0 end)`.as('count'),
      sql<number>`sum(case when derived_from > ${day} or derived_until <= ${day} then 1 else 0 end)`.as('stale'),
    ])
    .where('status', '=', 'active')
    .where('expires_ms', '>', atMs)
    .where('submitted_ms', '<=', atMs)
    .groupBy('score')
    .execute()
  let stale = 0
  const counts: [number, number][] = []
  for (const r of rows) {
    stale += Number(r.stale)
    if (Number(r.count) > 0) counts.push([Number(r.score), Number(r.count)])
  }
  return { counts, stale }
}

/**
 * For a read on `day` without writing: `[score, count]` of the active, unexpired profiles eligible for at
 * least one program whose stored values hold on the day, and the ids of those whose values do not.
 */
export async function heldScoreCounts(db: Kysely<Database>, day: number, atMs: number): Promise<{ counts: [number, number][]; staleIds: string[] }> {
  const active = () => db.selectFrom('profile').where('status', '=', 'active').where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs)
  const rows = await active()
    .select(['score', sql<number>`count(*)`.as('count')])
    .where('programs', '<>', 0)
    .where('derived_from', '<=', day)
    .where('derived_until', '>', day)
    .groupBy('score')
    .execute()
  const stale = await active()
    .select('id')
    .where((eb) => eb.or([eb('derived_from', '>', day), eb('derived_until', '<=', day)]))
    .execute()
  return { counts: rows.map((r) => [Number(r.score), Number(r.count)]), staleIds: stale.map((r) => r.id) }
}

/** `[score, count]` of the active, unexpired profiles eligible for at least one program. */
export async function scoreCounts(db: Kysely<Database>, atMs: number): Promise<[number, number][]> {
  const rows = await db
    .selectFrom('profile')
    .select(['score', sql<number>`count(*)`.as('count')])
    .where('status', '=', 'active')
    .where('expires_ms', '>', atMs).where('submitted_ms', '<=', atMs)
    .where('programs', '<>', 0)
    .groupBy('score')
    .execute()
  return rows.map((r) => [Number(r.score), Number(r.count)])
}
