/**
 * Running the API and web app on a socket (@hono/node-server): structured JSON logs and a graceful
 * shutdown that stops accepting, lets requests in flight finish, then closes what is left.
 * @module
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { createApp, type AppOptions } from './app.js'
import type { ErrorLogger } from './error-handler.js'
import { DEFAULT_BODY_LIMIT } from './json-body.js'
import { withScoreFastPath } from './score-fast-path.js'

/** A logger that also says how to flush what it holds. */
export interface JsonLogger extends ErrorLogger {
  flush(): void
}

/**
 * A logger writing one JSON object per line to `stream`, with the time. Lines are batched and written
 * every 50 ms (or at `maxBatch` bytes): one write per request would cost more than answering it.
 * Errors and `flush()` write at once. Several processes sharing one pipe keep `maxBatch` under 4 kB
 * (PIPE_BUF), so their lines never interleave.
 */
export function jsonLogger(stream: NodeJS.WritableStream = process.stdout, maxBatch = 65_536): JsonLogger {
  let pending: string[] = []
  let size = 0
  let timer: NodeJS.Timeout | null = null
  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    size = 0
    stream.write(text)
  }
  // The time is formatted once per millisecond: at thousands of requests a second, formatting it
  // for every entry cost more than the rest of the entry.
  let lastMs = NaN
  let time = ''
  const log = (entry: Record<string, unknown>): void => {
    const ms = Date.now()
    if (ms !== lastMs) {
      lastMs = ms
      time = new Date(ms).toISOString()
    }
    const line = `${JSON.stringify({ time, ...entry })}\n`
    pending.push(line)
    size += line.length
    if (entry.level !== 'info' || size >= maxBatch) flush()
    else if (!timer) {
      timer = setTimeout(flush, 50)
      timer.unref()
    }
  }
  return Object.assign(log, { flush })
}

export interface ServerOptions extends AppOptions {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number
  readonly hostname?: string
  /** Grace period for requests in flight on close, in ms (default 10 s). */
  readonly graceMs?: number
}

export interface RunningServer {
  readonly port: number
  readonly url: string
  readonly server: Server
  /** Stops accepting, waits for requests in flight (up to the grace period), then closes. */
  close(): Promise<void>
}

/** Starts the server; resolves once it listens. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options)
  const graceMs = options.graceMs ?? 10_000
  return new Promise((resolve, reject) => {
    const listener = withScoreFastPath(getRequestListener(app.fetch), { bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, log: options.log, fetch: app.fetch })
    const server = createServer(listener)
    server.listen(options.port, options.hostname ?? '0.0.0.0')
    // Slow or idle clients must not hold the server: bodies are small, so a request has 30 s.
    server.requestTimeout = 30_000
    server.headersTimeout = 15_000
    server.keepAliveTimeout = 5_000
    server.once('error', reject)
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo
      const host = options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : 'localhost'
      let closing: Promise<void> | null = null
      resolve({
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        server,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            const timer = setTimeout(() => server.closeAllConnections(), graceMs)
            timer.unref()
            // Keep-alive connections become idle as their last response ends: close them as they do.
            const sweep = setInterval(() => server.closeIdleConnections(), 50)
            server.close(() => {
              clearTimeout(timer)
              clearInterval(sweep)
              done()
            })
            server.closeIdleConnections()
          })),
      })
    })
  })
}
