/** What the pool-mechanics rule tables share. @module */
import type { IsoDate } from '../../domain/dates.js'

/** The day the pool-mechanics tables were last checked against their sources. */
export const POOL_LAST_VERIFIED: IsoDate = '2026-11-29'
