/** The shapes eligibility answers in (DESIGN.md contract; extend, never rename). @module */
import type { IsoDate } from '../domain/dates.js'
import type { FederalProgram, ProgramId } from '../schemas/common.js'
import type { VerificationNotice } from '../rules/verified.js'

export type { FederalProgram, ProgramId }

/** Where a condition comes from: the rule, and the instrument and place it cites. */
export interface UnmetSource {
  readonly ruleId: string
  readonly title: string
  readonly pinpoint: string
  readonly url: string
}

/**
 * Every code an unmet (or undecided) condition can carry, in one list: the type below is read from it,
 * and the published schemas (src/schemas/unmet.ts) list it as an enum, so a client can switch on them.
 */
export const UNMET_CODES = [
  'no_language_result',
  'language_below_minimum',
  'experience_insufficient',
  'canadian_experience_insufficient',
  'trade_experience_insufficient',
  'no_offer_or_certificate',
  'no_education',
  'grid_below_pass_mark',
  'settlement_funds_insufficient',
  'settlement_funds_unknown',
  'not_eligible_for_program',
  'category_list_unknown',
  'no_french_result',
  'french_below_minimum',
  'category_experience_insufficient',
  'canadian_armed_forces_offer_missing',
  'military_offer_too_short',
  'military_offer_details_unknown',
  'military_service_insufficient',
  'military_service_unknown',
  'military_recognition_unknown',
  'military_credential_missing',
] as const

export type UnmetCode = (typeof UNMET_CODES)[number]

/** A condition not met: a code, a plain message, and the rule's source. */
export interface UnmetCondition {
  readonly code: UnmetCode
  readonly message: string
  readonly source: UnmetSource
  /** The message's values (numbers, dates, NOC codes), so a surface can word it in another language. */
  readonly params?: Readonly<Record<string, string | number>>
}

/** The six factors of the FSW selection grid (IRPR 78-83). */
export interface FswGrid {
  readonly language: number
  readonly education: number
  readonly experience: number
  readonly age: number
  readonly arrangedEmployment: number
  readonly adaptability: number
}

/**
 * Settlement funds on the date: the family size, what is required (null when no table is known for the
 * date), what the profile shows (null when it does not say: can't tell where funds are needed), and
 * whether it is waived.
 */
export interface FundsCheck {
  readonly familySize: number
  readonly required: number | null
  readonly available: number | null
  /** Authorized to work in Canada with a valid job offer (IRPR 76(1)(b)(ii)). */
  readonly waived: boolean
}

export interface ProgramResult {
  /**
   * true or false, or null (can't tell): no condition fails but one cannot be decided from the profile
   * (FSW and FST: settlement funds not given where they are needed, `settlement_funds_unknown`), the
   * conditions in `undecided`. A failed condition wins over an unknown one (false).
   */
  readonly eligible: boolean | null
  readonly unmet: readonly UnmetCondition[]
  /** Conditions the profile does not let the engine decide (when `eligible` is null). */
  readonly undecided?: readonly UnmetCondition[]
}

/**
 * CEC's answer: true or false, never can't tell (checkCec returns a boolean). Settlement funds, the one
 * fact whose absence makes FSW and FST can't tell (E21), are not a CEC condition (rules.md §7.3: FSWP
 * and FSTP only), and what CEC reads (Canadian work, first-language results) not given is a no.
 */
export interface CecResult {
  readonly eligible: boolean
  readonly unmet: readonly UnmetCondition[]
}

export interface FswResult extends ProgramResult {
  /** Grid total out of 100 (the pass mark is fsw.minimums passMark). */
  readonly points: number
  readonly grid: FswGrid
  readonly funds: FundsCheck
}

export interface FstResult extends ProgramResult {
  readonly funds: FundsCheck
}

/**
 * The listed occupation that meets the category's experience rule (the one with the most hours). It is
 * given even when the profile is eligible for no program (the category then fails), so a reader sees
 * that the occupation condition itself is met.
 */
export interface QualifyingOccupation {
  readonly noc: string
  readonly title: string
  /** Full-time-equivalent months counted under the category's rule (130 h a month). */
  readonly months: number
}

export interface CategoryResult {
  /** Category version id, e.g. `stem-2023-1`. */
  readonly id: string
  /** The label IRCC used, e.g. "STEM occupations (2023-1)". */
  readonly label: string
  /**
   * true or false, or null (can't tell): when the category's occupation list is not known and the
   * profile is eligible for a program (`unmet` then holds the reason, `category_list_unknown`), or when
   * no condition fails but one cannot be decided from the profile (the conditions in `undecided`).
   */
  readonly eligible: boolean | null
  readonly occupation?: QualifyingOccupation
  readonly unmet: readonly UnmetCondition[]
  /** Conditions the profile does not let the engine decide (when `eligible` is null). */
  readonly undecided?: readonly UnmetCondition[]
  /** How sure the engine is of this version's list and rule, and from what (data/categories.json). */
  readonly confidence?: { readonly level: string; readonly sources: readonly string[] }
}

export interface EligibilityResult {
  readonly asOf: IsoDate
  readonly programs: { readonly fsw: FswResult; readonly cec: CecResult; readonly fst: FstResult }
  /** Only the category versions in force on `asOf`. */
  readonly categories: readonly CategoryResult[]
  /**
   * The program an invitation would be issued under (PNP, then CEC, FSW, FST), or null: none, or it
   * cannot be told (then `invitedUnderUndecided`).
   */
  readonly invitedUnder: ProgramId | null
  /**
   * When `invitedUnder` is null because a program that comes first in the order is can't tell: the
   * programs the invitation could be issued under, in that order (the can't-tell ones, then the first
   * certain one if any). Absent otherwise.
   */
  readonly invitedUnderUndecided?: readonly ProgramId[]
  /** For a date after the rules were last verified: that notice (rules/verified.ts). */
  readonly notices?: readonly VerificationNotice[]
}
