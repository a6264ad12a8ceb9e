/**
 * Issue 2 targets: scoring CrsFactors in-process ≥ 2,000,000/s on one core; Profiles ≥ 300,000/s;
 * `score --jsonl` over 200,000 lines within 3× of a plain node loop that parses and prints the same lines.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { factorsOf, scoreCrs } from '../src/crs/index.js'
import { profileSchema } from '../src/schemas/profile.js'
import { machine, measure, report } from './harness.js'
import { randomFactors, randomProfile, rng } from './fixtures.js'

console.log(machine())
const asOf = '2026-11-25'
const random = rng(42)
const factors = Array.from({ length: 4096 }, () => randomFactors(random))
const profiles = Array.from({ length: 4096 }, (_, i) => profileSchema.parse(randomProfile(random, i)))

report(measure('scoreCrs(CrsFactors)', (i) => scoreCrs(factors[i & 4095]!, asOf).total), 2_000_000)
report(measure('scoreCrs(factorsOf(Profile))', (i) => { const p = profiles[i & 4095]!; return scoreCrs(factorsOf(p, asOf), asOf).total }), 300_000)

// score --jsonl against a plain loop over the same 200,000 lines.
const dir = mkdtempSync(join(tmpdir(), 'ee-bench-'))
const file = join(dir, 'input.jsonl')
const lines: string[] = []
for (let i = 0; i < 200_000; i++) {
  lines.push(JSON.stringify(i % 2 === 0 ? { asOf, factors: factors[i & 4095] } : { asOf, profile: randomProfile(random, i) }))
}
writeFileSync(file, lines.join('\n') + '\n')
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
const cli = fileURLToPath(new URL('../../bin/express-entry.js', import.meta.url))
function time(args: string[]): number {
  const start = process.hrtime.bigint()
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}
const plain = Math.min(time([baseline, file]), time([baseline, file]))
const ours = Math.min(time([cli, 'score', '--jsonl', file]), time([cli, 'score', '--jsonl', file]))
const ratio = ours / plain
console.log(`score --jsonl, 200,000 lines (half factors, half profiles)   ${ours.toFixed(2)} s`)
console.log(`plain node loop (parse + print the same lines)                ${plain.toFixed(2)} s`)
console.log(`ratio ${ratio.toFixed(2)}×  (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'})`)
