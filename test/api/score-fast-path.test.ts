/**
 * The socket path of POST /v1/crs/score answers exactly as the hono app does in-process: the same
 * status, content type and body for valid requests, bad ones (handed to the app with their body)
 * and those it never takes (query strings, JSON Lines, chunked bodies), and one access-log entry each.
 */
import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { startServer, type RunningServer } from '../../src/api/server.js'

let server: RunningServer
const logs: Record<string, unknown>[] = []
const app = createApp({})

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', log: (e) => logs.push(e) })
})
afterAll(async () => {
  await server.close()
})

interface Answer {
  readonly status: number
  readonly contentType: string | null
  readonly body: string
}

/** Over the socket, with a Content-Length (or chunked when `chunked`), as clients send it. */
function overSocket(path: string, body: string, headers: Record<string, string>, chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body)
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: chunked ? headers : { ...headers, 'content-length': String(bytes.length) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: (res.headers['content-type'] as string | undefined) ?? null, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    if (chunked) {
      req.write(bytes.subarray(0, 5))
      req.end(bytes.subarray(5))
    } else req.end(bytes)
  })
}

async function inProcess(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const res = await app.request(path, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body })
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() }
}

const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }
const json = { 'content-type': 'application/json' }

describe('POST /v1/crs/score over the socket answers as the app does', () => {
  it.each([
    ['bare CrsFactors', '/v1/crs/score', JSON.stringify(golden), json],
    ['an envelope with asOf', '/v1/crs/score', JSON.stringify({ asOf: '2019-05-01', factors: golden }), json],
    ['no content type (curl -d)', '/v1/crs/score', JSON.stringify(golden), {}],
    ['text/plain (fetch with a string)', '/v1/crs/score', JSON.stringify(golden), { 'content-type': 'text/plain;charset=UTF-8' }],
    ['wrong types', '/v1/crs/score', JSON.stringify({ ...golden, age: 'thirty' }), json],
    ['invalid JSON', '/v1/crs/score', '{"age":', json],
    ['an empty body', '/v1/crs/score', '', json],
    ['deep nesting', '/v1/crs/score', `${'['.repeat(40)}${']'.repeat(40)}`, json],
    ['a rule not yet in force', '/v1/crs/score', JSON.stringify({ asOf: '2014-01-01', factors: golden }), json],
    ['an unsupported media type', '/v1/crs/score', JSON.stringify(golden), { 'content-type': 'application/xml' }],
    ['?explain=1 (the app answers)', '/v1/crs/score?explain=1', JSON.stringify(golden), json],
    ['JSON Lines (the app answers)', '/v1/crs/score', `${JSON.stringify(golden)}\n{"age":1}\n`, { 'content-type': 'application/x-ndjson' }],
  ])('%s', async (_name, path, body, headers) => {
    const before = logs.length
    const socket = await overSocket(path, body, headers)
    expect(socket).toEqual(await inProcess(path, body, headers))
    // One access-log entry per request, whichever path answered it.
    await expect.poll(() => logs.length).toBe(before + 1)
    expect(logs.at(-1)).toMatchObject({ method: 'POST', path: '/v1/crs/score', status: socket.status })
  })

  it('a chunked body (no Content-Length) goes to the app and scores the same', async () => {
    const socket = await overSocket('/v1/crs/score', JSON.stringify(golden), json, true)
    expect(socket).toEqual(await inProcess('/v1/crs/score', JSON.stringify(golden), json))
    expect(JSON.parse(socket.body)).toMatchObject({ total: 464 })
  })

  it('random requests, valid or not, get the same answers both ways', async () => {
    const clb = fc.integer({ min: -1, max: 13 })
    const factors = fc.record({
      age: fc.oneof(fc.integer({ min: 15, max: 50 }), fc.constant('x')),
      education: fc.constantFrom('none', 'secondary', 'bachelors', 'masters', 'doctoral', 'phd'),
      firstLanguage: fc.record({ language: fc.constantFrom('english', 'french'), clb: fc.record({ speaking: clb, listening: clb, reading: clb, writing: clb }) }),
      canadianWorkYears: fc.integer({ min: 0, max: 6 }),
      foreignWorkYears: fc.integer({ min: 0, max: 4 }),
    }, { requiredKeys: ['education', 'firstLanguage'] })
    const body = fc.oneof(factors.map((f) => JSON.stringify(f)), fc.record({ asOf: fc.constantFrom('2016-01-01', '2020-06-30', '2026-11-25', '2026-13-01'), factors }).map((e) => JSON.stringify(e)))
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        expect(await overSocket('/v1/crs/score', b, json)).toEqual(await inProcess('/v1/crs/score', b, json))
      }),
      { numRuns: 150 },
    )
  })
})

describe('which requests the socket path takes', () => {
  it('answers scoring requests itself and hands every other request to the app untouched', async () => {
    const { createServer } = await import('node:http')
    const { getRequestListener } = await import('@hono/node-server')
    const { withScoreFastPath } = await import('../../src/api/score-fast-path.js')
    const handedOver: string[] = []
    const appListener = getRequestListener(app.fetch)
    const listener = withScoreFastPath((req, res) => {
      handedOver.push(req.url ?? '')
      appListener(req, res)
    }, { bodyLimit: 1 << 20, fetch: app.fetch })
    const local = createServer(listener).listen(0, '127.0.0.1')
    await new Promise((r) => local.once('listening', r))
    const port = (local.address() as { port: number }).port
    try {
      const post = (path: string, body: string) => fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: json, body })
      expect((await post('/v1/crs/score', JSON.stringify(golden))).status).toBe(200)
      // Bad input is answered by the app too, but through the fetch it was given, not the listener.
      expect((await post('/v1/crs/score', '{"age":')).status).toBe(400)
      expect(handedOver).toEqual([])
      expect((await post('/v1/crs/score?explain=1', JSON.stringify(golden))).status).toBe(200)
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
      expect(handedOver).toEqual(['/v1/crs/score?explain=1', '/healthz'])
    } finally {
      await new Promise((r) => local.close(r))
    }
  })
})
