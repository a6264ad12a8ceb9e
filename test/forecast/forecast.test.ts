import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { factorsOf, scoreCrs } from '../../src/crs/index.js'
import fc from 'fast-check'
import { addDays, addYears, LAST_DAY } from '../../src/domain/dates.js'
import { isExpressEntryError } from '../../src/errors.js'
import { forecast } from '../../src/forecast/index.js'
import { candidateTrack, eligibleFor } from '../../src/forecast/candidate.js'
import { eligibility } from '../../src/eligibility/index.js'
import { loadRounds } from '../../src/history/load.js'
import { AREA_LAST_VERIFIED } from '../../src/rules/verified.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { cecProfile, cecRound, neverEligible, steadyCecRecord } from './helpers.js'

const rounds = loadRounds()
const recordEnd = rounds[rounds.length - 1]!.date
const asOf = addDays(recordEnd, 1)

describe('forecast on the shipped record', () => {
  it('is seeded: the same input and seed give the same answer; another seed another sample', () => {
    const profile = cecProfile(asOf)
    const a = forecast({ kind: 'profile', profile }, rounds, { asOf, seed: 7, paths: 400 })
    const b = forecast({ kind: 'profile', profile }, rounds, { asOf, seed: 7, paths: 400 })
    const c = forecast({ kind: 'profile', profile }, rounds, { asOf, seed: 8, paths: 400 })
    expect(b).toEqual(a)
    expect(c.model.seed).toBe(8)
    expect(JSON.stringify(c.rounds)).not.toBe(JSON.stringify(a.rounds))
  })

  it('has the contract shape: probabilities in [0, 1], within-days non-decreasing, cut-off percentiles ordered', () => {
    const f = forecast({ kind: 'profile', profile: cecProfile(asOf) }, rounds, { asOf, horizonDays: 180 })
    expect(f.horizonDays).toBe(180)
    expect(f.probability).toBe(f.within['180'])
    expect(f.within['30']).toBeLessThanOrEqual(f.within['90'])
    expect(f.within['90']).toBeLessThanOrEqual(f.within['180'])
    expect(f.within['180']).toBeLessThanOrEqual(f.within['365'])
    expect(f.curve).toHaveLength(12)
    for (let i = 1; i < 12; i++) expect(f.curve[i]!.probability).toBeGreaterThanOrEqual(f.curve[i - 1]!.probability)
    expect(f.model.recordUntil).toBe(recordEnd)
    for (const r of f.rounds) if (r.cutoff) expect(r.cutoff.p10 <= r.cutoff.p50 && r.cutoff.p50 <= r.cutoff.p90).toBe(true)
    expect(f.rounds.map((r) => r.type)).toContain('program:cec')
  })

  it('a profile never eligible for anything gets probability 0 with the reason', () => {
    const f = forecast({ kind: 'profile', profile: neverEligible(asOf) }, rounds, { asOf })
    expect(f.probability).toBe(0)
    expect(f.within['365']).toBe(0)
    expect(f.first).toBeNull()
    expect(f.reasons[0]).toMatchObject({ code: 'never_eligible', message: expect.stringMatching(/not eligible for any round type/) })
    expect(f.reasons.filter((r) => r.code === 'program_unmet').map((r) => r.params?.program)).toEqual(expect.arrayContaining(['fsw', 'cec']))
    for (const r of f.reasons.filter((x) => x.code === 'program_unmet')) expect(r.unmet!.length, String(r.params?.program)).toBeGreaterThan(0)
    expect(f.rounds.every((r) => r.eligible === false && r.chance === 0)).toBe(true)
  })

  it('a profile eligible for FSW only, in a year of no general or FSW round, is told so, and why each category held is not open', () => {
    // A truck driver abroad (NOC 73300, not on the transport list of 2026), bachelor's with an ECA, CLB 9: FSW, nothing else.
    const driver = cecProfile(asOf, { education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2014-04-30', eca: { organization: 'WES', issuedOn: '2025-01-01' } }], work: [{ noc: '73300', country: 'IN', from: '2018-01-01', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }] })
    expect(eligibility(driver, asOf).invitedUnder).toBe('fsw')
    const f = forecast({ kind: 'profile', profile: driver }, rounds, { asOf })
    expect(f.within['365']).toBe(0)
    const codes = f.reasons.map((r) => r.code)
    expect(codes.slice(0, 2)).toEqual(['never_eligible', 'program_rounds_not_held'])
    expect(codes).not.toContain('program_unmet')
    const lastFsw = rounds.filter((r) => r.date < asOf && (r.type === 'general' || (r.type === 'program' && r.program === 'fsw'))).at(-1)!.date
    expect(f.reasons[1]).toMatchObject({ params: { programs: 'fsw', lastRound: lastFsw }, message: expect.stringMatching(/^eligible for FSW on this day, but no general or FSW round was held in the year before it/) })
    // Each category held in the year: its own conditions, as eligibility() gives them.
    const transport = f.reasons.find((r) => r.code === 'category_unmet' && r.params?.category === 'category:transport')!
    expect(transport.unmet!.map((u) => u.code)).toEqual(['category_experience_insufficient'])
    expect(f.reasons.filter((r) => r.code === 'category_unmet').map((r) => r.params!.category).sort()).toEqual(f.rounds.filter((r) => r.type.startsWith('category:')).map((r) => r.type).sort())
  })

  it('a provincial nominee is all but certain to be invited within 90 days', () => {
    const profile = cecProfile(asOf, { provincialNomination: { province: 'ON', nominatedOn: addDays(asOf, -10) } })
    const f = forecast({ kind: 'profile', profile }, rounds, { asOf })
    expect(f.score).toBeGreaterThan(1000)
    expect(f.within['90']).toBeGreaterThanOrEqual(0.95)
    expect(f.first?.type).toMatch(/program:(pnp|cec)|general/)
    expect(f.rounds.find((r) => r.type === 'program:pnp')?.eligible).toBe(true)
  })

  it('CrsFactors get the general, score-only part and say what they cannot know', () => {
    const factors = factorsOf(cecProfile(asOf), asOf)
    const f = forecast({ kind: 'factors', factors }, rounds, { asOf })
    expect(f.input).toBe('factors')
    expect(f.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['factors_no_programs', 'factors_no_dates']))
    expect(f.notes.map((n) => n.message).join(' ')).toMatch(/CrsFactors say nothing of programs or categories/)
    expect(f.rounds.find((r) => r.type === 'program:cec')?.eligible).toBeNull()
  })
})

describe('forecast: what it uses', () => {
  it('a forecast from a day is unchanged when later rounds are appended to the record', () => {
    const day = '2025-06-01'
    const cut = rounds.filter((r) => r.date < day)
    const profile = cecProfile(day)
    const before = forecast({ kind: 'profile', profile }, cut, { asOf: day })
    const after = forecast({ kind: 'profile', profile }, rounds, { asOf: day })
    expect(after).toEqual(before)
    expect(after.model.recordUntil! < day).toBe(true)
  })

  it('a birthday that drops the score below the likely cut-off lowers the probability', () => {
    // Two identical candidates but for the day of birth: one turns 30 in 10 days (age points fall),
    // the other in 200 days (after the 90-day horizon). CEC cut-offs sit between their scores.
    const day = '2026-01-15'
    const soon = cecProfile(day, { dateOfBirth: addDays(addYears(day, -30), 10) })
    const later = cecProfile(day, { dateOfBirth: addDays(addYears(day, -30), 200) })
    const now = scoreCrs(factorsOf(soon, day), day).total
    const afterBirthday = scoreCrs(factorsOf(soon, addDays(day, 11)), addDays(day, 11)).total
    expect(scoreCrs(factorsOf(later, day), day).total).toBe(now)
    expect(afterBirthday).toBeLessThan(now)
    const record = steadyCecRecord(day, now - 1, 0)
    const pSoon = forecast({ kind: 'profile', profile: soon }, record, { asOf: day }).within['90']
    const pLater = forecast({ kind: 'profile', profile: later }, record, { asOf: day }).within['90']
    expect(pLater).toBeGreaterThan(0.9)
    expect(pSoon).toBeLessThan(pLater - 0.2)
  })

  it('a record with no round in the past year gives probability 0 and says so', () => {
    const record = steadyCecRecord('2024-01-01', 480)
    const last = record.at(-1)!.date
    const f = forecast({ kind: 'profile', profile: cecProfile('2026-01-15') }, record, { asOf: '2026-01-15' })
    expect(f.probability).toBe(0)
    // A record cut at a past day is taken as whole to the day looked from: what it lacks is said as such, not as a fact.
    expect(f.reasons[0]).toMatchObject({ code: 'no_recent_rounds', params: { lastRound: last }, message: `the record holds no round in the year before this day (its last: ${last}): it gives nothing to forecast from. If IRCC held rounds since, this record lacks them: refresh it (express-entry rounds update)` })
  })

  it("before the record's first round (Express Entry's first, 2015-01-31): nothing to forecast from, and no refresh suggested", () => {
    const f = forecast({ kind: 'profile', profile: cecProfile('2015-01-10', { dateOfBirth: '1985-03-10', education: [{ level: 'masters', country: 'CA', programYears: 2, completedOn: '2012-04-30' }], work: [{ noc: '21231', country: 'CA', from: '2012-06-01', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }] }) }, rounds, { asOf: '2015-01-10' })
    expect(f.probability).toBe(0)
    expect(f.reasons).toEqual([{ code: 'no_recent_rounds', params: { lastRound: '', firstRound: rounds[0]!.date }, message: `the record holds no round before this day (its first: ${rounds[0]!.date}): it gives nothing to forecast from` }])
  })

  it("says when the days it scores reach past the day the rules were last verified, and not before", () => {
    const late = forecast({ kind: 'profile', profile: cecProfile('2026-11-30') }, rounds, { asOf: '2026-11-30' })
    expect(late.notes.find((n) => n.code === 'rules_not_verified')).toMatchObject({ params: { lastVerified: AREA_LAST_VERIFIED.crs } })
    // A year from 2025-06-01 ends before the rules were last verified.
    const early = forecast({ kind: 'profile', profile: cecProfile('2025-06-01') }, rounds, { asOf: '2025-06-01' })
    expect(early.notes.some((n) => n.code === 'rules_not_verified')).toBe(false)
  })
})

describe("forecast: can't tell is bounded, never shown as a no", () => {
  it("CrsFactors whose only open rounds are can't-tell types: the reason says can't tell, with the chance if they were open", () => {
    // The general rounds stopped in 2024: on the shipped record only program and category rounds are held.
    const factors = { ...factorsOf(cecProfile(asOf), asOf), provincialNomination: false }
    const f = forecast({ kind: 'factors', factors }, rounds, { asOf })
    expect(f.rounds.some((r) => r.type === 'general')).toBe(false)
    expect(f.probability).toBe(0)
    expect(f.reasons.map((r) => r.code)).toEqual(['cant_tell_eligibility'])
    expect(f.reasons[0]!.message).toMatch(/^open to no round type that can be told .*can't tell for .*Canadian Experience Class.*the chance within 90 days would be \d+%$/)
    expect(f.ifOpen).not.toBeNull()
    expect(f.ifOpen!.types).toContain('program:cec')
    expect(f.ifOpen!.probability).toBeGreaterThan(0.5)
    expect(f.reasons[0]!.params?.probability).toBe(f.ifOpen!.probability)
    const cec = f.rounds.find((r) => r.type === 'program:cec')!
    expect(cec.eligible).toBeNull()
    expect(cec.chance).toBe(0)
    expect(cec.chanceIfOpen).toBeGreaterThan(0)
  })

  it("the reason names the can't-tell types in the order the rounds are listed (next round first), as the headline does (examples/factors.json)", () => {
    const day = '2026-11-30'
    const factors = JSON.parse(readFileSync('examples/factors.json', 'utf8')) as unknown
    const f = forecast({ kind: 'factors', factors: factors as never }, rounds, { asOf: day })
    const reason = f.reasons.find((r) => r.code === 'cant_tell_eligibility')!
    expect(reason).toBeDefined()
    const listed = f.rounds.filter((r) => r.eligible === null)
    expect(reason.params?.types).toBe(listed.map((r) => r.type).join(','))
    expect(reason.message).toContain(`can't tell for ${listed.map((r) => r.label).join(', ')}:`)
  })

  it("a category eligibility() can't decide for a Profile is can't tell on every day of the track, and counted in the bound", () => {
    // An offer from the Canadian Forces Recruiting Group, the service in a foreign military not said.
    const recruit = cecProfile(asOf, { jobOffer: { noc: '40042', lmiaExempt: true, employer: 'canadian-forces-recruiting-group', termYears: 3 } })
    const military = eligibility(recruit, asOf).categories.find((c) => c.id === 'military-2026')!
    expect([military.eligible, military.undecided?.map((u) => u.code)]).toEqual([null, ['military_service_unknown']])
    const track = candidateTrack({ kind: 'profile', profile: recruit }, asOf, { days: 365 })
    // The birthday (03-10) and the years of work move the score within the year: several samples, each can't tell.
    expect(track.samples.length).toBeGreaterThan(1)
    for (const s of track.samples) expect(eligibleFor(track, s, 'category:military')).toBeNull()
    const f = forecast({ kind: 'profile', profile: recruit }, rounds, { asOf })
    // Round 430 (2026-07-23) holds the type in the year looked back on.
    expect(f.rounds.find((r) => r.type === 'category:military')?.eligible).toBeNull()
    expect(f.ifOpen!.types).toContain('category:military')
  })

  it("a Profile without funds whose only program is FSW (E21): the rounds open through it are can't tell, bounded, never a no; with funds said they are open", () => {
    // A nominee working abroad: FSW is the only program; PNP rounds are held in the year looked back on.
    const { settlementFundsCad: _, ...unsaid } = cecProfile(asOf, {
      work: [{ noc: '21231', country: 'IN', from: '2018-01-01', to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }],
      provincialNomination: { province: 'ON', nominatedOn: addDays(asOf, -30) },
    })
    const r = eligibility(unsaid, asOf)
    expect([r.programs.fsw.eligible, r.programs.cec.eligible, r.invitedUnder, r.invitedUnderUndecided]).toEqual([null, false, null, ['pnp', 'fsw']])
    const track = candidateTrack({ kind: 'profile', profile: unsaid }, asOf, { days: 365 })
    for (const s of track.samples) for (const type of ['general', 'program:fsw', 'program:pnp'] as const) expect(eligibleFor(track, s, type), type).toBeNull()
    expect(track.samples[0]!.programsUnmet).toEqual([])
    const f = forecast({ kind: 'profile', profile: unsaid }, rounds, { asOf })
    const pnp = f.rounds.find((x) => x.type === 'program:pnp')!
    expect([pnp.eligible, pnp.chance]).toEqual([null, 0])
    expect(pnp.chanceIfOpen).toBeGreaterThan(0)
    expect(f.ifOpen!.types).toContain('program:pnp')
    expect(f.reasons.map((x) => x.code)).toEqual(['cant_tell_eligibility'])
    // Said: the same rounds are open, and the bound was the answer.
    const said = forecast({ kind: 'profile', profile: { ...unsaid, settlementFundsCad: 40_000 } }, rounds, { asOf })
    expect(said.rounds.find((x) => x.type === 'program:pnp')!.eligible).toBe(true)
    expect(said.probability).toBeGreaterThan(0)
  })

  it('a Profile whose every type can be told has no bound, and never-eligible stays never-eligible', () => {
    const f = forecast({ kind: 'profile', profile: neverEligible(asOf) }, rounds, { asOf })
    expect(f.ifOpen).toBeNull()
    expect(f.rounds.every((r) => r.chanceIfOpen === null)).toBe(true)
    expect(f.reasons[0]!.code).toBe('never_eligible')
  })

  it('the chance if open is never below the chance counted as not open (random CrsFactors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 50 }), fc.integer({ min: 4, max: 10 }), fc.integer({ min: 0, max: 5 }), fc.boolean(), (age, clb, canadianWorkYears, nominated) => {
        const base = factorsOf(cecProfile(asOf), asOf)
        const factors = { ...base, age, canadianWorkYears, provincialNomination: nominated, firstLanguage: { language: 'english' as const, clb: { speaking: clb, listening: clb, reading: clb, writing: clb } } }
        const f = forecast({ kind: 'factors', factors }, rounds, { asOf, paths: 200 })
        expect(f.ifOpen).not.toBeNull()
        for (const d of ['30', '90', '180', '365'] as const) expect(f.ifOpen!.within[d]).toBeGreaterThanOrEqual(f.within[d])
        for (const r of f.rounds) if (r.chanceIfOpen !== null) expect(r.chanceIfOpen).toBeGreaterThanOrEqual(r.chance)
      }),
      { numRuns: 15 },
    )
  })

  it('a profile open to nothing today but open later says from when, and names the facts dated after the day', () => {
    // examples/profile.json's own English test is dated 2025-08-02: before it, no program is open.
    const profile = cecProfile('2025-03-25', { languageTests: [{ test: 'celpip-general', testDate: '2025-08-02', listening: 9, reading: 9, writing: 9, speaking: 9 }] })
    const f = forecast({ kind: 'profile', profile }, rounds, { asOf: '2025-03-25' })
    expect(f.within['90']).toBe(0)
    expect(f.within['365']).toBeGreaterThan(0)
    expect(f.reasons).toEqual([expect.objectContaining({ code: 'not_open_yet', params: { date: '2025-08-02', types: expect.stringContaining('program:cec') } })])
    expect(f.notes.find((n) => n.code === 'facts_after_as_of')).toMatchObject({ params: { count: 1, first: '2025-08-02', paths: 'languageTests.0.testDate' } })
    // From a day after every fact, no such note.
    expect(forecast({ kind: 'profile', profile }, rounds, { asOf: '2025-08-03' }).notes.some((n) => n.code === 'facts_after_as_of')).toBe(false)
  })

  it('a round type closed on the day but open later says from when (opensOn), so "not open" beside a chance above 0 is not a contradiction', () => {
    // Not open to CEC (nor anything) before the test of 2025-08-02; then open to CEC: "no, from 2025-08-02".
    const profile = cecProfile('2025-03-25', { languageTests: [{ test: 'celpip-general', testDate: '2025-08-02', listening: 9, reading: 9, writing: 9, speaking: 9 }] })
    const f = forecast({ kind: 'profile', profile }, rounds, { asOf: '2025-03-25', paths: 200 })
    const cec = f.rounds.find((r) => r.type === 'program:cec')!
    expect({ eligible: cec.eligible, opensOn: cec.opensOn }).toEqual({ eligible: false, opensOn: '2025-08-02' })
    // A type open on the day has no opening day; one never open within the year neither.
    const later = forecast({ kind: 'profile', profile }, rounds, { asOf: '2025-08-03', paths: 200 })
    expect(later.rounds.find((r) => r.type === 'program:cec')).toMatchObject({ eligible: true, opensOn: null })
    expect(later.rounds.find((r) => r.type === 'program:pnp')).toMatchObject({ eligible: false, opensOn: null })
    // Every type with a chance above 0 is open on the day, or says when it opens.
    for (const x of [f, later]) for (const r of x.rounds) if (r.chance > 0) expect(r.eligible === true || r.opensOn !== null, r.type).toBe(true)
  })
})

describe('forecast: why the chance within the horizon is 0', () => {
  // CEC rounds seldom held (two, 355 and 360 days before the day): a day's horizon holds none.
  const day = '2026-03-01'
  const cases = [
    { name: 'a score over the cut-offs, a horizon too short for the next round', cutoff: 450, horizonDays: 1, code: 'no_round_within_horizon' },
    { name: 'a score under every cut-off', cutoff: 700, horizonDays: 1, code: 'below_expected_cutoffs' },
  ] as const
  it('open to nothing yet, and once open still under the cut-offs: both are said, with the score on the day it opens', () => {
    // 11 months of Canadian work: CEC opens in a month; the steady CEC rounds sit far above the score.
    const profile = cecProfile(day, { work: [{ noc: '21231', country: 'CA', from: addDays(day, -335), to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }] })
    const high = forecast({ kind: 'profile', profile }, steadyCecRecord(day, 700), { asOf: day })
    expect(high.within['365']).toBe(0)
    expect(high.reasons.map((r) => r.code)).toEqual(['not_open_yet', 'below_expected_cutoffs'])
    const opens = String(high.reasons[0]!.params!.date)
    expect(high.reasons[1]).toMatchObject({ params: { date: opens, score: expect.any(Number) }, message: expect.stringMatching(new RegExp(`^once open, on ${opens}, the score \\d+ is below the cut-offs expected for the rounds open to the candidate \\(Canadian Experience Class: \\d+-\\d+\\)$`)) })
    // Under cut-offs it clears once open, a horizon ending before it opens: not_open_yet alone.
    const low = forecast({ kind: 'profile', profile }, steadyCecRecord(day, 300), { asOf: day, horizonDays: 14 })
    expect(low.within['365']).toBeGreaterThan(0)
    expect(low.reasons.map((r) => r.code)).toEqual(['not_open_yet'])
  })

  it.each(cases)('$name: $code', ({ cutoff, horizonDays, code }) => {
    const rounds = [cecRound(addDays(day, -360), cutoff), cecRound(addDays(day, -355), cutoff + 2)]
    const f = forecast({ kind: 'profile', profile: cecProfile(day) }, rounds, { asOf: day, horizonDays, paths: 200 })
    expect(f.probability).toBe(0)
    expect(f.reasons.map((r) => r.code)).toEqual([code])
    if (code === 'no_round_within_horizon') {
      expect(f.score).toBeGreaterThan(cutoff + 20)
      expect(f.within['365']).toBeGreaterThan(0)
      expect(f.reasons[0]).toMatchObject({ params: { days: 1, types: 'program:cec', within365: f.within['365'] }, message: expect.stringMatching(/^no round likely to invite the candidate is expected within 1 day: the next that may \(Canadian Experience Class, around \d{4}-\d\d-\d\d: 100%\) come later/) })
    }
  })
})

describe('forecast: the day the candidate stops being open to any round type is said', () => {
  // A steady CEC record the candidate's score (CLB 9, master's) clears, from 2026-03-01.
  const day = '2026-03-01'
  const record = steadyCecRecord(day, 450, 2)
  const test = (testDate: string) => ({ test: 'celpip-general' as const, testDate, listening: 9, reading: 9, writing: 9, speaking: 9 })
  const cases: readonly { name: string; tests: ReturnType<typeof test>[]; date: string | null; reopens?: string }[] = [
    // The test taken 2024-05-01 is valid to 2026-04-30: from 2026-05-01 no program is open.
    { name: 'the only language test expires inside the span', tests: [test('2024-05-01')], date: '2026-05-01', reopens: '' },
    { name: 'a new test booked after the old one expires opens the rounds again', tests: [test('2024-05-01'), test('2026-07-15')], date: '2026-05-01', reopens: '2026-07-15' },
    { name: 'a test valid past the span', tests: [test('2025-12-01')], date: null },
  ]
  it.each(cases)('$name', ({ tests, date, reopens }) => {
    const f = forecast({ kind: 'profile', profile: cecProfile(day, { languageTests: tests }) }, record, { asOf: day })
    const note = f.notes.find((n) => n.code === 'eligibility_ends')
    if (date === null) {
      expect(note).toBeUndefined()
      return
    }
    expect(note).toMatchObject({ params: { date, types: expect.stringContaining('program:cec'), reopens } })
    expect(note!.message).toMatch(new RegExp(`^open to Canadian Experience Class through ${addDays(date, -1)}; from ${date} open to none`))
    // What closes it, as eligibility() says it: CEC's language result, no longer valid.
    expect(note!.unmet).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'no_language_result', params: expect.objectContaining({ program: 'cec' }) })]))
    // And the chance stops growing on the days it is closed.
    if (!reopens) for (const c of f.curve.filter((x) => x.date >= date)) expect(c.probability).toBe(f.curve.find((x) => x.date >= date)!.probability)
  })

  it("the score's changes in the span are said, on the days and at the scores the forecast follows", () => {
    // examples/profile.json from 2026-11-30: the TEF (2025-03-22) expires, a birthday (04-18), a fourth
    // year of Canadian work, the spouse's CELPIP and the IELTS (2025-08-02) expire within the year.
    const example = profileSchema.parse(JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')))
    const day = '2026-11-30'
    const f = forecast({ kind: 'profile', profile: example }, rounds, { asOf: day, recordCurrentTo: '2026-10-01' })
    const note = f.notes.find((n) => n.code === 'score_changes')!
    expect(note.params).toEqual({ days: 365, dates: '2027-03-22,2027-04-18,2027-05-27,2027-06-14,2027-08-02', scores: '552,547,554,542,392' })
    expect(note.message).toMatch(/547 from 2027-04-18 \(age 30 -> 31\)/)
    // One answer: each is where the candidate's track, which the chances are counted on, changes its score.
    const track = candidateTrack({ kind: 'profile', profile: example }, day, { days: 365 })
    const steps = track.samples.filter((s, i) => i > 0 && s.score !== track.samples[i - 1]!.score).map((s) => `${addDays(day, s.offset)}:${s.score}`)
    expect(steps).toEqual(String(note.params!.dates).split(',').map((d, i) => `${d}:${String(note.params!.scores).split(',')[i]}`))
    // Nothing that scores changes within the year (aged 25, no test, no work): no note; nor for CrsFactors.
    const steady = cecProfile(day, { dateOfBirth: '2001-06-01', languageTests: [], work: [] })
    expect(forecast({ kind: 'profile', profile: steady }, rounds, { asOf: day }).notes.some((n) => n.code === 'score_changes')).toBe(false)
    expect(forecast({ kind: 'factors', factors: factorsOf(example, day) }, rounds, { asOf: day }).notes.some((n) => n.code === 'score_changes')).toBe(false)
  })

  it('not said of a candidate never open, nor of CrsFactors', () => {
    expect(forecast({ kind: 'profile', profile: neverEligible(day) }, record, { asOf: day }).notes.some((n) => n.code === 'eligibility_ends')).toBe(false)
    const factors = factorsOf(cecProfile(day, { languageTests: [test('2024-05-01')] }), day)
    expect(forecast({ kind: 'factors', factors }, record, { asOf: day }).notes.some((n) => n.code === 'eligibility_ends')).toBe(false)
  })
})

describe('forecast: days it cannot forecast from', () => {
  const profile = cecProfile(asOf)
  const refusal = (day: string, currentTo?: string) => {
    try {
      forecast({ kind: 'profile', profile }, rounds, { asOf: day, ...(currentTo ? { recordCurrentTo: currentTo } : {}) })
    } catch (e) {
      if (isExpressEntryError(e, 'invalid_input')) return e.details.issues
      throw e
    }
    return null
  }

  it("more than a year past the day the record is whole: can't tell, on asOf", () => {
    const whole = recordEnd
    expect(refusal(addDays(whole, 366), whole)).toBeNull()
    expect(refusal(addDays(whole, 367), whole)).toEqual([
      { path: 'asOf', value: addDays(whole, 367), message: `can't tell: the record holds IRCC's rounds to ${whole}, 366 days before ${addDays(whole, 367)}; with more than a year of rounds unseen there is nothing to forecast from. Refresh the record (express-entry rounds update), or look from a day within a year of it` },
    ])
  })

  it('a look ahead past the last day of the calendar is refused on asOf, not a date error from inside', () => {
    const issues = refusal(LAST_DAY)
    expect(issues).toEqual([{ path: 'asOf', value: LAST_DAY, message: expect.stringMatching(/^the forecast looks 365 days ahead of the day, past 9999-12-31, the last day of the calendar this engine handles: look from a day on or before 9998-12-31$/) }])
  })
})
