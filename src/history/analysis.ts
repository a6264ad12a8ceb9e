/**
 * Questions about the record: which rounds (by year, type, category, program), how many invitations,
 * how low the cut-offs went, and how the pool's distribution moved. Pure functions of the rounds.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import type { PoolDistribution } from './distribution.js'
import { ROUND_TYPES, type ProgramId, type RoundType } from '../schemas/common.js'
import type { PastRound } from './record.js'

export interface RoundFilter {
  readonly year?: number
  readonly type?: RoundType
  /** A category id (`stem-2023-1`) or a category key for every version (`stem`). */
  readonly category?: string
  readonly program?: ProgramId
  readonly from?: IsoDate
  readonly to?: IsoDate
}

function categoryMatches(round: PastRound, category: string): boolean {
  const id = round.categoryId
  if (!id) return false
  return id === category || id.startsWith(`${category}-`)
}

/**
 * The rounds that pass every condition of `filter`, in record order.
 * @example
 * filterRounds(loadRounds(), { year: 2023, category: 'stem' }).map((r) => r.number) //=> ['254', '274', ...]
 */
export function filterRounds(rounds: readonly PastRound[], filter: RoundFilter): PastRound[] {
  return rounds.filter(
    (r) =>
      (filter.year === undefined || Number(r.date.slice(0, 4)) === filter.year) &&
      (filter.type === undefined || r.type === filter.type) &&
      (filter.category === undefined || categoryMatches(r, filter.category)) &&
      (filter.program === undefined || r.program === filter.program) &&
      (filter.from === undefined || r.date >= filter.from) &&
      (filter.to === undefined || r.date <= filter.to),
  )
}

/** Rounds, invitations and the spread of cut-offs for one group of rounds. */
export interface RoundGroupStats {
  readonly rounds: number
  readonly invitations: number
  readonly minLowestScore: number | null
  readonly medianLowestScore: number | null
  readonly maxLowestScore: number | null
}

/** The median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Statistics of a group of rounds. */
export function groupStats(rounds: readonly PastRound[]): RoundGroupStats {
  const scores = rounds.map((r) => r.lowestScore)
  return {
    rounds: rounds.length,
    invitations: rounds.reduce((s, r) => s + r.size, 0),
    minLowestScore: scores.length === 0 ? null : Math.min(...scores),
    medianLowestScore: median(scores),
    maxLowestScore: scores.length === 0 ? null : Math.max(...scores),
  }
}

export interface YearTypeStats extends RoundGroupStats {
  readonly year: number
  /** A round type, or "all" for the year's total. */
  readonly type: RoundType | 'all'
}

/**
 * Statistics per year and round type, with an "all" row per year, years ascending.
 * @example
 * roundStats(loadRounds()).find((s) => s.year === 2023 && s.type === 'all')?.invitations //=> 110266
 */
export function roundStats(rounds: readonly PastRound[]): YearTypeStats[] {
  const years = [...new Set(rounds.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b)
  const out: YearTypeStats[] = []
  for (const year of years) {
    const inYear = rounds.filter((r) => Number(r.date.slice(0, 4)) === year)
    for (const type of ROUND_TYPES) {
      const group = inYear.filter((r) => r.type === type)
      if (group.length > 0) out.push({ year, type, ...groupStats(group) })
    }
    out.push({ year, type: 'all', ...groupStats(inYear) })
  }
  return out
}

/** Statistics per round type over the whole record (or the rounds given). */
export function statsByType(rounds: readonly PastRound[]): Record<RoundType | 'all', RoundGroupStats> {
  return {
    general: groupStats(rounds.filter((r) => r.type === 'general')),
    program: groupStats(rounds.filter((r) => r.type === 'program')),
    category: groupStats(rounds.filter((r) => r.type === 'category')),
    all: groupStats(rounds),
  }
}

/** Invitations per calendar year. */
export function invitationsByYear(rounds: readonly PastRound[]): Map<number, number> {
  const byYear = new Map<number, number>()
  for (const r of rounds) {
    const year = Number(r.date.slice(0, 4))
    byYear.set(year, (byYear.get(year) ?? 0) + r.size)
  }
  return byYear
}

/** One published snapshot of the pool and the rounds it came with. */
export interface DistributionSnapshot {
  readonly asOf: IsoDate
  readonly distribution: PoolDistribution
  /** Numbers of the rounds published with this snapshot. */
  readonly rounds: readonly string[]
}

/**
 * The pool's distribution over time: one entry per distinct snapshot date, oldest first (rounds close
 * together share a snapshot).
 */
export function distributionOverTime(rounds: readonly PastRound[]): DistributionSnapshot[] {
  const byDate = new Map<IsoDate, { distribution: PoolDistribution; rounds: string[] }>()
  for (const r of rounds) {
    if (!r.distribution || !r.distributionAsOf) continue
    const entry = byDate.get(r.distributionAsOf)
    if (entry) entry.rounds.push(r.number)
    else byDate.set(r.distributionAsOf, { distribution: r.distribution, rounds: [r.number] })
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([asOf, e]) => ({ asOf, ...e }))
}

/** Finds a round by its number ("254", "91a"); undefined if there is none. */
/** Rounds whose number is `number` with a letter (IRCC numbered two rounds of one day 91a and 91b): what a reader asking for `91` means. */
export function roundsNumberedLike(rounds: readonly PastRound[], number: string): string[] {
  const wanted = number.trim().toLowerCase().replace(/^#/, '')
  return /^\d+$/.test(wanted) ? rounds.filter((r) => r.number !== wanted && r.number.replace(/[a-z]+$/, '') === wanted).map((r) => r.number) : []
}

export function findRound(rounds: readonly PastRound[], number: string): PastRound | undefined {
  const wanted = number.trim().toLowerCase().replace(/^#/, '')
  return rounds.find((r) => r.number === wanted)
}

/**
 * The record's statistics as every surface gives them (`GET /v1/rounds/stats`, `rounds stats --json`): per
 * round type, per year and type, and the pool's published distributions over time.
 */
export function recordStatistics(rounds: readonly PastRound[]) {
  return { byType: statsByType(rounds), byYearAndType: roundStats(rounds), distributions: distributionOverTime(rounds) }
}
