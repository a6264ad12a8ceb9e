/**
 * The forecast's invariants on random candidates (the edge profiles of test/consistency, on days of the
 * real record) and random horizons and seeds: every share within [0, 1], the chance within N days never
 * falling as N grows, p10 ≤ p50 ≤ p90, the same seed the same answer, and a higher score, all else
 * equal, never a lower chance.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { factorsOf } from '../../src/crs/index.js'
import { forecast, type Forecast } from '../../src/forecast/index.js'
import { loadRounds } from '../../src/history/load.js'
import type { CrsFactors } from '../../src/schemas/crs-factors.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { JOB_OFFER_KINDS } from '../../src/domain/words.js'
import { anyCase } from '../consistency/edge-profiles.js'
import { cecProfile } from './helpers.js'

const rounds = loadRounds()
const PATHS = 200
const WITHIN = ['30', '90', '180', '365'] as const

function expectCoherent(f: Forecast): void {
  const shares = [f.probability, ...WITHIN.map((d) => f.within[d]), ...f.curve.map((c) => c.probability), ...f.rounds.flatMap((r) => [r.chance, r.held, r.chanceIfOpen ?? 0])]
  if (f.ifOpen) shares.push(f.ifOpen.probability, ...WITHIN.map((d) => f.ifOpen!.within[d]))
  for (const p of shares) expect(p >= 0 && p <= 1, String(p)).toBe(true)
  for (let i = 1; i < WITHIN.length; i++) expect(f.within[WITHIN[i]!]).toBeGreaterThanOrEqual(f.within[WITHIN[i - 1]!])
  for (let i = 1; i < f.curve.length; i++) expect(f.curve[i]!.probability).toBeGreaterThanOrEqual(f.curve[i - 1]!.probability)
  // The headline is the within-N share at its horizon: between the listed ones around it.
  for (const d of WITHIN) {
    if (Number(d) <= f.horizonDays) expect(f.probability).toBeGreaterThanOrEqual(f.within[d])
    if (Number(d) >= f.horizonDays) expect(f.probability).toBeLessThanOrEqual(f.within[d])
  }
  for (const r of f.rounds) if (r.cutoff) expect(r.cutoff.p10 <= r.cutoff.p50 && r.cutoff.p50 <= r.cutoff.p90, JSON.stringify(r.cutoff)).toBe(true)
  if (f.probability === 0 && f.within['365'] === 0) expect(f.first).toBeNull()
}

describe('forecast invariants (fast-check)', () => {
  it('shares in [0, 1], within-N non-decreasing in N, p10 ≤ p50 ≤ p90, the same seed the same answer', () => {
    fc.assert(
      fc.property(anyCase, fc.integer({ min: 1, max: 730 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (c, horizonDays, seed) => {
        const input = { kind: 'profile' as const, profile: c.profile }
        const f = forecast(input, rounds, { asOf: c.date, horizonDays, seed, paths: PATHS })
        expectCoherent(f)
        expect(forecast(input, rounds, { asOf: c.date, horizonDays, seed, paths: PATHS })).toEqual(f)
      }),
      { numRuns: 25 },
    )
  })

  it('a higher score, all else equal, never lowers a chance (CrsFactors on days of general rounds)', () => {
    // 2023-2024: general rounds were held, which CrsFactors are taken as open to.
    const day = fc.constantFrom('2023-01-15', '2023-06-01', '2024-02-01', '2024-05-20')
    fc.assert(
      fc.property(day, fc.integer({ min: 20, max: 45 }), fc.integer({ min: 5, max: 10 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(...JOB_OFFER_KINDS), fc.integer({ min: 0, max: 100 }), (asOf, age, clb, years, jobOffer, seed) => {
        const base = factorsOf(cecProfile(asOf), asOf)
        const lang = (n: number) => ({ language: 'english' as const, clb: { speaking: n, listening: n, reading: n, writing: n } })
        const lower: CrsFactors = { ...base, age, canadianWorkYears: years, jobOffer, firstLanguage: lang(clb), siblingInCanada: false }
        // A sibling in Canada (+15) and a better result: the score only rises.
        const higher: CrsFactors = { ...lower, siblingInCanada: true, firstLanguage: lang(Math.min(12, clb + 1)) }
        const a = forecast({ kind: 'factors', factors: lower }, rounds, { asOf, seed, paths: PATHS })
        const b = forecast({ kind: 'factors', factors: higher }, rounds, { asOf, seed, paths: PATHS })
        expect(b.score).toBeGreaterThan(a.score)
        expect(b.probability).toBeGreaterThanOrEqual(a.probability)
        for (const d of WITHIN) expect(b.within[d]).toBeGreaterThanOrEqual(a.within[d])
        for (const r of b.rounds) expect(r.chance).toBeGreaterThanOrEqual(a.rounds.find((x) => x.type === r.type)!.chance)
      }),
      { numRuns: 20 },
    )
  })

  it('a higher score, all else equal, never lowers a chance (a Profile with a sibling in Canada: +15 and FSW adaptability)', () => {
    fc.assert(
      fc.property(fc.constantFrom('2023-03-01', '2024-09-01', '2025-06-01', '2026-08-20'), fc.integer({ min: 6, max: 10 }), fc.integer({ min: 0, max: 100 }), (asOf, clb, seed) => {
        const without = cecProfile(asOf, { languageTests: [{ test: 'celpip-general', testDate: asOf, listening: clb, reading: clb, writing: clb, speaking: clb }] })
        const withSibling = profileSchema.parse({ ...without, siblingInCanada: true })
        const a = forecast({ kind: 'profile', profile: without }, rounds, { asOf, seed, paths: PATHS })
        const b = forecast({ kind: 'profile', profile: withSibling }, rounds, { asOf, seed, paths: PATHS })
        expect(b.score).toBeGreaterThan(a.score)
        for (const d of WITHIN) expect(b.within[d]).toBeGreaterThanOrEqual(a.within[d])
      }),
      { numRuns: 12 },
    )
  })
})
