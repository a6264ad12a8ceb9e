/**
 * One profile's eligibility on a run of round dates, asking the eligibility engine as little as the
 * answers allow. Three answers are asked once and reused on the later days they provably hold: CEC
 * (which the engine asks first for "any program", and which answers it for most profiles), FSW-or-FST,
 * and each category version's own rule. Each holds until the change calendar (src/facts/calendar.ts)
 * says a fact it read, a count of hours it read, or a version of a rule it reads can change. Whether a
 * category version is in force is checked on each date. test/history/eligibility-scan.test.ts checks
 * the answers against the engine's.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import { categoryRuleRules, checkCategoryRule, compiledCategory, type CompiledCategory } from '../eligibility/categories.js'
import { cecRules, checkCec } from '../eligibility/cec.js'
import { checkFst, fstRules } from '../eligibility/fst.js'
import { checkFsw, fswRules } from '../eligibility/fsw.js'
import { ChangeCalendar, ruleDays } from '../facts/calendar.js'
import { ProfileFacts } from '../facts/profile-facts.js'
import type { Profile } from '../schemas/profile.js'

/** The days a rule read by checkCec, by checkFsw or checkFst, or by checkCategoryRule starts a version. */
export interface EligibilityRuleDays {
  readonly cec: Int32Array
  readonly fswOrFst: Int32Array
  readonly categoryRule: Int32Array
}

export function eligibilityRuleDays(): EligibilityRuleDays {
  return { cec: ruleDays(cecRules), fswOrFst: ruleDays([...fswRules, ...fstRules]), categoryRule: ruleDays(categoryRuleRules) }
}

interface Held {
  readonly from: number
  readonly until: number
  /** null: can't tell (FSW or FST settlement funds needed and not given, E21). */
  readonly answer: boolean | null
}

const NOTHING_HELD: Held = { from: 0, until: Number.NEGATIVE_INFINITY, answer: false }

/** FSW or FST: true when one is a yes, null when neither is but one can't tell, else false (anyProgram's order). */
function fswOrFst(f: ProfileFacts): boolean | null {
  const fsw = checkFsw(f, null)
  if (fsw === true) return true
  const fst = checkFst(f, null)
  if (fst === true) return true
  return fsw === null || fst === null ? null : false
}

export class EligibilityScan {
  private factsDate = ''
  private facts: ProfileFacts | null = null
  private readonly calendar: ChangeCalendar
  private cec: Held = NOTHING_HELD
  private fswOrFst: Held = NOTHING_HELD
  /** Each category version's rule answer and the days [from, until) it holds on. */
  private readonly categoryRules = new Map<string, Held>()

  constructor(
    private readonly profile: Profile,
    private readonly ruleDays: EligibilityRuleDays,
  ) {
    this.calendar = new ChangeCalendar(profile)
  }

  /** The facts for `date` (one per date; the scan asks dates in increasing order). */
  private factsOn(date: IsoDate): ProfileFacts {
    if (this.facts === null || this.factsDate !== date) {
      this.facts = new ProfileFacts(this.profile, date)
      this.factsDate = date
    }
    return this.facts
  }

  /** Asks `check` of the facts on `date` and how long its answer holds: until the calendar sees a change in what it read. */
  private ask(date: IsoDate, day: number, rules: Int32Array, check: (f: ProfileFacts) => boolean | null): Held {
    const f = this.factsOn(date)
    const mark = f.beginAnswer()
    const answer = check(f)
    const { reads, fromCount, edges } = f.endAnswer(mark)
    return { from: day, until: this.calendar.holdsUntil(f, rules, reads, edges === null ? f.counts.length : fromCount, edges ?? undefined), answer }
  }

  /** Whether the profile is eligible for CEC on `date` (day number `day`), as checkCec. */
  cecOn(date: IsoDate, day: number): boolean {
    if (day < this.cec.from || day >= this.cec.until) this.cec = this.ask(date, day, this.ruleDays.cec, (f) => checkCec(f, null))
    return this.cec.answer === true
  }

  /** The last FSW-or-FST answer and the days [from, until) it holds on (for tests). */
  get fswOrFstHolds(): Held {
    return this.fswOrFst
  }

  /** Whether the profile is eligible for FSW or FST on `date` (null: can't tell), reused over the days the answer holds. */
  fswOrFstOn(date: IsoDate, day: number): boolean | null {
    if (day < this.fswOrFst.from || day >= this.fswOrFst.until) this.fswOrFst = this.ask(date, day, this.ruleDays.fswOrFst, fswOrFst)
    return this.fswOrFst.answer
  }

  /** Whether the profile is eligible for FSW, CEC or FST on `date`, as anyProgramAnswer (null: can't tell). */
  anyProgramOn(date: IsoDate, day: number): boolean | null {
    return this.cecOn(date, day) || this.fswOrFstOn(date, day)
  }

  /** Whether the profile is eligible for category version `categoryId` on `date`, as isEligibleForCategory (null: can't tell). */
  categoryOn(categoryId: string, date: IsoDate, day: number): boolean | null {
    const c = compiledCategory(categoryId)
    if (!c || c.category.from > date || (c.category.to !== null && date > c.category.to)) return false
    if (c.listUnknown !== null) return this.anyProgramOn(date, day) === false ? false : null
    return this.categoryRuleOn(c, date, day) ? this.anyProgramOn(date, day) : false
  }

  /** The last answer for the rule of category version `id` and the days [from, until) it holds on (for tests). */
  categoryRuleHolds(id: string): Held | undefined {
    return this.categoryRules.get(id)
  }

  /** Whether the profile meets the rule of category version `c` on `date` (checkCategoryRule), reused over the days the answer holds. */
  categoryRuleOn(c: CompiledCategory, date: IsoDate, day: number): boolean {
    const id = c.category.id
    let held = this.categoryRules.get(id)
    if (held === undefined || day < held.from || day >= held.until) {
      held = this.ask(date, day, this.ruleDays.categoryRule, (f) => checkCategoryRule(f, c, null) !== null)
      this.categoryRules.set(id, held)
    }
    return held.answer === true
  }
}
