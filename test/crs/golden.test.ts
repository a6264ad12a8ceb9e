/**
 * Golden CRS cases (test/scenarios/crs-golden.json): totals and breakdown blocks worked out by hand
 * from ../shared/research/rules.md. The same file feeds the CLI end-to-end test.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreCrs } from '../../src/crs/index.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'

export interface GoldenCase {
  readonly name: string
  readonly note: string
  readonly asOf: string
  readonly factors: unknown
  readonly total: number
  readonly core?: object
  readonly spouse?: object
  readonly transferability?: object
  readonly additional?: object
}

export const goldenCases: readonly GoldenCase[] = JSON.parse(readFileSync(new URL('../scenarios/crs-golden.json', import.meta.url), 'utf8')).cases

describe('golden CRS cases (test/scenarios/crs-golden.json)', () => {
  it.each(goldenCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = scoreCrs(crsFactorsSchema.parse(c.factors), c.asOf)
    expect(result.total).toBe(c.total)
    for (const block of ['core', 'spouse', 'transferability', 'additional'] as const) {
      if (c[block]) expect(result[block]).toEqual(c[block])
    }
  })

  it('the golden file holds the four cases of the issue', () => {
    const today = goldenCases.filter((c) => c.name.includes('single, 30, CLB 9, 3y foreign')).map((c) => c.total)
    expect(today).toEqual([424, 464, 457, 479])
  })
})
