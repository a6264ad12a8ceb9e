/**
 * Invariants of scoreCrs over random factors and dates (fast-check): the sums, the caps of rules.md
 * §1-4 and §10.7, monotonicity, and the trace agreeing with the breakdown.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasScoringSpouse, scoreCrs, type CrsResult } from '../../src/crs/index.js'
import { ruleById } from '../../src/rules/index.js'
import type { CrsFactors } from '../../src/schemas/crs-factors.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import { EDUCATION_ORDER, asOfArb, factorsArb } from './arbitraries.js'

const RUNS = { numRuns: 1000 }

describe('sums', () => {
  it('the total is the sum of the four block subtotals, and each subtotal the sum of its lines (capped where rules.md says)', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const r = scoreCrs(f, asOf)
        const c = r.core
        const s = r.spouse
        const t = r.transferability
        const a = r.additional
        expect(r.total).toBe(c.subtotal + s.subtotal + t.subtotal + a.subtotal)
        expect(c.subtotal).toBe(c.age + c.education + c.firstLanguage + c.secondLanguage + c.canadianWork)
        expect(s.subtotal).toBe(s.education + s.language + s.canadianWork)
        expect(t.subtotal).toBe(Math.min(100, t.education + t.foreignWork + t.certificate))
        expect(a.subtotal).toBe(Math.min(600, a.provincialNomination + a.jobOffer + a.canadianEducation + a.french + a.sibling))
      }),
      RUNS,
    )
  })

  it('factors parsed by the schema score the same as the factors object', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        expect(plain(scoreCrs(crsFactorsSchema.parse(f), asOf))).toEqual(plain(scoreCrs(f, asOf)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('caps (rules.md §1-4, §10.7)', () => {
  it('every part is a whole number within its cap', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const r = scoreCrs(f, asOf)
        const withSpouse = hasScoringSpouse(f)
        const all = [r.total, ...Object.values(r.core), ...Object.values(r.spouse), ...Object.values(r.transferability), ...Object.values(r.additional)]
        for (const v of all) {
          expect(Number.isInteger(v)).toBe(true)
          expect(v).toBeGreaterThanOrEqual(0)
        }
        expect(r.core.subtotal).toBeLessThanOrEqual(withSpouse ? 460 : 500)
        expect(r.core.age).toBeLessThanOrEqual(withSpouse ? 100 : 110)
        expect(r.core.education).toBeLessThanOrEqual(withSpouse ? 140 : 150)
        expect(r.core.firstLanguage).toBeLessThanOrEqual(withSpouse ? 128 : 136)
        expect(r.core.secondLanguage).toBeLessThanOrEqual(withSpouse ? 22 : 24)
        expect(r.core.canadianWork).toBeLessThanOrEqual(withSpouse ? 70 : 80)
        expect(r.spouse.subtotal).toBeLessThanOrEqual(withSpouse ? 40 : 0)
        expect(r.spouse.education).toBeLessThanOrEqual(10)
        expect(r.spouse.language).toBeLessThanOrEqual(20)
        expect(r.spouse.canadianWork).toBeLessThanOrEqual(10)
        expect(r.transferability.education).toBeLessThanOrEqual(50)
        expect(r.transferability.foreignWork).toBeLessThanOrEqual(50)
        expect(r.transferability.certificate).toBeLessThanOrEqual(50)
        expect(r.transferability.subtotal).toBeLessThanOrEqual(100)
        expect(r.additional.subtotal).toBeLessThanOrEqual(600)
        expect(r.total).toBeLessThanOrEqual(1200)
      }),
      RUNS,
    )
  })

  it('points that did not exist yet, or no longer exist, are 0 (rules.md §5)', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const r = scoreCrs(f, asOf)
        if (asOf < '2016-11-19') expect(r.additional.canadianEducation).toBe(0)
        if (asOf < '2017-06-06') {
          expect(r.additional.french).toBe(0)
          expect(r.additional.sibling).toBe(0)
        }
        if (asOf >= '2025-03-25') expect(r.additional.jobOffer).toBe(0)
        if (asOf >= '2016-11-19') expect(r.additional.jobOffer).toBeLessThanOrEqual(200)
      }),
      RUNS,
    )
  })
})

const ABILITIES = ['speaking', 'listening', 'reading', 'writing'] as const

describe('monotonicity: more never scores less', () => {
  const raise = (level: number) => Math.min(12, level + 1)

  it.each(ABILITIES)('raising the first official language in %s by one CLB', (ability) => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.firstLanguage) return
        const up: CrsFactors = { ...f, firstLanguage: { ...f.firstLanguage, clb: { ...f.firstLanguage.clb, [ability]: raise(f.firstLanguage.clb[ability]) } } }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it.each(ABILITIES)('raising the second official language in %s by one CLB', (ability) => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.secondLanguage) return
        const up: CrsFactors = { ...f, secondLanguage: { ...f.secondLanguage, clb: { ...f.secondLanguage.clb, [ability]: raise(f.secondLanguage.clb[ability]) } } }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it.each(ABILITIES)("raising the spouse's %s by one CLB", (ability) => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.spouse?.language) return
        const up: CrsFactors = { ...f, spouse: { ...f.spouse, language: { ...f.spouse.language, [ability]: raise(f.spouse.language[ability]) } } }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it(`raising the education level one step (${EDUCATION_ORDER.join(' < ')})`, () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const i = EDUCATION_ORDER.indexOf(f.education)
        if (i === EDUCATION_ORDER.length - 1) return
        const up: CrsFactors = { ...f, education: EDUCATION_ORDER[i + 1]! }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it("raising the spouse's education level one step", () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.spouse) return
        const i = EDUCATION_ORDER.indexOf(f.spouse.education)
        if (i === EDUCATION_ORDER.length - 1) return
        const up: CrsFactors = { ...f, spouse: { ...f.spouse, education: EDUCATION_ORDER[i + 1]! } }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it.each(['canadianWorkYears', 'foreignWorkYears'] as const)('one more year of %s', (field) => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const up: CrsFactors = { ...f, [field]: f[field] + 1 }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it("one more year of the spouse's Canadian work", () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.spouse) return
        const up: CrsFactors = { ...f, spouse: { ...f.spouse, canadianWorkYears: f.spouse.canadianWorkYears + 1 } }
        expect(scoreCrs(up, asOf).total).toBeGreaterThanOrEqual(scoreCrs(f, asOf).total)
      }),
      RUNS,
    )
  })

  it.each(['certificateOfQualification', 'provincialNomination', 'siblingInCanada'] as const)('answering yes to %s', (field) => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        expect(scoreCrs({ ...f, [field]: true }, asOf).total).toBeGreaterThanOrEqual(scoreCrs({ ...f, [field]: false }, asOf).total)
      }),
      RUNS,
    )
  })
})

describe('spouse handling (rules.md §10.1)', () => {
  it('a spouse who is a citizen/PR or does not accompany scores exactly as no spouse', () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        if (!f.spouse || hasScoringSpouse(f)) return
        expect(numbers(scoreCrs(f, asOf))).toEqual(numbers(scoreCrs({ ...f, spouse: null }, asOf)))
      }),
      RUNS,
    )
  })
})

describe('the trace', () => {
  it("each award's points equal the breakdown line it names, from the version in force on the date", () => {
    fc.assert(
      fc.property(factorsArb, asOfArb, (f, asOf) => {
        const r = scoreCrs(f, asOf)
        const lines = new Set<string>()
        for (const award of r.trace) {
          lines.add(award.line)
          const [block, field] = award.line.split('.') as [keyof CrsResult, string | undefined]
          const expected = field === undefined ? (r[block] as { subtotal: number }).subtotal : (r[block] as unknown as Record<string, number>)[field]
          expect(award.points, award.line).toBe(expected)
          const rule = ruleById(award.ruleId)
          expect(rule, award.ruleId).toBeDefined()
          expect(award.versionFrom).toBe(rule!.versionAt(asOf)!.from)
          expect(award.sources.length).toBeGreaterThan(0)
          expect(award.because.length).toBeGreaterThan(0)
        }
        for (const line of ['core.age', 'core.education', 'core.firstLanguage', 'core.secondLanguage', 'core.canadianWork', 'transferability.education', 'transferability.foreignWork', 'transferability.certificate', 'additional.provincialNomination', 'additional.jobOffer', 'additional.canadianEducation', 'additional.french', 'additional.sibling']) {
          expect(lines.has(line), line).toBe(true)
        }
        if (hasScoringSpouse(f)) for (const line of ['spouse.education', 'spouse.language', 'spouse.canadianWork']) expect(lines.has(line), line).toBe(true)
        // The award lines of each block add up to its subtotal (before the block caps).
        const sum = (prefix: string) => r.trace.filter((a) => a.line.startsWith(`${prefix}.`) && !a.line.endsWith('.subtotal')).reduce((s, a) => s + a.points, 0)
        expect(sum('core')).toBe(r.core.subtotal)
        expect(sum('spouse')).toBe(r.spouse.subtotal)
        expect(Math.min(100, sum('transferability'))).toBe(r.transferability.subtotal)
        expect(Math.min(600, sum('additional'))).toBe(r.additional.subtotal)
      }),
      { numRuns: 1000 },
    )
  })
})

function numbers(r: CrsResult) {
  const { total, core, spouse, transferability, additional } = r
  return { total, core, spouse, transferability, additional }
}

function plain(r: CrsResult) {
  return { ...numbers(r), rules: r.rules, asOf: r.asOf }
}
