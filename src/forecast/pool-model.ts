/**
 * One model of the pool, shared by `pool replay` and `pool generate --like`: how many candidates hold
 * each CRS score (the shape inside each published band), and which of them each round type could
 * invite (who is eligible for what), calibrated on the rounds IRCC published. (The forecast's next
 * cut-offs come from the rounds model: with the next round's size unknown, this pool model foresaw them
 * worse; BENCHMARKS.md "Forecast".)
 *
 * Shape inside the bands: even in the 10-point bins; in the wide ranges next to them (501-600 above,
 * 351-400 below) the density continues the neighbouring bin's and rises or falls exponentially to hold
 * the range's count (as the cut-off estimator, cutoff.ts); 601-1200 is the nominees' band, so its shape
 * is the pool's own base scores shifted by the 600 points of a nomination (IRCC publishes no finer split).
 *
 * Who is eligible: see PoolModel. Pure: no I/O.
 * @module
 */
import { decayRate } from '../history/cutoff.js'
import { toDayNumber, type IsoDate, type IsoInstant } from '../domain/dates.js'
import { FINEST_RANGES, countIn, type PoolDistribution } from '../history/distribution.js'
import type { PastRound } from '../history/record.js'
import { mulberry32, poisson, seedFor } from './rng.js'
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

/** The expected cut-off of a round inviting `size` from `eligibleAbove` (index = score): the highest score with at least `size` at or above it. */
export function expectedCutoff(eligibleAbove: Float64Array, size: number): number {
  for (let s = MAX_SCORE; s >= 0; s--) if (eligibleAbove[s]! >= size) return s
  return 0
}

/**
 * The lowest score of a round replayed on a pool generated from the model: per CRS point from the top,
 * a Poisson number of eligible candidates (the model's mean at that point), until `size` are invited.
 */
export function sampledCutoff(eligibleAbove: Float64Array, size: number, r: () => number): number {
  let invited = 0
  for (let s = MAX_SCORE; s >= 0; s--) {
    const mean = eligibleAbove[s]! - eligibleAbove[s + 1]!
    if (mean > 0) invited += poisson(r, mean)
    if (invited >= size) return s
  }
  return 0
}

/** How many past rounds of a type set its share. */
export const SHARE_ROUNDS = 6
/** Each older round of a type counts this much of the next newer one in its share. */
const SHARE_RECENCY = 0.5
/** Refill times tried (days): how long after a round of a type its candidates at a score it cleared are back in full. */
export const REFILL_DAYS = [60, 90, 120, 180, 270, 365] as const
/** Past rounds a type needs for its own refill time. */
const OWN_REFILL_ROUNDS = 4
/** Shares when neither the type nor another of its group has a past round to learn from. */
const DEFAULT_SHARE: Readonly<Record<string, number>> = { general: 1, cec: 0.5, pnp: 1, french: 0.05, category: 0.03, 'other-program': 0.2 }
/** Rounds older than this (days) before a snapshot no longer thin a type's candidates. */
const MEMORY_DAYS = 800

/** A round of the record with what the model reads of it. */
interface ModelRound {
  readonly round: PastRound
  readonly type: RoundTypeKey
  readonly day: number
  /** The day of the snapshot published with it (null: none, or published after the round). */
  readonly snapshotDay: number | null
  readonly density: PoolDensity | null
}

/**
 * What a round type could invite from a published pool: `share x perPoint(s) x available(s)` candidates
 * at each score s, summed from the top into `above`.
 */
export interface TypeEligibility {
  readonly type: RoundTypeKey
  /** The type's share of a pool untouched by its own rounds (1 for general rounds; for PNP, 1 above 600, 0 below). */
  readonly share: number
  /**
   * The lowest cut-off of the type's rounds its share was read from (null: the share was borrowed from
   * other types; 0 for general and PNP). Below it the replay carries the share down, having to answer;
   * `poolMix` says it cannot tell (see there).
   */
  readonly readDownTo: number | null
  /** Per score, the part of the type's candidates not yet invited by its earlier rounds (0-1). */
  readonly available: Float64Array
  /** Eligible candidates at or above each score (index = score; `above[1201]` = 0). */
  readonly above: Float64Array
}

/**
 * The pool model's answer to "who is eligible for what", calibrated on the record. IRCC publishes no
 * split of the pool by program or category (pool-data.md §1), but every round tells two things about
 * its type: how many of the type's candidates stood at or above its lowest score (its size), and that
 * right after it none did: the round took them all. So a type's candidates at a score are a steady share
 * of the pool there, thinned above each of the type's past cut-offs and coming back (new profiles,
 * scores that rise) linearly over the refill time. The share is each type's own, from its last rounds;
 * the refill time is the one that would have replayed the type's earlier rounds best (all selecting
 * types' together while the type has held few).
 *
 * General rounds can invite everyone (share 1); a PNP round invites nominees, 601+ (share 1 there).
 * A round between a snapshot and the round replayed took its candidates out of the pool the snapshot
 * shows: a general one everyone above its cut-off, one of the same type the type's.
 */
export class PoolModel {
  private readonly rounds: readonly ModelRound[]
  private readonly observed = new Map<string, number | null>()
  private readonly refillChoice = new Map<string, number>()

  constructor(record: readonly PastRound[]) {
    const rounds: ModelRound[] = []
    for (const round of record) {
      const type = roundTypeOf(round)
      if (!type) continue
      const snapshot = round.distribution && round.distributionAsOf && round.distributionAsOf <= round.date
      rounds.push({
        round,
        type,
        day: toDayNumber(round.date),
        snapshotDay: snapshot ? toDayNumber(round.distributionAsOf!) : null,
        density: snapshot ? densityOf(round) : null,
      })
    }
    this.rounds = rounds
  }

  /** Index of the first round at or after `at` (rounds before it are what the model may know). */
  private indexAt(at: IsoInstant): number {
    let lo = 0
    let hi = this.rounds.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.rounds[mid]!.round.at < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The part of `type`'s candidates still in a pool snapshot of `snapshotDay`, per score, given the rounds before index `until`. */
  private available(type: RoundTypeKey, snapshotDay: number, until: number, refillDays: number): Float64Array {
    const available = new Float64Array(MAX_SCORE + 2).fill(1)
    for (let j = until - 1; j >= 0; j--) {
      const y = this.rounds[j]!
      if (snapshotDay - y.day > MEMORY_DAYS) break
      const sameType = y.type === type
      if (y.day >= snapshotDay) {
        // After the snapshot: the pool it shows still holds the candidates this round took.
        if (sameType || y.type === 'general') for (let u = y.round.lowestScore; u <= MAX_SCORE; u++) available[u] = 0
      } else if (sameType && type !== 'general' && type !== 'program:pnp') {
        const back = Math.min(1, (snapshotDay - y.day) / refillDays)
        for (let u = y.round.lowestScore; u <= MAX_SCORE; u++) if (available[u]! > back) available[u] = back
      }
    }
    return available
  }

  private eligibleAbove(type: RoundTypeKey, density: PoolDensity, available: Float64Array, share: number): Float64Array {
    const above = new Float64Array(MAX_SCORE + 2)
    const pnp = type === 'program:pnp'
    for (let u = MAX_SCORE; u >= 0; u--) above[u] = above[u + 1]! + (pnp ? (u > 600 ? 1 : 0) : share) * density.perPoint[u]! * available[u]!
    return above
  }

  /** The share of its pool that round index k's type could invite, read from its size and lowest score; null if it cannot be read. */
  private observedShare(k: number, refillDays: number): number | null {
    const key = `${k}:${refillDays}`
    if (this.observed.has(key)) return this.observed.get(key)!
    const x = this.rounds[k]!
    let share: number | null = null
    if (x.density && x.snapshotDay !== null && x.round.size > 0) {
      const above = this.eligibleAbove(x.type, x.density, this.available(x.type, x.snapshotDay, k, refillDays), 1)
      const c = x.round.lowestScore
      // Of the candidates at the lowest score, the tie-break took some: count half of them.
      const reach = above[c + 1]! + 0.5 * (above[c]! - above[c + 1]!)
      if (reach > 0) share = Math.min(1, x.round.size / reach)
    }
    this.observed.set(key, share)
    return share
  }

  /** `type`'s share, from its last SHARE_ROUNDS rounds before index `until` (log-mean, the newest weighing most). */
  private shareOf(type: RoundTypeKey, until: number, refillDays: number): number {
    return this.shareWithReach(type, until, refillDays).share
  }

  /** The share, and the lowest score of the rounds it was read from (0: read from none of the type's own, or the type reaches all). */
  private shareWithReach(type: RoundTypeKey, until: number, refillDays: number): { share: number; readDownTo: number | null } {
    if (type === 'general' || type === 'program:pnp') return { share: 1, readDownTo: 0 }
    const own: number[] = []
    let readDownTo = Number.POSITIVE_INFINITY
    for (let j = until - 1; j >= 0 && own.length < SHARE_ROUNDS; j--) {
      if (this.rounds[j]!.type !== type) continue
      const o = this.observedShare(j, refillDays)
      if (o !== null && o > 0) {
        own.push(o)
        readDownTo = Math.min(readDownTo, this.rounds[j]!.round.lowestScore)
      }
    }
    if (own.length > 0) {
      let sw = 0
      let sx = 0
      own.forEach((o, i) => {
        const w = Math.pow(SHARE_RECENCY, i)
        sw += w
        sx += w * Math.log(o)
      })
      return { share: Math.exp(sx / sw), readDownTo }
    }
    // A type's first round: the latest share of each other type of its group.
    const group = reportGroupOf(type)
    const seen = new Set<RoundTypeKey>()
    const others: number[] = []
    for (let j = until - 1; j >= 0; j--) {
      const y = this.rounds[j]!
      if (y.type === type || seen.has(y.type) || reportGroupOf(y.type) !== group) continue
      const o = this.observedShare(j, refillDays)
      if (o === null || o <= 0) continue
      seen.add(y.type)
      others.push(Math.log(o))
    }
    return { share: others.length > 0 ? Math.exp(others.reduce((a, b) => a + b, 0) / others.length) : (DEFAULT_SHARE[group] ?? 0.05), readDownTo: null }
  }

  /**
   * The refill time of `type` for rounds before index `until`: of REFILL_DAYS, the one whose expected
   * cut-offs came nearest the published ones over the type's own earlier rounds, or, for a type with
   * fewer than OWN_REFILL_ROUNDS of them, over every earlier round of a type that selects (not general,
   * not PNP).
   */
  private refillBefore(until: number, type: RoundTypeKey): number {
    const own = this.rounds.slice(0, until).filter((y) => y.type === type && y.density).length >= OWN_REFILL_ROUNDS
    const key = own ? `${until}:${type}` : `${until}`
    const cached = this.refillChoice.get(key)
    if (cached !== undefined) return cached
    let best: number = REFILL_DAYS[3]
    let bestError = Number.POSITIVE_INFINITY
    for (const refill of REFILL_DAYS) {
      let error = 0
      for (let j = 0; j < until; j++) if (!own || this.rounds[j]!.type === type) error += this.replayError(j, refill)
      if (error < bestError - 1e-9) {
        bestError = error
        best = refill
      }
    }
    this.refillChoice.set(key, best)
    return best
  }

  private readonly errors = new Map<string, number>()
  /** |expected - published| lowest score of round j at one refill time (0 where it does not apply). */
  private replayError(j: number, refillDays: number): number {
    const key = `${j}:${refillDays}`
    const cached = this.errors.get(key)
    if (cached !== undefined) return cached
    const x = this.rounds[j]!
    let error = 0
    if (x.density && x.snapshotDay !== null && x.type !== 'general' && x.type !== 'program:pnp') {
      const share = this.shareOf(x.type, j, refillDays)
      const above = this.eligibleAbove(x.type, x.density, this.available(x.type, x.snapshotDay, j, refillDays), share)
      error = Math.abs(expectedCutoff(above, x.round.size) - x.round.lowestScore)
    }
    this.errors.set(key, error)
    return error
  }

  /**
   * What `type` could invite at instant `at` from the pool of `density`, published as of `snapshot`,
   * using only the rounds held before `at`.
   */
  eligible(type: RoundTypeKey, density: PoolDensity, snapshot: IsoDate, at: IsoInstant): TypeEligibility {
    const until = this.indexAt(at)
    const refill = this.refillBefore(until, type)
    const { share, readDownTo } = this.shareWithReach(type, until, refill)
    const available = this.available(type, toDayNumber(snapshot), until, refill)
    return { type, share, readDownTo, available, above: this.eligibleAbove(type, density, available, share) }
  }

  private readonly reaches = new Map<number, number>()
  /**
   * The most points by which a round held before instant `at`, of a type that selects (not general, not
   * PNP), went below the lowest cut-off its type's share was then read from (0: none did). Round 258
   * (French, 2023-07-12) went 64 below 439, round 341 (French) 31 below 410. How far below the record a
   * round has been seen to reach: poolMix carries each type's share down this far.
   */
  reachBelowRead(at: IsoInstant): number {
    const until = this.indexAt(at)
    let reach = 0
    for (let j = 0; j < until; j++) {
      let r = this.reaches.get(j)
      if (r === undefined) {
        const x = this.rounds[j]!
        r = 0
        if (x.type !== 'general' && x.type !== 'program:pnp') {
          const { readDownTo } = this.shareWithReach(x.type, j, this.refillBefore(j, x.type))
          if (readDownTo !== null) r = Math.max(0, readDownTo - x.round.lowestScore)
        }
        this.reaches.set(j, r)
      }
      reach = Math.max(reach, r)
    }
    return reach
  }

  /** The refill time (days) the model uses for `type` at instant `at`. */
  refillDaysAt(type: RoundTypeKey, at: IsoInstant): number {
    return this.refillBefore(this.indexAt(at), type)
  }

  /**
   * The expected score of the weakest of `size` nominees at instant `at`, from the last NOMINEE_ROUNDS
   * PNP rounds before it (null: none). See weakestEligible.
   */
  weakestNominee(at: IsoInstant, size: number): number | null {
    const weakest = this.weakestEligible('program:pnp', at, size)
    return weakest === null ? null : Math.max(601, weakest)
  }

  /**
   * The expected score of the weakest of `size` candidates of `type`, for a round that takes them all,
   * from the type's last NOMINEE_ROUNDS rounds before instant `at` (null: none). The weakest of n draws
   * from one distribution sits lower the more draws there are, by about the scale of the distribution's
   * low end times ln n (an exponential tail): so the lowest score is fitted as `a + b ln(size)`, b by
   * least squares once SLOPE_ROUNDS rounds show it (0 before), a the median of what is left (a few odd
   * rounds should not move it).
   */
  weakestEligible(type: RoundTypeKey, at: IsoInstant, size: number): number | null {
    return this.weakestBefore(type, this.indexAt(at), size)
  }

  private weakestBefore(type: RoundTypeKey, until: number, size: number): number | null {
    const past: PastRound[] = []
    for (let j = until - 1; j >= 0 && past.length < NOMINEE_ROUNDS; j--) if (this.rounds[j]!.type === type) past.push(this.rounds[j]!.round)
    if (past.length === 0) return null
    const xs = past.map((r) => Math.log(Math.max(1, r.size)))
    const ys = past.map((r) => r.lowestScore)
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length
    const my = ys.reduce((a, b) => a + b, 0) / ys.length
    let sxy = 0
    let sxx = 0
    xs.forEach((x, k) => {
      sxy += (x - mx) * (ys[k]! - my)
      sxx += (x - mx) ** 2
    })
    const b = sxx > 0 && past.length >= SLOPE_ROUNDS ? sxy / sxx : 0
    const a = median(ys.map((y, k) => y - b * xs[k]!))
    return Math.max(0, Math.min(MAX_SCORE, Math.round(a + b * Math.log(Math.max(1, size)))))
  }

  /**
   * The lowest score of `type`'s first round at instant `at`, when the type has held none before: the
   * median of the lowest scores of the first rounds of the other types of its group held before `at`
   * (null: fewer than FIRST_ROUNDS of them). With nothing of its own, a new category's share is a guess
   * (the latest shares of the others span 0.001 to 0.5), and the lowest score with it; IRCC sizes a
   * category's first round to what the category holds, and those rounds have ended near one another
   * (healthcare 476, STEM 486, trades 388, transport 435, education 479), nearer than any borrowed share
   * foresaw them (BENCHMARKS.md "Forecast").
   */
  firstRoundCutoff(type: RoundTypeKey, at: IsoInstant): number | null {
    const group = reportGroupOf(type)
    const firsts = new Map<RoundTypeKey, number>()
    for (let j = 0, until = this.indexAt(at); j < until; j++) {
      const y = this.rounds[j]!
      if (y.type === type) return null
      if (reportGroupOf(y.type) === group && !firsts.has(y.type)) firsts.set(y.type, y.round.lowestScore)
    }
    return firsts.size >= FIRST_ROUNDS ? Math.round(median([...firsts.values()])) : null
  }

  /** How many rounds of `type` were held before instant `at`. */
  roundsBefore(type: RoundTypeKey, at: IsoInstant): number {
    let n = 0
    for (let j = 0, until = this.indexAt(at); j < until; j++) if (this.rounds[j]!.type === type) n++
    return n
  }

  /**
   * Whether `type`'s rounds take every candidate eligible for them, as of instant `at`, so that the next
   * one ends at its weakest candidate's score (weakestEligible) rather than where its share of the pool
   * runs out: true when the type's earlier rounds were foreseen that way with at most EXHAUST_MARGIN of
   * the error of its share (one round of a large category can fall either way by chance). Small categories do it
   * (physicians, senior managers): the rounds' sizes are the counts of the eligible, and their lowest
   * scores jump about far below the pool's, as a PNP round's do. PNP is told apart by the 601+ count
   * instead (replayRounds); general rounds never are.
   */
  exhausts(type: RoundTypeKey, at: IsoInstant): boolean {
    if (type === 'general' || type === 'program:pnp') return false
    const until = this.indexAt(at)
    let asShare = 0
    let asWeakest = 0
    let compared = 0
    for (let j = 0; j < until; j++) {
      const x = this.rounds[j]!
      if (x.type !== type || !x.density || x.snapshotDay === null) continue
      const weakest = this.weakestBefore(type, j, x.round.size)
      if (weakest === null) continue
      asWeakest += Math.abs(weakest - x.round.lowestScore)
      asShare += this.replayError(j, this.refillBefore(j, type))
      compared++
    }
    return compared > 0 && asWeakest < EXHAUST_MARGIN * asShare
  }
}

/** How many past PNP rounds describe the nominees' low end: about a year of them (one every two weeks). */
export const NOMINEE_ROUNDS = 24
/** Rounds needed before the size is let move the weakest candidate's score (fewer: their median). */
const SLOPE_ROUNDS = 8
/** How much of the share's error a type's rounds, foreseen as taking every eligible candidate, may have made for the model to foresee the next one so (chosen by looking at the replay; 1 flips large categories on one round's chance). */
const EXHAUST_MARGIN = 0.5
/** Earlier first rounds of a group needed to foresee a new type's first round from them. */
const FIRST_ROUNDS = 2

const densityCache = new WeakMap<PastRound, PoolDensity>()
function densityOf(round: PastRound): PoolDensity {
  let d = densityCache.get(round)
  if (!d) densityCache.set(round, (d = poolDensity(round.distribution!)))
  return d
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
  /**
   * Share (0-1) of the candidates at `score` eligible for `type`'s rounds; null where the record cannot
   * tell: below the lowest cut-off of the rounds the type's share was read from. The share is the one
   * that replays those rounds; carried below them it says what no round showed, and says it badly: in
   * 2026 the French rounds, 5,000 every two weeks from a thin slice above 382, need a share of 45%
   * there, which cannot be the share of French speakers among all candidates under 382; and CEC rounds
   * never reach 500.
   */
  shareAt(type: RoundTypeKey, score: number): number | null
  /**
   * The share the replay and the forecast use at `score`: shareAt where the record tells, and below it,
   * as far as a round has been seen to reach below its record (PoolModel.reachBelowRead: 64 points since
   * round 258), the same share carried down, as they carry it when a round must go there (round 341,
   * French, 7,500 to 379 where the six rounds before stopped at 410). What the model assumes, not what
   * the record shows: shareAt stays null there. Null further down, where no round has gone and the
   * carried share would say what it says badly (see shareAt), and where the type's share was borrowed
   * from other types. `pool generate --like` follows it, so the pool it writes is the one the model
   * imagines wherever a round might reach.
   */
  assumedShareAt(type: RoundTypeKey, score: number): number | null
}

/** A published pool distribution and the day it describes. */
export interface PoolSnapshot {
  readonly asOf: IsoDate
  readonly distribution: PoolDistribution
}

/**
 * The pool's mix on `asOf`, from the rounds held before it, in the pool of `snapshot` (default: the latest
 * distribution published before `asOf`). `pool generate --like` passes the snapshot it imitates, with
 * `asOf` its day, so the mix is that of the pool the snapshot shows.
 */
export function poolMix(rounds: readonly PastRound[], asOf: IsoDate, options: { readonly snapshot?: PoolSnapshot; readonly model?: PoolModel } = {}): PoolMix {
  const model = options.model ?? new PoolModel(rounds)
  const known = rounds.filter((r) => r.date < asOf)
  const published = [...known].reverse().find((r) => r.distribution !== null && r.distributionAsOf !== null)
  const latest: PoolSnapshot | null = options.snapshot ?? (published ? { asOf: published.distributionAsOf!, distribution: published.distribution! } : null)
  const yearAgo = toDayNumber(asOf) - 365
  const types = [...new Set(known.filter((r) => toDayNumber(r.date) > yearAgo).map(roundTypeOf).filter((t): t is RoundTypeKey => t !== null))]
  const at = `${asOf}T00:00:00Z`
  const byType = new Map<RoundTypeKey, TypeEligibility>()
  const eligibility = (type: RoundTypeKey): TypeEligibility | null => {
    if (!latest) return null
    let e = byType.get(type)
    if (!e) byType.set(type, (e = model.eligible(type, poolDensity(latest.distribution), latest.asOf, at)))
    return e
  }
  let reach: number | undefined
  const assumed = (type: RoundTypeKey, score: number, told: boolean): number | null => {
    if (type === 'general') return 1
    // Nominees: almost all of 601+ (a nomination's 600 points), almost none below.
    if (type === 'program:pnp') return score > 600 ? 1 : 0
    const e = eligibility(type)
    const s = Math.max(0, Math.min(MAX_SCORE, Math.round(score)))
    if (!e || e.readDownTo === null) return null
    if (s < e.readDownTo && (told || s < e.readDownTo - (reach ??= model.reachBelowRead(at)))) return null
    return Math.min(1, e.share * e.available[s]!)
  }
  return {
    asOf,
    types,
    shareAt: (type, score) => assumed(type, score, true),
    assumedShareAt: (type, score) => assumed(type, score, false),
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
  /** No round of its type with a published distribution came before it: its share was borrowed. */
  readonly firstOfType: boolean
  readonly method: ReplayMethod
}

/**
 * How a round was replayed: `share` (the type's share of the generated pool, drawn from the top until
 * the round's size), `weakest-nominee` (a PNP round taking about every nominee), `weakest-eligible` (a
 * type whose rounds take every eligible candidate, PoolModel.exhausts), `first-rounds` (a category's first
 * round, from the earlier categories' first rounds).
 */
export type ReplayMethod = 'share' | 'weakest-nominee' | 'weakest-eligible' | 'first-rounds'

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
  /** The same, leaving out each type's first round (nothing of its own to calibrate on). */
  readonly byGroupAfterFirst: Readonly<Record<string, ErrorSummary>>
  readonly rows: readonly ReplayRow[]
  /**
   * The span's rounds that could not be replayed: no pool distribution published with them (before
   * 2022, or one published after the round), or a type the model does not know (a category of unknown
   * version). Can't tell how the model would have done on them: not an error of 0.
   */
  readonly notReplayed: readonly { readonly number: string; readonly date: IsoDate; readonly reason: 'no-distribution' | 'unknown-type' }[]
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

/** Of its nominees, the share a PNP round must leave behind for its cut-off to be read from the nominees' band rather than the weakest nominee. */
const NOMINEES_LEFT = 0.5

/**
 * Replays every published round from `from` to `to` (inclusive) on a pool generated from the model
 * like the round's published distribution, at the round's real size, the model knowing only the rounds
 * held before it; reports the error of the lowest score.
 *
 * A PNP round that invites about every nominee (all but NOMINEES_LEFT of the 601+ count or more, as
 * almost all have since 2023) ends at its weakest nominee's score, which no published distribution
 * describes: the replay takes it from the past PNP rounds (PoolModel.weakestNominee). So, too, a round of
 * a type whose rounds take every eligible candidate (PoolModel.exhausts). A category's first round, with
 * no share of its own, is taken from the first rounds of the categories before it
 * (PoolModel.firstRoundCutoff) once there are two.
 */
export function replayRounds(rounds: readonly PastRound[], from: IsoDate, to: IsoDate, seed = 1, model: PoolModel = new PoolModel(rounds)): Replay {
  const rows: ReplayRow[] = []
  const notReplayed: Replay['notReplayed'][number][] = []
  const seen = new Set<RoundTypeKey>()
  for (const round of rounds) {
    const type = roundTypeOf(round)
    if (!type || !round.distribution || !round.distributionAsOf || round.distributionAsOf > round.date) {
      if (round.date >= from && round.date <= to) notReplayed.push({ number: round.number, date: round.date, reason: type ? 'no-distribution' : 'unknown-type' })
      continue
    }
    const firstOfType = !seen.has(type)
    seen.add(type)
    if (round.date < from || round.date > to) continue
    const e = model.eligible(type, densityOf(round), round.distributionAsOf, round.at)
    // Each round its own stream: a round drawing less does not move the next one's draws.
    const r = mulberry32(seedFor(seed, round.number))
    const nominee = type === 'program:pnp' && round.size >= (1 - NOMINEES_LEFT) * e.above[601]! ? model.weakestNominee(round.at, round.size) : null
    // With one earlier round of its own, a type cannot yet show whether its rounds take every eligible
    // candidate (exhausts compares two or more): a round asking for at least as large a part of everyone
    // the share sees as a PNP round that takes every nominee does is taken to, as that PNP round is.
    const takesAll = model.exhausts(type, round.at) || (type !== 'general' && type !== 'program:pnp' && model.roundsBefore(type, round.at) === 1 && round.size >= (1 - NOMINEES_LEFT) * e.above[0]!)
    const weakest = nominee === null && takesAll ? model.weakestEligible(type, round.at, round.size) : null
    const first = nominee === null && weakest === null && type !== 'program:pnp' && type !== 'general' ? model.firstRoundCutoff(type, round.at) : null
    const [replayed, method]: [number, ReplayMethod] =
      nominee !== null ? [nominee, 'weakest-nominee'] : weakest !== null ? [weakest, 'weakest-eligible'] : first !== null ? [first, 'first-rounds'] : [sampledCutoff(e.above, round.size, r), 'share']
    rows.push({ number: round.number, date: round.date, type, group: reportGroupOf(type), size: round.size, lowestScore: round.lowestScore, share: Math.round(e.share * 10_000) / 10_000, replayed, error: replayed - round.lowestScore, firstOfType, method })
  }
  const groups = [...new Set(rows.map((x) => x.group))]
  return {
    from,
    to,
    seed,
    overall: summarize(rows.map((x) => x.error)),
    byGroup: Object.fromEntries(groups.map((g) => [g, summarize(rows.filter((x) => x.group === g).map((x) => x.error))])),
    byGroupAfterFirst: Object.fromEntries(groups.map((g) => [g, summarize(rows.filter((x) => x.group === g && !x.firstOfType).map((x) => x.error))])),
    rows,
    notReplayed,
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const m = sorted.length >> 1
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2
}

/** Days from `a` to `b`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** The cut-off estimator's decay rate (history/cutoff.ts), with the 80 bisection steps this model was calibrated with. */
function decayRate80(a: number, width: number, count: number): number {
  return decayRate(a, width, count, 80)
}
