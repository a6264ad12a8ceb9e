/**
 * The day before and the day of every CRS rule change (rules.md §4, §5), and dates before Express
 * Entry opened. Expected points are typed from rules.md.
 */
import { describe, expect, it } from 'vitest'
import { scoreCrs } from '../../src/crs/index.js'
import { ExpressEntryError } from '../../src/errors.js'
import type { CrsFactorsInput } from '../../src/schemas/crs-factors.js'
import { clb, zeroFactors } from './fixtures.js'

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
