/**
 * One profile's eligibility on a run of round dates, asking the eligibility engine as little as the
 * answers allow. Three answers are asked once and reused on the later days they provably hold: CEC
 * (which the engine asks first for "any program", and which answers it for most profiles), FSW-or-FST,
 * and each category version's own rule. Each holds until the next day one of its inputs can change:
 * a version of a rule the check reads starts, a result it reads is taken or expires, a credential,
 * ECA, birthday or job in Canada it depends on comes, or a count of work hours could reach its
 * threshold (src/eligibility: cecHoursHoldUntil, fswHoursHoldUntil, fstHoursHoldUntil,
 * categoryHoursHoldUntil, which list those days). Whether a category version is in force is checked
 * on each date. test/history/eligibility-scan.test.ts checks the answers against the engine's.
 * @module
 */
import { addYears, fullYearsBetween, toDayNumber, type IsoDate } from '../domain/dates.js'
import { categoryHoursHoldUntil, categoryRuleRules, checkCategoryRule, compiledCategory, type CompiledCategory } from '../eligibility/categories.js'
import { cecHoursHoldUntil, cecRules, checkCec } from '../eligibility/cec.js'
import { Facts } from '../eligibility/facts.js'
import { checkFst, fstHoursHoldUntil, fstRules } from '../eligibility/fst.js'
import { checkFsw, fswHoursHoldUntil, fswRules } from '../eligibility/fsw.js'
import type { Rule } from '../rules/rule.js'
import { languageValidity } from '../rules/language/validity.js'
import { languageOfTest } from '../language/tests.js'
import type { Profile } from '../schemas/profile.js'

/** The first of sorted `days` after `day`, or +Infinity. */
function firstAfter(days: ArrayLike<number>, day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (days[mid]! <= day) lo = mid + 1
    else hi = mid
  }
  return lo < days.length ? days[lo]! : Number.POSITIVE_INFINITY
}

/** The days (day numbers, sorted) on which a version of one of `rules` starts. */
function versionDays(rules: readonly Rule<unknown>[]): Int32Array {
  const days = new Set<number>()
  for (const rule of rules) for (const v of rule.versions) days.add(toDayNumber(v.from))
  return Int32Array.from(days).sort()
}

/** The days a rule read by checkCec, by checkFsw or checkFst, or by checkCategoryRule starts a version. */
export interface EligibilityRuleDays {
  readonly cec: Int32Array
  readonly fswOrFst: Int32Array
  readonly categoryRule: Int32Array
}

export function eligibilityRuleDays(): EligibilityRuleDays {
  return { cec: versionDays(cecRules), fswOrFst: versionDays([...fswRules, ...fstRules]), categoryRule: versionDays(categoryRuleRules) }
}

/** An ECA counts for 5 years from its issue date (MI 2017-1 s.3(4), S4), as in eligibility/facts.ts. */
const ECA_VALID_YEARS = 5

const VALIDITY_YEARS: readonly number[] = [...new Set(languageValidity.versions.flatMap((v) => (v.value === null ? [] : [v.value.years])))]

export class EligibilityScan {
  private factsDate = ''
  private facts: Facts | null = null
  /** Days on which a result in the first official language is taken or expires (sorted): the CEC answer may change then. */
  private events: number[] | null = null
  private cecFrom = 0
  private cecUntil = Number.NEGATIVE_INFINITY
  private cec = false
  /** Days on which the FSW or FST answer may change for a reason other than work hours (sorted). */
  private otherEvents: number[] | null = null
  private otherFrom = 0
  private otherUntil = Number.NEGATIVE_INFINITY
  private other = false
  /** Days on which a category rule's answer may change for a reason other than work hours (sorted). */
  private categoryEvents: number[] | null = null
  /** Each category version's rule answer and the days [from, until) it holds on. */
  private readonly categoryRules = new Map<string, { readonly from: number; readonly until: number; readonly answer: boolean }>()

  constructor(
    private readonly profile: Profile,
    private readonly ruleDays: EligibilityRuleDays,
  ) {}

  /** The engine's Facts for `date` (one per date; the scan asks dates in increasing order). */
  private factsOn(date: IsoDate): Facts {
    if (this.facts === null || this.factsDate !== date) {
      this.facts = new Facts(this.profile, date)
      this.factsDate = date
    }
    return this.facts
  }

  private firstEventAfter(day: number): number {
    if (this.events === null) {
      const days: number[] = []
      for (const t of this.profile.languageTests) {
        // checkCec reads only the results in the first official language.
        if (languageOfTest(t.test) !== this.profile.firstOfficialLanguage) continue
        days.push(toDayNumber(t.testDate))
        for (const years of VALIDITY_YEARS) days.push(toDayNumber(addYears(t.testDate, years)))
      }
      this.events = days.sort((a, b) => a - b)
    }
    return Math.min(firstAfter(this.ruleDays.cec, day), firstAfter(this.events, day))
  }

  /** Whether the profile is eligible for CEC on `date` (day number `day`), as checkCec. */
  cecOn(date: IsoDate, day: number): boolean {
    if (day >= this.cecFrom && day < this.cecUntil) return this.cec
    const f = this.factsOn(date)
    this.cec = checkCec(f, null)
    this.cecFrom = day
    this.cecUntil = Math.min(cecHoursHoldUntil(f), this.firstEventAfter(day))
    return this.cec
  }

  /** The days the FSW and FST answers may change on besides work hours (fswHoursHoldUntil, fstHoursHoldUntil). */
  private otherEventsOf(): number[] {
    const p = this.profile
    const days: number[] = []
    const results = p.spouse ? [...p.languageTests, ...p.spouse.languageTests] : p.languageTests
    for (const t of results) {
      days.push(toDayNumber(t.testDate))
      for (const years of VALIDITY_YEARS) days.push(toDayNumber(addYears(t.testDate, years)))
    }
    for (const c of p.education) {
      days.push(toDayNumber(c.completedOn))
      if (c.eca) days.push(toDayNumber(addYears(c.eca.issuedOn, ECA_VALID_YEARS)))
    }
    if (p.spouse) for (const c of p.spouse.education) days.push(toDayNumber(c.completedOn))
    for (const j of p.work) {
      if (j.country !== 'CA') continue
      days.push(toDayNumber(j.from))
      if (j.to !== null) days.push(toDayNumber(j.to) + 1)
    }
    return days.sort((a, b) => a - b)
  }

  /** The first day after `day` on which the candidate's age (fullYearsBetween) could change: a birthday, or the day after one (a Feb 29 birthday is reached on Mar 1 in a common year). */
  private birthdayAfter(date: IsoDate, day: number): number {
    const dob = this.profile.dateOfBirth
    const age = fullYearsBetween(dob, date)
    let first = Number.POSITIVE_INFINITY
    for (let years = age; years <= age + 1; years++) {
      const birthday = toDayNumber(addYears(dob, years))
      if (birthday > day) first = Math.min(first, birthday)
      else if (birthday + 1 > day) first = Math.min(first, birthday + 1)
    }
    return first
  }

  /** The last FSW-or-FST answer and the days [from, until) it holds on (for tests). */
  get fswOrFstHolds(): { readonly from: number; readonly until: number; readonly answer: boolean } {
    return { from: this.otherFrom, until: this.otherUntil, answer: this.other }
  }

  /** Whether the profile is eligible for FSW or FST on `date`, reused over the days the answer holds. */
  fswOrFstOn(date: IsoDate, day: number): boolean {
    if (day >= this.otherFrom && day < this.otherUntil) return this.other
    const f = this.factsOn(date)
    let until: number
    if (checkFsw(f, null)) {
      this.other = true
      until = fswHoursHoldUntil(f)
    } else if (checkFst(f, null)) {
      this.other = true
      until = fstHoursHoldUntil(f)
    } else {
      this.other = false
      until = Math.min(fswHoursHoldUntil(f), fstHoursHoldUntil(f))
    }
    this.otherEvents ??= this.otherEventsOf()
    this.otherFrom = day
    this.otherUntil = Math.min(until, firstAfter(this.ruleDays.fswOrFst, day), firstAfter(this.otherEvents, day), this.birthdayAfter(date, day))
    return this.other
  }

  /** Whether the profile is eligible for FSW, CEC or FST on `date`, as isEligibleForAnyProgram. */
  anyProgramOn(date: IsoDate, day: number): boolean {
    return this.cecOn(date, day) || this.fswOrFstOn(date, day)
  }

  /** Whether the profile is eligible for category version `categoryId` on `date`, as isEligibleForCategory (null: can't tell). */
  categoryOn(categoryId: string, date: IsoDate, day: number): boolean | null {
    const c = compiledCategory(categoryId)
    if (!c || c.category.from > date || (c.category.to !== null && date > c.category.to)) return false
    if (c.listUnknown !== null) return this.anyProgramOn(date, day) ? null : false
    return this.categoryRuleOn(c, date, day) && this.anyProgramOn(date, day)
  }

  /** The days the category rules' answers may change on besides work hours (categoryHoursHoldUntil): French results taken or expiring, and jobs starting or ending. */
  private categoryEventsOf(): number[] {
    const days: number[] = []
    for (const t of this.profile.languageTests) {
      if (languageOfTest(t.test) !== 'french') continue
      days.push(toDayNumber(t.testDate))
      for (const years of VALIDITY_YEARS) days.push(toDayNumber(addYears(t.testDate, years)))
    }
    for (const j of this.profile.work) {
      days.push(toDayNumber(j.from))
      if (j.to !== null) days.push(toDayNumber(j.to) + 1)
    }
    return days.sort((a, b) => a - b)
  }

  /** The last answer for the rule of category version `id` and the days [from, until) it holds on (for tests). */
  categoryRuleHolds(id: string): { readonly from: number; readonly until: number; readonly answer: boolean } | undefined {
    return this.categoryRules.get(id)
  }

  /** Whether the profile meets the rule of category version `c` on `date` (checkCategoryRule), reused over the days the answer holds. */
  categoryRuleOn(c: CompiledCategory, date: IsoDate, day: number): boolean {
    const id = c.category.id
    const cached = this.categoryRules.get(id)
    if (cached !== undefined && day >= cached.from && day < cached.until) return cached.answer
    const f = this.factsOn(date)
    const answer = checkCategoryRule(f, c, null) !== null
    this.categoryEvents ??= this.categoryEventsOf()
    const until = Math.min(categoryHoursHoldUntil(f, c), firstAfter(this.ruleDays.categoryRule, day), firstAfter(this.categoryEvents, day))
    this.categoryRules.set(id, { from: day, until, answer })
    return answer
  }
}
