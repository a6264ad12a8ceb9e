/**
 * What the pool needs to know about eligibility, as an injected interface: which programs and which
 * categories a profile is eligible for on a date, and the dates on which those rules change. The
 * real answers come from src/eligibility (loadEligibility); tests may inject their own.
 * @module
 */
import { addDays, type IsoDate } from '../domain/dates.js'
import { checkCategoryRule, compiledCategory, compiledList, militaryAnswer } from '../eligibility/categories.js'
import { checkCec } from '../eligibility/cec.js'
import { ProfileFacts } from '../facts/profile-facts.js'
import { checkFst } from '../eligibility/fst.js'
import { checkFsw } from '../eligibility/fsw.js'
import * as rules from '../eligibility/index.js'
import { allRules } from '../rules/index.js'
import { PROGRAMS, type ProgramId } from '../schemas/common.js'
import type { Profile } from '../schemas/profile.js'


/** Bit of each program in the `programs` bitmask stored per profile. */
export const PROGRAM_BIT: Readonly<Record<ProgramId, number>> = { fsw: 1, cec: 2, fst: 4, pnp: 8 }

/** The labels IRCC uses for program rounds (ee-rounds.json drawName). */
export const PROGRAM_LABEL: Readonly<Record<ProgramId, string>> = {
  fsw: 'Federal Skilled Worker',
  cec: 'Canadian Experience Class',
  fst: 'Federal Skilled Trades',
  pnp: 'Provincial Nominee Program',
}

/** The label IRCC uses for rounds open to every program. */
export const GENERAL_LABEL = 'No Program Specified'

export interface CategoryInfo {
  readonly id: string
  readonly label: string
  /** Why who belongs to the category cannot be told (its list of occupations is not known); absent when it can. */
  readonly listUnknown?: string
  /**
   * Its own rule can answer "can't tell" (skilled military recruits: service not stated), for a
   * profile certainly eligible for a program too: a round of it looks for its undecided candidates
   * over the whole pool. Any other category can be undecided only through a program that can't tell
   * (E13, E21), so its round looks for them among the profiles with undecided programs alone.
   */
  readonly mayBeUndecided?: boolean
}

/** What the pool stores of a profile's eligibility on a day. */
export interface PoolAnswers {
  /** Programs bitmask (PROGRAM_BIT). */
  readonly programs: number
  /** The categories in force the profile is certainly eligible for, sorted. */
  readonly categories: string[]
  /**
   * The categories in force, with a known list, that cannot be told for the profile (eligible null:
   * skilled military recruits whose service is not stated; a category whose rule is met, or can't tell,
   * when the profile's only possible programs can't tell, E13), sorted: not invited by their rounds,
   * but counted, so a round can say how many it could not decide (an unknown is not a no).
   */
  readonly undecided: string[]
  /**
   * Programs bitmask (PROGRAM_BIT) of the programs that can't tell (`programAnswer` null: FSW or FST
   * settlement funds needed and not given, E21; PNP nominated whose only way is such a program).
   * Never shares a bit with `programs`.
   */
  readonly undecidedPrograms: number
}

export interface PoolEligibility {
  isEligibleForProgram(profile: Profile, program: ProgramId, asOf: IsoDate): boolean
  isEligibleForAnyProgram(profile: Profile, asOf: IsoDate): boolean
  /**
   * true, false, or null when it cannot be told (programAnswer): optional; without it no program is
   * ever undecided.
   */
  programAnswer?(profile: Profile, program: ProgramId, asOf: IsoDate): boolean | null
  /** true, false, or null when it cannot be told (its list not known, its own rule, or only programs that can't tell): the pool stores only true. */
  isEligibleForCategory(profile: Profile, categoryId: string, asOf: IsoDate): boolean | null
  /** The category, or undefined for an unknown id. */
  categoryById(id: string): CategoryInfo | undefined
  categoriesInForce(asOf: IsoDate): readonly CategoryInfo[]
  /** Programs bitmask and category ids in one go (optional; faster than asking one by one). */
  evaluate?(profile: Profile, asOf: IsoDate): PoolAnswers
  /**
   * The same from the profile's facts on the date (optional): the facts record what the answer read,
   * so the change calendar can tell how long it holds (derived.ts).
   */
  evaluateFacts?(f: ProfileFacts): PoolAnswers
  /** Days on which a program or category rule starts or stops (the derived columns change there). */
  readonly ruleChangeDates: readonly IsoDate[]
}

/** The programs bitmask of a profile on a date. */
export function programsMask(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): number {
  let mask = 0
  for (const program of PROGRAMS) if (eligibility.isEligibleForProgram(profile, program, asOf)) mask |= PROGRAM_BIT[program]
  return mask
}

/** The bitmask of the programs that can't tell for a profile on a date (PoolAnswers.undecidedPrograms). */
export function undecidedProgramsMask(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): number {
  let mask = 0
  if (eligibility.programAnswer) for (const program of PROGRAMS) if (eligibility.programAnswer(profile, program, asOf) === null) mask |= PROGRAM_BIT[program]
  return mask
}

/** The ids of the categories in force on `asOf` that the profile is certainly eligible for (not "can't tell"), sorted. */
export function eligibleCategories(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): string[] {
  const ids: string[] = []
  for (const c of eligibility.categoriesInForce(asOf)) if (eligibility.isEligibleForCategory(profile, c.id, asOf) === true) ids.push(c.id)
  return ids.sort()
}

/**
 * The categories in force whose answer for the profile is "can't tell", sorted. A category whose list
 * is not known is left out: it can't tell for everyone, and no round is held for it.
 */
export function undecidedCategories(eligibility: PoolEligibility, profile: Profile, asOf: IsoDate): string[] {
  const ids: string[] = []
  for (const c of eligibility.categoriesInForce(asOf)) {
    const info = eligibility.categoryById(c.id)
    if (info !== undefined && info.listUnknown === undefined && eligibility.isEligibleForCategory(profile, c.id, asOf) === null) ids.push(c.id)
  }
  return ids.sort()
}

let real: PoolEligibility | undefined

/**
 * Programs and categories of a profile on `asOf` from one set of derived facts, with the checkers
 * `rules.eligibility` runs but without building the explanation of each unmet condition (the pool
 * only needs the answers; test/pool/eligibility.test.ts checks they are the same).
 */
export function evaluateFast(p: Profile, asOf: IsoDate): PoolAnswers {
  return evaluateFacts(new ProfileFacts(p, asOf))
}

/** evaluateFast on facts already derived (their reads recorded for the change calendar). */
export function evaluateFacts(f: ProfileFacts): PoolAnswers {
  const asOf = f.asOf
  const fsw = checkFsw(f, null)
  const cec = checkCec(f, null)
  const fst = checkFst(f, null)
  f.programs.fsw = fsw
  f.programs.cec = cec
  f.programs.fst = fst
  // Only a certain yes is stored (a program that can't tell, FSW or FST funds not given, is not: E21);
  // one that can't tell is stored apart (undecidedPrograms), so a round can count it.
  let programs = (fsw === true ? PROGRAM_BIT.fsw : 0) | (cec ? PROGRAM_BIT.cec : 0) | (fst === true ? PROGRAM_BIT.fst : 0)
  let undecidedPrograms = (fsw === null ? PROGRAM_BIT.fsw : 0) | (fst === null ? PROGRAM_BIT.fst : 0)
  const certain = programs !== 0
  const categories: string[] = []
  const undecided: string[] = []
  // Not eligible for a program: no category either (rules.eligibility: eligible = eligibleForAny && met).
  if (!certain && undecidedPrograms === 0) return { programs, categories, undecided, undecidedPrograms }
  // PNP: nominated on the day and eligible for FSW, CEC or FST (rules.programAnswer): can't tell when
  // none is a yes but one can't tell.
  if (f.nomination !== null) {
    if (certain) programs |= PROGRAM_BIT.pnp
    else undecidedPrograms |= PROGRAM_BIT.pnp
  }
  // A category whose list is not known answers "can't tell" (null): not stored as eligible, nor counted.
  for (const c of compiledList(rules.categoriesInForce(asOf))) {
    if (c.listUnknown !== null) continue
    // Skilled military recruits may be neither yes nor no by their own rule (militaryAnswer null);
    // any category whose rule is met (or can't tell) can't tell when the programs can't tell (E13).
    if (c.category.rule.type === 'military') {
      const answer = militaryAnswer(f, c, null, null)
      if (answer === true && certain) categories.push(c.category.id)
      else if (answer !== false) undecided.push(c.category.id)
    } else if (checkCategoryRule(f, c, null) !== null) (certain ? categories : undecided).push(c.category.id)
  }
  return { programs, categories: categories.sort(), undecided: undecided.sort(), undecidedPrograms }
}

/** The real eligibility rules (src/eligibility), adapted to PoolEligibility. */
export function realEligibility(): PoolEligibility {
  if (real) return real
  const dates = new Set<IsoDate>()
  for (const rule of allRules) for (const v of rule.versions) dates.add(v.from)
  for (const c of rules.categoryVersions) {
    dates.add(c.from)
    if (c.to) dates.add(addDays(c.to, 1))
  }
  real = {
    isEligibleForProgram: (p, program, asOf) => rules.isEligibleForProgram(p, program, asOf),
    isEligibleForAnyProgram: (p, asOf) => rules.isEligibleForAnyProgram(p, asOf),
    programAnswer: (p, program, asOf) => rules.programAnswer(p, program, asOf),
    isEligibleForCategory: (p, id, asOf) => rules.isEligibleForCategory(p, id, asOf),
    categoryById: (id) => {
      const c = compiledCategory(id)
      if (!c) return undefined
      const info = { id: c.category.id, label: c.category.label, ...(c.category.rule.type === 'military' ? { mayBeUndecided: true } : {}) }
      return c.listUnknown ? { ...info, listUnknown: c.listUnknown.message } : info
    },
    categoriesInForce: (asOf) => rules.categoriesInForce(asOf),
    evaluate: evaluateFast,
    evaluateFacts,
    ruleChangeDates: [...dates].sort(),
  }
  return real
}

/** The real eligibility rules (kept async for callers that load them lazily). */
export function loadEligibility(): Promise<PoolEligibility> {
  return Promise.resolve(realEligibility())
}
