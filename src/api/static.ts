/**
 * Serving the built web app (dist/web) from memory: files are read once at start-up, so a request can
 * only ever get one of them (no path is ever joined from user input), with gzip precomputed.
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
  webmanifest: 'application/manifest+json',
  map: 'application/json',
}

export interface StaticFile {
  readonly body: Uint8Array
  readonly gzip: Uint8Array | null
  readonly type: string
  readonly etag: string
  readonly immutable: boolean
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else out.push(full)
  }
}

/**
 * The files under `root`, by URL path. An HTML page `x.html` is also served at `/x` (so
 * `/calculator?factors=...` opens calculator.html), and `index.html` at `/`.
 */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  const paths: string[] = []
  try {
    walk(root, paths)
  } catch {
    return files
  }
  for (const full of paths) {
    const url = `/${relative(root, full).split(sep).join('/')}`
    const ext = url.slice(url.lastIndexOf('.') + 1)
    const body = readFileSync(full)
    const type = TYPES[ext] ?? 'application/octet-stream'
    const compressible = /^(text|application\/(json|manifest)|image\/svg)/.test(type) && body.byteLength > 512
    const file: StaticFile = {
      body,
      gzip: compressible ? gzipSync(body, { level: 9 }) : null,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      immutable: url.startsWith('/assets/'),
    }
    files.set(url, file)
    if (ext === 'html') {
      const page = url.slice(0, -'.html'.length)
      files.set(page.endsWith('/index') ? page.slice(0, -'index'.length) || '/' : page, file)
    }
  }
  return files
}

/** The response for `file`, honouring If-None-Match and Accept-Encoding. */
export function staticResponse(file: StaticFile, request: Request): Response {
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  }
  if (file.type.startsWith('text/html')) {
    // The app runs entirely from its own origin: no third-party script, style, font or connection.
    headers['content-security-policy'] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    headers['referrer-policy'] = 'no-referrer'
  }
  if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers })
  const gzip = file.gzip && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')
  if (gzip) headers['content-encoding'] = 'gzip'
  const body = gzip ? file.gzip! : file.body
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers })
}
