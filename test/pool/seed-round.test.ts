/**
 * The seed's kind of round, on each database, with the real eligibility rules: a STEM occupations
 * (2023-1) round of 500 invitations over a generated pool, through the CLI, with a tie at the lowest
 * score; and rounds on the days around a rule change and a birthday.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/index.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { rankProfiles } from '../../src/pool/memory.js'
import { holdRound, roundInvitations } from '../../src/pool/rounds.js'
import type { Profile } from '../../src/schemas/profile.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'
import { profileInput } from './fixtures.js'

const eligibility = realEligibility()

/** Runs the CLI in-process; returns its exit code and standard output. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true))
  process.exitCode = 0
  try {
    await main(['node', 'express-entry', ...args])
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = 0
  return { code, out, err }
}

let pool: Profile[] = []
let dir = ''
let jsonl = ''
beforeAll(() => {
  pool = [...generatePool({ size: 3000, seed: 254, like: '2023-07-04', eligibility })].map((g) => g.profile)
  dir = mkdtempSync(join(tmpdir(), 'ee-seed-'))
  jsonl = join(dir, 'pool.jsonl')
  writeFileSync(jsonl, pool.map((p) => JSON.stringify(p)).join('\n'))
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const STEM_ROUND = { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 500 } as const

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`the seed's round on ${dialect}`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await freshStore(dialect)
    })
    afterEach(async () => {
      await t.cleanup()
    })

    it('STEM occupations (2023-1), 500 invitations, a tie at the lowest score, through the CLI', { timeout: 300_000 }, async () => {
      const imported = await cli('pool', 'import', '--db', t.target, '--as-of', '2023-07-05', jsonl)
      expect(imported).toMatchObject({ code: 0, out: 'added 3,000, updated 0, rejected 0\n' })
      const held = await cli('round', '--db', t.target, '--category', 'stem-2023-1', '--size', '500', '--at', STEM_ROUND.at, '--json')
      expect(held.code).toBe(0)
      const round = JSON.parse(held.out) as { number: number; label: string; invited: number; lowestScore: number; tieBreakCutoff: string; digest: string; replayed: boolean }
      expect(round).toMatchObject({ number: 1, label: 'STEM occupations (2023-1)', size: 500, invited: 500, replayed: false })

      const listed = await cli('invitations', '--db', t.target, '--round', '1', '--json')
      // As GET /v1/rounds/run/1/invitations answers.
      const answer = JSON.parse(listed.out) as { round: number; count: number; invitations: { profileId: string; rank: number; score: number; submittedAt: string; id: string; status: string }[] }
      expect(answer).toMatchObject({ round: 1, count: 500 })
      const invited = answer.invitations
      expect(invited).toHaveLength(500)
      expect(invited[0]).toMatchObject({ id: '1-1', status: 'open' })
      expect(invited.at(-1)).toMatchObject({ rank: 500, score: round.lowestScore, submittedAt: round.tieBreakCutoff })

      // Re-run from the facts alone: same ranking, same digest.
      const rerun = rankProfiles(pool, STEM_ROUND, eligibility)
      expect(rerun.digest).toBe(round.digest)
      expect(rerun.invitations.map((i) => i.profileId)).toEqual(invited.map((i) => i.profileId))

      // DESIGN.md: everyone eligible above lowestScore, and at lowestScore submitted at or before
      // tieBreakCutoff, was invited, and no one else; and the cut-off split a tie.
      const ids = new Set(invited.map((i) => i.profileId))
      const everyone = rankProfiles(pool, { ...STEM_ROUND, size: 100_000 }, eligibility).invitations
      for (const c of everyone) {
        const shouldBe = c.score > round.lowestScore || (c.score === round.lowestScore && c.submittedAt <= round.tieBreakCutoff)
        expect(ids.has(c.profileId)).toBe(shouldBe)
      }
      const tiedLeftOut = everyone.filter((c) => c.score === round.lowestScore && !ids.has(c.profileId))
      expect(tiedLeftOut.length).toBeGreaterThan(0)

      // The same request again invites no one.
      const again = await cli('round', '--db', t.target, '--category', 'stem-2023-1', '--size', '500', '--at', STEM_ROUND.at, '--json')
      expect(JSON.parse(again.out)).toMatchObject({ number: 1, replayed: true, digest: round.digest })
      const count = await t.store.db.selectFrom('invitation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(500)
    })

    it('a candidate tied at the lowest score but submitted after the cut-off is not invited', { timeout: 300_000 }, async () => {
      await importProfiles(t.store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf: '2023-07-05' })
      const round = await holdRound(t.store, STEM_ROUND, { eligibility })
      const rerun = rankProfiles(pool, { ...STEM_ROUND, size: 100_000 }, eligibility)
      const invited = new Set((await roundInvitations(t.store, round.number)).map((i) => i.profileId))
      const left = rerun.invitations.filter((c) => c.score === round.lowestScore && !invited.has(c.profileId))
      expect(left.length).toBeGreaterThan(0)
      expect(left.every((c) => c.submittedAt > round.tieBreakCutoff!)).toBe(true)
      for (const c of rerun.invitations) {
        const shouldBe = c.score > round.lowestScore! || (c.score === round.lowestScore && c.submittedAt <= round.tieBreakCutoff!)
        expect(invited.has(c.profileId)).toBe(shouldBe)
      }
    })
  })

  describe.skipIf(skip !== null)(`rounds around rule changes and birthdays on ${dialect}`, () => {
    const stores: TestStore[] = []
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.cleanup()
    })
    async function winner(inputs: ReturnType<typeof profileInput>[], at: string): Promise<string> {
      const t = await freshStore(dialect)
      stores.push(t)
      const result = await importProfiles(t.store, inputs.map((p) => JSON.stringify(p)), { eligibility, asOf: '2025-01-15' })
      expect(result.rejected).toEqual([])
      const round = await holdRound(t.store, { at, kind: 'general', size: 1 }, { eligibility })
      return (await roundInvitations(t.store, round.number))[0]!.profileId
    }

    // Job offer points end on 2025-03-25 (rules.md): the one with an offer leads the day before only.
    const offer = profileInput('with-offer', '2024-12-01T10:00:00Z', { testDate: '2024-06-01', english: 'mid', jobOfferNoc: '21231' })
    const better = profileInput('better-english', '2024-12-02T10:00:00Z', { testDate: '2024-06-01', english: 'high' })
    it.each([
      { at: '2025-03-24T12:00:00Z', first: 'with-offer' },
      { at: '2025-03-25T12:00:00Z', first: 'better-english' },
    ])('job offer points, round at $at: $first is invited', async ({ at, first }) => {
      expect(await winner([offer, better], at)).toBe(first)
    })

    // Turning 30 on 2025-07-05 costs 5 points (110 -> 105, single): then the tie goes to the earlier profile.
    const turning30 = profileInput('turning-30', '2025-01-10T10:00:00Z', { testDate: '2024-06-01', dob: '1995-07-05' })
    const already30 = profileInput('already-30', '2025-01-09T10:00:00Z', { testDate: '2024-06-01', dob: '1995-01-01' })
    it.each([
      { at: '2025-07-04T23:59:59Z', first: 'turning-30' },
      { at: '2025-07-05T00:00:00Z', first: 'already-30' },
    ])('birthday, round at $at: $first is invited', async ({ at, first }) => {
      expect(await winner([turning30, already30], at)).toBe(first)
    })
  })
}
