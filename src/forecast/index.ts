/**
 * "When will I be invited?": a forecast of the coming rounds and of a candidate's invitation, fitted
 * only on the rounds published before the day it looks from, seeded, with its track record measured on
 * the real record (backtest.ts) and one pool model shared with `pool replay` and `pool generate`.
 * Pure: the record comes in as a value.
 * @module
 */
export { forecast, DEFAULT_HORIZON, DEFAULT_PATHS, DEFAULT_SEED, MAX_HORIZON, WITHIN_DAYS, type Forecast, type ForecastOptions, type ForecastRound, type CutoffRange } from './forecast.js'
export { backtestForecast, fitSlope, BACKTEST_FROM, BACKTEST_HORIZON, type ForecastBacktest, type BacktestOptions, type CalibrationBand } from './backtest.js'
export { candidateTrack, type CandidateTrack, type ForecastInput, type Eligible } from './candidate.js'
export { fitRoundsModel, simulateRounds, type RoundsModel, type TypeModel, type SimulatedRounds } from './rounds-model.js'
export { PoolModel, expectedCutoff, poolDensity, poolMix, replayRounds, sampledCutoff, type PoolDensity, type PoolMix, type Replay, type ReplayRow, type TypeEligibility } from './pool-model.js'
export { roundTypeLabel, roundTypeOf, reportGroupOf, type RoundTypeKey } from './round-types.js'
export { population, profileOf, type Template } from './population.js'
