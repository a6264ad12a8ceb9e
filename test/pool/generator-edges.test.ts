/** pool generate --like on days it cannot make a pool like: a clear error on `like`, never a hang. */
import { describe, expect, it } from 'vitest'
import { isExpressEntryError, type ExpressEntryError } from '../../src/errors.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { runCli } from '../history/cli-helper.js'

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

  it('refuses a day whose year of submissions would begin before Express Entry opened (2015-01-01), naming the first day it takes', () => {
    const draw = (like: string) => [...generatePool({ size: 3, seed: 1, like, eligibility, shape: 'model' })]
    expect(() => draw('2015-06-01')).toThrow(expect.objectContaining({ code: 'invalid_input', details: { issues: [expect.objectContaining({ path: 'like', value: '2015-06-01', message: expect.stringContaining('give a day from 2015-12-31') })] } }) as unknown as Error)
    expect(draw('2015-12-31')).toHaveLength(3)
  }, 30_000)

  it('refuses such a day at the call, before any profile is asked for: pool generate says only the refusal, not which distribution it would match', async () => {
    expect(() => generatePool({ size: 3, seed: 1, like: '2015-06-01', eligibility, shape: 'model' })).toThrow(expect.objectContaining({ code: 'invalid_input' }) as unknown as Error)
    const run = await runCli(registerPool, ['pool', 'generate', '--size', '3', '--like', '2015-06-01'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('give a day from 2015-12-31')
    expect(run.stderr).not.toContain('matching the pool distribution')
    expect(run.stdout).toBe('')
  }, 30_000)
})
