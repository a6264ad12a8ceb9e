import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { eligibilityResultSchema } from '../../src/api/response-schemas.js'
import { loadRounds } from '../../src/history/load.js'
import { eligibility, type EligibilityResult } from '../../src/eligibility/index.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { francophone } from '../history/profiles.js'

const rounds = loadRounds()
const app = createApp({ history: { rounds: () => rounds } })
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>
const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })

describe('POST /v1/eligibility', () => {
  it('the example profile: CEC after a year of Canadian work, with the program it would be invited under', async () => {
    const res = await post('/v1/eligibility', { asOf: '2026-01-15', profile: example })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { asOf: string; programs: { cec: { eligible: boolean } }; invitedUnder: string | null; categories: unknown[] }
    expect(body.asOf).toBe('2026-01-15')
    expect(body.programs.cec.eligible).toBe(true)
    expect(Array.isArray(body.categories)).toBe(true)
  })

  it('CrsFactors are refused with a reason (400)', async () => {
    const res = await post('/v1/eligibility', golden)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Profile/)
  })

  it('a code that is not a NOC 2021 unit group is a 400 naming its path, wherever it is', async () => {
    const work = [{ noc: '99999', country: 'CA', from: '2023-06-01', to: null, hoursPerWeek: 40 }]
    const res = await post('/v1/eligibility', { asOf: '2026-01-15', profile: { ...example, jobOffer: { noc: '00000', lmiaExempt: false }, work } })
    expect(res.status).toBe(400)
    const issues = ((await res.json()) as { issues: { path: string; message: string }[] }).issues
    expect(issues.map((i) => i.path)).toEqual(['profile.work.0.noc', 'profile.jobOffer.noc'])
    expect(issues[0]!.message).toMatch(/^not a NOC 2021 unit group/)
    // The score and outlook read the same Profile schema.
    expect((await post('/v1/crs/score', { asOf: '2026-01-15', profile: { ...example, work } })).status).toBe(400)
  })

  it("a category whose list is not known is eligible: null (can't tell) with its reason, as the library says", async () => {
    const res = await post('/v1/eligibility', { asOf: '2026-03-01', profile: example })
    const body = (await res.json()) as EligibilityResult
    expect(body).toEqual(JSON.parse(JSON.stringify(eligibility(profileSchema.parse(example), '2026-03-01'))))
    for (const c of body.categories) if (c.eligible === null) expect(c.unmet.map((u) => u.code)).toEqual(['category_list_unknown'])
  })

  it("a Profile that does not give its funds: FSW eligible null (can't tell) with settlement_funds_unknown, funds.available null, as the library says, and in the published schema (E21)", async () => {
    // Work abroad only: FSW is the only program open (CEC needs Canadian work).
    const { settlementFundsCad: _, ...unsaid } = { ...(example as { settlementFundsCad?: number }), work: [{ noc: '21231', country: 'IN', from: '2017-07-15', to: '2024-08-31', hoursPerWeek: 40 }] }
    const res = await post('/v1/eligibility', { asOf: '2026-03-01', profile: unsaid })
    expect(res.status).toBe(200)
    const body = (await res.json()) as EligibilityResult
    expect(body).toEqual(JSON.parse(JSON.stringify(eligibility(profileSchema.parse(unsaid), '2026-03-01'))))
    expect([body.programs.fsw.eligible, body.programs.fsw.funds.available, body.programs.fsw.undecided?.map((u) => u.code), body.invitedUnder, body.invitedUnderUndecided]).toEqual([null, null, ['settlement_funds_unknown'], null, ['fsw']])
    const parsed = eligibilityResultSchema.safeParse(body)
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true)
  })

  it('a bad field names its path under profile.', async () => {
    const res = await post('/v1/eligibility', { asOf: '2026-01-15', profile: { ...example, work: [{ noc: '2123', country: 'CA', from: '2023-06-01', to: null, hoursPerWeek: 40 }] } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('profile.work.0.noc')
  })
})

describe('POST /v1/outlook', () => {
  it('what-if, timeline, cut-off estimates and past rounds for CrsFactors', async () => {
    const res = await post('/v1/outlook?size=500,3000', { asOf: '2025-06-01', factors: golden })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { score: number; whatIf: { changes: unknown[] }; cutoff: { estimates: { size: number }[] }; pastRounds: { summary: { rounds: number } } }
    expect(body.score).toBe(464)
    expect(body.whatIf.changes.length).toBeGreaterThan(0)
    expect(body.cutoff.estimates.map((e) => e.size)).toEqual([500, 3000])
    expect(body.pastRounds.summary.rounds).toBe(rounds.filter((r) => r.date <= '2025-06-01').length)
  })

  it('what would open a program: the francophone one FSW grid point short is told an English test at CLB 5 does it (null for CrsFactors)', async () => {
    const res = await post('/v1/outlook', { asOf: '2026-11-29', profile: francophone })
    const body = (await res.json()) as { unlocks: unknown[] }
    expect(body.unlocks).toContainEqual({ target: 'fsw', code: 'second-language-test', params: { language: 'english', clb: 5, gridFrom: 66, gridTo: 70 }, on: '2026-11-29', crsGain: 29 })
    const factors = (await (await post('/v1/outlook', { asOf: '2025-06-01', factors: golden })).json()) as { unlocks: unknown }
    expect(factors.unlocks).toBeNull()
  })

  it.each(['size=abc', 'years=20', 'colour=blue'])('bad query %s → 400', async (q) => {
    const res = await post(`/v1/outlook?${q}`, golden)
    expect(res.status).toBe(400)
  })

  // A size of 0 was dropped unsaid (?size=0 answered no estimate at all); the CLI's --size 0 is refused.
  it.each(['size=0', 'size=500,0', 'size=0000000'])('a round size below 1 is refused, naming size: %s', async (q) => {
    const res = await post(`/v1/outlook?${q}`, golden)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { issues: { path: string; message: string }[] }).issues).toEqual([{ path: 'size', message: expect.stringMatching(/^expected round sizes of 1 invitation or more/) as unknown as string }])
  })
})
