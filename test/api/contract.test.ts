/** Answers match the schemas the OpenAPI document publishes for them. */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { crsResultSchema, problemSchema } from '../../src/api/openapi.js'
import { eligibilityResultSchema, heldRoundSchema, invitationsSchema, pastRoundSchema, roundsListSchema, simulationSchema } from '../../src/api/response-schemas.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { openStore, type Store } from '../../src/store/index.js'
import type { z } from 'zod'

const rounds = loadRounds()
const eligibility = realEligibility()
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as object
const auth = { authorization: 'Bearer c', 'content-type': 'application/json' }
let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openStore(':memory:')
  app = createApp({ token: 'c', history: { rounds: () => rounds }, pool: { store, eligibility } })
  const profiles = [...generatePool({ size: 120, seed: 11, like: '2025-06-01', eligibility })].map((g) => g.profile)
  await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify(profiles) })
})
afterAll(async () => {
  await store.close()
})

const round = { at: '2025-06-02T00:00:00Z', kind: 'general', size: 20 }

describe('responses match their published schemas', () => {
  it.each<{ name: string; method: string; path: string; body?: unknown; schema: z.ZodType }>([
    { name: 'CrsResult with trace', method: 'POST', path: '/v1/crs/score?explain=1', body: { asOf: '2026-01-15', profile: example }, schema: crsResultSchema },
    { name: 'Problem', method: 'POST', path: '/v1/crs/score', body: { age: 'x' }, schema: problemSchema },
    { name: 'EligibilityResult', method: 'POST', path: '/v1/eligibility', body: { asOf: '2026-01-15', profile: example }, schema: eligibilityResultSchema },
    { name: 'PastRound', method: 'GET', path: '/v1/rounds/254', schema: pastRoundSchema },
    { name: 'RoundsList', method: 'GET', path: '/v1/rounds?year=2024&distribution=1', schema: roundsListSchema },
    { name: 'Simulation', method: 'POST', path: '/v1/rounds/simulate', body: round, schema: simulationSchema },
    { name: 'HeldRound', method: 'POST', path: '/v1/rounds/run', body: round, schema: heldRoundSchema },
    { name: 'Invitations', method: 'GET', path: '/v1/rounds/run/1/invitations', schema: invitationsSchema },
  ])('$name', async ({ method, path, body, schema }) => {
    const res = await app.request(path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const json: unknown = await res.json()
    const parsed = schema.safeParse(json)
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true)
  })
})
