/**
 * Golden CRS cases (test/scenarios/crs-golden.json): totals and breakdown blocks worked out by hand
 * from ../shared/research/rules.md. The same file feeds the CLI end-to-end test.
 */
import { describe, expect, it } from 'vitest'
import { scoreCrs } from '../../src/crs/index.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import { goldenCases } from './golden-cases.js'

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
