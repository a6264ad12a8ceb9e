/**
 * "When will I be invited?": the probability of at least one invitation within the horizon (and within
 * 30, 90, 180 and 365 days), the likely first round, and the next round of each type with its cut-off as
 * a range; fitted only on the rounds published before the day it looks from, seeded, pure.
 * @module
 */
import { addDays, LAST_DAY, toDayNumber, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import type { PastRound } from '../history/record.js'
import { RECORD_SHORT_DAYS } from '../history/record-currency.js'
import type { UnmetCondition } from '../eligibility/types.js'
import { verificationNotice } from '../rules/verified.js'
import { FEDERAL_PROGRAMS } from '../domain/words.js'
import { categoryById, eligibility } from '../eligibility/index.js'
import type { Profile } from '../schemas/profile.js'
import { timeline } from '../history/outlook.js'
import { candidateTrack, eligibleFor, factsAfter, sampleAt, type CandidateTrack, type Eligible, type ForecastInput } from './candidate.js'
import { fitRoundsModel, nextCutoffRange, quantile, simulateRounds, type CutoffRange, type RoundsModel, type SimulatedRounds } from './rounds-model.js'
import { roundTypeLabel, roundTypeOf, type RoundTypeKey } from './round-types.js'

export type { CutoffRange }

export const WITHIN_DAYS = [30, 90, 180, 365] as const
export const DEFAULT_HORIZON = 90
export const MAX_HORIZON = 730
export const DEFAULT_SEED = 1
export const DEFAULT_PATHS = 1000
/**
 * A forecast is not made from further than this past the day the record is whole: with a year of
 * rounds unseen there is nothing to stand on (BENCHMARKS.md "Forecast": the cut-off ranges held about
 * 80% of the next cut-offs up to 1.5 years unseen over all types, but the general rounds' fell to a
 * third by a year, and the types held, their pace and their sizes change in a year).
 */
export const MAX_UNSEEN_DAYS = 365

export interface ForecastOptions {
  readonly asOf: IsoDate
  readonly horizonDays?: number
  readonly seed?: number
  readonly paths?: number
  /**
   * The last day the record is known to hold every round IRCC published (its feed last seen: the record's
   * `currentAsOf`). Default: asOf. Earlier, the rounds held since are unseen, and the forecast says so.
   */
  readonly recordCurrentTo?: IsoDate
}

export interface ForecastRound {
  readonly type: RoundTypeKey
  readonly label: string
  /** The median day of the type's next round, among futures that hold one within a year. */
  readonly expectedDate: IsoDate | null
  /** Share of futures with a round of the type within a year. */
  readonly held: number
  readonly cutoff: CutoffRange | null
  /** Whether the candidate can be invited by this type on the day looked from (null: can't tell). */
  readonly eligible: Eligible
  /**
   * For a type not open on the day looked from: the first day within the year ahead it opens to the
   * candidate (a job going on, a test or a nomination dated later); null when it is open on the day, or
   * does not open within the year. A chance above 0 beside "not open" is read with it.
   */
  readonly opensOn: IsoDate | null
  /** Chance that the type's next round (within a year) invites the candidate (a type that can't be told counted as not open). */
  readonly chance: number
  /** For a type that can't be told on some day (eligible null): the chance if it were open to the candidate then; otherwise null. */
  readonly chanceIfOpen: number | null
  readonly lastCutoff: number
  readonly lastDate: IsoDate
}

export interface Forecast {
  readonly asOf: IsoDate
  readonly horizonDays: number
  readonly input: ForecastInput['kind']
  readonly score: number
  /** Chance of at least one invitation within horizonDays. */
  readonly probability: number
  readonly within: { readonly '30': number; readonly '90': number; readonly '180': number; readonly '365': number }
  /** The chance of an invitation by the end of each of the next 12 months (for a chart). */
  readonly curve: readonly { readonly date: IsoDate; readonly probability: number }[]
  /**
   * When some type can't be told for the candidate (eligible null on some day: a Profile's category whose
   * list is not known, anything but general and PNP rounds for CrsFactors): the probability and the
   * chances within 30-365 days if every such type were open, so the can't-tell is bounded, never shown
   * as a no; `types` names them. Null when every type can be told.
   */
  readonly ifOpen: { readonly types: readonly RoundTypeKey[]; readonly probability: number; readonly within: { readonly '30': number; readonly '90': number; readonly '180': number; readonly '365': number } } | null
  /** The most likely first inviting round (null: none within the longer of the horizon and a year). */
  readonly first: { readonly type: RoundTypeKey; readonly label: string; readonly expectedDate: IsoDate; readonly share: number } | null
  readonly rounds: readonly ForecastRound[]
  /** Why the probability is 0 or low. */
  readonly reasons: readonly ForecastNotice[]
  readonly notes: readonly ForecastNotice[]
  readonly model: {
    readonly recordUntil: IsoDate | null
    /** The last day the record is known whole; rounds in the `unseenDays` after it are not in it. */
    readonly recordCurrentTo: IsoDate
    readonly unseenDays: number
    readonly fittedOn: number
    readonly seed: number
    readonly paths: number
  }
}

/** What a reason or note says, as a code a surface can word in its own language. */
export type ForecastNoticeCode =
  /** No round of any type was held in the year before the day looked from (params: lastRound; firstRound, when the record holds none before the day, its first after). */
  | 'no_recent_rounds'
  /** Eligible for no round type on any day of the span (params: days); the programs' reasons follow. */
  | 'never_eligible'
  /** Open to no type that can be told, on any day of the span, but some can't be told (params: types, days, probability: the chance within the horizon if they were open). */
  | 'cant_tell_eligibility'
  /** Open to no round type on the day looked from; the first type opens later (params: date, types). */
  | 'not_open_yet'
  /** A program the candidate does not meet on the day (params: program; unmet: its conditions). */
  | 'program_unmet'
  /**
   * Eligible for a program on the day but open to no round type held in the past year: no general or
   * program round open to it was (params: programs, lastRound: the last such round or ''); the
   * categories held follow as category_unmet.
   */
  | 'program_rounds_not_held'
  /** A category held in the past year whose conditions the candidate does not meet on the day (params: category, the type key; unmet: its conditions). */
  | 'category_unmet'
  /** Eligible, but the score is below every open type's likely cut-off (params: score; date: for a candidate open to nothing yet, the day the first type opens, whose score it is). */
  | 'below_expected_cutoffs'
  /** Eligible, and the score may clear an open type's next cut-off, but no such round is likely within the horizon (params: days, types, within365). */
  | 'no_round_within_horizon'
  | 'factors_no_programs'
  | 'factors_no_dates'
  /** Types the candidate can't tell about, counted as not open (params: types, comma-separated keys). */
  | 'cant_tell_types'
  | 'tie_counts_as_invited'
  /** The record stops short of the day (params: currentTo, unseenDays, likelyRounds). */
  | 'record_stops_short'
  /** The days forecast reach past the day the rules were last verified (params: lastVerified). */
  | 'rules_not_verified'
  /** The profile holds facts dated after the day looked from, counted from their dates as planned (params: count, first, paths). */
  | 'facts_after_as_of'
  /**
   * Open to some round type, the candidate is open to none from a day of the span (a language test or
   * an ECA expiring, work leaving its window): no invitation is counted from then (params: date, types
   * open the day before, reopens: the day one opens again or ''; unmet: the conditions the programs
   * open the day before fail on that day).
   */
  | 'eligibility_ends'
  /**
   * The Profile's score changes on days of the span (a birthday, a year of work, a result expiring),
   * each counted from its day (params: dates and scores, comma-separated, in order; the message says why).
   */
  | 'score_changes'

/** A reason or note: a code and its values (as eligibility's unmet conditions), with its words in English. */
export interface ForecastNotice {
  readonly code: ForecastNoticeCode
  readonly message: string
  readonly params?: Readonly<Record<string, string | number>>
  /** For program_unmet: eligibility()'s conditions, each with its own code. */
  readonly unmet?: readonly UnmetCondition[]
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000

/** Whether a type is taken as open: when it can be told (true), or, with `cantTellOpen`, also when it can't (null). */
const opens = (e: Eligible, cantTellOpen: boolean) => e === true || (cantTellOpen && e === null)

/** For each path, the day offset of the first invitation (Infinity: none) and the round index. */
export function firstInvitations(sim: SimulatedRounds, model: RoundsModel, track: CandidateTrack, cantTellOpen = false): { day: Float64Array; round: Int32Array } {
  const day = new Float64Array(sim.paths).fill(Number.POSITIVE_INFINITY)
  const round = new Int32Array(sim.paths).fill(-1)
  const types = model.types
  for (let p = 0; p < sim.paths; p++) {
    for (let i = sim.start[p]!; i < sim.start[p + 1]!; i++) {
      const sample = sampleAt(track, sim.day[i]!)
      if (sample.score >= sim.cutoff[i]! && opens(eligibleFor(track, sample, types[sim.typeIndex[i]!]!.type), cantTellOpen)) {
        day[p] = sim.day[i]!
        round[p] = i
        break
      }
    }
  }
  return { day, round }
}

/**
 * The first day of the track on which a Profile open to some modelled round type (or one it can't
 * tell) is open to none, after a day it was: the note that says so, with the day it opens again and
 * the conditions that close the programs open the day before (eligibility() on both days). Null when
 * the candidate never closes.
 */
function eligibilityEnds(profile: Profile, track: CandidateTrack, model: RoundsModel): ForecastNotice | null {
  const openTypes = (s: CandidateTrack['samples'][number]) => model.types.filter((t) => eligibleFor(track, s, t.type) !== false).map((t) => t.type)
  const samples = track.samples
  const k = samples.findIndex((s, i) => i > 0 && openTypes(s).length === 0 && samples.slice(0, i).some((b) => openTypes(b).length > 0))
  if (k < 0) return null
  const before = openTypes(samples[k - 1]!)
  const reopening = samples.slice(k + 1).find((s) => openTypes(s).length > 0)
  const date = addDays(track.asOf, samples[k]!.offset)
  const reopens = reopening ? addDays(track.asOf, reopening.offset) : ''
  const then = eligibility(profile, addDays(date, -1))
  const now = eligibility(profile, date)
  const unmet = FEDERAL_PROGRAMS.filter((id) => then.programs[id].eligible === true && now.programs[id].eligible === false).flatMap((id) => now.programs[id].unmet)
  const labels = model.types.filter((t) => before.includes(t.type)).map((t) => t.label)
  return {
    code: 'eligibility_ends',
    message: `open to ${labels.join(', ')} through ${addDays(date, -1)}; from ${date} open to none of the round types held in the past year${reopens ? ` until ${reopens}` : ''}, so no invitation is counted ${reopens ? 'on those days' : 'after it'}${unmet.length > 0 ? ` (${unmet.map((u) => u.message).join('; ')})` : ''}`,
    params: { date, types: before.join(','), reopens },
    ...(unmet.length > 0 ? { unmet } : {}),
  }
}

/**
 * Why a candidate eligible for a program on the day is open to no round type held in the past year:
 * the rounds open to the program (general, and the program's own) were not held in it, and each
 * category held in it is not met (eligibility()'s conditions on the day).
 */
function programOnlyReasons(profile: Profile, asOf: IsoDate, rounds: readonly PastRound[], model: RoundsModel): ForecastNotice[] {
  const result = eligibility(profile, asOf)
  const programs = FEDERAL_PROGRAMS.filter((id) => result.programs[id].eligible === true)
  const theirs = new Set<RoundTypeKey>(['general', ...programs.map((id) => `program:${id}`)])
  const lastRound = rounds.filter((r) => r.date < asOf && theirs.has(roundTypeOf(r) ?? '')).at(-1)?.date ?? ''
  const out: ForecastNotice[] = [
    {
      code: 'program_rounds_not_held',
      message: `eligible for ${programs.map((id) => id.toUpperCase()).join(', ')} on this day, but no general or ${programs.map((id) => id.toUpperCase()).join(' or ')} round was held in the year before it${lastRound ? ` (the last: ${lastRound})` : ''}; a round type not held for a year is not forecast to come back`,
      params: { programs: programs.join(','), lastRound },
    },
  ]
  const held = new Set(model.types.map((t) => t.type))
  for (const c of result.categories) {
    const key = categoryById(c.id)?.key
    const type = key ? `category:${key}` : null
    if (type === null || !held.has(type) || c.eligible !== false || out.some((n) => n.params?.category === type)) continue
    out.push({ code: 'category_unmet', message: c.unmet.map((u) => u.message).join('; ') || `${roundTypeLabel(type)}: not met`, params: { category: type }, unmet: c.unmet })
  }
  return out
}

/**
 * The forecast for a candidate from the record `rounds` (only those before `asOf` are used).
 * @example
 * forecast({ kind: 'profile', profile }, loadRounds(), { asOf: '2026-08-20' }).within['90'] //=> 0.969 (examples/profile.json)
 */
export function forecast(input: ForecastInput, rounds: readonly PastRound[], options: ForecastOptions): Forecast {
  const asOf = options.asOf
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON
  const seed = options.seed ?? DEFAULT_SEED
  const paths = options.paths ?? DEFAULT_PATHS
  const span = Math.max(365, horizonDays)
  if (toDayNumber(LAST_DAY) - toDayNumber(asOf) < span) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'asOf', value: asOf, message: `the forecast looks ${span} days ahead of the day, past ${LAST_DAY}, the last day of the calendar this engine handles: look from a day on or before ${addDays(LAST_DAY, -span)}` }] })
  }
  const model = fitRoundsModel(rounds, asOf, options.recordCurrentTo !== undefined ? { currentTo: options.recordCurrentTo } : {})
  if (model.unseenDays > MAX_UNSEEN_DAYS) {
    throw new ExpressEntryError('invalid_input', {
      issues: [{ path: 'asOf', value: asOf, message: `can't tell: the record holds IRCC's rounds to ${model.currentTo}, ${model.unseenDays} days before ${asOf}; with more than a year of rounds unseen there is nothing to forecast from. Refresh the record (express-entry rounds update), or look from a day within a year of it` }],
    })
  }
  const sim = simulateRounds(model, span, paths, seed)
  const track = candidateTrack(input, asOf, { days: span })
  const { day: first, round: firstRound } = firstInvitations(sim, model, track)
  const shareOf = (firsts: Float64Array) => (days: number) => round4(firsts.reduce((a, d) => a + (d < days ? 1 : 0), 0) / paths)
  const share = shareOf(first)
  // The types that can't be told on some day of the span: the answer if they were open bounds the can't-tell.
  const cantTellTypes = model.types.filter((t) => track.samples.some((s) => eligibleFor(track, s, t.type) === null)).map((t) => t.type)
  const shareIfOpen = cantTellTypes.length > 0 ? shareOf(firstInvitations(sim, model, track, true).day) : null

  const curve = Array.from({ length: 12 }, (_, m) => {
    const days = Math.round(((m + 1) * 365) / 12)
    return { date: addDays(asOf, days), probability: share(days) }
  })

  // The most common type of first inviting round within the span.
  const counts = new Map<number, number[]>()
  for (let p = 0; p < paths; p++) {
    const i = firstRound[p]!
    if (i < 0) continue
    const t = sim.typeIndex[i]!
    const list = counts.get(t)
    if (list) list.push(first[p]!)
    else counts.set(t, [first[p]!])
  }
  let firstType: Forecast['first'] = null
  let best = 0
  for (const [t, days] of counts) {
    if (days.length <= best) continue
    best = days.length
    const sorted = [...days].sort((a, b) => a - b)
    firstType = { type: model.types[t]!.type, label: model.types[t]!.label, expectedDate: addDays(asOf, quantile(sorted, 0.5)), share: round4(days.length / paths) }
  }

  // The next round of each type: its day, its cut-off, and whether it invites.
  const perType = model.types.map(() => ({ days: [] as number[], invites: 0, invitesIfOpen: 0 }))
  for (let p = 0; p < paths; p++) {
    const seen = new Set<number>()
    for (let i = sim.start[p]!; i < sim.start[p + 1]!; i++) {
      const t = sim.typeIndex[i]!
      if (seen.has(t)) continue
      seen.add(t)
      const entry = perType[t]!
      entry.days.push(sim.day[i]!)
      const sample = sampleAt(track, sim.day[i]!)
      if (sample.score < sim.cutoff[i]!) continue
      const e = eligibleFor(track, sample, model.types[t]!.type)
      if (e === true) entry.invites++
      if (e !== false) entry.invitesIfOpen++
    }
  }
  const today = track.samples[0]!
  // The first day a type not open on the day opens, within the span the track covers.
  const opensOn = (type: RoundTypeKey): IsoDate | null => {
    if (eligibleFor(track, today, type) === true) return null
    const opening = track.samples.find((s) => s.offset < span && eligibleFor(track, s, type) === true)
    return opening ? addDays(asOf, opening.offset) : null
  }
  const roundsOut: ForecastRound[] = model.types.map((t, i) => {
    const e = perType[i]!
    const days = [...e.days].sort((a, b) => a - b)
    return {
      type: t.type,
      label: t.label,
      expectedDate: days.length > 0 ? addDays(asOf, quantile(days, 0.5)) : null,
      held: round4(days.length / paths),
      cutoff: days.length > 0 ? nextCutoffRange(t, model.unseenDays, span) : null,
      eligible: eligibleFor(track, today, t.type),
      opensOn: opensOn(t.type),
      chance: e.days.length > 0 ? round4(e.invites / e.days.length) : 0,
      chanceIfOpen: cantTellTypes.includes(t.type) ? (e.days.length > 0 ? round4(e.invitesIfOpen / e.days.length) : 0) : null,
      lastCutoff: t.lastCutoff,
      lastDate: t.lastDate,
    }
  })
  roundsOut.sort((a, b) => (a.expectedDate ?? '9999') < (b.expectedDate ?? '9999') ? -1 : (a.expectedDate ?? '9999') > (b.expectedDate ?? '9999') ? 1 : 0)

  const probability = share(horizonDays)
  const reasons: ForecastNotice[] = []
  const everEligible = track.samples.some((s) => model.types.some((t) => eligibleFor(track, s, t.type) === true))
  if (model.types.length === 0) {
    const last = rounds.filter((r) => r.date < asOf).at(-1)?.date ?? null
    const firstAfter = rounds.find((r) => r.date >= asOf)?.date ?? null
    reasons.push({
      code: 'no_recent_rounds',
      // Before the record's first round (Express Entry's first was 2015-01-31), no refresh would help.
      message:
        !last && firstAfter
          ? `the record holds no round before this day (its first: ${firstAfter}): it gives nothing to forecast from`
          : `the record holds no round in the year before this day${last ? ` (its last: ${last})` : ''}: it gives nothing to forecast from. If IRCC held rounds since, this record lacks them: refresh it (express-entry rounds update)`,
      params: { lastRound: last ?? '', firstRound: last ? '' : (firstAfter ?? '') },
    })
  } else if (!everEligible && shareIfOpen) {
    // In the order of the rounds listed (next round first), as the answer's other can't-tell lists are.
    const listed = roundsOut.filter((r) => cantTellTypes.includes(r.type))
    const names = listed.map((r) => r.label)
    reasons.push({
      code: 'cant_tell_eligibility',
      message: `open to no round type that can be told on any day of the next ${span} days; can't tell for ${names.join(', ')}: if ${names.length === 1 ? 'it were' : 'they were all'} open to the candidate, the chance within ${horizonDays} ${horizonDays === 1 ? 'day' : 'days'} would be ${Math.round(shareIfOpen(horizonDays) * 100)}%`,
      params: { types: listed.map((r) => r.type).join(','), days: span, probability: shareIfOpen(horizonDays) },
    })
  } else if (!everEligible) {
    reasons.push({ code: 'never_eligible', message: `not eligible for any round type held in the past year on any day of the next ${span} days`, params: { days: span } })
    for (const p of today.programsUnmet) reasons.push({ code: 'program_unmet', message: `${p.program.toUpperCase()}: ${p.unmet.map((u) => u.message).join('; ') || 'not eligible'}`, params: { program: p.program }, unmet: p.unmet })
    if (input.kind === 'profile' && today.programsUnmet.length === 0) reasons.push(...programOnlyReasons(input.profile, asOf, rounds, model))
  } else if (probability === 0) {
    const open = roundsOut.filter((r) => r.eligible === true && r.cutoff)
    const inviting = open.filter((r) => r.chance > 0)
    if (inviting.length > 0) {
      // The score clears some open type's cut-offs: the horizon is too short for its next round, not the score too low.
      reasons.push({
        code: 'no_round_within_horizon',
        message: `no round likely to invite the candidate is expected within ${horizonDays} ${horizonDays === 1 ? 'day' : 'days'}: the next that may (${inviting.map((r) => `${r.label}, around ${r.expectedDate}: ${Math.round(r.chance * 100)}%`).join('; ')}) come later; within 365 days the chance is ${Math.round(share(365) * 100)}%`,
        params: { days: horizonDays, types: inviting.map((r) => r.type).join(','), within365: share(365) },
      })
    } else if (open.length > 0) {
      reasons.push({ code: 'below_expected_cutoffs', message: `the score ${today.score} is below the cut-offs expected for the rounds open to the candidate (${open.map((r) => `${r.label}: ${r.cutoff!.p10}-${r.cutoff!.p90}`).join('; ')})`, params: { score: today.score } })
    } else {
      // Open to nothing today: say from when something opens, rather than a score against no cut-off.
      const opening = track.samples.find((s) => model.types.some((t) => eligibleFor(track, s, t.type) === true))!
      const types = model.types.filter((t) => eligibleFor(track, opening, t.type) === true)
      const date = addDays(asOf, opening.offset)
      reasons.push({ code: 'not_open_yet', message: `open to no round type on this day; the first opens on ${date} (${types.map((t) => t.label).join(', ')})`, params: { date, types: types.map((t) => t.type).join(',') } })
      // Not invited on any day of the span once open either: the score then is the reason too.
      const later = roundsOut.filter((r) => types.some((t) => t.type === r.type) && r.cutoff)
      if (share(span) === 0 && later.length > 0) {
        reasons.push({ code: 'below_expected_cutoffs', message: `once open, on ${date}, the score ${opening.score} is below the cut-offs expected for the rounds open to the candidate (${later.map((r) => `${r.label}: ${r.cutoff!.p10}-${r.cutoff!.p90}`).join('; ')})`, params: { score: opening.score, date } })
      }
    }
  }
  const notes: ForecastNotice[] = [...track.notes]
  const cantTell = roundsOut.filter((r) => r.eligible === null)
  if (cantTell.length > 0) notes.push({ code: 'cant_tell_types', message: `can't tell for: ${cantTell.map((r) => r.label).join(', ')} (counted as not open)`, params: { types: cantTell.map((r) => r.type).join(',') } })
  if (input.kind === 'profile') {
    // The score the forecast follows, said: each change in the span, with why (the outlook's timeline).
    const end = addDays(asOf, span)
    const changes = timeline({ kind: 'profile', profile: input.profile }, asOf, Math.ceil(span / 365)).changes.filter((c) => c.date < end)
    if (changes.length > 0) {
      notes.push({
        code: 'score_changes',
        message: `the score changes in the next ${span} days, each change counted from its day: ${changes.map((c) => `${c.score} from ${c.date} (${c.reasons.join('; ')})`).join(', ')}`,
        params: { days: span, dates: changes.map((c) => c.date).join(','), scores: changes.map((c) => c.score).join(',') },
      })
    }
    const ends = eligibilityEnds(input.profile, track, model)
    if (ends) notes.push(ends)
    const later = factsAfter(input.profile, asOf)
    if (later.length > 0) {
      notes.push({
        code: 'facts_after_as_of',
        message: `the profile holds ${later.length === 1 ? 'a fact' : `${later.length} facts`} dated after ${asOf} (${later.map((f) => `${f.path} ${f.date}`).join(', ')}): each counts from its date, as planned`,
        params: { count: later.length, first: later[0]!.date, paths: later.map((f) => f.path).join(',') },
      })
    }
  }
  notes.push({ code: 'tie_counts_as_invited', message: 'a candidate at exactly the cut-off is counted as invited (the tie-break day cannot be forecast)' })
  // The candidate's future days are scored by the rules as encoded: a change after they were last verified is not known.
  const unverified = verificationNotice(addDays(asOf, span))
  if (unverified) notes.push({ code: 'rules_not_verified', message: `scores and eligibility on days after ${unverified.lastVerified} are those of the rules as last verified that day: a change announced since is not known to this version`, params: { lastVerified: unverified.lastVerified } })
  if (model.unseenDays >= RECORD_SHORT_DAYS) {
    const likely = Math.round(model.types.reduce((a, t) => a + t.rate * model.unseenDays, 0))
    notes.push({
      code: 'record_stops_short',
      message: `the record holds IRCC's rounds to ${model.currentTo}, ${model.unseenDays} days before this day: the rounds held since (about ${likely}, at the recent pace) are not in it, so each cut-off is drawn as if they had moved it unseen and the ranges are wider; refresh the record (express-entry rounds update) for a sharper forecast`,
      params: { currentTo: model.currentTo, unseenDays: model.unseenDays, likelyRounds: likely },
    })
  }

  return {
    asOf,
    horizonDays,
    input: input.kind,
    score: today.score,
    probability,
    within: { '30': share(30), '90': share(90), '180': share(180), '365': share(365) },
    curve,
    ifOpen: shareIfOpen ? { types: cantTellTypes, probability: shareIfOpen(horizonDays), within: { '30': shareIfOpen(30), '90': shareIfOpen(90), '180': shareIfOpen(180), '365': shareIfOpen(365) } } : null,
    first: firstType,
    rounds: roundsOut,
    reasons,
    notes,
    model: { recordUntil: model.recordUntil, recordCurrentTo: model.currentTo, unseenDays: model.unseenDays, fittedOn: model.fittedOn, seed, paths },
  }
}
