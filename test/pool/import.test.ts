/**
 * Importing profiles on each database: bad lines reported with their numbers while the rest go in,
 * entry only for profiles eligible at their submission, updates that keep submittedAt, nothing
 * half-written when the store fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importProfiles, jsonlBytes, respondToInvitation, withdrawProfile } from '../../src/pool/lifecycle.js'
import { holdRound } from '../../src/pool/rounds.js'
import type { Store } from '../../src/store/index.js'
import { DIALECTS, freshStore, postgresSkipReason, type TestStore } from '../setup/dialects.js'
import { profileInput, testEligibility as eligibility } from './fixtures.js'

const line = (o: unknown): string => JSON.stringify(o)

async function profileRow(store: Store, id: string) {
  return store.db.selectFrom('profile').selectAll().where('id', '=', id).executeTakeFirst()
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' ? postgresSkipReason() : null
  if (skip) console.warn(`\n*** SKIPPED: PostgreSQL storage suites (${skip}) ***\n`)
  describe.skipIf(skip !== null)(`importing profiles on ${dialect}`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await freshStore(dialect)
    })
    afterEach(async () => {
      await t.cleanup()
    })

    it('reports bad lines with their numbers and imports the rest', async () => {
      const lines = [
        line(profileInput('a', '2023-01-01T00:00:00Z')),
        '{not json',
        '',
        line({ ...profileInput('b', '2023-01-02T00:00:00Z'), dateOfBirth: '1990-02-30' }),
        line(profileInput('c', '2023-01-03T00:00:00Z')),
      ]
      const r = await importProfiles(t.store, lines, { eligibility, batchSize: 2 })
      expect(r.added).toBe(2)
      expect(r.rejected.map((x) => [x.line, x.id, x.issues[0]!.path])).toEqual([
        [2, undefined, ''],
        [4, 'b', 'dateOfBirth'],
      ])
      expect(r.rejected[1]!.issues[0]!.message).toMatch(/real calendar date.*"1990-02-30"/)
    })

    it('reads raw JSONL bytes (a file, stdin) with the same line numbers, CRLF endings and blank lines included', async () => {
      const text = [line(profileInput('a', '2023-01-01T00:00:00Z')), '{not json', '', line({ ...profileInput('b', '2023-01-02T00:00:00Z'), dateOfBirth: '1990-02-30' }), line(profileInput('c', '2023-01-03T00:00:00Z'))].join('\r\n')
      const bytes = new TextEncoder().encode(text)
      // Cut in the middle of lines, as a stream may deliver them.
      const chunks = async function* () {
        for (let at = 0; at < bytes.length; at += 37) yield bytes.subarray(at, at + 37)
      }
      const r = await importProfiles(t.store, jsonlBytes(chunks()), { eligibility })
      expect(r.added).toBe(2)
      expect(r.rejected.map((x) => [x.line, x.id, x.issues[0]!.path])).toEqual([
        [2, undefined, ''],
        [4, 'b', 'dateOfBirth'],
      ])
      expect((await profileRow(t.store, 'c'))?.submitted_at).toBe('2023-01-03T00:00:00Z')
    })

    it('lets in only profiles eligible for a program at their own submission instant', async () => {
      // The language test was taken after the submission: no valid result on the submission day.
      const r = await importProfiles(t.store, [line(profileInput('late-test', '2023-01-01T00:00:00Z', { testDate: '2023-02-01' }))], { eligibility })
      expect(r.added).toBe(0)
      expect(r.rejected[0]!.issues[0]).toMatchObject({ path: 'submittedAt', message: expect.stringMatching(/not eligible for any Express Entry program .* on 2023-01-01/) })
    })

    it('an update keeps the first submittedAt and rescores the profile', async () => {
      await importProfiles(t.store, [line(profileInput('a', '2023-01-01T00:00:00Z'))], { eligibility })
      const before = await profileRow(t.store, 'a')
      const r = await importProfiles(t.store, [line(profileInput('a', '2023-03-01T00:00:00Z', { english: 'high' }))], { eligibility })
      expect(r).toMatchObject({ added: 0, updated: 1, rejected: [] })
      const after = await profileRow(t.store, 'a')
      expect(after!.submitted_at).toBe('2023-01-01T00:00:00Z')
      expect(after!.score).toBeGreaterThan(before!.score)
      const facts = await t.store.db.selectFrom('profile_facts').select('facts').where('id', '=', 'a').executeTakeFirstOrThrow()
      expect(JSON.parse(facts.facts).submittedAt).toBe('2023-01-01T00:00:00Z')
    })

    it('a profile twice in one import is added once (the first line); the second is rejected naming both lines', async () => {
      const r = await importProfiles(t.store, [line(profileInput('a', '2023-01-01T00:00:00Z')), line(profileInput('a', '2023-02-01T00:00:00Z', { english: 'high' }))], { eligibility })
      expect(r).toMatchObject({ added: 1, updated: 0, rejected: [{ line: 2, id: 'a', issues: [{ path: 'id', message: expect.stringMatching(/duplicate id: profile a is already on line 1 of this import \(line 2 was left out/) }] }] })
      expect((await profileRow(t.store, 'a'))!.submitted_at).toBe('2023-01-01T00:00:00Z')
    })

    it('ids PostgreSQL could not store (NUL) or that look like others (zero-width, overrides) are rejected by line on every store; the rest go in', async () => {
      const r = await importProfiles(t.store, [line(profileInput('a\u0000b', '2023-01-01T00:00:00Z')), line(profileInput('ok', '2023-01-01T00:00:00Z')), line(profileInput('a\u200bb', '2023-01-01T00:00:00Z')), line(profileInput('\u202eb', '2023-01-01T00:00:00Z'))], { eligibility })
      expect(r.added).toBe(1)
      expect(r.rejected.map((x) => [x.line, x.issues[0]!.path])).toEqual([[1, 'id'], [3, 'id'], [4, 'id']])
      expect((await t.store.db.selectFrom('profile').select('id').execute()).map((x) => x.id)).toEqual(['ok'])
    })

    it('raw JSONL bytes: a line that is not UTF-8, or over 1 MiB, is rejected by line and nothing is replaced', async () => {
      const good = line(profileInput('josé', '2023-01-01T00:00:00Z'))
      async function* bytes() {
        yield Buffer.from(`${good}\n`)
        yield Buffer.from(`${line(profileInput('jos\u00e8', '2023-01-01T00:00:00Z'))}\n`, 'latin1')
        yield Buffer.from(`{"id":"${'z'.repeat(1 << 20)}"}\n`)
      }
      const r = await importProfiles(t.store, jsonlBytes(bytes()), { eligibility })
      expect(r.added).toBe(1)
      expect(r.rejected).toEqual([
        { line: 2, issues: [{ path: '', message: expect.stringMatching(/^not valid UTF-8: invalid UTF-8 \(byte 0xE8\) at byte offset 10 of the line/) }] },
        { line: 3, issues: [{ path: '', message: `the line is ${(1 << 20) + 9} bytes long: lines are limited to 1048576 bytes (1 MiB); it was skipped unread` }] },
      ])
      expect((await t.store.db.selectFrom('profile').select('id').execute()).map((x) => x.id)).toEqual(['josé'])
    })

    it('refuses to update a withdrawn profile or one holding an invitation', async () => {
      await importProfiles(t.store, [line(profileInput('a', '2023-01-01T00:00:00Z')), line(profileInput('b', '2023-01-01T00:00:01Z', { english: 'high' }))], { eligibility })
      await withdrawProfile(t.store, 'a', '2023-02-01T00:00:00Z')
      await holdRound(t.store, { at: '2023-03-01T00:00:00Z', kind: 'general', size: 1 }, { eligibility })
      const r = await importProfiles(t.store, [line(profileInput('a', '2023-01-01T00:00:00Z')), line(profileInput('b', '2023-01-01T00:00:01Z'))], { eligibility })
      expect(r.rejected.map((x) => x.issues[0]!.message)).toEqual([expect.stringMatching(/withdrawn/), expect.stringMatching(/open invitation/)])
      await respondToInvitation(t.store, 'b', 'decline', '2023-03-02T00:00:00Z')
      const again = await importProfiles(t.store, [line(profileInput('b', '2023-01-01T00:00:01Z'))], { eligibility })
      expect(again).toMatchObject({ updated: 1, rejected: [] })
    })

    it('nothing is written when the store fails in the middle of an import', async () => {
      const lines = function* () {
        yield line(profileInput('a', '2023-01-01T00:00:00Z'))
        yield line(profileInput('b', '2023-01-02T00:00:00Z'))
        throw new Error('disk full')
      }
      await expect(importProfiles(t.store, lines(), { eligibility, batchSize: 1 })).rejects.toThrow('disk full')
      expect(await t.store.db.selectFrom('profile').selectAll().execute()).toEqual([])
      expect(await t.store.db.selectFrom('pool_event').selectAll().execute()).toEqual([])
    })
  })
}
