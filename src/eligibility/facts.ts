/**
 * The facts of a profile on a date that eligibility checks share, computed once per call and lazily:
 * valid language results as CLB, counting credentials, work hours per occupation.
 * @module
 */
import { addYears, toDayNumber, type IsoDate } from '../domain/dates.js'
import { languageOfTest, toClb } from '../language/tests.js'
import { languageValidity } from '../rules/language/validity.js'
import type { Rule, RuleVersion } from '../rules/rule.js'
import type { Abilities } from '../schemas/common.js'
import type { Credential, Job, LanguageTest, Profile } from '../schemas/profile.js'
import { hoursAndLongestSpan, hoursInWindow, jobDays, type DayWindow, type JobDays, type JobFilter } from '../work/history.js'
import type { UnmetCode, UnmetCondition, UnmetSource } from './types.js'

/** An ECA counts for 5 years from its issue date (MI 2017-1 s.3(4), S4). */
const ECA_VALID_YEARS = 5

/**
 * Whether something dated `date` that lasts `years` years has expired on `asOf`, i.e.
 * `addYears(date, years) <= asOf`, given `cutoff = addYears(asOf, -years)`: a string comparison, except
 * for Feb 29, where the anniversary falls on Feb 28 (see domain/dates.ts addYears).
 */
export function expired(date: IsoDate, years: number, asOf: IsoDate, cutoff: IsoDate): boolean {
  if (date.charCodeAt(5) === 48 && date.charCodeAt(6) === 50 && date.charCodeAt(8) === 50 && date.charCodeAt(9) === 57) return addYears(date, years) <= asOf
  return date <= cutoff
}

/**
 * `addYears(asOf, -years)` and the windows of a date, memoized per date: the rounds engine assesses
 * every profile on the same date, and the history scan assesses each profile on the same few hundred
 * round dates, so the windows and cutoffs of a date are computed once for all of them.
 */
interface DateMemo {
  readonly asOf: IsoDate
  readonly day: number
  readonly validYears: number
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
    const validYears = languageValidity.at(asOf).value.years // throws before 2015-01-01, like every rule
    if (memoByDate.size >= MEMO_DATES) memoByDate.clear()
    m = { asOf, day: toDayNumber(asOf), validYears, back: [], windows: [] }
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

function windowOf(asOf: IsoDate, years: number): DayWindow {
  const m = onDate(asOf)
  let w = m.windows[years]
  if (w === undefined) {
    w = Object.freeze({ start: toDayNumber(yearsBefore(asOf, years)), end: m.day })
    m.windows[years] = w
  }
  return w
}

// Job day numbers, computed once per parsed list of jobs and reused while every job's dates are the
// same strings (a job edited in place is seen).
const jobDaysCache = new WeakMap<readonly Job[], { readonly from: string[]; readonly to: (string | null)[]; readonly days: JobDays }>()

/** work/history.ts jobDays(jobs), computed once per list of jobs (while their dates stay the same). */
export function daysOfJobs(jobs: readonly Job[]): JobDays {
  const cached = jobDaysCache.get(jobs)
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
  jobDaysCache.set(jobs, { from: jobs.map((j) => j.from), to: jobs.map((j) => j.to), days })
  return days
}

// CLB of each result, computed once per parsed list of results: profiles are treated as immutable once
// parsed (a list that grew is recomputed; a score edited in place is not seen).
const clbCache = new WeakMap<readonly LanguageTest[], readonly Abilities[]>()

function clbOfTests(tests: readonly LanguageTest[]): readonly Abilities[] {
  let clb = clbCache.get(tests)
  if (clb === undefined || clb.length !== tests.length) {
    clb = tests.map((t) => toClb(t.test, t.testDate, t))
    clbCache.set(tests, clb)
  }
  return clb
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

/** The result with the highest lowest ability (then the highest sum), or null. */
export function bestResult(results: readonly Abilities[]): Abilities | null {
  let best: Abilities | null = null
  for (const r of results) {
    if (best === null) best = r
    else {
      const a = lowestAbility(r)
      const b = lowestAbility(best)
      if (a > b || (a === b && r.speaking + r.listening + r.reading + r.writing > best.speaking + best.listening + best.reading + best.writing)) best = r
    }
  }
  return best
}

/** Valid results on `asOf` (taken on or before it, less than 2 years old), as CLB, split by language. */
function validResults(tests: readonly LanguageTest[], asOf: IsoDate, validYears: number): { english: Abilities[]; french: Abilities[] } {
  const english: Abilities[] = []
  const french: Abilities[] = []
  if (tests.length === 0) return { english, french }
  const cutoff = yearsBefore(asOf, validYears)
  const clb = clbOfTests(tests)
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i]!
    if (t.testDate > asOf || expired(t.testDate, validYears, asOf, cutoff)) continue
    ;(languageOfTest(t.test) === 'french' ? french : english).push(clb[i]!)
  }
  return { english, french }
}

/** Credentials that count on `asOf`: completed by then, and any ECA less than 5 years old. */
export function countingCredentials(credentials: readonly Credential[], asOf: IsoDate): Credential[] {
  if (credentials.length === 0) return []
  const cutoff = yearsBefore(asOf, ECA_VALID_YEARS)
  return credentials.filter((c) => c.completedOn <= asOf && !(c.eca && expired(c.eca.issuedOn, ECA_VALID_YEARS, asOf, cutoff)))
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

const sourceCache = new WeakMap<RuleVersion<unknown>, UnmetSource[]>()

/** The source of a condition: the rule version's citation number `index` (the first by default). */
export function sourceOf(rule: Rule<unknown>, version: RuleVersion<unknown>, index = 0): UnmetSource {
  let sources = sourceCache.get(version)
  if (sources === undefined) {
    sources = version.sources.map((c) => Object.freeze({ ruleId: rule.id, title: c.title, pinpoint: c.pinpoint, url: c.url }))
    sourceCache.set(version, sources)
  }
  return sources[index] ?? sources[0]!
}

/** Adds an unmet condition to `out`. */
export function unmet(out: UnmetCondition[], code: UnmetCode, message: string, source: UnmetSource): void {
  out.push({ code, message, source })
}

/** The facts of one profile on one date. Everything is computed on first use. */
export class Facts {
  readonly asOfDay: number
  /** How long language results stay valid on the date (language.validity). */
  readonly validYears: number
  readonly partnered: boolean
  private languages: { first: Abilities[]; second: Abilities[]; french: Abilities[] } | null = null
  private spouseResults: Abilities[] | null = null
  private credentials: Credential[] | null = null
  private distinctNocs: string[] | null = null
  private days: JobDays | null = null
  private occupationWork: { years: number; work: OccupationWork }[] | null = null
  /** hours(): [years, filter, hours, ...]. */
  private hoursMemo: (number | JobFilter | null)[] | null = null
  /** Program answers, memoized for categories and the invitation program. */
  readonly programs: { fsw?: boolean; cec?: boolean; fst?: boolean } = {}

  constructor(
    readonly profile: Profile,
    readonly asOf: IsoDate,
  ) {
    const m = onDate(asOf)
    this.asOfDay = m.day
    this.validYears = m.validYears
    this.partnered = profile.maritalStatus === 'married' || profile.maritalStatus === 'common-law'
  }

  private langs(): { first: Abilities[]; second: Abilities[]; french: Abilities[] } {
    if (this.languages === null) {
      const { english, french } = validResults(this.profile.languageTests, this.asOf, this.validYears)
      const englishFirst = this.profile.firstOfficialLanguage === 'english'
      this.languages = { first: englishFirst ? english : french, second: englishFirst ? french : english, french }
    }
    return this.languages
  }

  /** Valid results in the first official language, as CLB. */
  get firstLanguage(): readonly Abilities[] {
    return this.langs().first
  }

  /** Valid results in the second official language, as CLB. */
  get secondLanguage(): readonly Abilities[] {
    return this.langs().second
  }

  /** Valid French results (TEF Canada, TCF Canada), as NCLC. */
  get french(): readonly Abilities[] {
    return this.langs().french
  }

  /** The spouse who counts for FSW adaptability: partnered, accompanying, not a citizen or PR. */
  get accompanyingSpouse(): Profile['spouse'] {
    const s = this.profile.spouse
    return this.partnered && s && s.accompanying && !s.canadianCitizenOrPR ? s : null
  }

  /** The accompanying spouse's valid results in either language, as CLB. */
  get spouseLanguage(): readonly Abilities[] {
    if (this.spouseResults === null) {
      const s = this.accompanyingSpouse
      if (!s) this.spouseResults = []
      else {
        const { english, french } = validResults(s.languageTests, this.asOf, this.validYears)
        this.spouseResults = english.concat(french)
      }
    }
    return this.spouseResults
  }

  /** The principal applicant's credentials that count on the date. */
  get countingCredentials(): readonly Credential[] {
    if (this.credentials === null) this.credentials = countingCredentials(this.profile.education, this.asOf)
    return this.credentials
  }

  /** The `years` years before the date, as day numbers. */
  window(years: number): DayWindow {
    return windowOf(this.asOf, years)
  }

  /** The day numbers of the profile's jobs (parsed once per list of jobs). */
  get workDays(): JobDays {
    if (this.days === null) this.days = daysOfJobs(this.profile.work)
    return this.days
  }

  /** Full-time-equivalent hours of the profile's jobs passing `filter` in the `years` years before the date. */
  hours(years: number, filter: JobFilter | null): number {
    // Memoized per (years, filter): a check and the window of its answer read the same counts.
    const memo = (this.hoursMemo ??= [])
    for (let i = 0; i < memo.length; i += 3) if (memo[i] === years && memo[i + 1] === filter) return memo[i + 2] as number
    const hours = hoursInWindow(this.profile.work, this.window(years), filter, this.workDays)
    memo.push(years, filter, hours)
    return hours
  }

  /** Full-time-equivalent hours of the profile's jobs passing `filter` in a window. */
  hoursIn(window: DayWindow, filter: JobFilter | null): number {
    return hoursInWindow(this.profile.work, window, filter, this.workDays)
  }

  /** Work in one occupation within the `years` years before the date (any country, and in Canada). */
  occupation(noc: string, years: number): OccupationWork {
    if (this.occupationWork === null) this.occupationWork = []
    for (const e of this.occupationWork) if (e.years === years && e.work.noc === noc) return e.work
    const jobs = this.profile.work
    const window = this.window(years)
    const days = this.workDays
    const all = hoursAndLongestSpan(jobs, window, (j) => j.noc === noc, days)
    let inCanada = false
    let abroad = false
    for (const j of jobs) if (j.noc === noc) j.country === 'CA' ? (inCanada = true) : (abroad = true)
    const canada = !inCanada ? NO_WORK : !abroad ? all : hoursAndLongestSpan(jobs, window, (j) => j.noc === noc && isInCanada(j), days)
    const work = { noc, hours: all.hours, longestContinuousHours: all.longestContinuousHours, canadaHours: canada.hours, longestContinuousCanadaHours: canada.longestContinuousHours }
    this.occupationWork.push({ years, work })
    return work
  }

  /** Whether the candidate works in Canada on the date (our proxy for authorization to work in Canada). */
  get worksInCanadaOnDate(): boolean {
    for (const j of this.profile.work) {
      if (j.country === 'CA' && j.from <= this.asOf && (j.to === null || j.to >= this.asOf)) return true
    }
    return false
  }

  /** The distinct occupations (NOC codes) of the work history, first-seen order. */
  get nocs(): readonly string[] {
    if (this.distinctNocs === null) {
      const seen: string[] = []
      for (const j of this.profile.work) if (!seen.includes(j.noc)) seen.push(j.noc)
      this.distinctNocs = seen
    }
    return this.distinctNocs
  }
}
