/**
 * Full-time-equivalent work hours (rules.md §1.5: 30 h/week is full time, 1,560 h is a year, overlapping
 * jobs count once) against a day-by-day reference written here from that rule.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addYears, fromDayNumber, toDayNumber } from '../../src/domain/dates.js'
import type { Job } from '../../src/schemas/profile.js'
import { fullTimeEquivalentHours, fullYearsInWindow, isCanadianSkilledWork } from '../../src/work/history.js'

/** Hours in [from, to) by the rule, one day at a time: each day at most 30/7 hours. */
function referenceHours(jobs: readonly Job[], from: string, to: string, filter: (j: Job) => boolean): number {
  let hours = 0
  for (let day = toDayNumber(from); day < toDayNumber(to); day++) {
    let rate = 0
    for (const j of jobs) {
      if (!filter(j)) continue
      if (toDayNumber(j.from) <= day && (j.to === null || day <= toDayNumber(j.to))) rate += j.hoursPerWeek / 7
    }
    hours += Math.min(rate, 30 / 7)
  }
  return hours
}

const START = toDayNumber('2008-01-01')
const END = toDayNumber('2027-12-31')

const jobArb: fc.Arbitrary<Job> = fc
  .record({
    start: fc.integer({ min: START, max: END }),
    length: fc.integer({ min: 0, max: 2500 }),
    open: fc.boolean(),
    hoursPerWeek: fc.integer({ min: 1, max: 60 }),
    country: fc.constantFrom('CA', 'CA', 'IN'),
    noc: fc.constantFrom('21231', '00012', '63200', '64100'),
    selfEmployed: fc.boolean(),
    fullTimeStudent: fc.boolean(),
  })
  .map(({ start, length, open, ...rest }) => ({ ...rest, from: fromDayNumber(start), to: open ? null : fromDayNumber(start + length) }))

const asOfArb = fc.integer({ min: toDayNumber('2015-01-01'), max: END }).map(fromDayNumber)

describe('full-time-equivalent hours', () => {
  it('equal the day-by-day reference (overlaps once, 30 h/week cap, 10-year window)', () => {
    fc.assert(
      fc.property(fc.array(jobArb, { maxLength: 5 }), asOfArb, (jobs, asOf) => {
        const from = addYears(asOf, -10)
        const all = () => true
        expect(fullTimeEquivalentHours(jobs, from, asOf, all)).toBeCloseTo(referenceHours(jobs, from, asOf, all), 6)
        expect(fullTimeEquivalentHours(jobs, from, asOf, isCanadianSkilledWork)).toBeCloseTo(referenceHours(jobs, from, asOf, isCanadianSkilledWork), 6)
      }),
      { numRuns: 150 },
    )
  })

  it('whole years: 1,560 hours make a year, never more years than the window holds', () => {
    fc.assert(
      fc.property(fc.array(jobArb, { maxLength: 5 }), asOfArb, (jobs, asOf) => {
        const years = fullYearsInWindow(jobs, asOf, 10, isCanadianSkilledWork)
        const hours = referenceHours(jobs, addYears(asOf, -10), asOf, isCanadianSkilledWork)
        expect(years).toBe(Math.floor(hours / 1560 + 1e-9))
        expect(years).toBeLessThanOrEqual(10)
      }),
      { numRuns: 150 },
    )
  })

  it('adding a job never lowers the hours; a second copy of full-time jobs changes nothing', () => {
    fc.assert(
      fc.property(fc.array(jobArb, { maxLength: 4 }), jobArb, asOfArb, (jobs, extra, asOf) => {
        const from = addYears(asOf, -10)
        const all = () => true
        const base = fullTimeEquivalentHours(jobs, from, asOf, all)
        expect(fullTimeEquivalentHours([...jobs, extra], from, asOf, all)).toBeGreaterThanOrEqual(base - 1e-9)
        const fullTime = jobs.map((j) => ({ ...j, hoursPerWeek: Math.max(30, j.hoursPerWeek) }))
        expect(fullTimeEquivalentHours([...fullTime, ...fullTime], from, asOf, all)).toBeCloseTo(fullTimeEquivalentHours(fullTime, from, asOf, all), 6)
      }),
      { numRuns: 200 },
    )
  })
})
