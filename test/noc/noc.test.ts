import { describe, expect, it } from 'vitest'
import { isNocCode, nocByCode, nocTitle, nocUnitGroups, searchNoc } from '../../src/noc/index.js'
import { teerOf } from '../../src/work/history.js'

describe('NOC 2021 V1.0 unit groups', () => {
  it('has the 516 unit groups of StatCan, with TEER counts 48/97/162/69/95/45', () => {
    expect(nocUnitGroups).toHaveLength(516)
    const byTeer = [0, 0, 0, 0, 0, 0]
    for (const u of nocUnitGroups) byTeer[u.teer]!++
    expect(byTeer).toEqual([48, 97, 162, 69, 95, 45])
  })

  it('gives every code five digits and the TEER of its second digit', () => {
    for (const u of nocUnitGroups) {
      expect(u.code).toMatch(/^\d{5}$/)
      expect(teerOf(u.code)).toBe(u.teer)
    }
  })

  it.each([
    ['21231', 'Software engineers and designers', 1],
    ['00012', 'Senior managers - financial, communications and other business services', 0],
    ['72310', 'Carpenters', 2],
    ['63200', 'Cooks', 3],
    ['64100', 'Retail salespersons and visual merchandisers', 4],
    ['65310', 'Light duty cleaners', 5],
  ])('%s is "%s", TEER %i', (code, title, teer) => {
    expect(nocByCode(code)).toEqual({ code, title, teer })
    expect(isNocCode(code)).toBe(true)
    expect(nocTitle(code)).toBe(title)
  })

  it('knows no unit group 99999 and no 4-digit NOC 2011 code', () => {
    expect(nocByCode('99999')).toBeUndefined()
    expect(isNocCode('2173')).toBe(false)
    expect(nocTitle('99999')).toBe('99999')
  })
})

describe('searchNoc', () => {
  it.each([
    ['software engineer', '21231'],
    ['registered nurse', '31301'],
    ['carpenters', '72310'],
    ['data scientist', '21211'],
    ['Électriciens électricité', undefined],
    ['cook', '63200'],
  ])('"%s" finds %s first', (query, code) => {
    expect(searchNoc(query)[0]?.unitGroup.code).toBe(code)
  })

  it('matches every word (AND), as words or their starts', () => {
    for (const m of searchNoc('civil engin')) expect(m.unitGroup.title.toLowerCase()).toMatch(/civil/)
    expect(searchNoc('civil engin').map((m) => m.unitGroup.code)).toContain('21300')
  })

  it('searches codes by their first digits', () => {
    const hits = searchNoc('2123')
    expect(hits.map((m) => m.unitGroup.code)).toEqual(['21230', '21231', '21232', '21233', '21234'])
  })

  it('finds nothing for an empty query or stop words only', () => {
    expect(searchNoc('')).toEqual([])
    expect(searchNoc('and of the')).toEqual([])
  })

  it('limits the number of hits', () => {
    expect(searchNoc('managers', 3)).toHaveLength(3)
  })
})
