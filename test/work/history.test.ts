import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, toDayNumber } from '../../src/domain/dates.js'
import type { Job } from '../../src/schemas/profile.js'
import {
  HOURS_PER_MONTH,
  HOURS_PER_YEAR,
  continuousSpans,
  fullTimeEquivalentHours,
  fullYearsInWindow,
  hoursAndLongestSpan,
  hoursByCountry,
  hoursByOccupation,
  hoursInWindow,
  isCanadianSkilledWork,
  isForeignSkilledWork,
  isSkilledNoc,
  longestContinuousHours,
  monthsOfHours,
  teerOf,
  windowBefore,
  wholeYears,
} from '../../src/work/history.js'

const job = (noc: string, from: string, to: string | null, hoursPerWeek = 40, extra: Partial<Job> = {}): Job => ({ noc, country: 'CA', from, to, hoursPerWeek, selfEmployed: false, fullTimeStudent: false, ...extra })
const FULL_DAY = 30 / 7

describe('TEER and skill', () => {
  it.each([
    ['00012', 0, true],
    ['21231', 1, true],
    ['72310', 2, true],
    ['63200', 3, true],
    ['64100', 4, false],
    ['65310', 5, false],
  ])('%s: TEER %i, skilled %s', (noc, teer, skilled) => {
    expect(teerOf(noc)).toBe(teer)
    expect(isSkilledNoc(noc)).toBe(skilled)
  })
})

describe('full-time-equivalent hours', () => {
  it.each([
    { name: 'full time 52 weeks = 1 year', jobs: [job('21231', '2024-01-01', '2024-12-29')], hours: 364 * FULL_DAY },
    { name: 'hours above 30 a week do not count', jobs: [job('21231', '2024-01-01', '2024-01-07', 60)], hours: 30 },
    { name: 'part time is prorated (15 h/week = half)', jobs: [job('21231', '2024-01-01', '2024-01-14', 15)], hours: 30 },
    { name: 'overlapping jobs count once (capped at full time)', jobs: [job('21231', '2024-01-01', '2024-01-07', 30), job('21232', '2024-01-01', '2024-01-07', 30)], hours: 30 },
    { name: 'two part-time jobs add up to full time', jobs: [job('21231', '2024-01-01', '2024-01-07', 15), job('21232', '2024-01-01', '2024-01-07', 15)], hours: 30 },
    { name: 'an open job runs to the end of the window', jobs: [job('21231', '2024-12-25', null, 30)], hours: 7 * FULL_DAY },
    { name: 'a job after the window does not count', jobs: [job('21231', '2025-01-01', null)], hours: 0 },
  ])('$name', ({ jobs, hours }) => {
    expect(fullTimeEquivalentHours(jobs, '2024-01-01', '2025-01-01', () => true)).toBeCloseTo(hours, 6)
  })

  it('clips jobs to the window [from, to)', () => {
    const jobs = [job('21231', '2020-01-01', null, 30)]
    expect(fullTimeEquivalentHours(jobs, '2024-01-01', '2024-01-08', () => true)).toBeCloseTo(30, 6)
  })

  it('counts whole years with 1,560 hours a year', () => {
    expect(HOURS_PER_YEAR).toBe(1560)
    expect(HOURS_PER_MONTH).toBe(130)
    expect(wholeYears(1559.99)).toBe(0)
    expect(wholeYears(1560)).toBe(1)
    expect(wholeYears(3119)).toBe(1)
    expect(monthsOfHours(780)).toBe(6)
  })
})

describe('windows: the N years before a date', () => {
  it.each([
    { years: 3, asOf: '2026-03-01', start: '2023-03-01' },
    { years: 5, asOf: '2026-03-01', start: '2021-03-01' },
    { years: 10, asOf: '2026-03-01', start: '2016-03-01' },
    { years: 3, asOf: '2024-02-29', start: '2021-02-28' },
  ])('$years years before $asOf start on $start', ({ years, asOf, start }) => {
    expect(windowBefore(asOf, years)).toEqual({ start: toDayNumber(start), end: toDayNumber(asOf) })
  })

  it('counts work inside the window and not outside it', () => {
    const w = windowBefore('2026-03-01', 3)
    expect(hoursInWindow([job('21231', '2023-02-22', '2023-02-28', 30)], w)).toBe(0) // the week before
    expect(hoursInWindow([job('21231', '2023-03-01', '2023-03-07', 30)], w)).toBeCloseTo(30, 6) // the first week
    expect(hoursInWindow([job('21231', '2026-03-01', null, 30)], w)).toBe(0) // the date itself is outside
  })

  it('gives whole years in a window (the CRS count)', () => {
    const jobs = [job('21231', '2019-01-01', null, 40)]
    expect(fullYearsInWindow(jobs, '2026-03-01', 10, isCanadianSkilledWork)).toBe(7)
    expect(fullYearsInWindow(jobs, '2026-03-01', 3, isCanadianSkilledWork)).toBe(3)
  })
})

describe('continuous spans', () => {
  const w = { start: toDayNumber('2020-01-01'), end: toDayNumber('2026-01-01') }

  it('joins a job that starts the day after another ends', () => {
    const spans = continuousSpans([job('21231', '2023-01-01', '2023-06-30', 30), job('21231', '2023-07-01', '2023-12-31', 30)], w)
    expect(spans).toHaveLength(1)
    expect(spans[0]).toMatchObject({ from: '2023-01-01', to: '2023-12-31' })
    expect(spans[0]!.hours).toBeCloseTo(365 * FULL_DAY, 6)
  })

  it('splits at a gap of one day or more', () => {
    const spans = continuousSpans([job('21231', '2023-01-01', '2023-06-30', 30), job('21231', '2023-07-08', '2023-12-31', 30)], w)
    expect(spans.map((s) => [s.from, s.to])).toEqual([
      ['2023-01-01', '2023-06-30'],
      ['2023-07-08', '2023-12-31'],
    ])
  })

  it('keeps overlapping jobs in one span, in any order', () => {
    const jobs = [job('21231', '2023-03-01', '2023-12-31'), job('21231', '2023-01-01', '2023-06-30')]
    expect(continuousSpans(jobs, w).map((s) => [s.from, s.to])).toEqual([['2023-01-01', '2023-12-31']])
    expect(longestContinuousHours(jobs, w)).toBeCloseTo(365 * FULL_DAY, 6)
  })

  it('finds the longest span in hours, not in days', () => {
    const jobs = [job('21231', '2021-01-01', '2021-12-31', 10), job('21231', '2023-01-01', '2023-06-30', 40)]
    const { hours, longestContinuousHours } = hoursAndLongestSpan(jobs, w)
    expect(longestContinuousHours).toBeCloseTo(181 * FULL_DAY, 6)
    expect(hours).toBeCloseTo(365 * (10 / 7) + 181 * FULL_DAY, 6)
  })
})

describe('hours by occupation', () => {
  it('counts each occupation on its own, overlapping jobs in one occupation once', () => {
    const w = windowBefore('2026-01-01', 3)
    const jobs = [job('21231', '2023-01-01', '2023-12-31'), job('21231', '2023-06-01', '2023-06-30'), job('31301', '2024-01-01', '2024-06-30', 15)]
    const by = hoursByOccupation(jobs, w)
    expect(by.map((o) => o.noc)).toEqual(['21231', '31301'])
    expect(by[0]!.hours).toBeCloseTo(365 * FULL_DAY, 6)
    expect(by[1]!.hours).toBeCloseTo(182 * (15 / 7), 6)
  })
})

describe('hours by country', () => {
  it('counts each country on its own; overlapping jobs in two countries count in each', () => {
    const w = windowBefore('2026-01-01', 3)
    const jobs = [job('21231', '2023-01-01', '2023-12-31'), { ...job('21231', '2023-07-01', '2024-06-30'), country: 'IN' }, job('31301', '2022-01-01', '2022-12-31')]
    const by = hoursByCountry(jobs, w)
    expect(by.map((c) => c.country)).toEqual(['CA', 'IN'])
    expect(by[0]!.hours).toBeCloseTo(365 * FULL_DAY, 6)
    expect(by[1]!.hours).toBeCloseTo(366 * FULL_DAY, 6)
    expect(hoursByCountry(jobs, w, (j) => j.noc === '31301')).toEqual([])
  })
})

describe('filters', () => {
  it.each([
    [{}, true, false],
    [{ selfEmployed: true }, false, false],
    [{ fullTimeStudent: true }, false, false],
    [{ country: 'IN' }, false, true],
    [{ noc: '64100' }, false, false],
  ])('%o: Canadian skilled %s, foreign skilled %s', (extra, canadian, foreign) => {
    const j = job('21231', '2023-01-01', null, 40, extra as Partial<Job>)
    expect(isCanadianSkilledWork(j)).toBe(canadian)
    expect(isForeignSkilledWork(j)).toBe(foreign)
  })
})

describe('properties', () => {
  const day0 = toDayNumber('2018-01-01')
  const arbJob = fc.record({
    start: fc.integer({ min: 0, max: 2500 }),
    length: fc.integer({ min: 1, max: 1500 }),
    hours: fc.integer({ min: 1, max: 60 }),
    open: fc.boolean(),
    noc: fc.constantFrom('21231', '31301', '72310'),
  })
  const toJob = (a: { start: number; length: number; hours: number; open: boolean; noc: string }): Job =>
    job(a.noc, addDays('2018-01-01', a.start), a.open ? null : addDays('2018-01-01', a.start + a.length - 1), a.hours)
  const w = { start: day0 + 300, end: day0 + 2400 }

  it('never counts more than full time for each day of the window', () => {
    fc.assert(
      fc.property(fc.array(arbJob, { maxLength: 6 }), (jobs) => {
        expect(hoursInWindow(jobs.map(toJob), w)).toBeLessThanOrEqual((w.end - w.start) * FULL_DAY + 1e-6)
      }),
    )
  })

  it('never counts fewer hours when a job is added', () => {
    fc.assert(
      fc.property(fc.array(arbJob, { maxLength: 5 }), arbJob, (jobs, extra) => {
        const before = hoursInWindow(jobs.map(toJob), w)
        expect(hoursInWindow([...jobs, extra].map(toJob), w)).toBeGreaterThanOrEqual(before - 1e-6)
      }),
    )
  })

  it('splitting a job into two back-to-back jobs keeps its hours and its single span', () => {
    fc.assert(
      fc.property(arbJob, fc.integer({ min: 1, max: 1000 }), (a, cut) => {
        fc.pre(!a.open && cut < a.length)
        const whole = toJob(a)
        const first = { ...whole, to: addDays(whole.from, cut - 1) }
        const second = { ...whole, from: addDays(whole.from, cut) }
        const all = { start: day0, end: day0 + 5000 }
        expect(hoursInWindow([first, second], all)).toBeCloseTo(hoursInWindow([whole], all), 6)
        expect(continuousSpans([first, second], all)).toHaveLength(1)
      }),
    )
  })

  it('the spans add up to the total, and the longest is no more than the total', () => {
    fc.assert(
      fc.property(fc.array(arbJob, { maxLength: 6 }), (jobs) => {
        const list = jobs.map(toJob)
        const spans = continuousSpans(list, w)
        const total = hoursInWindow(list, w)
        expect(spans.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(total, 6)
        expect(longestContinuousHours(list, w)).toBeLessThanOrEqual(total + 1e-6)
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.from > addDays(spans[i - 1]!.to, 1)).toBe(true)
      }),
    )
  })
})
