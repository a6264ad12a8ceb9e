/** The past rounds page's list: which rounds a filter keeps, newest first, and how a moment is written. Pure. @module */
import { ROUND_TYPES, type RoundType } from '../../../src/domain/words.js'

export type TypeFilter = 'all' | RoundType
export interface ListFilter {
  readonly type: TypeFilter
  /** A calendar year, or null for every year. */
  readonly year: number | null
}
/** How many rounds the list shows at first, and how many more each "show more" adds. */
export const PAGE_SIZE = 25

const TYPES: readonly TypeFilter[] = ['all', ...ROUND_TYPES]

/** The filter in `search` (`?type=category&year=2023`); anything unreadable is "all". */
export function filterFromQuery(search: string): ListFilter {
  const q = new URLSearchParams(search)
  const type = q.get('type') as TypeFilter | null
  const year = Number(q.get('year'))
  return { type: type && TYPES.includes(type) ? type : 'all', year: Number.isInteger(year) && year >= 2015 && year <= 2100 ? year : null }
}

/** `search` with the filter written in it (the other parameters, the language among them, kept). */
export function queryWithFilter(search: string, filter: ListFilter): string {
  const q = new URLSearchParams(search)
  q.delete('type')
  q.delete('year')
  if (filter.type !== 'all') q.set('type', filter.type)
  if (filter.year !== null) q.set('year', String(filter.year))
  const text = q.toString()
  return text ? `?${text}` : ''
}

/** The rounds `filter` keeps, newest first (the record is oldest first). */
export function filterList<R extends { readonly date: string; readonly type: string }>(rounds: readonly R[], filter: ListFilter): R[] {
  return rounds.filter((r) => (filter.type === 'all' || r.type === filter.type) && (filter.year === null || r.date.startsWith(`${filter.year}-`))).reverse()
}

/** The years with rounds, newest first. */
export function yearsOf(rounds: readonly { readonly date: string }[]): number[] {
  return [...new Set(rounds.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => b - a)
}

