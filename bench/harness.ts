/** Small timing helpers for the benchmarks: warm up, then measure operations per second. */
import { cpus } from 'node:os'

export interface Measured {
  readonly name: string
  /** Operations per second of this process's CPU time (user + system): one free core's rate. */
  readonly perCpuSecond: number
  /** Operations per second of wall-clock time: lower when other processes share the cores. */
  readonly perSecond: number
  readonly seconds: number
  readonly operations: number
}

/** Runs `fn(i)` for at least `minSeconds` after a warm-up and reports operations per second. */
export function measure(name: string, fn: (i: number) => unknown, minSeconds = 2): Measured {
  let sink: unknown
  for (let i = 0; i < 20_000; i++) sink = fn(i)
  let operations = 0
  const cpuStart = process.cpuUsage()
  const start = process.hrtime.bigint()
  let elapsed = 0
  while (elapsed < minSeconds) {
    for (let i = 0; i < 10_000; i++) sink = fn(operations + i)
    operations += 10_000
    elapsed = Number(process.hrtime.bigint() - start) / 1e9
  }
  const cpu = process.cpuUsage(cpuStart)
  if (sink === Symbol.for('never')) console.log(sink)
  return { name, perCpuSecond: operations / ((cpu.user + cpu.system) / 1e6), perSecond: operations / elapsed, seconds: elapsed, operations }
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
}

/** Prints the CPU-time rate (judged against the target) and the wall-clock rate beside it. */
export function report(m: Measured, target?: number): void {
  const verdict = target === undefined ? '' : m.perCpuSecond >= target ? `  (target ≥ ${target.toLocaleString('en')}: met)` : `  (target ≥ ${target.toLocaleString('en')}: NOT met)`
  const rate = (n: number) => Math.round(n).toLocaleString('en').padStart(12)
  console.log(`${m.name.padEnd(40)} ${rate(m.perCpuSecond)} /CPU-s ${rate(m.perSecond)} /s wall${verdict}`)
}
