/**
 * The hostile-request suite (issue 14): several hundred requests over a real socket, across the
 * families an attacker tries (malformed JSON, deep nesting, `__proto__` keys, invalid UTF-8, big and
 * chunked bodies, path traversal, long headers, wrong methods, odd queries), to every endpoint. None
 * may get a 5xx (no 503 is expected here: the pool and the record are configured), every error is
 * problem+json, nothing leaks a stack or a file, and the prototype of objects stays clean. Then the
 * largest requests allowed, at once, must not keep a small request waiting a second.
 */
import { connect } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'
import { MAX_EXPLAINED_LINES, MAX_SCORE_LINES } from '../../src/api/routes/crs.js'
import { DEFAULT_BODY_LIMIT } from '../../src/api/json-body.js'

const TOKEN = 'hostile-suite-token-0123456789abcdef'
let dir: string
let store: Store
let server: RunningServer
let profiles: string[]
const logs: Record<string, unknown>[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ee-hostile-'))
  store = await openStore(join(dir, 'pool.db'))
  const eligibility = realEligibility()
  profiles = [...generatePool({ size: 1300, seed: 5, like: '2024-06-01', eligibility })].map((g) => JSON.stringify(g.profile))
  await importProfiles(store, profiles.slice(0, 300), { eligibility, asOf: '2024-06-01' })
  const rounds = loadRounds()
  server = await startServer({ port: 0, hostname: '127.0.0.1', token: TOKEN, pool: { store, eligibility }, history: { rounds: () => rounds }, log: (e) => logs.push(e), expensiveLimit: { burst: 1e6, perSecond: 1e6 } })
}, 60_000)
afterAll(async () => {
  await server?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface RawAnswer {
  readonly status: number
  readonly head: string
  readonly body: string
}

/** Sends `request` bytes as they are on a new connection and reads the first answer (or the close). */
function rawRequest(request: Buffer | string, timeoutMs = 20_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer in ${timeoutMs} ms`))
    }, timeoutMs)
    const finish = (): void => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      const end = text.indexOf('\r\n\r\n')
      const head = end < 0 ? text : text.slice(0, end)
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
      resolve({ status, head, body: end < 0 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8') })
    }
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('end', finish)
    socket.on('close', finish)
    // The server may answer (413, 431) and close before all is sent.
    socket.on('error', () => undefined)
    socket.write(request)
  })
}

function post(path: string, body: Buffer | string, headers: Record<string, string> = {}): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body)
  const lines = [`POST ${path} HTTP/1.1`, 'Host: localhost', 'Connection: close', `Content-Length: ${bytes.length}`, ...Object.entries({ 'Content-Type': 'application/json', ...headers }).map(([k, v]) => `${k}: ${v}`)]
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), bytes])
}

function chunked(path: string, pieces: readonly Buffer[], headers: Record<string, string> = {}): Buffer {
  const lines = [`POST ${path} HTTP/1.1`, 'Host: localhost', 'Connection: close', 'Transfer-Encoding: chunked', ...Object.entries({ 'Content-Type': 'application/json', ...headers }).map(([k, v]) => `${k}: ${v}`)]
  const body = pieces.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')])
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), ...body, Buffer.from('0\r\n\r\n')])
}

function get(path: string, headers: Record<string, string> = {}): string {
  return [`GET ${path} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n')
}

const AUTH = { Authorization: `Bearer ${TOKEN}` }
const POSTS = ['/v1/crs/score', '/v1/crs/score?explain=1', '/v1/eligibility', '/v1/outlook', '/v1/rounds/simulate', '/v1/pool/profiles', '/v1/rounds/run']
const factors = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }

interface Probe {
  readonly family: string
  readonly what: string
  readonly request: Buffer | string
}

function probes(): Probe[] {
  const out: Probe[] = []
  const malformed = ['{', '{"age":', '{"age":30,}', "{'age':30}", '{"age":NaN}', '{"age":Infinity}', '[1,2', '"\\u12"', '{"a":"\u0001"}', 'nul', 'true false', '{"age":30}}', '\u0000', '{"age":1e999999}', '{"a":"\\ud800"}', '{"__proto__":', ' ', '', '{"a":1,"a":2}', '0x10']
  for (const path of POSTS) for (const body of malformed) out.push({ family: 'malformed JSON', what: `${path} ${JSON.stringify(body)}`, request: post(path, body, AUTH) })
  for (const path of POSTS) {
    for (const depth of [33, 1000, 100_000, 400_000]) {
      out.push({ family: 'deep nesting', what: `${path} [x${depth}`, request: post(path, `${'['.repeat(depth)}${']'.repeat(depth)}`, AUTH) })
      out.push({ family: 'deep nesting', what: `${path} {x${depth}`, request: post(path, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`.slice(0, DEFAULT_BODY_LIMIT), AUTH) })
    }
  }
  const protoBodies = [
    `{"__proto__":{"polluted":true},${JSON.stringify(factors).slice(1)}`,
    `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(factors).slice(1)}`,
    `{"asOf":"2025-06-01","factors":{"__proto__":{"age":99,"polluted":true},"education":"masters"}}`,
    `{"profile":{"__proto__":{"id":"x","polluted":true}}}`,
    `[{"__proto__":{"polluted":true}}]`,
    `{"at":"2025-06-01T00:00:00Z","kind":"general","size":5,"__proto__":{"size":1000000}}`,
  ]
  for (const path of POSTS) for (const body of protoBodies) out.push({ family: '__proto__', what: `${path} ${body.slice(0, 40)}`, request: post(path, body, AUTH) })
  const invalid = [Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), Buffer.from([0xff, 0xfe]), Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]), Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), Buffer.from([0x22, 0xe2, 0x82]), Buffer.from([0x22, 0xf5, 0x80, 0x80, 0x80, 0x22])]
  for (const path of POSTS) for (const body of invalid) out.push({ family: 'invalid UTF-8', what: `${path} ${body.toString('hex')}`, request: post(path, body, AUTH) })
  for (const body of invalid) out.push({ family: 'invalid UTF-8', what: `jsonl ${body.toString('hex')}`, request: post('/v1/crs/score', Buffer.concat([Buffer.from(`${JSON.stringify(factors)}\n`), body]), { 'Content-Type': 'application/x-ndjson' }) })
  for (const path of POSTS) {
    out.push({ family: 'big body', what: `${path} limit+1`, request: post(path, Buffer.alloc(DEFAULT_BODY_LIMIT + 1, 0x20), AUTH) })
    out.push({ family: 'big body', what: `${path} 10 MB declared`, request: post(path, Buffer.alloc(10 * 1024 * 1024, 0x20), AUTH) })
    out.push({ family: 'big body', what: `${path} 3 MB chunked`, request: chunked(path, Array.from({ length: 48 }, () => Buffer.alloc(65_536, 0x20)), AUTH) })
    out.push({ family: 'big body', what: `${path} a 1 MiB string`, request: post(path, `{"id":"${'x'.repeat(DEFAULT_BODY_LIMIT - 20)}"}`, AUTH) })
    out.push({ family: 'chunked', what: `${path} one byte a chunk`, request: chunked(path, [...Buffer.from(JSON.stringify(factors))].map((b) => Buffer.from([b])), AUTH) })
    out.push({ family: 'chunked', what: `${path} bad chunk size`, request: Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`) })
    out.push({ family: 'chunked', what: `${path} both lengths`, request: Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`) })
  }
  const traversal = ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '//etc/passwd', '/v1/rounds/..%2f..%2fpackage.json', '/docs/../package.json', '/assets/..%5c..%5cpackage.json', '/v1/rounds/%00', '/calculator/../../../../etc/shadow', '/v1/rounds/run/1%2f..%2f..%2finvitations', '/%c0%ae%c0%ae/etc/passwd', '/v1/pool/distribution/../../../etc/passwd', '/index.html%00.js', '/.env', '/.git/config', '/node_modules/hono/package.json', '/src/api/app.ts', '/dist/src/index.js']
  for (const path of traversal) out.push({ family: 'traversal', what: path, request: get(path) })
  for (const size of [8_000, 17_000, 70_000]) {
    out.push({ family: 'long headers', what: `one header of ${size}`, request: get('/healthz', { 'X-Long': 'a'.repeat(size) }) })
    out.push({ family: 'long headers', what: `an Authorization of ${size}`, request: post('/v1/pool/profiles', '{}', { Authorization: `Bearer ${'a'.repeat(size)}` }) })
    out.push({ family: 'long headers', what: `a URL of ${size}`, request: get(`/v1/rounds?year=${'9'.repeat(size)}`) })
    out.push({ family: 'long headers', what: `a content type of ${size}`, request: post('/v1/crs/score', '{}', { 'Content-Type': `application/json; x=${'a'.repeat(size)}` }) })
  }
  out.push({ family: 'long headers', what: '500 headers', request: get('/healthz', Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`X-H${i}`, 'v']))) })
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    for (const path of ['/v1/crs/score', '/v1/rounds', '/v1/pool/profiles', '/v1/rounds/run/1/invitations']) out.push({ family: 'methods', what: `${method} ${path}`, request: `${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n` })
  }
  const queries = ['at=x', 'at=2024-02-30T00:00:00Z', 'at=99999-01-01T00:00:00Z', 'at=2024-06-01T00:00:00Z&at=2024-06-02T00:00:00Z', 'x=1', 'at=%00', 'at=%ff', `at=${'9'.repeat(5000)}`]
  for (const q of queries) {
    out.push({ family: 'queries', what: `distribution?${q}`, request: get(`/v1/pool/distribution?${q}`) })
    out.push({ family: 'queries', what: `rounds?${q.replace('at', 'year')}`, request: get(`/v1/rounds?${q.replace('at', 'year')}`) })
    out.push({ family: 'queries', what: `rounds/run/${q}`, request: get(`/v1/rounds/run/${encodeURIComponent(q)}`) })
  }
  return out
}

describe('the hostile-request suite', () => {
  it('several hundred hostile requests: no 5xx, problem+json errors, no stack or file content, no prototype pollution', async () => {
    const all = probes()
    expect(all.length).toBeGreaterThan(400)
    const families = new Map<string, number>()
    const answers: { probe: Probe; answer: RawAnswer }[] = []
    for (let i = 0; i < all.length; i += 16) {
      const batch = all.slice(i, i + 16)
      answers.push(...(await Promise.all(batch.map(async (probe) => ({ probe, answer: await rawRequest(probe.request) })))))
    }
    for (const { probe, answer } of answers) {
      families.set(probe.family, (families.get(probe.family) ?? 0) + 1)
      const where = `${probe.family}: ${probe.what.slice(0, 100)} → ${answer.status} ${answer.body.slice(0, 200)}`
      // 0: the server closed a connection whose request it could not parse (Node's parser does so for some).
      expect(answer.status < 500, where).toBe(true)
      if (answer.status >= 400 && answer.body !== '' && /content-type: application\/problem\+json/i.test(answer.head)) {
        const doc = JSON.parse(answer.body) as { status: number; code: string }
        expect(doc.status, where).toBe(answer.status)
      }
      expect(answer.body, where).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|root:x:0:0|"name":\s*"express-entry-engine"|EE_API_TOKEN=/)
    }
    // Invalid UTF-8 is refused and located, never replaced.
    for (const { probe, answer } of answers.filter((a) => a.probe.family === 'invalid UTF-8' && a.answer.status === 400)) {
      expect(answer.body, probe.what).toMatch(/not valid UTF-8.*byte offset \d+/)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect([...families.keys()].sort()).toEqual(['__proto__', 'big body', 'chunked', 'deep nesting', 'invalid UTF-8', 'long headers', 'malformed JSON', 'methods', 'queries', 'traversal'])
    // Nothing unexpected was logged as a server error.
    expect(logs.filter((e) => e.level === 'error')).toEqual([])
  }, 180_000)

  it('while the largest requests allowed are served, a small request is answered in under 1 s', async () => {
    // The largest public requests: a batch of JSON Lines just under the body limit and the line cap,
    // the explained batch at its cap, and an outlook; twice each, at once.
    let jsonl = ''
    for (const p of profiles) {
      const next = `{"asOf":"2025-06-01","profile":${p}}\n`
      if (jsonl.length + next.length > DEFAULT_BODY_LIMIT || jsonl.split('\n').length > MAX_SCORE_LINES) break
      jsonl += next
    }
    const explained = `${Array.from({ length: MAX_EXPLAINED_LINES }, () => JSON.stringify({ asOf: '2025-06-01', factors })).join('\n')}\n`
    const big = [
      () => fetch(`${server.url}/v1/crs/score`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: jsonl }),
      () => fetch(`${server.url}/v1/crs/score?explain=1`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: explained }),
      () => fetch(`${server.url}/v1/outlook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ asOf: '2025-06-01', profile: JSON.parse(profiles[0]!) }) }),
      () => fetch(`${server.url}/v1/rounds/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at: '2025-06-01T00:00:00Z', kind: 'general', size: 100 }) }),
    ]
    // The largest write: 1,000 profiles (with the token), new ones each time.
    let batch = 300
    const writes = () => {
      const list = profiles.slice(batch, batch + 1000).map((p) => JSON.parse(p) as Record<string, unknown>)
      batch += 1000
      return fetch(`${server.url}/v1/pool/profiles`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(list.map((p, i) => ({ ...p, id: `w${batch}-${i}` }))) })
    }
    let running = true
    // Once each first: the first outlook of a process loads and indexes the record (a few hundred ms).
    for (const f of big) await (await f()).arrayBuffer()
    const served = Promise.all([...big, writes, ...big].map((f) => f().then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength })))).finally(() => (running = false))
    const waits: number[] = []
    await new Promise((r) => setTimeout(r, 5))
    while (running) {
      const start = performance.now()
      const res = await fetch(`${server.url}/healthz`)
      expect(res.status).toBe(200)
      await res.arrayBuffer()
      waits.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 10))
    }
    const answers = await served
    for (const a of answers) expect([200, 201]).toContain(a.status)
    expect(waits.length).toBeGreaterThan(0)
    expect(Math.max(...waits)).toBeLessThan(1000)
  }, 120_000)
})
