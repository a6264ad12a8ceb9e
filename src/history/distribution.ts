/**
 * The pool's CRS score distribution as IRCC publishes it with each round (DESIGN.md "Pool
 * distribution"): counts by range 601-1200, 501-600, 451-500 (with 491-500 ... 451-460), 401-450
 * (with 441-450 ... 401-410), 351-400, 301-350, 0-300, and the total. The feed's dd1..dd18 fields
 * hold these counts in this order (PROVENANCE.md, checked against the arithmetic of the data).
 * The pool engine builds the same shape with `distributionOfScores`.
 * @module
 */
import type { DdKey } from './feed.js'

/** One published range: its name, bounds (inclusive), feed field, and the range it subdivides. */
export interface CrsRange {
  readonly range: string
  readonly min: number
  readonly max: number
  readonly dd: DdKey
  /** The subtotal range this one is part of (the 10-point bins), or null for a top-level range. */
  readonly within: string | null
}

/** The published ranges in IRCC's order (dd1..dd18). Only top-level ranges are disjoint. */
export const CRS_RANGES = [
  { range: '601-1200', min: 601, max: 1200, dd: 'dd1', within: null },
  { range: '501-600', min: 501, max: 600, dd: 'dd2', within: null },
  { range: '451-500', min: 451, max: 500, dd: 'dd3', within: null },
  { range: '491-500', min: 491, max: 500, dd: 'dd4', within: '451-500' },
  { range: '481-490', min: 481, max: 490, dd: 'dd5', within: '451-500' },
  { range: '471-480', min: 471, max: 480, dd: 'dd6', within: '451-500' },
  { range: '461-470', min: 461, max: 470, dd: 'dd7', within: '451-500' },
  { range: '451-460', min: 451, max: 460, dd: 'dd8', within: '451-500' },
  { range: '401-450', min: 401, max: 450, dd: 'dd9', within: null },
  { range: '441-450', min: 441, max: 450, dd: 'dd10', within: '401-450' },
  { range: '431-440', min: 431, max: 440, dd: 'dd11', within: '401-450' },
  { range: '421-430', min: 421, max: 430, dd: 'dd12', within: '401-450' },
  { range: '411-420', min: 411, max: 420, dd: 'dd13', within: '401-450' },
  { range: '401-410', min: 401, max: 410, dd: 'dd14', within: '401-450' },
  { range: '351-400', min: 351, max: 400, dd: 'dd15', within: null },
  { range: '301-350', min: 301, max: 350, dd: 'dd16', within: null },
  { range: '0-300', min: 0, max: 300, dd: 'dd17', within: null },
  { range: 'total', min: 0, max: 1200, dd: 'dd18', within: null },
] as const satisfies readonly CrsRange[]

export type CrsRangeName = (typeof CRS_RANGES)[number]['range']

/** One row of a distribution: a published range and how many profiles fall in it. */
export interface DistributionRow {
  readonly range: CrsRangeName
  readonly count: number
}

/** A pool distribution: one row per entry of CRS_RANGES, in that order (the last row is the total). */
export type PoolDistribution = readonly DistributionRow[]

/** The finest disjoint bins (the 10-point bins replace their subtotals), highest first. */
export const FINEST_RANGES: readonly CrsRange[] = CRS_RANGES.filter(
  (r) => r.range !== 'total' && !CRS_RANGES.some((child) => child.within === r.range),
)

/** The count of one range in a distribution (0 if absent). */
export function countIn(distribution: PoolDistribution, range: CrsRangeName): number {
  for (const row of distribution) if (row.range === range) return row.count
  return 0
}

/**
 * The distribution of a list of CRS scores (what the pool engine publishes with a round).
 * @example
 * countIn(distributionOfScores([486, 455, 620]), '451-500') //=> 2
 */
export function distributionOfScores(scores: Iterable<number>): PoolDistribution {
  const counts = new Array<number>(CRS_RANGES.length).fill(0)
  const last = CRS_RANGES.length - 1
  for (const score of scores) {
    for (let i = 0; i < last; i++) {
      const r = CRS_RANGES[i]!
      if (score >= r.min && score <= r.max) counts[i]!++
    }
    counts[last]!++
  }
  return CRS_RANGES.map((r, i) => ({ range: r.range, count: counts[i]! }))
}

/** A subtotal that does not equal the sum of its parts (as in round 247's 451-500). */
export interface DistributionMismatch {
  readonly range: CrsRangeName
  readonly published: number
  readonly sumOfParts: number
}

/**
 * Checks a distribution's arithmetic: each subtotal against its 10-point bins, and the total against
 * the disjoint top-level ranges.
 */
export function distributionMismatches(distribution: PoolDistribution): DistributionMismatch[] {
  const mismatches: DistributionMismatch[] = []
  for (const parent of CRS_RANGES) {
    const children = CRS_RANGES.filter((c) => c.within === parent.range)
    if (children.length === 0) continue
    const sumOfParts = children.reduce((s, c) => s + countIn(distribution, c.range), 0)
    const published = countIn(distribution, parent.range)
    if (sumOfParts !== published) mismatches.push({ range: parent.range, published, sumOfParts })
  }
  const top = CRS_RANGES.filter((r) => r.within === null && r.range !== 'total')
  const sumOfParts = top.reduce((s, r) => s + countIn(distribution, r.range), 0)
  const published = countIn(distribution, 'total')
  if (sumOfParts !== published) mismatches.push({ range: 'total', published, sumOfParts })
  return mismatches
}
