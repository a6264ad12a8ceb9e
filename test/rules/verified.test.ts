/**
 * When the rules were last verified, and the notice every surface adds for a later date: the library
 * (rules/verified.ts, attached in scoreRequest and eligibility()), the CLI (score, eligibility,
 * rules status), the API (score over hono and over the socket's fast path, eligibility, rules status).
 * The web app's notice is checked in test/e2e/web-current.test.ts.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { startServer } from '../../src/api/server.js'
import { registerEligibility } from '../../src/cli/commands/eligibility.js'
import { registerRules } from '../../src/cli/commands/rules.js'
import { registerScore } from '../../src/cli/commands/score.js'
import { scoreRequest } from '../../src/crs/index.js'
import { eligibility } from '../../src/eligibility/index.js'
import { allRules } from '../../src/rules/index.js'
import { AREA_LAST_VERIFIED, areaOf, ruleAreas, verificationNotice } from '../../src/rules/verified.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { runCli } from '../history/cli-helper.js'

const PROFILE_PATH = new URL('../../examples/profile.json', import.meta.url).pathname
const FACTORS_PATH = new URL('../../examples/factors.json', import.meta.url).pathname
const profileJson = JSON.parse(readFileSync(PROFILE_PATH, 'utf8')) as object
const profile = profileSchema.parse(profileJson)
const MESSAGE = 'rules last verified on 2026-11-29; a change after that day is not known to this version'

describe('the days the rules were last verified', () => {
  it('every area was last verified on 2026-11-29 (../shared/research/2026-update.md)', () => {
    expect(ruleAreas().map((a) => [a.id, a.lastVerified])).toEqual([
      ['crs', '2026-11-29'],
      ['language', '2026-11-29'],
      ['fsw', '2026-11-29'],
      ['programs', '2026-11-29'],
      ['categories', '2026-11-29'],
    ])
  })

  it("each rule states its area's day (one datum per area, no rule claims another)", () => {
    for (const rule of allRules) expect(rule.lastVerified, rule.id).toBe(AREA_LAST_VERIFIED[areaOf(rule)])
  })

  it.each([
    ['2015-01-01', null],
    ['2026-11-29', null],
    ['2026-11-30', MESSAGE],
    ['2030-01-01', MESSAGE],
  ])('on %s: %s', (asOf, message) => {
    expect(verificationNotice(asOf)?.message ?? null).toBe(message)
  })
})

describe('the library entry points', () => {
  it('scoreRequest adds the notice after the day, to a profile and to factors alike, and nothing on or before it', () => {
    const after = scoreRequest(parseScoreRequest({ asOf: '2027-01-15', profile: profileJson }, '2026-11-29'))
    expect(after.notices).toContainEqual({ code: 'rules_not_verified', path: 'asOf', lastVerified: '2026-11-29', areas: ['crs', 'language'], message: MESSAGE })
    const factors = JSON.parse(readFileSync(FACTORS_PATH, 'utf8')) as object
    expect(scoreRequest(parseScoreRequest({ asOf: '2027-01-15', factors }, '2026-11-29')).notices.map((n) => n.code)).toEqual(['rules_not_verified'])
    expect(scoreRequest(parseScoreRequest({ asOf: '2026-11-29', factors }, '2026-11-29')).notices).toEqual([])
    // The answer itself is as usual: the notice is beside it.
    expect(after.result).toMatchObject({ asOf: '2027-01-15', total: expect.any(Number) })
  })

  it('eligibility() carries the notice after the day only', () => {
    expect(eligibility(profile, '2027-01-15').notices).toEqual([{ code: 'rules_not_verified', path: 'asOf', lastVerified: '2026-11-29', areas: ['crs', 'language', 'fsw', 'programs', 'categories'], message: MESSAGE }])
    expect(eligibility(profile, '2026-11-29').notices).toBeUndefined()
  })
})

describe('the CLI', () => {
  it('score and eligibility print the notice for a later date', async () => {
    const score = await runCli(registerScore, ['score', PROFILE_PATH, '--as-of', '2027-01-15'])
    expect(score.code).toBe(0)
    expect(score.stdout).toContain(`Note: ${MESSAGE}`)
    expect(score.stdout).not.toContain('  - rules last verified')
    const json = JSON.parse((await runCli(registerScore, ['score', PROFILE_PATH, '--as-of', '2027-01-15', '--json'])).stdout) as { notices: { code: string }[] }
    expect(json.notices.map((n) => n.code)).toContain('rules_not_verified')
    const elig = await runCli(registerEligibility, ['eligibility', PROFILE_PATH, '--as-of', '2027-01-15'])
    expect(elig.stdout).toContain(`Note: ${MESSAGE}`)
    expect((await runCli(registerScore, ['score', PROFILE_PATH, '--as-of', '2026-06-01'])).stdout).not.toContain('rules last verified')
  })

  it('rules status lists each area with its day, and says whether a date carries the notice', async () => {
    const r = await runCli(registerRules, ['rules', 'status', '--as-of', '2027-01-15'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^area\s+last verified\s+rules\s+what/)
    expect(r.stdout).toMatch(/\ncrs\s+2026-11-29\s+18\s+CRS points/)
    expect(r.stdout).toMatch(/\ncategories\s+2026-11-29\s+11\s+Category-based selection/)
    expect(r.stdout).toContain(`Answers for 2027-01-15 carry the notice: ${MESSAGE}`)
    const json = JSON.parse((await runCli(registerRules, ['rules', 'status', '--as-of', '2026-11-29', '--json'])).stdout) as { areas: { id: string; rules: number }[]; notice: unknown }
    expect(json.notice).toBeNull()
    expect(json.areas.reduce((s, a) => s + a.rules, 0)).toBe(allRules.length)
    expect((await runCli(registerRules, ['rules', 'status', '--as-of', '2027-02-30'])).code).toBe(2)
  })
})

describe('the API', () => {
  const app = createApp({})
  it('POST /v1/crs/score and /v1/eligibility carry the notice for a later date', async () => {
    const score = (await (await app.request('/v1/crs/score', { method: 'POST', body: JSON.stringify({ asOf: '2027-01-15', profile: profileJson }) })).json()) as { notices: { code: string; message: string }[] }
    expect(score.notices.find((n) => n.code === 'rules_not_verified')?.message).toBe(MESSAGE)
    const elig = (await (await app.request('/v1/eligibility', { method: 'POST', body: JSON.stringify({ asOf: '2027-01-15', profile: profileJson }) })).json()) as { notices: { message: string }[] }
    expect(elig.notices[0]!.message).toBe(MESSAGE)
    const before = (await (await app.request('/v1/crs/score', { method: 'POST', body: JSON.stringify({ asOf: '2026-11-29', profile: profileJson }) })).json()) as { notices?: { code: string }[] }
    expect((before.notices ?? []).map((n) => n.code)).not.toContain('rules_not_verified')
  })

  it('the socket fast path of POST /v1/crs/score carries it too', async () => {
    const server = await startServer({ port: 0, hostname: '127.0.0.1' })
    try {
      const res = await fetch(`${server.url}/v1/crs/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ asOf: '2027-01-15', profile: profileJson }) })
      expect(((await res.json()) as { notices: { message: string }[] }).notices.at(-1)!.message).toBe(MESSAGE)
    } finally {
      await server.close()
    }
  })

  it('GET /v1/rules/status: the areas and the notice for asOf; a bad date is a 400 problem', async () => {
    const body = (await (await app.request('/v1/rules/status?asOf=2027-01-15')).json()) as { areas: { id: string; lastVerified: string }[]; notice: { message: string } }
    expect(body.areas.map((a) => a.lastVerified)).toEqual(['2026-11-29', '2026-11-29', '2026-11-29', '2026-11-29', '2026-11-29'])
    expect(body.notice.message).toBe(MESSAGE)
    const bad = await app.request('/v1/rules/status?asOf=tomorrow')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
  })
})
