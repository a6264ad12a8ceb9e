/** The pages' copy of the NOC 2021 list (src/noc/for-pages.ts): the same unit groups, written compactly. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nocUnitGroups } from '../../src/noc/index.js'
import { nocExpressionForPages, nocModuleForPages } from '../../src/noc/for-pages.js'

const text = readFileSync(new URL('../../data/noc2021.json', import.meta.url), 'utf8')
const json = JSON.parse(text) as { unitGroups: { code: string; title: string; teer: number }[] }
const built = (expression: string) => new Function(`return ${expression}`)() as { unitGroups: unknown[] }

describe("the pages' NOC 2021 list", () => {
  it('builds the unit groups of data/noc2021.json, each with its code, title and TEER, in order', () => {
    const pages = built(nocExpressionForPages(json))
    expect(Object.keys(pages)).toEqual(['unitGroups'])
    expect(pages.unitGroups).toEqual(json.unitGroups)
    expect(pages.unitGroups).toEqual(nocUnitGroups)
    expect(pages.unitGroups).toHaveLength(516)
  })

  it('is a module whose default export is that expression, without the provenance note, and smaller than the file', () => {
    const module = nocModuleForPages(text)
    expect(module).toBe(`export default ${nocExpressionForPages(json)}\n`)
    expect(module).not.toContain('Statistics Canada')
    expect(module.length).toBeLessThan(text.length * 0.6)
  })

  it.each([
    ['a code that is not five digits', { code: '2123', title: 'Software engineers and designers', teer: 1 }, /"2123" is not five digits/],
    ['a TEER other than the second digit', { code: '21231', title: 'Software engineers and designers', teer: 2 }, /21231 has TEER 2, not its second digit/],
    ['a title on two lines', { code: '21231', title: 'Software engineers\nand designers', teer: 1 }, /21231's title has a line break/],
  ])('refuses %s, which the compact form would not give back', (_what, row, message) => {
    expect(() => nocExpressionForPages({ unitGroups: [row] })).toThrow(message)
  })

  it('keeps a title with quotes, backslashes or non-ASCII letters as it is', () => {
    const unitGroups = [{ code: '00010', title: 'Légis"la\\tors', teer: 0 }, { code: '10010', title: "Financial managers'", teer: 0 }]
    expect(built(nocExpressionForPages({ unitGroups })).unitGroups).toEqual(unitGroups)
  })
})
