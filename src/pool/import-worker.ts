/**
 * A worker thread of `importProfiles`: parses, validates, checks and scores batches of JSONL lines
 * with the real eligibility rules, so an import of a million profiles uses every core.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads'
import { realEligibility } from './eligibility.js'
import { linesOfBatch, prepareLines, type PreparerBatch } from './lifecycle.js'

const { asOf, now } = workerData as { asOf: string | null; now: string }
const ctx = { eligibility: realEligibility(), asOf: asOf ?? undefined, now }
parentPort?.on('message', (m: PreparerBatch) => {
  const prepared = prepareLines(linesOfBatch(m), ctx)
  // A row's facts are its input line, which the importing thread still has: not sent back.
  for (const p of prepared) if ('row' in p) p.row.facts = ''
  parentPort?.postMessage({ id: m.id, prepared })
})
