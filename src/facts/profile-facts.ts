/**
 * The facts of a profile on a date: the one derivation every rule reads (CRS factors, program and
 * category eligibility, the rounds engine, the history scan, the outlook). Age, the credentials that
 * count (completed, ECA still valid), the valid language results per language as CLB, full-time-
 * equivalent hours per window and occupation, the nomination held, and the spouse's facts.
 *
 * Everything is computed on first use, and each use is recorded (`reads`, `counts`): the change
 * calendar (calendar.ts) asks only for the days on which the facts an answer read can change, so an
 * answer computed here knows how long it holds (docs/decisions.md, "one answer").
 * @module
 */
import { addYears, fullYearsBetween, toDayNumber, type IsoDate } from '../domain/dates.js'
import { languageOfTest, toClb } from '../language/tests.js'
import { ecaValidity } from '../rules/education/eca-validity.js'
import { languageValidity } from '../rules/language/validity.js'
import type { Abilities } from '../schemas/common.js'
import type { CrsFactors, EducationLevel } from '../schemas/crs-factors.js'
import type { Credential, Job, LanguageTest, Profile, ProfileSpouse } from '../schemas/profile.js'
import { hoursAndLongestSpan, hoursInWindow, isCanadianSkilledWork, isForeignSkilledWork, jobDays, recordThresholds, wholeYears, type DayWindow, type JobDays, type JobFilter } from '../work/history.js'

/** The families of facts an answer can read; each changes on its own days (calendar.ts). */
export const READ = {
  age: 1,
  english: 2,
  french: 4,
  spouseResults: 8,
  credentials: 16,
  spouseCredentials: 32,
  nomination: 64,
  /** Which jobs are held on the date, and which occupations have been worked (job starts and ends). */
  jobs: 128,
  /** Service in a foreign military (skilled military recruits): its start, end and length. */
  militaryService: 256,
} as const

/** Where an answer's recording of reads began (ProfileFacts.beginAnswer). */
export interface AnswerMark {
  readonly reads: number
  readonly counts: number
  readonly thresholds: number[]
  readonly previous: number[] | null
}

/** The greatest common divisor of two whole numbers of hours. */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

/** A count of hours an answer read: whose jobs, which window (null = all the time before the date), which jobs, and how. */
export interface CountRead {
  readonly spouse: boolean
  readonly years: number | null
  readonly filter: JobFilter | null
  /** A sum of hours, or the longest continuous span (which can also only move by a day's work a day). */
  readonly kind: 'sum' | 'span'
  readonly hours: number
}

/**
 * Whether something dated `date` that lasts `years` years has expired on `asOf`, i.e.
 * `addYears(date, years) <= asOf`, given `cutoff = addYears(asOf, -years)`: a string comparison, except
 * for Feb 29, where the anniversary falls on Feb 28 (see domain/dates.ts addYears).
 */
function expired(date: IsoDate, years: number, asOf: IsoDate, cutoff: IsoDate): boolean {
  if (date.charCodeAt(5) === 48 && date.charCodeAt(6) === 50 && date.charCodeAt(8) === 50 && date.charCodeAt(9) === 57) return addYears(date, years) <= asOf
  return date <= cutoff
}

/**
 * What a date needs, memoized per date: the rounds engine assesses every profile on the same date, and
 * the history scan each profile on the same few hundred round dates.
 */
interface DateMemo {
  readonly asOf: IsoDate
  readonly day: number
  /** Years a language result stays valid (language.validity) and an ECA (education.eca-validity). */
  readonly resultYears: number
  readonly ecaYears: number
  readonly back: (IsoDate | undefined)[]
  readonly windows: (DayWindow | undefined)[]
}

/** Dates remembered at most (then forgotten all at once): a few years of days. */
const MEMO_DATES = 4096
const memoByDate = new Map<IsoDate, DateMemo>()
let memo: DateMemo | null = null

/** Makes `asOf` the date being assessed. */
function onDate(asOf: IsoDate): DateMemo {
  if (memo !== null && memo.asOf === asOf) return memo
  let m = memoByDate.get(asOf)
  if (m === undefined) {
    const resultYears = languageValidity.at(asOf).value.years // throws before 2015-01-01, like every rule
    const ecaYears = ecaValidity.at(asOf).value.years
    if (memoByDate.size >= MEMO_DATES) memoByDate.clear()
    m = { asOf, day: toDayNumber(asOf), resultYears, ecaYears, back: [], windows: [] }
    memoByDate.set(asOf, m)
  }
  memo = m
  return m
}

function yearsBefore(asOf: IsoDate, years: number): IsoDate {
  const m = onDate(asOf)
  let d = m.back[years]
  if (d === undefined) {
    d = addYears(asOf, -years)
    m.back[years] = d
  }
  return d
}

/** The `years` years before `asOf`, [asOf − years, asOf), as day numbers (memoized per date). */
function windowOf(asOf: IsoDate, years: number): DayWindow {
  const m = onDate(asOf)
  let w = m.windows[years]
  if (w === undefined) {
    w = Object.freeze({ start: toDayNumber(yearsBefore(asOf, years)), end: m.day })
    m.windows[years] = w
  }
  return w
}

// Job day numbers and results' CLB are kept on the parsed lists themselves, under a symbol (not
// enumerable, so never serialized): a WeakMap lookup cost more than the scoring it spared.
const JOB_DAYS = Symbol('jobDays')
const RESULTS_CLB = Symbol('resultsClb')

interface JobDaysCache {
  readonly from: string[]
  readonly to: (string | null)[]
  readonly days: JobDays
}

/** work/history.ts jobDays(jobs), computed once per list of jobs and reused while every job's dates are the same strings (a job edited in place is seen). */
export function daysOfJobs(jobs: readonly Job[]): JobDays {
  const cached = (jobs as { [JOB_DAYS]?: JobDaysCache })[JOB_DAYS]
  if (cached !== undefined && cached.from.length === jobs.length) {
    let same = true
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[j]!
      if (job.from !== cached.from[j] || job.to !== cached.to[j]) {
        same = false
        break
      }
    }
    if (same) return cached.days
  }
  const days = jobDays(jobs)
  if (Object.isExtensible(jobs)) Object.defineProperty(jobs, JOB_DAYS, { value: { from: jobs.map((j) => j.from), to: jobs.map((j) => j.to), days }, configurable: true, writable: true })
  return days
}

// CLB of each result, computed once per parsed list of results: profiles are treated as immutable once
// parsed (a list that grew is recomputed; a score edited in place is not seen).
function clbOfTests(tests: readonly LanguageTest[]): readonly Abilities[] {
  let clb = (tests as { [RESULTS_CLB]?: readonly Abilities[] })[RESULTS_CLB]
  if (clb === undefined || clb.length !== tests.length) {
    clb = tests.map((t) => toClb(t.test, t.testDate, t))
    if (Object.isExtensible(tests)) Object.defineProperty(tests, RESULTS_CLB, { value: clb, configurable: true, writable: true })
  }
  return clb
}

/** Why a result does or does not count on a date. */
export type ResultStatus = 'valid' | 'future' | 'expired'

/** Whether a result taken on `testDate` counts on `asOf`: taken by then, and younger than the validity in force. */
export function resultStatus(testDate: IsoDate, asOf: IsoDate): ResultStatus {
  if (testDate > asOf) return 'future'
  const years = onDate(asOf).resultYears
  return expired(testDate, years, asOf, yearsBefore(asOf, years)) ? 'expired' : 'valid'
}

/** Why a credential does or does not count on a date. */
export type CredentialStatus = 'counts' | 'not-completed' | 'eca-expired'

/** Whether a credential counts on `asOf`: completed by then, and any ECA younger than the validity in force. */
export function credentialStatus(c: Credential, asOf: IsoDate): CredentialStatus {
  if (c.completedOn > asOf) return 'not-completed'
  if (c.eca) {
    const years = onDate(asOf).ecaYears
    if (expired(c.eca.issuedOn, years, asOf, yearsBefore(asOf, years))) return 'eca-expired'
  }
  return 'counts'
}

/** The years a language result and an ECA stay valid on `asOf` (for messages that state them). */
export function validityOn(asOf: IsoDate): { readonly resultYears: number; readonly ecaYears: number } {
  const m = onDate(asOf)
  return { resultYears: m.resultYears, ecaYears: m.ecaYears }
}

/** The lowest of the four abilities. */
export function lowestAbility(clb: Abilities): number {
  return Math.min(clb.speaking, clb.listening, clb.reading, clb.writing)
}

/** Whether `clb` reaches `minimum` in every ability. */
export function meetsAll(clb: Abilities, minimum: Abilities | number): boolean {
  if (typeof minimum === 'number') return clb.speaking >= minimum && clb.listening >= minimum && clb.reading >= minimum && clb.writing >= minimum
  return clb.speaking >= minimum.speaking && clb.listening >= minimum.listening && clb.reading >= minimum.reading && clb.writing >= minimum.writing
}

function sumClb(clb: Abilities): number {
  return clb.speaking + clb.listening + clb.reading + clb.writing
}

/** The result with the highest lowest ability (then the highest sum), or null. */
export function bestResult(results: readonly Abilities[]): Abilities | null {
  let best: Abilities | null = null
  for (const r of results) {
    if (best === null) best = r
    else {
      const a = lowestAbility(r)
      const b = lowestAbility(best)
      if (a > b || (a === b && sumClb(r) > sumClb(best))) best = r
    }
  }
  return best
}

/** Valid results on `asOf` as CLB, split by language, in the order given. */
function validResults(tests: readonly LanguageTest[], asOf: IsoDate, resultYears: number): { english: Abilities[]; french: Abilities[] } {
  const english: Abilities[] = []
  const french: Abilities[] = []
  if (tests.length === 0) return { english, french }
  const cutoff = yearsBefore(asOf, resultYears)
  const clb = clbOfTests(tests)
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i]!
    if (t.testDate > asOf || expired(t.testDate, resultYears, asOf, cutoff)) continue
    ;(languageOfTest(t.test) === 'french' ? french : english).push(clb[i]!)
  }
  return { english, french }
}

/** Credentials that count on `asOf`: completed by then, and any ECA younger than its validity. */
export function countingCredentials(credentials: readonly Credential[], asOf: IsoDate): Credential[] {
  if (credentials.length === 0) return []
  const years = onDate(asOf).ecaYears
  const cutoff = yearsBefore(asOf, years)
  return credentials.filter((c) => c.completedOn <= asOf && !(c.eca && expired(c.eca.issuedOn, years, asOf, cutoff)))
}

const RANK: Readonly<Record<EducationLevel, number>> = { none: 0, secondary: 1, 'one-year': 2, 'two-year': 3, bachelors: 4, 'two-or-more': 5, masters: 6, doctoral: 7 }

function isLongProgram(c: Credential): boolean {
  return c.programYears >= 3 || c.level === 'bachelors' || c.level === 'masters' || c.level === 'doctoral'
}

/**
 * The education level of a set of credentials: the highest one, or `two-or-more` for two or more
 * post-secondary credentials one of which is from a program of 3+ years (MI s.11(3), rules.md §10.3).
 */
export function educationLevelOf(credentials: readonly Credential[]): EducationLevel {
  let best: EducationLevel = 'none'
  let postSecondary = 0
  let long = false
  for (const c of credentials) {
    if (RANK[c.level] > RANK[best]) best = c.level
    if (c.level !== 'secondary') {
      postSecondary++
      if (isLongProgram(c)) long = true
    }
  }
  if (postSecondary >= 2 && long && RANK['two-or-more'] > RANK[best]) return 'two-or-more'
  return best
}

/** The Canadian-education answer of the CRS for a set of credentials. */
function canadianEducationOf(credentials: readonly Credential[]): CrsFactors['canadianEducation'] {
  let result: CrsFactors['canadianEducation'] = 'none'
  for (const c of credentials) {
    if (c.country !== 'CA' || c.level === 'secondary') continue
    // MI s.30: 3+ year programs, and master's, professional or doctoral degrees, give the higher points.
    if (isLongProgram(c)) return 'three-year-or-more'
    result = 'one-or-two-year'
  }
  return result
}

/** Hours of one occupation within a window: all work, work in Canada, and the longest continuous spans. */
export interface OccupationWork {
  readonly noc: string
  readonly hours: number
  readonly longestContinuousHours: number
  readonly canadaHours: number
  readonly longestContinuousCanadaHours: number
}

const NO_WORK = { hours: 0, longestContinuousHours: 0 }
const isInCanada: JobFilter = (job) => job.country === 'CA'

/** The facts of one profile on one date. Everything is computed on first use, and each use recorded. */
export class ProfileFacts {
  readonly asOfDay: number
  /** How long language results stay valid on the date (language.validity). */
  readonly validYears: number
  readonly partnered: boolean
  /** The families of facts read so far (READ bits). */
  reads = 0
  /** The counts of hours read so far. */
  readonly counts: CountRead[] = []
  private languages: { english: Abilities[]; french: Abilities[] } | null = null
  private spouseLanguages: { english: Abilities[]; french: Abilities[] } | null = null
  private credentials: Credential[] | null = null
  private spouseCredentialList: Credential[] | null = null
  private distinctNocs: string[] | null = null
  private days: JobDays | null = null
  private occupationWork: { years: number; work: OccupationWork; counts: readonly CountRead[] }[] | null = null
  /** The counts hours() computed, by (years, filter). */
  private hoursMemo: CountRead[] | null = null
  /** Program answers, memoized for categories and the invitation program. */
  readonly programs: { fsw?: boolean | null; cec?: boolean | null; fst?: boolean | null } = {}

  constructor(
    readonly profile: Profile,
    readonly asOf: IsoDate,
  ) {
    const m = onDate(asOf)
    this.asOfDay = m.day
    this.validYears = m.resultYears
    this.partnered = profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law'
  }

  /**
   * Starts recording the reads of one answer among several asked of these facts (the history scan
   * asks CEC, FSW-or-FST and each category of the same facts): what it reads, and the thresholds it
   * compares counts of hours with, are `endAnswer`'s.
   */
  beginAnswer(): AnswerMark {
    const thresholds: number[] = []
    const mark = { reads: this.reads, counts: this.counts.length, thresholds, previous: recordThresholds(thresholds) }
    this.reads = 0
    return mark
  }

  /**
   * The families read since `beginAnswer`, the index of its first count, and what it compared counts of
   * hours with (null when nothing). The reads before are kept too.
   */
  endAnswer(mark: AnswerMark): { readonly reads: number; readonly fromCount: number; readonly edges: { readonly thresholds: readonly number[]; readonly step: number | null } | null } {
    recordThresholds(mark.previous)
    const reads = this.reads
    this.reads |= mark.reads
    const thresholds: number[] = []
    let step: number | null = null
    for (const t of mark.thresholds) {
      if (t < 0) step = step === null ? -t : gcd(step, -t)
      else if (t > 0 && !thresholds.includes(t)) thresholds.push(t)
    }
    // No threshold compared: the answer read no count that could change it.
    return { reads, fromCount: mark.counts, edges: thresholds.length === 0 && step === null ? null : { thresholds, step } }
  }

  /** Age in full years on the date (0 before birth). */
  get age(): number {
    this.reads |= READ.age
    return Math.max(0, fullYearsBetween(this.profile.dateOfBirth, this.asOf))
  }

  private langs(): { english: Abilities[]; french: Abilities[] } {
    return (this.languages ??= validResults(this.profile.languageTests, this.asOf, this.validYears))
  }

  /** Valid results in one official language, as CLB (NCLC for French). */
  results(language: 'english' | 'french'): readonly Abilities[] {
    this.reads |= language === 'english' ? READ.english : READ.french
    return this.langs()[language]
  }

  /** Valid results in the first official language, as CLB. */
  get firstLanguage(): readonly Abilities[] {
    return this.results(this.profile.firstOfficialLanguage)
  }

  /** Valid results in the second official language, as CLB. */
  get secondLanguage(): readonly Abilities[] {
    return this.results(this.profile.firstOfficialLanguage === 'english' ? 'french' : 'english')
  }

  /** Valid French results (TEF Canada, TCF Canada), as NCLC. */
  get french(): readonly Abilities[] {
    return this.results('french')
  }

  /** The spouse of a married or common-law candidate, as given (accompanying or not). */
  get spouse(): ProfileSpouse | null {
    return this.partnered ? this.profile.spouse : null
  }

  /** The spouse who counts for FSW adaptability and the CRS spouse factors: partnered, accompanying, not a citizen or PR. */
  get accompanyingSpouse(): ProfileSpouse | null {
    const s = this.spouse
    return s && s.accompanying && !s.canadianCitizenOrPR ? s : null
  }

  /** The spouse's valid results in one language, as CLB. */
  spouseResults(language: 'english' | 'french'): readonly Abilities[] {
    const s = this.spouse
    if (!s) return []
    this.reads |= READ.spouseResults
    return (this.spouseLanguages ??= validResults(s.languageTests, this.asOf, this.validYears))[language]
  }

  /** The accompanying spouse's valid results in either language, as CLB. */
  get spouseLanguage(): readonly Abilities[] {
    if (!this.accompanyingSpouse) return []
    return this.spouseResults('english').concat(this.spouseResults('french'))
  }

  /** The principal applicant's credentials that count on the date. */
  get countingCredentials(): readonly Credential[] {
    this.reads |= READ.credentials
    return (this.credentials ??= countingCredentials(this.profile.education, this.asOf))
  }

  /** The spouse's credentials that count on the date. */
  get spouseCountingCredentials(): readonly Credential[] {
    const s = this.spouse
    if (!s) return []
    this.reads |= READ.spouseCredentials
    return (this.spouseCredentialList ??= countingCredentials(s.education, this.asOf))
  }

  /** The education level of the credentials that count (CRS education, the FSW grid). */
  get educationLevel(): EducationLevel {
    return educationLevelOf(this.countingCredentials)
  }

  /** The CRS answer on Canadian education, from the credentials that count. */
  get canadianEducation(): CrsFactors['canadianEducation'] {
    return canadianEducationOf(this.countingCredentials)
  }

  /** The spouse's credentials completed by the date, whatever their ECA (past study in Canada, FSW adaptability). */
  get spouseCompletedCredentials(): readonly Credential[] {
    const s = this.spouse
    if (!s) return []
    this.reads |= READ.spouseCredentials
    return s.education.filter((c) => c.completedOn <= this.asOf)
  }

  /** The candidate's service in a foreign military, as given (undefined: not said). */
  get foreignMilitaryService(): Profile['foreignMilitaryService'] {
    this.reads |= READ.militaryService
    return this.profile.foreignMilitaryService
  }

  /** The provincial nomination, when held on the date. */
  get nomination(): Profile['provincialNomination'] {
    this.reads |= READ.nomination
    const n = this.profile.provincialNomination
    return n !== null && n.nominatedOn <= this.asOf ? n : null
  }

  /** The `years` years before the date, as day numbers. */
  window(years: number): DayWindow {
    return windowOf(this.asOf, years)
  }

  /** The day numbers of the profile's jobs (parsed once per list of jobs). */
  get workDays(): JobDays {
    return (this.days ??= daysOfJobs(this.profile.work))
  }

  /** Full-time-equivalent hours of the profile's jobs passing `filter` in the `years` years before the date. */
  hours(years: number, filter: JobFilter | null): number {
    // Memoized per (years, filter): a check and the window of its answer read the same counts; a second
    // read records the same count again (the answer asking it may be another one).
    const memo = (this.hoursMemo ??= [])
    for (let i = 0; i < memo.length; i++) {
      const c = memo[i]!
      if (c.years === years && c.filter === filter) {
        this.counts.push(c)
        return c.hours
      }
    }
    const count: CountRead = { spouse: false, years, filter, kind: 'sum', hours: hoursInWindow(this.profile.work, this.window(years), filter, this.workDays) }
    memo.push(count)
    this.counts.push(count)
    return count.hours
  }

  /** Full-time-equivalent hours of the profile's jobs passing `filter` before the date, at any time. */
  hoursEver(filter: JobFilter | null): number {
    const hours = hoursInWindow(this.profile.work, { start: Number.NEGATIVE_INFINITY, end: this.asOfDay }, filter, this.workDays)
    this.counts.push({ spouse: false, years: null, filter, kind: 'sum', hours })
    return hours
  }

  /** Full-time-equivalent hours of the spouse's jobs passing `filter`, in the `years` years before the date (null: at any time). */
  spouseHours(years: number | null, filter: JobFilter | null): number {
    const s = this.spouse
    if (!s || s.work.length === 0) return 0
    const window = years === null ? { start: Number.NEGATIVE_INFINITY, end: this.asOfDay } : this.window(years)
    const hours = hoursInWindow(s.work, window, filter, daysOfJobs(s.work))
    this.counts.push({ spouse: true, years, filter, kind: 'sum', hours })
    return hours
  }

  /** Work in one occupation within the `years` years before the date (any country, and in Canada). */
  occupation(noc: string, years: number): OccupationWork {
    if (this.occupationWork === null) this.occupationWork = []
    for (const e of this.occupationWork) {
      if (e.years === years && e.work.noc === noc) {
        this.counts.push(...e.counts)
        return e.work
      }
    }
    const jobs = this.profile.work
    const window = this.window(years)
    const days = this.workDays
    const inOccupation: JobFilter = (j) => j.noc === noc
    const all = hoursAndLongestSpan(jobs, window, inOccupation, days)
    let inCanada = false
    let abroad = false
    for (const j of jobs) if (j.noc === noc) j.country === 'CA' ? (inCanada = true) : (abroad = true)
    const inOccupationInCanada: JobFilter = (j) => j.noc === noc && isInCanada(j)
    const canada = !inCanada ? NO_WORK : !abroad ? all : hoursAndLongestSpan(jobs, window, inOccupationInCanada, days)
    const work = { noc, hours: all.hours, longestContinuousHours: all.longestContinuousHours, canadaHours: canada.hours, longestContinuousCanadaHours: canada.longestContinuousHours }
    const counts: CountRead[] = [
      { spouse: false, years, filter: inOccupation, kind: 'sum', hours: all.hours },
      { spouse: false, years, filter: inOccupation, kind: 'span', hours: all.longestContinuousHours },
      { spouse: false, years, filter: inOccupationInCanada, kind: 'sum', hours: canada.hours },
      { spouse: false, years, filter: inOccupationInCanada, kind: 'span', hours: canada.longestContinuousHours },
    ]
    this.occupationWork.push({ years, work, counts })
    this.counts.push(...counts)
    return work
  }

  /** Whether the candidate works in Canada on the date (our proxy for authorization to work in Canada). */
  get worksInCanadaOnDate(): boolean {
    this.reads |= READ.jobs
    for (const j of this.profile.work) {
      if (j.country === 'CA' && j.from <= this.asOf && (j.to === null || j.to >= this.asOf)) return true
    }
    return false
  }

  /** The distinct occupations (NOC codes) of the work history, first-seen order. */
  get nocs(): readonly string[] {
    // Occupations worked only after the date count no hours; which ones there are changes when a job starts.
    this.reads |= READ.jobs
    if (this.distinctNocs === null) {
      const seen: string[] = []
      for (const j of this.profile.work) if (!seen.includes(j.noc)) seen.push(j.noc)
      this.distinctNocs = seen
    }
    return this.distinctNocs
  }

  /** Whole years of skilled work in Canada in the `years` years before the date (the CRS and its spouse factor). */
  canadianWorkYears(years: number, spouse = false): number {
    return wholeYears(spouse ? this.spouseHours(years, isCanadianSkilledWork) : this.hours(years, isCanadianSkilledWork))
  }

  /** Whole years of skilled work outside Canada in the `years` years before the date. */
  foreignWorkYears(years: number): number {
    return wholeYears(this.hours(years, isForeignSkilledWork))
  }
}

/** The facts of `profile` on `asOf`. */
export function factsOn(profile: Profile, asOf: IsoDate): ProfileFacts {
  return new ProfileFacts(profile, asOf)
}
