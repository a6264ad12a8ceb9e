import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'

let server: RunningServer
const logs: Record<string, unknown>[] = []

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', token: 't0ken', log: (e) => logs.push(e) })
})
afterAll(async () => {
  await server.close()
})

const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }

/** A raw HTTP request, so oversized and chunked bodies go over the wire as they are. */
function raw(path: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
    })
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)))
    req.end(body)
  })
}

describe('over a real socket', () => {
  it('POST /v1/crs/score → 464', async () => {
    const res = await fetch(`${server.url}/v1/crs/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(golden) })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { total: number }).total).toBe(464)
  })

  it('invalid JSON → 400 problem', async () => {
    const res = await fetch(`${server.url}/v1/crs/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"age":' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('3 MB body with Content-Length → 413', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 0x20)
    const res = await raw('/v1/crs/score', body, { 'content-type': 'application/json', 'content-length': String(body.length) })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.text)).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('3 MB chunked body (no Content-Length) → 413', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 0x20)
    const res = await raw('/v1/crs/score', body, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
    expect(res.status).toBe(413)
  })

  it('logs method, path, status and ms, and nothing from the body or query', async () => {
    logs.length = 0
    await fetch(`${server.url}/v1/crs/score?explain=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...golden, age: 31, name: 'Jane' }) })
    const entry = logs.find((l) => l.path === '/v1/crs/score')
    expect(entry).toMatchObject({ level: 'info', method: 'POST', path: '/v1/crs/score', status: 400 })
    expect(typeof entry?.ms).toBe('number')
    // A query parameter the endpoint does not take is refused (400), and not logged either.
    await fetch(`${server.url}/v1/crs/score?explain=1&name=Jane`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...golden, age: 31 }) })
    await fetch(`${server.url}/v1/crs/score?explain=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...golden, age: 31 }) })
    expect(logs.filter((l) => l.path === '/v1/crs/score').map((l) => l.status)).toEqual([400, 400, 200])
    expect(JSON.stringify(logs)).not.toMatch(/Jane|masters|explain/)
  })

  it('logs failed requests with their status, and never the body', async () => {
    logs.length = 0
    await fetch(`${server.url}/v1/crs/score`, { method: 'POST', body: '{"age": "secret-value"' })
    await fetch(`${server.url}/v1/pool/profiles`, { method: 'POST', body: '{}' })
    expect(logs.map((l) => [l.path, l.status])).toEqual([
      ['/v1/crs/score', 400],
      ['/v1/pool/profiles', 401],
    ])
    expect(JSON.stringify(logs)).not.toMatch(/secret-value/)
  })

  it('a write endpoint without the token → 401', async () => {
    const res = await fetch(`${server.url}/v1/rounds/run`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(401)
  })
})

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then stops listening', async () => {
    const s = await startServer({ port: 0, hostname: '127.0.0.1' })
    // Start a request whose body arrives slowly, then close the server while it is in flight.
    const pending = new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: s.port, path: '/v1/crs/score', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      const text = JSON.stringify(golden)
      req.write(text.slice(0, 10))
      setTimeout(() => req.end(text.slice(10)), 200)
    })
    await new Promise((r) => setTimeout(r, 50))
    const closed = s.close()
    expect(await pending).toBe(200)
    await closed
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow()
  })
})
