/**
 * Every round counts the candidates it cannot decide because their settlement funds are not given
 * (E21): a general round (no program is a yes, one can't tell), a program round (FSW, FST; PNP
 * nominated whose only way is such a program) and a category round (its rule met, only a program that
 * can't tell: E13). Counted here against the library's own answer for each profile (anyProgramAnswer,
 * programAnswer, isEligibleForCategory null), on each database, held, simulated and in memory; the
 * in-memory and stored engines agree on random pools; a database kept from before counts them at its
 * next round (the migration marks the profiles without funds stale); the CLI says it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sql } from 'kysely'
import { addDays, dateOfInstant, type IsoDate } from '../../src/domain/dates.js'
import { scoreRequest } from '../../src/crs/index.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import { anyProgramAnswer, categoriesInForce, compiledCategory, isEligibleForCategory, programAnswer } from '../../src/eligibility/index.js'
import { createApp } from '../../src/api/app.js'
import { heldRoundSchema, simulationSchema } from '../../src/api/response-schemas.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { expiryOf, importProfiles, instantMs } from '../../src/pool/lifecycle.js'
import { memoryEntry, rankProfiles, roundInMemory } from '../../src/pool/memory.js'
import { holdRound, roundInvitations } from '../../src/pool/rounds.js'
import { simulateRound } from '../../src/pool/simulate.js'
import type { Profile } from '../../src/schemas/profile.js'
import { openStore } from '../../src/store/index.js'
import { migrations } from '../../src/store/migrations/index.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { registerRound } from '../../src/cli/commands/round.js'
import { runCli } from '../history/cli-helper.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'

const eligibility = realEligibility()
const LIKE: IsoDate = '2026-08-20'
const DAY = addDays(LIKE, 1)
const API_TOKEN = 'undecided-funds-test-token-0123456789abcdef'

/**
 * A profile in one of the funds variants: not given, too little, waived by an offer (working in Canada
 * or not), given; nominated or not; with its work moved abroad (no CEC: FSW, or FST, is its only way).
 */
function variant(p: Profile, k: number): Profile {
  const { settlementFundsCad: _, ...noFunds } = p
  const nominated = { province: 'ON' as const, nominatedOn: '2026-06-01' }
  const abroad = { ...noFunds, work: p.work.map((w) => ({ ...w, country: 'IN' })) } as Profile
  switch (k % 9) {
    case 0:
      return noFunds as Profile
    case 1:
      return { ...noFunds, provincialNomination: nominated } as Profile
    case 2:
      return { ...p, settlementFundsCad: 1 }
    case 3:
      // An offer waives the funds only with authorization to work in Canada (E9): the profile may or may not work there.
      return { ...noFunds, jobOffer: { noc: '21231', lmiaExempt: true } } as Profile
    case 4:
      return { ...p, settlementFundsCad: 1, provincialNomination: nominated }
    case 5:
      return abroad
    case 6:
      return { ...abroad, provincialNomination: nominated }
    case 7:
      return { ...abroad, settlementFundsCad: 1 }
    default:
      return p
  }
}

type Request = { at: string; kind: 'general' } | { at: string; kind: 'program'; program: 'fsw' | 'cec' | 'fst' | 'pnp' } | { at: string; kind: 'category'; category: string }

/** The library's answer for a profile in a round: true (a candidate), null (can't tell), false. */
function answerFor(p: Profile, r: Request, day: IsoDate): boolean | null {
  if (r.kind === 'general') return anyProgramAnswer(p, day)
  if (r.kind === 'program') return programAnswer(p, r.program, day)
  return isEligibleForCategory(p, r.category, day)
}

/** The count as the rule defines it, from the library's answer for each profile in the pool at the round. */
function expectedUndecided(pool: readonly Profile[], r: Request & { size: number }): { count: number; withinReach: number } {
  const day = dateOfInstant(r.at)
  const atMs = instantMs(r.at)
  const inPool = pool.filter((p) => instantMs(p.submittedAt) <= atMs && instantMs(expiryOf(p.submittedAt)) > atMs)
  const undecided = inPool.filter((p) => answerFor(p, r, day) === null)
  const decision = rankProfiles(inPool, r, eligibility)
  const last = decision.invitations.at(-1)
  if (last === undefined || decision.invitations.length < r.size) return { count: undecided.length, withinReach: undecided.length }
  const reached = undecided.filter((p) => {
    // Its CRS score on the day, as the library gives it.
    const score = scoreRequest(parseScoreRequest({ asOf: day, profile: p }, day)).result.total
    return score > last.score || (score === last.score && p.submittedAt <= last.submittedAt)
  })
  return { count: undecided.length, withinReach: reached.length }
}

/** The category in force on the day with the most profiles it can't tell through their funds. */
function busiestCategory(pool: readonly Profile[]): string {
  const ids = categoriesInForce(DAY).map((c) => c.id).filter((id) => compiledCategory(id)!.listUnknown === null && compiledCategory(id)!.category.rule.type !== 'military')
  const counts = ids.map((id) => [id, pool.filter((p) => isEligibleForCategory(p, id, DAY) === null).length] as const)
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0]
}

let base: Profile[] = []
beforeAll(() => {
  base = [...generatePool({ size: 280, seed: 31, like: LIKE, eligibility, shape: 'model' })].map((g, i) => variant(g.profile, i))
})

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`every round counts those whose funds are not given (${dialect})`, () => {
    const stores: TestStore[] = []
    afterAll(async () => {
      for (const s of stores.splice(0)) await s.cleanup()
    })

    async function importedStore(asOf: IsoDate): Promise<{ t: TestStore; admitted: Profile[] }> {
      const t = await freshStore(dialect)
      stores.push(t)
      const imported = await importProfiles(t.store, base.map((p) => JSON.stringify(p)), { eligibility, asOf, now: `${DAY}T00:00:00Z` })
      const rejected = new Set(imported.rejected.map((r) => r.id))
      return { t, admitted: base.filter((p) => !rejected.has(p.id)) }
    }

    it.each([
      { name: 'values stored for the day', asOf: DAY },
      { name: 'values stored months before (all stale on the day)', asOf: '2026-03-02' as IsoDate },
    ])('$name: general, FSW, CEC, FST, PNP and a category round, held, simulated and in memory, as the library answers', { timeout: 180_000 }, async ({ asOf }) => {
      const { t, admitted } = await importedStore(asOf)
      const category = busiestCategory(admitted)
      const rounds: (Request & { size: number })[] = [
        { at: `${DAY}T10:00:00Z`, kind: 'general', size: 5 },
        { at: `${DAY}T11:00:00Z`, kind: 'program', program: 'fsw', size: 3 },
        { at: `${DAY}T12:00:00Z`, kind: 'program', program: 'cec', size: 3 },
        { at: `${DAY}T13:00:00Z`, kind: 'program', program: 'fst', size: 2 },
        { at: `${DAY}T14:00:00Z`, kind: 'program', program: 'pnp', size: 2 },
        { at: `${DAY}T15:00:00Z`, kind: 'category', category, size: 2 },
        { at: `${DAY}T16:00:00Z`, kind: 'general', size: 1000 },
      ]
      let active = admitted
      const seen: Record<string, number> = {}
      for (const r of rounds) {
        const expected = expectedUndecided(active, r)
        seen[r.kind === 'program' ? r.program : r.kind] = Math.max(seen[r.kind === 'program' ? r.program : r.kind] ?? 0, expected.count)
        const simulated = await simulateRound(t.store, r, eligibility)
        const memory = roundInMemory(active.map((p) => memoryEntry(p, DAY, eligibility)), r)
        const held = await holdRound(t.store, r, { eligibility, now: `${DAY}T23:00:00Z` })
        expect({ held: held.undecided, simulated: simulated.undecided, memory: memory.undecided }, JSON.stringify(r)).toEqual({ held: expected, simulated: expected, memory: expected })
        // The undecided are not invited: only a certain yes is.
        const invited = new Set((await roundInvitations(t.store, held.number)).map((i) => i.profileId))
        for (const p of active) if (invited.has(p.id)) expect(answerFor(p, r, DAY), p.id).toBe(true)
        active = active.filter((p) => !invited.has(p.id))
      }
      // The pool has such candidates for each kind that can have them (CEC never needs funds).
      expect(seen).toMatchObject({ cec: 0 })
      for (const kind of ['general', 'fsw', 'pnp', 'category']) expect(seen[kind], kind).toBeGreaterThan(0)
    })

    it('a database kept from before: the migration marks the profiles without funds stale, so the next round counts them', { timeout: 180_000 }, async () => {
      const { t, admitted } = await importedStore(DAY)
      const db = t.store.db
      // Back to the store as the version before wrote it: no undecided programs column, no index, no
      // ,?id, mark but for skilled military recruits, no migration row.
      for (const c of categoriesInForce(DAY)) {
        if (compiledCategory(c.id)!.category.rule.type !== 'military') await sql`update profile set categories = replace(categories, ${`,?${c.id},`}, ${','})`.execute(db)
      }
      await migrations['2026_11_30_200000_undecided_programs']!.down!(db as never)
      await sql`delete from ee_migration where name = ${'2026_11_30_200000_undecided_programs'}`.execute(db)

      const reopened = await openStore(t.target)
      try {
        const general = { at: `${DAY}T10:00:00Z`, kind: 'general' as const, size: 4 }
        const expectedGeneral = expectedUndecided(admitted, general)
        expect(expectedGeneral.count).toBeGreaterThan(0)
        expect((await holdRound(reopened, general, { eligibility, now: `${DAY}T23:00:00Z` })).undecided).toEqual(expectedGeneral)
        // The profiles with funds were not marked stale (their values did not change).
        const stale = await sql<{ n: number }>`select count(*) as n from profile p join profile_facts f on f.id = p.id where p.derived_until = p.derived_from and f.facts like ${'%"settlementFundsCad"%'}`.execute(reopened.db)
        expect(Number(stale.rows[0]!.n)).toBe(0)
      } finally {
        await reopened.close()
      }
    })
  })
}

describe('entering the pool', () => {
  it.each(DIALECTS.filter((d) => d === 'sqlite' || postgresSkipReason() === null))('a profile whose only programs can\'t tell on its submission day enters it; one eligible for none does not (%s)', { timeout: 120_000 }, async (dialect) => {
    const t = await freshStore(dialect)
    try {
      const answerOnEntry = (p: Profile) => anyProgramAnswer(p, dateOfInstant(p.submittedAt))
      const r = await importProfiles(t.store, base.map((p) => JSON.stringify(p)), { eligibility, asOf: DAY, now: `${DAY}T00:00:00Z` })
      const rejected = new Set(r.rejected.map((x) => x.id))
      const byAnswer = (a: boolean | null) => base.filter((p) => answerOnEntry(p) === a)
      expect(byAnswer(null).length, "profiles whose programs can't tell").toBeGreaterThan(10)
      expect(byAnswer(null).filter((p) => rejected.has(p.id))).toEqual([])
      expect(byAnswer(true).filter((p) => rejected.has(p.id))).toEqual([])
      expect(byAnswer(false).filter((p) => !rejected.has(p.id)).map((p) => p.id)).toEqual([])
      expect(rejected.size).toBe(byAnswer(false).length)
    } finally {
      await t.cleanup()
    }
  })
})

describe('the in-memory and the stored engine agree on random pools (most profiles without funds)', () => {
  it('general, program and category rounds: the same invitations and the same undecided count', { timeout: 300_000 }, async () => {
    const categories = categoriesInForce(DAY).map((c) => c.id).filter((id) => compiledCategory(id)!.listUnknown === null)
    const request = fc.oneof(
      fc.constant({ kind: 'general' as const }),
      fc.constantFrom('fsw', 'cec', 'fst', 'pnp').map((program) => ({ kind: 'program' as const, program })),
      fc.constantFrom(...categories).map((category) => ({ kind: 'category' as const, category })),
    )
    // Variants 0, 1, 3, 5 and 6 give no funds: five in nine, and chosen twice as often again here.
    const variantIndex = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(0, 1, 3, 5, 6) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }) })
    const pools = fc.array(fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), variantIndex), { minLength: 1, maxLength: 40 })
    await fc.assert(
      fc.asyncProperty(pools, request, fc.integer({ min: 1, max: 8 }), async (picks, req, size) => {
        const pool = [...new Map(picks.map(([i, k]) => [i, variant({ ...base[i]!, settlementFundsCad: 30_000 } as Profile, k)])).values()]
        const t = await freshStore('sqlite')
        try {
          const imported = await importProfiles(t.store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf: DAY, now: `${DAY}T00:00:00Z` })
          // Those eligible for no program on their submission day never entered the store.
          const rejected = new Set(imported.rejected.map((x) => x.id))
          const admitted = pool.filter((p) => !rejected.has(p.id))
          const r = { ...req, at: `${DAY}T14:00:00Z`, size }
          const simulated = await simulateRound(t.store, r, eligibility)
          const memory = roundInMemory(admitted.map((p) => memoryEntry(p, DAY, eligibility)), r)
          expect(simulated.undecided).toEqual(memory.undecided)
          expect(simulated.undecided).toEqual(expectedUndecided(admitted, r))
          expect((simulated as { invitations?: { profileId: string }[] }).invitations!.map((i) => i.profileId)).toEqual(memory.invitations.map((i) => i.profileId))
        } finally {
          await t.cleanup()
        }
      }),
      { numRuns: 25 },
    )
  })
})

describe('the CLI says it', () => {
  let t: TestStore
  let admitted: Profile[] = []
  const at = `${DAY}T14:00:00Z`
  beforeAll(async () => {
    t = await freshStore('sqlite')
    const imported = await importProfiles(t.store, base.slice(0, 140).map((p) => JSON.stringify(p)), { eligibility, asOf: DAY, now: `${DAY}T00:00:00Z` })
    const rejected = new Set(imported.rejected.map((r) => r.id))
    admitted = base.slice(0, 140).filter((p) => !rejected.has(p.id))
    await t.store.close()
  }, 60_000)
  afterAll(async () => {
    await t.cleanup().catch(() => undefined)
  })

  it.each([
    { args: ['--general'], request: { kind: 'general' as const }, what: 'any program' },
    { args: ['--program', 'fsw'], request: { kind: 'program' as const, program: 'fsw' as const }, what: 'FSW' },
  ])('round --dry-run $args: a line with the count, and the same in --json', async ({ args, request, what }) => {
    const expected = expectedUndecided(admitted, { ...request, at, size: 3 })
    expect(expected.count).toBeGreaterThan(0)
    const cli = ['round', '--db', t.target, ...args, '--size', '3', '--at', at, '--dry-run']
    const text = await runCli(registerRound, cli)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`Can't tell:                    ${expected.count} candidates whose eligibility for ${what} cannot be told (not invited; ${expected.withinReach} of them within the round's reach, had they been eligible)`)
    const json = JSON.parse((await runCli(registerRound, [...cli, '--json'])).stdout) as { undecided: unknown }
    expect(json.undecided).toEqual(expected)
  })

  it('pool show and pool list: the programs that cannot be told, apart from those the profile is eligible for', async () => {
    const undecided = admitted.find((p) => programAnswer(p, 'fsw', DAY) === null && programAnswer(p, 'pnp', DAY) === null)!
    const shown = JSON.parse((await runCli(registerPool, ['pool', 'show', '--db', t.target, undecided.id])).stdout) as { programs: string[]; undecidedPrograms: string[] }
    expect(shown.undecidedPrograms).toEqual(expect.arrayContaining(['fsw', 'pnp']))
    expect(shown.programs).not.toContain('fsw')
    const listed = JSON.parse((await runCli(registerPool, ['pool', 'list', '--db', t.target, '--limit', '500', '--json'])).stdout) as { id: string; undecidedPrograms: string[] }[]
    expect(listed.find((i) => i.id === undecided.id)!.undecidedPrograms).toEqual(shown.undecidedPrograms)
    const text = (await runCli(registerPool, ['pool', 'list', '--db', t.target, '--limit', '500'])).stdout
    expect(text.split('\n').find((l) => l.startsWith(undecided.id))).toMatch(/\(can't tell: [^)]*fsw/)
  })
})

describe('the API says it', () => {
  it('POST /v1/rounds/simulate and /v1/rounds/run: the undecided count of a FSW round, valid against the published schemas', { timeout: 60_000 }, async () => {
    const store = await openStore(':memory:')
    try {
      const app = createApp({ token: API_TOKEN, pool: { store, eligibility } })
      const pool = base.slice(0, 120)
      const imported = await importProfiles(store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf: DAY, now: `${DAY}T00:00:00Z` })
      const rejected = new Set(imported.rejected.map((x) => x.id))
      const request = { at: `${DAY}T14:00:00Z`, kind: 'program' as const, program: 'fsw' as const, size: 3 }
      const expected = expectedUndecided(pool.filter((p) => !rejected.has(p.id)), request)
      expect(expected.count).toBeGreaterThan(0)
      const simulated = await app.request('/v1/rounds/simulate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })
      expect(simulated.status).toBe(200)
      const body = simulationSchema.parse(await simulated.json())
      expect(body.undecided).toEqual(expected)
      const held = await app.request('/v1/rounds/run', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` }, body: JSON.stringify(request) })
      expect(held.status).toBe(201)
      expect(heldRoundSchema.parse(await held.json()).undecided).toEqual(expected)
    } finally {
      await store.close()
    }
  })
})
