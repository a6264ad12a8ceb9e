/**
 * Every dated rule, by id. The registry test checks that each id equals its file path, that versions
 * are sorted and cited, and that each rule resolves on every quarter from its start.
 * @module
 */
import type { Rule } from './rule.js'
import { ageTable } from './crs/core/age.js'
import { canadianWorkTable } from './crs/core/canadian-work.js'
import { educationTable } from './crs/core/education.js'
import { firstLanguageTable } from './crs/core/first-language.js'
import { secondLanguageTable } from './crs/core/second-language.js'
import { spouseCanadianWorkTable } from './crs/spouse/canadian-work.js'
import { spouseEducationTable } from './crs/spouse/education.js'
import { spouseLanguageTable } from './crs/spouse/language.js'
import { transferabilityCap } from './crs/transferability/cap.js'
import { transferabilityCertificateTable } from './crs/transferability/certificate.js'
import { transferabilityEducationTable } from './crs/transferability/education.js'
import { transferabilityForeignWorkTable } from './crs/transferability/foreign-work.js'
import { additionalCap } from './crs/additional/cap.js'
import { canadianEducationTable } from './crs/additional/canadian-education.js'
import { frenchTable } from './crs/additional/french.js'
import { jobOfferTable } from './crs/additional/job-offer.js'
import { provincialNominationTable } from './crs/additional/provincial-nomination.js'
import { siblingTable } from './crs/additional/sibling.js'
import { celpipGeneralTable } from './language/celpip-general.js'
import { ieltsGeneralTable } from './language/ielts-general.js'
import { pteCoreTable } from './language/pte-core.js'
import { tcfCanadaTable } from './language/tcf-canada.js'
import { tefCanadaTable } from './language/tef-canada.js'
import { languageValidity } from './language/validity.js'
import { fswMinimums } from './fsw/minimums.js'
import { settlementFundsTable } from './fsw/settlement-funds.js'
import { fswLanguageTable } from './fsw/grid/language.js'
import { fswEducationTable } from './fsw/grid/education.js'
import { fswExperienceTable } from './fsw/grid/experience.js'
import { fswAgeTable } from './fsw/grid/age.js'
import { fswArrangedEmploymentTable } from './fsw/grid/arranged-employment.js'
import { fswAdaptabilityTable } from './fsw/grid/adaptability.js'
import { cecRequirements } from './programs/cec.js'
import { fstRequirements } from './programs/fst.js'
import { programAssignmentOrder } from './programs/assignment-order.js'
import { categoryRules } from './categories/index.js'
import { ecaValidity } from './education/eca-validity.js'
import { fullTimeWork } from './work/full-time.js'
import { invitationWindow } from './pool/invitation-window.js'
import { profileValidity } from './pool/profile-validity.js'

export { invitationWindowDays } from './pool/invitation-window.js'

/** The rules that make up a CRS score. */
export const crsRules: readonly Rule<unknown>[] = [
  ageTable,
  educationTable,
  firstLanguageTable,
  secondLanguageTable,
  canadianWorkTable,
  spouseEducationTable,
  spouseLanguageTable,
  spouseCanadianWorkTable,
  transferabilityEducationTable,
  transferabilityForeignWorkTable,
  transferabilityCertificateTable,
  transferabilityCap,
  provincialNominationTable,
  jobOfferTable,
  canadianEducationTable,
  frenchTable,
  siblingTable,
  additionalCap,
]

export const languageRules: readonly Rule<unknown>[] = [ieltsGeneralTable, celpipGeneralTable, pteCoreTable, tefCanadaTable, tcfCanadaTable, languageValidity]

/** The Federal Skilled Worker rules: minimums, the 67-point grid, settlement funds. */
export const fswProgramRules: readonly Rule<unknown>[] = [
  fswMinimums,
  fswLanguageTable,
  fswEducationTable,
  fswExperienceTable,
  fswAgeTable,
  fswArrangedEmploymentTable,
  fswAdaptabilityTable,
  settlementFundsTable,
]

/** The rules of program and category eligibility (FSW, CEC, FST, categories). */
export const eligibilityRules: readonly Rule<unknown>[] = [
  ...fswProgramRules,
  cecRequirements,
  fstRequirements,
  programAssignmentOrder,
  ...(categoryRules as readonly Rule<unknown>[]),
]

/** What a profile's facts on a date read besides the tables above: ECA validity and the full-time year. */
export const factRules: readonly Rule<unknown>[] = [ecaValidity, fullTimeWork]

/** Pool mechanics: how long a profile stays in the pool, and the days to answer an invitation. */
export const poolRules: readonly Rule<unknown>[] = [profileValidity, invitationWindow]

/** Every rule in the registry. */
export const allRules: readonly Rule<unknown>[] = [...crsRules, ...languageRules, ...eligibilityRules, ...factRules, ...poolRules]

/** The rule with this id. */
export function ruleById(id: string): Rule<unknown> | undefined {
  return allRules.find((r) => r.id === id)
}
