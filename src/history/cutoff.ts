/**
 * Estimating a round's cut-off from a published pool distribution: rank the pool from the top, and
 * find the score at which `size` candidates are reached, assuming scores are spread evenly inside each
 * published range (the 10-point bins where IRCC publishes them). Back-tested on past general rounds,
 * where every candidate in the pool could be invited.
 * @module
 */
import { FINEST_RANGES, countIn, type PoolDistribution } from './distribution.js'
import type { PastRound } from './record.js'

export interface CutoffEstimate {
  /** The estimated lowest score invited. */
  readonly lowestScore: number
  /** The published range it falls in. */
  readonly range: string
  /** Candidates ranked above that range. */
  readonly above: number
}

/** Solves `a (1 - e^(-λw)) / λ = count` for λ (λ = 0: even spread; NaN when none fits), by bisection. */
export function decayRate(a: number, width: number, count: number, iterations = 100): number {
  const mass = (l: number) => (Math.abs(l) < 1e-12 ? a * width : (a * (1 - Math.exp(-l * width))) / l)
  if (a <= 0 || Math.abs(mass(0) - count) < 1e-9) return 0
  let lo = -1
  let hi = 1
  if (count > mass(lo) || count < mass(hi)) return Number.NaN
  for (let i = 0; i < iterations; i++) {
    const mid = (lo + hi) / 2
    if (mass(mid) > count) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * How far into a range (0 .. width, from the edge next to a 10-point bin) the top `k` of its `count`
 * candidates reach, when the density continues the neighbouring bin's (`a` per point at the edge) and
 * then rises or falls exponentially so the range holds `count`. `fromEdge` says whether the invited
 * candidates are the ones nearest the edge (a range below the bins) or farthest (a range above).
 */
function reachInto(a: number, width: number, count: number, k: number, fromEdge: boolean): number | null {
  const l = decayRate(a, width, count)
  if (!Number.isFinite(l)) return null
  if (Math.abs(l) < 1e-12) return fromEdge ? k / a : width - k / a
  // Above: ∫_x^w a e^(-λt) dt = k. Below: ∫_0^x a e^(-λt) dt = k.
  const inner = fromEdge ? 1 - (k * l) / a : (k * l) / a + Math.exp(-l * width)
  if (inner <= 0) return null
  return -Math.log(inner) / l
}

/**
 * The estimated cut-off of a round inviting `size` candidates from a pool with this distribution.
 * Ranked from the top, the `size`-th candidate falls in one published range. Inside a 10-point bin,
 * scores are taken as evenly spread. The wide ranges next to the bins (501-600 above them, 351-400
 * below) are far from even (most of 501-600 sits just above 500), so there the density continues the
 * neighbouring bin's and changes exponentially to hold the range's count; elsewhere it is even. A
 * round larger than the pool reaches the bottom (0).
 * @example
 * estimateCutoff(round233.distribution, 4250).lowestScore //=> 499 (IRCC: 500)
 */
export function estimateCutoff(distribution: PoolDistribution, size: number): CutoffEstimate {
  let above = 0
  for (let i = 0; i < FINEST_RANGES.length; i++) {
    const r = FINEST_RANGES[i]!
    const count = countIn(distribution, r.range as never)
    if (count > 0 && above + count >= size) {
      const k = Math.max(1, size - above)
      const width = r.max - r.min + 1
      const even = r.max + 1 - Math.ceil((k / count) * width)
      const next = FINEST_RANGES[i + 1]
      const previous = FINEST_RANGES[i - 1]
      if (width > 10 && next && next.max - next.min === 9 && next.max === r.min - 1) {
        const x = reachInto(countIn(distribution, next.range as never) / 10, width, count, k, false)
        if (x !== null) return { lowestScore: Math.min(r.max, r.min + Math.floor(x)), range: r.range, above }
      }
      if (width > 10 && previous && previous.max - previous.min === 9 && previous.min === r.max + 1) {
        const x = reachInto(countIn(distribution, previous.range as never) / 10, width, count, k, true)
        if (x !== null) return { lowestScore: Math.max(r.min, r.max - Math.floor(x)), range: r.range, above }
      }
      return { lowestScore: even, range: r.range, above }
    }
    above += count
  }
  return { lowestScore: 0, range: '0-300', above }
}

export interface BacktestRow {
  readonly number: string
  readonly date: string
  readonly size: number
  readonly lowestScore: number
  readonly estimate: number
  /** estimate - lowestScore */
  readonly error: number
}

export interface Backtest {
  readonly rounds: number
  readonly meanAbsoluteError: number
  /** Mean of estimate - actual: positive when the estimate runs high. */
  readonly meanError: number
  readonly maxAbsoluteError: number
  /** Share of rounds estimated within 10 points. */
  readonly within10: number
  readonly rows: readonly BacktestRow[]
}

/**
 * Back-tests estimateCutoff on the general rounds that came with a distribution of the pool taken on
 * or before the round: each round's own size against its published lowest score.
 */
export function backtestCutoffs(rounds: readonly PastRound[]): Backtest {
  const rows: BacktestRow[] = []
  for (const r of rounds) {
    if (r.type !== 'general' || !r.distribution || !r.distributionAsOf || r.distributionAsOf > r.date) continue
    const estimate = estimateCutoff(r.distribution, r.size).lowestScore
    rows.push({ number: r.number, date: r.date, size: r.size, lowestScore: r.lowestScore, estimate, error: estimate - r.lowestScore })
  }
  const n = rows.length
  const abs = rows.map((r) => Math.abs(r.error))
  return {
    rounds: n,
    meanAbsoluteError: n === 0 ? 0 : abs.reduce((a, b) => a + b, 0) / n,
    meanError: n === 0 ? 0 : rows.reduce((a, r) => a + r.error, 0) / n,
    maxAbsoluteError: n === 0 ? 0 : Math.max(...abs),
    within10: n === 0 ? 0 : abs.filter((e) => e <= 10).length / n,
    rows,
  }
}
