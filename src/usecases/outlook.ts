/**
 * The outlook request as the CLI (`outlook`) and the API (`POST /v1/outlook`) both answer it, from
 * CrsFactors or a Profile (the inputs of `score`): what raises the score most, the days it changes,
 * the cut-off of rounds of N invitations estimated from IRCC's latest published distribution, and the
 * past rounds that would have invited the candidate.
 * @module
 */
import { unlocks, type Unlock } from '../history/unlock.js'
import { scoreRequest } from '../crs/index.js'
import { addYears, LAST_DAY, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import { backtestCutoffs, estimateCutoff } from '../history/cutoff.js'
import { pastInvitations, type PastInvitations } from '../history/invited.js'
import { timeline, whatIf, type OutlookInput, type Timeline, type WhatIfResult } from '../history/outlook.js'
import type { PastRound } from '../history/record.js'
import { parseScoreRequest } from '../schemas/score-request.js'

/** The round sizes estimated when none are asked for. */
export const DEFAULT_ROUND_SIZES: readonly number[] = [500, 1000, 3000, 5000]
/** How far ahead the timeline looks when not told, in years. */
export const DEFAULT_TIMELINE_YEARS = 3

/** The cut-off of rounds of N invitations, estimated from the latest published distribution on or before the day. */
export interface CutoffOutlook {
  /** The day of that distribution, and the round it was published with (null: none published by then, and no estimates). */
  readonly distributionAsOf: IsoDate | null
  readonly fromRound: string | null
  /** The estimate measured on past general rounds (backtestCutoffs), rounded. */
  readonly backtest: { readonly rounds: number; readonly meanAbsoluteError: number; readonly meanError: number; readonly maxAbsoluteError: number; readonly within10: number }
  readonly estimates: readonly { readonly size: number; readonly lowestScore: number; readonly range: string; readonly score: number; readonly reaches: boolean }[]
}

/** The cut-off estimates for round sizes from the latest published distribution on or before `asOf`. */
function cutoffOutlook(rounds: readonly PastRound[], sizes: readonly number[], score: number, asOf: string): CutoffOutlook {
  const latest = [...rounds].reverse().find((r) => r.distribution && r.distributionAsOf && r.distributionAsOf <= asOf)
  const backtest = backtestCutoffs(rounds)
  const summary = { rounds: backtest.rounds, meanAbsoluteError: Math.round(backtest.meanAbsoluteError * 100) / 100, meanError: Math.round(backtest.meanError * 100) / 100, maxAbsoluteError: backtest.maxAbsoluteError, within10: Math.round(backtest.within10 * 10_000) / 10_000 }
  if (!latest?.distribution) return { distributionAsOf: null, fromRound: null, backtest: summary, estimates: [] }
  return {
    distributionAsOf: latest.distributionAsOf,
    fromRound: latest.number,
    backtest: summary,
    estimates: sizes.map((size) => {
      const e = estimateCutoff(latest.distribution!, size)
      return { size, lowestScore: e.lowestScore, range: e.range, score, reaches: score >= e.lowestScore }
    }),
  }
}

/** The outlook envelope, as `outlook --json` prints it and `POST /v1/outlook` answers it. */
export interface Outlook {
  readonly asOf: IsoDate
  readonly input: OutlookInput['kind']
  readonly score: number
  readonly whatIf: WhatIfResult
  /** The smallest changes that would open a program or category (a Profile only; null for CrsFactors). */
  readonly unlocks: readonly Unlock[] | null
  readonly timeline: Timeline
  readonly cutoff: CutoffOutlook
  readonly pastRounds: PastInvitations
}

export interface OutlookOptions {
  /** The record of past rounds; those after the request's date are left out. */
  readonly rounds: readonly PastRound[]
  readonly sizes?: readonly number[] | undefined
  readonly years?: number | undefined
}

/** The outlook of one request (CrsFactors or a Profile, bare or `{ asOf, factors | profile }`). */
export function answerOutlook(input: unknown, defaultAsOf: IsoDate, options: OutlookOptions): Outlook {
  const request = parseScoreRequest(input, defaultAsOf)
  const asOf = request.asOf
  const years = options.years ?? DEFAULT_TIMELINE_YEARS
  // The timeline and the unlocks look `years` ahead: not past the calendar's last day.
  if (asOf > addYears(LAST_DAY, -years)) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'asOf', value: asOf, message: `the outlook looks ${years} years ahead of the day, past ${LAST_DAY}, the last day of the calendar this engine handles: look from a day on or before ${addYears(LAST_DAY, -years)}` }] })
  }
  const subject: OutlookInput = request.kind === 'factors' ? { kind: 'factors', factors: request.factors } : { kind: 'profile', profile: request.profile }
  const { result } = scoreRequest(request)
  const rounds = options.rounds.filter((r) => r.date <= asOf)
  return {
    asOf,
    input: subject.kind,
    score: result.total,
    whatIf: whatIf(subject, asOf),
    // What would open a program or category needs a Profile's facts.
    unlocks: subject.kind === 'profile' ? unlocks(subject.profile, asOf).unlocks : null,
    timeline: timeline(subject, asOf, years),
    cutoff: cutoffOutlook(rounds, options.sizes ?? DEFAULT_ROUND_SIZES, result.total, asOf),
    pastRounds: pastInvitations(subject, rounds),
  }
}
