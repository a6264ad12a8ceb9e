/**
 * Issue 3 target: full `eligibility(profile, asOf)` ≥ 100,000/s in-process (it runs for every profile
 * before every round); also the fast helpers the rounds engine calls.
 */
import { eligibility, isEligibleForAnyProgram, isEligibleForCategory, isEligibleForProgram } from '../src/eligibility/index.js'
import { profileSchema, type Profile } from '../src/schemas/profile.js'
import { machine, report, type Measured } from './harness.js'
import { randomProfile, rng } from './fixtures.js'

/**
 * Like harness.ts `measure`, but per second of this process's CPU time (user + system): the machine is
 * shared, and wall time under load measures the neighbours as much as the code.
 */
function measure(name: string, fn: (i: number) => unknown, minSeconds = 2): Measured {
  let sink: unknown
  for (let i = 0; i < 20_000; i++) sink = fn(i)
  const cpu = (): number => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1e6
  }
  let operations = 0
  const start = cpu()
  let elapsed = 0
  while (elapsed < minSeconds) {
    for (let i = 0; i < 10_000; i++) sink = fn(operations + i)
    operations += 10_000
    elapsed = cpu() - start
  }
  if (sink === Symbol.for('never')) console.log(sink)
  return { name, perCpuSecond: operations / elapsed, perSecond: operations / elapsed, seconds: elapsed, operations }
}

console.log(machine(), '— operations per CPU-second of this process')
const random = rng(7)
const profiles: Profile[] = Array.from({ length: 4096 }, (_, i) => profileSchema.parse(randomProfile(random, i)))

for (const asOf of ['2026-11-25', '2025-06-01']) {
  report(measure(`eligibility(Profile) on ${asOf}`, (i) => eligibility(profiles[i & 4095]!, asOf).invitedUnder), 100_000)
}
const asOf = '2026-11-25'
report(measure('isEligibleForAnyProgram', (i) => isEligibleForAnyProgram(profiles[i & 4095]!, asOf)))
report(measure("isEligibleForProgram(..., 'fsw')", (i) => isEligibleForProgram(profiles[i & 4095]!, 'fsw', asOf)))
report(measure("isEligibleForCategory(..., 'trade-2026')", (i) => isEligibleForCategory(profiles[i & 4095]!, 'trade-2026', asOf)))
report(measure("isEligibleForCategory(..., 'healthcare-social-2025')", (i) => isEligibleForCategory(profiles[i & 4095]!, 'healthcare-social-2025', '2025-06-01')))

// Cold: each profile seen once (no CLB memo yet), one pass over 50,000 fresh profiles.
const fresh: Profile[] = Array.from({ length: 50_000 }, (_, i) => profileSchema.parse(randomProfile(random, i)))
const cpuStart = process.cpuUsage()
let eligible = 0
for (const p of fresh) if (eligibility(p, asOf).invitedUnder !== null) eligible++
const used = process.cpuUsage(cpuStart)
const seconds = (used.user + used.system) / 1e6
report({ name: 'eligibility(Profile), each profile once (cold)', perCpuSecond: fresh.length / seconds, perSecond: fresh.length / seconds, seconds, operations: fresh.length })
console.log(`(${eligible} of ${fresh.length} random profiles eligible for a program on ${asOf})`)
