import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, toDayNumber } from '../../src/domain/dates.js'
import { PoolModel, expectedCutoff, poolDensity, poolMix, replayRounds } from '../../src/forecast/index.js'
import { FINEST_RANGES, countIn, distributionOfScores } from '../../src/history/distribution.js'
import type { PastRound } from '../../src/history/record.js'
import { loadRounds } from '../../src/history/load.js'

const rounds = loadRounds()
const withDistribution = rounds.filter((r) => r.distribution && r.distributionAsOf && r.distributionAsOf <= r.date)

describe('pool model: the shape inside the published bands', () => {
  it('keeps every published count: the points of each finest range add up to it', () => {
    for (const r of withDistribution.slice(-40)) {
      const d = poolDensity(r.distribution!)
      for (const range of FINEST_RANGES) {
        let sum = 0
        for (let s = range.min; s <= range.max; s++) sum += d.perPoint[s]!
        expect(sum).toBeCloseTo(countIn(r.distribution!, range.range as never), 6)
      }
      expect(d.total).toBeCloseTo(d.above[0]!, 6)
    }
  })

  it('501-600 is densest next to 500 (the round-233 shape), and the cut-off falls as the round grows', () => {
    const d = poolDensity(withDistribution[withDistribution.length - 1]!.distribution!)
    expect(d.perPoint[501]!).toBeGreaterThan(d.perPoint[590]!)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
        const [small, big] = a <= b ? [a, b] : [b, a]
        return expectedCutoff(d.above, big) <= expectedCutoff(d.above, small)
      }),
    )
  })
})

/**
 * A world that follows the model's own account of one category: a fixed pool (its published
 * distribution the same every time), 8% of it eligible for the category, thinned above each of the
 * category's cut-offs and back in full 120 days later; a round of the category every 45 days inviting
 * `sizes[i]`. Computed here on its own, not with the model's code.
 */
function categoryWorld(sizes: readonly number[]): PastRound[] {
  const scores: number[] = []
  for (let s = 300; s <= 600; s++) for (let i = 0; i < 300; i++) scores.push(s)
  const distribution = distributionOfScores(scores)
  const density = poolDensity(distribution)
  const cleared: { day: number; score: number }[] = []
  const out: PastRound[] = []
  sizes.forEach((size, i) => {
    const date = addDays('2024-01-01', 45 * i)
    const day = toDayNumber(date)
    let above = 0
    let cutoff = 0
    for (let s = 1200; s >= 0; s--) {
      let back = 1
      for (const c of cleared) if (s >= c.score) back = Math.min(back, Math.min(1, (day - 1 - c.day) / 120))
      above += 0.08 * density.perPoint[s]! * back
      if (above >= size) {
        cutoff = s
        break
      }
    }
    cleared.push({ day, score: cutoff })
    out.push({ number: String(900 + i), date, at: `${date}T15:00:00Z`, label: 'Healthcare occupations (2023-1)', feedLabel: 'Healthcare occupations (Version 1)', type: 'category', categoryId: 'healthcare-2023-1', categoryVersion: '2023-1', programs: ['cec', 'fsw', 'fst'], size, lowestScore: cutoff, tieBreakCutoff: null, distribution, distributionAsOf: addDays(date, -1) })
  })
  return out
}

describe('pool model: who is eligible for what', () => {
  it('recovers a world that follows its account: every round after the second within 2 points', () => {
    const world = categoryWorld([2000, 1500, 3000, 1000, 2500, 2000, 4000, 1500, 2000, 3000])
    const model = new PoolModel(world)
    // The cut-offs move (the test would be empty otherwise).
    expect(new Set(world.map((r) => r.lowestScore)).size).toBeGreaterThan(5)
    for (const round of world.slice(2)) {
      const e = model.eligible('category:healthcare', poolDensity(round.distribution!), round.distributionAsOf!, round.at)
      expect(Math.abs(expectedCutoff(e.above, round.size) - round.lowestScore), round.date).toBeLessThanOrEqual(2)
    }
    expect(model.refillDaysAt('category:healthcare', world[world.length - 1]!.at)).toBe(120)
  })

  it('uses only the rounds before the instant: appending later rounds changes nothing', () => {
    const at = '2025-01-01T00:00:00Z'
    const latest = [...withDistribution].reverse().find((r) => r.at < at)!
    const density = poolDensity(latest.distribution!)
    const cut = new PoolModel(rounds.filter((r) => r.at < at))
    const whole = new PoolModel(rounds)
    for (const type of ['program:cec', 'category:french', 'category:healthcare', 'general']) {
      expect(whole.eligible(type, density, latest.distributionAsOf!, at)).toEqual(cut.eligible(type, density, latest.distributionAsOf!, at))
    }
  })

  it('a round thins its type above its cut-off, not below; general rounds can invite everyone', () => {
    const model = new PoolModel(rounds)
    const french = rounds.filter((r) => r.categoryId?.startsWith('french') && r.distribution)
    const last = french[french.length - 1]!
    const latest = [...withDistribution].reverse()[0]!
    const day = addDays(last.date, 3)
    const e = model.eligible('category:french', poolDensity(latest.distribution!), latest.distributionAsOf!, `${day}T00:00:00Z`)
    expect(e.available[last.lowestScore + 5]!).toBeLessThan(0.2)
    expect(e.available[last.lowestScore - 40]!).toBeGreaterThan(e.available[last.lowestScore + 5]!)
    const g = model.eligible('general', poolDensity(latest.distribution!), latest.distributionAsOf!, `${day}T00:00:00Z`)
    expect(g.share).toBe(1)
    expect(g.above[0]).toBeCloseTo(poolDensity(latest.distribution!).total, 6)
  })

  it("poolMix: shares in [0, 1]; general 1; nominees above 600 only; can't tell below the scores a type's rounds reached", () => {
    const mix = poolMix(rounds, '2026-08-20')
    expect(mix.types).toEqual(expect.arrayContaining(['program:cec', 'category:french', 'program:pnp']))
    for (const type of mix.types) {
      for (let s = 0; s <= 1200; s += 7) {
        const share = mix.shareAt(type, s)
        if (share !== null) expect(share >= 0 && share <= 1, `${type} ${s}`).toBe(true)
      }
    }
    const cec = rounds.filter((r) => r.program === 'cec' && r.date < '2026-08-20').slice(-6)
    const lowest = Math.min(...cec.map((r) => r.lowestScore))
    expect(mix.shareAt('program:cec', lowest)).not.toBeNull()
    expect(mix.shareAt('program:cec', lowest - 1)).toBeNull()
    expect(mix.shareAt('general', 450)).toBe(1)
    expect(mix.shareAt('program:pnp', 600)).toBe(0)
    expect(mix.shareAt('program:pnp', 601)).toBe(1)
  })

  it('poolMix.assumedShareAt: the told share, carried down as far as a round has gone below its record (64 points, round 258), then nothing', () => {
    const model = new PoolModel(rounds)
    // Round 255 (healthcare, 2023-07-06) went to 463, 13 below 476; round 258 (French, 3,800, 2023-07-12)
    // to 375, 64 points below the 439 of the rounds its share was read from.
    expect(model.reachBelowRead('2023-07-06T00:00:00Z')).toBe(0)
    expect(model.reachBelowRead('2023-07-12T00:00:00Z')).toBe(13)
    expect(model.reachBelowRead('2023-07-13T00:00:00Z')).toBe(64)
    expect(model.reachBelowRead('2026-08-20T00:00:00Z')).toBe(64)
    const mix = poolMix(rounds, '2026-08-20', { model })
    for (const type of ['program:cec', 'category:french'] as const) {
      let toldFrom = 0
      while (mix.shareAt(type, toldFrom) === null) toldFrom++
      for (let s = toldFrom; s <= 1200; s += 3) expect(mix.assumedShareAt(type, s), `${type} ${s}`).toBe(mix.shareAt(type, s))
      // Below: the share of a pool untouched by the type's rounds, the same at every score the reach covers.
      const carried = mix.assumedShareAt(type, toldFrom - 1)!
      expect(carried).toBeGreaterThan(0)
      expect(mix.assumedShareAt(type, toldFrom - 64)).toBe(carried)
      expect(mix.assumedShareAt(type, toldFrom - 65)).toBeNull()
    }
    expect(mix.assumedShareAt('general', 100)).toBe(1)
    expect(mix.assumedShareAt('program:pnp', 300)).toBe(0)
  })
})

describe('pool model: the weakest nominee of a PNP round', () => {
  it('follows a + b ln(size) when past rounds do, and falls as the round grows', () => {
    // PNP rounds every 14 days whose lowest score is 900 - 25 ln(size), exactly.
    const sizes = [300, 500, 800, 1200, 450, 2000, 700, 350, 1000, 600, 250, 1500]
    const pnp: PastRound[] = sizes.map((size, i) => {
      const date = addDays('2025-01-01', 14 * i)
      return { number: String(800 + i), date, at: `${date}T15:00:00Z`, label: 'Provincial Nominee Program', feedLabel: 'Provincial Nominee Program', type: 'program', program: 'pnp', programs: ['pnp'], size, lowestScore: Math.round(900 - 25 * Math.log(size)), tieBreakCutoff: null, distribution: null, distributionAsOf: null }
    })
    const model = new PoolModel(pnp)
    const at = '2025-12-01T00:00:00Z'
    for (const size of [100, 400, 3000]) expect(Math.abs(model.weakestNominee(at, size)! - (900 - 25 * Math.log(size)))).toBeLessThanOrEqual(1)
    expect(model.weakestNominee('2024-01-01T00:00:00Z', 500)).toBeNull()
    const real = new PoolModel(rounds)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (x, y) => {
        const [small, big] = x <= y ? [x, y] : [y, x]
        return real.weakestNominee(at, big)! <= real.weakestNominee(at, small)!
      }),
    )
  })
})

const CATEGORY_IDS: Readonly<Record<string, string>> = { physicians: 'physicians-canadian-experience', healthcare: 'healthcare-2024-1', stem: 'stem-2024-1', trade: 'trade-2024-1' }

/** Rounds of category `key` every 30 days from `start`, with `lowestScores[i]` and `sizes[i]`, each on a pool of 300 candidates at every score from 100 to 600. */
function roundsOf(key: string, lowestScores: readonly number[], sizes: readonly number[], start = '2024-01-01'): PastRound[] {
  const scores: number[] = []
  for (let s = 100; s <= 600; s++) for (let i = 0; i < 300; i++) scores.push(s)
  const distribution = distributionOfScores(scores)
  return lowestScores.map((lowestScore, i) => {
    const date = addDays(start, 30 * i)
    return { number: `${key}-${i}`, date, at: `${date}T15:00:00Z`, label: key, feedLabel: key, type: 'category', categoryId: CATEGORY_IDS[key]!, categoryVersion: '2024-1', programs: ['cec', 'fsw', 'fst'], size: sizes[i]!, lowestScore, tieBreakCutoff: null, distribution, distributionAsOf: addDays(date, -1) }
  })
}

describe('pool model: types whose rounds take every eligible candidate', () => {
  it('a small category whose lowest scores jump about far below the pool is foreseen from its own weakest candidates', () => {
    // Physicians-like: a few hundred each time, everyone there is, down to wherever the weakest stands.
    const small = roundsOf('physicians', [169, 223, 198, 240, 181], [391, 271, 229, 300, 250])
    const model = new PoolModel(small)
    // Nothing to compare before the second round; from the third the share has missed by far more.
    expect(model.exhausts('category:physicians', small[1]!.at)).toBe(false)
    for (const round of small.slice(2)) expect(model.exhausts('category:physicians', round.at), round.number).toBe(true)
    // Fewer than 8 rounds: the median of the earlier lowest scores, whatever the size.
    expect(model.weakestEligible('category:physicians', small[4]!.at, 250)).toBe(Math.round((198 + 223) / 2))
    expect(model.weakestEligible('category:physicians', small[4]!.at, 5000)).toBe(model.weakestEligible('category:physicians', small[4]!.at, 10))
    expect(model.weakestEligible('category:physicians', small[0]!.at, 250)).toBeNull()
  })

  it('a category that follows the share account is never taken for one that exhausts, nor are general and PNP rounds', () => {
    const world = categoryWorld([2000, 1500, 3000, 1000, 2500, 2000, 4000, 1500, 2000, 3000])
    const model = new PoolModel(world)
    for (const round of world) expect(model.exhausts('category:healthcare', round.at), round.date).toBe(false)
    const real = new PoolModel(rounds)
    expect(real.exhausts('general', '2026-10-01T00:00:00Z')).toBe(false)
    expect(real.exhausts('program:pnp', '2026-10-01T00:00:00Z')).toBe(false)
    expect(real.exhausts('program:cec', '2026-10-01T00:00:00Z')).toBe(false)
    expect(real.exhausts('category:healthcare', '2026-10-01T00:00:00Z')).toBe(false)
  })

  it("a type's first round is foreseen from the first rounds of its group's other types: their median, once two are known", () => {
    const record = [...roundsOf('healthcare', [476, 470], [500, 500], '2024-01-01'), ...roundsOf('stem', [486], [500], '2024-01-10'), ...roundsOf('trade', [388], [1500], '2024-01-20')]
    record.sort((a, b) => a.at.localeCompare(b.at))
    const model = new PoolModel(record)
    const later = '2025-01-01T00:00:00Z'
    expect(model.firstRoundCutoff('category:transport', later)).toBe(476)
    expect(model.firstRoundCutoff('category:transport', '2024-01-15T00:00:00Z')).toBe(481)
    expect(model.firstRoundCutoff('category:transport', '2024-01-05T00:00:00Z')).toBeNull()
    // A type that has held a round is foreseen from its own.
    expect(model.firstRoundCutoff('category:stem', later)).toBeNull()
  })
})

describe('pool replay (2023-01-01 to the end of the record)', () => {
  const replay = replayRounds(rounds, '2023-01-01', rounds[rounds.length - 1]!.date, 1)

  it('replays every round with a published distribution, seeded', () => {
    expect(replay.overall.rounds).toBeGreaterThan(200)
    expect(replayRounds(rounds, '2024-01-01', '2024-06-30', 1)).toEqual(replayRounds(rounds, '2024-01-01', '2024-06-30', 1))
    // Each round draws from its own stream: a shorter span replays its rounds as the whole one did.
    const tail = replayRounds(rounds, '2025-06-01', rounds[rounds.length - 1]!.date, 1).rows
    expect(tail.length).toBeGreaterThan(50)
    expect(tail).toEqual(replay.rows.filter((r) => r.date >= '2025-06-01'))
    expect(replay.rows.filter((r) => r.firstOfType).map((r) => r.type)).toEqual(expect.arrayContaining(['category:stem', 'category:education']))
  })

  // The figures in BENCHMARKS.md; these bounds fail if the model gets worse. General and CEC meet the
  // issue's targets (MAE <= 6, bias within ±3); French meets the bias, PNP misses it by 0.02 (+3.02);
  // see BENCHMARKS.md for the rest.
  it.each([
    ['general', 6, 3],
    ['cec', 6, 3],
    ['french', 15, 3],
    ['pnp', 30, 3.1],
  ] as const)('%s rounds: mean absolute error <= %d points, bias within ±%d', (group, mae, bias) => {
    expect(replay.byGroup[group]!.meanAbsoluteError).toBeLessThanOrEqual(mae)
    expect(Math.abs(replay.byGroup[group]!.meanError)).toBeLessThanOrEqual(bias)
  })

  it("other categories: mean absolute error <= 30, and <= 18 after each type's first round", () => {
    expect(replay.byGroup['category']!.meanAbsoluteError).toBeLessThanOrEqual(30)
    expect(replay.byGroupAfterFirst['category']!.meanAbsoluteError).toBeLessThanOrEqual(18)
  })

  it("a type's second round that asks for half or more of everyone its share sees is replayed as taking them all; one asking less, from the share", () => {
    const method = (n: string) => replay.rows.find((r) => r.number === n)?.method
    // Physicians 421 (271 invited), senior managers 426 (500, where the share saw about 504), French 258 (3,800).
    for (const n of ['421', '426', '258']) expect(method(n), n).toBe('weakest-eligible')
    // Healthcare 255 (1,500 of about 5,600) and STEM 274 (5,900 of about 31,000).
    for (const n of ['255', '274']) expect(method(n), n).toBe('share')
    // 426 had swung by seed from 0 to 343 points off from the share; taken as taking everyone, every seed agrees.
    const errors = [1, 2, 3].map((seed) => replayRounds(rounds, '2026-07-10', '2026-07-10', seed).rows[0]!.error)
    expect(new Set(errors).size).toBe(1)
  })
})

describe('pool generate --like uses the same pool model', () => {
  it("shape 'model': the generated scores fill the model's bins inside the published bands", async () => {
    const { generatePool, quotasFor, targetFor, GENERATOR_BINS } = await import('../../src/pool/generator.js')
    const { realEligibility } = await import('../../src/pool/eligibility.js')
    const like = '2025-06-01'
    const size = 600
    const scores = [...generatePool({ size, seed: 5, like, eligibility: realEligibility(), shape: 'model' })].map((g) => g.score)
    const quotas = quotasFor(targetFor(like).distribution, size, 'model')
    const inBin = GENERATOR_BINS.map((b) => scores.filter((s) => s >= b.min && s <= b.max).length)
    // Every bin is filled to its quota (the maker reaches each one at this size).
    expect(inBin).toEqual(quotas)
    const count = (a: number, b: number) => scores.filter((s) => s >= a && s <= b).length
    // Most of 501-600 sits just above 500, as the model says.
    expect(count(501, 510)).toBeGreaterThan(count(551, 560))
  }, 60_000)
})
