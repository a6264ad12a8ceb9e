/** Settlement funds for FSW and FST on a date (rules.md §7.3). @module */
import { fundsRequired, settlementFundsTable } from '../rules/fsw/settlement-funds.js'
import { sourceOf, unmet, type Facts } from './facts.js'
import { thousands } from './language.js'
import type { FundsCheck, UnmetCondition } from './types.js'

/**
 * Family size (the applicant, a spouse or partner even one not coming or already a citizen or PR, and
 * dependent children), the amount required on the date, and whether it is waived: a valid job offer
 * while authorized to work in Canada, taken here as working in Canada on the date (docs/decisions.md).
 */
export function fundsCheck(f: Facts): FundsCheck {
  const p = f.profile
  const familySize = 1 + (f.partnered ? 1 : 0) + p.dependentChildren
  const table = settlementFundsTable.valueAt(f.asOf)
  return {
    familySize,
    required: table === null ? null : fundsRequired(table, familySize),
    available: p.settlementFundsCad ?? null,
    waived: p.jobOffer !== null && f.worksInCanadaOnDate,
  }
}

/**
 * Whether funds are sufficient (or waived, or no table is known for the date): true, false (recorded in
 * `out`), or null when they are needed and the profile does not give them (recorded in `undecided`,
 * `settlement_funds_unknown`: can't tell, never "CAD 0").
 */
export function checkFunds(f: Facts, out: UnmetCondition[] | null, undecided: UnmetCondition[] | null, program: string): boolean | null {
  const p = f.profile
  if (p.jobOffer !== null && f.worksInCanadaOnDate) return true
  const version = settlementFundsTable.versionAt(f.asOf)
  if (!version || version.value === null) return true
  const familySize = 1 + (f.partnered ? 1 : 0) + p.dependentChildren
  const required = fundsRequired(version.value, familySize)
  const available = p.settlementFundsCad
  if (available === undefined) {
    if (undecided) {
      undecided.push({
        code: 'settlement_funds_unknown',
        message: `${program} needs settlement funds of CAD ${thousands(required)} for a family of ${familySize} on ${f.asOf} (table of ${version.from}); the profile does not give its funds (settlementFundsCad), so this cannot be decided. Not needed with a valid job offer while authorized to work in Canada.`,
        source: sourceOf(settlementFundsTable, version),
        params: { program: program.toLowerCase(), required, familySize, asOf: f.asOf },
      })
    }
    return null
  }
  if (available >= required) return true
  if (out) {
    unmet(
      out,
      'settlement_funds_insufficient',
      `${program} needs settlement funds of CAD ${thousands(required)} for a family of ${familySize} on ${f.asOf} (table of ${version.from}); the profile shows CAD ${thousands(available)}. Not needed with a valid job offer while authorized to work in Canada.`,
      sourceOf(settlementFundsTable, version),
    )
  }
  return false
}
