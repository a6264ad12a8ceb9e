import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addYears, fromDayNumber, toDayNumber } from '../../src/domain/dates.js'
import { cecHoursHoldUntil, checkCec } from '../../src/eligibility/cec.js'
import { Facts } from '../../src/eligibility/facts.js'
import { categoryVersions, isEligibleForAnyProgram, isEligibleForCategory, isEligibleForProgram } from '../../src/eligibility/index.js'
import { EligibilityScan, eligibilityRuleDays } from '../../src/history/eligibility-scan.js'
import { loadRounds } from '../../src/history/load.js'
import { planRounds } from '../../src/history/invited.js'
import { languageValidity } from '../../src/rules/language/validity.js'
import { engineer, profileArbitrary } from './profiles.js'

const plan = planRounds(loadRounds())
const ruleDays = eligibilityRuleDays()
const FIRST = toDayNumber('2015-01-01')
const LAST = toDayNumber('2026-12-31')

describe('EligibilityScan: the engine asked less, the same answers', () => {
  it('property: on any increasing run of round dates, CEC and "any program" answer as the engine', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.subarray([...plan.dates.keys()], { minLength: 1 }), (profile, picked) => {
        const scan = new EligibilityScan(profile, ruleDays)
        for (const i of picked) {
          const date = plan.dates[i]!
          const day = plan.days[i]!
          expect(scan.cecOn(date, day), `CEC ${date}`).toBe(isEligibleForProgram(profile, 'cec', date))
          expect(scan.anyProgramOn(date, day), `any ${date}`).toBe(isEligibleForAnyProgram(profile, date))
        }
      }),
      { numRuns: 80 },
    )
  })

  it('property: categories answer as the engine, in force or not, on every day of a version and around it', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.constantFrom(...categoryVersions), fc.integer({ min: -10, max: 2000 }), (profile, c, offset) => {
        const scan = new EligibilityScan(profile, ruleDays)
        const start = toDayNumber(c.from) - 10
        for (let day = start; day <= start + offset; day += 7) {
          const date = fromDayNumber(day)
          expect(scan.categoryOn(c.id, date, day), `${c.id} ${date}`).toBe(isEligibleForCategory(profile, c.id, date))
        }
      }),
      { numRuns: 60 },
    )
  })

  it('property: checkCec answers the same on every day until cecHoursHoldUntil, when no rule day, test date or expiry falls between', () => {
    const validity = [...new Set(languageValidity.versions.flatMap((v) => (v.value ? [v.value.years] : [])))]
    fc.assert(
      // Any day, or a day near a year of work in Canada (where the 1,560 hours are crossed).
      // Any day, or a day near a year of work in Canada (where the 1,560 hours are crossed), with a
      // strong English result taken 300 days before, so the hours decide.
      fc.property(profileArbitrary, fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 200, max: 900 }), fc.boolean(), fc.boolean(), (generated, any, sinceStart, nearStart, tested) => {
        const job = generated.work.find((j) => j.country === 'CA')
        const near = job ? toDayNumber(job.from) + sinceStart : any
        const day = nearStart && near >= FIRST + 300 && near <= LAST ? near : any
        const asOf = fromDayNumber(day)
        const test = { test: 'ielts-general' as const, testDate: fromDayNumber(day - 300), listening: 8, reading: 8, writing: 8, speaking: 8 }
        const profile = tested && day - 300 >= FIRST ? { ...generated, languageTests: [...generated.languageTests, test] } : generated
        const f = new Facts(profile, asOf)
        const answer = checkCec(f, null)
        let until = cecHoursHoldUntil(f)
        expect(until).toBeGreaterThan(day)
        for (const e of ruleDays) if (e > day && e < until) until = e
        for (const t of profile.languageTests) {
          for (const e of [toDayNumber(t.testDate), ...validity.map((y) => toDayNumber(addYears(t.testDate, y)))]) if (e > day && e < until) until = e
        }
        // Every day up to a year, then every 5th day, and always the last.
        for (let d = day + 1; d < Math.min(until, LAST); d += d - day < 366 ? 1 : 5) expect(checkCec(new Facts(profile, fromDayNumber(d)), null), fromDayNumber(d)).toBe(answer)
        if (until - 1 > day && until - 1 <= LAST) expect(checkCec(new Facts(profile, fromDayNumber(until - 1)), null)).toBe(answer)
      }),
      { numRuns: 200 },
    )
  })

  it('engineer: eligible for CEC a year after starting in Canada (2019-06-03), not the day before', () => {
    const scan = new EligibilityScan(engineer, ruleDays)
    // 1,560 hours at 30 a week (40 counted as 30) take 364 days: 2020-06-01 is the first day with a full year.
    expect(scan.cecOn('2020-05-01', toDayNumber('2020-05-01'))).toBe(false)
    expect(scan.cecOn('2020-05-31', toDayNumber('2020-05-31'))).toBe(false)
    expect(scan.cecOn('2020-06-01', toDayNumber('2020-06-01'))).toBe(true)
    expect(scan.cecOn('2023-06-01', toDayNumber('2023-06-01'))).toBe(true)
    for (const d of ['2020-05-31', '2020-06-01']) expect(isEligibleForProgram(engineer, 'cec', d)).toBe(d === '2020-06-01')
  })
})
