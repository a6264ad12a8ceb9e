import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createApp } from '../../src/api/app.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { openStore, type Store } from '../../src/store/index.js'

const TOKEN = 'fuzz'
let store: Store
let app: ReturnType<typeof createApp>
const rounds = loadRounds()

beforeAll(async () => {
  store = await openStore(':memory:')
  app = createApp({ token: TOKEN, pool: { store, eligibility: realEligibility() }, history: { rounds: () => rounds }, expensiveLimit: { burst: 1e9, perSecond: 1e9 } })
})
afterAll(async () => {
  await store.close()
})

// Values shaped a little like the real inputs, so the fuzzing reaches past the first check.
const nearFactors = fc.record(
  { age: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.jsonValue()), education: fc.constantFrom('masters', 'none', 'phd', 7), firstLanguage: fc.oneof(fc.constant(null), fc.jsonValue(), fc.record({ language: fc.constantFrom('english', 'french', 'x'), clb: fc.jsonValue() })), spouse: fc.jsonValue() },
  { requiredKeys: [] },
)
const nearProfile = fc.record(
  { id: fc.string(), submittedAt: fc.constantFrom('2025-01-01T00:00:00Z', 'x'), dateOfBirth: fc.constantFrom('1990-01-01', '1990-02-30', 3), maritalStatus: fc.constantFrom('single', 'married', 'x'), languageTests: fc.jsonValue(), work: fc.jsonValue(), education: fc.jsonValue() },
  { requiredKeys: [] },
)
const nearRound = fc.record({ at: fc.constantFrom('2025-06-01T00:00:00Z', '2025-06-01', 'x'), kind: fc.constantFrom('general', 'program', 'category', 'x'), size: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.jsonValue()), program: fc.jsonValue(), category: fc.jsonValue() }, { requiredKeys: [] })
const bodies = fc.oneof(fc.jsonValue(), nearFactors, nearProfile, nearRound, fc.record({ asOf: fc.oneof(fc.constant('2025-06-01'), fc.jsonValue()), factors: nearFactors }, { requiredKeys: [] }), fc.record({ asOf: fc.jsonValue(), profile: nearProfile }, { requiredKeys: [] }))

describe.each(['/v1/crs/score', '/v1/eligibility', '/v1/outlook', '/v1/pool/profiles', '/v1/rounds/run', '/v1/rounds/simulate'])('POST %s', (path) => {
  it('answers any JSON body with 2xx, 4xx (problem+json), never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } })
        expect(res.status, `${res.status} for ${JSON.stringify(body).slice(0, 300)}: ${await res.clone().text()}`).toBeLessThan(500)
        if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json')
      }),
      { numRuns: 150 },
    )
  })
})

describe.each(['/v1/rounds', '/v1/pool/distribution'])('GET %s', (path) => {
  it('answers any query with 2xx or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('year', 'type', 'from', 'to', 'at', 'category', 'program', 'distribution', 'x'), fc.string({ maxLength: 20 })), async (query) => {
        const res = await app.request(`${path}?${new URLSearchParams(query)}`)
        expect(res.status).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
  })
})
