import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { loadRounds } from '../../src/history/load.js'

const rounds = loadRounds()
const app = createApp({ history: { rounds: () => rounds } })

type Round = { number: string; date: string; lowestScore: number; size: number; tieBreakCutoff: string | null; distribution?: unknown }

describe('GET /v1/rounds', () => {
  it('lists the whole record, oldest first, without distributions by default', async () => {
    const res = await app.request('/v1/rounds')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { count: number; rounds: Round[] }
    expect(body.count).toBe(rounds.length)
    expect(body.rounds[0]).toMatchObject({ number: '1', date: '2015-01-31' })
    expect(body.rounds[0]!.distribution).toBeUndefined()
  })

  it.each([
    { query: 'year=2023&category=stem', check: (r: Round[]) => r.length > 0 && r.every((x) => x.date.startsWith('2023')) },
    { query: 'type=program&program=cec&from=2024-01-01', check: (r: Round[]) => r.every((x) => x.date >= '2024-01-01') },
    { query: 'distribution=1&year=2024', check: (r: Round[]) => r.some((x) => Array.isArray(x.distribution)) },
  ])('filters: $query', async ({ query, check }) => {
    const res = await app.request(`/v1/rounds?${query}`)
    expect(res.status).toBe(200)
    expect(check(((await res.json()) as { rounds: Round[] }).rounds)).toBe(true)
  })

  it.each([
    { query: 'year=abc', path: 'year' },
    { query: 'type=lottery', path: 'type' },
    { query: 'from=2024-13-01', path: 'from' },
    { query: 'sort=desc', path: 'sort' },
  ])('bad filter $query → 400 naming $path', async ({ query, path }) => {
    const res = await app.request(`/v1/rounds?${query}`)
    expect(res.status).toBe(400)
    const doc = (await res.json()) as { issues: { path: string }[] }
    expect(doc.issues.map((i) => i.path)).toContain(path)
  })
})

describe('compression', () => {
  it('the record is gzipped for clients that accept it', async () => {
    const res = await app.request('/v1/rounds', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const { gunzipSync } = await import('node:zlib')
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as { count: number }
    expect(body.count).toBe(rounds.length)
  })
})

describe('GET /v1/rounds/{number}', () => {
  it('round 254 (STEM 2023-1): the same fields as the record', async () => {
    const res = await app.request('/v1/rounds/254')
    expect(res.status).toBe(200)
    const round = (await res.json()) as Round
    expect(round).toEqual(JSON.parse(JSON.stringify(rounds.find((r) => r.number === '254'))))
    expect(round.lowestScore).toBe(486)
  })

  it.each(['99999', 'abc', '%00'])('%s → 404 problem', async (n) => {
    const res = await app.request(`/v1/rounds/${n}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('GET /v1/rounds/stats', () => {
  it('statistics by type and by year', async () => {
    const res = await app.request('/v1/rounds/stats')
    const body = (await res.json()) as { byType: { all: { rounds: number } }; byYearAndType: { year: number }[] }
    expect(body.byType.all.rounds).toBe(rounds.length)
    expect(body.byYearAndType[0]!.year).toBe(2015)
  })
})

describe('what the reader meant', () => {
  it('from after to is bad input naming to, not an empty list', async () => {
    const res = await app.request('/v1/rounds?from=2026-12-01&to=2020-01-01')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { issues: { path: string; message: string }[] }).issues).toEqual([expect.objectContaining({ path: 'to', message: expect.stringMatching(/^is before from \(2026-12-01\)/) as unknown as string })])
  })

  it('round 91 is not found, and the answer names 91a and 91b', async () => {
    const res = await app.request('/v1/rounds/91')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/IRCC numbered the rounds of that day 91a and 91b$/)
  })
})
