/**
 * The model of the coming rounds, fitted only on the rounds published before the day it looks from:
 * for each round type held in the past year, how often it comes (an exponentially weighted rate, half
 * its weight in the last RATE_HALF_LIFE days), how big it is, where its next cut-off is centred (the
 * last cut-off of the type, weighed against the median of its last few, the weight fitted on the whole
 * past), and how far cut-offs wander from round to round (the type's own past moves).
 *
 * Simulation: per path, each type's rate is scaled by a lognormal factor (IRCC starts and stops round
 * types in streaks), the rounds come as a Poisson process, and cut-offs move from the centre by the
 * type's past moves, drawn at random, pulled back towards the centre. Seeded: same input, same paths.
 *
 * A record that stops short of the day looked from (IRCC's feed last seen weeks before) misses the
 * rounds held since: the rates are read as of the last day the record is known whole, and each path
 * first moves every type's cut-off by the rounds it likely held unseen, so the ranges widen with the gap.
 * @module
 */
import { addDays, toDayNumber, type IsoDate } from '../domain/dates.js'
import type { PastRound } from '../history/record.js'
import { mulberry32, normal, poisson } from './rng.js'
import { reportGroupOf, roundTypeLabel, roundTypeOf, type RoundTypeKey } from './round-types.js'

/** Rounds older than this (days) are not used for rates. */
export const RATE_WINDOW = 365
/** Days after which a past round counts half as much for a type's rate. */
export const RATE_HALF_LIFE = 90
/** Spread (log sd) of the per-path factor on each type's rate. */
const RATE_SPREAD = 0.6
/** How much of a cut-off's distance from the centre carries to the next round of the type. */
const REVERSION = 0.7

/** How many past cut-offs of a type give the median the centre is pulled towards. */
const MEDIAN_ROUNDS = 5
/** Weights of the last cut-off tried against the median of the last MEDIAN_ROUNDS. */
const WEIGHTS = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4] as const

/**
 * The weight of the last cut-off in the centre (the rest on the median of the last few), chosen by how
 * well each weight would have foreseen every past cut-off of the given types, each from the ones before
 * it. The whole past counts: a type's few rounds (most categories hold two or three a year) say little
 * on their own, and the fit is repeated on every day, so it follows the record as it grows.
 */
export function lastWeight(series: readonly (readonly number[])[]): number {
  let best: number = WEIGHTS[0]
  let bestError = Number.POSITIVE_INFINITY
  for (const w of WEIGHTS) {
    let error = 0
    for (const cutoffs of series) {
      for (let i = 2; i < cutoffs.length; i++) {
        const before = cutoffs.slice(Math.max(0, i - MEDIAN_ROUNDS), i)
        error += Math.abs(w * before[before.length - 1]! + (1 - w) * median(before) - cutoffs[i]!)
      }
    }
    if (error < bestError - 1e-9) {
      bestError = error
      best = w
    }
  }
  return best
}

/**
 * The types whose cut-offs share one weight: PNP rounds on their own (their lowest score is the weakest
 * nominee's, base score plus 600, a different mechanism), every other type together.
 */
function weightGroupOf(type: RoundTypeKey): 'pnp' | 'ranked' {
  return reportGroupOf(type) === 'pnp' ? 'pnp' : 'ranked'
}

export interface TypeModel {
  readonly type: RoundTypeKey
  readonly label: string
  /** Expected rounds a day. */
  readonly rate: number
  readonly lastDate: IsoDate
  readonly lastCutoff: number
  /** The next round's expected size (median of the last three). */
  readonly size: number
  /** Where the next cut-off is centred. */
  readonly centre: number
  /** The weight of the last cut-off in the centre. */
  readonly lastWeight: number
  /** Past round-to-round moves of the cut-off, their median moved to 0, each also taken the other way. */
  readonly moves: readonly number[]
  /** Rounds of the type in the window. */
  readonly rounds: number
}

export interface RoundsModel {
  readonly asOf: IsoDate
  /** The last round the model saw (null: none). */
  readonly recordUntil: IsoDate | null
  /** The last day the record is known to hold every round of (the day before asOf when it is not known to stop short). */
  readonly currentTo: IsoDate
  /** Days after currentTo and before asOf: rounds held on them are not in the record. */
  readonly unseenDays: number
  /** Rounds used (published before asOf). */
  readonly fittedOn: number
  readonly types: readonly TypeModel[]
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export interface FitOptions {
  /**
   * The last day the record is known to hold every round IRCC published (the day its feed was last
   * seen). Default: the day before the one looked from, as for a record cut at a past day.
   */
  readonly currentTo?: IsoDate
}

/**
 * Fits the rounds model on the rounds published before `asOf` (date < asOf); anything later in
 * `rounds` is ignored, so appending rounds to a record never changes a forecast from an earlier day.
 */
export function fitRoundsModel(rounds: readonly PastRound[], asOf: IsoDate, options: FitOptions = {}): RoundsModel {
  const known = rounds.filter((r) => r.date < asOf)
  const lastKnown = known.length > 0 ? known[known.length - 1]!.date : null
  // Whole through currentTo, so seen as on the day after it (a record cut at a day: seen on asOf).
  let currentTo = options.currentTo !== undefined && options.currentTo < addDays(asOf, -1) ? options.currentTo : addDays(asOf, -1)
  // A record holds at least the rounds it holds.
  if (lastKnown !== null && lastKnown > currentTo) currentTo = lastKnown
  const seenOn = toDayNumber(currentTo) + 1
  const unseenDays = toDayNumber(asOf) - seenOn
  // Rates as of the day the record was seen whole: the days after it saw no round only because none is known.
  const today = seenOn
  const byType = new Map<RoundTypeKey, PastRound[]>()
  for (const r of known) {
    const type = roundTypeOf(r)
    if (!type) continue
    let list = byType.get(type)
    if (!list) byType.set(type, (list = []))
    list.push(r)
  }
  const tau = RATE_HALF_LIFE / Math.LN2
  const norm = tau * (1 - Math.exp(-RATE_WINDOW / tau))
  const allMoves: number[] = []
  const weights = new Map<string, number>()
  const types: TypeModel[] = []
  for (const [type, list] of byType) {
    const recent = list.filter((r) => today - toDayNumber(r.date) <= RATE_WINDOW)
    for (let i = Math.max(1, list.length - 12); i < list.length; i++) allMoves.push(list[i]!.lowestScore - list[i - 1]!.lowestScore)
    if (recent.length === 0) continue
    const rate = recent.reduce((a, r) => a + Math.exp(-(today - toDayNumber(r.date)) / tau), 0) / norm
    const last = list[list.length - 1]!
    const size = median(list.slice(-3).map((r) => r.size))
    const group = weightGroupOf(type)
    let weight = weights.get(group)
    if (weight === undefined) {
      weight = lastWeight([...byType].filter(([k]) => weightGroupOf(k) === group).map(([, l]) => l.map((r) => r.lowestScore)))
      weights.set(group, weight)
    }
    const centre = weight * last.lowestScore + (1 - weight) * median(list.slice(-MEDIAN_ROUNDS).map((r) => r.lowestScore))
    const moves: number[] = []
    for (let i = Math.max(1, list.length - 12); i < list.length; i++) moves.push(list[i]!.lowestScore - list[i - 1]!.lowestScore)
    types.push({ type, label: roundTypeLabel(type), rate, lastDate: last.date, lastCutoff: last.lowestScore, size, centre, lastWeight: weight, moves, rounds: recent.length })
  }
  // A type with few moves of its own borrows every type's.
  const pooled = allMoves.length > 0 ? allMoves : [0]
  const finished = types.map((t) => {
    const own = t.moves.length >= 4 ? t.moves : [...t.moves, ...pooled]
    // Centred on their median and made symmetric (each move also taken the other way), so the next
    // round's cut-off is as likely above the centre as below it: the centre already carries where the
    // type is heading, and an unbalanced handful of past moves would shift the median by a whole move.
    const m = median(own)
    const centred = own.map((x) => x - m)
    return { ...t, moves: [...centred, ...centred.map((x) => 0 - x)] }
  })
  finished.sort((a, b) => b.rate - a.rate)
  return { asOf, recordUntil: lastKnown, currentTo, unseenDays, fittedOn: known.length, types: finished }
}

/** The 10th, 50th and 90th percentiles of a cut-off. */
export interface CutoffRange {
  readonly p10: number
  readonly p50: number
  readonly p90: number
}

/** The value at quantile q of sorted values (the nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!
}

/** A simulated cut-off: the centre moved by `distance`, whole, within the CRS scale. */
function cutoffAt(centre: number, distance: number): number {
  return Math.max(0, Math.min(1200, Math.round(centre + distance)))
}

/** Draws behind a range when rounds were held unseen (no closed form then): enough for a point or so. */
const RANGE_DRAWS = 10_000
/** The seed of those draws: a range does not depend on the forecast's seed or paths. */
const RANGE_SEED = 0x5eed

/**
 * The distance from the centre of a type's next cut-off: one of its moves, then, for each round it
 * held unseen in the `unseenDays` before the day looked from, pulled back and moved again.
 */
function firstDistance(t: TypeModel, factor: number, unseenDays: number, r: () => number): number {
  const moves = t.moves
  let distance = moves[Math.floor(r() * moves.length)]!
  const unseen = unseenDays > 0 ? poisson(r, t.rate * factor * unseenDays) : 0
  for (let i = 0; i < unseen; i++) distance = REVERSION * distance + moves[Math.floor(r() * moves.length)]!
  return distance
}

/**
 * The range of the type's next cut-off, read from the distribution the simulation draws it from (the
 * centre moved by one of the type's moves, each as likely) rather than from the paths, so it carries
 * no sampling noise and does not depend on how many paths were drawn. With rounds held unseen since the
 * record stops (`unseenDays`), the distance is a walk of a random length: the range is read from
 * RANGE_DRAWS draws of the simulation's own process (seeded apart from it), over futures holding a
 * round of the type within `spanDays`.
 */
export function nextCutoffRange(type: TypeModel, unseenDays = 0, spanDays = 365): CutoffRange {
  if (unseenDays > 0) {
    const r = mulberry32(RANGE_SEED)
    // Cut-offs are whole scores 0-1200: counted per score, read off in order (no sort).
    const counts = new Int32Array(1201)
    for (let drawn = 0; drawn < RANGE_DRAWS; ) {
      const factor = Math.exp(RATE_SPREAD * normal(r) - (RATE_SPREAD * RATE_SPREAD) / 2)
      // No round of the type in the span (a Poisson count of 0): that future has no next cut-off.
      if (r() < Math.exp(-type.rate * factor * spanDays)) continue
      counts[cutoffAt(type.centre, firstDistance(type, factor, unseenDays, r))]!++
      drawn++
    }
    // The nearest rank, as quantile() reads a sorted list.
    const at = (q: number) => {
      const rank = Math.min(RANGE_DRAWS - 1, Math.max(0, Math.round(q * (RANGE_DRAWS - 1))))
      let seen = 0
      for (let score = 0; score <= 1200; score++) if ((seen += counts[score]!) > rank) return score
      return 1200
    }
    return { p10: at(0.1), p50: at(0.5), p90: at(0.9) }
  }
  const distances = [...type.moves].sort((a, b) => a - b)
  // The inverse of the distribution function, averaging the two moves where it reaches q exactly:
  // the moves are symmetric, so the median is the centre itself.
  const at = (q: number) => {
    const rank = q * distances.length
    const whole = Math.abs(rank - Math.round(rank)) < 1e-9
    const i = whole ? Math.round(rank) - 1 : Math.ceil(rank) - 1
    const d = whole ? (distances[Math.max(0, i)]! + distances[Math.min(distances.length - 1, i + 1)]!) / 2 : distances[i]!
    return cutoffAt(type.centre, d)
  }
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) }
}

/** Simulated future rounds: K paths, each a list of (day offset, type index, cut-off), in time order. */
export interface SimulatedRounds {
  readonly paths: number
  readonly horizonDays: number
  /** Per path: start index into the flat arrays (length paths + 1). */
  readonly start: Int32Array
  readonly day: Int32Array
  readonly typeIndex: Int32Array
  readonly cutoff: Int32Array
}

/**
 * Simulates `paths` futures of `horizonDays` days from the model, seeded. Day offsets run from 0 (the
 * day looked from) to horizonDays - 1.
 */
export function simulateRounds(model: RoundsModel, horizonDays: number, paths: number, seed: number): SimulatedRounds {
  const r = mulberry32(seed)
  const start = new Int32Array(paths + 1)
  let capacity = Math.max(64, Math.ceil(paths * horizonDays * model.types.reduce((a, t) => a + t.rate, 0) * 1.5))
  let day = new Int32Array(capacity)
  let typeIndex = new Int32Array(capacity)
  let cutoff = new Int32Array(capacity)
  let length = 0
  // One path's rounds before sorting: day, type and cut-off packed in one number (day major).
  let packed = new Float64Array(256)
  const types = model.types
  for (let p = 0; p < paths; p++) {
    start[p] = length
    let n = 0
    for (let ti = 0; ti < types.length; ti++) {
      const t = types[ti]!
      const factor = Math.exp(RATE_SPREAD * normal(r) - (RATE_SPREAD * RATE_SPREAD) / 2)
      const count = poisson(r, t.rate * factor * horizonDays)
      if (count === 0) continue
      const days = new Int32Array(count)
      for (let i = 0; i < count; i++) days[i] = Math.floor(r() * horizonDays)
      days.sort()
      const moves = t.moves
      let distance = firstDistance(t, factor, model.unseenDays, r)
      for (let i = 0; i < count; i++) {
        const c = cutoffAt(t.centre, distance)
        if (n === packed.length) {
          const bigger = new Float64Array(packed.length * 2)
          bigger.set(packed)
          packed = bigger
        }
        packed[n++] = (days[i]! * 64 + ti) * 2048 + c
        distance = REVERSION * distance + moves[Math.floor(r() * moves.length)]!
      }
    }
    const sorted = packed.subarray(0, n).sort()
    if (length + n > capacity) {
      capacity = Math.max(capacity * 2, length + n)
      const grow = (a: Int32Array) => {
        const b = new Int32Array(capacity)
        b.set(a.subarray(0, length))
        return b
      }
      day = grow(day)
      typeIndex = grow(typeIndex)
      cutoff = grow(cutoff)
    }
    for (let i = 0; i < n; i++) {
      const v = sorted[i]!
      const c = v % 2048
      const rest = (v - c) / 2048
      const ti = rest % 64
      day[length] = (rest - ti) / 64
      typeIndex[length] = ti
      cutoff[length] = c
      length++
    }
  }
  start[paths] = length
  return { paths, horizonDays, start, day: day.subarray(0, length), typeIndex: typeIndex.subarray(0, length), cutoff: cutoff.subarray(0, length) }
}

/** The day `offset` days after `asOf`. */
export function dayAfter(asOf: IsoDate, offset: number): IsoDate {
  return addDays(asOf, offset)
}
