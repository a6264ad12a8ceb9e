import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/domain/dates.js'
import { AREA_LAST_VERIFIED } from '../../src/rules/verified.js'
import { createApp } from '../../src/api/app.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { openStore, type Store } from '../../src/store/index.js'
import { UNKNOWN_LIST_CATEGORY, withUnknownList } from '../pool/fixtures.js'

const TOKEN = 'pool-token'
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>
const eligibility = realEligibility()
const generated = [...generatePool({ size: 300, seed: 7, like: '2025-06-01', eligibility })].map((g) => g.profile)

let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openStore(':memory:')
  app = createApp({ token: TOKEN, pool: { store, eligibility } })
})
afterAll(async () => {
  await store.close()
})

type Problem = { status: number; code: string; detail?: string; issues?: { path: string; message: string }[] }

describe('POST /v1/pool/profiles', () => {
  it('needs the token', async () => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', body: JSON.stringify(example) })
    expect(res.status).toBe(401)
  })

  it('stores an array of profiles (201)', async () => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify(generated) })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ added: 300, updated: 0, rejected: [] })
  })

  it('a bad profile in an array is rejected by index with its field path; the others are stored', async () => {
    const bad = { ...example, id: 'bad-1', dateOfBirth: '1990-02-30' }
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify([{ ...example, id: 'ok-1' }, bad]) })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { added: number; rejected: { index: number; issues: { path: string }[] }[] }
    expect(body.added).toBe(1)
    expect(body.rejected[0]).toMatchObject({ index: 1 })
    expect(body.rejected[0]!.issues.map((i) => i.path)).toContain('dateOfBirth')
  })

  it.each([
    { name: 'a single bad profile', body: JSON.stringify({ ...example, maritalStatus: 'complicated' }), path: 'maritalStatus' },
    { name: 'an empty array', body: '[]', path: '' },
    { name: 'not JSON', body: '{', path: '' },
  ])('$name → 400 problem', async ({ body, path }) => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body })
    expect(res.status).toBe(400)
    const doc = (await res.json()) as Problem
    expect(doc.issues?.map((i) => i.path)).toContain(path)
  })
})

describe('GET /v1/pool/distribution', () => {
  it('counts the active profiles by IRCC range', async () => {
    const res = await app.request('/v1/pool/distribution?at=2025-06-01T00:00:00Z')
    expect(res.status).toBe(200)
    const { distribution } = (await res.json()) as { distribution: { range: string; count: number }[] }
    expect(distribution.at(-1)).toMatchObject({ range: 'total' })
    expect(distribution.at(-1)!.count).toBeGreaterThan(250)
  })

  it('a bad instant → 400 naming at', async () => {
    const res = await app.request('/v1/pool/distribution?at=yesterday')
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).issues?.[0]?.path).toBe('at')
  })
})

describe('rounds on the pool', () => {
  const round = { at: '2025-06-02T14:00:00Z', kind: 'general', size: 50 }

  it('simulate is public and writes nothing; who would be invited is listed only with a token', async () => {
    const open = (await (await app.request('/v1/rounds/simulate', { method: 'POST', body: JSON.stringify(round) })).json()) as Record<string, unknown>
    expect(open).toMatchObject({ simulated: true, invited: 50 })
    expect(open).not.toHaveProperty('invitations')
    const a = await app.request('/v1/rounds/simulate', { method: 'POST', headers: auth, body: JSON.stringify(round) })
    expect(a.status).toBe(200)
    const sim = (await a.json()) as { simulated: boolean; invited: number; lowestScore: number; invitations: { score: number }[] }
    expect(sim).toMatchObject({ simulated: true, invited: 50 })
    expect(sim.invitations.at(-1)!.score).toBe(sim.lowestScore)
    const again = (await (await app.request('/v1/rounds/simulate', { method: 'POST', body: JSON.stringify(round) })).json()) as { lowestScore: number }
    expect(again.lowestScore).toBe(sim.lowestScore)
  })

  it('a round simulated on a day after the rules were last verified says so; one before does not', async () => {
    const on = async (at: string) => (await (await app.request('/v1/rounds/simulate', { method: 'POST', body: JSON.stringify({ ...round, at }) })).json()) as { notices?: { code: string; path: string; lastVerified: string; message: string }[] }
    const later = await on(`${addDays(AREA_LAST_VERIFIED.crs, 1)}T14:00:00Z`)
    expect(later.notices).toEqual([expect.objectContaining({ code: 'rules_not_verified', path: 'at', lastVerified: AREA_LAST_VERIFIED.crs, message: `rules last verified on ${AREA_LAST_VERIFIED.crs}; a change after that day is not known to this version` })])
    expect(await on(round.at)).not.toHaveProperty('notices')
  })

  it('run needs the token', async () => {
    const res = await app.request('/v1/rounds/run', { method: 'POST', body: JSON.stringify(round) })
    expect(res.status).toBe(401)
  })

  it('run holds the round (201), the same request replays it (200), invitations are listed in rank order', async () => {
    const sim = (await (await app.request('/v1/rounds/simulate', { method: 'POST', body: JSON.stringify(round) })).json()) as { lowestScore: number; tieBreakCutoff: string }
    const res = await app.request('/v1/rounds/run', { method: 'POST', headers: auth, body: JSON.stringify(round) })
    expect(res.status).toBe(201)
    const held = (await res.json()) as { number: number; invited: number; lowestScore: number; tieBreakCutoff: string }
    expect(held).toMatchObject({ number: 1, invited: 50, lowestScore: sim.lowestScore, tieBreakCutoff: sim.tieBreakCutoff })
    const replay = await app.request('/v1/rounds/run', { method: 'POST', headers: auth, body: JSON.stringify(round) })
    expect(replay.status).toBe(200)
    expect((await app.request('/v1/rounds/run/1/invitations')).status).toBe(401)
    const inv = (await (await app.request('/v1/rounds/run/1/invitations', { headers: auth })).json()) as { count: number; invitations: { rank: number; score: number }[] }
    expect(inv.count).toBe(50)
    expect(inv.invitations.map((i) => i.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect((await app.request('/v1/rounds/run/1')).status).toBe(200)
  })

  it('once held, simulate answers what run answers: the held round for the same request, 409 for an earlier instant', async () => {
    const held = (await (await app.request('/v1/rounds/run/1')).json()) as Record<string, unknown>
    const sim = await app.request('/v1/rounds/simulate', { method: 'POST', headers: auth, body: JSON.stringify(round) })
    expect(sim.status).toBe(200)
    const body = (await sim.json()) as Record<string, unknown> & { invitations: { rank: number }[] }
    expect(body).toMatchObject({ simulated: true, replayed: true, number: 1, lowestScore: held.lowestScore, tieBreakCutoff: held.tieBreakCutoff, digest: held.digest, invited: 50 })
    expect(body.invitations.map((i) => i.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    const earlier = JSON.stringify({ at: '2025-01-01T00:00:00Z', kind: 'general', size: 10 })
    const simulated = await app.request('/v1/rounds/simulate', { method: 'POST', headers: auth, body: earlier })
    expect(simulated.status).toBe(409)
    // The last round's instant as every instant is written: to the second, no milliseconds.
    expect(((await simulated.json()) as Problem).detail).toContain('is earlier than the last round (2025-06-02T14:00:00Z)')
  })

  it.each([
    { name: 'program round without a program', body: { at: '2025-06-03T00:00:00Z', kind: 'program', size: 10 }, status: 400, path: 'program' },
    { name: 'size 0', body: { at: '2025-06-03T00:00:00Z', kind: 'general', size: 0 }, status: 400, path: 'size' },
    { name: 'unknown category', body: { at: '2025-06-03T00:00:00Z', kind: 'category', category: 'astronauts', size: 10 }, status: 400, path: 'category' },
    { name: 'earlier than the last round', body: { at: '2025-01-01T00:00:00Z', kind: 'general', size: 10 }, status: 409, path: null },
    { name: 'dated ahead of now (a typo in the year)', body: { at: '2099-06-03T00:00:00Z', kind: 'general', size: 10 }, status: 400, path: 'at' },
    { name: 'before Express Entry opened', body: { at: '2014-11-30T00:00:00Z', kind: 'general', size: 10 }, status: 400, path: 'at' },
  ])('run: $name → $status', async ({ body, status, path }) => {
    const res = await app.request('/v1/rounds/run', { method: 'POST', headers: auth, body: JSON.stringify(body) })
    expect(res.status).toBe(status)
    if (path) expect(((await res.json()) as Problem).issues?.map((i) => i.path)).toContain(path)
  })

  it("a category whose list of occupations is not known: run and simulate refuse it (400 problem+json naming the category and why), and nothing is held", async () => {
    const unknownApp = createApp({ token: TOKEN, pool: { store, eligibility: withUnknownList(eligibility) } })
    const body = JSON.stringify({ at: '2025-06-04T00:00:00Z', kind: 'category', category: UNKNOWN_LIST_CATEGORY, size: 10 })
    for (const [path, headers] of [['/v1/rounds/run', auth], ['/v1/rounds/simulate', { 'content-type': 'application/json' }]] as const) {
      const res = await unknownApp.request(path, { method: 'POST', headers, body })
      expect(res.status, path).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const doc = (await res.json()) as Problem
      expect(doc.issues, path).toEqual([{ path: 'category', message: expect.stringMatching(/^no round can be held for test-unknown-list: who is eligible cannot be told\. The list of occupations of .* is not known/) as unknown as string }])
    }
    expect((await unknownApp.request('/v1/rounds/run/2')).status).toBe(404)
  })

  it('a profile submitted after now is rejected on submittedAt (not as ineligible), the others stored', async () => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify([{ ...example, id: 'ok-now' }, { ...example, id: 'future', submittedAt: '2099-01-01T10:00:00Z' }]) })
    expect(res.status).toBe(201)
    const out = (await res.json()) as { added: number; rejected: { index: number; issues: { path: string; message: string }[] }[] }
    expect(out.rejected).toEqual([{ index: 1, id: 'future', issues: [expect.objectContaining({ path: 'submittedAt', message: expect.stringMatching(/^is after now \(20\d\d-.+\): a profile enters the pool when it is submitted/) as unknown as string })] }])
  })

  it('a profile with a code that is not a NOC 2021 unit group is rejected with its field path, the others stored', async () => {
    const bad = { ...example, id: 'bad-noc', work: [{ noc: '99999', country: 'CA', from: '2021-01-04', to: null, hoursPerWeek: 40 }] }
    const res = await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify([{ ...example, id: 'ok-noc' }, bad]) })
    expect(res.status).toBe(201)
    const out = (await res.json()) as { added: number; rejected: { index: number; issues: { path: string; message: string }[] }[] }
    expect(out.rejected).toEqual([{ index: 1, id: 'bad-noc', issues: [expect.objectContaining({ path: 'work.0.noc', message: expect.stringMatching(/not a NOC 2021 unit group/) as unknown as string })] }])
  })

  it.each(['0', 'abc', '99'])('GET /v1/rounds/run/%s/invitations → 400 or 404, never 5xx', async (n) => {
    const res = await app.request(`/v1/rounds/run/${n}/invitations`, { headers: auth })
    expect([400, 404]).toContain(res.status)
  })
})
