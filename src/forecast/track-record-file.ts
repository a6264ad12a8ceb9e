/**
 * The forecast's track record kept beside a record of rounds (Node only): `x.json` ->
 * `x.track-record.json`. The figures shown next to every forecast (`GET /v1/forecast/track-record`) are
 * the back-test of the record the forecast reads; when `npm start` refreshes its working copy with new
 * rounds, they are measured again (backtestForecast, in a worker thread: about 6 s of CPU that must not
 * stall the server), so they follow the record. The shipped data/forecast-track-record.json goes with the
 * shipped record (`forecast --backtest --json`).
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadRecord, trackRecordPathFor } from '../history/load.js'
import { writeAtomically } from '../history/refresh.js'
import { backtestForecast, type BacktestOptions, type ForecastBacktest } from './backtest.js'

/** data/forecast-track-record.json, found from src/ (tests) or dist/src/ (built); null when absent. */
export function shippedTrackRecordPath(): string | null {
  for (const rel of ['../../data/forecast-track-record.json', '../../../data/forecast-track-record.json']) {
    const path = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(path)) return path
  }
  return null
}

const cache = new Map<string, { mtimeMs: number; trackRecord: ForecastBacktest }>()

function readJsonCached(path: string): ForecastBacktest | null {
  try {
    const { mtimeMs } = statSync(path)
    const hit = cache.get(path)
    if (hit && hit.mtimeMs === mtimeMs) return hit.trackRecord
    const trackRecord = JSON.parse(readFileSync(path, 'utf8')) as ForecastBacktest
    cache.set(path, { mtimeMs, trackRecord })
    return trackRecord
  } catch {
    return null
  }
}

/** The track record that goes with the record at `recordPath`: the one measured beside it, else the shipped one (null: neither). */
export function readTrackRecord(recordPath: string): ForecastBacktest | null {
  const beside = trackRecordPathFor(recordPath)
  if (existsSync(beside)) return readJsonCached(beside)
  const shipped = shippedTrackRecordPath()
  return shipped ? readJsonCached(shipped) : null
}

/** Whether the record holds a round newer than the track record that goes with it measured (or there is none). */
export function trackRecordBehind(recordPath: string): boolean {
  const newest = loadRecord(recordPath).rounds.at(-1)?.date
  const measured = readTrackRecord(recordPath)?.recordUntil
  return newest !== undefined && (measured === undefined || measured < newest)
}

/**
 * Measures the track record on the record at `recordPath` and writes it beside it (atomically): in a
 * worker thread when the built worker is there, else in this thread (tests run the sources).
 */
export async function measureTrackRecord(recordPath: string, options: BacktestOptions = {}): Promise<ForecastBacktest> {
  const script = new URL('./track-record-worker.js', import.meta.url)
  let measured: ForecastBacktest
  if (existsSync(fileURLToPath(script))) {
    const { Worker } = await import('node:worker_threads')
    measured = await new Promise<ForecastBacktest>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { recordPath, options } })
      // A server stopping does not wait for it: the next start measures again.
      worker.unref()
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`the track record's worker stopped (exit ${code}) before answering`)))
    })
  } else {
    measured = backtestForecast(loadRecord(recordPath).rounds, options)
  }
  await writeAtomically(trackRecordPathFor(recordPath), `${JSON.stringify(measured, null, 2)}\n`)
  return measured
}
