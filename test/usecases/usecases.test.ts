/**
 * The use-case layer both surfaces call (src/usecases): one answer per request, whoever asks. The CLI
 * and API end-to-end tests check each surface prints these answers; here, the answers themselves.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { scoreCrs } from '../../src/crs/index.js'
import { eligibility } from '../../src/eligibility/index.js'
import { isExpressEntryError } from '../../src/errors.js'
import { loadRounds } from '../../src/history/load.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { answerEligibility } from '../../src/usecases/eligibility.js'
import { lineError } from '../../src/usecases/lines.js'
import { answerOutlook, DEFAULT_ROUND_SIZES } from '../../src/usecases/outlook.js'
import { answerScore } from '../../src/usecases/score.js'

const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>
const factors = JSON.parse(readFileSync(new URL('../../examples/factors.json', import.meta.url), 'utf8')) as Record<string, unknown>
const rounds = loadRounds()
const app = createApp({ history: { rounds: () => rounds } })
const post = async (path: string, body: unknown) => (await app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })).json()

describe('score', () => {
  it('answers a bare request on the default date and an envelope on its own; the trace only when asked', () => {
    const bare = answerScore(factors, '2024-05-01', false) as { total: number; asOf: string; trace?: unknown }
    expect(bare).toMatchObject({ asOf: '2024-05-01', total: scoreCrs(crsFactorsSchema.parse(factors), '2024-05-01').total })
    expect(bare.trace).toBeUndefined()
    expect(answerScore({ asOf: '2024-05-01', factors }, '2020-01-01', false)).toEqual(bare)
    expect((answerScore(factors, '2024-05-01', true) as { trace: unknown[] }).trace.length).toBeGreaterThan(0)
  })

  it('a bad line is { line, path, message } with every issue', () => {
    let error: unknown
    try {
      answerScore({ ...factors, age: -1, education: 'phd' }, '2024-05-01', false)
    } catch (e) {
      error = e
    }
    expect(isExpressEntryError(error, 'invalid_input')).toBe(true)
    const line = lineError(7, error)
    expect(line.line).toBe(7)
    expect(line.path).toBe('age')
    expect(line.message).toMatch(/^age: .*; education: /)
    expect(lineError(3, new SyntaxError('Unexpected end'))).toEqual({ line: 3, path: '', message: 'not valid JSON: Unexpected end' })
  })
})

describe('eligibility', () => {
  it('answers as the library, for a bare Profile and an envelope', () => {
    const expected = eligibility(profileSchema.parse(example), '2026-01-15')
    expect(answerEligibility(example, '2026-01-15').result).toEqual(expected)
    expect(answerEligibility({ asOf: '2026-01-15', profile: example }, '2020-01-01').result).toEqual(expected)
  })

  it('refuses CrsFactors, naming the field when they come in an envelope', () => {
    expect(() => answerEligibility({ asOf: '2026-01-15', factors }, '2026-01-15')).toThrow(/eligibility needs a Profile/)
  })

  it('POST /v1/eligibility answers the same', async () => {
    expect(await post('/v1/eligibility', { asOf: '2026-01-15', profile: example })).toEqual(JSON.parse(JSON.stringify(answerEligibility(example, '2026-01-15').result)))
  })
})

describe('outlook', () => {
  it('defaults: the usual round sizes and a 3-year timeline; only the rounds up to the date', () => {
    const outlook = answerOutlook({ asOf: '2024-05-01', profile: example }, '2026-01-01', { rounds })
    expect(outlook.cutoff.estimates.map((e) => e.size)).toEqual(DEFAULT_ROUND_SIZES)
    expect(outlook.timeline.until).toBe('2027-05-01')
    expect(outlook.pastRounds.rounds.every((r) => r.date <= '2024-05-01')).toBe(true)
    expect(outlook).toEqual(answerOutlook({ asOf: '2024-05-01', profile: example }, '2026-01-01', { rounds, sizes: DEFAULT_ROUND_SIZES, years: 3 }))
  })

  it('a day whose look ahead passes the calendar is refused on asOf, not a date error from inside', () => {
    const refusal = (() => {
      try {
        answerOutlook({ asOf: '9999-12-31', factors }, '2026-01-01', { rounds })
      } catch (e) {
        if (isExpressEntryError(e, 'invalid_input')) return e.details.issues
      }
      return null
    })()
    expect(refusal).toEqual([{ path: 'asOf', value: '9999-12-31', message: 'the outlook looks 3 years ahead of the day, past 9999-12-31, the last day of the calendar this engine handles: look from a day on or before 9996-12-31' }])
    expect(answerOutlook({ asOf: '9996-12-31', factors }, '2026-01-01', { rounds }).timeline.until).toBe('9999-12-31')
  })

  it('POST /v1/outlook answers the same, with its query', async () => {
    const body = { asOf: '2024-05-01', factors }
    expect(await post('/v1/outlook?size=700,2000&years=2', body)).toEqual(JSON.parse(JSON.stringify(answerOutlook(body, '2026-01-01', { rounds, sizes: [700, 2000], years: 2 }))))
  })
})
