/**
 * What would unlock a program or category a Profile is not eligible for on a date: the smallest change
 * of each kind that makes `eligibility()` say yes (a test in the second official language, a retaken
 * first-language test, the spouse's test, an ECA, the settlement funds), or the day it would happen on
 * its own as the work going on accrues. Each answer comes from eligibility() on the changed Profile,
 * never from re-deriving the rules here.
 * @module
 */
import { addDays, addYears, type IsoDate } from '../domain/dates.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import { eligibility } from '../eligibility/index.js'
import type { EligibilityResult } from '../eligibility/types.js'
import { conversionFor, toClb, type DesignatedTest } from '../language/tests.js'
import { ABILITIES, FEDERAL_PROGRAMS } from '../domain/words.js'
import type { OfficialLanguage } from '../schemas/common.js'
import type { LanguageTest, Profile } from '../schemas/profile.js'

export type UnlockCode = 'second-language-test' | 'first-language-test' | 'spouse-language-test' | 'eca' | 'settlement-funds' | 'waiting'

/** One change that would make the profile eligible for `target`. */
export interface Unlock {
  /** `fsw`, `cec`, `fst`, or a category version id (e.g. `french-2026-2`). */
  readonly target: string
  readonly code: UnlockCode
  /** The change's values: `language`, `clb` (all four abilities), `amount`, `gridFrom`/`gridTo` for FSW. */
  readonly params: Readonly<Record<string, string | number>>
  /** The day it would be eligible: the date itself for a change made now, a later day when waiting. */
  readonly on: IsoDate
  /** CRS points the change adds on its day (0 when waiting: see the timeline). */
  readonly crsGain: number
}

export interface UnlockResult {
  readonly asOf: IsoDate
  readonly unlocks: readonly Unlock[]
}

/** The test used to stand for "a test at CLB n" in each language. */
const TEST_OF: Readonly<Record<OfficialLanguage, DesignatedTest>> = { english: 'celpip-general', french: 'tef-canada' }

/** The lowest scores on the test's scale on `date` that convert to `level` or more in every ability, or null. */
export function scoresForLevel(test: DesignatedTest, date: IsoDate, level: number): Record<(typeof ABILITIES)[number], number> | null {
  const conversion = conversionFor(test, date)
  if (!conversion) return null
  const scores = {} as Record<(typeof ABILITIES)[number], number>
  for (const ability of ABILITIES) scores[ability] = conversion.scale[ability].max
  if (ABILITIES.some((a) => toClb(test, date, scores)[a] < level)) return null
  for (const ability of ABILITIES) {
    const { min, max, step } = conversion.scale[ability]
    for (let s = min; s <= max + 1e-9; s += step) {
      const v = Math.round(s / step) * step
      if (toClb(test, date, { ...scores, [ability]: v })[ability] >= level) {
        scores[ability] = v
        break
      }
    }
  }
  return scores
}

function testAt(language: OfficialLanguage, date: IsoDate, level: number): LanguageTest | null {
  const test = TEST_OF[language]
  const scores = scoresForLevel(test, date, level)
  return scores ? { test, testDate: date, ...scores } : null
}

/**
 * Targets (programs and categories in force) not eligible; a category that can't be told (its list
 * unknown, or a condition the profile does not decide) is no target. A program that can't tell (its
 * settlement funds not given, E21) is one: stating the funds required opens it.
 */
function closedTargets(r: EligibilityResult): string[] {
  const targets: string[] = []
  for (const id of FEDERAL_PROGRAMS) if (r.programs[id].eligible !== true) targets.push(id)
  for (const c of r.categories) if (c.eligible === false && !c.unmet.some((u) => u.code === 'category_list_unknown')) targets.push(c.id)
  return targets
}

function isOpen(r: EligibilityResult, target: string): boolean {
  if (target === 'fsw' || target === 'cec' || target === 'fst') return r.programs[target].eligible === true
  return r.categories.find((c) => c.id === target)?.eligible === true
}

/**
 * The changes that would unlock each program or category the profile is not eligible for on `asOf`,
 * smallest first within a kind (the lowest CLB level that does it), and the day work going on would
 * unlock one within `horizonYears` (scanned week by week, then day by day).
 * @example
 * unlocks(francophone, '2026-11-29').unlocks[0] //=> { target: 'fsw', code: 'second-language-test', params: { language: 'english', clb: 5, gridFrom: 66, gridTo: 70 }, ... }
 */
export function unlocks(profile: Profile, asOf: IsoDate, horizonYears = 3): UnlockResult {
  const base = eligibility(profile, asOf)
  const targets = closedTargets(base)
  const found: Unlock[] = []
  if (targets.length === 0) return { asOf, unlocks: found }
  const baseScore = scoreCrs(factorsOf(profile, asOf), asOf).total
  const done = new Set<string>()
  const tryChange = (code: UnlockCode, params: Record<string, string | number>, changed: Profile): boolean => {
    const r = eligibility(changed, asOf)
    let any = false
    for (const target of targets) {
      const key = `${code}:${target}`
      if (done.has(key) || !isOpen(r, target)) continue
      done.add(key)
      any = true
      const extra = target === 'fsw' ? { gridFrom: base.programs.fsw.points, gridTo: r.programs.fsw.points } : {}
      found.push({ target, code, params: { ...params, ...extra }, on: asOf, crsGain: scoreCrs(factorsOf(changed, asOf), asOf).total - baseScore })
    }
    return any
  }

  const first = profile.firstOfficialLanguage
  const second: OfficialLanguage = first === 'english' ? 'french' : 'english'
  const facts = factorsOf(profile, asOf)
  // A test in the second official language, at the lowest level that unlocks each target.
  if (!facts.secondLanguage) {
    for (const clb of [4, 5, 6, 7, 8, 9]) {
      const test = testAt(second, asOf, clb)
      if (test) tryChange('second-language-test', { language: second, clb }, { ...profile, languageTests: [...profile.languageTests, test] })
    }
  }
  // The first official language retaken, all four abilities at a level above the lowest one now.
  const lowest = facts.firstLanguage ? Math.min(...ABILITIES.map((a) => facts.firstLanguage!.clb[a])) : 0
  for (let clb = Math.max(4, lowest + 1); clb <= 10; clb++) {
    const test = testAt(first, asOf, clb)
    if (test) tryChange('first-language-test', { language: first, clb }, { ...profile, languageTests: [...profile.languageTests, test] })
  }
  // The accompanying spouse's first test (FSW adaptability counts a spouse at CLB 4).
  const spouse = profile.spouse
  if (spouse && spouse.accompanying && !spouse.canadianCitizenOrPR && !facts.spouse?.language) {
    for (const clb of [4, 5, 7]) {
      const test = testAt('english', asOf, clb)
      if (test) tryChange('spouse-language-test', { language: 'english', clb }, { ...profile, spouse: { ...spouse, languageTests: [...spouse.languageTests, test] } })
    }
  }
  // An ECA (issued now) for each foreign credential completed without a valid one.
  const needsEca = profile.education.some((c) => c.country !== 'CA' && c.completedOn <= asOf && (!c.eca || addYears(c.eca.issuedOn, 5) <= asOf))
  if (needsEca) {
    const education = profile.education.map((c) => (c.country !== 'CA' && c.completedOn <= asOf && (!c.eca || addYears(c.eca.issuedOn, 5) <= asOf) ? { ...c, eca: { organization: 'ECA', issuedOn: asOf } } : c))
    tryChange('eca', {}, { ...profile, education })
  }
  // The settlement funds required for the family on the date (also when the profile does not give them).
  for (const funds of [base.programs.fsw.funds, base.programs.fst.funds]) {
    if (funds.required !== null && !funds.waived && (funds.available === null || funds.available < funds.required)) {
      tryChange('settlement-funds', { amount: funds.required, familySize: funds.familySize }, { ...profile, settlementFundsCad: funds.required })
    }
  }
  // The day each target opens with nothing changed (work going on accrues; nothing expires meanwhile
  // that would close it again first).
  const until = addYears(asOf, horizonYears)
  const waiting = new Set(targets)
  let previous = asOf
  for (let day = addDays(asOf, 7); waiting.size > 0 && day <= until; previous = day, day = addDays(day, 7)) {
    const r = eligibility(profile, day)
    for (const target of [...waiting]) {
      if (!isOpen(r, target)) continue
      waiting.delete(target)
      let on = day
      for (let d = addDays(previous, 1); d < day; d = addDays(d, 1)) {
        if (isOpen(eligibility(profile, d), target)) {
          on = d
          break
        }
      }
      found.push({ target, code: 'waiting', params: {}, on, crsGain: 0 })
    }
  }
  return { asOf, unlocks: found }
}
