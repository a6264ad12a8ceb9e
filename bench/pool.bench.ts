/**
 * Issue 4 targets, on a generated pool of POOL_BENCH_SIZE profiles (default 1,000,000) like the one of
 * 2023-07-04: import into SQLite (≤ 60 s); a category round (STEM occupations (2023-1), 500
 * invitations) on SQLite (≤ 2 s), PostgreSQL (≤ 4 s) and in memory (≤ 0.5 s); peak memory of each.
 * Each phase runs in its own process so its peak RSS is its own. PostgreSQL: EE_PG_URL, or a
 * throwaway server started like the tests' (skipped with a message when neither is possible).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { realEligibility } from '../src/pool/eligibility.js'
import { generatePool } from '../src/pool/generator.js'
import { importAndAnalyze, jsonlBytes } from '../src/pool/lifecycle.js'
import { roundInMemory, type MemoryEntry } from '../src/pool/memory.js'
import { holdRound } from '../src/pool/rounds.js'
import { openStore } from '../src/store/index.js'
import { insertProfiles } from '../src/store/profile.repository.js'
import { pgBinDir, startServer, stopServer } from '../test/setup/pg-server.js'
import { machine } from './harness.js'

const SIZE = Number(process.env.POOL_BENCH_SIZE ?? 1_000_000)
const LIKE = '2023-07-04'
const AS_OF = '2023-07-05'
const ROUND = { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 500 } as const
const DIR = process.env.POOL_BENCH_DIR ?? join(tmpdir(), 'ee-pool-bench')
const JSONL = join(DIR, `pool-${SIZE}-seed1-${LIKE}.jsonl`)
const SQLITE = join(DIR, `pool-${SIZE}.db`)

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9
/** CPU seconds of this process (all threads) since `from`: the machine is shared, so wall time also measures the neighbours. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from)
  return Math.round((u.user + u.system) / 1e4) / 100
}
const mb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)
function result(obj: object): void {
  process.stdout.write(`RESULT ${JSON.stringify(obj)}\n`)
}

async function phase(name: string, arg?: string): Promise<void> {
  const eligibility = realEligibility()
  switch (name) {
    case 'generate': {
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      const tmp = `${JSONL}.part`
      const out = createWriteStream(tmp)
      let buffer = ''
      for (const g of generatePool({ size: SIZE, seed: 1, like: LIKE, eligibility })) {
        buffer += `${JSON.stringify(g.profile)}\n`
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()))
          buffer = ''
        }
      }
      out.end(buffer)
      await new Promise<void>((r) => out.once('finish', () => r()))
      renameSync(tmp, JSONL)
      result({ phase: name, seconds: seconds(start), cpuSeconds: cpuSince(cpu), peakMb: mb() })
      return
    }
    case 'import-sqlite': {
      for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE + suffix, { force: true })
      const store = await openStore(SQLITE)
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      // As `pool import FILE` reads it: raw bytes, decoded and split by the worker threads.
      const r = await importAndAnalyze(store, jsonlBytes(createReadStream(JSONL, { highWaterMark: 1 << 20 })), { eligibility, asOf: AS_OF, workers: Math.min(4, availableParallelism()) })
      const s = seconds(start)
      await store.close()
      result({ phase: name, seconds: s, cpuSeconds: cpuSince(cpu), added: r.added, rejected: r.rejected.length, perSecond: Math.round(r.added / s), peakMb: mb() })
      return
    }
    case 'reset-sqlite': {
      // Reuse an imported pool: forget its rounds, put every profile back in the pool.
      const store = await openStore(SQLITE)
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      await store.write(async (trx) => {
        await trx.deleteFrom('invitation').execute()
        await trx.deleteFrom('round').execute()
        await trx.deleteFrom('pool_event').where('kind', '=', 'round_held').execute()
        await trx.updateTable('profile').set({ status: 'active' }).where('status', '<>', 'active').execute()
      })
      await store.close()
      result({ phase: name, seconds: seconds(start), cpuSeconds: cpuSince(cpu), peakMb: mb() })
      return
    }
    case 'round': {
      const store = await openStore(arg!)
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      const round = await holdRound(store, { ...ROUND, idempotencyKey: `bench-${Date.now()}` }, { eligibility })
      const s = seconds(start)
      await store.close()
      result({ phase: `round-${store.dialect}`, seconds: s, cpuSeconds: cpuSince(cpu), invited: round.invited, ranked: round.ranked, lowestScore: round.lowestScore, tieBreakCutoff: round.tieBreakCutoff, peakMb: mb() })
      return
    }
    case 'copy-postgres': {
      // Copies the imported rows (facts and derived columns) from SQLite: the PostgreSQL target is the round.
      const from = await openStore(SQLITE)
      const to = await openStore(arg!)
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      await to.write(async (trx) => {
        let last = ''
        for (;;) {
          const rows = await from.db.selectFrom('profile').innerJoin('profile_facts', 'profile_facts.id', 'profile.id').selectAll('profile').select('profile_facts.facts').where('profile.id', '>', last).orderBy('profile.id').limit(5000).execute()
          if (rows.length === 0) break
          await insertProfiles(trx, rows)
          last = rows.at(-1)!.id
        }
      })
      await sql`analyze profile`.execute(to.db)
      const s = seconds(start)
      await from.close()
      await to.close()
      result({ phase: name, seconds: s, cpuSeconds: cpuSince(cpu), peakMb: mb() })
      return
    }
    case 'memory': {
      const store = await openStore(SQLITE)
      const rows = await store.db.selectFrom('profile').select(['id', 'submitted_at', 'submitted_ms', 'expires_ms', 'derived_from', 'score', 'programs', 'categories', 'undecided_programs']).orderBy('score', 'desc').orderBy('submitted_ms').orderBy('id').execute()
      await store.close()
      const entries: MemoryEntry[] = rows.map((r) => ({ profileId: r.id, submittedAt: r.submitted_at, submittedMs: r.submitted_ms, expiresMs: r.expires_ms, active: true, day: r.derived_from, score: r.score, programs: r.programs, categories: r.categories, undecidedPrograms: r.undecided_programs }))
      ;(globalThis as { gc?: () => void }).gc?.()
      const start = process.hrtime.bigint()
      const cpu = process.cpuUsage()
      const round = roundInMemory(entries, ROUND)
      const s = seconds(start)
      result({ phase: name, seconds: s, cpuSeconds: cpuSince(cpu), invited: round.invitations.length, ranked: round.ranked, lowestScore: round.lowestScore, tieBreakCutoff: round.tieBreakCutoff, peakMb: mb() })
      return
    }
  }
}

function run(name: string, arg?: string): Record<string, unknown> | null {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), name, ...(arg ? [arg] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 })
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (!line) {
    console.log(`${name}: failed (exit ${child.status})\n${child.stdout}`)
    return null
  }
  const r = JSON.parse(line.slice(7)) as Record<string, unknown>
  console.log(`${String(r.phase).padEnd(16)} ${Number(r.seconds).toFixed(2).padStart(8)} s wall ${Number(r.cpuSeconds).toFixed(2).padStart(8)} s CPU  peak ${String(r.peakMb).padStart(6)} MB  ${JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !['phase', 'seconds', 'cpuSeconds', 'peakMb'].includes(k))))}`)
  return r
}

async function postgresTarget(): Promise<{ url: string; stop: () => void } | null> {
  const admin = process.env.EE_PG_URL
  let stop = (): void => undefined
  let url = admin
  if (!url) {
    if (!pgBinDir()) return null
    const dir = join(DIR, `pg-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    url = await startServer(dir)
    stop = () => {
      stopServer(dir)
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const name = `ee_bench_${process.pid}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`drop database if exists ${name}`)
  await client.query(`create database ${name}`)
  await client.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  return { url: target.toString(), stop }
}

async function mainBench(): Promise<void> {
  mkdirSync(DIR, { recursive: true })
  console.log(`pool benchmark: ${SIZE.toLocaleString('en')} generated profiles like ${LIKE}; round ${ROUND.category} x ${ROUND.size} at ${ROUND.at}`)
  console.log(machine())
  if (!existsSync(JSONL)) run('generate')
  else console.log(`generate         (cached ${JSONL})`)
  if (process.env.POOL_BENCH_REUSE && existsSync(SQLITE)) run('reset-sqlite')
  else run('import-sqlite')
  const pgTarget = await postgresTarget().catch((e: unknown) => {
    console.log(`PostgreSQL: could not start or reach a server (${(e as Error).message})`)
    return null
  })
  if (!pgTarget) console.log('PostgreSQL: SKIPPED (no EE_PG_URL and no PostgreSQL binaries)')
  else {
    // Copy before any round so that both databases hold the same pool.
    try {
      run('copy-postgres', pgTarget.url)
      run('round', pgTarget.url)
    } finally {
      pgTarget.stop()
    }
  }
  run('memory')
  run('round', SQLITE)
  execFileSync('true')
}

const [name, arg] = process.argv.slice(2)
if (name) await phase(name, arg)
else await mainBench()
