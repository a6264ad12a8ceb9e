/** `GET /v1/rounds/categories`: the categories a category round may name on a day, as holding and simulating judge them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { roundCategoriesSchema } from '../../src/api/routes/rounds.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { categoriesInForce } from '../../src/rules/categories/catalog.js'
import { openStore, type Store } from '../../src/store/index.js'
import { UNKNOWN_LIST_CATEGORY, withUnknownList } from '../pool/fixtures.js'

let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openStore(':memory:')
  app = createApp({ pool: { store, eligibility: withUnknownList(realEligibility()) }, expensiveLimit: { burst: 1000, perSecond: 1000 } })
})
afterAll(async () => {
  await store.close()
})

type Answer = { on: string; categories: { id: string; label: string; roundable: boolean; reason?: string }[] }
const get = async (path: string) => {
  const res = await app.request(path)
  return { status: res.status, body: (await res.json()) as Answer & { code?: string } }
}

describe('GET /v1/rounds/categories', () => {
  it('lists the versions in force on the day, with their labels, as the published schema says', async () => {
    const { status, body } = await get('/v1/rounds/categories?on=2023-07-05')
    expect(status).toBe(200)
    expect(roundCategoriesSchema.safeParse(body).success).toBe(true)
    expect(body.on).toBe('2023-07-05')
    expect(body.categories.map((c) => c.id)).toEqual([...categoriesInForce('2023-07-05').map((c) => c.id), UNKNOWN_LIST_CATEGORY])
    expect(body.categories.find((c) => c.id === 'stem-2023-1')).toEqual({ id: 'stem-2023-1', label: 'STEM occupations (2023-1)', roundable: true })
  })

  it('defaults to today, when the 2023 versions are no longer in force', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const { body } = await get('/v1/rounds/categories')
    expect(body.on).toBe(today)
    expect(body.categories.map((c) => c.id)).toEqual([...categoriesInForce(today as never).map((c) => c.id), UNKNOWN_LIST_CATEGORY])
    expect(body.categories.map((c) => c.id)).not.toContain('stem-2023-1')
  })

  it('says which cannot be rounded on, and why; every other one is accepted by a simulated round that day', async () => {
    const { body } = await get('/v1/rounds/categories?on=2026-11-02')
    const unknown = body.categories.find((c) => c.id === UNKNOWN_LIST_CATEGORY)!
    expect(unknown.roundable).toBe(false)
    expect(unknown.reason).toMatch(/not known/)
    for (const c of body.categories) {
      const res = await app.request('/v1/rounds/simulate', { method: 'POST', body: JSON.stringify({ at: '2026-11-02T14:00:00Z', kind: 'category', category: c.id, size: 10 }), headers: { 'content-type': 'application/json' } })
      expect(res.status, c.id).toBe(c.roundable ? 200 : 400)
    }
  })

  it('a bad day is a 400 problem naming the field; without a pool, 503', async () => {
    const bad = await get('/v1/rounds/categories?on=2023-13-01')
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('invalid_input')
    expect((await createApp().request('/v1/rounds/categories')).status).toBe(503)
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }
    expect(doc.paths['/v1/rounds/categories']?.get).toBeDefined()
    expect(doc.components.schemas.RoundCategories).toBeDefined()
  })
})
