import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { factorsOf, scoreCrs } from '../../src/crs/index.js'
import { backtestCutoffs, estimateCutoff } from '../../src/history/cutoff.js'
import { distributionOfScores } from '../../src/history/distribution.js'
import { certainlyNotInCategory, invitedRoundIndices, pastInvitations, planRounds, scoresOnPlanDates } from '../../src/history/invited.js'
import { isEligibleForCategory } from '../../src/eligibility/index.js'
import { loadRounds } from '../../src/history/load.js'
import { nextCanadianWorkYearOn, swappedProfile, timeline, whatIf } from '../../src/history/outlook.js'
import type { PastRound } from '../../src/history/record.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { engineer, francophone, profileArbitrary } from './profiles.js'
import { makeProfile } from '../eligibility/helpers.js'

const rounds = loadRounds()
const round = (n: string) => rounds.find((r) => r.number === n)!
const plan = planRounds(rounds)

// DESIGN.md's CrsFactors example: 29, bachelor's, CLB 9 in English, 1 year in Canada, 3 abroad.
const designFactors = crsFactorsSchema.parse({ age: 29, education: 'bachelors', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, canadianWorkYears: 1, foreignWorkYears: 3 })

describe('(d) cut-off estimate from a published distribution', () => {
  it.each([
    // round, size, IRCC's lowest score, estimate
    ['233', 4250, 500, 499],
    ['234', 4750, 496, 496],
    ['243', 7000, 490, 490],
    ['262', 4300, 496, 496],
    ['268', 3725, 500, 500],
    ['253', 700, 511, 507],
  ] as const)('round %s (%i invited): IRCC %i, estimate %i', (n, size, lowest, estimate) => {
    expect(round(n).lowestScore).toBe(lowest)
    expect(estimateCutoff(round(n).distribution!, size).lowestScore).toBe(estimate)
  })

  it('back-test on the 37 general rounds with a distribution: mean absolute error under 5 points', () => {
    const b = backtestCutoffs(rounds)
    expect(b.rounds).toBe(37)
    expect(b.meanAbsoluteError).toBeCloseTo(4.43, 2)
    expect(b.within10).toBeGreaterThan(0.85)
  })

  it('a round larger than the pool reaches the bottom', () => {
    expect(estimateCutoff(distributionOfScores([450, 460]), 5).lowestScore).toBe(0)
  })

  it('an even bin: the 10 scores 451-460 with one candidate each, 7 invited from the top reach 454', () => {
    expect(estimateCutoff(distributionOfScores([451, 452, 453, 454, 455, 456, 457, 458, 459, 460]), 7).lowestScore).toBe(454)
  })

  it('property: more invitations never raise the cut-off, and it stays in 0-1200', () => {
    const d = round('437').distribution!
    fc.assert(fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 5000 }), (n, extra) => {
      const a = estimateCutoff(d, n).lowestScore
      const b = estimateCutoff(d, n + extra).lowestScore
      return b <= a && a >= 0 && a <= 1200
    }))
  })
})

describe('(a) would I have been invited: settlement funds in general rounds (docs/decisions.md E9)', () => {
  // A strong single FSW candidate in the pool from 2015 (a 2011 master's, ECA 2014-10-01, CELPIP 10
  // retaken every two years, software engineer abroad since 2011). With CAD 0 the scan used to say
  // "invited" in every general round up to the ECA's expiry: no funds table was encoded before 2022-06-09.
  const candidate = (settlementFundsCad: number | undefined) =>
    profileSchema.parse({
      id: 'cad0', submittedAt: '2015-01-01T12:00:00Z', dateOfBirth: '1988-01-01', maritalStatus: 'single', firstOfficialLanguage: 'english',
      education: [{ level: 'masters', country: 'IN', programYears: 2, completedOn: '2011-06-30', eca: { organization: 'WES', issuedOn: '2014-10-01' } }],
      languageTests: ['2014-12-01', '2016-11-20', '2018-11-20'].map((testDate) => ({ test: 'celpip-general', testDate, speaking: 10, listening: 10, reading: 10, writing: 10 })),
      work: [{ noc: '21231', country: 'IN', from: '2011-07-01', to: null, hoursPerWeek: 40 }],
      ...(settlementFundsCad === undefined ? {} : { settlementFundsCad }),
    })
  it.each([
    // round, date, funds, outcome: the table in force (none before 2017-01-27), and its single amount
    ['53', '2017-01-25', 0, 'invited'], // no table known yet: funds not checked
    ['54', '2017-02-08', 0, 'not-eligible'], // 2017 table: CAD 12,300
    ['54', '2017-02-08', 12_300, 'invited'],
    ['81', '2018-01-10', 12_300, 'not-eligible'], // 2018 table: CAD 12,474
    ['81', '2018-01-10', 12_474, 'invited'],
    ['109', '2019-01-23', 12_474, 'not-eligible'], // 2019 table: CAD 12,669
    ['109', '2019-01-23', 12_669, 'invited'],
    // Funds not given (E21): FSW, its only program, can't tell where a table is known, so the round is
    // unknown, not not-eligible; before 2017-01-27 funds are not checked, so it is invited as with any amount.
    ['53', '2017-01-25', undefined, 'invited'],
    ['54', '2017-02-08', undefined, 'unknown'],
    ['109', '2019-01-23', undefined, 'unknown'],
  ] as const)('round %s (%s), CAD %s: %s', (number, date, funds, outcome) => {
    const profile = candidate(funds)
    const i = rounds.findIndex((r) => r.number === number)
    expect(rounds[i]!.date).toBe(date)
    expect(pastInvitations({ kind: 'profile', profile }, rounds, plan).rounds[i]!.outcome).toBe(outcome)
    expect(invitedRoundIndices(profile, plan).includes(i)).toBe(outcome === 'invited')
  })
})

describe('(a) would I have been invited', () => {
  it('property: the fast scan scores every round date exactly as scoreCrs(factorsOf(profile, date), date)', () => {
    fc.assert(
      fc.property(profileArbitrary, (profile) => {
        const fast = scoresOnPlanDates(profile, plan)
        plan.dates.forEach((date, i) => {
          expect(fast[i], `${date}`).toBe(scoreCrs(factorsOf(profile, date), date).total)
        })
      }),
      { numRuns: 60 },
    )
  })

  it('property: the fast path invites in exactly the rounds the full check says "invited"', () => {
    fc.assert(
      fc.property(profileArbitrary, (profile) => {
        const full = pastInvitations({ kind: 'profile', profile }, rounds, plan).rounds.map((c, i) => (c.outcome === 'invited' ? i : -1)).filter((i) => i >= 0)
        expect(invitedRoundIndices(profile, plan)).toEqual(full)
      }),
      { numRuns: 25 },
    )
  })

  it('property: the quick "certainly not in the category" never contradicts the eligibility engine', () => {
    const categoryRounds = rounds.filter((r) => r.type === 'category' && r.categoryId)
    let quickNos = 0
    fc.assert(
      fc.property(profileArbitrary, (profile) => {
        for (const r of categoryRounds) {
          if (!certainlyNotInCategory(profile, r.categoryId!, r.date)) continue
          quickNos++
          expect(isEligibleForCategory(profile, r.categoryId!, r.date), `${r.number} ${r.categoryId}`).toBe(false)
        }
      }),
      { numRuns: 40 },
    )
    expect(quickNos).toBeGreaterThan(100)
  })

  it("property: a category round's outcome follows the engine's three answers: no is not-eligible, can't tell (an unknown list) is never not-eligible", () => {
    // The base candidate of the eligibility tests is eligible for FSW through 2026 (so unknown lists are can't tell for it).
    fc.assert(
      fc.property(fc.oneof(fc.constant(makeProfile()), profileArbitrary), (profile) => {
        const checks = pastInvitations({ kind: 'profile', profile }, rounds, plan).rounds
        plan.rounds.forEach((r, i) => {
          if (r.type !== 'category' || !r.categoryId) return
          const c = checks[i]!
          if (c.outcome === 'not-eligible') expect(c.eligible, `${r.number}`).toBe(false)
          // The round's date is inside its version's dates for all but two rounds (categoryDate).
          if (r.categoryId && isEligibleForCategory(profile, r.categoryId, r.date) === null) {
            expect(c.eligible, `${r.number}`).toBeNull()
            expect(c.outcome, `${r.number}`).not.toBe('not-eligible')
            if (c.outcome === 'unknown') expect(c.reason).toMatch(/can't tell, The list of occupations of .* is not known/)
          }
        })
      }),
      { numRuns: 15 },
    )
  })

  const engineerChecks = pastInvitations({ kind: 'profile', profile: engineer }, rounds, plan)
  const check = (n: string) => engineerChecks.rounds.find((c) => c.number === n)!

  it.each([
    // round, score that day, outcome
    ['253', 'invited'], // 2023-07-04 general, cut-off 511
    ['254', 'invited'], // STEM 2023-1, cut-off 486: 21231 software engineers are in the STEM list
    ['252', 'not-eligible'], // healthcare
    ['91b', 'not-eligible'], // PNP round without a nomination
  ] as const)('engineer, round %s: %s', (n, outcome) => {
    const c = check(n)
    expect(c.outcome).toBe(outcome)
    expect(c.score).toBe(scoreCrs(factorsOf(engineer, round(n).date), round(n).date).total)
  })

  it('engineer: a summary per type, first and last invitation', () => {
    const s = engineerChecks.summary
    expect(s.rounds).toBe(448)
    expect(s.invited).toBe(engineerChecks.rounds.filter((c) => c.outcome === 'invited').length)
    expect(s.byType.general.invited + s.byType.program.invited + s.byType.category.invited).toBe(s.invited)
    expect(s.firstInvited).not.toBeNull()
  })

  const at = (score: number, tieBreakCutoff: string | null): PastRound => ({ ...round('253'), lowestScore: score, tieBreakCutoff })
  it.each([
    ['above the cut-off', -1, '2023-07-01T09:31:32Z', 'invited'],
    ['at the cut-off, submitted before the tie-break', 0, '2023-07-01T09:31:32Z', 'invited'],
    ['at the cut-off, submitted at the tie-break instant', 0, '2022-11-20T10:00:00Z', 'invited'],
    ['at the cut-off, submitted after the tie-break', 0, '2022-11-20T09:59:59Z', 'lost-tie-break'],
    ['at the cut-off, no tie-break published', 0, null, 'unknown'],
    ['below the cut-off', 1, '2023-07-01T09:31:32Z', 'below-cutoff'],
  ] as const)('tie-break: %s -> %s', (_name, offset, cutoff, outcome) => {
    const score = check('253').score
    const r = at(score + offset, cutoff)
    expect(pastInvitations({ kind: 'profile', profile: engineer }, [r]).rounds[0]!.outcome).toBe(outcome)
  })

  it('CrsFactors: general rounds judged on the score, category rounds reached are unknown, PNP not eligible without a nomination', () => {
    const r = pastInvitations({ kind: 'factors', factors: designFactors }, rounds)
    const get = (n: string) => r.rounds.find((c) => c.number === n)!
    const score = scoreCrs(designFactors, '2023-07-04').total
    expect(get('253')).toMatchObject({ score, outcome: score > 511 ? 'invited' : 'below-cutoff', eligible: null })
    expect(get('254').outcome).toBe('below-cutoff') // STEM, cut-off 486 above the score: eligibility does not matter
    expect(get('258')).toMatchObject({ lowestScore: 375, outcome: 'unknown' }) // French 2023-1: reached, eligibility unknown
    expect(get('91b').outcome).toBe('not-eligible')
    expect(r.notes[0]).toContain('CrsFactors hold no facts for eligibility')
  })
})

describe('(b) what-if', () => {
  const result = whatIf({ kind: 'factors', factors: designFactors }, '2026-11-25')
  const change = (code: string) => result.changes.find((c) => c.code === code)

  it('DESIGN.md example: scores 482 (the CrsResult example)', () => {
    expect(result.score).toBe(482)
  })

  it('French at NCLC 7 with English CLB 9: +50 French points and +12 second-language points = +62', () => {
    expect(change('french-nclc-7')).toMatchObject({ gain: 62, score: 544 })
  })

  it("next education level, bachelor's -> two or more: core 120 -> 128, transferability education 38 -> 50 = +20", () => {
    expect(change('education')).toMatchObject({ from: 'bachelors', to: 'two-or-more', gain: 20 })
  })

  it('one more year of Canadian work, 1 -> 2: core 40 -> 53, transferability +12 (capped) ', () => {
    expect(change('canadian-work-year')).toMatchObject({ from: 1, to: 2, gain: scoreCrs({ ...designFactors, canadianWorkYears: 2 }, '2026-11-25').total - 482 })
  })

  it('each first-language ability to CLB 10: +6 each (single, CLB 9 -> 10: 31 -> 34 ... per the table)', () => {
    for (const a of ['speaking', 'listening', 'reading', 'writing']) {
      const c = result.changes.find((x) => x.field === `firstLanguage.clb.${a}`)!
      expect(c.to).toBe(10)
      expect(c.gain).toBe(scoreCrs({ ...designFactors, firstLanguage: { language: 'english', clb: { ...designFactors.firstLanguage!.clb, [a]: 10 } } }, '2026-11-25').total - 482)
    }
  })

  it('a provincial nomination: +600, biggest first', () => {
    expect(result.changes[0]).toMatchObject({ code: 'provincial-nomination', gain: 600 })
  })

  it('property: every change listed raises the score, sorted by gain', () => {
    fc.assert(fc.property(profileArbitrary, (profile) => {
      const r = whatIf({ kind: 'profile', profile }, '2026-11-25')
      r.changes.forEach((c, i) => {
        expect(c.gain).toBeGreaterThan(0)
        expect(c.score - c.gain).toBe(r.score)
        if (i > 0) expect(c.gain).toBeLessThanOrEqual(r.changes[i - 1]!.gain)
      })
    }), { numRuns: 40 })
  })

  it('a spouse test and a swap, for a couple', () => {
    const couple = profileSchema.parse({
      ...engineer,
      maritalStatus: 'married',
      spouse: {
        accompanying: true, canadianCitizenOrPR: false, dateOfBirth: '1999-05-05',
        education: [{ level: 'doctoral', country: 'CA', programYears: 5, completedOn: '2024-05-01' }],
        languageTests: [{ test: 'celpip-general', testDate: '2025-06-14', listening: 10, reading: 10, writing: 10, speaking: 10 }],
        work: [{ noc: '21211', country: 'CA', from: '2020-01-06', to: null, hoursPerWeek: 40 }],
      },
    })
    const r = whatIf({ kind: 'profile', profile: couple }, '2026-11-25')
    const swap = swappedProfile(couple)
    expect('profile' in swap).toBe(true)
    if ('profile' in swap) {
      const gain = scoreCrs(factorsOf(swap.profile, '2026-11-25'), '2026-11-25').total - r.score
      expect(r.changes.find((c) => c.code === 'swap-applicant-and-spouse')?.gain ?? 0).toBe(Math.max(0, gain))
    }
  })

  it('a swap without the spouse facts says why it was not assessed', () => {
    const couple = profileSchema.parse({ ...engineer, maritalStatus: 'married', spouse: { accompanying: true, canadianCitizenOrPR: false } })
    expect(whatIf({ kind: 'profile', profile: couple }, '2026-11-25').notes).toContainEqual(expect.stringContaining("spouse's dateOfBirth"))
  })

  it('one more Canadian year accrues 364 days of full-time work after the job started (30 h a week counts)', () => {
    const p = profileSchema.parse({ ...engineer, work: [{ noc: '21231', country: 'CA', from: '2025-01-06', to: null, hoursPerWeek: 40 }] })
    expect(nextCanadianWorkYearOn(p, '2025-06-01')).toBe('2026-01-05')
    expect(factorsOf(p, '2026-01-04').canadianWorkYears).toBe(0)
    expect(factorsOf(p, '2026-01-05').canadianWorkYears).toBe(1)
    expect(nextCanadianWorkYearOn(profileSchema.parse({ ...engineer, work: [] }), '2025-06-01')).toBeNull()
  })

  // A job in Canada with its end date known (a post-graduation work permit, a contract) goes on until
  // that day: the year accrues on the same day as in the timeline. It was read as "no Canadian job going
  // on" (only jobs without an end were looked at), and `outlook` said so beside the year.
  it.each([
    ['a job to 2026-02-28 (after the year)', '2026-02-28', '2026-01-05'],
    ['a job to 2026-01-04 (its last day completes the year, counted the next day)', '2026-01-04', '2026-01-05'],
    ['a job to 2026-01-03 (the year falls one day short)', '2026-01-03', null],
    ['a job that ended before the day', '2025-05-31', null],
    ['a job going on (no end)', null, '2026-01-05'],
  ] as const)('one more Canadian year, %s: the day the timeline gives', (_name, to, accrues) => {
    const p = profileSchema.parse({ ...engineer, work: [{ noc: '21231', country: 'CA', from: '2025-01-06', to, hoursPerWeek: 40 }] })
    expect(nextCanadianWorkYearOn(p, '2025-06-01')).toBe(accrues)
    const w = whatIf({ kind: 'profile', profile: p }, '2025-06-01').changes.find((c) => c.code === 'canadian-work-year')
    expect(w?.accruesOn).toBe(accrues)
    const entry = timeline({ kind: 'profile', profile: p }, '2025-06-01', 3).changes.find((e) => e.reasons.some((r) => r.startsWith('Canadian work')))
    expect(entry?.date ?? null).toBe(accrues)
  })
})

describe('(b) what-if: the language scale of the first official language', () => {
  // CLB for English results, NCLC for French ones, as the unlocks and the eligibility messages say
  // (the what-if wrote "CLB" for a French first language: "french speaking from CLB 9 to 10").
  it.each([
    ['English first (CLB)', profileSchema.parse({ ...engineer, languageTests: [{ test: 'ielts-general', testDate: '2025-01-12', listening: 7, reading: 6.5, writing: 6.5, speaking: 6.5 }] }), 'CLB', 'NCLC'],
    ['French first (NCLC)', profileSchema.parse(francophone), 'NCLC', 'CLB'],
  ] as const)('%s', (_name, profile, scale, other) => {
    const changes = whatIf({ kind: 'profile', profile }, '2026-11-29').changes.filter((c) => c.code === 'first-language-ability' || c.code === 'first-language-all')
    expect(changes.length).toBeGreaterThan(0)
    for (const c of changes) {
      expect(c.description).toContain(`${scale} `)
      expect(c.description).not.toContain(`${other} `)
    }
  })
})

describe('(c) timeline', () => {
  const t = timeline({ kind: 'profile', profile: engineer }, '2026-11-25')
  it('the birthday on 2027-03-02 (32 -> 33) and the English result of 2025-01-12 expiring on 2027-01-12', () => {
    expect(t.changes.find((c) => c.date === '2027-03-02')?.reasons).toContain('age 32 -> 33')
    expect(t.changes.find((c) => c.date === '2027-01-12')?.reasons).toContain('first-language result (english) no longer valid')
  })

  it('an English (first) result of 2026-03-15 expiring on 2028-03-15 takes the TEF of 2026-06-01 with it, which has not expired: it stops counting until 2028-06-01', () => {
    const tests = [
      { test: 'ielts-general', testDate: '2026-03-15', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
      { test: 'tef-canada', testDate: '2026-06-01', listening: 420, reading: 400, writing: 390, speaking: 410 },
    ]
    const english = timeline({ kind: 'profile', profile: profileSchema.parse({ ...engineer, languageTests: tests }) }, '2026-07-01')
    const reasons = english.changes.find((c) => c.date === '2028-03-15')?.reasons ?? []
    expect(reasons).toContain('first-language result (english) no longer valid')
    expect(reasons).toContain('second-language result (french) no longer counts without a valid first-language result')
    expect(reasons.join(' ')).not.toContain('tef-canada')
    // French first: the English result is the second language and expires on its own day, the TEF later.
    const french = timeline({ kind: 'profile', profile: profileSchema.parse({ ...engineer, languageTests: tests, firstOfficialLanguage: 'french' }) }, '2026-07-01')
    expect(french.changes.find((c) => c.date === '2028-03-15')?.reasons).toContain('second-language result (english) no longer valid')
    expect(french.changes.find((c) => c.date === '2028-06-01')?.reasons).toContain('first-language result (french) no longer valid')
  })

  it('every entry is a real change, and scores chain', () => {
    let score = t.score
    for (const c of t.changes) {
      expect(c.change).not.toBe(0)
      expect(c.score - c.change).toBe(score)
      expect(c.score).toBe(scoreCrs(factorsOf(engineer, c.date), c.date).total)
      score = c.score
    }
  })

  it('CrsFactors: a note that dates need a Profile', () => {
    expect(timeline({ kind: 'factors', factors: designFactors }, '2026-11-25').notes[0]).toContain('Profile')
  })
})
