/**
 * The derived columns' window: score, programs and categories stay the same on every day of
 * [from, until), so rounds may trust stored values inside it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber } from '../../src/domain/dates.js'
import { deriveAt, valuesAt } from '../../src/pool/derived.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { profileOf, profileInput } from './fixtures.js'

const eligibility = realEligibility()

describe('deriveAt', () => {
  it.each([
    { name: 'the day before the 30th birthday', asOf: '2025-06-14', until: '2025-06-15' },
    { name: 'the 30th birthday', asOf: '2025-06-15', until: '2025-10-01' },
  ])('$name: the window ends on $until', ({ asOf, until }) => {
    const p = profileOf(profileInput('b', '2025-01-10T00:00:00Z', { dob: '1995-06-15', testDate: '2023-10-01', canadianWorkFrom: '2019-01-07' }))
    const d = deriveAt(p, asOf, eligibility)
    expect(fromDayNumber(d.until) <= until).toBe(true)
    expect(valuesAt(p, addDays(fromDayNumber(d.until), -1), eligibility)).toEqual(valuesAt(p, asOf, eligibility))
  })

  it('the score drops on the birthday that costs age points', () => {
    const p = profileOf(profileInput('b', '2025-01-10T00:00:00Z', { dob: '1995-06-15', testDate: '2024-10-01' }))
    expect(valuesAt(p, '2025-06-15', eligibility).score).toBeLessThan(valuesAt(p, '2025-06-14', eligibility).score)
  })

  it('generated profiles keep their values on every sampled day of the window', () => {
    const pool = [...generatePool({ size: 300, seed: 7, like: '2024-02-20', eligibility })].map((g) => g.profile)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pool.length - 1 }), fc.integer({ min: -200, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, shift, where) => {
        const p = pool[i]!
        const asOf = addDays('2024-02-20', shift)
        const d = deriveAt(p, asOf, eligibility)
        const day = fromDayNumber(Math.min(d.until - 1, d.from + Math.floor(where * (d.until - d.from))))
        const { from: _f, until: _u, ...values } = d
        expect(valuesAt(p, day, eligibility)).toEqual(values)
        expect(valuesAt(p, fromDayNumber(d.until - 1), eligibility)).toEqual(values)
      }),
      { numRuns: 1000, seed: 42 },
    )
  })
})
