import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { bearerMatches } from '../../src/api/auth.js'

const app = createApp({ token: 'secret-token' })

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown }>>; components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown> }> } }

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 generated from the zod schemas', async () => {
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.paths['/v1/crs/score']?.post?.requestBody).toBeDefined()
    const factors = doc.components.schemas.CrsFactors!
    expect(Object.keys(factors.properties ?? {})).toEqual(
      expect.arrayContaining(['age', 'education', 'canadianEducation', 'firstLanguage', 'secondLanguage', 'canadianWorkYears', 'foreignWorkYears', 'certificateOfQualification', 'jobOffer', 'provincialNomination', 'siblingInCanada', 'spouse']),
    )
    expect(factors.properties?.age).toMatchObject({ type: 'integer', minimum: 0, maximum: 150 })
    expect(doc.components.schemas.Profile?.properties?.languageTests).toBeDefined()
    expect(JSON.stringify(doc)).not.toMatch(/"\$schema"/)
    // JSON Schema 2020-12 (8.2.1): an $id must not carry a non-empty fragment; zod's uri option wrote
    // "$id": "#/components/schemas/<name>" on every component, which validators refuse or warn about.
    expect(JSON.stringify(doc)).not.toMatch(/"\$id"/)
  })

  it('every $ref resolves', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Doc
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined()
  })

  it('write endpoints declare the bearer token', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Doc
    expect(doc.paths['/v1/pool/profiles']?.post?.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/v1/crs/score']?.post?.security).toBeUndefined()
  })
})

describe('/docs', () => {
  it('is a self-contained HTML page (no external script or style)', async () => {
    const res = await app.request('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('/openapi.json')
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/)
    expect(html).toContain('id="problem-invalid-input"')
  })
})

describe('auth on write endpoints', () => {
  it.each([
    { name: 'no header', headers: {} as Record<string, string>, status: 401 },
    { name: 'wrong token', headers: { authorization: 'Bearer nope' }, status: 401 },
    { name: 'Basic scheme', headers: { authorization: 'Basic c2VjcmV0LXRva2Vu' }, status: 401 },
    { name: 'right token (pool not configured yet)', headers: { authorization: 'Bearer secret-token' }, status: 503 },
  ])('POST /v1/pool/profiles with $name → $status', async ({ headers, status }) => {
    const res = await app.request('/v1/pool/profiles', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', ...headers } })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })

  it('without EE_API_TOKEN configured, write endpoints stay closed', async () => {
    const open = createApp({})
    const res = await open.request('/v1/rounds/run', { method: 'POST', body: '{}', headers: { authorization: 'Bearer ' } })
    expect(res.status).toBe(401)
  })

  it.each([
    ['Bearer secret-token', true],
    ['bearer secret-token', true],
    ['Bearer  secret-token ', true],
    ['Bearer secret-token2', false],
    ['Bearer', false],
    ['secret-token', false],
  ] as const)('%s → %s', (header, ok) => {
    expect(bearerMatches(header, 'secret-token')).toBe(ok)
  })
})

describe('pool and record not configured', () => {
  it.each([
    ['/v1/pool/distribution', /^the pool is not configured on this server \(it needs storage: express-entry serve --db FILE\)/],
    // The record is a file the server could not read: pointing at --db would send the reader the wrong way.
    ['/v1/rounds', /^the record of past rounds is not configured on this server \(it could not read its record file: see the server's log \(express-entry serve --record FILE/],
    ['/v1/rounds/stats', /^the record of past rounds is not configured/],
    ['/v1/rounds/254', /^the record of past rounds is not configured/],
  ])('GET %s → 503 problem saying what is not configured and what would give it', async (path, detail) => {
    const res = await app.request(path)
    expect(res.status).toBe(503)
    const doc = (await res.json()) as { code: string; detail: string }
    expect(doc.code).toBe('not_configured')
    expect(doc.detail).toMatch(detail)
  })
})

describe('other paths', () => {
  it('unknown API path → 404 problem', async () => {
    const res = await app.request('/v1/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it.each([
    ['GET', '/v1/crs/score', 'POST'],
    ['DELETE', '/v1/rounds/254', 'GET'],
    ['PUT', '/v1/pool/profiles', 'POST'],
  ])('%s %s → 405 with Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  // The method is the operation's, only the trailing slash is not: 405 said "POST is not allowed on /v1/outlook; allowed: POST".
  it.each([
    ['POST', '/v1/outlook/', '/v1/outlook'],
    ['GET', '/v1/rounds/stats/', '/v1/rounds/stats'],
    ['GET', '/v1/rounds/254/', '/v1/rounds/254'],
  ])('%s %s (a trailing slash) → 404 naming the path without it', async (method, path, without) => {
    const res = await app.request(path, { method })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(((await res.json()) as { detail: string }).detail).toContain(`(${without})`)
  })

  it('/healthz', async () => {
    expect(await (await app.request('/healthz')).json()).toMatchObject({ ok: true, pool: false, history: false })
  })
})
