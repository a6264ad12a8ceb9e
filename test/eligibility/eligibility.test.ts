import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyProgramAnswer, categoriesInForce, categoryEligibility, eligibility, invitationProgram, isEligibleForAnyProgram, isEligibleForCategory, isEligibleForProgram, programAnswer } from '../../src/eligibility/index.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'
import { bornBeforeFacts } from '../crs/arbitraries.js'
import { celpip, job, makeProfile, tcf, unknownListCategory } from './helpers.js'

describe('eligibility(profile, asOf): the contract', () => {
  const example = profileSchema.parse(JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')))

  it('answers programs, categories in force and the invitation program', () => {
    const r = eligibility(example, '2026-03-01')
    expect(Object.keys(r)).toEqual(['asOf', 'programs', 'categories', 'invitedUnder'])
    expect(r.asOf).toBe('2026-03-01')
    expect(Object.keys(r.programs)).toEqual(['fsw', 'cec', 'fst'])
    expect(r.programs.fsw).toMatchObject({ eligible: true, points: expect.any(Number), grid: expect.any(Object), unmet: [] })
    expect(r.programs.cec).toMatchObject({ eligible: true, unmet: [] })
    expect(r.programs.fst.eligible).toBe(false)
    expect(r.categories.map((c) => c.id)).toEqual(categoriesInForce('2026-03-01').map((c) => c.id))
    expect(r.invitedUnder).toBe('cec')
    for (const c of r.categories) {
      const keys = ['id', 'label', 'eligible', ...(c.occupation ? ['occupation'] : []), 'unmet', ...(c.undecided ? ['undecided'] : []), 'confidence']
      expect(Object.keys(c)).toEqual(keys)
    }
  })

  it('gives every unmet condition a code, a message and a source with a URL', () => {
    const r = eligibility(makeProfile({ languageTests: [], work: [], education: [], settlementFundsCad: 0 }), '2026-03-01')
    const all = [...r.programs.fsw.unmet, ...r.programs.cec.unmet, ...r.programs.fst.unmet, ...r.categories.flatMap((c) => c.unmet)]
    expect(all.length).toBeGreaterThan(10)
    for (const u of all) {
      expect(u.code).toMatch(/^[a-z_]+$/)
      expect(u.message.length).toBeGreaterThan(20)
      expect(u.source.url).toMatch(/^https:\/\//)
      expect(u.source.ruleId).toMatch(/^(fsw|programs|categories)\./)
    }
    expect(r.invitedUnder).toBeNull()
  })

  it('refuses dates before Express Entry opened (2015-01-01) with rule_not_in_force', () => {
    expect(() => eligibility(makeProfile({ languageTests: [] }), '2014-12-31')).toThrow(/before .* came into force on 2015-01-01/)
  })

  it('lists no category before 2023-05-31', () => {
    expect(eligibility(makeProfile({ languageTests: [celpip(9, '2022-06-01')] }), '2023-01-01').categories).toEqual([])
  })
})

describe('the program an invitation is issued under: PNP, then CEC, FSW, FST', () => {
  const cecWork = job('21231', '2024-03-01', '2025-02-28', { country: 'CA' })
  it.each([
    { name: 'FSW only', overrides: {}, expected: 'fsw' },
    { name: 'FSW and CEC', overrides: { work: [job('21231', '2018-01-01', '2024-02-28'), cecWork] }, expected: 'cec' },
    { name: 'nominated and FSW', overrides: { provincialNomination: { province: 'ON', nominatedOn: '2026-01-10' } }, expected: 'pnp' },
    { name: 'nominated after the date', overrides: { provincialNomination: { province: 'ON', nominatedOn: '2026-03-02' } }, expected: 'fsw' },
    { name: 'nominated but eligible for no program', overrides: { provincialNomination: { province: 'ON', nominatedOn: '2026-01-10' }, languageTests: [celpip(3)] }, expected: null },
    { name: 'FST only', overrides: { languageTests: [celpip(5)], work: [job('72310', '2021-01-01', '2025-12-31')], certificateOfQualification: { noc: '72310', province: 'ON' } }, expected: 'fst' },
    { name: 'none', overrides: { languageTests: [celpip(6)] }, expected: null },
  ])('$name: $expected', ({ overrides, expected }) => {
    const p = makeProfile(overrides as never)
    expect(eligibility(p, '2026-03-01').invitedUnder).toBe(expected)
    expect(invitationProgram(p, '2026-03-01')).toBe(expected)
    expect(isEligibleForProgram(p, 'pnp', '2026-03-01')).toBe(expected === 'pnp')
  })
})

// Random profiles over the NOCs that matter: categories, trades, TEER 0-5, in Canada and abroad.
const NOCS = ['21231', '21232', '21211', '31301', '31102', '72310', '72200', '73300', '63200', '62200', '00012', '41220', '42102', '64100', '13110', '72600']
const day = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
const D2015 = 5479 // days from 2000-01-01
const D2026 = 9800
const arbJob = fc.record({
  noc: fc.constantFrom(...NOCS),
  country: fc.constantFrom('CA', 'IN', 'PH'),
  from: day(D2015, D2026),
  months: fc.integer({ min: 1, max: 60 }),
  open: fc.boolean(),
  hoursPerWeek: fc.constantFrom(10, 15, 20, 30, 40),
  selfEmployed: fc.boolean(),
  fullTimeStudent: fc.boolean(),
})
const arbProfile: fc.Arbitrary<ProfileInput> = fc.record({
  clb: fc.integer({ min: 3, max: 10 }),
  low: fc.constantFrom('speaking', 'listening', 'reading', 'writing', null),
  testDate: day(8500, D2026),
  french: fc.option(fc.integer({ min: 5, max: 9 }), { nil: null }),
  firstFrench: fc.boolean(),
  jobs: fc.array(arbJob, { maxLength: 4 }),
  // null: not said (settlementFundsCad absent; FSW and FST can't tell where funds are needed, E21).
  funds: fc.constantFrom(0, 14_000, 20_000, 60_000, null),
  married: fc.boolean(),
  children: fc.integer({ min: 0, max: 3 }),
  offer: fc.option(fc.constantFrom(...NOCS), { nil: null }),
  certificate: fc.option(fc.constantFrom('72310', '72200', '63200'), { nil: null }),
  nominated: fc.option(day(8800, D2026), { nil: null }),
  born: day(2500, 6000),
  level: fc.constantFrom('secondary', 'two-year', 'bachelors', 'masters', 'doctoral'),
}).map((r) => {
  const clb = { speaking: r.clb, listening: r.clb, reading: r.clb, writing: r.clb }
  if (r.low) clb[r.low] = Math.max(0, r.clb - 2)
  const tests = [celpip(clb, r.testDate)]
  if (r.french !== null) tests.push(tcf(r.french, r.testDate))
  return bornBeforeFacts({
    id: 'prop',
    submittedAt: '2025-01-01T00:00:00Z',
    dateOfBirth: r.born,
    maritalStatus: r.married ? 'married' : 'single',
    spouse: r.married ? { accompanying: true, canadianCitizenOrPR: false } : null,
    education: [{ level: r.level, country: 'IN', programYears: r.level === 'secondary' ? 0 : 3, completedOn: '2014-06-01', eca: { organization: 'WES', issuedOn: '2023-06-01' } }],
    languageTests: tests,
    firstOfficialLanguage: r.firstFrench && r.french !== null ? 'french' : 'english',
    work: r.jobs.map((j) => {
      const to = new Date(Date.parse(j.from) + j.months * 30 * 86_400_000).toISOString().slice(0, 10)
      return { noc: j.noc, country: j.country, from: j.from, to: j.open ? null : to, hoursPerWeek: j.hoursPerWeek, selfEmployed: j.selfEmployed, fullTimeStudent: j.fullTimeStudent }
    }),
    certificateOfQualification: r.certificate ? { noc: r.certificate, province: 'AB' } : null,
    provincialNomination: r.nominated ? { province: 'BC', nominatedOn: r.nominated } : null,
    jobOffer: r.offer ? { noc: r.offer, lmiaExempt: false } : null,
    ...(r.funds === null ? {} : { settlementFundsCad: r.funds }),
    dependentChildren: r.children,
  } satisfies ProfileInput)
})
const arbDate = fc.constantFrom('2023-06-01', '2024-01-15', '2024-02-29', '2025-03-01', '2025-07-07', '2025-12-08', '2026-02-17', '2026-02-18', '2026-08-01', '2026-11-25')
const parse = (p: ProfileInput): Profile => profileSchema.parse(p)

describe('properties', () => {
  it('the fast helpers agree with the full result', () => {
    fc.assert(
      fc.property(arbProfile, arbDate, (input, asOf) => {
        const p = parse(input)
        const r = eligibility(p, asOf)
        const answers = [r.programs.fsw.eligible, r.programs.cec.eligible, r.programs.fst.eligible]
        const any = answers.includes(true) ? true : answers.includes(null) ? null : false
        for (const program of ['fsw', 'cec', 'fst'] as const) {
          // isEligibleForProgram: a certain yes only; programAnswer: the three-valued answer.
          expect(isEligibleForProgram(p, program, asOf)).toBe(r.programs[program].eligible === true)
          expect(programAnswer(p, program, asOf)).toBe(r.programs[program].eligible)
        }
        expect(isEligibleForAnyProgram(p, asOf)).toBe(any === true)
        expect(anyProgramAnswer(p, asOf)).toBe(any)
        expect(isEligibleForProgram(p, 'pnp', asOf)).toBe(r.invitedUnder === 'pnp')
        const nominated = p.provincialNomination !== null && p.provincialNomination.nominatedOn <= asOf
        expect(programAnswer(p, 'pnp', asOf)).toBe(nominated ? any : false)
        for (const c of r.categories) expect(isEligibleForCategory(p, c.id, asOf)).toBe(c.eligible)
      }),
      { numRuns: 300 },
    )
  })

  it("eligible exactly when nothing is unmet or undecided; can't tell only for an unknown list or an undecided condition; a category needs a program; an occupation only when eligible by occupation", () => {
    fc.assert(
      fc.property(arbProfile, arbDate, (input, asOf) => {
        const p = parse(input)
        const r = eligibility(p, asOf)
        for (const x of [r.programs.fsw, r.programs.cec, r.programs.fst]) {
          // A failed condition wins over an unknown one: no when something fails, can't tell when nothing
          // fails but the funds are not given (the only undecided condition), else yes.
          const undecided = ('undecided' in x ? x.undecided : undefined) ?? []
          expect(x.eligible).toBe(x.unmet.length > 0 ? false : undecided.length > 0 ? null : true)
          if (x.eligible !== null) expect('undecided' in x ? x.undecided : undefined).toBeUndefined()
          for (const u of undecided) expect(u.code).toBe('settlement_funds_unknown')
          if (x.eligible === null) expect(p.settlementFundsCad).toBeUndefined()
        }
        expect(r.programs.cec.eligible).not.toBeNull()
        const answers = [r.programs.fsw.eligible, r.programs.cec.eligible, r.programs.fst.eligible]
        const any = answers.includes(true) ? true : answers.includes(null) ? null : false
        for (const c of r.categories) {
          const undecided = c.undecided ?? []
          expect(c.eligible === true, c.id).toBe(c.unmet.length === 0 && undecided.length === 0)
          // null (can't tell) only for a profile eligible for a program or that can't tell for one, with its
          // reasons: the list is not known, or nothing fails but a condition cannot be decided from the
          // profile (skilled military recruits; the funds of the only programs possible, E21).
          if (c.eligible === null) {
            expect(any).not.toBe(false)
            if (undecided.length === 0) expect(c.unmet.map((u) => u.code)).toEqual(['category_list_unknown'])
            else expect(c.unmet).toEqual([])
            if (any === null && c.unmet.length === 0) expect(undecided.some((u) => u.code === 'settlement_funds_unknown')).toBe(true)
          }
          if (c.eligible) expect(any).toBe(true)
          if (c.occupation) expect(c.occupation.months).toBeGreaterThanOrEqual(5.9)
        }
        expect(r.programs.fsw.points).toBe(Object.values(r.programs.fsw.grid).reduce((a, b) => a + b, 0))
        expect(r.programs.fsw.points).toBeLessThanOrEqual(100)
        // An invitation program only for a certain yes; when none can be named because a program before
        // the first yes can't tell, the candidates are listed; eligible for none: null and nothing listed.
        if (r.invitedUnder !== null) expect(any).toBe(true)
        if (any === false) expect([r.invitedUnder, r.invitedUnderUndecided]).toEqual([null, undefined])
        if (r.invitedUnder === null && any !== false) expect(r.invitedUnderUndecided!.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })

  it("a category whose list is not known is can't tell (null) exactly when the profile is eligible for a program, else no", () => {
    const unknown = unknownListCategory()
    fc.assert(
      fc.property(arbProfile, arbDate, (input, asOf) => {
        const p = parse(input)
        const expected = anyProgramAnswer(p, asOf) === false ? false : null
        expect(isEligibleForCategory(p, unknown, asOf)).toBe(expected)
        expect(categoryEligibility(p, unknown, asOf)!.eligible).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('stating enough funds never turns a yes into a no or a can\'t tell, and turns every can\'t tell into a yes or a no', () => {
    fc.assert(
      fc.property(arbProfile, arbDate, fc.constantFrom(0, 14_000, 1_000_000), (input, asOf, stated) => {
        const { settlementFundsCad: _, ...unsaid } = input
        const before = eligibility(parse(unsaid), asOf)
        const said = eligibility(parse({ ...unsaid, settlementFundsCad: stated }), asOf)
        const rich = eligibility(parse({ ...unsaid, settlementFundsCad: 1_000_000 }), asOf)
        for (const program of ['fsw', 'cec', 'fst'] as const) {
          // Any amount said decides; a yes without funds stays a yes with any amount (funds were not needed).
          expect(said.programs[program].eligible).not.toBeNull()
          if (before.programs[program].eligible === true) expect(said.programs[program].eligible).toBe(true)
          if (before.programs[program].eligible === false) expect(rich.programs[program].eligible).toBe(false)
          if (before.programs[program].eligible === null) expect(rich.programs[program].eligible).toBe(true)
        }
        // The same for the categories: a can't tell caused only by the funds is decided once they are said.
        for (const c of before.categories) {
          const d = rich.categories.find((x) => x.id === c.id)!
          if (c.eligible === true) expect(d.eligible).toBe(true)
          if (c.eligible === null && (c.undecided ?? []).every((u) => u.code === 'settlement_funds_unknown') && c.unmet.length === 0) expect(d.eligible).not.toBeNull()
        }
      }),
      { numRuns: 200 },
    )
  })

  it('more settlement funds or a higher CLB never make a program ineligible', () => {
    fc.assert(
      fc.property(arbProfile, arbDate, (input, asOf) => {
        const before = eligibility(parse(input), asOf).programs
        const richer = eligibility(parse({ ...input, settlementFundsCad: 1_000_000 }), asOf).programs
        const better = eligibility(parse({ ...input, languageTests: input.languageTests!.map((t) => (t.test === 'celpip-general' ? { ...t, speaking: 10, listening: 10, reading: 10, writing: 10 } : t)) }), asOf).programs
        for (const program of ['fsw', 'cec', 'fst'] as const) {
          if (before[program].eligible !== false) expect(richer[program].eligible).not.toBe(false)
          if (before[program].eligible) {
            expect(richer[program].eligible).toBe(true)
            if (input.firstOfficialLanguage === 'english') expect(better[program].eligible).toBe(true)
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('answers the same whatever was asked before (the per-date memos never leak between dates)', () => {
    fc.assert(
      fc.property(arbProfile, arbProfile, arbDate, arbDate, (a, b, d1, d2) => {
        const pa = parse(a)
        const pb = parse(b)
        const first = JSON.stringify(eligibility(pa, d1))
        eligibility(pb, d2)
        isEligibleForAnyProgram(pb, d2)
        expect(JSON.stringify(eligibility(pa, d1))).toBe(first)
        expect(JSON.stringify(eligibility(parse(a), d1))).toBe(first)
      }),
      { numRuns: 100 },
    )
  })

  it('a category version out of force, or unknown, is never eligible', () => {
    fc.assert(
      fc.property(arbProfile, arbDate, (input, asOf) => {
        const p = parse(input)
        const inForce = new Set(categoriesInForce(asOf).map((c) => c.id))
        for (const id of ['stem-2023-1', 'trade-2025', 'transport-2026', 'physicians-canadian-experience', 'no-such-category']) {
          if (!inForce.has(id)) expect(isEligibleForCategory(p, id, asOf)).toBe(false)
        }
      }),
      { numRuns: 100 },
    )
  })
})
