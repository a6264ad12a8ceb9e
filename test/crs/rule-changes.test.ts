/**
 * The day before and the day of every CRS rule change (rules.md §4, §5), and dates before Express
 * Entry opened. Expected points are typed from rules.md.
 */
import { describe, expect, it } from 'vitest'
import { factorsOf, scoreCrs } from '../../src/crs/index.js'
import { addDays } from '../../src/domain/dates.js'
import { ExpressEntryError } from '../../src/errors.js'
import { timeline } from '../../src/history/outlook.js'
import type { CrsFactorsInput } from '../../src/schemas/crs-factors.js'
import { clb, ieltsClb9, profile, zeroFactors } from './fixtures.js'

type AdditionalLine = 'jobOffer' | 'canadianEducation' | 'french' | 'sibling'

// [change, factors, line, date, points]
const CHANGES: readonly [string, Partial<CrsFactorsInput>, AdditionalLine, string, number][] = [
  ['job offer NOC 00', { jobOffer: 'noc-00' }, 'jobOffer', '2015-01-01', 600],
  ['job offer NOC 00', { jobOffer: 'noc-00' }, 'jobOffer', '2016-11-18', 600],
  ['job offer NOC 00', { jobOffer: 'noc-00' }, 'jobOffer', '2016-11-19', 200],
  ['job offer NOC 00', { jobOffer: 'noc-00' }, 'jobOffer', '2025-03-24', 200],
  ['job offer NOC 00', { jobOffer: 'noc-00' }, 'jobOffer', '2025-03-25', 0],
  ['job offer TEER 0-3', { jobOffer: 'teer-0-3' }, 'jobOffer', '2015-01-01', 600],
  ['job offer TEER 0-3', { jobOffer: 'teer-0-3' }, 'jobOffer', '2016-11-18', 600],
  ['job offer TEER 0-3', { jobOffer: 'teer-0-3' }, 'jobOffer', '2016-11-19', 50],
  ['job offer TEER 0-3', { jobOffer: 'teer-0-3' }, 'jobOffer', '2025-03-24', 50],
  ['job offer TEER 0-3', { jobOffer: 'teer-0-3' }, 'jobOffer', '2025-03-25', 0],
  ['Canadian education 1-2 years', { canadianEducation: 'one-or-two-year' }, 'canadianEducation', '2016-11-18', 0],
  ['Canadian education 1-2 years', { canadianEducation: 'one-or-two-year' }, 'canadianEducation', '2016-11-19', 15],
  ['Canadian education 3+ years', { canadianEducation: 'three-year-or-more' }, 'canadianEducation', '2016-11-18', 0],
  ['Canadian education 3+ years', { canadianEducation: 'three-year-or-more' }, 'canadianEducation', '2016-11-19', 30],
  ['French NCLC 7, no English', { firstLanguage: { language: 'french', clb: clb(7) } }, 'french', '2017-06-05', 0],
  ['French NCLC 7, no English', { firstLanguage: { language: 'french', clb: clb(7) } }, 'french', '2017-06-06', 15],
  ['French NCLC 7, no English', { firstLanguage: { language: 'french', clb: clb(7) } }, 'french', '2020-10-26', 15],
  ['French NCLC 7, no English', { firstLanguage: { language: 'french', clb: clb(7) } }, 'french', '2020-10-27', 25],
  ['French NCLC 7, English CLB 5', { firstLanguage: { language: 'english', clb: clb(5) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', '2017-06-05', 0],
  ['French NCLC 7, English CLB 5', { firstLanguage: { language: 'english', clb: clb(5) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', '2017-06-06', 30],
  ['French NCLC 7, English CLB 5', { firstLanguage: { language: 'english', clb: clb(5) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', '2020-10-26', 30],
  ['French NCLC 7, English CLB 5', { firstLanguage: { language: 'english', clb: clb(5) }, secondLanguage: { language: 'french', clb: clb(7) } }, 'french', '2020-10-27', 50],
  ['sibling in Canada', { siblingInCanada: true }, 'sibling', '2017-06-05', 0],
  ['sibling in Canada', { siblingInCanada: true }, 'sibling', '2017-06-06', 15],
]

describe('rule changes: the day before and the day of (rules.md §5)', () => {
  it.each(CHANGES)('%s: on %s gives %s points', (_change, factors, line, asOf, points) => {
    const r = scoreCrs(zeroFactors(factors), asOf)
    expect(r.additional[line]).toBe(points)
  })

  // [date, rule set id]: the latest change in force on the date.
  it.each([
    ['2015-01-01', 'crs@2015-01-01'],
    ['2016-11-18', 'crs@2015-01-01'],
    ['2016-11-19', 'crs@2016-11-19'],
    ['2017-06-05', 'crs@2016-11-19'],
    ['2017-06-06', 'crs@2017-06-06'],
    ['2020-10-26', 'crs@2017-06-06'],
    ['2020-10-27', 'crs@2020-10-27'],
    ['2025-03-24', 'crs@2020-10-27'],
    ['2025-03-25', 'crs@2025-03-25'],
  ])('on %s the rule set is %s', (asOf, id) => {
    const r = scoreCrs(zeroFactors(), asOf)
    expect(r.rules).toBe(id)
    expect(r.asOf).toBe(asOf)
  })

  it('the trace names the version in force on each side of a change', () => {
    const award = (asOf: string) => scoreCrs(zeroFactors({ jobOffer: 'noc-00' }), asOf).trace.find((a) => a.line === 'additional.jobOffer')!
    expect(award('2016-11-18').versionFrom).toBe('2015-01-01')
    expect(award('2016-11-19').versionFrom).toBe('2016-11-19')
    expect(award('2025-03-25')).toMatchObject({ versionFrom: '2025-03-25', points: 0 })
  })
})

describe('dates before Express Entry opened on 2015-01-01', () => {
  it.each(['2014-12-31', '2014-01-01', '1999-06-30'])('%s is a rule_not_in_force error that says Express Entry opened 2015-01-01', (asOf) => {
    let error: unknown
    try {
      scoreCrs(zeroFactors(), asOf)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ExpressEntryError)
    expect((error as ExpressEntryError).code).toBe('rule_not_in_force')
    expect((error as ExpressEntryError).message).toContain(asOf)
    expect((error as ExpressEntryError).message).toContain('Express Entry opened on 2015-01-01')
  })

  it('2015-01-01 itself is scored', () => {
    expect(scoreCrs(zeroFactors({ age: 25 }), '2015-01-01').core.age).toBe(110)
  })

  it.each(['2023-02-29', '2023-13-01', '23-01-01', ''])('a malformed date %j is invalid_input naming asOf', (asOf) => {
    expect(() => scoreCrs(zeroFactors(), asOf)).toThrow(expect.objectContaining({ code: 'invalid_input', details: { issues: [expect.objectContaining({ path: 'asOf' })] } }))
  })
})

/**
 * The same Profile (not CrsFactors) across each change: a Canadian bachelor's, a brother in Canada, a NOC 00
 * job offer, IELTS CLB 9 and TEF Canada NCLC 9 (rules.md §6.4: old scale before 2023-12-11, 0-699 after),
 * all valid on both days. Only the additional points may move, by the values of rules.md §4.
 */
function everyAdditional(testDate: string, birth = '1995-01-01') {
  const tef = testDate < '2023-12-11'
    ? { reading: 248, listening: 298, writing: 371, speaking: 371 } // §6.4(b) NCLC 9 minimums
    : { reading: 503, listening: 503, writing: 512, speaking: 518 } // §6.4(a) NCLC 9 minimums
  return profile({
    dateOfBirth: birth,
    education: [{ level: 'bachelors', country: 'CA', programYears: 4, completedOn: '2014-05-31' }],
    languageTests: [ieltsClb9(testDate), { test: 'tef-canada', testDate, ...tef }],
    jobOffer: { noc: '00012', lmiaExempt: false },
    siblingInCanada: true,
  })
}

describe('rule changes scored from a Profile: the day before and the day of (rules.md §4, §5)', () => {
  // [day of the change, additional points the day before, the day of]: jobOffer, canadianEducation, french, sibling.
  it.each([
    ['2016-11-19', [600, 0, 0, 0], [200, 30, 0, 0]],
    ['2017-06-06', [200, 30, 0, 0], [200, 30, 30, 15]],
    ['2020-10-27', [200, 30, 30, 15], [200, 30, 50, 15]],
    ['2025-03-25', [200, 30, 50, 15], [0, 30, 50, 15]],
  ] as const)('%s: %j the day before, %j that day', (day, before, after) => {
    const p = everyAdditional(addDays(day, -200))
    const on = (date: string) => scoreCrs(factorsOf(p, date), date)
    const [b, a] = [on(addDays(day, -1)), on(day)]
    expect([b.additional.jobOffer, b.additional.canadianEducation, b.additional.french, b.additional.sibling]).toEqual(before)
    expect([a.additional.jobOffer, a.additional.canadianEducation, a.additional.french, a.additional.sibling]).toEqual(after)
    // Nothing else moved: the totals differ by the additional points alone.
    expect(a.total - b.total).toBe(a.additional.subtotal - b.additional.subtotal)
  })

  it.each([
    // Born so that the age points (20-29: 110) do not move within the year.
    ['2016-09-01', '1990-01-01', [['2016-11-19', -370], ['2017-06-06', 45]]],
    ['2020-06-01', '1995-01-01', [['2020-10-27', 20]]],
    ['2025-01-01', '1998-01-01', [['2025-03-25', -200]]],
  ] as const)('the timeline from %s (born %s) finds each change on its day, and no other', (asOf, birth, expected) => {
    const t = timeline({ kind: 'profile', profile: everyAdditional(addDays(asOf, -30), birth) }, asOf, 1)
    expect(t.changes.map((c) => [c.date, c.change])).toEqual(expected)
  })
})
