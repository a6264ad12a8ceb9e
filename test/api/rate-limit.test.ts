import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { createApp } from '../../src/api/app.js'
import { errorHandler } from '../../src/api/error-handler.js'
import { rateLimit } from '../../src/api/rate-limit.js'
import { loadRounds } from '../../src/history/load.js'

describe('rate limit on expensive operations', () => {
  it('a burst beyond the limit gets 429 problem+json with Retry-After; tokens come back with time', async () => {
    let clock = 0
    const app = new Hono()
    app.use('/x', rateLimit({ burst: 3, perSecond: 2 }, () => clock))
    app.get('/x', (c) => c.text('ok'))
    app.onError(errorHandler(() => undefined))
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/x')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const res = await app.request('/x')
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('retry-after')).toBe('1')
    clock += 500 // half a second: one token back
    expect((await app.request('/x')).status).toBe(200)
    expect((await app.request('/x')).status).toBe(429)
  })

  it('POST /v1/outlook is limited; /v1/crs/score is not', async () => {
    const rounds = loadRounds()
    const app = createApp({ history: { rounds: () => rounds }, expensiveLimit: { burst: 2, perSecond: 0.001 } })
    const body = JSON.stringify({ asOf: '2025-06-01', factors: { age: 30, education: 'masters', firstLanguage: null } })
    const outlook = []
    for (let i = 0; i < 3; i++) outlook.push((await app.request('/v1/outlook', { method: 'POST', body })).status)
    expect(outlook).toEqual([200, 200, 429])
    for (let i = 0; i < 5; i++) expect((await app.request('/v1/crs/score', { method: 'POST', body })).status).toBe(200)
  })
})
