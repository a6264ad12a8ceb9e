/**
 * The pool distribution a round publishes, in IRCC's ranges (CRS_RANGES from history/distribution.ts,
 * the same shape as the feed's dd1..dd18), built from counts per score so a database can do the
 * counting (`GROUP BY score`).
 * @module
 */
import { CRS_RANGES, type PoolDistribution } from '../history/distribution.js'

export type { PoolDistribution } from '../history/distribution.js'

/** The distribution of a pool given as `[score, count]` pairs. */
export function distributionOfScoreCounts(counts: Iterable<readonly [number, number]>): PoolDistribution {
  const totals = new Array<number>(CRS_RANGES.length).fill(0)
  const last = CRS_RANGES.length - 1
  for (const [score, count] of counts) {
    for (let i = 0; i < last; i++) {
      const r = CRS_RANGES[i]!
      if (score >= r.min && score <= r.max) totals[i]! += count
    }
    totals[last]! += count
  }
  return CRS_RANGES.map((r, i) => ({ range: r.range, count: totals[i]! }))
}
