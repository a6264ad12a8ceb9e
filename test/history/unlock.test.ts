/** What would unlock a program or category: each answer checked against eligibility() itself. */
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/domain/dates.js'
import { eligibility } from '../../src/eligibility/index.js'
import { toClb } from '../../src/language/tests.js'
import { scoresForLevel, unlocks } from '../../src/history/unlock.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { francophone } from './profiles.js'

const asOf = '2026-11-29'
describe('scoresForLevel', () => {
  it.each([
    ['celpip-general', '2026-06-01', 5, { speaking: 5, listening: 5, reading: 5, writing: 5 }],
    ['ielts-general', '2026-01-01', 9, { speaking: 7, listening: 8, reading: 7, writing: 7 }],
    ['tef-canada', '2026-06-01', 9, { speaking: 518, listening: 503, reading: 503, writing: 512 }],
  ] as const)('%s on %s at CLB %i: %o', (test, date, level, expected) => {
    const scores = scoresForLevel(test, date, level)!
    expect(scores).toEqual(expected)
    expect(Math.min(...Object.values(toClb(test, date, scores)))).toBe(level)
  })
})

describe('unlocks', () => {
  it('the francophone one grid point short: an English test at CLB 5 gives +4 grid points (66 -> 70) and +29 CRS', () => {
    const p = profileSchema.parse(francophone)
    expect(eligibility(p, asOf).programs.fsw.points).toBe(66)
    const fsw = unlocks(p, asOf).unlocks.filter((u) => u.target === 'fsw')
    expect(fsw[0]).toEqual({ target: 'fsw', code: 'second-language-test', params: { language: 'english', clb: 5, gridFrom: 66, gridTo: 70 }, on: asOf, crsGain: 29 })
  })

  it('CEC opens on the day a year of work in Canada going on accrues, and not the day before', () => {
    const p = profileSchema.parse({ ...francophone, work: [{ noc: '21232', country: 'CA', from: '2026-03-02', to: null, hoursPerWeek: 40 }] })
    const cec = unlocks(p, asOf).unlocks.find((u) => u.target === 'cec' && u.code === 'waiting')!
    expect(cec.on > asOf).toBe(true)
    expect(eligibility(p, cec.on).programs.cec.eligible).toBe(true)
    expect(eligibility(p, addDays(cec.on, -1)).programs.cec.eligible).toBe(false)
  })

  it('settlement funds short: the amount required unlocks FSW', () => {
    const p = profileSchema.parse({ ...francophone, settlementFundsCad: 100, languageTests: [...francophone.languageTests!, { test: 'celpip-general', testDate: '2026-06-01', speaking: 5, listening: 5, reading: 5, writing: 5 }] })
    const r = eligibility(p, asOf)
    expect(r.programs.fsw.unmet.map((u) => u.code)).toEqual(['settlement_funds_insufficient'])
    const u = unlocks(p, asOf).unlocks.find((x) => x.target === 'fsw')!
    expect(u).toMatchObject({ code: 'settlement-funds', params: { amount: r.programs.fsw.funds.required } })
  })

  it("settlement funds not given (FSW can't tell, E21): the amount required is offered as what opens FSW", () => {
    const { settlementFundsCad: _, ...unsaid } = { ...francophone, languageTests: [...francophone.languageTests!, { test: 'celpip-general' as const, testDate: '2026-06-01', speaking: 5, listening: 5, reading: 5, writing: 5 }] }
    const p = profileSchema.parse(unsaid)
    const r = eligibility(p, asOf)
    expect([r.programs.fsw.eligible, r.programs.fsw.undecided?.map((u) => u.code)]).toEqual([null, ['settlement_funds_unknown']])
    const u = unlocks(p, asOf).unlocks.find((x) => x.target === 'fsw')!
    expect(u).toMatchObject({ code: 'settlement-funds', params: { amount: r.programs.fsw.funds.required, familySize: 1 } })
  })

  it('nothing for what is already open; only closed targets are listed', () => {
    const p = profileSchema.parse(francophone)
    const before = eligibility(p, asOf)
    for (const u of unlocks(p, asOf).unlocks) {
      const open = u.target in before.programs ? before.programs[u.target as 'fsw'].eligible : before.categories.find((c) => c.id === u.target)!.eligible
      expect(open).toBe(false)
    }
    const open = profileSchema.parse({ ...francophone, languageTests: [...francophone.languageTests!, { test: 'celpip-general', testDate: '2026-06-01', speaking: 5, listening: 5, reading: 5, writing: 5 }] })
    expect(unlocks(open, asOf).unlocks.some((u) => u.target === 'fsw')).toBe(false)
  })
})
