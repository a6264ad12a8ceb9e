import { describe, expect, it } from 'vitest'
import { addDays, toDayNumber } from '../../src/domain/dates.js'
import { forecast } from '../../src/forecast/index.js'
import { fitRoundsModel, lastWeight, nextCutoffRange, simulateRounds } from '../../src/forecast/rounds-model.js'
import { loadRounds } from '../../src/history/load.js'
import type { PastRound } from '../../src/history/record.js'
import { cecProfile, cecRound } from './helpers.js'

const rounds = loadRounds()

describe('lastWeight: how much the next cut-off leans on the last one', () => {
  it.each([
    ['a steady trend keeps the last cut-off', [[500, 498, 496, 494, 492, 490, 488, 486, 484]], 1],
    ['cut-offs that jump and come back lean on the median', [[480, 520, 480, 480, 520, 480, 480, 520, 480, 480]], 0.4],
  ])('%s', (_, series, expected) => {
    expect(lastWeight(series)).toBe(expected)
  })
})

/** PNP rounds every 14 days before `until` whose cut-offs jump between 700 and 800. */
function jumpyPnpRecord(until: string): PastRound[] {
  return Array.from({ length: 20 }, (_, i) => {
    const date = addDays(until, -14 * (20 - i))
    return { ...cecRound(date, i % 3 === 0 ? 800 : 700, 500), label: 'Provincial Nominee Program', feedLabel: 'Provincial Nominee Program', program: 'pnp' as const, programs: ['pnp' as const] }
  })
}

describe('fitRoundsModel: the centre of the next cut-off', () => {
  it('PNP rounds (the weakest nominee) do not set the weight of ranked rounds', () => {
    const day = '2026-01-15'
    const cec = Array.from({ length: 20 }, (_, i) => cecRound(addDays(day, -7 - 14 * (19 - i)), 540 - i))
    const alone = fitRoundsModel(cec, day).types.find((t) => t.type === 'program:cec')!
    const withPnp = fitRoundsModel([...cec, ...jumpyPnpRecord(day)].sort((a, b) => (a.date < b.date ? -1 : 1)), day)
    expect(withPnp.types.find((t) => t.type === 'program:cec')!.lastWeight).toBe(alone.lastWeight)
    expect(alone.lastWeight).toBe(1)
    expect(withPnp.types.find((t) => t.type === 'program:pnp')!.lastWeight).toBeLessThan(1)
  })

  it('moves are symmetric, so the median next cut-off is the centre, on every fortnight of the record', () => {
    for (let d = toDayNumber('2023-01-01'); d <= toDayNumber(rounds[rounds.length - 1]!.date); d += 14) {
      const model = fitRoundsModel(rounds, addDays('1970-01-01', d))
      for (const t of model.types) {
        expect([...t.moves].sort((a, b) => a - b)).toEqual([...t.moves].map((m) => 0 - m).sort((a, b) => a - b).map((m) => m + 0))
        const range = nextCutoffRange(t)
        expect(range.p50).toBe(Math.max(0, Math.min(1200, Math.round(t.centre))))
        expect(range.p10 <= range.p50 && range.p50 <= range.p90).toBe(true)
      }
    }
  })

  it('the range is that of the simulated next rounds, and does not depend on the number of paths', () => {
    const day = '2025-06-01'
    const model = fitRoundsModel(rounds, day)
    const sim = simulateRounds(model, 365, 20_000, 5)
    for (const [ti, t] of model.types.entries()) {
      const first: number[] = []
      for (let p = 0; p < sim.paths; p++) {
        for (let i = sim.start[p]!; i < sim.start[p + 1]!; i++) {
          if (sim.typeIndex[i] === ti) {
            first.push(sim.cutoff[i]!)
            break
          }
        }
      }
      if (first.length < 2000) continue
      const range = nextCutoffRange(t)
      first.sort((a, b) => a - b)
      const sampleQuantile = (q: number) => first[Math.round(q * (first.length - 1))]!
      // A discrete distribution read at a quantile: between the sample's quantiles just below and above.
      for (const [q, c] of [[0.1, range.p10], [0.5, range.p50], [0.9, range.p90]] as const) {
        expect(c, `${t.type} p${q * 100}`).toBeGreaterThanOrEqual(sampleQuantile(q - 0.03))
        expect(c, `${t.type} p${q * 100}`).toBeLessThanOrEqual(sampleQuantile(q + 0.03))
      }
    }
    const profile = cecProfile(day)
    const few = forecast({ kind: 'profile', profile }, rounds, { asOf: day, paths: 200 })
    const many = forecast({ kind: 'profile', profile }, rounds, { asOf: day, paths: 2000 })
    expect(few.rounds.map((r) => [r.type, r.cutoff])).toEqual(many.rounds.map((r) => [r.type, r.cutoff]))
  })
})
