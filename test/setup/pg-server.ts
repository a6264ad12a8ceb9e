/**
 * A throwaway PostgreSQL 15 server for the storage suites (STYLE.md §3.5), started lazily by the
 * first suite that needs it: `initdb` a fresh data directory (as the `postgres` user when the tests
 * run as root, since initdb and postgres refuse root), a free port, `pg_ctl start -w` listening on
 * 127.0.0.1 only. The globalSetup (postgres.ts) stops it with `pg_ctl stop -m fast` and deletes the
 * directory at the end of the run. `EE_PG_URL` points the suites at an existing server instead.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import pg from 'pg'

export type DialectName = 'sqlite' | 'postgres'

/** The dialects to test: `DIALECTS=sqlite` (or `postgres`, or `sqlite,postgres`, the default). */
export function selectedDialects(): DialectName[] {
  const raw = process.env.DIALECTS?.trim()
  if (!raw) return ['sqlite', 'postgres']
  const list = raw.split(',').map((s) => s.trim().toLowerCase())
  for (const d of list) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`DIALECTS: unknown dialect ${d}; allowed: sqlite, postgres`)
  return list as DialectName[]
}

/** The directory holding the PostgreSQL binaries, or null. */
export function pgBinDir(): string | null {
  for (const probe of [
    () => execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(),
    () => execFileSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' }).trim(),
  ]) {
    try {
      const dir = probe()
      if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
    } catch {
      // try the next way
    }
  }
  for (const v of ['18', '17', '16', '15', '14', '13']) {
    const dir = `/usr/lib/postgresql/${v}/bin`
    if (existsSync(join(dir, 'initdb'))) return dir
  }
  return null
}

function asServerUser(cmd: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args]
}

function run(argv: string[], log: string): void {
  try {
    execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string }
    throw new Error(`${argv.join(' ')} failed: ${err.stderr || err.stdout || err.message}${existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-2000)}` : ''}`)
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Starts the server in `dir` (owned by the run) and returns its URL; the first caller starts it, others wait. */
export async function startServer(dir: string): Promise<string> {
  const urlFile = join(dir, 'url')
  const errorFile = join(dir, 'error')
  const lock = join(dir, 'lock')
  let owner = false
  try {
    mkdirSync(lock)
    owner = true
  } catch {
    owner = false
  }
  if (!owner) {
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      if (existsSync(urlFile)) return readFileSync(urlFile, 'utf8')
      if (existsSync(errorFile)) throw new Error(readFileSync(errorFile, 'utf8'))
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('timed out waiting for the test PostgreSQL server to start')
  }
  try {
    const bin = pgBinDir()
    if (!bin) throw new Error('no PostgreSQL binaries (initdb, pg_ctl) on PATH or in `pg_config --bindir`')
    const data = join(dir, 'data')
    const log = join(dir, 'server.log')
    mkdirSync(data, { mode: 0o700 })
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
      chownSync(dir, uid, gid)
      chownSync(data, uid, gid)
      writeFileSync(log, '')
      chownSync(log, uid, gid)
    }
    run(asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'ee', '-E', 'UTF8', '--locale=C', '--no-sync']), log)
    const port = await freePort()
    run(asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`, 'start']), log)
    const url = `postgres://ee@127.0.0.1:${port}/postgres`
    writeFileSync(urlFile, url)
    return url
  } catch (e) {
    writeFileSync(errorFile, (e as Error).message)
    throw e
  }
}

/** Stops the server started in `dir`, if one was. */
export function stopServer(dir: string): void {
  const data = join(dir, 'data')
  if (!existsSync(join(dir, 'url'))) return
  const bin = pgBinDir()
  if (!bin) return
  try {
    const argv = asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
    execFileSync(argv[0]!, argv.slice(1), { stdio: 'ignore' })
  } catch {
    // already stopped
  }
}

/** Starts again, on its port, a server of `dir` that stopServer stopped (fault tests). */
export function restartServer(dir: string): void {
  const url = new URL(readFileSync(join(dir, 'url'), 'utf8'))
  const bin = pgBinDir()
  if (!bin) throw new Error('no PostgreSQL binaries')
  const data = join(dir, 'data')
  run(asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${url.port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`, 'start']), join(dir, 'server.log'))
}

/**
 * Creates database `name` on the server at `admin` and returns its URL; `then` runs after, as the
 * admin (e.g. `alter database ... set default_tablespace = ...`).
 */
export async function createDatabase(admin: string, name: string, then: readonly string[] = []): Promise<string> {
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`create database ${name}`)
    for (const statement of then) await client.query(statement)
  } finally {
    await client.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}
