import { describe, expect, it } from 'vitest'
import { backtestForecast, fitSlope, population, profileOf } from '../../src/forecast/index.js'
import { loadRounds } from '../../src/history/load.js'
import { mulberry32 } from '../../src/forecast/rng.js'
import { eligibility } from '../../src/eligibility/index.js'

describe('fitSlope (the logistic-margin baseline)', () => {
  it('recovers the slope that generated the outcomes', () => {
    const r = mulberry32(5)
    const margins: number[] = []
    const outcomes: (0 | 1)[] = []
    for (let i = 0; i < 20_000; i++) {
      const m = Math.round((r() - 0.5) * 120)
      margins.push(m)
      outcomes.push(r() < 1 / (1 + Math.exp(-0.08 * m)) ? 1 : 0)
    }
    expect(fitSlope(margins, outcomes)).toBeCloseTo(0.08, 2)
  })
})

describe('the back-test population', () => {
  it('is fixed by its seed and spread over programs', () => {
    expect(population(50, 13)).toEqual(population(50, 13))
    const day = '2025-03-01'
    const people = population(200, 13).map((t) => eligibility(profileOf(t, day), day))
    const cec = people.filter((e) => e.programs.cec.eligible).length
    const fsw = people.filter((e) => e.programs.fsw.eligible).length
    const none = people.filter((e) => e.invitedUnder === null).length
    const pnp = people.filter((e) => e.invitedUnder === 'pnp').length
    expect(cec).toBeGreaterThan(40)
    expect(fsw).toBeGreaterThan(40)
    expect(none).toBeGreaterThan(10)
    expect(pnp).toBeGreaterThan(5)
  })
})

describe('backtestForecast', () => {
  it('a small run: every case scored, calibration bands cover the cases, figures in range', () => {
    const rounds = loadRounds()
    const b = backtestForecast(rounds, { populationSize: 20, stepDays: 56, paths: 100 })
    expect(b.recordUntil).toBe(rounds[rounds.length - 1]!.date)
    expect(b.cases).toBe(b.days * 20)
    expect(b.calibration.reduce((a, c) => a + c.cases, 0)).toBe(b.cases)
    for (const v of Object.values(b.brier)) expect(v).toBeGreaterThanOrEqual(0)
    expect(b.brier.model).toBeLessThan(b.brier.lastCutoffRule)
    expect(b.cutoff['general+cec+categories']!.model.rounds).toBeGreaterThan(0)
  }, 60_000)
})
