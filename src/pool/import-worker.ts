/**
 * A worker thread of `importProfiles`: decodes, parses, validates, checks and scores blocks of JSONL
 * lines with the real eligibility rules, so an import of a million profiles uses every core.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads'
import { realEligibility } from './eligibility.js'
import type { LineBlock } from './import-batch.js'
import { prepareBlock } from './lifecycle.js'

const { asOf, now } = workerData as { asOf: string | null; now: string }
const ctx = { eligibility: realEligibility(), asOf: asOf ?? undefined, now }
parentPort?.on('message', (block: LineBlock) => {
  const prepared = prepareBlock(block, ctx)
  parentPort?.postMessage(prepared, [prepared.rowLines.buffer as ArrayBuffer, prepared.rowNumbers.buffer as ArrayBuffer, prepared.factsLengths.buffer as ArrayBuffer])
})
