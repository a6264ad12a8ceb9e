/**
 * The record of IRCC's past rounds and what it tells a candidate: the typed record (parse, load,
 * update), analysis, cut-off estimates, and the outlook of a Profile or CrsFactors.
 * Browser code imports from here too; only load.ts touches the file system and it is not re-exported
 * here (import `history/load.js` in Node).
 * @module
 */
export { parseRounds, parseCount, compareRoundNumbers, type PastRound, type ParsedRecord, type RecordNote } from './record.js'
export { rawFeedSchema, rawRoundSchema, fieldChangesSchema, DD_KEYS, type RawFeed, type RawRound, type FieldChange, type FieldChanges } from './feed.js'
export { CRS_RANGES, FINEST_RANGES, countIn, distributionOfScores, distributionMismatches, type CrsRange, type CrsRangeName, type DistributionRow, type PoolDistribution } from './distribution.js'
export { CATEGORY_VERSIONS, kindOfRound, programsCovered, categoryVersionFor, type RoundKind } from './labels.js'
export { parsePublishedInstant, parsePublishedDate, parseDrawDate } from './published-dates.js'
export { updateRounds, type RoundsUpdate, type RoundChange, type StoredRecord } from './update.js'
export { filterRounds, findRound, groupStats, roundStats, statsByType, invitationsByYear, distributionOverTime, median, type RoundFilter, type RoundGroupStats, type YearTypeStats, type DistributionSnapshot } from './analysis.js'
export { estimateCutoff, backtestCutoffs, type CutoffEstimate, type Backtest, type BacktestRow } from './cutoff.js'
export { whatIf, timeline, nextCanadianWorkYearOn, swappedProfile, factorsAt, type OutlookInput, type WhatIf, type WhatIfResult, type WhatIfCode, type Timeline, type TimelineEntry } from './outlook.js'
export { pastInvitations, planRounds, scoresOnPlanDates, invitedRoundIndices, type PastInvitations, type PastRoundCheck, type InvitationOutcome, type RoundsPlan } from './invited.js'
