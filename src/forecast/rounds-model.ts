/**
 * The model of the coming rounds, fitted only on the rounds published before the day it looks from:
 * for each round type held in the past year, how often it comes (an exponentially weighted rate, half
 * its weight in the last RATE_HALF_LIFE days), how big it is, where its next cut-off is centred (the
 * last cut-off of the type, moved by how the pool above it changed since: the pool model's estimate on
 * the latest published distribution minus its estimate on the distribution published with that last
 * round), and how far cut-offs wander from round to round (the type's own past moves).
 *
 * Simulation: per path, each type's rate is scaled by a lognormal factor (IRCC starts and stops round
 * types in streaks), the rounds come as a Poisson process, and cut-offs move from the centre by the
 * type's past moves, drawn at random, pulled back towards the centre. Seeded: same input, same paths.
 * @module
 */
import { addDays, toDayNumber, type IsoDate } from '../domain/dates.js'
import type { PastRound } from '../history/record.js'
import { mulberry32, normal, poisson } from './rng.js'
import { roundTypeLabel, roundTypeOf, type RoundTypeKey } from './round-types.js'

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
const WEIGHTS = [1, 0.8, 0.6, 0.4] as const

/**
 * The weight of the last cut-off in the centre (the rest on the median of the last few), chosen per
 * type by how well each weight would have foreseen the type's own last 20 cut-offs: a type whose
 * cut-offs trend (CEC) keeps the last one; one that jumps around and comes back (French, PNP, the
 * other categories) leans on the median.
 */
export function lastWeight(cutoffs: readonly number[]): number {
  if (cutoffs.length < 6) return 1
  let best: number = WEIGHTS[0]
  let bestError = Number.POSITIVE_INFINITY
  for (const w of WEIGHTS) {
    let error = 0
    for (let i = Math.max(2, cutoffs.length - 20); i < cutoffs.length; i++) {
      const before = cutoffs.slice(0, i)
      const guess = w * before[before.length - 1]! + (1 - w) * median(before.slice(-MEDIAN_ROUNDS))
      error += Math.abs(guess - cutoffs[i]!)
    }
    if (error < bestError - 1e-9) {
      bestError = error
      best = w
    }
  }
  return best
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
  /** Past round-to-round moves of the cut-off (their median moved to 0). */
  readonly moves: readonly number[]
  /** Rounds of the type in the window. */
  readonly rounds: number
}

export interface RoundsModel {
  readonly asOf: IsoDate
  /** The last round the model saw (null: none). */
  readonly recordUntil: IsoDate | null
  /** Rounds used (published before asOf). */
  readonly fittedOn: number
  readonly types: readonly TypeModel[]
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/**
 * Fits the rounds model on the rounds published before `asOf` (date < asOf); anything later in
 * `rounds` is ignored, so appending rounds to a record never changes a forecast from an earlier day.
 */
export function fitRoundsModel(rounds: readonly PastRound[], asOf: IsoDate): RoundsModel {
  const known = rounds.filter((r) => r.date < asOf)
  const today = toDayNumber(asOf)
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
  const types: TypeModel[] = []
  for (const [type, list] of byType) {
    const recent = list.filter((r) => today - toDayNumber(r.date) <= RATE_WINDOW)
    for (let i = Math.max(1, list.length - 12); i < list.length; i++) allMoves.push(list[i]!.lowestScore - list[i - 1]!.lowestScore)
    if (recent.length === 0) continue
    const rate = recent.reduce((a, r) => a + Math.exp(-(today - toDayNumber(r.date)) / tau), 0) / norm
    const last = list[list.length - 1]!
    const size = median(list.slice(-3).map((r) => r.size))
    const weight = lastWeight(list.map((r) => r.lowestScore))
    const centre = weight * last.lowestScore + (1 - weight) * median(list.slice(-MEDIAN_ROUNDS).map((r) => r.lowestScore))
    const moves: number[] = []
    for (let i = Math.max(1, list.length - 12); i < list.length; i++) moves.push(list[i]!.lowestScore - list[i - 1]!.lowestScore)
    types.push({ type, label: roundTypeLabel(type), rate, lastDate: last.date, lastCutoff: last.lowestScore, size, centre, lastWeight: weight, moves, rounds: recent.length })
  }
  // A type with few moves of its own borrows every type's.
  const pooled = allMoves.length > 0 ? allMoves : [0]
  const finished = types.map((t) => {
    const own = t.moves.length >= 4 ? t.moves : [...t.moves, ...pooled]
    // Centred on their median, so the next round's median cut-off is the centre.
    const m = median(own)
    return { ...t, moves: own.map((x) => x - m) }
  })
  finished.sort((a, b) => b.rate - a.rate)
  return { asOf, recordUntil: known.length > 0 ? known[known.length - 1]!.date : null, fittedOn: known.length, types: finished }
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
  const day: number[] = []
  const typeIndex: number[] = []
  const cutoff: number[] = []
  const pathDays: number[] = []
  const pathTypes: number[] = []
  const pathCutoffs: number[] = []
  for (let p = 0; p < paths; p++) {
    start[p] = day.length
    pathDays.length = 0
    pathTypes.length = 0
    pathCutoffs.length = 0
    model.types.forEach((t, ti) => {
      const factor = Math.exp(RATE_SPREAD * normal(r) - (RATE_SPREAD * RATE_SPREAD) / 2)
      const n = poisson(r, t.rate * factor * horizonDays)
      if (n === 0) return
      const days: number[] = []
      for (let i = 0; i < n; i++) days.push(Math.floor(r() * horizonDays))
      days.sort((a, b) => a - b)
      let distance = t.moves[Math.floor(r() * t.moves.length)]!
      for (const d of days) {
        pathDays.push(d)
        pathTypes.push(ti)
        pathCutoffs.push(Math.round(t.centre + distance))
        distance = REVERSION * distance + t.moves[Math.floor(r() * t.moves.length)]!
      }
    })
    const order = pathDays.map((_, i) => i).sort((a, b) => pathDays[a]! - pathDays[b]! || a - b)
    for (const i of order) {
      day.push(pathDays[i]!)
      typeIndex.push(pathTypes[i]!)
      cutoff.push(pathCutoffs[i]!)
    }
  }
  start[paths] = day.length
  return { paths, horizonDays, start, day: Int32Array.from(day), typeIndex: Int32Array.from(typeIndex), cutoff: Int32Array.from(cutoff) }
}

/** The day `offset` days after `asOf`. */
export function dayAfter(asOf: IsoDate, offset: number): IsoDate {
  return addDays(asOf, offset)
}
