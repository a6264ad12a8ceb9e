/**
 * The OpenAPI 3.1 document at `/openapi.json`, generated from the library's zod schemas with zod 4's
 * `z.toJSONSchema` (request bodies exactly as the server parses them; responses described by schemas
 * declared here for the purpose). Every operation the API serves is listed in `operations`.
 * @module
 */
import { z } from 'zod'
import { isoDate, PROGRAMS, ROUND_TYPES } from '../schemas/common.js'
import { crsFactorsSchema } from '../schemas/crs-factors.js'
import { outlookSchema } from '../schemas/outlook.js'
import { profileSchema } from '../schemas/profile.js'
import { PROBLEMS } from './error-handler.js'
import { roundRequestSchema } from '../pool/round-request.js'
import { eligibilityResultSchema, heldRoundSchema, invitationsSchema, pastRoundSchema, roundResultSchema, roundStatisticsSchema, roundsListSchema, rulesStatusSchema, simulationSchema, verificationNoticeSchema } from './response-schemas.js'

const points = z.int().min(0)

export const crsResultSchema = z
  .object({
    total: points,
    core: z.object({ age: points, education: points, firstLanguage: points, secondLanguage: points, canadianWork: points, subtotal: points }),
    spouse: z.object({ education: points, language: points, canadianWork: points, subtotal: points }),
    transferability: z.object({ education: points, foreignWork: points, certificate: points, subtotal: points }),
    additional: z.object({ provincialNomination: points, jobOffer: points, canadianEducation: points, french: points, sibling: points, subtotal: points }),
    rules: z.string().describe('id of the dated rule set used'),
    asOf: isoDate,
    notices: z.array(z.union([verificationNoticeSchema, z.object({ code: z.string(), path: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })])).optional().describe('what in a profile did not count on the date, and why; and, for a date after the rules were last verified, that notice (code rules_not_verified)'),
    trace: z
      .array(
        z.object({
          ruleId: z.string(),
          versionFrom: isoDate,
          line: z.string(),
          points: z.int(),
          because: z.string(),
          sources: z.array(z.object({ instrument: z.string(), title: z.string(), url: z.string(), pinpoint: z.string() })),
        }),
      )
      .optional()
      .describe('every award with its rule and sources (only with ?explain=1)'),
  })
  .describe('CrsResult: the CRS score and its breakdown')

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.enum(Object.keys(PROBLEMS) as [keyof typeof PROBLEMS, ...(keyof typeof PROBLEMS)[]]),
    issues: z.array(z.object({ path: z.string().describe('dotted field path, e.g. factors.firstLanguage.clb.speaking'), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details')

const scoreRequestSchema = z
  .union([
    crsFactorsSchema,
    profileSchema,
    z.strictObject({ asOf: isoDate.optional(), factors: crsFactorsSchema }),
    z.strictObject({ asOf: isoDate.optional(), profile: profileSchema }),
  ])
  .describe('bare CrsFactors, bare Profile, or an envelope { asOf, factors | profile } (asOf defaults to today, UTC)')

/** An operation of the API, for the document. Schemas are zod schemas registered under `components`. */
export interface ApiOperation {
  readonly method: 'get' | 'post' | 'put' | 'delete'
  readonly path: string
  readonly summary: string
  readonly description?: string
  readonly tags: readonly string[]
  /** Requires `Authorization: Bearer <EE_API_TOKEN>`. */
  readonly auth?: boolean
  readonly parameters?: readonly { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: object }[]
  readonly requestBody?: string
  /** Status → component name (or null for no body); `alternatives`: other media types it may be answered in. */
  readonly responses: Readonly<Record<number, { description: string; schema: string | null; contentType?: string; alternatives?: readonly { contentType: string; schema: string }[] }>>
}

const problemResponses = {
  400: { description: 'invalid input or malformed JSON', schema: 'Problem', contentType: 'application/problem+json' },
  413: { description: 'body over the size limit (1 MiB), or more JSON Lines than allowed (1,000; 100 with explain)', schema: 'Problem', contentType: 'application/problem+json' },
  415: { description: 'body sent as a type that is not read as JSON: application/json, +json and JSON Lines are, and so are text/plain and application/x-www-form-urlencoded (what curl -d and fetch with a string body send); multipart, XML and the like are not', schema: 'Problem', contentType: 'application/problem+json' },
} as const
const notConfigured = { description: 'storage or the module behind it is not configured on this server, or the database failed (disk full, connection lost); see Retry-After', schema: 'Problem', contentType: 'application/problem+json' } as const
const tooMany = { description: 'too many requests from this client (expensive operation: 5/s, bursts of 10); see Retry-After', schema: 'Problem', contentType: 'application/problem+json' } as const
/** Every operation that checks a bearer token (auth.ts): a client out of tries at it. */
const WRONG_TOKENS = 'too many wrong bearer tokens from this client (10 at once, then one a second); see Retry-After'
/** Any operation (error-handler.ts): an unexpected failure, logged; the answer says nothing of it. */
const internalFailure = { description: 'an unexpected failure of the server, logged there (the answer carries no detail of it)', schema: 'Problem', contentType: 'application/problem+json' } as const
const notInForce = { description: 'a date before 2015-01-01, when Express Entry opened: no rules in force', schema: 'Problem', contentType: 'application/problem+json' } as const
const badQuery = { description: 'a query parameter the operation does not take, or one given twice', schema: 'Problem', contentType: 'application/problem+json' } as const
const invalidQuery = { description: 'a query parameter with a value it does not take (named in issues), one it does not take at all, or one given twice', schema: 'Problem', contentType: 'application/problem+json' } as const
const badNumber = { description: 'a round number that is not a whole number from 1, or a query parameter the operation does not take', schema: 'Problem', contentType: 'application/problem+json' } as const
const notFound = { description: 'no such round', schema: 'Problem', contentType: 'application/problem+json' } as const

/** The operations the API serves (each route module's are listed here). */
export const operations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/crs/score',
    summary: 'CRS score of CrsFactors or a Profile on a date',
    description:
      'The body is what one `express-entry score --jsonl` line may be. Nothing is stored. Sent as `application/x-ndjson` (one request per line, up to 1 MiB), it is a batch: the answer is `application/x-ndjson`, one CrsResult or `{"error": {line, path, message}}` per line, in order, as `score --jsonl` prints.',
    tags: ['crs'],
    parameters: [{ name: 'explain', in: 'query', description: 'include the trace (1/true)', schema: { type: 'string', enum: ['1', 'true', '0', 'false'] } }],
    requestBody: 'ScoreRequest',
    responses: {
      200: { description: 'the score and its breakdown; for a JSON Lines batch, application/x-ndjson: one ScoreBatchLine per line, in order', schema: 'CrsResult', alternatives: [{ contentType: 'application/x-ndjson', schema: 'ScoreBatchLine' }] },
      ...problemResponses,
      422: notInForce,
      429: { ...tooMany, description: `a JSON Lines batch only: ${tooMany.description}` },
    },
  },
  {
    method: 'post',
    path: '/v1/pool/profiles',
    summary: 'add or update profiles in the pool (a Profile, or an array of up to 1,000)',
    description: 'One transaction: every valid profile is stored; rejected ones are listed with their index and field paths. 400 when none could be stored.',
    tags: ['pool'],
    auth: true,
    requestBody: 'ProfilesRequest',
    responses: { 201: { description: 'stored (some may be rejected: see rejected)', schema: 'ImportResult' }, 200: { description: 'updated only', schema: 'ImportResult' }, ...problemResponses, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/pool/distribution',
    summary: 'the pool by CRS range, as IRCC publishes it',
    tags: ['pool'],
    parameters: [{ name: 'at', in: 'query', description: 'instant (YYYY-MM-DDTHH:mm:ssZ; default now)', schema: { type: 'string' } }],
    responses: { 200: { description: 'counts by CRS range', schema: 'PoolDistributionResponse' }, 400: invalidQuery, 429: tooMany, 503: notConfigured },
  },
  {
    method: 'post',
    path: '/v1/rounds/run',
    summary: 'hold a round of invitations on the pool (one transaction; the same request again replays it)',
    tags: ['pool'],
    auth: true,
    requestBody: 'RoundRequest',
    responses: { 201: { description: 'the round held', schema: 'HeldRound' }, 200: { description: 'the same request held before: replayed, nothing written', schema: 'HeldRound' }, ...problemResponses, 409: { description: 'earlier than the last round, or an idempotency key already used for another request', schema: 'Problem', contentType: 'application/problem+json' }, 503: notConfigured },
  },
  {
    method: 'post',
    path: '/v1/rounds/simulate',
    summary: 'a dry run of a round on the pool: the lowest score, the tie-break and (with a token) who would be invited; nothing written',
    tags: ['pool'],
    requestBody: 'RoundRequest',
    responses: {
      200: { description: 'the decision (the first 100 invitations listed)', schema: 'Simulation' },
      ...problemResponses,
      409: { description: 'as POST /v1/rounds/run would answer: earlier than the last round, or an idempotency key already used for another request', schema: 'Problem', contentType: 'application/problem+json' },
      429: { ...tooMany, description: `${tooMany.description}; or, with a token, ${WRONG_TOKENS}` },
      503: notConfigured,
    },
  },
  {
    method: 'get',
    path: '/v1/rounds/run/{number}',
    summary: 'a round held on the pool',
    tags: ['pool'],
    parameters: [{ name: 'number', in: 'path', required: true, description: 'round number', schema: { type: 'integer', minimum: 1 } }],
    responses: { 200: { description: 'the round, as stored (no replayed: that says how a POST was answered)', schema: 'RoundResult' }, 400: badNumber, 404: notFound, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rounds/run/{number}/invitations',
    summary: 'the invitations of a round run on the pool (they name profiles: EE_API_TOKEN or EE_API_READ_TOKEN)',
    tags: ['pool'],
    auth: true,
    parameters: [{ name: 'number', in: 'path', required: true, description: 'round number', schema: { type: 'integer', minimum: 1 } }],
    responses: { 200: { description: 'the invitations', schema: 'Invitations' }, 400: badNumber, 404: notFound, 503: notConfigured },
  },
  {
    method: 'post',
    path: '/v1/eligibility',
    summary: 'program (FSW, CEC, FST) and category eligibility of a Profile on a date, with every unmet condition and its source',
    tags: ['eligibility'],
    requestBody: 'ProfileRequest',
    responses: { 200: { description: 'the eligibility', schema: 'EligibilityResult' }, ...problemResponses, 422: notInForce },
  },
  {
    method: 'post',
    path: '/v1/outlook',
    summary: 'what raises the score, when it changes, the estimated cut-off of a round, and the past rounds that would have invited',
    tags: ['eligibility'],
    requestBody: 'ScoreRequest',
    parameters: [
      { name: 'size', in: 'query', description: 'round sizes (invitations, 1 or more), up to 10, comma-separated (default 500,1000,3000,5000)', schema: { type: 'string' } },
      { name: 'years', in: 'query', description: 'how far the timeline looks, 1-10 years (default 3)', schema: { type: 'integer', minimum: 1, maximum: 10 } },
    ],
    responses: { 200: { description: 'the outlook (what outlook --json prints)', schema: 'Outlook' }, ...problemResponses, 422: notInForce, 429: tooMany, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rounds',
    summary: 'past rounds of invitations (the IRCC record), oldest first; distributions only with distribution=1',
    tags: ['rounds'],
    parameters: [
      { name: 'year', in: 'query', description: 'calendar year', schema: { type: 'integer' } },
      { name: 'type', in: 'query', description: 'general, program or category', schema: { type: 'string', enum: [...ROUND_TYPES] } },
      { name: 'category', in: 'query', description: 'category id (stem-2023-1) or key (stem)', schema: { type: 'string' } },
      { name: 'program', in: 'query', description: 'fsw, cec, fst or pnp', schema: { type: 'string', enum: [...PROGRAMS] } },
      { name: 'from', in: 'query', description: 'first date, YYYY-MM-DD', schema: { type: 'string' } },
      { name: 'to', in: 'query', description: 'last date, YYYY-MM-DD', schema: { type: 'string' } },
      { name: 'distribution', in: 'query', description: 'include each round\'s pool distribution (1/true)', schema: { type: 'string', enum: ['0', '1', 'true', 'false'] } },
    ],
    responses: { 200: { description: 'the rounds', schema: 'RoundsList' }, 400: invalidQuery, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rounds/feed.atom',
    summary: 'the rounds as an Atom feed (application/atom+xml), one entry per round, newest first: type, size, lowest CRS, tie-break',
    tags: ['rounds'],
    parameters: [{ name: 'limit', in: 'query', description: 'the most recent rounds to include, 1-1000 (default 50)', schema: { type: 'integer' } }],
    responses: { 200: { description: 'an Atom 1.0 document', schema: null, contentType: 'application/atom+xml' }, 400: invalidQuery, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rounds/stats',
    summary: 'statistics over past rounds',
    tags: ['rounds'],
    responses: { 200: { description: 'statistics', schema: 'RoundStatistics' }, 400: badQuery, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rounds/{number}',
    summary: 'one past round (same fields as rounds show --json)',
    tags: ['rounds'],
    parameters: [{ name: 'number', in: 'path', required: true, description: 'round number (e.g. 254, 91a)', schema: { type: 'string' } }],
    responses: { 200: { description: 'the round', schema: 'PastRound' }, 400: badQuery, 404: notFound, 503: notConfigured },
  },
  {
    method: 'get',
    path: '/v1/rules/status',
    summary: 'each rule area with the day it was last verified against its sources, and the notice answers for asOf carry',
    tags: ['meta'],
    parameters: [{ name: 'asOf', in: 'query', description: 'date, YYYY-MM-DD (default today)', schema: { type: 'string' } }],
    responses: { 200: { description: 'the areas and the notice (null when none)', schema: 'RulesStatus' }, 400: invalidQuery },
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'liveness and what is configured',
    tags: ['meta'],
    responses: { 200: { description: 'the server is up', schema: 'Health' } },
  },
]

const profileRequestSchema = z.union([profileSchema, z.strictObject({ asOf: isoDate.optional(), profile: profileSchema })]).describe('a bare Profile, or { asOf, profile }')
const profilesRequestSchema = z.union([profileSchema, z.array(profileSchema).min(1).max(1000)]).describe('a Profile, or an array of 1 to 1,000 Profiles')
const importResultSchema = z.object({
  added: z.int(),
  updated: z.int(),
  rejected: z.array(z.object({ index: z.int(), id: z.string().nullable(), issues: z.array(z.object({ path: z.string(), message: z.string() })) })),
})
const distributionResponseSchema = z.object({ at: z.string(), distribution: z.array(z.object({ range: z.string(), count: z.int() })) })

/** One line of a JSON Lines answer of POST /v1/crs/score, as `score --jsonl` prints it. */
const scoreBatchLineSchema = z
  .union([crsResultSchema, z.object({ error: z.object({ line: z.int().describe('the request line, from 1'), path: z.string().describe("the field, dotted ('' for the whole line)"), message: z.string() }) })])
  .describe('a CrsResult, or the error of that request line')

const healthSchema = z.object({ ok: z.boolean(), version: z.string(), pool: z.boolean(), history: z.boolean() })

/** Schemas for `components.schemas`, by name. Route modules add theirs with `registerSchema`. */
const components = new Map<string, z.ZodType>([
  ['CrsFactors', crsFactorsSchema],
  ['Profile', profileSchema],
  ['ScoreRequest', scoreRequestSchema],
  ['CrsResult', crsResultSchema],
  ['Problem', problemSchema],
  ['Health', healthSchema],
  ['ProfileRequest', profileRequestSchema],
  ['ProfilesRequest', profilesRequestSchema],
  ['ImportResult', importResultSchema],
  ['PoolDistributionResponse', distributionResponseSchema],
  ['RoundRequest', roundRequestSchema],
  ['PastRound', pastRoundSchema],
  ['RoundsList', roundsListSchema],
  ['EligibilityResult', eligibilityResultSchema],
  ['RoundResult', roundResultSchema],
  ['HeldRound', heldRoundSchema],
  ['Simulation', simulationSchema],
  ['Invitations', invitationsSchema],
  ['RoundStatistics', roundStatisticsSchema],
  ['RulesStatus', rulesStatusSchema],
  ['Outlook', outlookSchema],
  ['ScoreBatchLine', scoreBatchLineSchema],
])

/** Adds a named schema to the document's components (route modules that document themselves: forecast). */
export function registerSchema(name: string, schema: z.ZodType): void {
  components.set(name, schema)
}

/** Adds an operation to the document. */
export function registerOperation(op: ApiOperation): void {
  if (!operations.some((o) => o.method === op.method && o.path === op.path)) operations.push(op)
}

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of components) registry.add(schema, { id })
  // io 'input': what a client may send (defaults make fields optional); refinements cannot be expressed
  // in JSON Schema and are described in the messages the server returns.
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` })
  const out: Record<string, unknown> = {}
  for (const [id, schema] of Object.entries(schemas)) {
    // zod writes the uri option's value as each one's $id: a fragment, which JSON Schema 2020-12 does not allow in an $id.
    const { $schema: _drop, $id: _uri, id: _id, ...rest } = schema as Record<string, unknown>
    out[id] = rest
  }
  return out
}

function ref(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` }
}

let cached: { key: number; doc: object } | null = null

/** The OpenAPI 3.1 document. */
export function openApiDocument(version: string): object {
  const key = operations.length * 1000 + components.size
  if (cached && cached.key === key) return cached.doc
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const responses: Record<string, unknown> = {}
    const all: ApiOperation['responses'] = op.auth
      ? {
          ...op.responses,
          401: { description: 'missing or wrong bearer token', schema: 'Problem', contentType: 'application/problem+json' },
          429: op.responses[429] ? { ...op.responses[429], description: `${op.responses[429].description}; or ${WRONG_TOKENS}` } : { description: WRONG_TOKENS, schema: 'Problem', contentType: 'application/problem+json' },
          500: internalFailure,
        }
      : { ...op.responses, 500: internalFailure }
    for (const [status, r] of Object.entries(all)) {
      const content: Record<string, object> = {}
      if (r.schema !== null) content[r.contentType ?? 'application/json'] = { schema: ref(r.schema) }
      else if (r.contentType) content[r.contentType] = {}
      for (const alt of r.alternatives ?? []) content[alt.contentType] = { schema: ref(alt.schema) }
      responses[status] = Object.keys(content).length > 0 ? { description: r.description, content } : { description: r.description }
    }
    const operation: Record<string, unknown> = {
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      summary: op.summary,
      tags: op.tags,
      responses,
    }
    if (op.description) operation.description = op.description
    if (op.parameters) operation.parameters = op.parameters
    if (op.requestBody) operation.requestBody = { required: true, content: { 'application/json': { schema: ref(op.requestBody) } } }
    if (op.auth) operation.security = [{ bearer: [] }]
    ;(paths[op.path] ??= {})[op.method] = operation
  }
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'Express Entry Engine API',
      version,
      description:
        "Canada's Express Entry rules as code: CRS scores on any date since 2015, eligibility, the record of past rounds, and a pool and rounds engine. Errors are application/problem+json with the field paths. Reads are public, but for those that name profiles (a held round's invitations, a simulation's list of who would be invited), which need `Authorization: Bearer <EE_API_TOKEN>` or the read-only `<EE_API_READ_TOKEN>`; writes need `Authorization: Bearer <EE_API_TOKEN>`.",
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of EE_API_TOKEN on the server, or of EE_API_READ_TOKEN for the reads that name profiles' } } },
  }
  cached = { key, doc }
  return doc
}
