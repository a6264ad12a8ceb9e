/**
 * Program and category eligibility of a Profile on a date: FSW (minimums, the 67-point grid, funds),
 * CEC, FST, each category version in force, and the program an invitation is issued under. The fast
 * helpers answer one question each without building messages; the rounds engine calls them for every
 * profile before every round.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import { categoriesInForce } from '../rules/categories/catalog.js'
import { programAssignmentOrder } from '../rules/programs/assignment-order.js'
import { AREAS_READ, verificationNotice, type VerificationNotice } from '../rules/verified.js'
import type { Profile } from '../schemas/profile.js'
import { checkCategoryRule, compiledCategory, compiledList, militaryAnswer, notEligibleForProgram, type CompiledCategory } from './categories.js'
import { checkCec } from './cec.js'
import { Facts } from './facts.js'
import { checkFst } from './fst.js'
import { fswGrid, gridTotal, checkFsw } from './fsw.js'
import { checkFunds, fundsCheck } from './funds.js'
import type { CategoryResult, EligibilityResult, FederalProgram, ProgramId, UnmetCondition } from './types.js'

export type * from './types.js'
export { UNMET_CODES } from './types.js'
export { compileCategory, compiledCategory, type CompiledCategory } from './categories.js'
export { categoriesInForce, categoryById, categoryVersions, CATEGORY_KEYS, type CategoryVersion, type CategoryKey, type CategoryRule } from '../rules/categories/catalog.js'

/** A federal program's answer: true, false, or null (can't tell: FSW or FST funds needed and not given). */
function program(f: Facts, id: FederalProgram): boolean | null {
  let answer = f.programs[id]
  if (answer === undefined) {
    answer = id === 'fsw' ? checkFsw(f, null) : id === 'cec' ? checkCec(f, null) : checkFst(f, null)
    f.programs[id] = answer
  }
  return answer
}

/** FSW, CEC or FST: true when one is a yes, null when none is but one can't tell, else false. */
function anyProgram(f: Facts): boolean | null {
  if (program(f, 'cec') === true) return true
  const fsw = program(f, 'fsw')
  if (fsw === true) return true
  const fst = program(f, 'fst')
  if (fst === true) return true
  return fsw === null || fst === null ? null : false
}

function nominated(f: Facts): boolean {
  const n = f.profile.provincialNomination
  return n !== null && n.nominatedOn <= f.asOf
}

/** A program's answer, PNP included (nominated on the date and FSW, CEC or FST). */
function programAnswerOf(f: Facts, id: ProgramId): boolean | null {
  return id === 'pnp' ? (nominated(f) ? anyProgram(f) : false) : program(f, id)
}

/**
 * The program an invitation is issued under: the first in the order that is a yes, when no program
 * before it can't tell; else null, with the programs it could be (`undecided`) when one can't tell.
 */
function invitedUnder(f: Facts): { readonly id: ProgramId | null; readonly undecided: readonly ProgramId[] } {
  const undecided: ProgramId[] = []
  for (const id of programAssignmentOrder.at(f.asOf).value) {
    const answer = programAnswerOf(f, id)
    if (answer === true) return undecided.length === 0 ? { id, undecided } : { id: null, undecided: [...undecided, id] }
    if (answer === null) undecided.push(id)
  }
  return { id: null, undecided }
}

/** The conditions that cannot be decided of the programs that can't tell (their settlement funds). */
function programsUndecided(f: Facts): UnmetCondition[] {
  const out: UnmetCondition[] = []
  if (program(f, 'fsw') === null) checkFunds(f, null, out, 'FSW')
  if (program(f, 'fst') === null) checkFunds(f, null, out, 'FST')
  return out
}

/**
 * The answer for one category version on the facts' date: false when the profile is eligible for no
 * program; null (can't tell, `category_list_unknown`) when the version's list of occupations is not
 * known; else whether it meets the category's rule. When the profile's only possible programs can't
 * tell (E21), a category whose own rule is met (or can't tell) can't tell either, with those programs'
 * undecided conditions in `undecided`; a rule not met is still a no.
 */
function categoryResult(f: Facts, c: CompiledCategory, eligibleForAny: boolean | null): CategoryResult {
  const category = c.category
  // A category whose list is unknown answers the same for every program-eligible profile (and can't tell either way when the programs can't).
  if (eligibleForAny !== false && c.unknownResult !== null) return c.unknownResult
  const out: UnmetCondition[] = []
  if (eligibleForAny === false) out.push(notEligibleForProgram(c, f.asOf))
  const confidence = c.confidence
  const undecided: UnmetCondition[] = []
  const withUndecided = () => (undecided.length > 0 ? { undecided } : {})
  if (category.rule.type === 'military') {
    // Can't tell (null) when no condition fails but one cannot be decided from the profile.
    const answer = militaryAnswer(f, c, out, undecided)
    const eligible = eligibleForAny === false || answer === false ? false : eligibleForAny === null ? null : answer
    if (eligible === null && eligibleForAny === null) undecided.unshift(...programsUndecided(f))
    return { id: category.id, label: category.label, eligible, unmet: out, ...withUndecided(), confidence }
  }
  const met = checkCategoryRule(f, c, out)
  const eligible = met === null || eligibleForAny === false ? false : eligibleForAny
  if (eligible === null) undecided.push(...programsUndecided(f))
  return met !== null && met !== true ? { id: category.id, label: category.label, eligible, occupation: met, unmet: out, ...withUndecided(), confidence } : { id: category.id, label: category.label, eligible, unmet: out, ...withUndecided(), confidence }
}

/**
 * Eligibility of a parsed Profile on `asOf`, with every unmet condition and its source.
 * @example
 * eligibility(profile, '2026-03-01').programs.cec.eligible //=> true
 */
export function eligibility(profile: Profile, asOf: IsoDate): EligibilityResult {
  const f = new Facts(profile, asOf)
  const grid = fswGrid(f)
  const fswUnmet: UnmetCondition[] = []
  const cecUnmet: UnmetCondition[] = []
  const fstUnmet: UnmetCondition[] = []
  const fswUndecided: UnmetCondition[] = []
  const fstUndecided: UnmetCondition[] = []
  const fsw = checkFsw(f, fswUnmet, grid, fswUndecided)
  const cec = checkCec(f, cecUnmet)
  const fst = checkFst(f, fstUnmet, fstUndecided)
  f.programs.fsw = fsw
  f.programs.cec = cec
  f.programs.fst = fst
  const funds = fundsCheck(f)
  const eligibleForAny = anyProgram(f)
  // Only a can't-tell answer carries its undecided conditions (a failed condition wins over them).
  const undecidedOf = (answer: boolean | null, list: UnmetCondition[]) => (answer === null ? { undecided: list } : {})

  const categories: CategoryResult[] = []
  for (const c of compiledList(categoriesInForce(asOf))) categories.push(categoryResult(f, c, eligibleForAny))
  const invitation = invitedUnder(f)

  return {
    asOf,
    programs: {
      fsw: { eligible: fsw, points: gridTotal(grid), grid, funds, unmet: fswUnmet, ...undecidedOf(fsw, fswUndecided) },
      cec: { eligible: cec, unmet: cecUnmet },
      fst: { eligible: fst, funds, unmet: fstUnmet, ...undecidedOf(fst, fstUndecided) },
    },
    categories,
    invitedUnder: invitation.id,
    ...(invitation.id === null && invitation.undecided.length > 0 ? { invitedUnderUndecided: invitation.undecided } : {}),
    ...withVerificationNotice(asOf),
  }
}

function withVerificationNotice(asOf: IsoDate): { notices?: readonly VerificationNotice[] } {
  const notice = verificationNotice(asOf, AREAS_READ.eligibility)
  return notice ? { notices: [notice] } : {}
}

/**
 * Whether the profile is certainly eligible for a program on `asOf`; `pnp` = holds a provincial
 * nomination on that date and is eligible for at least one of FSW, CEC and FST. False for a can't tell
 * as for a no (the pool and the rounds engine invite only a certain yes); programAnswer tells them apart.
 */
export function isEligibleForProgram(profile: Profile, programId: ProgramId, asOf: IsoDate): boolean {
  return programAnswerOf(new Facts(profile, asOf), programId) === true
}

/** Whether the profile is certainly eligible for FSW, CEC or FST on `asOf` (a can't tell is false here: anyProgramAnswer). */
export function isEligibleForAnyProgram(profile: Profile, asOf: IsoDate): boolean {
  return anyProgram(new Facts(profile, asOf)) === true
}

/**
 * A program's answer on `asOf`, as `eligibility(profile, asOf).programs[id].eligible`: true, false, or
 * null (can't tell: FSW or FST settlement funds needed and not given). For `pnp`: false without a
 * nomination on the date, else the answer for FSW, CEC or FST.
 */
export function programAnswer(profile: Profile, programId: ProgramId, asOf: IsoDate): boolean | null {
  return programAnswerOf(new Facts(profile, asOf), programId)
}

/** FSW, CEC or FST on `asOf`: true when one is a yes, null when none is but one can't tell, else false. */
export function anyProgramAnswer(profile: Profile, asOf: IsoDate): boolean | null {
  return anyProgram(new Facts(profile, asOf))
}

/** The compiled category version of an id (or the compiled version itself) when it is in force on `asOf`. */
function inForce(category: string | CompiledCategory, asOf: IsoDate): CompiledCategory | undefined {
  const c = typeof category === 'string' ? compiledCategory(category) : category
  return !c || c.category.from > asOf || (c.category.to !== null && asOf > c.category.to) ? undefined : c
}

/**
 * Whether the profile is eligible for the category version `category` (an id, or a compiled version)
 * on `asOf`: the version is in force, the profile is eligible for a program, and it meets the
 * category's rule. Null (can't tell) when the version's list of occupations is not known and the
 * profile is eligible for a program, and when its rule is met (or can't tell) but the profile's only
 * possible programs can't tell (E21). Unknown ids and versions not in force answer false.
 */
export function isEligibleForCategory(profile: Profile, category: string | CompiledCategory, asOf: IsoDate): boolean | null {
  const c = inForce(category, asOf)
  if (!c) return false
  const f = new Facts(profile, asOf)
  if (c.listUnknown !== null) return anyProgram(f) === false ? false : null
  if (c.category.rule.type === 'military') {
    // Can't tell (null) when no condition fails but one cannot be decided from the profile.
    const answer = militaryAnswer(f, c, null, null)
    if (answer === false) return false
    const any = anyProgram(f)
    return any === true ? answer : any
  }
  // The category's own rule is usually the cheaper test, so it goes first; a program that can't tell makes the category can't tell (E21).
  return checkCategoryRule(f, c, null) === null ? false : anyProgram(f)
}

/**
 * The whole answer for one category version (an id, or a compiled version) on `asOf`, as
 * `eligibility(profile, asOf).categories` gives it; undefined when the version is not in force then.
 */
export function categoryEligibility(profile: Profile, category: string | CompiledCategory, asOf: IsoDate): CategoryResult | undefined {
  const c = inForce(category, asOf)
  if (!c) return undefined
  const f = new Facts(profile, asOf)
  return categoryResult(f, c, anyProgram(f))
}

/** The program an invitation on `asOf` would be issued under (PNP, then CEC, FSW, FST), or null (none, or it cannot be told: eligibility().invitedUnderUndecided). */
export function invitationProgram(profile: Profile, asOf: IsoDate): ProgramId | null {
  return invitedUnder(new Facts(profile, asOf)).id
}
