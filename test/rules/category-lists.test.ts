/**
 * Every category version against its source, entry by entry: the dates in force, the experience rule and
 * the list of NOC 2021 unit groups. Each expected value is typed from ../shared/research/categories.md §3
 * (one entry per version, `### \`<id>\``) or, for the 2026 healthcare and social services, STEM and
 * education lists and the French 2026 start, from ../shared/research/2026-update.md ("The 2026 category
 * lists", "French-language proficiency 2026"); never read from data/categories.json.
 */
import { describe, expect, it } from 'vitest'
import { categoriesInForce, categoryById, categoryVersions } from '../../src/rules/categories/catalog.js'

const split = (codes: string): readonly string[] => codes.split(/\s+/).filter(Boolean)

// categories.md §3 `healthcare-2023-1` (35; the 2024-1 list is the same: `healthcare-2024-1`).
const HEALTHCARE_2023 = split(`31100 31101 31102 31103 31110 31111 31112 31121 31200 31201 31202 31203 31204 31209 31300 31301 31302
  31303 32101 32102 32103 32109 32120 32121 32122 32200 32201 32209 33101 33102 33103 33109 41301 41320 42203`)
// §3 `stem-2023-1` (24) = `stem-2024-1`.
const STEM_2023 = split(`20010 20011 20012 21200 21201 21202 21203 21210 21211 21220 21221 21222 21223 21230 21231 21232 21233
  21234 21300 21310 21311 21321 21322 41400`)
// §3 `trade-2023-1` (10) = `trade-2024-1`.
const TRADE_2023 = split('72014 72106 72200 72300 72310 72400 72402 72405 72406 73200')
// §3 `transport-2023-1` (10) = `transport-2024-1`.
const TRANSPORT_2023 = split('70020 72403 72404 72600 72601 72602 72603 72604 73300 93200')
// §3 `agriculture-2023-1` (3) = `agriculture-2024-1`.
const AGRICULTURE_2023 = split('63201 82030 82031')
// §3 `healthcare-social-2025` (37); 2026-update.md gives the same 37 codes for 2026.
const HEALTHCARE_SOCIAL_2025 = split(`31100 31101 31102 31103 31110 31111 31112 31120 31121 31200 31201 31202 31203 31209 31300 31301
  31302 31303 32101 32102 32103 32104 32109 32111 32120 32121 32122 32123 32124 32129 32201 33101 33102 33103 41300 41301 42201`)
// §3 `stem-2025` (11); 2026-update.md: the same 11 for 2026.
const STEM_2025 = split('20011 21220 21300 21301 21310 21321 21331 22300 22301 22310 63100')
// §3 `trade-2025` (25).
const TRADE_2025 = split(`22303 63200 70010 70011 72100 72102 72106 72200 72201 72300 72302 72310 72311 72320 72400 72401 72402
  72422 72501 72999 73100 73110 73112 73113 82021`)
// §3 `education-2025` (5); 2026-update.md: the same 5 for 2026.
const EDUCATION_2025 = split('41220 41221 42202 42203 43100')
// §3 `trade-2026` (25): 2025 without 63200 cooks, with 63201 butchers.
const TRADE_2026 = split(`22303 63201 70010 70011 72100 72102 72106 72200 72201 72300 72302 72310 72311 72320 72400 72401 72402
  72422 72501 72999 73100 73110 73112 73113 82021`)

// The experience rules of categories.md §1 and §3.
const SIX_MONTHS_CONTINUOUS = { type: 'occupation', minimumMonths: 6, minimumHours: 780, continuous: true, windowYears: 3, location: 'canada-or-abroad' }
const TWELVE_MONTHS = { type: 'occupation', minimumMonths: 12, minimumHours: 1560, continuous: false, windowYears: 3 }
const NCLC_7 = { type: 'language', language: 'french', minimumClb: { speaking: 7, listening: 7, reading: 7, writing: 7 } }

// [id, from, to (inclusive; null = in force), occupations (null = a language category), rule]
const VERSIONS: readonly (readonly [string, string, string | null, readonly string[] | null, Record<string, unknown>])[] = [
  // §3, "In force: 2023-05-31 → 2024-02-28"
  ['french-2023-1', '2023-05-31', '2024-02-28', null, NCLC_7],
  ['healthcare-2023-1', '2023-05-31', '2024-02-28', HEALTHCARE_2023, SIX_MONTHS_CONTINUOUS],
  ['stem-2023-1', '2023-05-31', '2024-02-28', STEM_2023, SIX_MONTHS_CONTINUOUS],
  ['trade-2023-1', '2023-05-31', '2024-02-28', TRADE_2023, SIX_MONTHS_CONTINUOUS],
  ['transport-2023-1', '2023-05-31', '2024-02-28', TRANSPORT_2023, SIX_MONTHS_CONTINUOUS],
  ['agriculture-2023-1', '2023-05-31', '2024-02-28', AGRICULTURE_2023, SIX_MONTHS_CONTINUOUS],
  // §3, "In force: 2024-02-29 → 2025-02-26"
  ['french-2024-1', '2024-02-29', '2025-02-26', null, NCLC_7],
  ['healthcare-2024-1', '2024-02-29', '2025-02-26', HEALTHCARE_2023, SIX_MONTHS_CONTINUOUS],
  ['stem-2024-1', '2024-02-29', '2025-02-26', STEM_2023, SIX_MONTHS_CONTINUOUS],
  ['trade-2024-1', '2024-02-29', '2025-02-26', TRADE_2023, SIX_MONTHS_CONTINUOUS],
  ['transport-2024-1', '2024-02-29', '2025-02-26', TRANSPORT_2023, SIX_MONTHS_CONTINUOUS],
  ['agriculture-2024-1', '2024-02-29', '2025-02-26', AGRICULTURE_2023, SIX_MONTHS_CONTINUOUS],
  // §3, "In force: 2025-02-27 → 2026-02-17"; French 2025 ends the day before round 394 (2026-02-06), which
  // 2026-update.md finds already labelled "French-Language proficiency 2026-Version 2" (docs/decisions.md E14).
  ['french-2025', '2025-02-27', '2026-02-05', null, NCLC_7],
  ['healthcare-social-2025', '2025-02-27', '2026-02-17', HEALTHCARE_SOCIAL_2025, SIX_MONTHS_CONTINUOUS],
  ['stem-2025', '2025-02-27', '2026-02-17', STEM_2025, SIX_MONTHS_CONTINUOUS],
  ['trade-2025', '2025-02-27', '2026-02-17', TRADE_2025, SIX_MONTHS_CONTINUOUS],
  ['education-2025', '2025-02-27', '2026-02-17', EDUCATION_2025, SIX_MONTHS_CONTINUOUS],
  ['agriculture-2025', '2025-02-27', '2026-02-17', split('63201'), SIX_MONTHS_CONTINUOUS],
  // §3 `physicians-canadian-experience`: from 2025-12-08, 12 months in Canada.
  ['physicians-canadian-experience', '2025-12-08', null, split('31100 31101 31102'), { ...TWELVE_MONTHS, location: 'canada' }],
  // §3, "In force: 2026-02-18 → still in force"; French from 2026-02-06 (2026-update.md).
  ['french-2026', '2026-02-06', null, null, NCLC_7],
  ['healthcare-social-2026', '2026-02-18', null, HEALTHCARE_SOCIAL_2025, { ...TWELVE_MONTHS, location: 'canada-or-abroad' }],
  ['stem-2026', '2026-02-18', null, STEM_2025, { ...TWELVE_MONTHS, location: 'canada-or-abroad' }],
  ['trade-2026', '2026-02-18', null, TRADE_2026, { ...TWELVE_MONTHS, location: 'canada-or-abroad' }],
  ['education-2026', '2026-02-18', null, EDUCATION_2025, { ...TWELVE_MONTHS, location: 'canada-or-abroad' }],
  ['transport-2026', '2026-02-18', null, split('22313 72404 72410 72600'), { ...TWELVE_MONTHS, location: 'canada-or-abroad' }],
  ['senior-managers-2026', '2026-02-18', null, split('00012 00013 00014 00015'), { ...TWELVE_MONTHS, location: 'canada' }],
  ['researchers-2026', '2026-02-18', null, split('41200 41201'), { ...TWELVE_MONTHS, location: 'canada' }],
  // 2026-update.md "Skilled military recruits (2026)": 10 years of service, a 3-year CFRG offer, a 2-year credential.
  ['military-2026', '2026-02-18', null, split('40042 42102 43204'), { type: 'military', minimumServiceYears: 10, minimumOfferYears: 3, minimumCredentialYears: 2 }],
]

describe('category versions against categories.md §3 and 2026-update.md', () => {
  it('the catalog holds exactly these versions', () => {
    expect(categoryVersions.map((c) => c.id).sort()).toEqual(VERSIONS.map(([id]) => id).sort())
  })

  it.each(VERSIONS)('%s: in force %s to %s', (id, from, to) => {
    expect(categoryById(id)).toMatchObject({ from, to })
    const inForce = (date: string) => categoriesInForce(date).some((c) => c.id === id)
    // The day before it starts and the day after it ends, it is not in force; its first and last days it is.
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    expect(inForce(dayBefore)).toBe(false)
    expect(inForce(from)).toBe(true)
    if (to !== null) {
      const dayAfter = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
      expect(inForce(to)).toBe(true)
      expect(inForce(dayAfter)).toBe(false)
    }
  })

  it.each(VERSIONS.map(([id, , , occupations]) => [id, occupations === null ? 0 : occupations.length, occupations] as const))(
    '%s: %i listed occupations, code for code',
    (id, _count, occupations) => {
      const c = categoryById(id)!
      if (occupations === null) expect(c.occupations).toBeNull()
      else expect([...c.occupations!].sort()).toEqual([...occupations].sort())
      expect(c.listKnown).toBe(true)
    },
  )

  it.each(VERSIONS)('%s: the rule', (id, _from, _to, _occupations, rule) => {
    expect(categoryById(id)!.rule).toMatchObject(rule)
  })

  it('the typed lists agree with the changes categories.md §3 states between versions', () => {
    const diff = (a: readonly string[], b: readonly string[]) => ({ added: b.filter((x) => !a.includes(x)).sort(), removed: a.filter((x) => !b.includes(x)).sort() })
    // `healthcare-social-2025`: "added 31120, 32104, 32111, 32123, 32124, 32129, 41300, 42201; removed 31204, 32200, 32209, 33109, 41320, 42203".
    expect(diff(HEALTHCARE_2023, HEALTHCARE_SOCIAL_2025)).toEqual({ added: split('31120 32104 32111 32123 32124 32129 41300 42201'), removed: split('31204 32200 32209 33109 41320 42203') })
    // `trade-2025`: "removed 72014, 72405, 72406, 73200".
    expect(diff(TRADE_2023, TRADE_2025).removed).toEqual(split('72014 72405 72406 73200'))
    // `trade-2026`: "added 63201; removed 63200".
    expect(diff(TRADE_2025, TRADE_2026)).toEqual({ added: ['63201'], removed: ['63200'] })
  })
})
