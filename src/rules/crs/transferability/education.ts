/**
 * crs.transferability.education — Skill transferability, education group (max 50): (A) education with
 * first-official-language CLB 7+ (some ability below 9) or CLB 9+ (all four), plus (B) education with 1
 * or 2+ years of Canadian work; A + B capped at 50. MI s.22-23 (S1, S5); S13; tool (S10, S11).
 *
 * Tiers: 1 = one-year, two-year or 3+ year (bachelor's) credential; 2 = two or more credentials,
 * master's or doctorate. The 2016-11-19 MI "clarified" that master's and doctorates are tier 2 (S3);
 * the tool and IRCC already scored them so from 2015, so one version covers both (docs/decisions.md).
 */
import type { EducationLevel } from '../../../schemas/crs-factors.js'
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

/** Points per tier, index 0 = tier 0 (secondary or less), 1, 2. */
export type TierPoints = readonly [number, number, number]

export interface CombinationTable<Tier extends string> {
  readonly tierOf: Readonly<Record<Tier, 0 | 1 | 2>>
  /** First official language: every ability CLB 7+ with one below 9, or every ability CLB 9+. */
  readonly withLanguage: { readonly clb7: TierPoints; readonly clb9: TierPoints }
  /** Canadian work: 1 year, or 2 years or more. */
  readonly withCanadianWork: { readonly oneYear: TierPoints; readonly twoOrMore: TierPoints }
  readonly cap: number
}

export const transferabilityEducationTable = defineRule<CombinationTable<EducationLevel>>({
  id: 'crs.transferability.education',
  title: 'Skill transferability: education with official language, and with Canadian work',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: [...launchSources('Skill transferability factors – education'), cite('MI-EE-2015-05-30', 'Notice of changes of 2016-11-19: master\'s and PhD in the top tier (clarification)')],
      value: {
        tierOf: { none: 0, secondary: 0, 'one-year': 1, 'two-year': 1, bachelors: 1, 'two-or-more': 2, masters: 2, doctoral: 2 },
        withLanguage: { clb7: [0, 13, 25], clb9: [0, 25, 50] },
        withCanadianWork: { oneYear: [0, 13, 25], twoOrMore: [0, 25, 50] },
        cap: 50,
      },
    },
  ],
})
