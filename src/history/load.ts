/**
 * Reading the record from disk (Node only; everything else in src/history is pure so the web app can
 * bundle the JSON and call parseRounds itself). The shipped record is data/ee-rounds.json with its
 * change history data/ee-rounds.field-changes.json beside it.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ExpressEntryError } from '../errors.js'
import { parseRounds, type ParsedRecord, type PastRound } from './record.js'

/** The shipped record: data/ee-rounds.json, found from src/ (tests) or dist/src/ (built). */
export function shippedRecordPath(): string {
  for (const rel of ['../../data/ee-rounds.json', '../../../data/ee-rounds.json']) {
    const path = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(path)) return path
  }
  throw new ExpressEntryError('not_found', { entity: 'record of rounds', id: 'data/ee-rounds.json' })
}

/** The change-history file that goes with a record file: `x.json` -> `x.field-changes.json`. */
export function changesPathFor(recordPath: string): string {
  return recordPath.replace(/(\.json)?$/i, '.field-changes.json')
}

function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ExpressEntryError('not_found', { entity: what, id: path })
    throw new ExpressEntryError('storage_failure', { operation: `reading ${path}` }, { cause: e })
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: '', message: `${what} ${path} is not valid JSON: ${(e as Error).message}` }] })
  }
}

/** The raw JSON of a record file and of its change history (null when there is none). */
export function readRecordFiles(recordPath: string): { feed: unknown; changes: unknown } {
  const changesPath = changesPathFor(recordPath)
  return { feed: readJson(recordPath, 'record of rounds'), changes: existsSync(changesPath) ? readJson(changesPath, 'change history') : null }
}

/** The forecast's track record measured on a record file (`x.json` -> `x.track-record.json`; forecast/track-record-file.ts). */
export function trackRecordPathFor(recordPath: string): string {
  return recordPath.replace(/(\.json)?$/i, '.track-record.json')
}

/** IRCC's French labels of the rounds that go with a record file (`x.json` -> `x.labels-fr.json`). */
export function frenchLabelsPathFor(recordPath: string): string {
  return recordPath.replace(/(\.json)?$/i, '.labels-fr.json')
}

/** The French labels by round number (from IRCC's French feed), or an empty map. */
export function readFrenchLabels(recordPath: string): ReadonlyMap<string, string> {
  const path = frenchLabelsPathFor(recordPath)
  if (!existsSync(path)) return new Map()
  try {
    const labels = (JSON.parse(readFileSync(path, 'utf8')) as { labels?: unknown }).labels
    if (typeof labels !== 'object' || labels === null) return new Map()
    return new Map(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    return new Map()
  }
}

/** Parses the record at `recordPath` (default: the shipped one). */
export function loadRecord(recordPath: string = shippedRecordPath()): ParsedRecord {
  const { feed, changes } = readRecordFiles(recordPath)
  const parsed = changes === null ? parseRounds(feed) : parseRounds(feed, changes)
  const french = readFrenchLabels(recordPath)
  if (french.size === 0) return parsed
  return { ...parsed, rounds: parsed.rounds.map((r) => (french.has(r.number) ? { ...r, labelFr: french.get(r.number)! } : r)) }
}

let shipped: ParsedRecord | undefined

/**
 * The shipped record of past rounds, oldest first; read and parsed once, on first use.
 * @example
 * loadRounds().length //=> 438
 */
export function loadRounds(): readonly PastRound[] {
  shipped ??= loadRecord()
  return shipped.rounds
}
