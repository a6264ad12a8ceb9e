/**
 * What the API's routes are given: the hono environment, the pool and the record they serve, and the
 * answer when the server was started without one. Kept apart from app.ts so a route never imports the
 * app that mounts it.
 * @module
 */
import type { PoolEligibility } from '../pool/eligibility.js'
import type { RecordInfo } from '../history/live.js'
import type { PastRound } from '../history/record.js'
import type { Store } from '../store/index.js'
import { ApiProblem } from './error-handler.js'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ApiEnv = { Variables: {} }

/** The pool engine over storage, as the API uses it. */
export interface PoolService {
  readonly store: Store
  readonly eligibility: PoolEligibility
}

/** What the API needs from the record of past rounds. */
export interface HistoryService {
  /** Every past round, oldest first. */
  rounds(): readonly PastRound[]
  /** When the record was last refreshed and from where (live.ts), when known. */
  info?(): RecordInfo
  /** The forecast's track record measured on this record (forecast/track-record-file.ts), when one is kept beside it. */
  trackRecord?(): unknown
}

/** What a server lacks, and what would give it: storage for the pool, a readable record file for the record. */
const NEEDS = {
  pool: 'it needs storage: express-entry serve --db FILE',
  'record of past rounds': "it could not read its record file: see the server's log (express-entry serve --record FILE, or the shipped data/ee-rounds.json)",
} as const

export function notConfigured(what: keyof typeof NEEDS): ApiProblem {
  return new ApiProblem('not_configured', `the ${what} is not configured on this server (${NEEDS[what]})`, { headers: { 'retry-after': '3600' } })
}
