/**
 * Every row of every CRS table, in both columns, on today's rules. Each expected number is typed from
 * ../shared/research/rules.md §1-4 (S-numbers there); a factor is isolated by scoring it on top of
 * factors that are worth 0 everywhere else.
 */
import { describe, expect, it } from 'vitest'
import { scoreCrs } from '../../src/crs/index.js'
import type { Abilities } from '../../src/schemas/common.js'
import type { CrsFactorsInput, EducationLevel } from '../../src/schemas/crs-factors.js'
import { TODAY, clb, scoringSpouse, zeroFactors } from './fixtures.js'

const SPOUSE = scoringSpouse()

function score(overrides: Partial<CrsFactorsInput>, withSpouse: boolean, asOf = TODAY) {
  return scoreCrs(zeroFactors({ ...overrides, spouse: withSpouse ? SPOUSE : null }), asOf)
}

// §1.1 Age: [age, with spouse, without spouse]
const AGE: readonly [number, number, number][] = [
  [0, 0, 0],
  [16, 0, 0],
  [17, 0, 0],
  [18, 90, 99],
  [19, 95, 105],
  [20, 100, 110],
  [21, 100, 110],
  [22, 100, 110],
  [23, 100, 110],
  [24, 100, 110],
  [25, 100, 110],
  [26, 100, 110],
  [27, 100, 110],
  [28, 100, 110],
  [29, 100, 110],
  [30, 95, 105],
  [31, 90, 99],
  [32, 85, 94],
  [33, 80, 88],
  [34, 75, 83],
  [35, 70, 77],
  [36, 65, 72],
  [37, 60, 66],
  [38, 55, 61],
  [39, 50, 55],
  [40, 45, 50],
  [41, 35, 39],
  [42, 25, 28],
  [43, 15, 17],
  [44, 5, 6],
  [45, 0, 0],
  [46, 0, 0],
  [60, 0, 0],
  [150, 0, 0],
]

describe('core: age (rules.md §1.1)', () => {
  it.each(AGE)('age %i: %i with spouse, %i without', (age, withSpouse, without) => {
    expect(score({ age }, true).core.age).toBe(withSpouse)
    expect(score({ age }, false).core.age).toBe(without)
  })
})

// §1.2 Level of education
const EDUCATION: readonly [EducationLevel, number, number][] = [
  ['none', 0, 0],
  ['secondary', 28, 30],
  ['one-year', 84, 90],
  ['two-year', 91, 98],
  ['bachelors', 112, 120],
  ['two-or-more', 119, 128],
  ['masters', 126, 135],
  ['doctoral', 140, 150],
]

describe('core: level of education (rules.md §1.2)', () => {
  it.each(EDUCATION)('%s: %i with spouse, %i without', (education, withSpouse, without) => {
    expect(score({ education }, true).core.education).toBe(withSpouse)
    expect(score({ education }, false).core.education).toBe(without)
  })
})

// §1.3 First official language, points per ability: [CLB, with spouse, without spouse]
const FIRST_LANGUAGE: readonly [number, number, number][] = [
  [0, 0, 0],
  [1, 0, 0],
  [2, 0, 0],
  [3, 0, 0],
  [4, 6, 6],
  [5, 6, 6],
  [6, 8, 9],
  [7, 16, 17],
  [8, 22, 23],
  [9, 29, 31],
  [10, 32, 34],
  [11, 32, 34],
  [12, 32, 34],
]

const ONE_ABILITY = ['speaking', 'listening', 'reading', 'writing'] as const

describe('core: first official language (rules.md §1.3)', () => {
  it.each(FIRST_LANGUAGE)('CLB %i in all four: 4 × %i with spouse, 4 × %i without', (level, withSpouse, without) => {
    const firstLanguage = { language: 'english' as const, clb: clb(level) }
    expect(score({ firstLanguage }, true).core.firstLanguage).toBe(4 * withSpouse)
    expect(score({ firstLanguage }, false).core.firstLanguage).toBe(4 * without)
  })

  it.each(FIRST_LANGUAGE.flatMap(([level, w, wo]) => ONE_ABILITY.map((ability) => [ability, level, w, wo] as const)))(
    '%s alone at CLB %i: %i with spouse, %i without',
    (ability, level, withSpouse, without) => {
      const firstLanguage = { language: 'french' as const, clb: { ...clb(0), [ability]: level } as Abilities }
      expect(score({ firstLanguage }, true).core.firstLanguage).toBe(withSpouse)
      expect(score({ firstLanguage }, false).core.firstLanguage).toBe(without)
    },
  )

  it('maximum 128 with spouse, 136 without', () => {
    const firstLanguage = { language: 'english' as const, clb: clb(12) }
    expect(score({ firstLanguage }, true).core.firstLanguage).toBe(128)
    expect(score({ firstLanguage }, false).core.firstLanguage).toBe(136)
  })
})

// §1.4 Second official language, per ability (same in both columns)
const SECOND_LANGUAGE: readonly [number, number][] = [
  [0, 0],
  [3, 0],
  [4, 0],
  [5, 1],
  [6, 1],
  [7, 3],
  [8, 3],
  [9, 6],
  [10, 6],
  [12, 6],
]

describe('core: second official language (rules.md §1.4)', () => {
  const first = { language: 'english' as const, clb: clb(0) }

  it.each(SECOND_LANGUAGE)('one ability at CLB %i: %i in both columns', (level, points) => {
    const secondLanguage = { language: 'french' as const, clb: { ...clb(0), reading: level } }
    expect(score({ firstLanguage: first, secondLanguage }, true).core.secondLanguage).toBe(points)
    expect(score({ firstLanguage: first, secondLanguage }, false).core.secondLanguage).toBe(points)
  })

  // 4 × per-ability points, then the 22 cap with a spouse only (S10, S11).
  const ALL_FOUR: readonly [number, number, number][] = [
    [4, 0, 0],
    [5, 4, 4],
    [6, 4, 4],
    [7, 12, 12],
    [8, 12, 12],
    [9, 22, 24],
    [10, 22, 24],
    [12, 22, 24],
  ]
  it.each(ALL_FOUR)('CLB %i in all four: %i with spouse (cap 22), %i without (max 24)', (level, withSpouse, without) => {
    const secondLanguage = { language: 'french' as const, clb: clb(level) }
    expect(score({ firstLanguage: first, secondLanguage }, true).core.secondLanguage).toBe(withSpouse)
    expect(score({ firstLanguage: first, secondLanguage }, false).core.secondLanguage).toBe(without)
  })

  it('three abilities at CLB 9 and one at CLB 7 give 21 with a spouse (under the cap)', () => {
    const secondLanguage = { language: 'french' as const, clb: { ...clb(9), writing: 7 } }
    expect(score({ firstLanguage: first, secondLanguage }, true).core.secondLanguage).toBe(21)
  })

  it('English can be the second language of a French first-language candidate', () => {
    const r = score({ firstLanguage: { language: 'french', clb: clb(0) }, secondLanguage: { language: 'english', clb: clb(9) } }, false)
    expect(r.core.secondLanguage).toBe(24)
  })
})

// §1.5 Canadian work experience: [years, with spouse, without spouse]
const CANADIAN_WORK: readonly [number, number, number][] = [
  [0, 0, 0],
  [1, 35, 40],
  [2, 46, 53],
  [3, 56, 64],
  [4, 63, 72],
  [5, 70, 80],
  [6, 70, 80],
  [10, 70, 80],
]

describe('core: Canadian work experience (rules.md §1.5)', () => {
  it.each(CANADIAN_WORK)('%i year(s): %i with spouse, %i without', (canadianWorkYears, withSpouse, without) => {
    expect(score({ canadianWorkYears }, true).core.canadianWork).toBe(withSpouse)
    expect(score({ canadianWorkYears }, false).core.canadianWork).toBe(without)
  })

  it('foreign work experience earns no core points (§1.5)', () => {
    expect(score({ foreignWorkYears: 10 }, false).core.subtotal).toBe(0)
  })
})

describe('core maximums (rules.md §1): 460 with spouse, 500 without', () => {
  const best = { age: 25, education: 'doctoral' as const, firstLanguage: { language: 'english' as const, clb: clb(10) }, secondLanguage: { language: 'french' as const, clb: clb(10) }, canadianWorkYears: 5 }
  it.each([
    [true, 460],
    [false, 500],
  ])('with spouse %s: %i', (withSpouse, max) => {
    expect(score(best, withSpouse).core.subtotal).toBe(max)
  })
})

describe('spouse factors (rules.md §2)', () => {
  // §2.1
  const SPOUSE_EDUCATION: readonly [EducationLevel, number][] = [
    ['none', 0],
    ['secondary', 2],
    ['one-year', 6],
    ['two-year', 7],
    ['bachelors', 8],
    ['two-or-more', 9],
    ['masters', 10],
    ['doctoral', 10],
  ]
  it.each(SPOUSE_EDUCATION)('education %s: %i', (education, points) => {
    const r = scoreCrs(zeroFactors({ spouse: scoringSpouse({ education }) }), TODAY)
    expect(r.spouse.education).toBe(points)
    expect(r.spouse.subtotal).toBe(points)
  })

  // §2.2, per ability
  const SPOUSE_LANGUAGE: readonly [number, number][] = [
    [0, 0],
    [3, 0],
    [4, 0],
    [5, 1],
    [6, 1],
    [7, 3],
    [8, 3],
    [9, 5],
    [10, 5],
    [12, 5],
  ]
  it.each(SPOUSE_LANGUAGE)('language CLB %i: %i per ability, 4 × in all four', (level, points) => {
    const one = scoreCrs(zeroFactors({ spouse: scoringSpouse({ language: { ...clb(0), listening: level } }) }), TODAY)
    expect(one.spouse.language).toBe(points)
    const all = scoreCrs(zeroFactors({ spouse: scoringSpouse({ language: clb(level) }) }), TODAY)
    expect(all.spouse.language).toBe(4 * points)
  })

  // §2.3
  const SPOUSE_WORK: readonly [number, number][] = [
    [0, 0],
    [1, 5],
    [2, 7],
    [3, 8],
    [4, 9],
    [5, 10],
    [6, 10],
  ]
  it.each(SPOUSE_WORK)('Canadian work %i year(s): %i', (canadianWorkYears, points) => {
    expect(scoreCrs(zeroFactors({ spouse: scoringSpouse({ canadianWorkYears }) }), TODAY).spouse.canadianWork).toBe(points)
  })

  it('maximum 40', () => {
    const r = scoreCrs(zeroFactors({ spouse: scoringSpouse({ education: 'doctoral', language: clb(10), canadianWorkYears: 5 }) }), TODAY)
    expect(r.spouse).toEqual({ education: 10, language: 20, canadianWork: 10, subtotal: 40 })
  })
})

// §3: the language band looks at the first language's lowest ability
const BANDS = {
  'below CLB 7': { ...clb(9), writing: 6 },
  'CLB 7+ (one below 9)': { ...clb(9), writing: 8 },
  'CLB 9+ all': clb(9),
} as const
type Band = keyof typeof BANDS

describe('skill transferability: education group (rules.md §3.1)', () => {
  // A) education + first language: [education, below 7, 7+, 9+]
  const A: readonly [EducationLevel, number, number, number][] = [
    ['none', 0, 0, 0],
    ['secondary', 0, 0, 0],
    ['one-year', 0, 13, 25],
    ['two-year', 0, 13, 25],
    ['bachelors', 0, 13, 25],
    ['two-or-more', 0, 25, 50],
    ['masters', 0, 25, 50],
    ['doctoral', 0, 25, 50],
  ]
  it.each(A.flatMap(([education, b6, b7, b9]) => (
    [['below CLB 7', b6], ['CLB 7+ (one below 9)', b7], ['CLB 9+ all', b9]] as const
  ).map(([band, points]) => [education, band, points] as const)))('A) %s with %s: %i', (education, band: Band, points) => {
    const r = scoreCrs(zeroFactors({ education, firstLanguage: { language: 'english', clb: BANDS[band] } }), TODAY)
    expect(r.transferability.education).toBe(points)
  })

  // B) education + Canadian work: [education, 1 year, 2+ years]
  const B: readonly [EducationLevel, number, number][] = [
    ['none', 0, 0],
    ['secondary', 0, 0],
    ['one-year', 13, 25],
    ['two-year', 13, 25],
    ['bachelors', 13, 25],
    ['two-or-more', 25, 50],
    ['masters', 25, 50],
    ['doctoral', 25, 50],
  ]
  it.each(B.flatMap(([education, one, two]) => (
    [[0, 0], [1, one], [2, two], [3, two], [5, two], [9, two]] as const
  ).map(([years, points]) => [education, years, points] as const)))('B) %s with %i year(s) of Canadian work: %i', (education, canadianWorkYears, points) => {
    expect(scoreCrs(zeroFactors({ education, canadianWorkYears }), TODAY).transferability.education).toBe(points)
  })

  // A + B capped at 50
  const AB: readonly [EducationLevel, Band, number, number][] = [
    ['bachelors', 'CLB 7+ (one below 9)', 1, 26], // 13 + 13
    ['bachelors', 'CLB 9+ all', 1, 38], // 25 + 13
    ['bachelors', 'CLB 9+ all', 2, 50], // 25 + 25
    ['masters', 'CLB 7+ (one below 9)', 1, 50], // 25 + 25
    ['masters', 'CLB 9+ all', 2, 50], // 50 + 50, capped
    ['one-year', 'CLB 7+ (one below 9)', 2, 38], // 13 + 25
  ]
  it.each(AB)('A + B: %s, %s, %i year(s) Canadian: %i (cap 50)', (education, band, canadianWorkYears, points) => {
    const r = scoreCrs(zeroFactors({ education, canadianWorkYears, firstLanguage: { language: 'english', clb: BANDS[band] } }), TODAY)
    expect(r.transferability.education).toBe(points)
  })
})

describe('skill transferability: foreign work group (rules.md §3.2)', () => {
  // C) foreign work + first language: [foreign years, below 7, 7+, 9+]
  const C: readonly [number, number, number, number][] = [
    [0, 0, 0, 0],
    [1, 0, 13, 25],
    [2, 0, 13, 25],
    [3, 0, 25, 50],
    [4, 0, 25, 50],
    [10, 0, 25, 50],
  ]
  it.each(C.flatMap(([years, b6, b7, b9]) => (
    [['below CLB 7', b6], ['CLB 7+ (one below 9)', b7], ['CLB 9+ all', b9]] as const
  ).map(([band, points]) => [years, band, points] as const)))('C) %i year(s) foreign with %s: %i', (foreignWorkYears, band: Band, points) => {
    const r = scoreCrs(zeroFactors({ foreignWorkYears, firstLanguage: { language: 'english', clb: BANDS[band] } }), TODAY)
    expect(r.transferability.foreignWork).toBe(points)
  })

  // D) foreign + Canadian work: [foreign years, Canadian years, points]
  const D: readonly [number, number, number][] = [
    [0, 1, 0],
    [0, 2, 0],
    [1, 0, 0],
    [1, 1, 13],
    [1, 2, 25],
    [2, 1, 13],
    [2, 5, 25],
    [3, 0, 0],
    [3, 1, 25],
    [3, 2, 50],
    [6, 6, 50],
  ]
  it.each(D)('D) %i year(s) foreign, %i Canadian: %i', (foreignWorkYears, canadianWorkYears, points) => {
    expect(scoreCrs(zeroFactors({ foreignWorkYears, canadianWorkYears }), TODAY).transferability.foreignWork).toBe(points)
  })

  it.each([
    [1, 'CLB 9+ all', 1, 38], // 25 + 13
    [3, 'CLB 7+ (one below 9)', 1, 50], // 25 + 25
    [3, 'CLB 9+ all', 2, 50], // 50 + 50, capped
    [2, 'CLB 9+ all', 2, 50], // 25 + 25
  ] as const)('C + D: %i foreign, %s, %i Canadian: %i (cap 50)', (foreignWorkYears, band, canadianWorkYears, points) => {
    const r = scoreCrs(zeroFactors({ foreignWorkYears, canadianWorkYears, firstLanguage: { language: 'english', clb: BANDS[band] } }), TODAY)
    expect(r.transferability.foreignWork).toBe(points)
  })
})

describe('skill transferability: certificate of qualification (rules.md §3.3)', () => {
  const CERTIFICATE: readonly [string, Abilities | null, number][] = [
    ['no first-language result', null, 0],
    ['all four at CLB 4', clb(4), 0],
    ['one ability at CLB 4, others 10', { ...clb(10), speaking: 4 }, 0],
    ['all four at CLB 5', clb(5), 25],
    ['all four at CLB 6', clb(6), 25],
    ['CLB 5+ with one at 6, others 9', { ...clb(9), reading: 6 }, 25],
    ['all four at CLB 7', clb(7), 50],
    ['all four at CLB 10', clb(10), 50],
  ]
  it.each(CERTIFICATE)('%s: %i', (_name, level, points) => {
    const firstLanguage = level ? { language: 'english' as const, clb: level } : null
    expect(scoreCrs(zeroFactors({ certificateOfQualification: true, firstLanguage }), TODAY).transferability.certificate).toBe(points)
    expect(scoreCrs(zeroFactors({ certificateOfQualification: false, firstLanguage }), TODAY).transferability.certificate).toBe(0)
  })

  it('certificate of qualification counts only in skill transferability (§10.6)', () => {
    const r = scoreCrs(zeroFactors({ certificateOfQualification: true, firstLanguage: { language: 'english', clb: clb(7) } }), TODAY)
    expect(r.transferability.subtotal).toBe(50)
    expect(r.additional.subtotal).toBe(0)
  })
})

describe('skill transferability: the block (rules.md §3.4)', () => {
  it('education 50 + foreign work 50 + certificate 50 is capped at 100', () => {
    const r = scoreCrs(zeroFactors({ education: 'masters', foreignWorkYears: 3, certificateOfQualification: true, firstLanguage: { language: 'english', clb: clb(9) } }), TODAY)
    expect(r.transferability).toEqual({ education: 50, foreignWork: 50, certificate: 50, subtotal: 100 })
  })

  it('bachelors (25) + 1-2 years foreign (25) + certificate (50) = 100', () => {
    const r = scoreCrs(zeroFactors({ education: 'bachelors', foreignWorkYears: 1, certificateOfQualification: true, firstLanguage: { language: 'english', clb: clb(9) } }), TODAY)
    expect(r.transferability).toEqual({ education: 25, foreignWork: 25, certificate: 50, subtotal: 100 })
  })

  it('the spouse column does not change transferability', () => {
    const f = { education: 'masters' as const, foreignWorkYears: 3, firstLanguage: { language: 'english' as const, clb: clb(9) } }
    expect(score(f, true).transferability).toEqual(score(f, false).transferability)
  })
})

describe('additional points today (rules.md §4)', () => {
  const ADDITIONAL: readonly [string, Partial<CrsFactorsInput>, keyof ReturnType<typeof scoreCrs>['additional'], number][] = [
    ['provincial nomination', { provincialNomination: true }, 'provincialNomination', 600],
    ['job offer NOC 00 (removed 2025-03-25)', { jobOffer: 'noc-00' }, 'jobOffer', 0],
    ['job offer TEER 0-3 (removed 2025-03-25)', { jobOffer: 'teer-0-3' }, 'jobOffer', 0],
    ['Canadian education, 1 or 2 years', { canadianEducation: 'one-or-two-year' }, 'canadianEducation', 15],
    ['Canadian education, 3+ years', { canadianEducation: 'three-year-or-more' }, 'canadianEducation', 30],
    ['sibling in Canada', { siblingInCanada: true }, 'sibling', 15],
    ['French NCLC 7 all four, no English', { firstLanguage: { language: 'french', clb: clb(7) } }, 'french', 25],
    ['French NCLC 7 all four, English CLB 5 all four', { firstLanguage: { language: 'french', clb: clb(7) }, secondLanguage: { language: 'english', clb: clb(5) } }, 'french', 50],
    ['French NCLC 7 all four, English CLB 4 all four', { firstLanguage: { language: 'french', clb: clb(7) }, secondLanguage: { language: 'english', clb: clb(4) } }, 'french', 25],
    ['French NCLC 7 all four, English CLB 5 with one at 4', { firstLanguage: { language: 'french', clb: clb(7) }, secondLanguage: { language: 'english', clb: { ...clb(5), writing: 4 } } }, 'french', 25],
    ['French NCLC 6 in one ability', { firstLanguage: { language: 'french', clb: { ...clb(10), speaking: 6 } } }, 'french', 0],
    ['English first CLB 5, French second NCLC 7', { firstLanguage: { language: 'english', clb: clb(5) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', 50],
    ['English first CLB 4, French second NCLC 7', { firstLanguage: { language: 'english', clb: clb(4) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', 25],
    ['English first CLB 10, French second NCLC 6', { firstLanguage: { language: 'english', clb: clb(10) }, secondLanguage: { language: 'french', clb: clb(6) } }, 'french', 0],
  ]
  it.each(ADDITIONAL)('%s: %s → %s %i', (_name, factors, line, points) => {
    const r = scoreCrs(zeroFactors(factors), TODAY)
    expect(r.additional[line]).toBe(points)
    expect(r.additional.subtotal).toBe(points)
  })

  it('the block is capped at 600: nomination + Canadian education + French + sibling', () => {
    const r = scoreCrs(zeroFactors({ provincialNomination: true, canadianEducation: 'three-year-or-more', siblingInCanada: true, firstLanguage: { language: 'french', clb: clb(9) }, secondLanguage: { language: 'english', clb: clb(9) } }), TODAY)
    expect(r.additional).toEqual({ provincialNomination: 600, jobOffer: 0, canadianEducation: 30, french: 50, sibling: 15, subtotal: 600 })
  })

  it('the total of a best possible candidate is 1200', () => {
    const r = scoreCrs(
      {
        age: 25,
        education: 'doctoral',
        firstLanguage: { language: 'english', clb: clb(10) },
        secondLanguage: { language: 'french', clb: clb(10) },
        canadianWorkYears: 5,
        foreignWorkYears: 3,
        certificateOfQualification: true,
        provincialNomination: true,
        canadianEducation: 'three-year-or-more',
        siblingInCanada: true,
      },
      TODAY,
    )
    expect(r.core.subtotal).toBe(500)
    expect(r.transferability.subtotal).toBe(100)
    expect(r.additional.subtotal).toBe(600)
    expect(r.total).toBe(1200)
  })
})
