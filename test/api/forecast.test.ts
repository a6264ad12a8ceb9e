import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { forecast } from '../../src/forecast/index.js'
import { loadRounds } from '../../src/history/load.js'
import { forecastSchema } from '../../src/schemas/forecast.js'
import { profileSchema } from '../../src/schemas/profile.js'

const rounds = loadRounds()
const app = createApp({ history: { rounds: () => rounds } })
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>
const post = (body: unknown) => app.request('/v1/forecast', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })

describe('POST /v1/forecast', () => {
  it('gives the library answer (one answer everywhere)', async () => {
    const res = await post({ asOf: '2026-08-20', horizonDays: 180, seed: 3, profile: example })
    expect(res.status).toBe(200)
    const body = await res.json()
    const library = forecast({ kind: 'profile', profile: profileSchema.parse(example) }, rounds, { asOf: '2026-08-20', horizonDays: 180, seed: 3 })
    expect(body).toEqual(JSON.parse(JSON.stringify(library)))
  })

  it("passes on how current the record is: a record seen weeks before the day forecasts with the rounds since unseen, as the library does", async () => {
    const info = { source: 'test', refreshedAt: '2026-11-29T00:00:00Z', checkedAt: null, currentAsOf: '2026-10-01T00:00:00Z', lastFailure: null, rounds: rounds.length, lastRound: null }
    const stale = createApp({ history: { rounds: () => rounds, info: () => info } })
    const res = await stale.request('/v1/forecast', { method: 'POST', body: JSON.stringify({ asOf: '2026-11-30', profile: example }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { model: { unseenDays: number }; notes: { code: string }[] }
    const library = forecast({ kind: 'profile', profile: profileSchema.parse(example) }, rounds, { asOf: '2026-11-30', recordCurrentTo: '2026-10-01' })
    expect(body).toEqual(JSON.parse(JSON.stringify(library)))
    expect(body.model.unseenDays).toBe(59)
    expect(body.notes.map((n) => n.code)).toContain('record_stops_short')
    // The answer is what the OpenAPI document says it is.
    expect(forecastSchema.safeParse(body).error).toBeUndefined()
  })

  it('bad input is a 400 problem naming the field', async () => {
    const res = await post({ asOf: '2026-08-20', horizonDays: 0, profile: example })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('horizonDays')
    const noc = await post({ asOf: '2026-08-20', profile: { ...example, work: [{ noc: '2123', country: 'CA', from: '2023-06-01', to: null, hoursPerWeek: 40 }] } })
    expect(noc.status).toBe(400)
    expect(((await noc.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('profile.work.0.noc')
  })

  it('without a record of rounds: 503', async () => {
    const res = await createApp().request('/v1/forecast', { method: 'POST', body: JSON.stringify({ profile: example }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(503)
  })

  it('the track record is served, and both operations are in the OpenAPI document', async () => {
    const res = await app.request('/v1/forecast/track-record')
    expect(res.status).toBe(200)
    const b = (await res.json()) as { brier: { model: number }; calibration: unknown[] }
    expect(b.brier.model).toBeGreaterThan(0)
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }
    expect(doc.paths['/v1/forecast']).toHaveProperty('post')
    expect(doc.paths['/v1/forecast/track-record']).toHaveProperty('get')
    expect(doc.components.schemas).toHaveProperty('Forecast')
    expect(doc.components.schemas).toHaveProperty('ForecastRequest')
  })
})

describe('what the forecast page sends (its footer: "not stored")', () => {
  it('POST /v1/forecast keeps nothing of the profile: the log names the path only, and the record is not written', async () => {
    const entries: Record<string, unknown>[] = []
    const history = { rounds: () => rounds }
    const logged = createApp({ history, log: (e) => entries.push(e) })
    const marker = 'privacy-marker-7f3a'
    const res = await logged.request('/v1/forecast', { method: 'POST', body: JSON.stringify({ asOf: '2026-08-20', profile: { ...example, id: marker } }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(200)
    expect(entries).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/forecast', status: 200 })])
    expect(JSON.stringify(entries)).not.toContain(marker)
    expect(history.rounds()).toBe(rounds)
  })
})
