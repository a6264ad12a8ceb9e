/**
 * Legal dates as YYYY-MM-DD strings: validation, day arithmetic and full years (age, validity windows),
 * checked against JavaScript's own UTC calendar on random dates.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addYears, dateOfInstant, fromDayNumber, fullYearsBetween, isIsoDate, isIsoInstant, isLeapYear, toDayNumber } from '../../src/domain/dates.js'

/** The reference: JavaScript's UTC calendar. */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayArb = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
const dateArb = dayArb.map((d) => iso(d * 86_400_000))

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-1-01', false],
    ['20230101', false],
    ['2023-01-01T00:00:00Z', false],
    [' 2023-01-01', false],
    [20230101, false],
    [null, false],
  ])('%j → %s', (s, valid) => {
    expect(isIsoDate(s)).toBe(valid)
  })

  it('accepts every real date', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(isIsoDate(d)).toBe(true)
      }),
    )
  })
})

describe('isIsoInstant', () => {
  it.each([
    ['2022-11-23T00:01:29Z', true],
    ['2022-11-23T00:01:29.123Z', true],
    ['2022-11-23T24:00:00Z', false],
    ['2022-11-23T00:60:00Z', false],
    ['2022-11-23T00:01:29+01:00', false],
    ['2022-11-23 00:01:29Z', false],
    ['2022-02-30T00:00:00Z', false],
  ])('%s → %s', (s, valid) => {
    expect(isIsoInstant(s)).toBe(valid)
  })

  it('the date of an instant is its UTC day', () => {
    expect(dateOfInstant('2022-11-23T23:59:59Z')).toBe('2022-11-23')
  })
})

describe('leap years', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2024, true],
    [2023, false],
    [2100, false],
  ])('%i → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap)
  })
})

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2015-01-01', 16436],
    ['2000-03-01', 11017],
  ])('%s is day %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day)
    expect(fromDayNumber(day)).toBe(date)
  })

  it('agree with the JavaScript calendar and round-trip', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const date = iso(day * 86_400_000)
        expect(toDayNumber(date)).toBe(day)
        expect(fromDayNumber(day)).toBe(date)
      }),
      { numRuns: 2000 },
    )
  })

  it('fromDayNumber by arithmetic writes every day of 0000-9999 as the JavaScript calendar does; fractions and other years keep its answers', () => {
    let differ = 0
    for (let day = toDayNumber('0000-01-01') - 3; day <= toDayNumber('9999-12-31') + 3; day++) if (fromDayNumber(day) !== iso(day * 86_400_000)) differ++
    expect(differ).toBe(0)
    for (const day of [0.5, -0.5, 19_000.99, -800_000, 3_000_000]) expect(fromDayNumber(day)).toBe(iso(day * 86_400_000))
  }, 30_000)

  it('addDays moves by whole days, across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        expect(addDays(iso(day * 86_400_000), n)).toBe(iso((day + n) * 86_400_000))
      }),
    )
  })
})

describe('addYears', () => {
  it.each([
    ['2023-05-10', 2, '2025-05-10'],
    ['2019-03-01', 5, '2024-03-01'],
    ['2020-02-29', 2, '2022-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2025-06-01', -10, '2015-06-01'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2024-12-31', 1, '2025-12-31'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected)
  })

  it('keeps month and day, except Feb 29 in a common year', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -100, max: 100 }), (date, n) => {
        const result = addYears(date, n)
        expect(isIsoDate(result)).toBe(true)
        expect(Number(result.slice(0, 4))).toBe(Number(date.slice(0, 4)) + n)
        if (date.slice(5) === '02-29' && !isLeapYear(Number(result.slice(0, 4)))) expect(result.slice(5)).toBe('02-28')
        else expect(result.slice(5)).toBe(date.slice(5))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('fullYearsBetween (age on a date)', () => {
  it.each([
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2000-02-29', '2020-02-28', 19],
    ['2000-02-29', '2020-02-29', 20],
    ['1995-06-15', '2025-06-14', 29],
    ['1995-06-15', '2025-06-15', 30],
    ['1995-06-15', '1995-06-15', 0],
    ['1995-12-31', '1996-01-01', 0],
    ['1995-01-01', '1995-12-31', 0],
  ])('born %s, on %s: %i', (from, to, years) => {
    expect(fullYearsBetween(from, to)).toBe(years)
  })

  it('is the largest n with birthday + n years on or before the date (a Feb 29 birthday reached on Mar 1 in a common year)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const n = fullYearsBetween(from, to)
        const anniversary = (k: number) => {
          const d = addYears(from, k)
          // A Feb 29 birthday in a common year is reached on Mar 1 (dates.ts; most Canadian usage).
          return from.slice(5) === '02-29' && d.slice(5) === '02-28' ? addDays(d, 1) : d
        }
        expect(n).toBeGreaterThanOrEqual(0)
        expect(anniversary(n) <= to).toBe(true)
        expect(anniversary(n + 1) > to).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})
