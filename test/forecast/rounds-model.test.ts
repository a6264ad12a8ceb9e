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

  it.each([
    ['a record whole to the day', undefined],
    ['a record that stops 60 days short (rounds held unseen)', '2025-04-02'],
  ])('the range is that of the simulated next rounds, and does not depend on the number of paths: %s', (_, currentTo) => {
    const day = '2025-06-01'
    const options = currentTo ? { currentTo } : {}
    const known = currentTo ? rounds.filter((r) => r.date <= currentTo) : rounds
    const model = fitRoundsModel(known, day, options)
    expect(model.unseenDays).toBe(currentTo ? 59 : 0)
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
      const range = nextCutoffRange(t, model.unseenDays)
      first.sort((a, b) => a - b)
      const sampleQuantile = (q: number) => first[Math.round(q * (first.length - 1))]!
      // A discrete distribution read at a quantile: between the sample's quantiles just below and above.
      for (const [q, c] of [[0.1, range.p10], [0.5, range.p50], [0.9, range.p90]] as const) {
        expect(c, `${t.type} p${q * 100}`).toBeGreaterThanOrEqual(sampleQuantile(q - 0.03))
        expect(c, `${t.type} p${q * 100}`).toBeLessThanOrEqual(sampleQuantile(q + 0.03))
      }
    }
    const profile = cecProfile(day)
    const forecastOptions = currentTo ? { recordCurrentTo: currentTo } : {}
    const few = forecast({ kind: 'profile', profile }, known, { asOf: day, paths: 200, ...forecastOptions })
    const many = forecast({ kind: 'profile', profile }, known, { asOf: day, paths: 2000, ...forecastOptions })
    // (Listed by expected date, which the paths set: compared type by type.)
    const byType = (f: typeof few) => Object.fromEntries(f.rounds.map((r) => [r.type, r.cutoff]))
    expect(byType(few)).toEqual(byType(many))
  })
})

describe('fitRoundsModel: a record that stops short of the day looked from', () => {
  const day = '2025-06-01'
  const currentTo = '2025-04-02'
  const known = rounds.filter((r) => r.date <= currentTo)
  const short = fitRoundsModel(known, day, { currentTo })
  const then = fitRoundsModel(known, addDays(currentTo, 1))

  it('reads the rates as of the last day the record is whole: days it cannot see are not days without rounds', () => {
    expect(short.types.map((t) => [t.type, t.rate])).toEqual(then.types.map((t) => [t.type, t.rate]))
    // Read as of the day looked from, the same rounds would look two months older and rarer.
    const naive = fitRoundsModel(known, day)
    for (const t of naive.types) expect(t.rate).toBeLessThan(short.types.find((x) => x.type === t.type)!.rate)
  })

  it('widens every range around the same centre, the more the longer the gap', () => {
    for (const t of short.types) {
      const whole = nextCutoffRange(t)
      const gap = nextCutoffRange(t, 60)
      const longer = nextCutoffRange(t, 240)
      expect(Math.abs(gap.p50 - whole.p50), t.type).toBeLessThanOrEqual(2)
      // Never narrower, but for the draws' rounding (a type held seldom has held none unseen).
      const slack = 0.05 * (whole.p90 - whole.p10)
      expect(gap.p90 - gap.p10, t.type).toBeGreaterThanOrEqual(whole.p90 - whole.p10 - slack)
      expect(longer.p90 - longer.p10, t.type).toBeGreaterThanOrEqual(gap.p90 - gap.p10 - slack)
      // A type held about monthly or more has held a round or more unseen in 60 days.
      if (t.rate * 60 >= 2 && whole.p90 > whole.p10) expect(gap.p90 - gap.p10, t.type).toBeGreaterThan(whole.p90 - whole.p10)
    }
  })

  it('a record whole to the day, or said to be current later, is fitted as before', () => {
    expect(fitRoundsModel(rounds, day, { currentTo: '2026-01-01' })).toEqual(fitRoundsModel(rounds, day))
    expect(fitRoundsModel(rounds, day, { currentTo: addDays(day, -1) })).toEqual(fitRoundsModel(rounds, day))
    // A record holds at least the rounds it holds: a currentTo before its newest round is moved up to it.
    const newest = rounds.filter((r) => r.date < day).at(-1)!.date
    expect(fitRoundsModel(rounds, day, { currentTo: '2020-01-01' })).toEqual(fitRoundsModel(rounds, day, { currentTo: newest }))
    expect(fitRoundsModel(rounds, day, { currentTo: '2020-01-01' }).currentTo).toBe(newest)
  })
})

