/** Small timing helpers for the benchmarks: warm up, then measure operations per second. */
import { cpus } from 'node:os'

export interface Measured {
  readonly name: string
  readonly perSecond: number
  readonly seconds: number
  readonly operations: number
}

/** Runs `fn(i)` for at least `minSeconds` after a warm-up and reports operations per second. */
export function measure(name: string, fn: (i: number) => unknown, minSeconds = 2): Measured {
  let sink: unknown
  for (let i = 0; i < 20_000; i++) sink = fn(i)
  let operations = 0
  const start = process.hrtime.bigint()
  let elapsed = 0
  while (elapsed < minSeconds) {
    for (let i = 0; i < 10_000; i++) sink = fn(operations + i)
    operations += 10_000
    elapsed = Number(process.hrtime.bigint() - start) / 1e9
  }
  if (sink === Symbol.for('never')) console.log(sink)
  return { name, perSecond: operations / elapsed, seconds: elapsed, operations }
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
}

export function report(m: Measured, target?: number): void {
  const verdict = target === undefined ? '' : m.perSecond >= target ? `  (target ≥ ${target.toLocaleString('en')}: met)` : `  (target ≥ ${target.toLocaleString('en')}: NOT met)`
  console.log(`${m.name.padEnd(48)} ${Math.round(m.perSecond).toLocaleString('en').padStart(12)} /s${verdict}`)
}
