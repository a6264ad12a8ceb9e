/**
 * `pool generate --like D` (generatePool, shape 'model'): who is eligible for what follows the pool
 * model's mix (poolMix on D). Judged by the library's own eligibility on D (eligibility() read per
 * round type by eligibilityByType), against mix.assumedShareAt at the generated profiles' scores: the
 * share the record tells, and below it the share the replay and the forecast carry down.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { eligibility } from '../../src/eligibility/index.js'
import { eligibilityByType } from '../../src/forecast/candidate.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { GENERATOR_BINS, generatePool, mixGroupEdges, mixLike, quotasFor, steeredTypes, targetFor, type GeneratedProfile } from '../../src/pool/generator.js'

const SIZE = 3000
const BANDS = [
  [0, 400],
  [401, 450],
  [451, 500],
  [501, 600],
] as const

interface Generated {
  readonly like: string
  readonly pool: readonly GeneratedProfile[]
  /** Eligibility per round type on `like` of each profile (true only; null, can't tell, is not eligible). */
  readonly eligible: readonly ReadonlyMap<string, boolean | null>[]
}

const cache = new Map<string, Generated>()
function generated(like: string): Generated {
  let g = cache.get(like)
  if (!g) {
    const pool = [...generatePool({ size: SIZE, seed: 13, like, eligibility: realEligibility(), shape: 'model' })]
    g = { like, pool, eligible: pool.map((p) => eligibilityByType(eligibility(p.profile, like))) }
    cache.set(like, g)
  }
  return g
}

describe('pool generate --like: programs and categories follow the pool model', () => {
  // 2023-07-04: FSW rounds and healthcare; 2025-06-01: CEC, French, trade, healthcare, education;
  // 2026-08-20: CEC, French and seven categories, two of them (physicians, senior managers) Canadian work only.
  it.each(['2023-07-04', '2025-06-01', '2026-08-20'])('like %s: per type and band, the eligible share is the mix share within 3 binomial standard errors and 2 profiles', (like) => {
    const { pool, eligible } = generated(like)
    const mix = mixLike(targetFor(like))
    const types = steeredTypes(mix, like).map((t) => t.type)
    expect(types.length).toBeGreaterThanOrEqual(2)
    const rows: string[] = []
    for (const type of types) {
      // Each band on either side of where the record stops telling the type's share, apart.
      const edges = mixGroupEdges(mix, type)
      for (const [lo, hi] of BANDS.flatMap(([lo, hi]) => [...edges.filter((e) => e > lo && e <= hi), hi + 1].map((end, k, ends) => [k === 0 ? lo : ends[k - 1]!, end - 1] as const))) {
        const idx = pool.flatMap((p, i) => (p.score >= lo && p.score <= hi && mix.assumedShareAt(type, p.score) !== null ? [i] : []))
        if (idx.length < 100) continue
        const told = idx.every((i) => mix.shareAt(type, pool[i]!.score) !== null)
        const n = idx.length
        const got = idx.filter((i) => eligible[i]!.get(type) === true).length / n
        // The mix at the profiles' own scores, each eligible with its share: the mean, and the binomial
        // standard error of a share of n such profiles.
        const share = (i: number) => mix.assumedShareAt(type, pool[i]!.score)!
        const want = idx.reduce((a, i) => a + share(i), 0) / n
        const se = Math.sqrt(idx.reduce((a, i) => a + share(i) * (1 - share(i)), 0)) / n
        // The generator holds each count within MIX_SLACK (1.5 profiles) of the mix: 2 whole profiles.
        const tolerance = 3 * se + (2 + 1e-9) / n
        rows.push(`${type} ${lo}-${hi}${told ? '' : ' (carried down)'}: n ${n}, eligible ${got.toFixed(4)}, mix ${want.toFixed(4)}, tolerance ${tolerance.toFixed(4)}`)
        expect(Math.abs(got - want), rows[rows.length - 1]).toBeLessThanOrEqual(tolerance)
      }
    }
    // Every like date checks at least one type in one band (2023-07-04: the mix knows little: one FSW round, one healthcare).
    expect(rows.length).toBeGreaterThanOrEqual(like === '2023-07-04' ? 1 : types.length)
  }, 120_000)

  it('the steered types: CEC, FSW, French and the occupation categories in force with a known list; not general, PNP or skilled military recruits', () => {
    const at = (like: string) => steeredTypes(mixLike(targetFor(like)), like).map((t) => t.type).sort()
    expect(at('2023-07-04')).toEqual(['category:healthcare', 'program:fsw'])
    expect(at('2025-06-01')).toEqual(['category:education', 'category:french', 'category:healthcare', 'category:trade', 'program:cec'])
    const late = at('2026-08-20')
    expect(late).toEqual(expect.arrayContaining(['program:cec', 'category:french', 'category:physicians', 'category:senior-managers', 'category:transport']))
    expect(late).not.toContain('category:military')
    expect(late).not.toContain('general')
    expect(late).not.toContain('program:pnp')
  })

  it.each(['2025-06-01', '2026-08-20'])('like %s: every profile is eligible for a program; PNP is the nominees of 601+, none below', (like) => {
    const { pool, eligible } = generated(like)
    const general = eligible.filter((e) => e.get('general') === true).length
    // Eligible at submission; a result expiring before `like` may end it for a few.
    expect(general / pool.length).toBeGreaterThanOrEqual(0.99)
    pool.forEach((p, i) => expect(eligible[i]!.get('program:pnp')).toBe(p.score > 600 && eligible[i]!.get('general') === true))
  }, 120_000)

  it('like 2025-06-01: the CRS bins still hold exactly their quotas', () => {
    const { pool } = generated('2025-06-01')
    const quotas = quotasFor(targetFor('2025-06-01').distribution, SIZE, 'model')
    expect(GENERATOR_BINS.map((b) => pool.filter((p) => p.score >= b.min && p.score <= b.max).length)).toEqual(quotas)
  }, 120_000)

  it('seeded: the same seed gives the same pool, another seed another', () => {
    const run = (seed: number) => [...generatePool({ size: 300, seed, like: '2026-08-20', eligibility: realEligibility(), shape: 'model' })].map((g) => JSON.stringify(g.profile))
    const a = run(4)
    expect(run(4)).toEqual(a)
    expect(run(5)).not.toEqual(a)
  }, 60_000)

  it('submitted over the year to the end of the day, or to submittedBy when earlier (a pool like today, by now): every second distinct', () => {
    const times = (submittedBy?: string) => [...generatePool({ size: 200, seed: 3, like: '2026-08-20', eligibility: realEligibility(), shape: 'model', ...(submittedBy ? { submittedBy } : {}) })].map((g) => g.profile.submittedAt)
    const plain = times()
    expect([plain[0]! >= '2025-08-21T00:00:00Z', plain.at(-1)! <= '2026-08-20T23:59:59Z', plain.at(-1)! > '2026-08-18']).toEqual([true, true, true])
    const byMorning = times('2026-08-20T06:00:00Z')
    expect(byMorning.every((t) => t <= '2026-08-20T06:00:00Z')).toBe(true)
    expect(byMorning[0]! >= '2025-08-20T06:00:01Z').toBe(true)
    expect(new Set(byMorning).size).toBe(200)
    // A later instant than the day's end changes nothing.
    expect(times('2026-09-01T00:00:00Z')).toEqual(plain)
    expect(() => times('the morning')).toThrow(/submittedBy/)
  }, 60_000)

  it("shape 'published' (the library default) is what it was before the mix: the same bytes for the same seed", () => {
    // Digests of the pools generated before `model` steered programs and categories (seeded tests and demo pools depend on them).
    const digest = (like: string) => {
      const h = createHash('sha256')
      for (const g of generatePool({ size: 300, seed: 7, like, eligibility: realEligibility() })) h.update(`${JSON.stringify(g.profile)}\n`)
      return h.digest('hex')
    }
    expect(digest('2023-07-04')).toBe('85ee61e28051ea4b4ce1717503613eba8e3d3c9fa4aafa3391424490284e3ec4')
    expect(digest('2025-06-01')).toBe('6a428f79a2e949bb422a8abc1ae895039bcb798ec8ba58e8c5d81c6092d47702')
  }, 60_000)
})
