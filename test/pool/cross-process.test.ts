/**
 * Rounds from separate processes on one SQLite file (WAL): two rounds started at once never invite the
 * same profile, and a process killed in the middle of a round leaves nothing written. Each child is a
 * nested vitest run of cross-process.child.test.ts (no build needed).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { roundInvitations } from '../../src/pool/rounds.js'
import { openStore, type Store } from '../../src/store/index.js'
import { profileInput, testEligibility as eligibility } from './fixtures.js'

function child(job: object): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/pool/cross-process.child.test.ts'], {
      env: { ...process.env, EE_CHILD_ROUND: JSON.stringify(job), DIALECTS: 'sqlite' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.stderr.on('data', (d: Buffer) => (out += d.toString()))
    // A killed vitest worker makes the parent vitest exit with an error: the outcome is read from the database.
    p.on('close', (code, signal) => resolve({ code, signal, out }))
  })
}

const pool = Array.from({ length: 1200 }, (_, i) =>
  profileInput(`p-${String(i).padStart(4, '0')}`, new Date(Date.UTC(2022, 10, 1) + i * 61_000).toISOString().replace('.000Z', 'Z'), {
    english: (['high', 'mid', 'low'] as const)[i % 3]!,
    noc: i % 2 === 0 ? '21231' : '31301',
    dob: `199${i % 10}-0${1 + (i % 9)}-15`,
  }),
)

describe('rounds from separate processes on one SQLite file', () => {
  let dir: string
  let db: string
  let store: Store
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ee-xproc-'))
    db = join(dir, 'pool.db')
    store = await openStore(db)
    await importProfiles(store, pool.map((p) => JSON.stringify(p)), { eligibility, asOf: '2023-07-05' })
  }, 120_000)
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('two rounds started at once never invite the same profile', { timeout: 300_000 }, async () => {
    const at = '2023-07-05T13:38:22Z'
    const [a, b] = await Promise.all([child({ db, request: { at, kind: 'general', size: 700 } }), child({ db, request: { at, kind: 'category', category: 'stem-2023-1', size: 500 } })])
    expect(a.out).toContain('ROUND ')
    expect(b.out).toContain('ROUND ')
    const rounds = [a, b].map((r) => JSON.parse(r.out.split('ROUND ')[1]!.split('\n')[0]!) as { number: number; invited: number })
    expect(rounds.map((r) => r.number).sort()).toEqual([1, 2])
    const invited = [...(await roundInvitations(store, 1)), ...(await roundInvitations(store, 2))]
    // The second round ranks what the first one left: the general round takes 700, the STEM round up to 500 of the rest.
    expect(invited).toHaveLength(rounds[0]!.invited + rounds[1]!.invited)
    expect(invited.length).toBeGreaterThan(700)
    expect(new Set(invited.map((i) => i.profileId)).size).toBe(invited.length)
  })

  it('a process killed in the middle of a round leaves nothing written', { timeout: 300_000 }, async () => {
    const run = await child({ db, request: { at: '2023-07-05T13:38:22Z', kind: 'general', size: 1000 }, killAfter: 500 })
    expect(run.out).not.toContain('ROUND ')
    expect(await store.db.selectFrom('round').selectAll().execute()).toEqual([])
    expect(await store.db.selectFrom('invitation').selectAll().execute()).toEqual([])
    const statuses = await store.db.selectFrom('profile').select('status').distinct().execute()
    expect(statuses).toEqual([{ status: 'active' }])
  })
})
