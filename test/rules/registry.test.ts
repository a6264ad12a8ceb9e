/**
 * The rule registry (src/rules/index.ts `allRules`): every rule's id is its file path, its versions are
 * sorted and cited with a real URL, and it resolves, or is explicitly not in force, on every quarter
 * from 2015-01-01 to a year from today.
 */
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { addYears, isIsoDate, todayUtc } from '../../src/domain/dates.js'
import { isExpressEntryError } from '../../src/errors.js'
import { allRules, ruleById } from '../../src/rules/index.js'
import { instruments } from '../../src/rules/sources.js'

const SRC_RULES = fileURLToPath(new URL('../../src/rules/', import.meta.url))

function fileOf(id: string): string {
  return `${SRC_RULES}${id.replaceAll('.', '/')}.ts`
}

/** 2015-01-01, 2015-04-01, ... up to a year from today. */
function quarters(): string[] {
  const end = addYears(todayUtc(), 1)
  const dates: string[] = []
  for (let year = 2015; ; year++) {
    for (const month of ['01', '04', '07', '10']) {
      const d = `${year}-${month}-01`
      if (d > end) return dates
      dates.push(d)
    }
  }
}

const rules = allRules.map((r) => [r.id, r] as const)

describe('rule registry', () => {
  it('has the CRS and language rules', () => {
    expect(allRules.length).toBeGreaterThanOrEqual(24)
  })

  it('ids are unique', () => {
    const ids = allRules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(rules)('%s: the id is the file path src/rules/<id with dots as slashes>.ts, which exports the rule', async (id, rule) => {
    expect(existsSync(fileOf(id))).toBe(true)
    const module = (await import(fileOf(id))) as Record<string, unknown>
    expect(Object.values(module)).toContain(rule)
    expect(ruleById(id)).toBe(rule)
  })

  it.each(rules)('%s: versions sorted by date, without duplicates, each a real date', (_id, rule) => {
    expect(rule.versions.length).toBeGreaterThan(0)
    const dates = rule.versions.map((v) => v.from)
    for (const d of dates) expect(isIsoDate(d)).toBe(true)
    expect([...dates].sort()).toEqual(dates)
    expect(new Set(dates).size).toBe(dates.length)
    expect(isIsoDate(rule.lastVerified)).toBe(true)
  })

  it.each(rules)('%s: every version cites a source with an https URL and a pinpoint', (_id, rule) => {
    for (const version of rule.versions) {
      expect(version.sources.length).toBeGreaterThan(0)
      for (const source of version.sources) {
        expect(source.url).toMatch(/^https:\/\/[^\s]+$/)
        expect(() => new URL(source.url)).not.toThrow()
        expect(source.pinpoint.length).toBeGreaterThan(0)
        expect(instruments[source.instrument]?.url).toBe(source.url)
      }
    }
  })

  // CRS and language rules start on 2015-01-01 (a null version says "not yet in force"). Rules of other
  // areas (categories from 2023, ...) are checked from their first version on.
  it.each(rules)('%s: resolves, or is explicitly not in force, on every quarter from 2015-01-01 to a year from today', (id, rule) => {
    const strict = id.startsWith('crs.') || id.startsWith('language.')
    if (strict) expect(rule.versions[0]!.from).toBe('2015-01-01')
    for (const date of quarters().filter((d) => strict || d >= rule.versions[0]!.from)) {
      const version = rule.versionAt(date)
      expect(version, `no version on ${date}`).toBeDefined()
      if (version!.value === null) {
        expect(rule.valueAt(date)).toBeNull()
        let error: unknown
        try {
          rule.at(date)
        } catch (e) {
          error = e
        }
        expect(isExpressEntryError(error, 'rule_not_in_force')).toBe(true)
      } else {
        expect(rule.at(date).value).toBe(version!.value)
        expect(rule.at(date).version).toBe(version)
      }
    }
  })

  it.each(rules)('%s: before 2015-01-01 there is no version', (_id, rule) => {
    expect(rule.versionAt('2014-12-31')).toBeUndefined()
    expect(rule.valueAt('2014-12-31')).toBeNull()
  })
})

describe('when CRS and language rules are not in force (rules.md §4, §5, §6)', () => {
  // [rule id, not in force before, not in force from]: typed from rules.md, not read from the rules.
  const WINDOWS: readonly [string, string | null, string | null][] = [
    ['crs.additional.canadian-education', '2016-11-19', null],
    ['crs.additional.french', '2017-06-06', null],
    ['crs.additional.sibling', '2017-06-06', null],
    ['crs.additional.job-offer', null, '2025-03-25'],
    ['language.pte-core', '2024-01-30', null],
  ]
  const ALWAYS = [
    'crs.core.age',
    'crs.core.education',
    'crs.core.first-language',
    'crs.core.second-language',
    'crs.core.canadian-work',
    'crs.spouse.education',
    'crs.spouse.language',
    'crs.spouse.canadian-work',
    'crs.transferability.education',
    'crs.transferability.foreign-work',
    'crs.transferability.certificate',
    'crs.transferability.cap',
    'crs.additional.provincial-nomination',
    'crs.additional.cap',
    'language.ielts-general',
    'language.celpip-general',
    'language.tef-canada',
    'language.validity',
  ]

  it.each(WINDOWS)('%s: in force from %s until %s', (id, from, until) => {
    const rule = ruleById(id)!
    expect(rule).toBeDefined()
    for (const date of quarters()) {
      const inForce = (from === null || date >= from) && (until === null || date < until)
      expect(rule.valueAt(date) !== null, `${id} on ${date}`).toBe(inForce)
    }
    if (from) {
      expect(rule.valueAt(addDaysIso(from, -1))).toBeNull()
      expect(rule.valueAt(from)).not.toBeNull()
    }
    if (until) {
      expect(rule.valueAt(addDaysIso(until, -1))).not.toBeNull()
      expect(rule.valueAt(until)).toBeNull()
    }
  })

  it('language.tcf-canada: not designated before November 2018 (S21; the day is a recorded choice), in force after', () => {
    const rule = ruleById('language.tcf-canada')!
    expect(rule.valueAt('2018-10-31')).toBeNull()
    expect(rule.valueAt('2018-12-01')).not.toBeNull()
  })

  it.each(ALWAYS)('%s is in force on every quarter', (id) => {
    const rule = ruleById(id)!
    expect(rule).toBeDefined()
    for (const date of quarters()) expect(rule.valueAt(date), `${id} on ${date}`).not.toBeNull()
  })

  it('every CRS and language rule file is in the registry', () => {
    const files: string[] = []
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(`${dir}/${entry.name}`, `${prefix}${entry.name}.`)
        else if (entry.name.endsWith('.ts') && entry.name !== 'shared.ts' && entry.name !== 'index.ts') files.push(`${prefix}${entry.name.slice(0, -3)}`)
      }
    }
    walk(`${SRC_RULES}crs`, 'crs.')
    walk(`${SRC_RULES}language`, 'language.')
    expect(files.sort()).toEqual(allRules.map((r) => r.id).filter((id) => id.startsWith('crs.') || id.startsWith('language.')).sort())
  })
})

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
