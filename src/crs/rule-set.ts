/**
 * The CRS rules in force on one date, resolved once and cached: scoring a pool on one date looks each
 * table up once, not once per profile.
 * @module
 */
import { isIsoDate, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import type { Rule, RuleVersion } from '../rules/rule.js'
import { crsRules } from '../rules/index.js'
import { ageTable, type AgeRow } from '../rules/crs/core/age.js'
import { canadianWorkTable } from '../rules/crs/core/canadian-work.js'
import { educationTable } from '../rules/crs/core/education.js'
import { firstLanguageTable } from '../rules/crs/core/first-language.js'
import { secondLanguageTable } from '../rules/crs/core/second-language.js'
import { spouseCanadianWorkTable } from '../rules/crs/spouse/canadian-work.js'
import { spouseEducationTable } from '../rules/crs/spouse/education.js'
import { spouseLanguageTable } from '../rules/crs/spouse/language.js'
import { transferabilityCap } from '../rules/crs/transferability/cap.js'
import { transferabilityCertificateTable } from '../rules/crs/transferability/certificate.js'
import { transferabilityEducationTable } from '../rules/crs/transferability/education.js'
import { transferabilityForeignWorkTable } from '../rules/crs/transferability/foreign-work.js'
import { additionalCap } from '../rules/crs/additional/cap.js'
import { canadianEducationTable } from '../rules/crs/additional/canadian-education.js'
import { frenchTable } from '../rules/crs/additional/french.js'
import { jobOfferTable } from '../rules/crs/additional/job-offer.js'
import { provincialNominationTable } from '../rules/crs/additional/provincial-nomination.js'
import { siblingTable } from '../rules/crs/additional/sibling.js'
import { CRS_LAUNCH } from '../rules/crs/shared.js'

/** A rule and the version of it in force on the date. */
export interface InForce<V> {
  readonly rule: Rule<V>
  readonly version: RuleVersion<V>
}

function inForce<V>(rule: Rule<V>, date: IsoDate): InForce<V> {
  return { rule, version: rule.versionAt(date)! }
}

const MAX_AGE = 150

function ageLookup(rows: readonly AgeRow[], column: 'withSpouse' | 'withoutSpouse'): Int16Array {
  const byAge = new Int16Array(MAX_AGE + 1)
  for (let age = 0; age <= MAX_AGE; age++) {
    let points = 0
    for (const row of rows) if (row.age <= age) points = row[column]
    byAge[age] = points
  }
  return byAge
}

function resolve(asOf: IsoDate) {
  const age = inForce(ageTable, asOf)
  const ages = age.version.value!
  return {
    asOf,
    id: `crs@${crsRules.reduce((latest, r) => {
      const from = r.versionAt(asOf)!.from
      return from > latest ? from : latest
    }, CRS_LAUNCH)}`,
    age,
    agePoints: { withSpouse: ageLookup(ages, 'withSpouse'), withoutSpouse: ageLookup(ages, 'withoutSpouse') },
    education: inForce(educationTable, asOf),
    firstLanguage: inForce(firstLanguageTable, asOf),
    secondLanguage: inForce(secondLanguageTable, asOf),
    canadianWork: inForce(canadianWorkTable, asOf),
    spouseEducation: inForce(spouseEducationTable, asOf),
    spouseLanguage: inForce(spouseLanguageTable, asOf),
    spouseCanadianWork: inForce(spouseCanadianWorkTable, asOf),
    transferabilityEducation: inForce(transferabilityEducationTable, asOf),
    transferabilityForeignWork: inForce(transferabilityForeignWorkTable, asOf),
    certificate: inForce(transferabilityCertificateTable, asOf),
    transferabilityCap: inForce(transferabilityCap, asOf),
    provincialNomination: inForce(provincialNominationTable, asOf),
    jobOffer: inForce(jobOfferTable, asOf),
    canadianEducation: inForce(canadianEducationTable, asOf),
    french: inForce(frenchTable, asOf),
    sibling: inForce(siblingTable, asOf),
    additionalCap: inForce(additionalCap, asOf),
  }
}

export type CrsRuleSet = ReturnType<typeof resolve>

const cache = new Map<string, CrsRuleSet>()

/**
 * The CRS rules in force on `asOf`. Throws `invalid_input` for a malformed date and
 * `rule_not_in_force` before Express Entry opened on 2015-01-01.
 */
export function crsRulesAt(asOf: IsoDate): CrsRuleSet {
  const cached = cache.get(asOf)
  if (cached) return cached
  if (!isIsoDate(asOf)) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'asOf', message: `expected a real calendar date written YYYY-MM-DD (got ${JSON.stringify(asOf)})`, value: asOf }] })
  }
  if (asOf < CRS_LAUNCH) throw new ExpressEntryError('rule_not_in_force', { ruleId: 'crs', date: asOf, firstInForce: CRS_LAUNCH })
  if (cache.size >= 10_000) cache.clear()
  const set = resolve(asOf)
  cache.set(asOf, set)
  return set
}
