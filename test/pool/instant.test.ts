import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { instantMs } from '../../src/pool/lifecycle.js'

describe('instantMs', () => {
  it.each([
    ['2023-07-05T13:38:22Z', 1688564302000],
    ['1970-01-01T00:00:00Z', 0],
    ['2024-02-29T23:59:59Z', 1709251199000],
    ['0000-01-01T00:00:00Z', -62167219200000],
  ])('%s is %d ms', (instant, ms) => expect(instantMs(instant)).toBe(ms))

  it.each(['2023-02-29T00:00:00Z', '2023-07-05T24:00:00Z', '2023-07-05T13:60:00Z', '2023-07-05T13:38:22.5Z', '2023-07-05 13:38:22Z', '2023-13-01T00:00:00Z', 'x023-07-05T13:38:22Z', ''])('%j answers as Date.parse', (instant) => {
    expect(instantMs(instant)).toBe(Date.parse(instant))
  })

  it('answers as Date.parse on any instant string and any near miss', () => {
    const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const instant = fc.tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(25), two(61), two(61)).map(([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}Z`)
    fc.assert(fc.property(instant, (s) => Object.is(instantMs(s), Date.parse(s))), { numRuns: 20_000 })
    fc.assert(fc.property(instant, fc.nat(19), fc.constantFrom(...'0123456789-:TZ .x+'), (s, i, c) => {
      const t = s.slice(0, i) + c + s.slice(i + 1)
      return Object.is(instantMs(t), Date.parse(t))
    }), { numRuns: 20_000 })
  })
})
