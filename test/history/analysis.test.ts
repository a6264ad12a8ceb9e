import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distributionOverTime, filterRounds, findRound, groupStats, invitationsByYear, median, roundStats, statsByType } from '../../src/history/analysis.js'
import { countIn } from '../../src/history/distribution.js'
import { loadRounds } from '../../src/history/load.js'

const rounds = loadRounds()

describe('invitations per year', () => {
  // PROVENANCE.md "By year", computed from the feed; 2015, 2022, 2023 and 2024 are also IRCC's
  // year-end report totals (../shared/research/pool-data.md §3).
  it.each([
    [2015, 23, 31_063, 'IRCC 2015 year-end report'],
    [2016, 27, 33_782, ''],
    [2017, 30, 86_023, ''],
    [2018, 28, 89_800, ''],
    [2019, 26, 85_300, ''],
    [2020, 37, 107_350, ''],
    [2021, 42, 114_224, ''],
    [2022, 24, 46_539, 'IRCC 2022 year-end report'],
    [2023, 42, 110_266, 'IRCC 2023 year-end report'],
    [2024, 52, 98_903, 'IRCC 2024 year-end report'],
    [2025, 58, 113_998, ''],
    [2026, 59, 135_215, 'to Oct 1'],
  ])('%i: %i rounds, %i invitations %s', (year, count, invitations) => {
    expect(invitationsByYear(rounds).get(year)).toBe(invitations)
    expect(roundStats(rounds).find((s) => s.year === year && s.type === 'all')).toMatchObject({ rounds: count, invitations })
  })

  it('2023: 25,870 invitations in 17 category-based rounds, the first on 2023-06-28 (IRCC 2023 report)', () => {
    const category2023 = filterRounds(rounds, { year: 2023, type: 'category' })
    expect(groupStats(category2023)).toMatchObject({ rounds: 17, invitations: 25_870 })
    expect(category2023[0]!.date).toBe('2023-06-28')
  })

  it('2023: 84,396 invitations outside categories (CEC + FSWP + PNP + FSTP in the report)', () => {
    expect(filterRounds(rounds, { year: 2023 }).filter((r) => r.type !== 'category').reduce((s, r) => s + r.size, 0)).toBe(84_396)
  })

  it('years add up to the record total, 1,052,463', () => {
    expect([...invitationsByYear(rounds).values()].reduce((a, b) => a + b, 0)).toBe(1_052_463)
  })
})

describe('filters and statistics', () => {
  it.each([
    [{ year: 2023, category: 'stem' }, ['254', '274']],
    [{ category: 'stem-2024-1' }, ['293']],
    [{ type: 'program' as const, program: 'fst' as const, year: 2018 }, ['91a', '100']],
    [{ year: 2015, from: '2015-12-01', to: '2015-12-31' }, ['22', '23']],
  ])('%o -> %o', (filter, numbers) => {
    expect(filterRounds(rounds, filter).map((r) => r.number)).toEqual(numbers)
  })

  it('category "french" finds every French round, 2023-1 to 2026 (26 + 10)', () => {
    expect(filterRounds(rounds, { category: 'french' })).toHaveLength(36)
  })

  it('per type over the record: 178 general, 192 program, 78 category rounds', () => {
    const s = statsByType(rounds)
    expect([s.general.rounds, s.program.rounds, s.category.rounds, s.all.rounds]).toEqual([178, 192, 78, 448])
    expect(s.all.invitations).toBe(1_052_463)
    expect(s.program.maxLowestScore).toBe(902)
    expect(s.all.minLowestScore).toBe(75)
  })

  it('2023 category rounds: cut-offs from 354 to 486 (STEM 254)', () => {
    expect(roundStats(rounds).find((s) => s.year === 2023 && s.type === 'category')).toMatchObject({ minLowestScore: 354, maxLowestScore: 486 })
  })

  it('median: odd, even, none', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('property: min <= median <= max, and groups add up to the whole', () => {
    fc.assert(
      fc.property(fc.subarray([...rounds], { minLength: 1 }), (some) => {
        const s = groupStats(some)
        const byType = statsByType(some)
        return s.minLowestScore! <= s.medianLowestScore! && s.medianLowestScore! <= s.maxLowestScore! &&
          byType.general.invitations + byType.program.invitations + byType.category.invitations === s.invitations
      }),
      { numRuns: 50 },
    )
  })

  it('finds rounds by number, with or without #', () => {
    expect(findRound(rounds, '#254')?.lowestScore).toBe(486)
    expect(findRound(rounds, '91B')?.lowestScore).toBe(902)
    expect(findRound(rounds, '91')).toBeUndefined()
  })
})

describe('the pool distribution over time', () => {
  const snapshots = distributionOverTime(rounds)
  it('126 snapshots from 2022-01-17 to 2026-09-27', () => {
    expect(snapshots).toHaveLength(126)
    expect(snapshots[0]!.asOf).toBe('2022-01-17')
    expect(snapshots.at(-1)!.asOf).toBe('2026-09-27')
  })

  // ../shared/research/pool-data.md §1
  it.each([
    ['2022-01-17', 196_685, 899, 5_106, 47_202, 47_283, 58_692, 31_704, 5_799],
    ['2023-07-04', 214_529, 353, 726, 54_732, 56_673, 63_679, 33_051, 5_315],
    ['2024-11-12', 217_500, 120, 16_625, 64_425, 56_597, 51_355, 22_788, 5_590],
    ['2026-08-16', 226_859, 439, 18_657, 73_554, 60_631, 48_600, 17_269, 7_709],
    // Rounds 445-447 (data/ee-rounds.PROVENANCE.md)
    ['2026-09-27', 229_904, 728, 21_070, 73_131, 62_611, 47_298, 17_359, 7_707],
  ])('%s: total %i', (asOf, total, ...bands) => {
    const d = snapshots.find((s) => s.asOf === asOf)!.distribution
    expect(countIn(d, 'total')).toBe(total)
    expect(['601-1200', '501-600', '451-500', '401-450', '351-400', '301-350', '0-300'].map((r) => countIn(d, r as never))).toEqual(bands)
  })

  it('pool size ranged from 195,895 (2022-02-28) to 257,557 (2025-06-11)', () => {
    const totals = snapshots.map((s) => [s.asOf, countIn(s.distribution, 'total')] as const)
    expect(totals.reduce((a, b) => (b[1] < a[1] ? b : a))).toEqual(['2022-02-28', 195_895])
    expect(totals.reduce((a, b) => (b[1] > a[1] ? b : a))).toEqual(['2025-06-11', 257_557])
  })
})
