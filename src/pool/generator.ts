/**
 * A synthetic but realistic pool (for demos, tests and benchmarks): `size` profiles, reproducible from
 * a `seed`, whose CRS distribution on the `like` date matches the one IRCC published with the round
 * nearest to that date (data/ee-rounds.json, dd1..dd18; pool-data.md §1).
 *
 * How: profiles are drawn from a simple model of applicants (age, education, language, work in and
 * outside Canada, spouse, job offer, sibling; a share of strong profiles), scored on `like`, and kept
 * only while the CRS range they fall in still has room (quotas from the published counts, in the 15
 * finest disjoint ranges); a kept profile must also be eligible for a program at its submission
 * instant. Candidates for the 601+ range get a provincial nomination (+600, as almost all of dd1).
 * The quotas are per 10-point bin (100-point above 600), from the pool model of src/forecast/pool-model.ts
 * (the shape inside the published bands that `pool replay` and the forecast use).
 * Submission instants are distinct seconds spread over the 12 months before `like`, in id order.
 * @module
 */
import { mulberry32 } from '../forecast/rng.js'
import { addDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../domain/dates.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import { FINEST_RANGES, countIn, type PoolDistribution } from '../history/distribution.js'
import { poolDensity } from '../forecast/pool-model.js'
import { distributionOverTime } from '../history/analysis.js'
import { loadRounds } from '../history/load.js'
import type { Profile } from '../schemas/profile.js'
import type { PoolEligibility } from './eligibility.js'

/** mulberry32: a small, fast, seedable PRNG (32-bit state), shared with the forecast. */
export const prng = mulberry32

export interface Target {
  /** Date of the published snapshot used. */
  readonly asOf: IsoDate
  /** Rounds it was published with. */
  readonly rounds: readonly string[]
  readonly distribution: PoolDistribution
}

/** The published pool distribution nearest to `like` (ties go to the earlier snapshot). */
export function targetFor(like: IsoDate): Target {
  const snapshots = distributionOverTime(loadRounds())
  if (snapshots.length === 0) throw new Error('no published pool distribution in data/ee-rounds.json')
  const day = toDayNumber(like)
  let best = snapshots[0]!
  for (const s of snapshots) if (Math.abs(toDayNumber(s.asOf) - day) < Math.abs(toDayNumber(best.asOf) - day)) best = s
  return { asOf: best.asOf, rounds: best.rounds, distribution: best.distribution }
}

/**
 * The score bins the generator fills: the published 10-point bins, and the wide ranges cut into 10-point
 * bins (100-point ones above 600) so that the shape inside them is the pool model's (src/forecast/pool-model.ts),
 * not whatever the profile maker happens to draw: most of 501-600 sits just above 500.
 */
export const GENERATOR_BINS: readonly { readonly min: number; readonly max: number }[] = FINEST_RANGES.flatMap((r) => {
  const width = r.max - r.min + 1
  const step = r.min >= 601 ? 100 : r.min === 0 ? width : 10
  const bins: { min: number; max: number }[] = []
  for (let top = r.max; top >= r.min; top -= step) bins.push({ min: Math.max(r.min, top - step + 1), max: top })
  return bins
})

/** The published finest ranges as generator bins (the shape inside them left to the profile maker). */
const PUBLISHED_BINS: readonly { readonly min: number; readonly max: number }[] = FINEST_RANGES.map((r) => ({ min: r.min, max: r.max }))

/**
 * Whole-number quotas per bin adding up to `size` (largest remainders): per GENERATOR_BINS from the pool
 * model's density (`shape: 'model'`), or per published finest range (`shape: 'published'`).
 */
export function quotasFor(distribution: PoolDistribution, size: number, shape: PoolShape = 'published'): number[] {
  let counts: number[]
  if (shape === 'model') {
    const density = poolDensity(distribution)
    counts = GENERATOR_BINS.map((b) => density.above[b.min]! - density.above[b.max + 1]!)
  } else {
    counts = FINEST_RANGES.map((r) => countIn(distribution, r.range as never))
  }
  const total = counts.reduce((a, b) => a + b, 0)
  const exact = counts.map((c) => (c / total) * size)
  const quotas = exact.map(Math.floor)
  let left = size - quotas.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of order) {
    if (left-- <= 0) break
    quotas[i]!++
  }
  return quotas
}

/**
 * How the generator fills each published band: `model`, the pool model's shape inside the bands (what
 * `pool generate --like` uses); `published`, only the published counts per range (the library's default,
 * which the seeded pools of earlier tests and demos were made with).
 */
export type PoolShape = 'model' | 'published'

function binsOf(shape: PoolShape): readonly { readonly min: number; readonly max: number }[] {
  return shape === 'model' ? GENERATOR_BINS : PUBLISHED_BINS
}

function binIndex(bins: readonly { readonly min: number; readonly max: number }[], score: number): number {
  for (let i = 0; i < bins.length; i++) if (score >= bins[i]!.min && score <= bins[i]!.max) return i
  return bins.length - 1
}

const STEM = ['21211', '21231', '21232', '21233', '21234', '21220', '21221', '21222', '21223', '21300', '21310', '21311', '20012']
const HEALTH = ['31100', '31102', '31301', '31300', '32101', '33102', '31200', '31112']
const TRADES = ['72200', '72310', '72400', '72106', '72300', '72014']
const TRANSPORT = ['72600', '73300', '72403', '70020']
const OTHER = ['11100', '11102', '12010', '13110', '41200', '41400', '40021', '10010', '11202', '12200', '13100', '62020', '63100', '64409', '22300', '22310']
const FOREIGN = ['IN', 'IN', 'IN', 'NG', 'PH', 'CN', 'PK', 'BR', 'IR', 'GB', 'US', 'FR', 'MX', 'KR', 'VN', 'CO']

/** Profile generation with a seeded random source. */
class Maker {
  constructor(readonly r: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]!
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1))
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0)
    let x = this.r() * total
    for (const [v, w] of pairs) if ((x -= w) < 0) return v
    return pairs[pairs.length - 1]![0]
  }
  day(from: IsoDate, to: IsoDate): IsoDate {
    return fromDayNumber(this.int(toDayNumber(from), toDayNumber(to)))
  }
  noc(): string {
    return this.weighted([
      [this.pick(STEM), 22],
      [this.pick(HEALTH), 10],
      [this.pick(TRADES), 6],
      [this.pick(TRANSPORT), 3],
      [this.pick(OTHER), 59],
    ])
  }
  clbLevels(base: number): number[] {
    return [0, 1, 2, 3].map(() => Math.max(4, Math.min(10, base + this.weighted([[-1, 2], [0, 6], [1, 2]] as const))))
  }
}

/** One synthetic profile (not yet checked against the quotas). */
function makeProfile(m: Maker, id: string, submittedAt: string, like: IsoDate): Profile {
  const submittedDay = submittedAt.slice(0, 10)
  const strong = m.r() < 0.12
  const weak = !strong && m.r() < 0.12
  const age = strong ? m.int(24, 31) : weak ? m.int(36, 49) : m.weighted([[m.int(20, 24), 14], [m.int(25, 29), 34], [m.int(30, 34), 28], [m.int(35, 39), 15], [m.int(40, 47), 9]])
  const dateOfBirth = addDays(addYears(like, -age), -m.int(0, 364))
  const level = strong
    ? m.weighted([['masters', 6], ['two-or-more', 3], ['doctoral', 1]] as const)
    : m.weighted([['secondary', 5], ['one-year', 5], ['two-year', 13], ['bachelors', 38], ['two-or-more', 12], ['masters', 24], ['doctoral', 3]] as const)
  const canadianStudy = m.r() < (strong ? 0.6 : 0.3)
  const years = { secondary: 0, 'one-year': 1, 'two-year': 2, bachelors: 4, 'two-or-more': 4, masters: 2, doctoral: 4 }[level]
  const completedOn = addYears(like, -m.int(2, Math.max(3, age - 20)))
  const education: Profile['education'] = []
  const credential = (lvl: Exclude<typeof level, 'two-or-more'>, programYears: number, done: IsoDate, inCanada: boolean): Profile['education'][number] =>
    inCanada ? { level: lvl, country: 'CA', programYears, completedOn: done } : { level: lvl, country: m.pick(FOREIGN), programYears, completedOn: done, eca: { organization: 'WES', issuedOn: m.day(addYears(submittedDay, -4), submittedDay) } }
  if (level === 'two-or-more') {
    education.push(credential('bachelors', 4, addYears(completedOn, -3), false), credential('one-year', 1, completedOn, canadianStudy))
  } else {
    education.push(credential(level, years, completedOn, canadianStudy && level !== 'secondary'))
  }
  const base = strong ? m.int(9, 10) : weak ? m.int(6, 7) : m.weighted([[7, 30], [8, 26], [9, 28], [10, 12], [6, 4]])
  const english = m.clbLevels(base)
  const testDate = m.day(addDays(addYears(like, -2), 2), submittedDay)
  const languageTests: Profile['languageTests'] = [
    { test: 'celpip-general', testDate, listening: english[0]!, reading: english[1]!, writing: english[2]!, speaking: english[3]! },
  ]
  if (m.r() < (strong ? 0.35 : 0.08)) {
    const f = m.clbLevels(m.int(5, 9))
    const tcf = { 4: [331, 342, 4, 4], 5: [369, 375, 6, 6], 6: [398, 406, 7, 7], 7: [458, 453, 10, 10], 8: [503, 499, 12, 12], 9: [523, 524, 14, 14], 10: [549, 549, 16, 16] } as Record<number, number[]>
    languageTests.push({ test: 'tcf-canada', testDate: m.day(addDays(addYears(like, -2), 2), submittedDay), listening: tcf[f[0]!]![0]!, reading: tcf[f[1]!]![1]!, writing: tcf[f[2]!]![2]!, speaking: tcf[f[3]!]![3]! })
  }
  const work: Profile['work'] = []
  const noc = m.noc()
  const foreignYears = m.weighted([[0, 18], [1, 18], [2, 18], [3, 30], [5, 16]])
  const canadianMonths = strong ? m.int(12, 40) : m.weighted([[0, 45], [m.int(12, 23), 30], [m.int(24, 35), 15], [m.int(36, 60), 10]])
  let cursor = addDays(submittedDay, -m.int(0, 60))
  if (canadianMonths > 0) {
    const ongoing = m.r() < 0.7
    const to = ongoing ? null : cursor
    const from = addDays(cursor, -Math.round(canadianMonths * 30.44))
    work.push({ noc, country: 'CA', from, to, hoursPerWeek: m.pick([30, 35, 37.5, 40, 40, 40]), selfEmployed: false, fullTimeStudent: false })
    cursor = addDays(from, -m.int(30, 400))
  }
  if (foreignYears > 0) {
    const from = addDays(cursor, -Math.round(foreignYears * 365.25) - m.int(10, 200))
    work.push({ noc: m.r() < 0.7 ? noc : m.noc(), country: m.pick(FOREIGN), from, to: cursor, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false })
  }
  const partnered = m.r() < (strong ? 0.3 : 0.45)
  const spouse: Profile['spouse'] = partnered
    ? {
        accompanying: m.r() < 0.85,
        canadianCitizenOrPR: m.r() < 0.05,
        education: m.r() < 0.8 ? [{ level: m.pick(['bachelors', 'masters', 'two-year'] as const), country: m.pick(FOREIGN), programYears: 3, completedOn: addYears(like, -m.int(2, 12)), eca: { organization: 'WES', issuedOn: m.day(addYears(submittedDay, -4), submittedDay) } }] : [],
        languageTests: m.r() < 0.6 ? [{ test: 'celpip-general', testDate: m.day(addDays(addYears(like, -2), 2), submittedDay), ...Object.fromEntries(['listening', 'reading', 'writing', 'speaking'].map((a, i) => [a, m.clbLevels(m.int(5, 9))[i]!])) } as Profile['languageTests'][number]] : [],
        work: m.r() < 0.3 ? [{ noc: m.noc(), country: 'CA', from: addYears(submittedDay, -m.int(1, 3)), to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }] : [],
      }
    : null
  return {
    id,
    submittedAt,
    dateOfBirth,
    maritalStatus: partnered ? m.pick(['married', 'common-law'] as const) : m.weighted([['single', 90], ['divorced', 6], ['separated', 3], ['widowed', 1]] as const),
    spouse,
    education,
    languageTests,
    firstOfficialLanguage: 'english',
    work,
    certificateOfQualification: TRADES.includes(noc) && m.r() < 0.2 ? { noc, province: 'ON' } : null,
    provincialNomination: null,
    jobOffer: m.r() < (strong ? 0.15 : 0.02) ? { noc, lmiaExempt: m.r() < 0.5 } : null,
    siblingInCanada: m.r() < 0.04,
    settlementFundsCad: m.int(15, 90) * 1000,
    dependentChildren: partnered ? m.weighted([[0, 6], [1, 3], [2, 1]]) : 0,
  }
}

export interface GenerateOptions {
  readonly size: number
  readonly seed: number
  readonly like: IsoDate
  readonly eligibility: PoolEligibility
  /** Give up filling the quotas after this many draws per profile (then any eligible profile goes). */
  readonly maxDrawsPerProfile?: number
  /** The shape inside the published bands (default `published`). */
  readonly shape?: PoolShape
}

export interface GeneratedProfile {
  readonly profile: Profile
  /** CRS on the `like` date. */
  readonly score: number
}

/** The pool, lazily, in id (= submission) order. */
export function* generatePool(options: GenerateOptions): Generator<GeneratedProfile, void, undefined> {
  const { size, seed, like, eligibility } = options
  const m = new Maker(prng(seed))
  const bins = binsOf(options.shape ?? 'published')
  const quotas = quotasFor(targetFor(like).distribution, size, options.shape ?? 'published')
  const topBins = bins.filter((b) => b.min > 600).length
  const rangeIndex = (score: number) => binIndex(bins, score)
  const maxDraws = (options.maxDrawsPerProfile ?? 200) * size
  const start = toDayNumber(addDays(like, -364)) * 86_400
  const slot = (365 * 86_400 - 1) / Math.max(1, size)
  const width = String(size).length
  let draws = 0
  for (let i = 0; i < size; i++) {
    // Distinct seconds: slot i of the year before `like`, at a random second within it.
    const second = Math.floor(start + i * slot + m.r() * Math.max(0, slot - 1))
    const submittedAt = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
    const id = `g${seed}-${String(i + 1).padStart(width, '0')}`
    for (;;) {
      draws++
      let profile = makeProfile(m, id, submittedAt, like)
      if (!eligibility.isEligibleForAnyProgram(profile, submittedAt.slice(0, 10))) continue
      let score = scoreCrs(factorsOf(profile, like), like).total
      let range = rangeIndex(score)
      if (quotas[range]! <= 0 && score <= 600 && quotas.slice(0, topBins).some((q) => q > 0)) {
        // Nominees make up almost all of 601+: nominate this one between submission and `like`.
        const nominated: Profile = { ...profile, provincialNomination: { province: m.pick(['ON', 'BC', 'AB', 'SK', 'MB', 'NS']), nominatedOn: m.day(submittedAt.slice(0, 10), like) } }
        const s = scoreCrs(factorsOf(nominated, like), like).total
        if (s > 600 && quotas[rangeIndex(s)]! > 0) {
          profile = nominated
          score = s
          range = rangeIndex(s)
        }
      }
      if (quotas[range]! > 0 || draws > maxDraws) {
        quotas[range]!--
        yield { profile, score }
        break
      }
    }
  }
}
