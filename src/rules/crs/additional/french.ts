/**
 * crs.additional.french — Additional points for French: NCLC 7+ in all four French abilities, with
 * CLB 4 or less in English (or no English test): 15, then 25; with CLB 5+ in all four English
 * abilities: 30, then 50. From 2017-06-06 (MI 2017-1, S4); raised 2020-10-27 (S16). The points come on
 * top of the language points, whether French is the first or the second official language.
 */
import { cite } from '../../sources.js'
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, FRENCH_2020, LAST_VERIFIED, MI_2017_1 } from '../shared.js'

export interface FrenchPoints {
  /** NCLC needed in every French ability. */
  readonly minimumNclc: number
  /** CLB needed in every English ability for the bilingual points. */
  readonly minimumEnglishClb: number
  readonly frenchOnly: number
  readonly bilingual: number
}

export const frenchTable = defineRule<FrenchPoints>({
  id: 'crs.additional.french',
  title: 'Additional points: French-language skills',
  lastVerified: LAST_VERIFIED,
  versions: [
    { from: CRS_LAUNCH, sources: [cite('MI-EE-2014', 'Comprehensive Ranking System: no French points at launch')], value: null },
    {
      from: MI_2017_1,
      sources: [cite('MI-EE-2017-1', 'Additional points for French-language skills (15/30)'), cite('CRS-TOOL', 'French bonus (pre-2020 script, S11)')],
      value: { minimumNclc: 7, minimumEnglishClb: 5, frenchOnly: 15, bilingual: 30 },
    },
    {
      from: FRENCH_2020,
      sources: [cite('IRCC-FRENCH-2020', 'News release of 2020-10-27: 15 → 25, 30 → 50'), cite('CRS-CRITERIA', 'Additional points – French-language skills'), cite('MI-EE-CURRENT', 'Additional points for French-language skills')],
      value: { minimumNclc: 7, minimumEnglishClb: 5, frenchOnly: 25, bilingual: 50 },
    },
  ],
})
