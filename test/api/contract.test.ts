/** Answers match the schemas the OpenAPI document publishes for them. */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { crsResultSchema, problemSchema } from '../../src/api/openapi.js'
import { eligibilityResultSchema, heldRoundSchema, invitationsSchema, pastRoundSchema, roundsListSchema, simulationSchema } from '../../src/api/response-schemas.js'
import { loadRounds } from '../../src/history/load.js'
import { outlookSchema } from '../../src/schemas/outlook.js'
import { UNMET_CODES } from '../../src/eligibility/types.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { openStore, type Store } from '../../src/store/index.js'
import type { z } from 'zod'
import { engineer } from '../history/profiles.js'

const rounds = loadRounds()
const eligibility = realEligibility()
const example = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8')) as object
const auth = { authorization: 'Bearer c', 'content-type': 'application/json' }
let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openStore(':memory:')
  // The outlooks and simulations below are more than the costly operations' burst (429 has its own test).
  app = createApp({ token: 'c', history: { rounds: () => rounds }, pool: { store, eligibility }, expensiveLimit: { burst: 100, perSecond: 100 } })
  const profiles = [...generatePool({ size: 120, seed: 11, like: '2025-06-01', eligibility })].map((g) => g.profile)
  await app.request('/v1/pool/profiles', { method: 'POST', headers: auth, body: JSON.stringify(profiles) })
})
afterAll(async () => {
  await store.close()
})

const round = { at: '2025-06-02T00:00:00Z', kind: 'general', size: 20 }

describe('responses match their published schemas', () => {
  it.each<{ name: string; method: string; path: string; body?: unknown; schema: z.ZodType }>([
    { name: 'CrsResult with trace', method: 'POST', path: '/v1/crs/score?explain=1', body: { asOf: '2026-01-15', profile: example }, schema: crsResultSchema },
    { name: 'Problem', method: 'POST', path: '/v1/crs/score', body: { age: 'x' }, schema: problemSchema },
    { name: 'EligibilityResult', method: 'POST', path: '/v1/eligibility', body: { asOf: '2026-01-15', profile: example }, schema: eligibilityResultSchema },
    { name: 'PastRound', method: 'GET', path: '/v1/rounds/254', schema: pastRoundSchema },
    { name: 'RoundsList', method: 'GET', path: '/v1/rounds?year=2024&distribution=1', schema: roundsListSchema },
    { name: 'Simulation', method: 'POST', path: '/v1/rounds/simulate', body: round, schema: simulationSchema },
    { name: 'HeldRound', method: 'POST', path: '/v1/rounds/run', body: round, schema: heldRoundSchema },
    { name: 'Invitations', method: 'GET', path: '/v1/rounds/run/1/invitations', schema: invitationsSchema },
  ])('$name', async ({ method, path, body, schema }) => {
    const res = await app.request(path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const json: unknown = await res.json()
    const parsed = schema.safeParse(json)
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true)
  })
})

describe('query parameters an endpoint does not take are refused, naming each (never silently ignored)', () => {
  it.each<{ method: string; path: string; param: string; body?: unknown; message: RegExp }>([
    { method: 'POST', path: '/v1/forecast?asOf=2020-01-01', param: 'asOf', body: example, message: /^unknown query parameter: this endpoint takes none \(asOf, horizonDays and seed go in the body/ },
    { method: 'POST', path: '/v1/eligibility?asOf=2020-01-01', param: 'asOf', body: example, message: /^unknown query parameter: this endpoint takes none \(the date goes in the body/ },
    { method: 'POST', path: '/v1/crs/score?explain=maybe', param: 'explain', body: example, message: /explain: expected 1, true, 0 or false/ },
    { method: 'POST', path: '/v1/crs/score?asOf=2020-01-01', param: 'asOf', body: example, message: /unknown field "asOf"/ },
    { method: 'GET', path: '/v1/rounds/stats?year=2024', param: 'year', message: /^unknown query parameter: this endpoint takes none/ },
    { method: 'GET', path: '/v1/rounds/254?lang=fr', param: 'lang', message: /^unknown query parameter/ },
    { method: 'GET', path: '/v1/forecast/track-record?from=2024-01-01', param: 'from', message: /^unknown query parameter/ },
    { method: 'GET', path: '/v1/rules/status?asof=2020-01-01', param: 'asof', message: /unknown field "asof"/ },
    { method: 'POST', path: '/v1/rounds/simulate?dry=1', param: 'dry', body: round, message: /^unknown query parameter/ },
    { method: 'POST', path: '/v1/rounds/run?dry=1', param: 'dry', body: round, message: /^unknown query parameter/ },
    { method: 'POST', path: '/v1/pool/profiles?asOf=2025-01-01', param: 'asOf', body: [], message: /^unknown query parameter/ },
  ])('$method $path → 400 naming $param', async ({ method, path, param, body, message }) => {
    const res = await app.request(path, { method, headers: auth, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { issues: { path: string; message: string }[] }
    expect(problem.issues).toEqual([expect.objectContaining({ path: param, message: expect.stringMatching(message) as unknown as string })])
  })

  it.each([
    '/v1/pool/distribution?at=2023-07-05T13:38:22Z&at=2024-07-05T13:38:22Z',
    '/v1/rounds/categories?on=2023-07-05&on=2026-07-05',
    '/v1/rules/status?asOf=2020-01-01&asOf=2026-01-01',
    '/v1/rounds?year=2023&year=2024',
    '/v1/rounds/feed.atom?limit=5&limit=50',
  ])('a parameter given twice is refused, naming it (one would be answered, the other ignored): %s', async (path) => {
    const res = await app.request(path, { headers: auth })
    expect(res.status).toBe(400)
    const param = new URL(path, 'http://x').searchParams.keys().next().value
    const problem = (await res.json()) as { issues: { path: string; message: string }[] }
    expect(problem.issues).toEqual([{ path: param, message: expect.stringMatching(/^given 2 times/) as unknown as string }])
  })

  it('the parameters they do take still work: ?explain, ?explain=0, /v1/rules/status?asOf', async () => {
    for (const q of ['?explain', '?explain=1', '?explain=true', '?explain=0', '?explain=false', '']) {
      const res = await app.request(`/v1/crs/score${q}`, { method: 'POST', headers: auth, body: JSON.stringify({ asOf: '2026-01-15', profile: example }) })
      expect(res.status, q).toBe(200)
      const traced = 'trace' in ((await res.json()) as object)
      expect(traced, q).toBe(q === '?explain' || q === '?explain=1' || q === '?explain=true')
    }
    expect((await app.request('/v1/rules/status?asOf=2020-01-01')).status).toBe(200)
  })

  it('POST /v1/eligibility with {} names the Profile fields it needs, not CrsFactors ones', async () => {
    const res = await app.request('/v1/eligibility', { method: 'POST', headers: auth, body: '{}' })
    expect(res.status).toBe(400)
    const paths = ((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['id', 'submittedAt', 'dateOfBirth']))
    expect(paths).not.toContain('age')
  })
})

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: JsonSchema | boolean; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; const?: unknown; enum?: unknown[] }
type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>; components: { schemas: Record<string, JsonSchema> } }

const deref = (doc: OpenApi, schema: JsonSchema): JsonSchema => {
  let s = schema
  while (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]!
  return s
}

/**
 * What in `value` its published schema does not describe: a field it leaves out, a type or constant it does
 * not allow. `closed`: also what it describes only loosely: an object published as any keys or a field
 * matched only by additionalProperties (but a `params` record, a message's values), a `code` not published
 * as a list (enum or const) a client can switch on, and a field published as required that is absent.
 */
function undescribed(doc: OpenApi, value: unknown, schema: JsonSchema, path: string, closed = false): string[] {
  const s = deref(doc, schema)
  const options = s.anyOf ?? s.oneOf
  if (options) {
    const each = options.map((o) => undescribed(doc, value, o, path, closed))
    return each.some((e) => e.length === 0) ? [] : each.reduce((a, b) => (b.length < a.length ? b : a))
  }
  if ('const' in s && value !== s.const) return [`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`]
  if (s.enum && !s.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`]
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value
  const types = s.type === undefined ? undefined : [s.type].flat()
  if (types && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return [`${path}: ${kind}, published as ${types.join(' or ')}`]
  if (Array.isArray(value)) return s.items ? value.flatMap((v, i) => undescribed(doc, v, s.items!, `${path}[${i}]`, closed)) : []
  if (kind !== 'object') return []
  const record = value as Record<string, unknown>
  const open = closed && !path.endsWith('.params')
  const absent = open ? (s.required ?? []).filter((k) => !(k in record)).map((k) => `${path}.${k}: published as required, absent`) : []
  return absent.concat(
    Object.entries(record).flatMap(([k, v]) => {
      if (open && !s.properties?.[k]) return [`${path}.${k}: ${s.properties ? 'described only as any further field' : 'in an object published as any keys'}`]
      const field = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined)
      if (open && k === 'code' && field && typeof v === 'string') {
        const f = deref(doc, field)
        if (!f.enum && !('const' in f) && !(f.anyOf ?? f.oneOf)) return [`${path}.code: published as any string`]
      }
      if (field) return undescribed(doc, v, field, `${path}.${k}`, closed)
      return s.properties ? [`${path}.${k}: not in the published schema`] : []
    }),
  )
}

describe('answers carry nothing their published schema leaves out', () => {
  it.each<{ method: string; path: string; schemaPath: string; body?: unknown }>([
    // After the day the rules were last verified, the answer carries the rules_not_verified notice
    // ({ code, path, lastVerified, areas, message }): CrsResult's notices described only the other kind.
    { method: 'POST', path: '/v1/crs/score', schemaPath: '/v1/crs/score', body: { asOf: '2027-01-15', profile: example } },
    { method: 'POST', path: '/v1/crs/score?explain=1', schemaPath: '/v1/crs/score', body: { asOf: '2025-03-24', profile: example } },
    { method: 'POST', path: '/v1/eligibility', schemaPath: '/v1/eligibility', body: { asOf: '2027-01-15', profile: example } },
    { method: 'GET', path: '/v1/rounds?year=2023&distribution=1', schemaPath: '/v1/rounds' },
    { method: 'GET', path: '/v1/rounds/91a', schemaPath: '/v1/rounds/{number}' },
    { method: 'POST', path: '/v1/rounds/simulate', schemaPath: '/v1/rounds/simulate', body: { at: '2025-06-03T00:00:00Z', kind: 'category', category: 'healthcare-social-2025', size: 5 } },
    { method: 'POST', path: '/v1/rounds/simulate', schemaPath: '/v1/rounds/simulate', body: { at: '2027-01-15T00:00:00Z', kind: 'general', size: 5 } },
    { method: 'GET', path: '/v1/rounds/run/1', schemaPath: '/v1/rounds/run/{number}' },
    { method: 'GET', path: '/healthz', schemaPath: '/healthz' },
    // These two had no published schema at all.
    { method: 'GET', path: '/v1/rounds/stats', schemaPath: '/v1/rounds/stats' },
    { method: 'GET', path: '/v1/rules/status?asOf=2027-01-15', schemaPath: '/v1/rules/status' },
  ])('$method $path', async ({ method, path, schemaPath, body }) => {
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi
    const res = await app.request(path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    expect(res.status).toBe(200)
    const schema = doc.paths[schemaPath]![method.toLowerCase()]!.responses['200']!.content!['application/json']!.schema!
    expect(undescribed(doc, await res.json(), schema, '$')).toEqual([])
  })

  // byType was published as any keys, "a type with no round is absent": every type is there, and all.
  it('GET /v1/rounds/stats publishes each round type and all in byType, and the range names of a distribution', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, { required?: string[]; items?: { properties: Record<string, { items?: { properties: { range: { enum?: string[] } } } }> } }> }> } }
    const stats = doc.components.schemas.RoundStatistics!.properties
    expect(stats.byType!.required).toEqual(['general', 'program', 'category', 'all'])
    expect(stats.distributions!.items!.properties.distribution!.items!.properties.range.enum).toEqual(expect.arrayContaining(['601-1200', '491-500', '0-300', 'total']))
  })

  // They were published as any string: the rule areas a notice names, and the programs a past round could invite.
  it('a notice names rule areas, a past round programs, from their lists', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, { items?: { enum?: string[]; properties?: Record<string, { enum?: string[] }> } }> }> } }
    const { RulesStatus, PastRound } = doc.components.schemas
    expect(RulesStatus!.properties.areas!.items!.properties!.id!.enum).toEqual(['crs', 'language', 'fsw', 'programs', 'categories'])
    expect(PastRound!.properties.programs!.items!.enum).toEqual(['fsw', 'cec', 'fst', 'pnp'])
  })

  it('a JSON Lines batch over the rate limit is answered 429, and POST /v1/crs/score publishes it', async () => {
    const limited = createApp({ expensiveLimit: { burst: 1, perSecond: 0.001 } })
    const batch = { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify({ age: 30, education: 'masters', firstLanguage: null })}\n` }
    expect((await limited.request('/v1/crs/score', batch)).status).toBe(200)
    expect((await limited.request('/v1/crs/score', batch)).status).toBe(429)
    const doc = (await (await limited.request('/openapi.json')).json()) as OpenApi
    expect(Object.keys(doc.paths['/v1/crs/score']!.post!.responses)).toContain('429')
  })

  it('GET /v1/rounds/feed.atom publishes the media type it answers (application/atom+xml)', async () => {
    const res = await app.request('/v1/rounds/feed.atom?limit=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi
    expect(Object.keys(doc.paths['/v1/rounds/feed.atom']!.get!.responses['200']!.content ?? {})).toEqual(['application/atom+xml'])
  })
})

/** Working abroad only (FSW its one way), and no settlementFundsCad: the general rounds it reaches can't tell. */
const abroadNoFunds = {
  id: 'abroad',
  submittedAt: '2018-01-10T10:00:00Z',
  dateOfBirth: '1991-05-02',
  maritalStatus: 'single',
  education: [{ level: 'masters', country: 'IN', programYears: 2, completedOn: '2015-04-30', eca: { organization: 'WES', issuedOn: '2017-06-10' } }],
  languageTests: ['2017-09-10', '2019-08-10', '2021-08-10'].map((testDate) => ({ test: 'ielts-general', testDate, listening: 9, reading: 8.5, writing: 8, speaking: 8 })),
  firstOfficialLanguage: 'english',
  work: [{ noc: '21231', country: 'IN', from: '2013-07-15', to: null, hoursPerWeek: 40 }],
}
/** The example's applicant as the spouse of a weaker one: swapping them raises the score. */
const strongerSpouse = (() => {
  const ex = example as { spouse: { education: unknown; languageTests: unknown }; dateOfBirth: string; education: unknown; languageTests: unknown; work: unknown }
  return { ...ex, dateOfBirth: '1990-01-01', education: ex.spouse.education, languageTests: ex.spouse.languageTests, work: [], spouse: { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: ex.dateOfBirth, education: ex.education, languageTests: ex.languageTests, work: ex.work } }
})()
const factors = { age: 29, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, canadianWorkYears: 3, foreignWorkYears: 2 }

type OutlookAnswer = z.output<typeof outlookSchema>
const outcomes = (o: OutlookAnswer) => new Set(o.pastRounds.rounds.map((r) => r.outcome))

describe('POST /v1/outlook answers match the published Outlook schema, and carry nothing it leaves out', () => {
  it.each<{ name: string; path: string; body: unknown; is: (o: OutlookAnswer) => boolean }>([
    { name: 'a Profile invited in many rounds', path: '/v1/outlook', body: { asOf: '2025-06-01', profile: engineer }, is: (o) => o.pastRounds.summary.invited > 50 && o.unlocks !== null },
    { name: 'a Profile never eligible (no language result; whatIf with accruesOn)', path: '/v1/outlook', body: { asOf: '2025-06-01', profile: { ...example, languageTests: [] } }, is: (o) => o.pastRounds.summary.invited === 0 && [...outcomes(o)].join() === 'not-eligible' && o.whatIf.changes.some((c) => c.accruesOn !== undefined) },
    {
      name: "a Profile without settlementFundsCad: can't tell in the rounds it reaches",
      path: '/v1/outlook',
      body: { asOf: '2022-01-01', profile: abroadNoFunds },
      is: (o) => o.pastRounds.summary.unknown > 0 && o.pastRounds.rounds.some((r) => r.outcome === 'unknown' && r.eligible === null && r.reason.includes('settlementFundsCad')),
    },
    { name: 'a spouse who would score more as principal applicant (whatIf swap, with its note)', path: '/v1/outlook', body: { asOf: '2025-09-01', profile: strongerSpouse }, is: (o) => o.whatIf.changes.some((c) => c.code === 'swap-applicant-and-spouse' && c.note !== undefined) },
    { name: 'CrsFactors (unlocks null, program and category rounds unknown)', path: '/v1/outlook', body: { asOf: '2025-06-01', factors }, is: (o) => o.unlocks === null && o.input === 'factors' && outcomes(o).has('unknown') && outcomes(o).has('invited') },
    { name: 'bare CrsFactors, before any published distribution (no estimates)', path: '/v1/outlook', body: factors, is: (o) => o.input === 'factors' },
    { name: 'CrsFactors on 2015-03-01 (cutoff.distributionAsOf null)', path: '/v1/outlook', body: { asOf: '2015-03-01', factors }, is: (o) => o.cutoff.distributionAsOf === null && o.cutoff.estimates.length === 0 },
    { name: 'with ?size and ?years', path: '/v1/outlook?size=700,2500&years=1', body: { asOf: '2025-06-01', profile: engineer }, is: (o) => o.cutoff.estimates.map((e) => e.size).join() === '700,2500' && o.timeline.until === '2026-06-01' },
  ])('$name', async ({ path, body, is }) => {
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi
    const res = await app.request(path, { method: 'POST', headers: auth, body: JSON.stringify(body) })
    expect(res.status).toBe(200)
    const json: unknown = await res.json()
    const parsed = outlookSchema.safeParse(json)
    expect(parsed.error?.issues.slice(0, 3)).toBeUndefined()
    expect(is(parsed.data!)).toBe(true)
    const schema = doc.paths['/v1/outlook']!.post!.responses['200']!.content!['application/json']!.schema!
    expect(schema).toEqual({ $ref: '#/components/schemas/Outlook' })
    expect(undescribed(doc, json, schema, '$')).toEqual([])
  })
})

type PublishedResponses = Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>

describe('every status an operation answers is published for it, with its media type and schema', () => {
  const write = 'w'.repeat(32)
  const read = 'r'.repeat(32)
  let held: Store
  /** Wrong tokens: one try, then 429 (a new app for each request that needs it, so the tries are its own). */
  const appWith = (store: Store) => createApp({ token: write, readToken: read, history: { rounds: () => rounds }, pool: { store, eligibility }, expensiveLimit: { burst: 100, perSecond: 100 }, wrongTokenLimit: { burst: 1, perSecond: 0.001 } })
  beforeAll(async () => {
    held = await openStore(':memory:')
    const a = appWith(held)
    const headers = { authorization: `Bearer ${write}`, 'content-type': 'application/json' }
    expect((await a.request('/v1/pool/profiles', { method: 'POST', headers, body: JSON.stringify(example) })).status).toBe(201)
    expect((await a.request('/v1/rounds/run', { method: 'POST', headers, body: JSON.stringify({ at: '2025-06-02T00:00:00Z', kind: 'general', size: 2, idempotencyKey: 'k1' }) })).status).toBe(201)
  })
  afterAll(async () => {
    await held.close()
  })

  const json = { 'content-type': 'application/json' }
  const writer = { ...json, authorization: `Bearer ${write}` }
  const reader = { authorization: `Bearer ${read}` }
  const wrong = { ...json, authorization: 'Bearer wrong' }
  const before2015 = { asOf: '2014-06-01', profile: example }
  it.each<{ op: string; path: string; status: number; body?: string; headers?: Record<string, string>; wrongFirst?: boolean }>([
    // A JSON Lines batch is answered as JSON Lines.
    { op: 'POST /v1/crs/score', path: '/v1/crs/score', status: 200, body: `${JSON.stringify({ asOf: '2026-01-15', profile: example })}\n{"age":"x"}\n`, headers: { 'content-type': 'application/x-ndjson' } },
    { op: 'POST /v1/crs/score', path: '/v1/crs/score', status: 422, body: JSON.stringify(before2015), headers: json },
    // A date before Express Entry opened: 422, as POST /v1/crs/score publishes it.
    { op: 'POST /v1/eligibility', path: '/v1/eligibility', status: 422, body: JSON.stringify(before2015), headers: json },
    { op: 'POST /v1/outlook', path: '/v1/outlook', status: 422, body: JSON.stringify(before2015), headers: json },
    { op: 'POST /v1/forecast', path: '/v1/forecast', status: 422, body: JSON.stringify(before2015), headers: json },
    // A simulation is judged like the round it simulates: a used idempotency key, a time before the last round.
    { op: 'POST /v1/rounds/simulate', path: '/v1/rounds/simulate', status: 409, body: JSON.stringify({ at: '2025-06-03T00:00:00Z', kind: 'general', size: 3, idempotencyKey: 'k1' }), headers: json },
    { op: 'POST /v1/rounds/simulate', path: '/v1/rounds/simulate', status: 409, body: JSON.stringify({ at: '2025-06-01T00:00:00Z', kind: 'general', size: 3 }), headers: json },
    { op: 'POST /v1/rounds/simulate', path: '/v1/rounds/simulate', status: 429, body: JSON.stringify(round), headers: wrong, wrongFirst: true },
    // A round number that is not one, or a query parameter the operation does not take: 400.
    { op: 'GET /v1/rounds/run/{number}', path: '/v1/rounds/run/abc', status: 400 },
    { op: 'GET /v1/rounds/run/{number}', path: '/v1/rounds/run/1?x=1', status: 400 },
    { op: 'GET /v1/rounds/run/{number}/invitations', path: '/v1/rounds/run/abc/invitations', status: 400, headers: reader },
    { op: 'GET /v1/rounds/{number}', path: '/v1/rounds/254?x=1', status: 400 },
    { op: 'GET /v1/rounds/stats', path: '/v1/rounds/stats?x=1', status: 400 },
    { op: 'GET /v1/forecast/track-record', path: '/v1/forecast/track-record?x=1', status: 400 },
    // Every operation that checks a token answers 429 to a client out of tries at it.
    { op: 'POST /v1/pool/profiles', path: '/v1/pool/profiles', status: 429, body: JSON.stringify(example), headers: wrong, wrongFirst: true },
    { op: 'POST /v1/rounds/run', path: '/v1/rounds/run', status: 429, body: JSON.stringify(round), headers: wrong, wrongFirst: true },
    { op: 'GET /v1/rounds/run/{number}/invitations', path: '/v1/rounds/run/1/invitations', status: 429, headers: { authorization: 'Bearer wrong' }, wrongFirst: true },
    // And the answers it always had, for their media types, walked against their schemas.
    { op: 'POST /v1/pool/profiles', path: '/v1/pool/profiles', status: 201, body: JSON.stringify([{ ...example, id: 'second' }, { id: 'bad' }]), headers: writer },
    { op: 'GET /v1/pool/distribution', path: '/v1/pool/distribution?at=2025-06-05T00:00:00Z', status: 200 },
    { op: 'POST /v1/rounds/simulate', path: '/v1/rounds/simulate', status: 200, body: JSON.stringify({ at: '2025-06-05T00:00:00Z', kind: 'general', size: 3 }), headers: { ...json, ...reader } },
    { op: 'POST /v1/rounds/simulate', path: '/v1/rounds/simulate', status: 200, body: JSON.stringify({ at: '2025-06-02T00:00:00Z', kind: 'general', size: 2, idempotencyKey: 'k1' }), headers: json },
    { op: 'POST /v1/forecast', path: '/v1/forecast', status: 200, body: JSON.stringify({ asOf: '2025-09-01', profile: example }), headers: json },
    { op: 'POST /v1/forecast', path: '/v1/forecast', status: 200, body: JSON.stringify({ asOf: '2025-09-01', factors }), headers: json },
    { op: 'GET /v1/forecast/track-record', path: '/v1/forecast/track-record', status: 200 },
    { op: 'GET /v1/rounds/categories', path: '/v1/rounds/categories?on=2025-06-01', status: 200 },
    { op: 'GET /v1/rounds/run/{number}', path: '/v1/rounds/run/1', status: 200 },
    { op: 'GET /v1/rounds/{number}', path: '/v1/rounds/999', status: 404 },
    { op: 'GET /v1/rounds/run/{number}', path: '/v1/rounds/run/99', status: 404 },
    { op: 'POST /v1/pool/profiles', path: '/v1/pool/profiles', status: 401, body: JSON.stringify(example), headers: json },
    { op: 'GET /v1/rounds/run/{number}/invitations', path: '/v1/rounds/run/1/invitations', status: 200, headers: reader },
    { op: 'POST /v1/rounds/run', path: '/v1/rounds/run', status: 409, body: JSON.stringify({ at: '2025-06-01T00:00:00Z', kind: 'general', size: 3 }), headers: writer },
  ])('$op: $status ($path)', async ({ op, path, status, body, headers, wrongFirst }) => {
    const a = appWith(held)
    const doc = (await (await a.request('/openapi.json')).json()) as OpenApi
    const [method, template] = op.split(' ') as [string, string]
    const init = { method, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) }
    if (wrongFirst) expect((await a.request(path, init)).status).not.toBe(429)
    const res = await a.request(path, init)
    expect(res.status).toBe(status)
    const published = (doc.paths[template]![method.toLowerCase()]!.responses as PublishedResponses)[String(status)]
    expect(published, `${op} does not publish ${status}`).toBeDefined()
    const type = res.headers.get('content-type')!.split(';')[0]!
    expect(Object.keys(published!.content ?? {}), `${op} ${status} answers ${type}`).toContain(type)
    const text = await res.text()
    const schema = published!.content![type]!.schema!
    // JSON Lines: each line is one item of the published schema.
    const values: unknown[] = type === 'application/x-ndjson' ? text.trim().split('\n').map((l) => JSON.parse(l) as unknown) : [JSON.parse(text)]
    for (const value of values) expect(undescribed(doc, value, schema, '$')).toEqual([])
    if (status >= 400) expect(problemSchema.safeParse(JSON.parse(text)).error).toBeUndefined()
  })

  it('every operation publishes 500 (an unexpected failure) as a Problem, and no 400 of a GET speaks of JSON', async () => {
    const doc = (await (await appWith(held).request('/openapi.json')).json()) as OpenApi & { paths: Record<string, Record<string, { responses: PublishedResponses }>> }
    const ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.entries(o).map(([m, op]) => ({ op: `${m} ${path}`, method: m, responses: op.responses })))
    expect(ops.length).toBeGreaterThan(15)
    for (const { op, method, responses } of ops) {
      expect(responses['500']?.content?.['application/problem+json']?.schema, op).toEqual({ $ref: '#/components/schemas/Problem' })
      if (method === 'get' && responses['400']) expect(responses['400'].description, op).not.toMatch(/JSON/)
    }
  })

  it('each operation that checks a token publishes 401 and 429 (wrong tokens), and says so', async () => {
    const doc = (await (await appWith(held).request('/openapi.json')).json()) as OpenApi & { paths: Record<string, Record<string, { security?: unknown; responses: PublishedResponses }>> }
    const guarded = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, o]) => o.security).map(([m, o]) => ({ op: `${m} ${path}`, responses: o.responses })))
    expect(guarded.map((g) => g.op)).toEqual(expect.arrayContaining(['post /v1/pool/profiles', 'post /v1/rounds/run', 'get /v1/rounds/run/{number}/invitations']))
    for (const { op, responses } of guarded) {
      expect(Object.keys(responses), op).toEqual(expect.arrayContaining(['401', '429']))
      expect(responses['429']!.description, op).toMatch(/wrong (bearer )?tokens/)
    }
  })
})

describe('eligibility, forecast and pool-round answers are published exactly: every object field by field, every code from its list, every required field there', () => {
  let doc: OpenApi
  beforeAll(async () => {
    doc = (await (await app.request('/openapi.json')).json()) as OpenApi
  })
  const noLanguage = { ...example, languageTests: [] }
  const keyed = { at: '2025-06-10T00:00:00Z', kind: 'general', size: 5, idempotencyKey: 'exact-schemas' }
  it.each<{ name: string; method: string; path: string; schemaPath: string; status: number; body?: unknown; has: (json: Record<string, unknown>) => boolean }>([
    // grid was published as any keys, unmet codes as any string.
    { name: 'eligibility: FSW grid, unmet conditions', method: 'POST', path: '/v1/eligibility', schemaPath: '/v1/eligibility', status: 200, body: { asOf: '2026-01-15', profile: noLanguage }, has: (j) => JSON.stringify(j).includes('"no_language_result"') },
    { name: "eligibility: FSW can't tell (undecided)", method: 'POST', path: '/v1/eligibility', schemaPath: '/v1/eligibility', status: 200, body: { asOf: '2022-01-01', profile: abroadNoFunds }, has: (j) => JSON.stringify(j).includes('"settlement_funds_unknown"') },
    { name: 'eligibility: after the rules were last verified (notices)', method: 'POST', path: '/v1/eligibility', schemaPath: '/v1/eligibility', status: 200, body: { asOf: '2027-01-15', profile: example }, has: (j) => 'notices' in j },
    // The notices' unmet conditions were published as { code, message } and any further field.
    { name: 'forecast: program_unmet with its unmet conditions', method: 'POST', path: '/v1/forecast', schemaPath: '/v1/forecast', status: 200, body: { asOf: '2025-09-01', profile: noLanguage }, has: (j) => JSON.stringify(j).includes('"unmet":[{') },
    { name: 'forecast: CrsFactors', method: 'POST', path: '/v1/forecast', schemaPath: '/v1/forecast', status: 200, body: { asOf: '2025-09-01', factors }, has: (j) => 'reasons' in j },
    // replayed was published as optional: POST /v1/rounds/run always answers it; GET /v1/rounds/run/{number} never does.
    { name: 'a round held now (201, replayed false)', method: 'POST', path: '/v1/rounds/run', schemaPath: '/v1/rounds/run', status: 201, body: keyed, has: (j) => j.replayed === false },
    { name: 'the same request again (200, replayed true)', method: 'POST', path: '/v1/rounds/run', schemaPath: '/v1/rounds/run', status: 200, body: keyed, has: (j) => j.replayed === true },
    { name: 'the round as stored (no replayed)', method: 'GET', path: '/v1/rounds/run/2', schemaPath: '/v1/rounds/run/{number}', status: 200, has: (j) => j.number === 2 && !('replayed' in j) },
    { name: 'a simulation of the held request (replayed, with the held round)', method: 'POST', path: '/v1/rounds/simulate', schemaPath: '/v1/rounds/simulate', status: 200, body: keyed, has: (j) => j.replayed === true && 'digest' in j },
    { name: 'a simulation decided afresh (no number, distribution or digest)', method: 'POST', path: '/v1/rounds/simulate', schemaPath: '/v1/rounds/simulate', status: 200, body: { at: '2025-06-11T00:00:00Z', kind: 'general', size: 5 }, has: (j) => !('replayed' in j) && !('number' in j) && !('digest' in j) },
  ])('$name', async ({ method, path, schemaPath, status, body, has }) => {
    const res = await app.request(path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    expect(res.status).toBe(status)
    const json = (await res.json()) as Record<string, unknown>
    expect(has(json)).toBe(true)
    const schema = doc.paths[schemaPath]![method.toLowerCase()]!.responses[String(status)]!.content!['application/json']!.schema!
    expect(undescribed(doc, json, schema, '$', true)).toEqual([])
  })

  type Published = JsonSchema & { properties: Record<string, JsonSchema & { properties: Record<string, JsonSchema & { properties: Record<string, JsonSchema> }> }> }
  const schema = (name: string) => doc.components.schemas[name] as Published
  const programs = () => schema('EligibilityResult').properties.programs!.properties
  const codesOf = (list: JsonSchema) => deref(doc, list.items!).properties!.code!.enum
  it.each<{ name: string; check: () => void }>([
    { name: 'unmet and undecided codes: the library\'s UNMET_CODES', check: () => {
      const p = programs()
      for (const list of [p.fsw!.properties.unmet!, p.fsw!.properties.undecided!, p.cec!.properties.unmet!, p.fst!.properties.unmet!, p.fst!.properties.undecided!]) expect(codesOf(list)).toEqual([...UNMET_CODES])
    } },
    { name: "the FSW grid's six fields by name, each required (it was any keys)", check: () => {
      const grid = deref(doc, programs().fsw!.properties.grid!)
      expect(Object.keys(grid.properties ?? {})).toEqual(['language', 'education', 'experience', 'age', 'arrangedEmployment', 'adaptability'])
      expect(grid.required).toEqual(Object.keys(grid.properties ?? {}))
      expect(grid.additionalProperties).toBeUndefined()
    } },
    { name: 'CEC: yes or no, never null, no undecided', check: () => {
      expect(programs().cec!.properties.eligible!.type).toBe('boolean')
      expect(programs().cec!.properties.undecided).toBeUndefined()
    } },
    { name: "the forecast notices' unmet conditions: EligibilityResult's", check: () => {
      const notice = deref(doc, schema('Forecast').properties.reasons!.items!)
      expect(codesOf(notice.properties!.unmet!)).toEqual([...UNMET_CODES])
      expect(deref(doc, notice.properties!.unmet!.items!).additionalProperties).toBeUndefined()
    } },
    { name: 'HeldRound requires replayed; the stored round (GET) has none', check: () => {
      expect(schema('HeldRound').required).toContain('replayed')
      expect(schema('RoundResult').properties.replayed).toBeUndefined()
      expect(doc.paths['/v1/rounds/run/{number}']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/RoundResult' })
    } },
    // Simulation had number, distribution and digest optional: the held round (replayed) always has them, a fresh one never.
    { name: 'Simulation: a fresh round without number, distribution or digest, or the held one with them and replayed', check: () => {
      const [fresh, replayed] = schema('Simulation').anyOf!.map((o) => deref(doc, o))
      for (const k of ['number', 'distribution', 'digest', 'replayed']) expect(fresh!.properties![k], k).toBeUndefined()
      expect(replayed!.required).toEqual(expect.arrayContaining(['number', 'distribution', 'digest', 'replayed', 'ranked', 'rules']))
    } },
  ])('publishes $name', ({ check }) => check())
})
