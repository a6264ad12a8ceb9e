/**
 * The pool-mechanics rules on the day before and the day of each change. Expected values are typed from
 * ../shared/research/rules.md §5 (timeline) and §9 (pool mechanics), never read from src/rules.
 */
import { describe, expect, it } from 'vitest'
import { invitationWindowDays } from '../../src/rules/index.js'
import { profileValidity } from '../../src/rules/pool/profile-validity.js'

describe('days to apply after an invitation, by the day it was issued (rules.md §9 "ITA window", §5)', () => {
  it.each([
    ['2015-01-01', 60], // 60 (2015-01-01)
    ['2016-11-18', 60],
    ['2016-11-19', 90], // → 90 (2016-11-19)
    ['2018-06-26', 90],
    ['2018-06-27', 60], // → 60 (ITAs after 2018-06-26)
    ['2020-02-29', 60],
    ['2020-03-01', 90], // → 90 (COVID, 2020-03; the first of the month is taken: docs/decisions.md O3)
    ['2021-06-28', 90],
    ['2021-06-29', 60], // → 60 (ITAs from 2021-06-29)
    ['2026-11-25', 60],
  ] as const)('an invitation of %s: %i days', (issued, days) => {
    expect(invitationWindowDays(issued)).toBe(days)
    expect(invitationWindowDays(`${issued}T23:59:59Z`)).toBe(days)
  })
})

describe('how long a profile stays in the pool (rules.md §9 "Profile validity")', () => {
  it.each(['2015-01-01', '2017-06-05', '2017-06-06', '2026-11-25'])('on %s: one year', (date) => {
    expect(profileValidity.at(date).value.years).toBe(1)
  })
})
