import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, toDayNumber } from '../../src/domain/dates.js'
import { cecRules, checkCec } from '../../src/eligibility/cec.js'
import { categoryRuleRules, checkCategoryRule, compiledCategory } from '../../src/eligibility/categories.js'
import { Facts } from '../../src/eligibility/facts.js'
import { checkFst, fstRules } from '../../src/eligibility/fst.js'
import { checkFsw, fswRules } from '../../src/eligibility/fsw.js'
import { ChangeCalendar, ruleDays as ruleDaysOf } from '../../src/facts/calendar.js'
import { anyProgramAnswer, categoryVersions, isEligibleForAnyProgram, isEligibleForCategory, isEligibleForProgram } from '../../src/eligibility/index.js'
import { EligibilityScan, eligibilityRuleDays } from '../../src/history/eligibility-scan.js'
import { loadRounds } from '../../src/history/load.js'
import { invitedRoundIndices, pastInvitations, planRounds } from '../../src/history/invited.js'
import type { Profile } from '../../src/schemas/profile.js'
import { engineer, profileArbitrary } from './profiles.js'

const plan = planRounds(loadRounds())
const ruleDays = eligibilityRuleDays()
const FIRST = toDayNumber('2015-01-01')
const LAST = toDayNumber('2026-12-31')

/**
 * Generated profiles, some with a job offer or a certificate of qualification in a trade (72310,
 * 72410: in the generator's occupations) or in another occupation, some with children, so that FST
 * and the funds waiver are reached too; some without funds (not said: FSW and FST can't tell, E21).
 */
const variedProfile: fc.Arbitrary<Profile> = fc
  .tuple(profileArbitrary, fc.constantFrom(null, '72310', '72410', '21231'), fc.constantFrom(null, '72310', '72410'), fc.integer({ min: 0, max: 3 }), fc.constantFrom(5_000, 30_000, null))
  .map(([{ settlementFundsCad: _, ...p }, offer, certificate, children, funds]) => ({
    ...p,
    jobOffer: offer === null ? null : { noc: offer, lmiaExempt: false },
    certificateOfQualification: certificate === null ? null : { noc: certificate, province: 'ON' },
    dependentChildren: children,
    ...(funds === null ? {} : { settlementFundsCad: funds }),
  }))

/**
 * Profiles whose facts stand still from 2015 but for the age and a spouse's results: a foreign job
 * held since 2004, a Canadian credential, English results always valid. Their FSW answer, when at the
 * pass mark, changes on a birthday or a spouse's test date or expiry.
 */
const steadyProfile: fc.Arbitrary<Profile> = fc
  .record({
    dateOfBirth: fc.tuple(fc.integer({ min: 1968, max: 1992 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 && y % 4 !== 0 ? 28 : d).padStart(2, '0')}`),
    level: fc.constantFrom('secondary', 'one-year', 'two-year', 'bachelors', 'masters'),
    band: fc.constantFrom(6, 6.5, 7, 7.5, 8),
    spouseTests: fc.array(fc.tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 4, max: 9 })), { maxLength: 2 }),
    married: fc.boolean(),
  })
  .map(({ dateOfBirth, level, band, spouseTests, married }) => ({
    ...engineer,
    dateOfBirth,
    maritalStatus: married ? ('married' as const) : ('single' as const),
    spouse: married ? { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: '1990-01-01', education: [], work: [], languageTests: spouseTests.map(([day, clb]) => ({ test: 'celpip-general' as const, testDate: fromDayNumber(day), listening: clb, reading: clb, writing: clb, speaking: clb })) } : null,
    education: [{ level, country: 'CA', programYears: level === 'secondary' ? 0 : level === 'one-year' ? 1 : level === 'two-year' ? 2 : 4, completedOn: '2003-06-01', eca: null }],
    languageTests: Array.from({ length: 8 }, (_, k) => ({ test: 'ielts-general' as const, testDate: `${2013 + 2 * k}-0${6 - (k % 2)}-01`, listening: band, reading: band, writing: band, speaking: band })),
    work: [{ noc: '21231', country: 'IN', from: '2004-01-01', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }],
    settlementFundsCad: 40_000,
  }))

/** Checks `check` answers the same as on `day` on every day up to a year after it (then every 5th) before `until`, and on the last. */
/** The days (every `step` days over FIRST..LAST) on which `check`'s answer differs from the day before. */
function daysAnswerChanges(profile: Profile, check: (f: Facts) => boolean | null, step: number): number[] {
  const flips: number[] = []
  let last = check(new Facts(profile, fromDayNumber(FIRST)))
  for (let d = FIRST + step; d <= LAST; d += step) {
    const now = check(new Facts(profile, fromDayNumber(d)))
    if (now !== last) flips.push(d)
    last = now
  }
  return flips
}

function expectHolds(profile: Profile, day: number, until: number, check: (f: Facts) => boolean | null): void {
  const answer = check(new Facts(profile, fromDayNumber(day)))
  for (let d = day + 1; d < Math.min(until, LAST); d += d - day < 366 ? 1 : 5) expect(check(new Facts(profile, fromDayNumber(d))), fromDayNumber(d)).toBe(answer)
  if (until - 1 > day && until - 1 <= LAST) expect(check(new Facts(profile, fromDayNumber(until - 1))), fromDayNumber(until - 1)).toBe(answer)
}

/** The day until which the change calendar says `check`'s answer on `day` holds, from what it read. */
function calendarHold(profile: Profile, day: number, rules: Int32Array, check: (f: Facts) => boolean | null): number {
  const f = new Facts(profile, fromDayNumber(day))
  const mark = f.beginAnswer()
  check(f)
  const { reads, fromCount, edges } = f.endAnswer(mark)
  return new ChangeCalendar(profile).holdsUntil(f, rules, reads, edges === null ? f.counts.length : fromCount, edges ?? undefined)
}

describe('EligibilityScan: the engine asked less, the same answers', () => {
  it('property: on any increasing run of round dates, CEC and "any program" answer as the engine', () => {
    fc.assert(
      fc.property(variedProfile, fc.subarray([...plan.dates.keys()], { minLength: 1 }), (profile, picked) => {
        const scan = new EligibilityScan(profile, ruleDays)
        for (const i of picked) {
          const date = plan.dates[i]!
          const day = plan.days[i]!
          expect(scan.cecOn(date, day), `CEC ${date}`).toBe(isEligibleForProgram(profile, 'cec', date))
          expect(scan.anyProgramOn(date, day), `any ${date}`).toBe(anyProgramAnswer(profile, date))
        }
      }),
      { numRuns: 80 },
    )
  })

  it('property: categories answer as the engine, in force or not, on every day of a version and around it', () => {
    fc.assert(
      fc.property(variedProfile, fc.constantFrom(...categoryVersions), fc.integer({ min: -10, max: 2000 }), (profile, c, offset) => {
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

  it('property: checkCec answers the same on every day until the calendar says what it read may change', () => {
    fc.assert(
      // Any day, or a day near a year of work in Canada (where the 1,560 hours are crossed), with a
      // strong English result taken 300 days before, so the hours decide.
      fc.property(profileArbitrary, fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 200, max: 900 }), fc.boolean(), fc.boolean(), (generated, any, sinceStart, nearStart, tested) => {
        const job = generated.work.find((j) => j.country === 'CA')
        const near = job ? toDayNumber(job.from) + sinceStart : any
        const day = nearStart && near >= FIRST + 300 && near <= LAST ? near : any
        const test = { test: 'ielts-general' as const, testDate: fromDayNumber(day - 300), listening: 8, reading: 8, writing: 8, speaking: 8 }
        const profile = tested && day - 300 >= FIRST ? { ...generated, languageTests: [...generated.languageTests, test] } : generated
        const check = (g: Facts) => checkCec(g, null)
        const until = calendarHold(profile, day, ruleDaysOf(cecRules), check)
        expect(until).toBeGreaterThan(day)
        expectHolds(profile, day, until, check)
      }),
      { numRuns: 200 },
    )
  })

  it('property: checkFsw and checkFst answer the same on every day until the calendar says what they read may change', () => {
    // Strong English results every 2 years from 2013 (always one valid), so work hours decide more often.
    const english = Array.from({ length: 8 }, (_, k) => ({ test: 'ielts-general' as const, testDate: `${2013 + 2 * k}-0${6 - k % 2}-01`, listening: 8, reading: 8, writing: 8, speaking: 8 }))
    fc.assert(
      // A day just before the answer changes (found by stepping through the years), or any day. Half
      // the time the first job is in a trade the candidate holds a certificate in (FST's case).
      fc.property(variedProfile, fc.constantFrom(null, '72310', '72410'), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 90 }), fc.integer({ min: FIRST, max: LAST }), (varied, trade, tested, pick, back, any) => {
        const first = varied.work[0]
        const traded: Profile = trade && first ? { ...varied, work: [{ ...first, noc: trade }, ...varied.work.slice(1)], certificateOfQualification: { noc: trade, province: 'ON' } } : varied
        const profile: Profile = tested ? { ...traded, languageTests: [...traded.languageTests, ...english] } : traded
        for (const [check, rules] of [[(g: Facts) => checkFsw(g, null), fswRules], [(g: Facts) => checkFst(g, null), fstRules]] as const) {
          const flips = daysAnswerChanges(profile, check, 3)
          const near = flips.length > 0 ? flips[pick % flips.length]! - back : any
          const day = near >= FIRST ? near : any
          const until = calendarHold(profile, day, ruleDaysOf(rules), check)
          expect(until).toBeGreaterThan(day)
          expectHolds(profile, day, until, check)
        }
      }),
      { numRuns: 120 },
    )
  })

  it('property: the scan\'s FSW-or-FST answer holds on every day of its window (its own list of days), near the days the answer changes', () => {
    const english = Array.from({ length: 8 }, (_, k) => ({ test: 'ielts-general' as const, testDate: `${2013 + 2 * k}-0${6 - k % 2}-01`, listening: 8, reading: 8, writing: 8, speaking: 8 }))
    // FSW or FST as the scan combines them: a yes wins, then a can't tell (funds not given), then no.
    const check = (g: Facts) => {
      const fsw = checkFsw(g, null)
      if (fsw === true) return true
      const fst = checkFst(g, null)
      return fst === true ? true : fsw === null || fst === null ? null : false
    }
    fc.assert(
      fc.property(fc.oneof(variedProfile, steadyProfile), fc.constantFrom(null, '72310', '72410'), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 90 }), fc.integer({ min: FIRST, max: LAST }), (varied, trade, tested, pick, back, any) => {
        const first = varied.work[0]
        const traded: Profile = trade && first ? { ...varied, work: [{ ...first, noc: trade }, ...varied.work.slice(1)], certificateOfQualification: { noc: trade, province: 'ON' } } : varied
        const profile: Profile = tested ? { ...traded, languageTests: [...traded.languageTests, ...english] } : traded
        const flips = daysAnswerChanges(profile, check, 2)
        // Just before every change (up to 8), or any day.
        const days = flips.length > 0 ? flips.slice(pick % Math.max(1, flips.length - 7), (pick % Math.max(1, flips.length - 7)) + 8).map((d) => Math.max(FIRST, d - back)) : [any]
        for (const day of days) {
          const scan = new EligibilityScan(profile, ruleDays)
          const expected = check(new Facts(profile, fromDayNumber(day)))
          expect(scan.fswOrFstOn(fromDayNumber(day), day)).toBe(expected)
          const { from, until, answer } = scan.fswOrFstHolds
          expect([from, answer]).toEqual([day, expected])
          expectHolds(profile, day, until, check)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('property: checkCategoryRule answers the same on every day until the calendar says what it read may change', () => {
    const versions = categoryVersions.filter((c) => compiledCategory(c.id) !== undefined)
    fc.assert(
      // The first job's occupation replaced by one of the category's, half the time, so the hours decide.
      fc.property(variedProfile, fc.constantFrom(...versions), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 90 }), fc.integer({ min: FIRST, max: LAST }), (varied, version, listed, pick, back, any) => {
        const c = compiledCategory(version.id)!
        const first = varied.work[0]
        const noc = c.occupations ? [...c.occupations][pick % c.occupations.size] : undefined
        const profile: Profile = listed && first && noc ? { ...varied, work: [{ ...first, noc }, ...varied.work.slice(1)] } : varied
        const check = (g: Facts) => checkCategoryRule(g, c, null) !== null
        const flips = daysAnswerChanges(profile, check, 2)
        for (const near of flips.length > 0 ? flips.slice(0, 6).map((d) => Math.max(FIRST, d - back)) : [any]) {
          const until = calendarHold(profile, near, ruleDaysOf(categoryRuleRules), check)
          expect(until).toBeGreaterThan(near)
          expectHolds(profile, near, until, check)
        }
      }),
      { numRuns: 120 },
    )
  })

  it('property: the scan\'s category rule answers hold on every day of their windows (its own list of days), near the days they change', () => {
    const versions = categoryVersions.filter((c) => compiledCategory(c.id) !== undefined)
    fc.assert(
      // A listed occupation for the first job half the time; a strong TEF result (old scale) taken 2021-2023 half the time.
      fc.property(variedProfile, fc.constantFrom(...versions), fc.boolean(), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 90 }), fc.integer({ min: toDayNumber('2021-01-01'), max: toDayNumber('2023-12-01') }), (varied, version, listed, french, pick, back, tefDay) => {
        const c = compiledCategory(version.id)!
        const first = varied.work[0]
        const noc = c.occupations ? [...c.occupations][pick % c.occupations.size] : undefined
        const tef = { test: 'tef-canada' as const, testDate: fromDayNumber(tefDay), listening: 316, reading: 263, writing: 428, speaking: 428 }
        const withJob: Profile = listed && first && noc ? { ...varied, work: [{ ...first, noc }, ...varied.work.slice(1)] } : varied
        const profile: Profile = french ? { ...withJob, languageTests: [...withJob.languageTests, tef] } : withJob
        const check = (g: Facts) => checkCategoryRule(g, c, null) !== null
        const flips = daysAnswerChanges(profile, check, 2)
        for (const day of flips.length > 0 ? flips.slice(0, 6).map((d) => Math.max(FIRST, d - back)) : [FIRST + (pick % (LAST - FIRST))]) {
          const scan = new EligibilityScan(profile, ruleDays)
          expect(scan.categoryRuleOn(c, fromDayNumber(day), day)).toBe(check(new Facts(profile, fromDayNumber(day))))
          const { from, until } = scan.categoryRuleHolds(c.category.id)!
          expect(from).toBe(day)
          expectHolds(profile, day, until, check)
        }
      }),
      { numRuns: 120 },
    )
  })

  it('property: rounds given in any order: the same rounds invited, as indices into that order, ascending', () => {
    const rounds = loadRounds()
    fc.assert(
      fc.property(variedProfile, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (profile, seed) => {
        // A seeded shuffle of the record.
        let x = seed
        const shuffled = [...rounds]
        for (let k = shuffled.length - 1; k > 0; k--) {
          x = (x * 1103515245 + 12345) % 2 ** 31
          const j = x % (k + 1)
          ;[shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!]
        }
        const ordered = invitedRoundIndices(profile, plan).map((i) => plan.rounds[i]!.number)
        const shuffledPlan = planRounds(shuffled)
        expect(shuffledPlan.inDateOrder).toBe(false)
        const indices = invitedRoundIndices(profile, shuffledPlan)
        expect(indices).toEqual([...indices].sort((a, b) => a - b))
        expect(indices.map((i) => shuffled[i]!.number).sort()).toEqual([...ordered].sort())
      }),
      { numRuns: 15 },
    )
  })

  it('property: with days lacking a valid English result (between one result\'s expiry and the next test) left unscored, the same rounds as the full check', () => {
    const rounds = loadRounds()
    // Engineers scoring near the cut-offs, with English results renewed every 2 years give or take some months.
    const invitable = fc
      .record({
        start: fc.integer({ min: 2015, max: 2022 }),
        shifts: fc.array(fc.integer({ min: -150, max: 200 }), { minLength: 6, maxLength: 6 }),
        band: fc.constantFrom(6.5, 7, 7.5, 8, 8.5),
        dateOfBirth: fc.constantFrom('1985-05-05', '1990-02-28', '1994-03-02', '1996-11-30'),
        married: fc.boolean(),
      })
      .map(({ start, shifts, band, dateOfBirth, married }): Profile => ({
        ...engineer,
        dateOfBirth,
        maritalStatus: married ? 'married' : 'single',
        spouse: married ? { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: '1991-01-01', education: [], work: [], languageTests: [] } : null,
        languageTests: shifts.map((shift, k) => ({ test: 'ielts-general' as const, testDate: fromDayNumber(toDayNumber(`${start + 2 * k}-03-01`) + shift), listening: band, reading: band, writing: band, speaking: band })),
      }))
    let gaps = 0
    fc.assert(
      fc.property(invitable, (profile) => {
        const full = pastInvitations({ kind: 'profile', profile }, rounds, plan).rounds.map((c, i) => (c.outcome === 'invited' ? i : -1)).filter((i) => i >= 0)
        if (plan.dates.some((d) => d > profile.languageTests[0]!.testDate && !isEligibleForAnyProgram(profile, d))) gaps++
        expect(invitedRoundIndices(profile, plan)).toEqual(full)
      }),
      { numRuns: 40 },
    )
    expect(gaps).toBeGreaterThan(10)
  })

  it('round 337 (French, 2025-02-19, checked on 2025-02-27): scored although no English result was valid on the round date', () => {
    // English expired 2025-01-10, retaken 2025-02-25; TEF (old scale) NCLC 9 and more; nominated (so the score clears 428 without English).
    const profile: Profile = {
      ...engineer,
      languageTests: [
        { test: 'ielts-general', testDate: '2023-01-10', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
        { test: 'ielts-general', testDate: '2025-02-25', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
        { test: 'tef-canada', testDate: '2023-06-01', listening: 316, reading: 263, writing: 428, speaking: 428 },
      ],
      provincialNomination: { province: 'ON', nominatedOn: '2024-01-01' },
    }
    expect(isEligibleForAnyProgram(profile, '2025-02-19')).toBe(false)
    const rounds = loadRounds()
    const i = rounds.findIndex((r) => r.number === '337')
    const full = pastInvitations({ kind: 'profile', profile }, rounds, plan).rounds[i]!
    expect(full.outcome).toBe('invited')
    expect(invitedRoundIndices(profile, plan)).toContain(i)
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
