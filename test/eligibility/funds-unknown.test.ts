/**
 * Settlement funds not given are "can't tell", never CAD 0 (docs/decisions.md E21): FSW and FST answer
 * null with `settlement_funds_unknown` in `undecided` when funds are needed (not waived, a table known
 * for the date) and the profile does not say them; a failed condition wins over it. Downstream: the
 * invitation program, PNP and the categories (E13) can't tell when their only way is such a program.
 */
import { describe, expect, it } from 'vitest'
import { anyProgramAnswer, categoryEligibility, eligibility, invitationProgram, isEligibleForAnyProgram, isEligibleForCategory, isEligibleForProgram, programAnswer } from '../../src/eligibility/index.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'
import { AS_OF, baseInput, celpip, job } from './helpers.js'

/** The base candidate (FSW yes with funds) as a civil engineer (21300, STEM 2026), funds `funds` (undefined: not said). */
function fswCandidate(funds: number | undefined, overrides: Partial<ProfileInput> = {}): Profile {
  const { settlementFundsCad: _, ...base } = baseInput()
  return profileSchema.parse({ ...base, work: [job('21300', '2018-01-01', '2024-12-31')], ...(funds === undefined ? {} : { settlementFundsCad: funds }), ...overrides })
}

/** An FST candidate: CLB 5, 5 years in trade 72310 with a certificate of qualification in it. */
function fstCandidate(funds: number | undefined, overrides: Partial<ProfileInput> = {}): Profile {
  return fswCandidate(funds, { languageTests: [celpip(5)], work: [job('72310', '2021-01-01', '2025-12-31')], certificateOfQualification: { noc: '72310', province: 'ON' }, ...overrides })
}

/** A job in Canada covering the date and an offer: the waiver (a valid offer while authorized to work in Canada). */
const waived = (noc: string, from: string): Partial<ProfileInput> => ({ jobOffer: { noc, lmiaExempt: false }, work: [job(noc, from, null, { country: 'CA' })] })

const codes = (list: readonly { code: string }[] | undefined) => (list ?? []).map((u) => u.code)

describe('FSW and FST: funds said or not, waived or not, another condition failing or not', () => {
  it.each([
    { name: 'FSW, enough funds said', program: 'fsw', profile: () => fswCandidate(50_000), eligible: true, unmet: [], undecided: [] },
    { name: 'FSW, too little said', program: 'fsw', profile: () => fswCandidate(1_000), eligible: false, unmet: ['settlement_funds_insufficient'], undecided: [] },
    { name: 'FSW, CAD 0 said', program: 'fsw', profile: () => fswCandidate(0), eligible: false, unmet: ['settlement_funds_insufficient'], undecided: [] },
    { name: 'FSW, funds not said', program: 'fsw', profile: () => fswCandidate(undefined), eligible: null, unmet: [], undecided: ['settlement_funds_unknown'] },
    { name: 'FSW, funds not said but waived', program: 'fsw', profile: () => fswCandidate(undefined, { ...waived('21300', '2025-09-01'), work: [job('21300', '2018-01-01', '2024-12-31'), job('21300', '2025-09-01', null, { country: 'CA' })] }), eligible: true, unmet: [], undecided: [] },
    { name: 'FSW, funds not said, language failing (a no wins)', program: 'fsw', profile: () => fswCandidate(undefined, { languageTests: [celpip(6)] }), eligible: false, unmet: ['language_below_minimum', 'grid_below_pass_mark'], undecided: [] },
    { name: 'FSW, too little said, language failing', program: 'fsw', profile: () => fswCandidate(1_000, { languageTests: [celpip(6)] }), eligible: false, unmet: ['language_below_minimum', 'grid_below_pass_mark', 'settlement_funds_insufficient'], undecided: [] },
    { name: 'FST, enough funds said', program: 'fst', profile: () => fstCandidate(50_000), eligible: true, unmet: [], undecided: [] },
    { name: 'FST, too little said', program: 'fst', profile: () => fstCandidate(1_000), eligible: false, unmet: ['settlement_funds_insufficient'], undecided: [] },
    { name: 'FST, funds not said', program: 'fst', profile: () => fstCandidate(undefined), eligible: null, unmet: [], undecided: ['settlement_funds_unknown'] },
    { name: 'FST, funds not said but waived', program: 'fst', profile: () => fstCandidate(undefined, waived('72310', '2021-01-01')), eligible: true, unmet: [], undecided: [] },
    { name: 'FST, funds not said, no certificate or offer (a no wins)', program: 'fst', profile: () => fstCandidate(undefined, { certificateOfQualification: null }), eligible: false, unmet: ['no_offer_or_certificate'], undecided: [] },
  ] as const)('$name: $eligible', ({ program, profile, eligible, unmet, undecided }) => {
    const p = profile()
    const r = eligibility(p, AS_OF).programs[program]
    expect(r.eligible).toBe(eligible)
    expect(codes(r.unmet)).toEqual(unmet)
    expect(codes(r.undecided)).toEqual(undecided)
    // The fast answers: the three-valued one, and "certainly eligible".
    expect(programAnswer(p, program, AS_OF)).toBe(eligible)
    expect(isEligibleForProgram(p, program, AS_OF)).toBe(eligible === true)
  })

  it('says what is required and that the profile does not give it, with the table\'s source; funds.available is null', () => {
    const r = eligibility(fswCandidate(undefined), AS_OF).programs.fsw
    expect(r.funds).toEqual({ familySize: 1, required: 15_263, available: null, waived: false })
    const [u] = r.undecided!
    expect(u!.message).toMatch(/FSW needs settlement funds of CAD 15,263 for a family of 1 on 2026-03-01 .*does not give its funds \(settlementFundsCad\)/)
    expect(u!.source.ruleId).toBe('fsw.settlement-funds')
    expect(u!.params).toEqual({ program: 'fsw', required: 15_263, familySize: 1, asOf: AS_OF })
  })

  it('before 2017-01-27 no table is known: funds are not checked, so not saying them changes nothing', () => {
    const old = fswCandidate(undefined, { languageTests: [celpip(9, '2015-06-01')], work: [job('21300', '2008-01-01', '2015-12-31')], education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2007-06-30', eca: { organization: 'WES', issuedOn: '2015-01-10' } }], submittedAt: '2015-09-01T12:00:00Z', dateOfBirth: '1985-01-01' })
    const r = eligibility(old, '2016-06-01').programs.fsw
    expect([r.funds.required, r.eligible, r.undecided]).toEqual([null, true, undefined])
  })

  it('a Profile without settlementFundsCad stays valid and keeps it absent (not said), not 0', () => {
    const p = fswCandidate(undefined)
    expect('settlementFundsCad' in p).toBe(false)
  })
})

describe('downstream of a can\'t-tell program', () => {
  it.each([
    { name: 'FSW can\'t tell only', profile: () => fswCandidate(undefined), invitedUnder: null, undecided: ['fsw'], any: null },
    { name: 'nominated, FSW can\'t tell', profile: () => fswCandidate(undefined, { provincialNomination: { province: 'ON', nominatedOn: '2026-01-10' } }), invitedUnder: null, undecided: ['pnp', 'fsw'], any: null },
    { name: 'CEC yes (first), FSW can\'t tell', profile: () => fswCandidate(undefined, { work: [job('21300', '2018-01-01', '2023-12-31'), job('21300', '2024-01-01', '2025-12-31', { country: 'CA' })] }), invitedUnder: 'cec', undecided: undefined, any: true },
    { name: 'FSW and FST both can\'t tell', profile: () => fstCandidate(undefined, { languageTests: [celpip(9)], work: [job('72310', '2018-01-01', '2025-12-31')] }), invitedUnder: null, undecided: ['fsw', 'fst'], any: null },
    { name: 'FSW no, FST no: none', profile: () => fswCandidate(undefined, { languageTests: [celpip(4)] }), invitedUnder: null, undecided: undefined, any: false },
  ] as const)('$name: invited under $invitedUnder', ({ profile, invitedUnder, undecided, any }) => {
    const p = profile()
    const r = eligibility(p, AS_OF)
    expect(r.invitedUnder).toBe(invitedUnder)
    expect(r.invitedUnderUndecided).toEqual(undecided)
    expect(invitationProgram(p, AS_OF)).toBe(invitedUnder)
    expect(anyProgramAnswer(p, AS_OF)).toBe(any)
    expect(isEligibleForAnyProgram(p, AS_OF)).toBe(any === true)
  })

  it('PNP: nominated and only a can\'t-tell program is can\'t tell (null), not no; a certain no without a nomination', () => {
    const nominated = fswCandidate(undefined, { provincialNomination: { province: 'ON', nominatedOn: '2026-01-10' } })
    expect(programAnswer(nominated, 'pnp', AS_OF)).toBeNull()
    expect(isEligibleForProgram(nominated, 'pnp', AS_OF)).toBe(false)
    expect(programAnswer(fswCandidate(undefined), 'pnp', AS_OF)).toBe(false)
    expect(programAnswer({ ...nominated, settlementFundsCad: 50_000 }, 'pnp', AS_OF)).toBe(true)
  })

  it.each([
    { name: 'STEM rule met, FSW can\'t tell: can\'t tell', profile: () => fswCandidate(undefined), eligible: null, unmet: [], undecided: ['settlement_funds_unknown'] },
    { name: 'STEM rule met, funds said: yes', profile: () => fswCandidate(50_000), eligible: true, unmet: [], undecided: [] },
    { name: 'STEM rule met, too little said: no program, no', profile: () => fswCandidate(1_000), eligible: false, unmet: ['not_eligible_for_program'], undecided: [] },
    { name: 'STEM rule not met, FSW can\'t tell: no (a failed condition wins)', profile: () => fswCandidate(undefined, { work: [job('21231', '2018-01-01', '2024-12-31')] }), eligible: false, unmet: ['category_experience_insufficient'], undecided: [] },
    { name: 'STEM rule met, FSW and FST can\'t tell, CEC yes: yes', profile: () => fswCandidate(undefined, { work: [job('21300', '2018-01-01', '2023-12-31'), job('21300', '2024-01-01', '2025-12-31', { country: 'CA' })] }), eligible: true, unmet: [], undecided: [] },
  ] as const)('categories need a program (E13): $name', ({ profile, eligible, unmet, undecided }) => {
    const p = profile()
    const c = eligibility(p, AS_OF).categories.find((x) => x.id === 'stem-2026')!
    expect(c.eligible).toBe(eligible)
    expect(codes(c.unmet)).toEqual(unmet)
    expect(codes(c.undecided)).toEqual(undecided)
    expect(isEligibleForCategory(p, 'stem-2026', AS_OF)).toBe(eligible)
    expect(categoryEligibility(p, 'stem-2026', AS_OF)).toEqual(c)
  })

  it('skilled military recruits: every condition met but the programs can\'t tell is can\'t tell, with the funds among the reasons', () => {
    const p = fswCandidate(undefined, {
      jobOffer: { noc: '42102', lmiaExempt: false, employer: 'canadian-forces-recruiting-group', termYears: 3 },
      foreignMilitaryService: { country: 'GB', from: '2010-01-01', to: null, recognized: true },
    })
    const c = eligibility(p, AS_OF).categories.find((x) => x.id === 'military-2026')!
    expect(c.eligible).toBeNull()
    expect(codes(c.undecided)).toContain('settlement_funds_unknown')
    expect(isEligibleForCategory(p, 'military-2026', AS_OF)).toBeNull()
  })
})
