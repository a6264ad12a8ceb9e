/**
 * The forecast's track record: for every fortnight from 2023-01-01 to 90 days before the end of the
 * record, a forecast made only from the rounds published before that day, for a fixed seeded population
 * (population.ts), scored against what then happened: was there, within 90 days, a round the profile
 * was eligible for on its day with a lowest score at or below the profile's score on that day?
 *
 * Against two baselines for the probability: the last-cut-off rule (1 if the score reaches the last
 * cut-off of a round type held in the past year that the profile is eligible for, else 0) and a
 * logistic curve of the margin between the score and the lowest such last cut-off, its one slope fitted
 * (maximum likelihood) only on cases whose 90 days had ended before the day. And, for the next round's
 * cut-off of each type, against "the last cut-off of that type".
 * @module
 */
import { addDays, toDayNumber, type IsoDate } from '../domain/dates.js'
import type { PastRound } from '../history/record.js'
import { candidateTrack, eligibleFor, sampleAt } from './candidate.js'
import { firstInvitations } from './forecast.js'
import { summarize, type ErrorSummary } from './pool-model.js'
import { fitRoundsModel, nextCutoffRange, simulateRounds } from './rounds-model.js'
import { reportGroupOf, roundTypeOf } from './round-types.js'
import { population, profileOf } from './population.js'

export const BACKTEST_FROM = '2023-01-01'
export const BACKTEST_HORIZON = 90
/** Days before BACKTEST_FROM whose cases only train the logistic baseline. */
const TRAINING_LEAD = 364

export interface BacktestOptions {
  readonly from?: IsoDate
  readonly stepDays?: number
  readonly populationSize?: number
  readonly paths?: number
  readonly seed?: number
}

export interface CalibrationBand {
  readonly band: string
  readonly cases: number
  readonly shareOfCases: number
  readonly meanPredicted: number
  readonly observed: number
  /** |meanPredicted - observed| <= 0.10, or the band holds under 5% of the cases. */
  readonly ok: boolean
}

export interface CutoffErrors {
  readonly model: ErrorSummary
  readonly lastCutoff: ErrorSummary
}

export interface ForecastBacktest {
  readonly from: IsoDate
  readonly to: IsoDate
  readonly recordUntil: IsoDate
  readonly days: number
  readonly profiles: number
  readonly cases: number
  readonly horizonDays: number
  readonly seed: number
  readonly paths: number
  /** Share of cases invited within 90 days. */
  readonly baseRate: number
  readonly brier: { readonly model: number; readonly lastCutoffRule: number; readonly logisticMargin: number }
  /** model / last-cut-off rule (target <= 0.7). */
  readonly brierRatio: number
  readonly calibration: readonly CalibrationBand[]
  /** Next-round cut-off error by report group, and for general, CEC and the categories together. */
  readonly cutoff: Readonly<Record<string, CutoffErrors>>
  readonly targets: { readonly brierRatio: boolean; readonly beatsLogistic: boolean; readonly calibration: boolean; readonly cutoff: boolean }
}

interface Case {
  readonly day: number
  readonly outcome: 0 | 1
  readonly model: number
  readonly rule: 0 | 1
  /** score - lowest last cut-off of an eligible type; null: no eligible type. */
  readonly margin: number | null
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000

/** The maximum-likelihood slope b of p = 1 / (1 + e^(-b x margin)), by Newton's method. */
export function fitSlope(margins: readonly number[], outcomes: readonly (0 | 1)[]): number {
  let b = 0.1
  for (let it = 0; it < 50; it++) {
    let g = 0
    let h = 0
    for (let i = 0; i < margins.length; i++) {
      const m = margins[i]!
      const p = 1 / (1 + Math.exp(-b * m))
      g += (outcomes[i]! - p) * m
      h += p * (1 - p) * m * m
    }
    if (h <= 1e-12) break
    const step = g / h
    b = Math.min(5, Math.max(1e-4, b + step))
    if (Math.abs(step) < 1e-7) break
  }
  return b
}

/** Runs the back-test on `rounds` (the record; its last round's date bounds the days tested). */
export function backtestForecast(rounds: readonly PastRound[], options: BacktestOptions = {}): ForecastBacktest {
  const from = options.from ?? BACKTEST_FROM
  const step = options.stepDays ?? 14
  const paths = options.paths ?? 300
  const seed = options.seed ?? 1
  const templates = population(options.populationSize ?? 200, 13)
  const recordUntil = rounds[rounds.length - 1]!.date
  const lastDay = toDayNumber(recordUntil) - BACKTEST_HORIZON
  const typed = rounds.map((r) => ({ round: r, type: roundTypeOf(r) }))
  const cases: Case[] = []
  const cutoffRows: { group: string; model: number; last: number }[] = []
  let days = 0
  for (let d = toDayNumber(from) - TRAINING_LEAD; d <= lastDay; d += step) {
    const day = addDays('1970-01-01', d)
    const scored = d >= toDayNumber(from)
    if (scored) days++
    const model = fitRoundsModel(rounds, day)
    const sim = scored ? simulateRounds(model, BACKTEST_HORIZON, paths, seed + d) : null
    const end = addDays(day, BACKTEST_HORIZON)
    const coming = typed.filter((x) => x.type !== null && x.round.date >= day && x.round.date < end)

    if (scored && sim) {
      // The next round of each type against the model's median next cut-off and the type's last one.
      for (const t of model.types) {
        const next = coming.find((x) => x.type === t.type)
        if (!next) continue
        cutoffRows.push({ group: reportGroupOf(t.type), model: nextCutoffRange(t).p50 - next.round.lowestScore, last: t.lastCutoff - next.round.lowestScore })
      }
    }

    for (const template of templates) {
      const profile = profileOf(template, day)
      // The forecast's own track: the score and eligibility on every day, exactly (candidate.ts).
      const track = candidateTrack({ kind: 'profile', profile }, day, { days: BACKTEST_HORIZON })
      // What happened: a round of the 90 days that invites the profile (a tie at the cut-off counts, F2).
      let outcome: 0 | 1 = 0
      for (const x of coming) {
        const sample = sampleAt(track, toDayNumber(x.round.date) - d)
        if (sample.score >= x.round.lowestScore && eligibleFor(track, sample, x.type!) === true) {
          outcome = 1
          break
        }
      }
      const today = track.samples[0]!
      let margin: number | null = null
      for (const t of model.types) {
        if (eligibleFor(track, today, t.type) !== true) continue
        const m = today.score - t.lastCutoff
        if (margin === null || m > margin) margin = m
      }
      let p = 0
      if (sim) {
        const first = firstInvitations(sim, model, track).day
        p = first.reduce((a, f) => a + (f < BACKTEST_HORIZON ? 1 : 0), 0) / sim.paths
      }
      cases.push({ day: d, outcome, model: p, rule: margin !== null && margin >= 0 ? 1 : 0, margin })
    }
  }

  // The logistic baseline, day by day, fitted on cases whose 90 days ended before the day.
  const scoredCases = cases.filter((c) => c.day >= toDayNumber(from))
  const logistic = new Map<number, number>()
  for (const d of new Set(scoredCases.map((c) => c.day))) {
    const train = cases.filter((c) => c.day + BACKTEST_HORIZON < d && c.margin !== null)
    logistic.set(d, train.length > 0 ? fitSlope(train.map((c) => c.margin!), train.map((c) => c.outcome)) : 0.1)
  }
  const n = scoredCases.length
  const brierOf = (pred: (c: Case) => number) => round4(scoredCases.reduce((a, c) => a + (pred(c) - c.outcome) ** 2, 0) / Math.max(1, n))
  const logisticP = (c: Case) => (c.margin === null ? 0 : 1 / (1 + Math.exp(-logistic.get(c.day)! * c.margin)))
  const brier = { model: brierOf((c) => c.model), lastCutoffRule: brierOf((c) => c.rule), logisticMargin: brierOf(logisticP) }

  const calibration: CalibrationBand[] = []
  for (let b = 0; b < 10; b++) {
    const inBand = scoredCases.filter((c) => Math.min(9, Math.floor(c.model * 10)) === b)
    if (inBand.length === 0) continue
    const meanPredicted = inBand.reduce((a, c) => a + c.model, 0) / inBand.length
    const observed = inBand.reduce((a, c) => a + c.outcome, 0) / inBand.length
    const shareOfCases = inBand.length / n
    calibration.push({ band: `${b * 10}-${b * 10 + 10}%`, cases: inBand.length, shareOfCases: round4(shareOfCases), meanPredicted: round4(meanPredicted), observed: round4(observed), ok: shareOfCases < 0.05 || Math.abs(meanPredicted - observed) <= 0.1 })
  }

  const cutoff: Record<string, CutoffErrors> = {}
  for (const g of [...new Set(cutoffRows.map((r) => r.group))].sort()) {
    const rows = cutoffRows.filter((r) => r.group === g)
    cutoff[g] = { model: summarize(rows.map((r) => r.model)), lastCutoff: summarize(rows.map((r) => r.last)) }
  }
  const together = cutoffRows.filter((r) => r.group === 'general' || r.group === 'cec' || r.group === 'french' || r.group === 'category')
  cutoff['general+cec+categories'] = { model: summarize(together.map((r) => r.model)), lastCutoff: summarize(together.map((r) => r.last)) }

  const brierRatio = round4(brier.model / Math.max(1e-9, brier.lastCutoffRule))
  const all = cutoff['general+cec+categories']!
  return {
    from,
    to: addDays('1970-01-01', lastDay),
    recordUntil,
    days,
    profiles: templates.length,
    cases: n,
    horizonDays: BACKTEST_HORIZON,
    seed,
    paths,
    baseRate: round4(scoredCases.reduce((a, c) => a + c.outcome, 0) / Math.max(1, n)),
    brier,
    brierRatio,
    calibration,
    cutoff,
    targets: {
      brierRatio: brierRatio <= 0.7,
      beatsLogistic: brier.model < brier.logisticMargin,
      calibration: calibration.every((c) => c.ok),
      cutoff: all.model.meanAbsoluteError < all.lastCutoff.meanAbsoluteError,
    },
  }
}
