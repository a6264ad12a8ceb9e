/**
 * The web app's bundle carries data/categories.json cut to the fields the library reads
 * (web/vite.config.ts): the catalog built from the cut file must be the catalog built from the whole.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogOf, categoryVersions } from '../../src/rules/categories/catalog.js'
import { CATEGORY_FIELDS_READ, categoriesAsRead, categoriesForPages } from '../../src/rules/categories/fields.js'

const whole = JSON.parse(readFileSync(new URL('../../data/categories.json', import.meta.url), 'utf8')) as { categories: Record<string, unknown>[] }

describe('categories as the library reads them', () => {
  it('the cut file gives the same catalog, every version and field', () => {
    const cut = categoriesAsRead(whole)
    expect(catalogOf(cut)).toEqual(catalogOf(whole))
    expect(catalogOf(whole)).toEqual(categoryVersions)
    // It is cut: the research record (occupation titles, notes) is not carried.
    expect(JSON.stringify(cut).length).toBeLessThan(0.8 * JSON.stringify(whole).length)
    for (const c of cut.categories) for (const field of Object.keys(c)) expect(CATEGORY_FIELDS_READ).toContain(field)
  })

  it('a field the library reads, left out, changes the catalog (the check can fail)', () => {
    const without = (field: string) => ({ categories: whole.categories.map(({ [field]: _dropped, ...rest }) => rest) })
    expect(catalogOf(without('confidence'))).not.toEqual(catalogOf(whole))
    expect(() => catalogOf(without('rule'))).toThrow()
  })

  it("the pages' copy gives the same catalog with every rule's text empty, and nothing else changed", () => {
    const pages = catalogOf(categoriesForPages(whole))
    expect(pages.map((v) => v.rule.text)).toEqual(pages.map(() => ''))
    expect(categoryVersions.every((v) => v.rule.text.length > 0)).toBe(true)
    expect(pages).toEqual(categoryVersions.map((v) => ({ ...v, rule: { ...v.rule, text: '' } })))
  })
})
