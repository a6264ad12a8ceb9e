/**
 * Issue 2 targets: scoring CrsFactors in-process ≥ 2,000,000/s on one core; Profiles ≥ 300,000/s;
 * `score --jsonl` over 200,000 lines within 3× of a plain node loop that parses and prints the same lines.
 * Issue 10 targets, with dates spread over 2015-2026 as in a history or a test set: CrsFactors
 * ≥ 3,000,000/s per CPU-second; `score --jsonl` over 200,000 such lines ≤ 2.5× the plain loop.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { factorsOf, scoreCrs } from '../src/crs/index.js'
import { fromDayNumber, toDayNumber } from '../src/domain/dates.js'
import { profileSchema } from '../src/schemas/profile.js'
import { machine, measure, report } from './harness.js'
import { randomFactors, randomProfile, rng } from './fixtures.js'

console.log(machine())
const asOf = '2026-11-25'
const random = rng(42)
const factors = Array.from({ length: 4096 }, () => randomFactors(random))
const profiles = Array.from({ length: 4096 }, (_, i) => profileSchema.parse(randomProfile(random, i)))

report(measure('scoreCrs(CrsFactors)', (i) => scoreCrs(factors[i & 4095]!, asOf).total), 2_000_000)
// Every day of 2015-2026 is equally likely: 4,383 distinct days, each a string of its own as JSON.parse gives.
const firstDay = toDayNumber('2015-01-01')
const spreadDays = toDayNumber('2026-12-31') - firstDay + 1
const spreadDate = () => fromDayNumber(firstDay + Math.floor(random() * spreadDays))
const spreadDates = Array.from({ length: 1 << 14 }, spreadDate)
report(measure('scoreCrs(CrsFactors), dates 2015-2026', (i) => scoreCrs(factors[i & 4095]!, spreadDates[i & 16383]!).total), 3_000_000)
report(measure('scoreCrs(factorsOf(Profile))', (i) => { const p = profiles[i & 4095]!; return scoreCrs(factorsOf(p, asOf), asOf).total }), 300_000)

// score --jsonl against a plain loop over the same 200,000 lines.
const dir = mkdtempSync(join(tmpdir(), 'ee-bench-'))
const file = join(dir, 'input.jsonl')
const lines: string[] = []
for (let i = 0; i < 200_000; i++) {
  lines.push(JSON.stringify(i % 2 === 0 ? { asOf, factors: factors[i & 4095] } : { asOf, profile: randomProfile(random, i) }))
}
writeFileSync(file, lines.join('\n') + '\n')
// The same 200,000 CrsFactors lines, each on a day of 2015-2026 (thousands of distinct dates).
const spreadFile = join(dir, 'spread.jsonl')
writeFileSync(spreadFile, Array.from({ length: 200_000 }, (_, i) => JSON.stringify({ asOf: spreadDate(), factors: factors[i & 4095] })).join('\n') + '\n')
const baseline = join(dir, 'baseline.mjs')
writeFileSync(baseline, `import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
const out = []
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  out.push(JSON.stringify(JSON.parse(line)))
  if (out.length >= 1000) { process.stdout.write(out.join('\\n') + '\\n'); out.length = 0 }
}
process.stdout.write(out.join('\\n') + '\\n')
`)
// Preloaded into each child: writes the child's own CPU time (process.cpuUsage, user + system) on exit.
const cpuProbe = join(dir, 'cpu-probe.cjs')
writeFileSync(cpuProbe, `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.EE_BENCH_CPU_FILE, String((u.user + u.system) / 1e6)) })\n`)
const cpuFile = join(dir, 'cpu.txt')
const cli = fileURLToPath(new URL('../../bin/express-entry.js', import.meta.url))
/** Wall-clock and CPU seconds of one run of `node args`. */
function time(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint()
  const run = spawnSync(process.execPath, ['--require', cpuProbe, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, EE_BENCH_CPU_FILE: cpuFile } })
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`)
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: Number(readFileSync(cpuFile, 'utf8')) }
}
/** Best of three runs of each, interleaved so that a burst of load from neighbours hits both alike. */
function compare(label: string, input: string, target: number): void {
  const plain = { wall: Infinity, cpu: Infinity }
  const ours = { wall: Infinity, cpu: Infinity }
  for (let run = 0; run < 3; run++) {
    for (const [best, args] of [[plain, [baseline, input]], [ours, [cli, 'score', '--jsonl', input]]] as const) {
      const t = time([...args])
      best.wall = Math.min(best.wall, t.wall)
      best.cpu = Math.min(best.cpu, t.cpu)
    }
  }
  const ratio = ours.wall / plain.wall
  const cpuRatio = ours.cpu / plain.cpu
  console.log(`score --jsonl, ${label}`.padEnd(64) + `${ours.wall.toFixed(2)} s wall ${ours.cpu.toFixed(2)} s CPU`)
  console.log('plain node loop (parse + print the same lines)'.padEnd(64) + `${plain.wall.toFixed(2)} s wall ${plain.cpu.toFixed(2)} s CPU`)
  const verdict = (r: number) => (r <= target ? 'met' : 'NOT met')
  console.log(`ratio ${ratio.toFixed(2)}× wall (target ≤ ${target}×: ${verdict(ratio)}), ${cpuRatio.toFixed(2)}× CPU (${verdict(cpuRatio)})`)
}
compare('200,000 lines (half factors, half profiles)', file, 3)
compare('200,000 lines of CrsFactors, dates 2015-2026', spreadFile, 2.5)
