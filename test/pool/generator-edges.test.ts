/** pool generate --like on days it cannot make a pool like: a clear error on `like`, never a hang. */
import { describe, expect, it } from 'vitest'
import { isExpressEntryError, type ExpressEntryError } from '../../src/errors.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'

const eligibility = realEligibility()

describe('generatePool on a day far after its submissions', () => {
  it('refuses (invalid input on like) instead of drawing for ever: no profile made like that day is eligible on its submission day', () => {
    const draw = () => [...generatePool({ size: 3, seed: 1, like: '2028-06-01', eligibility, shape: 'model', submittedBy: '2026-11-30T07:00:00Z' })]
    expect(draw).toThrow(expect.objectContaining({ code: 'invalid_input' }) as unknown as Error)
    try {
      draw()
    } catch (e) {
      expect(isExpressEntryError(e, 'invalid_input')).toBe(true)
      expect((e as ExpressEntryError<'invalid_input'>).details.issues[0]).toMatchObject({ path: 'like', value: '2028-06-01' })
    }
  }, 30_000)
})
