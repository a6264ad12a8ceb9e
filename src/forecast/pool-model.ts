/**
 * One model of the pool, shared by the forecast, `pool replay` and `pool generate --like`: how many
 * candidates hold each CRS score (the shape inside each published band), and what share of the
 * candidates above a round's cut-off the round could invite (who is eligible for what), calibrated on
 * the rounds IRCC published.
 *
 * Shape inside the bands: even in the 10-point bins; in the wide ranges next to them (501-600 above,
 * 351-400 below) the density continues the neighbouring bin's and rises or falls exponentially to hold
 * the range's count (as the cut-off estimator, cutoff.ts); 601-1200 is the nominees' band, so its shape
 * is the pool's own base scores shifted by the 600 points of a nomination (IRCC publishes no finer split).
 *
 * Who is eligible: IRCC publishes no split of the pool by program or category (pool-data.md §1), but
 * every round tells one number about it: `size / candidates at or above its lowest score` is the share
 * of the pool above the cut-off that the round's type could invite. The model carries that share per
 * round type, taken from the latest rounds of the type published before the day it looks from.
 * Pure: no I/O.
 * @module
 */
import { decayRate } from '../history/cutoff.js'
import { toDayNumber, type IsoDate } from '../domain/dates.js'
import { FINEST_RANGES, countIn, type PoolDistribution } from '../history/distribution.js'
import type { PastRound } from '../history/record.js'
import { mulberry32, poisson } from './rng.js'
import { reportGroupOf, roundTypeOf, type RoundTypeKey } from './round-types.js'

export const MAX_SCORE = 1200

/** Candidates per CRS point (index = score) and at or above each score. */
export interface PoolDensity {
  readonly perPoint: Float64Array
  /** `above[s]` = candidates with a score of `s` or more; `above[1201]` = 0. */
  readonly above: Float64Array
  readonly total: number
}

/** Spreads `count` over `width` points starting at the edge next to a bin of density `a`; `step` ±1 walks away from it. */
function spreadFromEdge(out: Float64Array, edge: number, step: 1 | -1, width: number, count: number, a: number): void {
  const l = decayRate80(a, width, count)
  if (!Number.isFinite(l) || count <= 0) {
    for (let i = 0; i < width; i++) out[edge + step * i] = count / width
    return
  }
  let sum = 0
  const w = new Float64Array(width)
  for (let i = 0; i < width; i++) sum += w[i] = Math.exp(-l * (i + 0.5))
  for (let i = 0; i < width; i++) out[edge + step * i] = (count * w[i]!) / sum
}

/**
 * The candidates per CRS point of a published distribution.
 * @example
 * poolDensity(round.distribution!).above[500] // candidates at 500 or more
 */
export function poolDensity(distribution: PoolDistribution): PoolDensity {
  const perPoint = new Float64Array(MAX_SCORE + 1)
  const count = (range: string) => countIn(distribution, range as never)
  for (const r of FINEST_RANGES) {
    const width = r.max - r.min + 1
    if (width === 10 || r.range === '301-350' || r.range === '0-300') for (let s = r.min; s <= r.max; s++) perPoint[s] = count(r.range) / width
  }
  spreadFromEdge(perPoint, 501, 1, 100, count('501-600'), count('491-500') / 10)
  spreadFromEdge(perPoint, 400, -1, 50, count('351-400'), count('401-410') / 10)
  // 601-1200: nominees, whose scores are their base scores plus 600.
  let base = 0
  for (let s = 1; s <= 600; s++) base += perPoint[s]!
  const top = count('601-1200')
  for (let s = 601; s <= MAX_SCORE; s++) perPoint[s] = base > 0 ? (top * perPoint[s - 600]!) / base : top / 600
  const above = new Float64Array(MAX_SCORE + 2)
  for (let s = MAX_SCORE; s >= 0; s--) above[s] = above[s + 1]! + perPoint[s]!
  return { perPoint, above, total: above[0]! }
}

/**
 * What a round type could invite from the pool: `shareAt(s) x above(s)` candidates of the type at or
 * above score `s`. The share depends on the score: deep in the pool a type's share is not what it is
 * at the top (French and category rounds reach far lower than general ones, where the best of their
 * candidates were invited before).
 */
export interface TypeShare {
  /** The share at the type's last cut-off (for display). */
  readonly share: number
  shareAt(score: number): number
}

function eligibleAbove(density: PoolDensity, s: number, t: TypeShare): number {
  const above = density.above[s]!
  return above <= 0 ? 0 : t.shareAt(s) * above
}

/** The expected cut-off of a round inviting `size`: the highest score with at least `size` eligible candidates at or above it. */
export function expectedCutoff(density: PoolDensity, size: number, t: TypeShare): number {
  for (let s = MAX_SCORE; s >= 0; s--) if (eligibleAbove(density, s, t) >= size) return s
  return 0
}

/**
 * The lowest score of a round replayed on a pool generated from the model: per CRS point from the top,
 * a Poisson number of eligible candidates (the model's mean at that point), until `size` are invited.
 */
export function sampledCutoff(density: PoolDensity, size: number, t: TypeShare, r: () => number): number {
  let invited = 0
  let previous = 0
  for (let s = MAX_SCORE; s >= 0; s--) {
    const cumulative = eligibleAbove(density, s, t)
    const mean = cumulative - previous
    previous = cumulative
    if (mean > 0) invited += poisson(r, mean)
    if (invited >= size) return s
  }
  return 0
}

/** How many past rounds of a type set its share. */
export const SHARE_ROUNDS = 12
/** Points over which a past round's share speaks for nearby scores (the kernel's scale). */
const SHARE_BANDWIDTH = 12
/** Each older round of a type counts this much of the next newer one. */
const SHARE_RECENCY = 0.8
/** Shares when a type has no past round to learn from. */
const DEFAULT_SHARE: Readonly<Record<string, number>> = { general: 1, cec: 0.3, pnp: 0.8, french: 0.1, category: 0.1, 'other-program': 0.2 }

/** The eligible share of each round type, from rounds published before a day. */
export interface ShareModel {
  of(type: RoundTypeKey): TypeShare
}

interface ShareObservation {
  readonly score: number
  readonly logShare: number
}

const observationCache = new WeakMap<PastRound, ShareObservation | null>()

function observationOf(round: PastRound): ShareObservation | null {
  if (observationCache.has(round)) return observationCache.get(round)!
  let o: ShareObservation | null = null
  if (round.distribution && round.distributionAsOf && round.distributionAsOf <= round.date) {
    const above = poolDensity(round.distribution).above[round.lowestScore]!
    // At most 1, but for PNP rounds: they can invite more nominees than the snapshot held (nominated since).
    const cap = round.program === 'pnp' ? Number.POSITIVE_INFINITY : 0
    if (above > 0 && round.size > 0) o = { score: round.lowestScore, logShare: Math.min(cap, Math.log(round.size / above)) }
  }
  observationCache.set(round, o)
  return o
}

/**
 * A type's share from its last rounds (oldest first): at each score, the mean of their log-shares
 * weighted by recency and by how close their lowest score was (a kernel of SHARE_BANDWIDTH points),
 * so a round reaching deep into the pool speaks for the deep pool and one at the top for the top.
 */
export function fitShare(observations: readonly ShareObservation[]): TypeShare {
  const n = observations.length
  const recency = observations.map((_, i) => Math.pow(SHARE_RECENCY, n - 1 - i))
  const cache = new Map<number, number>()
  const shareAt = (score: number): number => {
    let v = cache.get(score)
    if (v === undefined) {
      let sw = 0
      let sx = 0
      for (let i = 0; i < n; i++) {
        const w = recency[i]! * Math.exp(-Math.abs(score - observations[i]!.score) / SHARE_BANDWIDTH) + 1e-12
        sw += w
        sx += w * observations[i]!.logShare
      }
      v = Math.exp(sx / sw)
      cache.set(score, v)
    }
    return v
  }
  return { share: shareAt(observations[n - 1]!.score), shareAt }
}

/** Calibrates each type's share on the rounds published before `before` (all when undefined). */
export function calibrateShares(rounds: readonly PastRound[], before?: IsoDate): ShareModel {
  const byType = new Map<RoundTypeKey, ShareObservation[]>()
  for (const r of rounds) {
    if (before !== undefined && r.date >= before) continue
    const type = roundTypeOf(r)
    if (!type) continue
    const o = observationOf(r)
    if (!o) continue
    let list = byType.get(type)
    if (!list) byType.set(type, (list = []))
    list.push(o)
  }
  const fitted = new Map<RoundTypeKey, TypeShare>()
  for (const [type, list] of byType) fitted.set(type, fitShare(list.slice(-SHARE_ROUNDS)))
  return {
    of: (type) => {
      const f = fitted.get(type)
      if (f) return f
      const share = DEFAULT_SHARE[reportGroupOf(type)] ?? 0.2
      return { share, shareAt: () => share }
    },
  }
}

/**
 * Who is eligible for what in the pool the model imagines on a day: for each round type held in the
 * year before `asOf`, the share of the candidates at exactly each CRS score that the type's rounds
 * could invite. `pool generate --like` draws its profiles' programs and categories from it, so the pool
 * it writes and the pool the replay and the forecast imagine are one.
 */
export interface PoolMix {
  readonly asOf: IsoDate
  /** The round types held in the year before `asOf` (`general`, `program:cec`, `category:french`, ...). */
  readonly types: readonly RoundTypeKey[]
  /** Share (0-1) of the candidates at `score` eligible for `type`'s rounds. */
  shareAt(type: RoundTypeKey, score: number): number
}

/** The pool's mix on `asOf`, from the rounds published before it and the latest distribution published before it. */
export function poolMix(rounds: readonly PastRound[], asOf: IsoDate): PoolMix {
  const known = rounds.filter((r) => r.date < asOf)
  const latest = [...known].reverse().find((r) => r.distribution !== null)
  const density = latest?.distribution ? poolDensity(latest.distribution) : null
  const shares = calibrateShares(known)
  const yearAgo = toDayNumber(asOf) - 365
  const types = [...new Set(known.filter((r) => toDayNumber(r.date) > yearAgo).map(roundTypeOf).filter((t): t is RoundTypeKey => t !== null))]
  return {
    asOf,
    types,
    shareAt(type, score) {
      if (type === 'general') return 1
      // Nominees: almost all of 601+ (a nomination's 600 points), almost none below.
      if (type === 'program:pnp') return score > 600 ? 1 : 0
      const t = shares.of(type)
      if (!density || density.perPoint[score]! <= 0) return Math.min(1, t.shareAt(score))
      // The share of the candidates at or above a score, turned into the share at the score itself.
      const at = t.shareAt(score) * density.above[score]! - t.shareAt(score + 1) * density.above[score + 1]!
      return Math.max(0, Math.min(1, at / density.perPoint[score]!))
    },
  }
}

export interface ReplayRow {
  readonly number: string
  readonly date: IsoDate
  readonly type: RoundTypeKey
  readonly group: ReturnType<typeof reportGroupOf>
  readonly size: number
  readonly lowestScore: number
  readonly share: number
  readonly replayed: number
  /** replayed - lowestScore */
  readonly error: number
}

export interface ErrorSummary {
  readonly rounds: number
  readonly meanAbsoluteError: number
  /** Mean of replayed - published: positive when the model runs high. */
  readonly meanError: number
}

export interface Replay {
  readonly from: IsoDate
  readonly to: IsoDate
  readonly seed: number
  readonly overall: ErrorSummary
  readonly byGroup: Readonly<Record<string, ErrorSummary>>
  readonly rows: readonly ReplayRow[]
}

export function summarize(errors: readonly number[]): ErrorSummary {
  const n = errors.length
  const round2 = (x: number) => Math.round(x * 100) / 100
  return {
    rounds: n,
    meanAbsoluteError: n === 0 ? 0 : round2(errors.reduce((a, e) => a + Math.abs(e), 0) / n),
    meanError: n === 0 ? 0 : round2(errors.reduce((a, e) => a + e, 0) / n),
  }
}

/**
 * Replays every published round from `from` to `to` (inclusive) on a pool generated from the model
 * like the round's published distribution, at the round's real size, with each type's share taken
 * only from rounds published before the round's day; reports the error of the lowest score.
 */
export function replayRounds(rounds: readonly PastRound[], from: IsoDate, to: IsoDate, seed = 1): Replay {
  const rows: ReplayRow[] = []
  const r = mulberry32(seed)
  for (const round of rounds) {
    if (round.date < from || round.date > to) continue
    const type = roundTypeOf(round)
    if (!type || !round.distribution || !round.distributionAsOf || round.distributionAsOf > round.date) continue
    const t = calibrateShares(rounds, round.date).of(type)
    const replayed = sampledCutoff(poolDensity(round.distribution), round.size, t, r)
    rows.push({ number: round.number, date: round.date, type, group: reportGroupOf(type), size: round.size, lowestScore: round.lowestScore, share: Math.round(t.shareAt(round.lowestScore) * 10_000) / 10_000, replayed, error: replayed - round.lowestScore })
  }
  const groups = [...new Set(rows.map((x) => x.group))]
  return {
    from,
    to,
    seed,
    overall: summarize(rows.map((x) => x.error)),
    byGroup: Object.fromEntries(groups.map((g) => [g, summarize(rows.filter((x) => x.group === g).map((x) => x.error))])),
    rows,
  }
}

/** Days from `a` to `b`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** The cut-off estimator's decay rate (history/cutoff.ts), with the 80 bisection steps this model was calibrated with. */
function decayRate80(a: number, width: number, count: number): number {
  return decayRate(a, width, count, 80)
}
