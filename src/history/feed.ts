/**
 * IRCC's Express Entry rounds feed (`ee_rounds_123_en.json`) as published: every value a string,
 * numbers with thousands commas, newest round first. The schema only checks the shape; the record
 * (record.ts) reads the values, tolerating the feed's known anomalies (data/ee-rounds.PROVENANCE.md).
 * @module
 */
import { z } from 'zod'

/** The score-distribution fields, dd1..dd18 (see distribution.ts for their ranges). */
export const DD_KEYS = ['dd1', 'dd2', 'dd3', 'dd4', 'dd5', 'dd6', 'dd7', 'dd8', 'dd9', 'dd10', 'dd11', 'dd12', 'dd13', 'dd14', 'dd15', 'dd16', 'dd17', 'dd18'] as const
export type DdKey = (typeof DD_KEYS)[number]

const text = z.string().max(2000)
// Copies of the feed (data/ee-rounds.PROVENANCE.md, rounds 438-447) write null for a value no copy had:
// read as an empty value, which the record reads as "not published".
const optionalText = z.string().max(2000).nullable().transform((v) => v ?? '')
// Distribution fields were absent nowhere so far, but a newer feed may drop them: default to "0". Empty
// (or null, as copies write a value they did not hold) is "not published" (record.ts: no distribution).
const count = z.string().max(20).nullable().transform((v) => v ?? '').default('0')

/** One round as the feed publishes it. Fields we do not read (HTML links) are kept as they are. */
export const rawRoundSchema = z.looseObject({
  drawNumber: z.string().min(1).max(10),
  drawDate: text,
  drawDateFull: text,
  drawName: text,
  drawSize: text,
  drawCRS: text,
  drawText2: optionalText.default(''),
  drawDateTime: optionalText.default(''),
  drawCutOff: optionalText.default(''),
  drawDistributionAsOn: optionalText.default(''),
  dd1: count, dd2: count, dd3: count, dd4: count, dd5: count, dd6: count, dd7: count, dd8: count, dd9: count,
  dd10: count, dd11: count, dd12: count, dd13: count, dd14: count, dd15: count, dd16: count, dd17: count, dd18: count,
})
export type RawRound = z.output<typeof rawRoundSchema>

/** The whole feed: `{ "classes": "wb-tables", "rounds": [...] }`. */
export const rawFeedSchema = z.looseObject({
  rounds: z.array(rawRoundSchema).max(100_000),
})
export type RawFeed = z.output<typeof rawFeedSchema>

/** One value IRCC changed between two snapshots of the feed (ee-rounds.field-changes.json). */
const fieldChangeSchema = z.looseObject({
  drawNumber: z.string().min(1).max(10),
  field: z.string().min(1).max(50),
  old: z.string(),
  new: z.string(),
  seen_old_until: z.string().optional(),
  old_source: z.string().optional(),
  seen_new_from: z.string().optional(),
  new_source: z.string().optional(),
})
export type FieldChange = z.output<typeof fieldChangeSchema>

export const fieldChangesSchema = z.looseObject({
  description: z.string().optional(),
  changes: z.array(fieldChangeSchema),
})
export type FieldChanges = z.output<typeof fieldChangesSchema>
