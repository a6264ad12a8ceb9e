/** The pages' small pure helpers: the simulator's round time, API problems shown once, the past rounds list. */
import { describe, expect, it } from 'vitest'
import { roundInstant } from '../../web/src/simulator/round-input.js'
import { problemLines } from '../../web/src/problem.js'

describe('roundInstant (the simulator reads a day or an instant)', () => {
  it.each([
    ['2025-06-02', '2025-06-02T14:00:00Z'],
    [' 2025-06-02 ', '2025-06-02T14:00:00Z'],
    ['2025-06-02T00:00:00Z', '2025-06-02T00:00:00Z'],
    ['2025-06-02T09:30', '2025-06-02T09:30:00Z'],
    ['2025-06-02 09:30:15', '2025-06-02T09:30:15Z'],
    ['2024-02-29', '2024-02-29T14:00:00Z'],
  ])('%s → %s', (text, instant) => expect(roundInstant(text)).toBe(instant))

  it.each(['', 'tomorrow', '2025-02-29', '2025-13-01', '2025-06-02T24:00:00Z', '2025-06-02T10:00:00+02:00'])('%s is refused', (text) => expect(roundInstant(text)).toBeNull())
})

describe('problemLines (an API problem shown once, its fields named)', () => {
  it('one issue: the issue once, with the page’s name for its field, not the detail again', () => {
    const problem = { detail: 'category: stem-2023-1 is not in force on 2026-11-30', issues: [{ path: 'category', message: 'stem-2023-1 is not in force on 2026-11-30' }] }
    expect(problemLines(problem, 400, (p) => (p === 'category' ? 'Category' : undefined))).toEqual([{ field: 'Category', message: 'stem-2023-1 is not in force on 2026-11-30' }])
  })
  it('several issues, each once; a field with no name keeps its path', () => {
    const issue = { path: 'size', message: 'too small' }
    expect(problemLines({ detail: '2 fields are invalid; see issues', issues: [issue, issue, { path: 'at', message: 'bad' }] }, 400)).toEqual([{ field: 'size', message: 'too small' }, { field: 'at', message: 'bad' }])
  })
  it('no issues: the detail; nothing: the status', () => {
    expect(problemLines({ detail: 'too many requests' }, 429)).toEqual([{ field: null, message: 'too many requests' }])
    expect(problemLines(null, 502)).toEqual([{ field: null, message: 'HTTP 502' }])
  })
})

describe('the past rounds list', async () => {
  const { filterFromQuery, filterList, queryWithFilter, yearsOf } = await import('../../web/src/rounds/list.js')
  const rounds = [
    { number: '1', date: '2015-01-31', type: 'general' },
    { number: '2', date: '2023-07-05', type: 'category' },
    { number: '3', date: '2023-08-01', type: 'program' },
    { number: '4', date: '2024-01-10', type: 'category' },
  ]
  it('keeps the rounds of a type and a year, newest first', () => {
    expect(filterList(rounds, { type: 'all', year: null }).map((r) => r.number)).toEqual(['4', '3', '2', '1'])
    expect(filterList(rounds, { type: 'category', year: null }).map((r) => r.number)).toEqual(['4', '2'])
    expect(filterList(rounds, { type: 'all', year: 2023 }).map((r) => r.number)).toEqual(['3', '2'])
    expect(filterList(rounds, { type: 'general', year: 2023 })).toEqual([])
    expect(yearsOf(rounds)).toEqual([2024, 2023, 2015])
  })
  it('reads and writes the filter in the address, keeping the language', () => {
    expect(filterFromQuery('?lang=fr&type=category&year=2023')).toEqual({ type: 'category', year: 2023 })
    expect(filterFromQuery('?type=nope&year=abc')).toEqual({ type: 'all', year: null })
    expect(queryWithFilter('?lang=fr&type=general', { type: 'program', year: 2019 })).toBe('?lang=fr&type=program&year=2019')
    expect(queryWithFilter('?type=general', { type: 'all', year: null })).toBe('')
  })
})
