/**
 * Issue 6 targets: `POST /v1/crs/score` on loopback ≥ 10,000 req/s with p99 ≤ 20 ms (autocannon against
 * `express-entry serve` in its own process, logging every request as in production). The calculator
 * page's weight is measured by web.bench.ts.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { machine } from './harness.js'
import { randomFactors, rng } from './fixtures.js'

interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number }
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number }
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon
const root = fileURLToPath(new URL('../..', import.meta.url))

/** CPU time (user + system) the process `pid` has used, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime, stime in clock ticks (USER_HZ = 100)
}

async function startServe(args: readonly string[]): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string }
      if (entry.msg === 'listening' && entry.url) resolve(entry.url)
    })
  })
  // The access log keeps flowing (one line per request) and is read, as a log collector would.
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}

/** The ceiling on this machine right now: a bare node:http server that parses the body and answers JSON. */
const BARE_SERVER = `
const { createServer } = require('node:http')
const out = JSON.stringify({ total: 464 })
const server = createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); res.writeHead(200, { 'content-type': 'application/json' }); res.end(out) })
}).listen(0, '127.0.0.1', () => console.log(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:' + server.address().port })))
process.on('SIGTERM', () => server.close())
`

async function apiBench(): Promise<void> {
  const random = rng(6)
  const requests = Array.from({ length: 64 }, () => ({ method: 'POST', path: '/v1/crs/score', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ asOf: '2026-11-25', factors: randomFactors(random) }) }))
  const run = async (name: string, args: readonly string[], connectionsList: readonly number[], target: boolean): Promise<void> => {
    const { url, pid, stop } = await startServe(args)
    try {
      await autocannon({ url, connections: 20, duration: 3, requests }) // warm-up
      for (const connections of connectionsList) {
        const cpuBefore = cpuMs(pid)
        const r = await autocannon({ url, connections, duration: 10, requests })
        // Server CPU per request: what one free core would sustain, however busy the machine is.
        const cpuPerRequest = (cpuMs(pid) - cpuBefore) / r.requests.total
        const rate = Math.round(r.requests.average)
        const verdict = target ? `  (target ≥ 10,000 req/s and p99 ≤ 20 ms: ${rate >= 10_000 && r.latency.p99 <= 20 ? 'met' : 'NOT met'})` : ''
        console.log(
          `${name}, ${String(connections).padStart(2)} connections: ${rate.toLocaleString('en')} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ` +
            `non-2xx ${r.non2xx}, errors ${r.errors}${args.includes('--workers') ? '' : `; server CPU ${(cpuPerRequest * 1000).toFixed(0)} µs/request`}${verdict}`,
        )
      }
    } finally {
      await stop()
    }
  }
  await run('bare node:http (ceiling)', ['-e', BARE_SERVER], [50], false)
  await run('POST /v1/crs/score', [join(root, 'bin/express-entry.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], [10, 50], true)
  // One worker per core (the primary only relays signals); CPU is then counted for the primary alone, so
  // it is left out of this line's reading.
  await run('POST /v1/crs/score, --workers 2', [join(root, 'bin/express-entry.js'), 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', '2'], [50], true)
}

console.log(machine())
await apiBench()
