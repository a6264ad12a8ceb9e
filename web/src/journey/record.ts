/**
 * The record of past rounds from the server (`GET /v1/rounds`), fetched once per page for the
 * past-rounds check and the forecast, with the last day it is known whole (`record.currentAsOf`).
 * @module
 */
import type { PastRound } from '../../../src/history/record.js'

export interface ServerRecord {
  readonly rounds: PastRound[]
  /** The last instant the record is known to hold every round IRCC had published (null: not said). */
  readonly currentAsOf: string | null
}

let record: Promise<ServerRecord> | null = null

export function loadRecord(): Promise<ServerRecord> {
  record ??= fetch('/v1/rounds', { headers: { accept: 'application/json' } }).then(async (res) => {
    if (!res.ok) throw new Error(String(res.status))
    const body = (await res.json()) as { rounds: PastRound[]; record?: { currentAsOf?: string | null } }
    return { rounds: body.rounds, currentAsOf: body.record?.currentAsOf ?? null }
  })
  record.catch(() => (record = null))
  return record
}
