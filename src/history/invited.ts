/**
 * Would I have been invited? For each past round: the candidate's CRS score on the round's date,
 * eligibility for the round (its program or category, on that date, by the eligibility engine), and
 * the round's rule: invited above `lowestScore`, and at it only if the profile was submitted at or
 * before `tieBreakCutoff`.
 *
 * Scoring hundreds of rounds for many profiles is made cheap without changing the answer: the change
 * calendar (src/facts/calendar.ts) says on which days what the score read can change; in between, only
 * the age (on a birthday) and the work years (when a count could cross a year) are recomputed, and
 * eligibility is asked only when the score reaches the cut-off, its answers reused over the days the
 * calendar says they hold (eligibility-scan.ts). test/consistency/one-answer.test.ts checks every path
 * against factorsOf and the eligibility engine.
 * @module
 */
import { CRS_WORK_WINDOW_YEARS } from '../rules/crs/shared.js'
import { addYears, fullYearsBetween, toDayNumber, type IsoDate } from '../domain/dates.js'
import { crsRulesAt, hasScoringSpouse, scoreCrs } from '../crs/index.js'
import { crsFactorsOf } from '../crs/factors.js'
import { ChangeCalendar, nextBirthday, WatchedCount } from '../facts/calendar.js'
import { ProfileFacts } from '../facts/profile-facts.js'
import { anyProgramAnswer, categoryById, isEligibleForCategory, isEligibleForProgram, programAnswer } from '../eligibility/index.js'
import { crsRules, factRules } from '../rules/index.js'
import { languageValidity } from '../rules/language/validity.js'
import { fstRequirements } from '../rules/programs/fst.js'
import type { CrsFactors } from '../schemas/crs-factors.js'
import type { Profile } from '../schemas/profile.js'
import { HOURS_PER_YEAR, isCanadianSkilledWork, isForeignSkilledWork } from '../work/history.js'
import { compiledCategory } from '../eligibility/categories.js'
import { languageOfTest } from '../language/tests.js'
import { EligibilityScan, eligibilityRuleDays, type EligibilityRuleDays } from './eligibility-scan.js'
import type { RoundType } from '../schemas/common.js'
import type { OutlookInput } from './outlook.js'
import type { PastRound } from './record.js'

export type InvitationOutcome = 'invited' | 'below-cutoff' | 'lost-tie-break' | 'not-eligible' | 'unknown'

/** One past round checked against the candidate. */
export interface PastRoundCheck {
  readonly number: string
  readonly date: IsoDate
  readonly label: string
  readonly type: RoundType
  readonly lowestScore: number
  readonly tieBreakCutoff: string | null
  /** The candidate's CRS score on the round's date. */
  readonly score: number
  /** Eligible for the round's program or category on its date; null when not known or not needed (below the cut-off). */
  readonly eligible: boolean | null
  readonly outcome: InvitationOutcome
  readonly reason: string
}

export interface PastInvitationsSummary {
  readonly rounds: number
  readonly invited: number
  readonly unknown: number
  readonly firstInvited: { readonly number: string; readonly date: IsoDate } | null
  readonly lastInvited: { readonly number: string; readonly date: IsoDate } | null
  readonly byType: Readonly<Record<RoundType, { readonly rounds: number; readonly invited: number; readonly unknown: number }>>
}

export interface PastInvitations {
  readonly rounds: readonly PastRoundCheck[]
  readonly summary: PastInvitationsSummary
  readonly notes: readonly string[]
}

/** The rounds prepared once for many candidates: their distinct dates and the rule-change days. */
export interface RoundsPlan {
  readonly rounds: readonly PastRound[]
  readonly dates: readonly IsoDate[]
  readonly days: Int32Array
  /** For each round, the index of its date in `dates`. */
  readonly dateIndex: Int32Array
  readonly ruleDays: readonly number[]
  /** For each date, the first day of the 10 years before it (work years are counted in that window). */
  readonly tenYearsBefore: Int32Array
  /** Days on which an eligibility rule or category version starts or ends (eligibility-scan.ts). */
  readonly eligibilityRuleDays: EligibilityRuleDays
  /** Each round's `lowestScore`, by round index. */
  readonly lowestScores: Int16Array
  /**
   * The date eligibility is checked on for each round: the round's date, or for a category round
   * that ran outside its version's dates, the nearest day inside them (categoryDate); and its day number.
   */
  readonly eligibilityDates: readonly IsoDate[]
  readonly eligibilityDays: Int32Array
  /** The round indices ordered by date (then index), the day number of each, and whether that is their own order. */
  readonly byDate: Int32Array
  readonly byDateDays: Int32Array
  readonly inDateOrder: boolean
  /** 1 for the dates of a category round checked for eligibility on another date (categoryDate): scored even without a valid result that day. */
  readonly scoredAlways: Uint8Array
  /** Those rounds: [the round's day, the day eligibility is checked on]. */
  readonly shiftedRounds: readonly (readonly [number, number])[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }


/** Prepares `rounds` (any order) for checking candidates against them. */
export function planRounds(rounds: readonly PastRound[]): RoundsPlan {
  const dates = [...new Set(rounds.map((r) => r.date))].sort()
  const index = new Map(dates.map((d, i) => [d, i]))
  const ruleDays = new Set<number>()
  for (const rule of [...crsRules, languageValidity, ...factRules]) for (const v of rule.versions) ruleDays.add(toDayNumber(v.from))
  const eligibilityDates = rounds.map((r) => (r.type === 'category' && r.categoryId ? categoryDate(r.categoryId, r.date).date : r.date))
  const scoredAlways = new Uint8Array(dates.length)
  rounds.forEach((r, i) => {
    if (eligibilityDates[i] !== r.date) scoredAlways[index.get(r.date)!] = 1
  })
  const byDate = Int32Array.from(rounds.keys()).sort((a, b) => (rounds[a]!.date < rounds[b]!.date ? -1 : rounds[a]!.date > rounds[b]!.date ? 1 : a - b))
  return {
    rounds,
    dates,
    days: Int32Array.from(dates, toDayNumber),
    dateIndex: Int32Array.from(rounds, (r) => index.get(r.date)!),
    ruleDays: [...ruleDays].sort((a, b) => a - b),
    tenYearsBefore: Int32Array.from(dates, (d) => toDayNumber(addYears(d, -CRS_WORK_WINDOW_YEARS))),
    eligibilityRuleDays: eligibilityRuleDays(),
    lowestScores: Int16Array.from(rounds, (r) => r.lowestScore),
    eligibilityDates,
    eligibilityDays: Int32Array.from(eligibilityDates, toDayNumber),
    byDate,
    byDateDays: Int32Array.from(byDate, (i) => toDayNumber(rounds[i]!.date)),
    inDateOrder: byDate.every((i, k) => i === k),
    scoredAlways,
    shiftedRounds: rounds.flatMap((r, i) => (eligibilityDates[i] !== r.date ? [[toDayNumber(r.date), toDayNumber(eligibilityDates[i]!)] as const] : [])),
  }
}

const VALIDITY_YEARS: readonly number[] = [...new Set(languageValidity.versions.flatMap((v) => (v.value === null ? [] : [v.value.years])))]

/** A score below every cut-off, for the dates invitedRoundIndices does not score. */
const NOT_SCORED = -1
const LONGEST_VALIDITY = Math.max(...VALIDITY_YEARS)

/**
 * The days from `fromDay` on with no valid result in the first official language, as day ranges
 * [from, until) (sorted, flat; the last may run to +Infinity). FSW, CEC and FST each need one
 * (src/eligibility: checkFsw, checkCec, checkFst), so does every round, through its program. A
 * result counts here for the longest validity any rule version gives, so these days are surely
 * without one.
 */
function daysWithoutResult(profile: Profile, fromDay: number): number[] {
  const valid: [number, number][] = []
  for (const t of profile.languageTests) {
    if (languageOfTest(t.test) !== profile.firstOfficialLanguage) continue
    valid.push([toDayNumber(t.testDate), toDayNumber(addYears(t.testDate, LONGEST_VALIDITY))])
  }
  valid.sort((a, b) => a[0] - b[0])
  const gaps: number[] = []
  let covered = fromDay
  for (const [from, until] of valid) {
    if (from > covered) gaps.push(covered, from)
    if (until > covered) covered = until
  }
  gaps.push(covered, Number.POSITIVE_INFINITY)
  return gaps
}

/**
 * The profile's CRS score on each date of the plan (as `scoreCrs(factorsOf(profile, date), date)`);
 * dates before `from`, when given, are left at 0 and not scored.
 */
export function scoresOnPlanDates(profile: Profile, plan: RoundsPlan, from?: IsoDate): Int16Array {
  const out = new Int16Array(plan.dates.length)
  let startIndex = 0
  if (from !== undefined) while (startIndex < plan.dates.length && plan.dates[startIndex]! < from) startIndex++
  scoreInto(profile, plan, startIndex, out)
  return out
}

/**
 * scoresOnPlanDates into `out`, from the date at `startIndex` on (the entries before it are left as
 * they are). Dates inside `gaps` (day ranges [from, until), sorted, flat) are not scored, unless a
 * round on them is checked for eligibility on another date (plan.scoredAlways): they get NOT_SCORED.
 *
 * The score is recomputed only when the change calendar says something it read may have changed: in
 * full when a fact other than age and work counts, or a rule, changes; by the age points alone on a
 * birthday; from the work years alone when a count of work may have left its step.
 */
function scoreInto(profile: Profile, plan: RoundsPlan, startIndex: number, out: Int16Array, gaps: readonly number[] | null = null): void {
  const calendar = new ChangeCalendar(profile)
  const ruleDays = plan.ruleDays
  // The CRS reads whole years of these counts: each is re-read only once it could have left its year.
  const canadian = new WatchedCount(profile.work, isCanadianSkilledWork, HOURS_PER_YEAR)
  const foreign = new WatchedCount(profile.work, isForeignSkilledWork, HOURS_PER_YEAR)
  const partnered = (profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law') && profile.spouse !== null
  const spouseCanadian = new WatchedCount(partnered ? profile.spouse!.work : [], isCanadianSkilledWork, HOURS_PER_YEAR)
  // With several results in one language, factorsOf chooses among them by the whole score.
  const severalResults = profile.languageTests.length > 1
  let factors = null as CrsFactors | null
  // A copy of the factors that this scan changes in place when only the work years move (made on the
  // first such change after each full derivation; scoreCrs keeps nothing of the factors but its trace).
  let own: Mutable<CrsFactors> | null = null
  // The age last scored (factors.age is left behind when only the age moves, to spare a copy).
  let scoredAge = 0
  let score = 0
  // The first days on which a fact other than age or the work counts, or a rule, may change; and the age.
  let factsUntil = Number.NEGATIVE_INFINITY
  let birthday = Number.POSITIVE_INFINITY
  let nextRule = 0
  const days = plan.days
  const n = days.length
  let gap = 0
  for (let i = startIndex; i < n; ) {
    const date = plan.dates[i]!
    const day = days[i]!
    if (gaps !== null) {
      while (gap < gaps.length && gaps[gap + 1]! <= day) gap += 2
      if (gap < gaps.length && gaps[gap]! <= day && plan.scoredAlways[i] === 0) {
        // Not scored: the steps below catch up on what changed meanwhile on the next date scored.
        out[i++] = NOT_SCORED
        continue
      }
    }
    while (nextRule < ruleDays.length && ruleDays[nextRule]! <= day) nextRule++
    const startDay = plan.tenYearsBefore[i]!
    const cw = canadian.at(day, startDay)
    const fw = foreign.at(day, startDay)
    const scw = spouseCanadian.at(day, startDay)
    if (factors === null || day >= factsUntil) {
      const f = new ProfileFacts(profile, date)
      factors = crsFactorsOf(f)
      own = null
      score = scoreCrs(factors, date).total
      scoredAge = factors.age
      factsUntil = Math.min(nextRule < ruleDays.length ? ruleDays[nextRule]! : Number.POSITIVE_INFINITY, calendar.nextFactChange(f.reads, day))
      birthday = nextBirthday(profile.dateOfBirth, date)
    } else {
      let age = scoredAge
      if (day >= birthday) {
        age = Math.max(0, fullYearsBetween(profile.dateOfBirth, date))
        birthday = nextBirthday(profile.dateOfBirth, date)
      }
      const workMoved = cw !== factors.canadianWorkYears || fw !== factors.foreignWorkYears || (factors.spouse !== null && scw !== factors.spouse.canadianWorkYears)
      if (workMoved && severalResults) {
        // The best of several results in a language depends on the work years (transferability): derive again.
        factors = crsFactorsOf(new ProfileFacts(profile, date))
        own = null
        score = scoreCrs(factors, date).total
        scoredAge = factors.age
      } else if (workMoved) {
        if (own === null) {
          own = { ...factors }
          if (own.spouse !== null) own.spouse = { ...own.spouse }
          factors = own
        }
        own.age = age
        own.canadianWorkYears = cw
        own.foreignWorkYears = fw
        if (own.spouse !== null) (own.spouse as Mutable<NonNullable<CrsFactors['spouse']>>).canadianWorkYears = scw
        score = scoreCrs(own, date).total
        scoredAge = age
      } else if (age !== scoredAge) {
        // Age scores only in core.age, which no cap touches: the total moves by the difference.
        const points = crsRulesAt(date).agePoints[hasScoringSpouse(factors) ? 'withSpouse' : 'withoutSpouse']
        score += points[Math.min(age, 150)]! - points[Math.min(scoredAge, 150)]!
        scoredAge = age
      }
    }
    const countsUntil = Math.min(canadian.until, foreign.until, spouseCanadian.until)
    out[i++] = score
    // The dates before the next change of anything the score read keep this score.
    const nextGap = gaps !== null && gap < gaps.length ? gaps[gap]! : Number.POSITIVE_INFINITY
    const stop = Math.min(factsUntil, birthday, countsUntil, nextGap <= day ? Number.POSITIVE_INFINITY : nextGap)
    while (i < n && days[i]! < stop) out[i++] = score
  }
}

/** The scores of the profile being checked by invitedRoundIndices, reused from one profile to the next (a typed array is costly to allocate). */
let scratch = new Int16Array(0)

/** The index of the first of sorted `days` on or after `day`. */
function firstIndexFrom(days: Int32Array, day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (days[mid]! < day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The date to check a category round's eligibility on: inside the version's window (two rounds ran just before theirs began). */
function categoryDate(categoryId: string, date: IsoDate): { date: IsoDate; shifted: boolean } {
  const c = categoryById(categoryId)
  if (!c) return { date, shifted: false }
  if (date < c.from) return { date: c.from, shifted: true }
  if (c.to !== null && date > c.to) return { date: c.to, shifted: true }
  return { date, shifted: false }
}

/**
 * True when the profile certainly fails the category on `date`, by a condition the eligibility engine
 * checks first (src/eligibility/categories.ts): no valid French result for the French category; no
 * job in a listed occupation begun by then for an occupation category. A cheap "no" that spares the
 * engine most category questions; every other answer comes from the engine (an unknown list is
 * "can't tell", never a no).
 */
export function certainlyNotInCategory(profile: Profile, categoryId: string, date: IsoDate): boolean {
  const compiled = compiledCategory(categoryId)
  if (!compiled) return false
  const category = compiled.category
  if (category.rule.type === 'language') {
    const years = languageValidity.valueAt(date)?.years
    if (years === undefined) return false
    return !profile.languageTests.some((t) => languageOfTest(t.test) === 'french' && t.testDate <= date && addYears(t.testDate, years) > date)
  }
  // The listed occupations as a set (the same list as categoryById(categoryId).occupations).
  const occupations = compiled.occupations
  if (occupations === null) return false
  if (category.rule.type === 'military') return !(profile.jobOffer && occupations.has(profile.jobOffer.noc))
  if (category.rule.requiresCanadianArmedForcesOffer && !(profile.jobOffer && occupations.has(profile.jobOffer.noc))) return true
  for (const j of profile.work) if (j.from <= date && occupations.has(j.noc)) return false
  return true
}

/**
 * FST needs a job offer or a certificate of qualification in an eligible trade (src/eligibility/fst.ts
 * checks it too): without one, the answer is no whatever the experience.
 */
export function holdsTradeOfferOrCertificate(profile: Profile, date: IsoDate): boolean {
  const trades = fstRequirements.valueAt(date)?.trades
  if (!trades) return true // no rule that day: let the engine answer
  const offer = profile.jobOffer?.noc
  const certificate = profile.certificateOfQualification?.noc
  return (offer !== undefined && trades.has(offer)) || (certificate !== undefined && trades.has(certificate))
}

function eligibleForRound(profile: Profile, round: PastRound): { eligible: boolean | null; note: string } {
  if (round.type === 'program') {
    // A PNP round needs a nomination held on the day (eligibility engine: nominated and any program).
    const nomination = profile.provincialNomination
    if (round.program === 'pnp' && (nomination === null || nomination.nominatedOn > round.date)) return { eligible: false, note: `PNP on ${round.date}: no provincial nomination by then` }
    return withFundsNote(programAnswer(profile, round.program!, round.date), `${round.program!.toUpperCase()} on ${round.date}`)
  }
  if (round.type === 'category') {
    if (!round.categoryId) return { eligible: null, note: `category "${round.label}" not known to the eligibility engine` }
    if (!categoryById(round.categoryId)) return { eligible: null, note: `category ${round.categoryId} not known to the eligibility engine` }
    const at = categoryDate(round.categoryId, round.date)
    const note = `${round.categoryId} on ${at.date}${at.shifted ? ` (the round ran on ${round.date}, outside the version's dates)` : ''}`
    if (certainlyNotInCategory(profile, round.categoryId, at.date)) return { eligible: false, note }
    const eligible = isEligibleForCategory(profile, round.categoryId, at.date)
    // Can't tell: say why (the category's list of occupations is not known).
    if (eligible === null) return { eligible, note: `${note}: can't tell, ${compiledCategory(round.categoryId)?.listUnknown?.message ?? `the category needs FSW, CEC or FST, and ${FUNDS_UNKNOWN}`}` }
    return { eligible, note }
  }
  const programs = round.programs
  if (programs.includes('fsw') && programs.includes('cec') && programs.includes('fst')) return withFundsNote(anyProgramAnswer(profile, round.date), `FSW, CEC or FST on ${round.date}`)
  // A yes in any program wins; else a can't tell in one of them; else no.
  const answers = programs.map((p) => programAnswer(profile, p, round.date))
  const eligible = answers.includes(true) ? true : answers.includes(null) ? null : false
  return withFundsNote(eligible, `${programs.join(', ').toUpperCase()} on ${round.date}`)
}

/** Why a program answer can't tell: the only one there is (E21). */
const FUNDS_UNKNOWN = "the profile does not give its settlement funds (settlementFundsCad), which FSW and FST need: can't tell"

function withFundsNote(eligible: boolean | null, note: string): { eligible: boolean | null; note: string } {
  return { eligible, note: eligible === null ? `${note}: ${FUNDS_UNKNOWN}` : note }
}

function decide(score: number, round: PastRound, submittedAt: string | null): { outcome: InvitationOutcome; reason: string } {
  if (score < round.lowestScore) return { outcome: 'below-cutoff', reason: `score ${score} below the cut-off ${round.lowestScore}` }
  if (score > round.lowestScore) return { outcome: 'invited', reason: `score ${score} above the cut-off ${round.lowestScore}` }
  if (round.tieBreakCutoff === null) return { outcome: 'unknown', reason: `score ${score} at the cut-off, and no tie-break time was published` }
  if (submittedAt === null) return { outcome: 'unknown', reason: `score ${score} at the cut-off: invited only if submitted by ${round.tieBreakCutoff}` }
  return submittedAt <= round.tieBreakCutoff
    ? { outcome: 'invited', reason: `score ${score} at the cut-off, submitted ${submittedAt}, by the tie-break ${round.tieBreakCutoff}` }
    : { outcome: 'lost-tie-break', reason: `score ${score} at the cut-off, but submitted ${submittedAt}, after the tie-break ${round.tieBreakCutoff}` }
}

/**
 * The rounds of the plan a Profile would have been invited in (indices into `plan.rounds`): the fast
 * path for many profiles, with eligibility asked only where the score reaches the cut-off, and the
 * CEC answer reused over the days it holds (eligibility-scan.ts).
 */
export function invitedRoundIndices(profile: Profile, plan: RoundsPlan): number[] {
  // Every program, and so every round, needs a language result: nothing before the first test counts.
  let firstTest: IsoDate | undefined
  for (const t of profile.languageTests) if (firstTest === undefined || t.testDate < firstTest) firstTest = t.testDate
  if (firstTest === undefined) return []
  const firstTestDay = toDayNumber(firstTest)
  // A category round held before its version began is checked for eligibility on the version's first
  // day (categoryDate), which may come after the first test although the round came before it.
  let firstDay = firstTestDay
  for (const [roundDay, checkedDay] of plan.shiftedRounds) if (roundDay < firstDay && checkedDay >= firstTestDay) firstDay = roundDay
  const { dateIndex, days, lowestScores } = plan
  // Scores from that day on (the rounds before it are skipped below, so the entries before are never read).
  if (scratch.length !== days.length) scratch = new Int16Array(days.length)
  const scores = scratch
  // Nor are the dates without a valid first-language result: no round can invite then (NOT_SCORED is below
  // every cut-off), but for the shifted rounds (plan.scoredAlways).
  scoreInto(profile, plan, firstIndexFrom(days, firstDay), scores, daysWithoutResult(profile, firstDay))
  const submittedAt = profile.submittedAt
  const invited: number[] = []
  let scan: EligibilityScan | null = null
  // The rounds by date, from the first on or after the first test.
  const { byDate, byDateDays } = plan
  for (let k = firstIndexFrom(byDateDays, firstDay); k < byDate.length; k++) {
    const i = byDate[k]!
    const score = scores[dateIndex[i]!]!
    const lowestScore = lowestScores[i]!
    // The rule of decide(), without building its reason.
    if (score < lowestScore) continue
    const round = plan.rounds[i]!
    if (score === lowestScore && (round.tieBreakCutoff === null || submittedAt > round.tieBreakCutoff)) continue
    scan ??= new EligibilityScan(profile, plan.eligibilityRuleDays)
    if (isEligibleForRound(profile, round, plan.eligibilityDates[i]!, plan.eligibilityDays[i]!, scan)) invited.push(i)
  }
  if (!plan.inDateOrder) invited.sort((a, b) => a - b)
  return invited
}

/**
 * eligibleForRound's answer alone (true only when the engine says eligible), on `date` (the round's,
 * or for a category round outside its version's dates, categoryDate's) and its day number `day`.
 */
function isEligibleForRound(profile: Profile, round: PastRound, date: IsoDate, day: number, scan: EligibilityScan): boolean {
  if (round.type === 'program') {
    const nomination = profile.provincialNomination
    if (round.program === 'pnp') return nomination !== null && nomination.nominatedOn <= date && scan.anyProgramOn(date, day) === true
    if (round.program === 'cec') return scan.cecOn(date, day)
    if (round.program === 'fst' && !holdsTradeOfferOrCertificate(profile, date)) return false
    return isEligibleForProgram(profile, round.program!, date)
  }
  if (round.type === 'category') {
    // eligibleForRound's answer, without building its note.
    if (!round.categoryId || !categoryById(round.categoryId)) return false
    if (certainlyNotInCategory(profile, round.categoryId, date)) return false
    return scan.categoryOn(round.categoryId, date, day) === true
  }
  const programs = round.programs
  if (programs.includes('fsw') && programs.includes('cec') && programs.includes('fst')) return scan.anyProgramOn(date, day) === true
  return programs.some((p) => (p === 'cec' ? scan.cecOn(date, day) : isEligibleForProgram(profile, p, date)))
}

function summarize(checks: readonly PastRoundCheck[]): PastInvitationsSummary {
  const byType = { general: { rounds: 0, invited: 0, unknown: 0 }, program: { rounds: 0, invited: 0, unknown: 0 }, category: { rounds: 0, invited: 0, unknown: 0 } }
  const invited = checks.filter((c) => c.outcome === 'invited')
  for (const c of checks) {
    const t = byType[c.type]
    t.rounds++
    if (c.outcome === 'invited') t.invited++
    if (c.outcome === 'unknown') t.unknown++
  }
  const pick = (c: PastRoundCheck | undefined) => (c ? { number: c.number, date: c.date } : null)
  return { rounds: checks.length, invited: invited.length, unknown: checks.filter((c) => c.outcome === 'unknown').length, firstInvited: pick(invited[0]), lastInvited: pick(invited.at(-1)), byType }
}

/**
 * Checks the candidate against every round given (oldest first): the score on the round's date,
 * eligibility on that date, and the cut-off and tie-break. For CrsFactors, which hold no facts for
 * eligibility and no submission time, general rounds are judged on the score alone (eligibility
 * assumed, said so), program and category rounds the score reaches are "unknown" (a PNP round
 * without a nomination is not), and a tie at the cut-off is "unknown".
 * @example
 * pastInvitations({ kind: 'profile', profile }, loadRounds()).summary.invited //=> 12
 */
export function pastInvitations(input: OutlookInput, rounds: readonly PastRound[], plan: RoundsPlan = planRounds(rounds)): PastInvitations {
  const notes: string[] = []
  const checks: PastRoundCheck[] = []
  if (input.kind === 'profile') {
    const profile = input.profile
    const scores = scoresOnPlanDates(profile, plan)
    notes.push('scores and eligibility are for the facts of this profile as they stood on each round date, as if it had been in the pool then')
    plan.rounds.forEach((round, i) => {
      const score = scores[plan.dateIndex[i]!]!
      const { eligible, note } = eligibleForRound(profile, round)
      const base = { number: round.number, date: round.date, label: round.label, type: round.type, lowestScore: round.lowestScore, tieBreakCutoff: round.tieBreakCutoff, score, eligible }
      if (eligible === false) checks.push({ ...base, outcome: 'not-eligible', reason: `not eligible: ${note}` })
      else if (eligible === null) checks.push(score < round.lowestScore ? { ...base, ...decide(score, round, profile.submittedAt) } : { ...base, outcome: 'unknown', reason: note })
      else checks.push({ ...base, ...decide(score, round, profile.submittedAt) })
    })
  } else {
    const factors = input.factors
    notes.push('CrsFactors hold no facts for eligibility and no submission time: general rounds are judged on the score alone (eligibility assumed), program and category rounds whose cut-off the score reaches are unknown, ties at the cut-off are unknown; the factors are scored as given on every round date (the age does not advance)')
    const byDate = new Map<IsoDate, number>()
    for (const round of plan.rounds) {
      let score = byDate.get(round.date)
      if (score === undefined) byDate.set(round.date, (score = scoreCrs(factors, round.date).total))
      const base = { number: round.number, date: round.date, label: round.label, type: round.type, lowestScore: round.lowestScore, tieBreakCutoff: round.tieBreakCutoff, score }
      if (round.type === 'program' && round.program === 'pnp' && !factors.provincialNomination) {
        checks.push({ ...base, eligible: false, outcome: 'not-eligible', reason: 'a PNP round needs a provincial nomination' })
      } else if (round.type !== 'general' && score >= round.lowestScore) {
        checks.push({ ...base, eligible: null, outcome: 'unknown', reason: `score ${score} reaches the cut-off ${round.lowestScore}, but eligibility for ${round.type === 'program' ? round.program!.toUpperCase() : (round.categoryId ?? round.label)} needs a Profile` })
      } else {
        checks.push({ ...base, eligible: null, ...decide(score, round, null) })
      }
    }
  }
  return { rounds: checks, summary: summarize(checks), notes }
}
