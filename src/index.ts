/**
 * Express Entry Engine: Canada's Express Entry rules as code.
 * @module
 */
export * from './crs/index.js'
export * from './errors.js'
export * from './domain/dates.js'
export { crsFactorsSchema, type CrsFactors, type CrsFactorsInput } from './schemas/crs-factors.js'
export { profileSchema, type Profile, type ProfileInput } from './schemas/profile.js'
export { parseScoreRequest, type ScoreRequest } from './schemas/score-request.js'
export { parseOrThrow, inputIssues } from './schemas/issues.js'
export { toClb, conversionFor, DESIGNATED_TESTS, type DesignatedTest } from './language/tests.js'
export { allRules, ruleById } from './rules/index.js'
export { parseRounds, updateRounds, filterRounds, findRound, roundStats, statsByType, invitationsByYear, distributionOverTime, estimateCutoff, backtestCutoffs, whatIf, timeline, pastInvitations, CRS_RANGES, distributionOfScores, type PastRound, type PoolDistribution, type DistributionRow, type OutlookInput, type WhatIfResult, type Timeline, type PastInvitations } from './history/index.js'
export { loadRounds, loadRecord } from './history/load.js'
export { eligibility, isEligibleForProgram, isEligibleForAnyProgram, isEligibleForCategory, invitationProgram, categoriesInForce, categoryById, categoryVersions, CATEGORY_KEYS, type EligibilityResult, type UnmetCondition, type UnmetSource, type UnmetCode, type FswGrid, type FswResult, type FstResult, type ProgramResult, type CategoryResult, type QualifyingOccupation, type FundsCheck, type CategoryVersion, type CategoryKey, type CategoryRule } from './eligibility/index.js'
export { nocByCode, nocTitle, isNocCode, searchNoc, nocUnitGroups, NOC_VERSION, type NocUnitGroup, type NocMatch } from './noc/index.js'
export { forecast, backtestForecast, replayRounds, poolDensity, calibrateShares, fitRoundsModel, type Forecast, type ForecastRound, type ForecastBacktest, type Replay } from './forecast/index.js'
export { parseForecastRequest, forecastSchema } from './schemas/forecast.js'
