/**
 * The CRS rules in force on a date. Every table is resolved and compiled once per interval between two
 * rule version days (a handful since 2015), not once per date: scoring a history or a test set whose
 * dates are spread over years finds the day's rules by one comparison of date strings.
 * @module
 */
import { isIsoDate, type IsoDate } from '../domain/dates.js'
import { ExpressEntryError } from '../errors.js'
import type { Rule, RuleVersion } from '../rules/rule.js'
import { crsRules } from '../rules/index.js'
import { ageTable, type AgeRow } from '../rules/crs/core/age.js'
import { canadianWorkTable } from '../rules/crs/core/canadian-work.js'
import { educationTable, type ByEducation } from '../rules/crs/core/education.js'
import { EDUCATION_LEVELS } from '../domain/words.js'
import type { EducationLevel } from '../schemas/crs-factors.js'
import type { CombinationTable } from '../rules/crs/transferability/education.js'
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

/** The levels in the order of the compiled tables (educationIndex below). */
const EDUCATION_ORDER: readonly EducationLevel[] = EDUCATION_LEVELS

/** Index of an education level in the compiled tables (a switch compares interned strings by pointer). */
export function educationIndex(level: EducationLevel): number {
  switch (level) {
    case 'none': return 0
    case 'secondary': return 1
    case 'one-year': return 2
    case 'two-year': return 3
    case 'bachelors': return 4
    case 'two-or-more': return 5
    case 'masters': return 6
    case 'doctoral': return 7
  }
}

/** A combination table flattened to [band * 3 + tier], band 0 = none, 1 = lower, 2 = higher. */
function combination(table: CombinationTable<string>, kind: 'withLanguage' | 'withCanadianWork'): Int16Array {
  const rows = kind === 'withLanguage' ? [table.withLanguage.clb7, table.withLanguage.clb9] : [table.withCanadianWork.oneYear, table.withCanadianWork.twoOrMore]
  const flat = new Int16Array(9)
  rows.forEach((row, band) => row.forEach((points, tier) => (flat[(band + 1) * 3 + tier] = points)))
  return flat
}

/** CLB levels 0-12 and whole years 0-100 are the inputs' ranges (schemas/crs-factors.ts). */
const MAX_CLB = 12
const MAX_YEARS = 100

/** Rows `[minimum, ...columns]` (highest first) as a direct lookup: `table[level]` is the column's points. */
function byLevel(rows: readonly (readonly [number, ...number[]])[], column: number, maxLevel: number): Int16Array {
  const table = new Int16Array(maxLevel + 1)
  for (let level = 0; level <= maxLevel; level++) {
    const row = rows.find((r) => level >= r[0])
    table[level] = row ? row[column]! : 0
  }
  return table
}

/** The tables of the day as typed arrays indexed by level: the scoring hot path does no keyed lookups. */
function compile(education: ByEducation, spouseEducation: Readonly<Record<EducationLevel, number>>, te: CombinationTable<EducationLevel>, tf: CombinationTable<string>) {
  return {
    educationWithSpouse: Int16Array.from(EDUCATION_ORDER, (l) => education[l].withSpouse),
    educationWithoutSpouse: Int16Array.from(EDUCATION_ORDER, (l) => education[l].withoutSpouse),
    spouseEducation: Int16Array.from(EDUCATION_ORDER, (l) => spouseEducation[l]),
    educationTier: Int8Array.from(EDUCATION_ORDER, (l) => te.tierOf[l]),
    educationWithLanguage: combination(te, 'withLanguage'),
    educationWithCanadianWork: combination(te, 'withCanadianWork'),
    foreignWithLanguage: combination(tf, 'withLanguage'),
    foreignWithCanadianWork: combination(tf, 'withCanadianWork'),
  }
}

/** Per-ability and per-year tables of the day as direct lookups by CLB level or whole years. */
function compileLevels(set: {
  firstLanguage: readonly (readonly [number, number, number])[]
  secondLanguage: readonly (readonly [number, number])[]
  canadianWork: readonly (readonly [number, number, number])[]
  spouseLanguage: readonly (readonly [number, number])[]
  spouseCanadianWork: readonly (readonly [number, number])[]
  certificate: readonly (readonly [number, number])[]
}) {
  return {
    firstLanguageWithSpouse: byLevel(set.firstLanguage, 1, MAX_CLB),
    firstLanguageWithoutSpouse: byLevel(set.firstLanguage, 2, MAX_CLB),
    secondLanguage: byLevel(set.secondLanguage, 1, MAX_CLB),
    canadianWorkWithSpouse: byLevel(set.canadianWork, 1, MAX_YEARS),
    canadianWorkWithoutSpouse: byLevel(set.canadianWork, 2, MAX_YEARS),
    spouseLanguage: byLevel(set.spouseLanguage, 1, MAX_CLB),
    spouseCanadianWork: byLevel(set.spouseCanadianWork, 1, MAX_YEARS),
    certificate: byLevel(set.certificate, 1, MAX_CLB),
  }
}

/**
 * Every table resolved with `rule.versionAt(asOf)` and compiled. Not cached: `crsRulesAt` calls it once
 * per interval of `ruleSetStarts`, and the tests call it to check the intervals against each date.
 */
export function resolveCrsRules(asOf: IsoDate) {
  const age = inForce(ageTable, asOf)
  const ages = age.version.value!
  const education = inForce(educationTable, asOf)
  const spouseEducation = inForce(spouseEducationTable, asOf)
  const transferabilityEducation = inForce(transferabilityEducationTable, asOf)
  const transferabilityForeignWork = inForce(transferabilityForeignWorkTable, asOf)
  const firstLanguage = inForce(firstLanguageTable, asOf)
  const secondLanguage = inForce(secondLanguageTable, asOf)
  const canadianWork = inForce(canadianWorkTable, asOf)
  const spouseLanguage = inForce(spouseLanguageTable, asOf)
  const spouseCanadianWork = inForce(spouseCanadianWorkTable, asOf)
  const certificate = inForce(transferabilityCertificateTable, asOf)
  return {
    compiled: compile(education.version.value!, spouseEducation.version.value!, transferabilityEducation.version.value!, transferabilityForeignWork.version.value!),
    levels: compileLevels({
      firstLanguage: firstLanguage.version.value!,
      secondLanguage: secondLanguage.version.value!.perAbility,
      canadianWork: canadianWork.version.value!,
      spouseLanguage: spouseLanguage.version.value!,
      spouseCanadianWork: spouseCanadianWork.version.value!,
      certificate: certificate.version.value!,
    }),
    id: `crs@${crsRules.reduce((latest, r) => {
      const from = r.versionAt(asOf)!.from
      return from > latest ? from : latest
    }, CRS_LAUNCH)}`,
    age,
    agePoints: { withSpouse: ageLookup(ages, 'withSpouse'), withoutSpouse: ageLookup(ages, 'withoutSpouse') },
    education,
    firstLanguage,
    secondLanguage,
    canadianWork,
    spouseEducation,
    spouseLanguage,
    spouseCanadianWork,
    transferabilityEducation,
    transferabilityForeignWork,
    certificate,
    transferabilityCap: inForce(transferabilityCap, asOf),
    provincialNomination: inForce(provincialNominationTable, asOf),
    jobOffer: inForce(jobOfferTable, asOf),
    canadianEducation: inForce(canadianEducationTable, asOf),
    french: inForce(frenchTable, asOf),
    sibling: inForce(siblingTable, asOf),
    additionalCap: inForce(additionalCap, asOf),
  }
}

export type CrsRuleSet = ReturnType<typeof resolveCrsRules>

/**
 * The first day of each interval, sorted: Express Entry's launch and every later version day of the rules
 * `resolveCrsRules` reads (`crsRules`, every table); between two such days one set serves all dates.
 */
export const ruleSetStarts: readonly IsoDate[] = [
  ...new Set([CRS_LAUNCH, ...crsRules.flatMap((rule) => rule.versions.map((v) => v.from)).filter((from) => from > CRS_LAUNCH)]),
].sort()

/** The set of each interval, compiled when a date in it is first asked for. */
const setOfInterval: (CrsRuleSet | undefined)[] = ruleSetStarts.map(() => undefined)

/** Index in `ruleSetStarts` of the interval holding `asOf` (a valid date on or after the launch). */
function intervalOf(asOf: IsoDate): number {
  // Binary search for the last start <= asOf; YYYY-MM-DD strings sort as their dates.
  let lo = 0
  let hi = ruleSetStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (ruleSetStarts[mid]! <= asOf) lo = mid
    else hi = mid - 1
  }
  return lo
}

let lastDate = ''
let lastSet: CrsRuleSet | undefined

/**
 * The CRS rules in force on `asOf`. Throws `invalid_input` for a malformed date and
 * `rule_not_in_force` before Express Entry opened on 2015-01-01. Every date of one interval between
 * rule version days gets the same object.
 */
export function crsRulesAt(asOf: IsoDate): CrsRuleSet {
  // The last date asked for again (a pool or a round scored on one day): no validation or search.
  if (asOf === lastDate) return lastSet!
  if (!isIsoDate(asOf)) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'asOf', message: `expected a real calendar date written YYYY-MM-DD (got ${JSON.stringify(asOf)})`, value: asOf }] })
  }
  if (asOf < CRS_LAUNCH) throw new ExpressEntryError('rule_not_in_force', { ruleId: 'crs', date: asOf, firstInForce: CRS_LAUNCH })
  const interval = intervalOf(asOf)
  const set = setOfInterval[interval] ?? (setOfInterval[interval] = resolveCrsRules(ruleSetStarts[interval]!))
  lastDate = asOf
  lastSet = set
  return set
}
