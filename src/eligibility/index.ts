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
import { fundsCheck } from './funds.js'
import type { CategoryResult, EligibilityResult, FederalProgram, ProgramId, UnmetCondition } from './types.js'

export type * from './types.js'
export { compileCategory, compiledCategory, type CompiledCategory } from './categories.js'
export { categoriesInForce, categoryById, categoryVersions, CATEGORY_KEYS, type CategoryVersion, type CategoryKey, type CategoryRule } from '../rules/categories/catalog.js'

function program(f: Facts, id: FederalProgram): boolean {
  let answer = f.programs[id]
  if (answer === undefined) {
    answer = id === 'fsw' ? checkFsw(f, null) : id === 'cec' ? checkCec(f, null) : checkFst(f, null)
    f.programs[id] = answer
  }
  return answer
}

function anyProgram(f: Facts): boolean {
  return program(f, 'cec') || program(f, 'fsw') || program(f, 'fst')
}

function nominated(f: Facts): boolean {
  const n = f.profile.provincialNomination
  return n !== null && n.nominatedOn <= f.asOf
}

function invitedUnder(f: Facts): ProgramId | null {
  for (const id of programAssignmentOrder.at(f.asOf).value) {
    if (id === 'pnp' ? nominated(f) && anyProgram(f) : program(f, id)) return id
  }
  return null
}

/**
 * The answer for one category version on the facts' date: false when the profile is eligible for no
 * program; null (can't tell, `category_list_unknown`) when the version's list of occupations is not
 * known; else whether it meets the category's rule.
 */
function categoryResult(f: Facts, c: CompiledCategory, eligibleForAny: boolean): CategoryResult {
  const category = c.category
  // A category whose list is unknown answers the same for every program-eligible profile.
  if (eligibleForAny && c.unknownResult !== null) return c.unknownResult
  const out: UnmetCondition[] = []
  if (!eligibleForAny) out.push(notEligibleForProgram(c, f.asOf))
  const confidence = c.confidence
  if (category.rule.type === 'military') {
    // Can't tell (null) when no condition fails but one cannot be decided from the profile.
    const undecided: UnmetCondition[] = []
    const answer = militaryAnswer(f, c, out, undecided)
    const eligible = !eligibleForAny ? false : answer
    return { id: category.id, label: category.label, eligible, unmet: out, ...(undecided.length > 0 ? { undecided } : {}), confidence }
  }
  const met = checkCategoryRule(f, c, out)
  const eligible = eligibleForAny && met !== null
  return met !== null && met !== true ? { id: category.id, label: category.label, eligible, occupation: met, unmet: out, confidence } : { id: category.id, label: category.label, eligible, unmet: out, confidence }
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
  const fsw = checkFsw(f, fswUnmet, grid)
  const cec = checkCec(f, cecUnmet)
  const fst = checkFst(f, fstUnmet)
  f.programs.fsw = fsw
  f.programs.cec = cec
  f.programs.fst = fst
  const funds = fundsCheck(f)
  const eligibleForAny = fsw || cec || fst

  const categories: CategoryResult[] = []
  for (const c of compiledList(categoriesInForce(asOf))) categories.push(categoryResult(f, c, eligibleForAny))

  return {
    asOf,
    programs: {
      fsw: { eligible: fsw, points: gridTotal(grid), grid, funds, unmet: fswUnmet },
      cec: { eligible: cec, unmet: cecUnmet },
      fst: { eligible: fst, funds, unmet: fstUnmet },
    },
    categories,
    invitedUnder: invitedUnder(f),
    ...withVerificationNotice(asOf),
  }
}

function withVerificationNotice(asOf: IsoDate): { notices?: readonly VerificationNotice[] } {
  const notice = verificationNotice(asOf, AREAS_READ.eligibility)
  return notice ? { notices: [notice] } : {}
}

/**
 * Whether the profile is eligible for a program on `asOf`; `pnp` = holds a provincial nomination on that
 * date and is eligible for at least one of FSW, CEC and FST.
 */
export function isEligibleForProgram(profile: Profile, programId: ProgramId, asOf: IsoDate): boolean {
  const f = new Facts(profile, asOf)
  if (programId === 'pnp') return nominated(f) && anyProgram(f)
  return program(f, programId)
}

/** Whether the profile is eligible for FSW, CEC or FST on `asOf`. */
export function isEligibleForAnyProgram(profile: Profile, asOf: IsoDate): boolean {
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
 * profile is eligible for a program. Unknown ids and versions not in force answer false.
 */
export function isEligibleForCategory(profile: Profile, category: string | CompiledCategory, asOf: IsoDate): boolean | null {
  const c = inForce(category, asOf)
  if (!c) return false
  const f = new Facts(profile, asOf)
  if (c.listUnknown !== null) return anyProgram(f) ? null : false
  if (c.category.rule.type === 'military') {
    // Can't tell (null) when no condition fails but one cannot be decided from the profile.
    const answer = militaryAnswer(f, c, null, null)
    return answer === false || !anyProgram(f) ? false : answer
  }
  // The category's own rule is usually the cheaper test, so it goes first.
  return checkCategoryRule(f, c, null) !== null && anyProgram(f)
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

/** The program an invitation on `asOf` would be issued under (PNP, then CEC, FSW, FST), or null. */
export function invitationProgram(profile: Profile, asOf: IsoDate): ProgramId | null {
  return invitedUnder(new Facts(profile, asOf))
}
