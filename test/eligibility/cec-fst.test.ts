import { describe, expect, it } from 'vitest'
import { eligibility } from '../../src/eligibility/index.js'
import { AS_OF, celpip, job, makeProfile } from './helpers.js'

const programs = (overrides: Parameters<typeof makeProfile>[0], asOf = AS_OF) => eligibility(makeProfile(overrides), asOf).programs
const codes = (r: { unmet: readonly { code: string }[] }) => r.unmet.map((u) => u.code)
const ca = { country: 'CA' }

describe('CEC (IRPR 87.1): one year of Canadian TEER 0-3 work within 3 years', () => {
  it.each([
    { name: '12 months in Canada', work: [job('21231', '2024-03-01', '2025-02-28', ca)], eligible: true },
    { name: '11 months in Canada', work: [job('21231', '2024-04-01', '2025-02-28', ca)], eligible: false },
    { name: 'two occupations adding up to a year', work: [job('21231', '2024-03-01', '2024-08-31', ca), job('13110', '2024-09-01', '2025-02-28', ca)], eligible: true },
    { name: 'part time 15 h/week for 2 years', work: [job('21231', '2023-03-01', '2025-02-28', { ...ca, hoursPerWeek: 15 })], eligible: true },
    { name: 'a year that ended just outside the 3-year window', work: [job('21231', '2022-02-28', '2023-02-28', ca)], eligible: false },
    { name: 'a year inside the window, ending the day before', work: [job('21231', '2025-02-28', '2026-02-28', ca)], eligible: true },
    { name: 'a year abroad', work: [job('21231', '2024-03-01', '2025-02-28')], eligible: false },
    { name: 'a year self-employed in Canada', work: [job('21231', '2024-03-01', '2025-02-28', { ...ca, selfEmployed: true })], eligible: false },
    { name: 'a year while a full-time student', work: [job('21231', '2024-03-01', '2025-02-28', { ...ca, fullTimeStudent: true })], eligible: false },
    { name: 'a year in a TEER 4 job', work: [job('64100', '2024-03-01', '2025-02-28', ca)], eligible: false },
  ])('$name: eligible $eligible', ({ work, eligible }) => {
    const cec = programs({ work }).cec
    expect(cec.eligible).toBe(eligible)
    if (!eligible) expect(codes(cec)).toEqual(['canadian_experience_insufficient'])
  })

  const teer1 = [job('21231', '2024-03-01', '2025-02-28', ca)]
  const teer2 = [job('72310', '2024-03-01', '2025-02-28', ca)]
  const teer3 = [job('63200', '2024-03-01', '2025-02-28', ca)]
  const mixed = [job('21231', '2024-03-01', '2024-08-31', ca), job('72310', '2024-09-01', '2025-02-28', ca)]
  it.each([
    { name: 'TEER 1 at CLB 7', work: teer1, clb: 7, eligible: true },
    { name: 'TEER 1 at CLB 6', work: teer1, clb: 6, eligible: false },
    { name: 'TEER 0 at CLB 6', work: [job('00012', '2024-03-01', '2025-02-28', ca)], clb: 6, eligible: false },
    { name: 'TEER 2 at CLB 5', work: teer2, clb: 5, eligible: true },
    { name: 'TEER 2 at CLB 4', work: teer2, clb: 4, eligible: false },
    { name: 'TEER 3 at CLB 5', work: teer3, clb: 5, eligible: true },
    { name: 'TEER 1 + TEER 2 half a year each at CLB 6', work: mixed, clb: 6, eligible: false },
    { name: 'TEER 1 + TEER 2 half a year each at CLB 7', work: mixed, clb: 7, eligible: true },
  ])('$name: eligible $eligible', ({ work, clb, eligible }) => {
    const cec = programs({ work, languageTests: [celpip(clb)] }).cec
    expect(cec.eligible).toBe(eligible)
    if (!eligible) expect(codes(cec)).toEqual(['language_below_minimum'])
  })

  it('needs no settlement funds and no education', () => {
    expect(programs({ work: teer1, settlementFundsCad: 0, education: [] }).cec.eligible).toBe(true)
  })

  it('says which ability falls short', () => {
    const cec = programs({ work: teer1, languageTests: [celpip({ speaking: 7, listening: 7, reading: 6, writing: 7 })] }).cec
    expect(cec.unmet[0]!.message).toMatch(/CLB 7 in all four abilities.*reading 6 \(needs 7\)/)
    expect(cec.unmet[0]!.source).toMatchObject({ ruleId: 'programs.cec' })
  })
})

describe('FST (IRPR 87.2): two years in a skilled trade within 5 years, and an offer or a certificate', () => {
  const trade = (noc = '72310', from = '2023-03-01', to: string | null = '2025-02-28', extra = {}) => [job(noc, from, to, extra)]
  const base = { work: trade(), certificateOfQualification: { noc: '72310', province: 'ON' as const } }

  it('a carpenter with 2 years and a certificate is eligible', () => {
    expect(programs(base).fst).toMatchObject({ eligible: true, unmet: [] })
  })

  it.each([
    { name: '24 months', from: '2023-03-01', eligible: true },
    { name: '23 months', from: '2023-04-01', eligible: false },
  ])('$name in the trade: eligible $eligible', ({ from, eligible }) => {
    const fst = programs({ ...base, work: trade('72310', from) }).fst
    expect(fst.eligible).toBe(eligible)
    if (!eligible) expect(codes(fst)).toEqual(['trade_experience_insufficient'])
  })

  it.each([
    { name: 'inside the 5-year window', from: '2021-03-01', to: '2023-02-28', eligible: true },
    { name: 'partly before the 5-year window', from: '2021-02-01', to: '2023-01-31', eligible: false },
  ])('two years $name: eligible $eligible', ({ from, to, eligible }) => {
    expect(programs({ ...base, work: trade('72310', from, to) }).fst.eligible).toBe(eligible)
  })

  it.each([
    { noc: '72310', title: 'carpenters (72)', eligible: true },
    { noc: '73300', title: 'truck drivers (73)', eligible: true },
    { noc: '82020', title: 'mining supervisors (82)', eligible: true },
    { noc: '83100', title: 'miners (83)', eligible: true },
    { noc: '92100', title: 'power engineers (92)', eligible: true },
    { noc: '93100', title: 'process operators (93)', eligible: true },
    { noc: '63200', title: 'cooks (6320)', eligible: true },
    { noc: '62200', title: 'chefs (62200)', eligible: true },
    { noc: '72600', title: 'air pilots (726, excluded)', eligible: false },
    { noc: '93200', title: 'aircraft assemblers (932, excluded)', eligible: false },
    { noc: '21231', title: 'software engineers', eligible: false },
  ])('$title: eligible $eligible', ({ noc, eligible }) => {
    expect(programs({ work: trade(noc), certificateOfQualification: { noc, province: 'ON' } }).fst.eligible).toBe(eligible)
  })

  it.each([
    { name: 'a certificate in the trade', extra: { certificateOfQualification: { noc: '72310', province: 'ON' } }, eligible: true },
    { name: 'a job offer in the trade', extra: { jobOffer: { noc: '72310', lmiaExempt: false } }, eligible: true },
    { name: 'neither', extra: {}, eligible: false },
    { name: 'a certificate in another trade', extra: { certificateOfQualification: { noc: '72300', province: 'ON' } }, eligible: false },
    { name: 'a job offer outside the trades', extra: { jobOffer: { noc: '21231', lmiaExempt: false } }, eligible: false },
  ])('$name: eligible $eligible', ({ extra, eligible }) => {
    const fst = programs({ work: trade(), ...extra } as never).fst
    expect(fst.eligible).toBe(eligible)
    if (!eligible) expect(codes(fst)).toEqual(['no_offer_or_certificate'])
  })

  it.each([
    { clb: { speaking: 5, listening: 5, reading: 4, writing: 4 }, eligible: true },
    { clb: { speaking: 4, listening: 5, reading: 4, writing: 4 }, eligible: false },
    { clb: { speaking: 5, listening: 4, reading: 4, writing: 4 }, eligible: false },
    { clb: { speaking: 5, listening: 5, reading: 3, writing: 4 }, eligible: false },
    { clb: { speaking: 5, listening: 5, reading: 4, writing: 3 }, eligible: false },
  ])('CLB $clb: eligible $eligible', ({ clb, eligible }) => {
    const fst = programs({ ...base, languageTests: [celpip(clb)] }).fst
    expect(fst.eligible).toBe(eligible)
    if (!eligible) expect(codes(fst)).toEqual(['language_below_minimum'])
  })

  it('needs settlement funds unless working in Canada with a job offer', () => {
    expect(codes(programs({ ...base, settlementFundsCad: 1_000 }).fst)).toEqual(['settlement_funds_insufficient'])
    const inCanada = { work: trade('72310', '2023-03-01', null, ca), jobOffer: { noc: '72310', lmiaExempt: false }, settlementFundsCad: 0 }
    expect(programs(inCanada).fst.eligible).toBe(true)
  })
})
