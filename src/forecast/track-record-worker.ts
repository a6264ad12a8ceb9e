/**
 * A worker thread of measureTrackRecord: the back-test of one record file, answered once.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadRecord } from '../history/load.js'
import { backtestForecast, type BacktestOptions } from './backtest.js'

const { recordPath, options } = workerData as { recordPath: string; options: BacktestOptions }
parentPort?.postMessage(backtestForecast(loadRecord(recordPath).rounds, options))
