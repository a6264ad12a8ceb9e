import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createApp } from '../../src/api/app.js'

const app = createApp({ token: 'secret-token' })

const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }

function post(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return app.request(path, { method: 'POST', body, headers })
}

describe('POST /v1/crs/score', () => {
  it.each([
    { name: 'bare CrsFactors', body: golden, total: 464 },
    { name: 'envelope with factors and asOf', body: { asOf: '2025-06-01', factors: golden }, total: 464 },
    // None of this case's factors changed value since Express Entry opened.
    { name: 'envelope on 2015-01-01', body: { asOf: '2015-01-01', factors: golden }, total: 464 },
  ])('$name → $total', async ({ body, total }) => {
    const res = await post('/v1/crs/score', JSON.stringify(body))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const json = (await res.json()) as { total: number; trace?: unknown }
    expect(json.total).toBe(total)
    expect(json.trace).toBeUndefined()
  })

  it('the breakdown matches DESIGN.md field names', async () => {
    const res = await post('/v1/crs/score', JSON.stringify({ asOf: '2025-06-01', factors: golden }))
    expect(await res.json()).toMatchObject({
      total: 464,
      core: { age: 105, education: 135, firstLanguage: 124, secondLanguage: 0, canadianWork: 0, subtotal: 364 },
      spouse: { subtotal: 0 },
      transferability: { education: 50, foreignWork: 50, certificate: 0, subtotal: 100 },
      additional: { subtotal: 0 },
      asOf: '2025-06-01',
    })
  })

  it('?explain=1 includes the trace with sources', async () => {
    const res = await post('/v1/crs/score?explain=1', JSON.stringify(golden))
    const json = (await res.json()) as { trace: { ruleId: string; line: string; points: number; sources: { url: string }[] }[] }
    expect(json.trace.find((a) => a.line === 'core.age')).toMatchObject({ ruleId: 'crs.core.age', points: 105 })
    expect(json.trace.every((a) => a.sources.length > 0 && a.sources.every((s) => s.url.startsWith('https://')))).toBe(true)
  })

  it('scores a Profile (the example) with notices', async () => {
    const { readFile } = await import('node:fs/promises')
    const profile = JSON.parse(await readFile(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as object
    const res = await post('/v1/crs/score', JSON.stringify({ asOf: '2026-01-15', profile }))
    expect(res.status).toBe(200)
    const json = (await res.json()) as { total: number }
    expect(json.total).toBeGreaterThan(300)
  })

  it('is public: no token needed', async () => {
    const res = await post('/v1/crs/score', JSON.stringify(golden), {})
    expect(res.status).toBe(200)
  })
})

type Problem = { type: string; title: string; status: number; detail: string; code: string; issues?: { path: string; message: string }[] }

async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const doc = (await res.json()) as Problem
  expect(doc.status).toBe(res.status)
  expect(doc.type).toMatch(/^\/docs#problem-/)
  return doc
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)

describe('hostile and malformed bodies never get a 5xx', () => {
  it.each([
    { name: 'invalid JSON', body: '{"age": 30,', status: 400, code: 'invalid_json', path: '' },
    { name: 'empty body', body: '', status: 400, code: 'invalid_json', path: '' },
    { name: 'a JSON array', body: '[1,2]', status: 400, code: 'invalid_input', path: '' },
    { name: 'a JSON string', body: '"hello"', status: 400, code: 'invalid_input', path: '' },
    { name: 'null', body: 'null', status: 400, code: 'invalid_input', path: '' },
    { name: 'age as a string', body: JSON.stringify({ ...golden, age: '30' }), status: 400, code: 'invalid_input', path: 'age' },
    { name: 'huge age (1e308)', body: JSON.stringify({ ...golden, age: 1e308 }), status: 400, code: 'invalid_input', path: 'age' },
    { name: 'age 1e400 (Infinity)', body: '{"age": 1e400, "education": "masters", "firstLanguage": null}', status: 400, code: 'invalid_input', path: 'age' },
    { name: 'fractional CLB', body: JSON.stringify({ ...golden, firstLanguage: { language: 'english', clb: { speaking: 9.5, listening: 9, reading: 9, writing: 9 } } }), status: 400, code: 'invalid_input', path: 'firstLanguage.clb.speaking' },
    { name: 'CLB 13', body: JSON.stringify({ asOf: '2025-06-01', factors: { ...golden, firstLanguage: { language: 'english', clb: { speaking: 13, listening: 9, reading: 9, writing: 9 } } } }), status: 400, code: 'invalid_input', path: 'factors.firstLanguage.clb.speaking' },
    { name: 'unknown education', body: JSON.stringify({ ...golden, education: 'phd' }), status: 400, code: 'invalid_input', path: 'education' },
    { name: 'unknown field (typo)', body: JSON.stringify({ ...golden, foreignWorkYear: 3 }), status: 400, code: 'invalid_input', path: 'foreignWorkYear' },
    { name: 'bad asOf', body: JSON.stringify({ asOf: '2025-02-30', factors: golden }), status: 400, code: 'invalid_input', path: 'asOf' },
    { name: 'asOf before Express Entry', body: JSON.stringify({ asOf: '2014-12-31', factors: golden }), status: 422, code: 'rule_not_in_force', path: 'asOf' },
    { name: 'envelope with both', body: JSON.stringify({ factors: golden, profile: {} }), status: 400, code: 'invalid_input', path: 'profile' },
    { name: '__proto__ key', body: '{"__proto__": {"admin": true}, "age": 30, "education": "masters", "firstLanguage": null}', status: 400, code: 'invalid_input', path: '__proto__' },
    { name: 'deep nesting (10,000 levels)', body: `{"age": ${deep(10_000)}}`, status: 400, code: 'invalid_input', path: '' },
    { name: 'deep nesting (400,000 levels, under the size limit)', body: deep(400_000), status: 400, code: 'invalid_input', path: '' },
    { name: 'nested value in a field', body: JSON.stringify({ ...golden, age: [[[[[[1]]]]]] }), status: 400, code: 'invalid_input', path: 'age' },
  ])('$name → $status $code', async ({ body, status, code, path }) => {
    const res = await post('/v1/crs/score', body)
    expect(res.status).toBe(status)
    const doc = await problemOf(res)
    expect(doc.code).toBe(code)
    expect(doc.issues?.map((i) => i.path)).toContain(path)
  })

  it('a 3 MB body gets 413', async () => {
    const big = JSON.stringify({ ...golden, pad: 'x'.repeat(3 * 1024 * 1024) })
    const res = await post('/v1/crs/score', big)
    expect(res.status).toBe(413)
    expect((await problemOf(res)).code).toBe('payload_too_large')
  })

  it('a 3 MB body declared by Content-Length gets 413 before it is read', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024)
    const res = await post('/v1/crs/score', big, { 'content-type': 'application/json', 'content-length': String(big.length) })
    expect(res.status).toBe(413)
  })

  it('JSON sent the way curl -d labels it is read', async () => {
    const res = await post('/v1/crs/score', JSON.stringify(golden), { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(200)
  })

  it('a non-JSON content type gets 415', async () => {
    const res = await post('/v1/crs/score', JSON.stringify(golden), { 'content-type': 'multipart/form-data; boundary=x' })
    expect(res.status).toBe(415)
    expect((await problemOf(res)).code).toBe('unsupported_media_type')
  })

  it('lists every bad field with its path', async () => {
    const res = await post('/v1/crs/score', JSON.stringify({ age: -1, education: 'x', firstLanguage: { language: 'klingon', clb: { speaking: 1, listening: 1, reading: 1, writing: 1 } } }))
    const doc = await problemOf(res)
    expect(doc.issues?.map((i) => i.path).sort()).toEqual(['age', 'education', 'firstLanguage.language'])
    expect(doc.issues?.find((i) => i.path === 'age')?.message).toMatch(/-1/)
  })

  it('property: any JSON value gets 200, 400 or 422, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ age: fc.jsonValue(), education: fc.jsonValue(), firstLanguage: fc.jsonValue(), spouse: fc.jsonValue() }, { requiredKeys: [] })), async (value) => {
        const res = await post('/v1/crs/score', JSON.stringify(value))
        expect([200, 400, 422]).toContain(res.status)
      }),
      { numRuns: 300 },
    )
  })

  it('property: any string body gets 200, 400 or 422, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const res = await post('/v1/crs/score', text)
        expect([200, 400, 422]).toContain(res.status)
      }),
      { numRuns: 300 },
    )
  })
})

describe('POST /v1/crs/score with JSON Lines (a batch)', () => {
  it('answers line for line, bad lines as {error} with their line number, in order', async () => {
    const lines = [JSON.stringify(golden), '', '{"age": 30,', JSON.stringify({ asOf: '2025-06-01', factors: { ...golden, age: 'x' } }), JSON.stringify({ asOf: '2014-01-01', factors: golden }), deep(100)].join('\n')
    const res = await post('/v1/crs/score', lines, { 'content-type': 'application/x-ndjson' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const out = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { total?: number; error?: { line: number; path: string } })
    expect(out.map((o) => o.total ?? o.error?.line)).toEqual([464, 3, 4, 5, 6])
    expect(out[2]!.error!.path).toBe('factors.age')
    expect(out[3]!.error!.path).toBe('asOf')
  })

  it('a batch over the size limit gets 413', async () => {
    const line = JSON.stringify(golden)
    const res = await post('/v1/crs/score', `${line}\n`.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length)), { 'content-type': 'application/x-ndjson' })
    expect(res.status).toBe(413)
  })
})
