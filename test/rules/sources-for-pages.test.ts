/** The pages' copy of the instruments (src/rules/sources-for-pages.ts): the same keys, kinds and addresses, no titles. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { instruments } from '../../src/rules/sources.js'
import { withoutSourceTitles } from '../../src/rules/sources-for-pages.js'

const text = readFileSync(new URL('../../src/rules/sources.ts', import.meta.url), 'utf8')
const cut = withoutSourceTitles(text)

describe("the pages' instruments", () => {
  it('every title is emptied, whatever its quotes (one per instrument), and nothing else of the file changes (keys, kinds, addresses)', () => {
    const keys = Object.keys(instruments)
    expect(cut.match(/^ {4}title: '',$/gm)).toHaveLength(keys.length)
    for (const { title } of Object.values(instruments)) expect(cut).not.toContain(title)
    // The lines other than the titles are the file's own.
    const others = (s: string) => s.split('\n').filter((l) => !/^ {4}title: /.test(l))
    expect(others(cut)).toEqual(others(text))
  })

})
