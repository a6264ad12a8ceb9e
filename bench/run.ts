/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (compiled to dist/bench) one after another, each
 * in its own process so one benchmark's heap does not skew the next.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2] ?? ''
const files = readdirSync(here).filter((f) => f.endsWith('.bench.js') && f.includes(filter)).sort()
let failed = 0
for (const file of files) {
  process.stdout.write(`\n== ${file.replace('.bench.js', '')} ==\n`)
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit' })
  if (run.status !== 0) failed++
}
process.exitCode = failed > 0 ? 1 : 0
