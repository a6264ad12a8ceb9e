/**
 * crsRulesAt finds a date's rules by the interval between rule version days it falls in. Checked against
 * resolving every table with `rule.versionAt(date)` for that very date, on random dates that favour the
 * edges: the day before, of and after every version day of every CRS rule, and the Feb 28/29, Mar 1 of
 * leap years.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crsRulesAt, resolveCrsRules, ruleSetStarts, type CrsRuleSet } from '../../src/crs/rule-set.js'
import { scoreCrs, scoreCrsUnder } from '../../src/crs/score.js'
import { addDays, fromDayNumber, toDayNumber } from '../../src/domain/dates.js'
import { ExpressEntryError } from '../../src/errors.js'
import { crsRules } from '../../src/rules/index.js'
import type { RuleVersion } from '../../src/rules/rule.js'
import { factorsArb } from './arbitraries.js'

const versionDays = [...new Set(crsRules.flatMap((rule) => rule.versions.map((v) => v.from)))].sort()
const leapDays = ['2016', '2020', '2024', '2028'].flatMap((y) => [`${y}-02-28`, `${y}-02-29`, `${y}-03-01`])
const edgeDays = [...new Set([...versionDays.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]), ...leapDays])].filter((d) => d >= '2015-01-01')

/** A date from 2015-01-01 to 2030-12-31, the edges above half of the time. */
const dateArb = fc.oneof(
  fc.constantFrom(...edgeDays),
  fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber),
)

/** The dated parts of a rule set: every `{ rule, version }` it holds. */
function inForceParts(set: CrsRuleSet): [string, { rule: { versionAt(d: string): RuleVersion<unknown> | undefined }; version: RuleVersion<unknown> }][] {
  return Object.entries(set).filter(([, v]) => typeof v === 'object' && v !== null && 'rule' in v && 'version' in v) as never
}

describe('crsRulesAt: one rule set per interval between rule version days', () => {
  it('the intervals start at the launch and at every version day of every CRS rule', () => {
    expect(ruleSetStarts).toEqual(versionDays)
    expect(ruleSetStarts[0]).toBe('2015-01-01')
    expect(ruleSetStarts.length).toBeGreaterThanOrEqual(5)
  })

  it('every table of the set is the version rule.versionAt(date) gives, and the id is the latest version day in force', () => {
    expect(inForceParts(crsRulesAt('2026-11-25')).length).toBe(18)
    fc.assert(
      fc.property(dateArb, (date) => {
        const set = crsRulesAt(date)
        for (const [, part] of inForceParts(set)) expect(part.version).toBe(part.rule.versionAt(date))
        const latest = crsRules.map((rule) => rule.versionAt(date)!.from).reduce((a, b) => (b > a ? b : a))
        expect(set.id).toBe(`crs@${latest}`)
      }),
      { numRuns: 2000 },
    )
  })

  it('the set equals the tables resolved and compiled for the date itself', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(crsRulesAt(date)).toEqual(resolveCrsRules(date))
      }),
      { numRuns: 300 },
    )
  })

  it('scoring gives the same CrsResult, trace included, as scoring under the rules resolved for the date', () => {
    fc.assert(
      fc.property(factorsArb, dateArb, (factors, date) => {
        const fast = scoreCrs(factors, date)
        expect(fast.asOf).toBe(date)
        expect(JSON.parse(JSON.stringify(fast))).toEqual(JSON.parse(JSON.stringify(scoreCrsUnder(factors, resolveCrsRules(date), date))))
      }),
      { numRuns: 1000 },
    )
  })

  it('two dates share one set object exactly when no version day falls after the first and on or before the second', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const changes = versionDays.some((d) => d > from && d <= to)
        expect(crsRulesAt(a) === crsRulesAt(b)).toBe(!changes)
      }),
      { numRuns: 2000 },
    )
  })

  it('asking again for the last date, or for another date in between, gives the right set', () => {
    // The last-date check must not hand a later date the previous date's set.
    for (const d of versionDays.slice(1)) {
      const before = addDays(d, -1)
      expect(crsRulesAt(before).id).not.toBe(`crs@${d}`)
      expect(crsRulesAt(d).id).toBe(`crs@${d}`)
      expect(crsRulesAt(d).id).toBe(`crs@${d}`)
      expect(crsRulesAt(before).id).not.toBe(`crs@${d}`)
    }
  })
})

describe('crsRulesAt: dates it refuses', () => {
  function codeOf(date: string): string {
    try {
      crsRulesAt(date)
      return 'none'
    } catch (e) {
      return e instanceof ExpressEntryError ? e.code : 'other'
    }
  }

  it.each(['2017-02-29', '2015-13-01', '2015-1-01', '20150101', '', '2015-01-00', '2019-02-29 '])('%j is invalid_input', (date) => {
    expect(codeOf(date)).toBe('invalid_input')
  })

  it('every day before 2015-01-01 is rule_not_in_force, even right after a valid date was asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2014-12-31') }).map(fromDayNumber), (date) => {
        crsRulesAt('2015-01-01')
        expect(codeOf(date)).toBe('rule_not_in_force')
      }),
      { numRuns: 300 },
    )
  })
})
