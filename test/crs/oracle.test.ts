/**
 * scoreCrs against a second, independent scorer written from ../shared/research/rules.md §1-4 alone
 * (every number typed from there, no import from src/rules), over random factors and dates from 2015 to
 * 2027: the tables of tables.test.ts one row at a time, here in every combination (spouse column, caps,
 * transferability bands, the dated additional points).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreCrs } from '../../src/crs/index.js'
import type { Abilities } from '../../src/schemas/common.js'
import type { CrsFactors, EducationLevel } from '../../src/schemas/crs-factors.js'
import { asOfArb, factorsArb } from './arbitraries.js'

type Pair = readonly [withSpouse: number, withoutSpouse: number]

// §1.1: 18, 19, (20-29), 30 ... 44; under 18 and 45+ give 0.
const AGE: Readonly<Record<number, Pair>> = {
  18: [90, 99], 19: [95, 105], 30: [95, 105], 31: [90, 99], 32: [85, 94], 33: [80, 88], 34: [75, 83], 35: [70, 77], 36: [65, 72],
  37: [60, 66], 38: [55, 61], 39: [50, 55], 40: [45, 50], 41: [35, 39], 42: [25, 28], 43: [15, 17], 44: [5, 6],
}
// §1.2
const EDUCATION: Readonly<Record<EducationLevel, Pair>> = {
  none: [0, 0], secondary: [28, 30], 'one-year': [84, 90], 'two-year': [91, 98], bachelors: [112, 120], 'two-or-more': [119, 128], masters: [126, 135], doctoral: [140, 150],
}
// §2.1
const SPOUSE_EDUCATION: Readonly<Record<EducationLevel, number>> = { none: 0, secondary: 2, 'one-year': 6, 'two-year': 7, bachelors: 8, 'two-or-more': 9, masters: 10, doctoral: 10 }
// §3: tier 0 (secondary or less), 1 (one post-secondary credential), 2 (two or more, master's, PhD).
const TIER: Readonly<Record<EducationLevel, 0 | 1 | 2>> = { none: 0, secondary: 0, 'one-year': 1, 'two-year': 1, bachelors: 1, 'two-or-more': 2, masters: 2, doctoral: 2 }

const col = (pair: Pair, withSpouse: boolean) => (withSpouse ? pair[0] : pair[1])
const age = (years: number, s: boolean) => (years < 18 || years >= 45 ? 0 : years <= 29 && years >= 20 ? (s ? 100 : 110) : col(AGE[years]!, s))
// §1.3
const firstLanguage = (clb: number, s: boolean) => (clb >= 10 ? col([32, 34], s) : clb === 9 ? col([29, 31], s) : clb === 8 ? col([22, 23], s) : clb === 7 ? col([16, 17], s) : clb === 6 ? col([8, 9], s) : clb >= 4 ? 6 : 0)
// §1.4
const secondLanguage = (clb: number) => (clb >= 9 ? 6 : clb >= 7 ? 3 : clb >= 5 ? 1 : 0)
// §1.5
const canadianWork = (years: number, s: boolean) => (years >= 5 ? col([70, 80], s) : years === 4 ? col([63, 72], s) : years === 3 ? col([56, 64], s) : years === 2 ? col([46, 53], s) : years === 1 ? col([35, 40], s) : 0)
// §2.2, §2.3
const spouseLanguage = (clb: number) => (clb >= 9 ? 5 : clb >= 7 ? 3 : clb >= 5 ? 1 : 0)
const spouseWork = (years: number) => (years >= 5 ? 10 : years === 4 ? 9 : years === 3 ? 8 : years === 2 ? 7 : years === 1 ? 5 : 0)
// §3.1-3.2: band 1 = CLB 7+ (some below 9) or 1 year Canadian; band 2 = CLB 9+ or 2+ years Canadian.
const combination = (band: number, tier: number) => (band === 0 || tier === 0 ? 0 : band === 1 ? (tier === 1 ? 13 : 25) : tier === 1 ? 25 : 50)

const lowest = (c: Abilities) => Math.min(c.speaking, c.listening, c.reading, c.writing)
const each = (c: Abilities, points: (clb: number) => number) => points(c.speaking) + points(c.listening) + points(c.reading) + points(c.writing)

function oracle(f: CrsFactors, asOf: string): number {
  const s = !!f.spouse && f.spouse.accompanying && !f.spouse.canadianCitizenOrPR
  const first = f.firstLanguage
  const second = f.secondLanguage
  const cy = f.canadianWorkYears ?? 0
  const fy = f.foreignWorkYears ?? 0
  const core = age(f.age, s) + col(EDUCATION[f.education], s) + (first ? each(first.clb, (c) => firstLanguage(c, s)) : 0) + (second ? Math.min(each(second.clb, secondLanguage), s ? 22 : 24) : 0) + canadianWork(cy, s)
  const spouse = s ? SPOUSE_EDUCATION[f.spouse!.education ?? 'none'] + (f.spouse!.language ? each(f.spouse!.language, spouseLanguage) : 0) + spouseWork(f.spouse!.canadianWorkYears ?? 0) : 0
  const low = first ? lowest(first.clb) : 0
  const band = low >= 9 ? 2 : low >= 7 ? 1 : 0
  const canadianBand = cy >= 2 ? 2 : cy === 1 ? 1 : 0
  const foreignTier = fy >= 3 ? 2 : fy >= 1 ? 1 : 0
  const education = Math.min(50, combination(band, TIER[f.education]) + combination(canadianBand, TIER[f.education]))
  const foreign = Math.min(50, combination(band, foreignTier) + combination(canadianBand, foreignTier))
  const certificate = f.certificateOfQualification ? (low >= 7 ? 50 : low >= 5 ? 25 : 0) : 0 // §3.3
  const transferability = Math.min(100, education + foreign + certificate)
  // §4, by date.
  let additional = f.provincialNomination ? 600 : 0
  if (f.jobOffer && f.jobOffer !== 'none') additional += asOf < '2016-11-19' ? 600 : asOf < '2025-03-25' ? (f.jobOffer === 'noc-00' ? 200 : 50) : 0
  if (asOf >= '2016-11-19' && f.canadianEducation && f.canadianEducation !== 'none') additional += f.canadianEducation === 'one-or-two-year' ? 15 : 30
  if (asOf >= '2017-06-06') {
    const french = first?.language === 'french' ? first : second?.language === 'french' ? second : null
    const english = first?.language === 'english' ? first : second?.language === 'english' ? second : null
    if (french && lowest(french.clb) >= 7) {
      const bilingual = !!english && lowest(english.clb) >= 5
      additional += asOf >= '2020-10-27' ? (bilingual ? 50 : 25) : bilingual ? 30 : 15
    }
    if (f.siblingInCanada) additional += 15
  }
  return core + spouse + transferability + Math.min(600, additional)
}

describe('scoreCrs equals a scorer written from rules.md §1-4 alone', () => {
  it('on random factors and dates (the rule-change days more likely)', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        expect(scoreCrs(f, asOf).total).toBe(oracle(f, asOf))
      }),
      { numRuns: 3000 },
    )
  })

  it('the oracle itself gives the worked examples of rules.md (a check that it can disagree)', () => {
    // Single, 30, bachelor's, CLB 9 in all four, 3 years abroad: age 105 + education 120 + language 4 × 31,
    // education with language 25, foreign work with language 50 = 424; a NOC 00 offer adds 600 before 2016-11-19.
    const golden: CrsFactors = { age: 30, education: 'bachelors', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, secondLanguage: null, canadianWorkYears: 0, foreignWorkYears: 3, certificateOfQualification: false, jobOffer: 'none', provincialNomination: false, siblingInCanada: false, canadianEducation: 'none', spouse: null }
    expect(oracle(golden, '2026-11-25')).toBe(105 + 120 + 4 * 31 + 25 + 50)
    expect(oracle({ ...golden, jobOffer: 'noc-00' }, '2016-11-18') - oracle(golden, '2016-11-18')).toBe(600)
  })
})
