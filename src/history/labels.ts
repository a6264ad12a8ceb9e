/**
 * What a round's published name (`drawName`) means: a general round, a program-specific round, or a
 * category-based round with its category id and version. The ids are those of data/categories.json
 * (e.g. `stem-2023-1`). IRCC renamed past category rounds ("STEM occupations (2023-1)" became
 * "STEM occupations (Version 1)" in 2024), so a name alone does not fix the version: the round's date
 * does, by the category versions' start dates.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import type { ProgramId } from '../schemas/common.js'

/**
 * A version of a category: id, key and version as in data/categories.json, and the first day a round
 * could be held under it (the earlier of its `from` and its `firstRound`: two rounds, French
 * 2025-02-19 and 2026-02-06, came before the new version was formally in force).
 */
export interface CategoryVersion {
  readonly id: string
  readonly key: string
  readonly version: string
  readonly start: IsoDate
}

/** The category versions of data/categories.json (2023-05-31 onward), oldest first per key. */
export const CATEGORY_VERSIONS: readonly CategoryVersion[] = [
  { id: 'french-2023-1', key: 'french', version: '2023-1', start: '2023-05-31' },
  { id: 'healthcare-2023-1', key: 'healthcare', version: '2023-1', start: '2023-05-31' },
  { id: 'stem-2023-1', key: 'stem', version: '2023-1', start: '2023-05-31' },
  { id: 'trade-2023-1', key: 'trade', version: '2023-1', start: '2023-05-31' },
  { id: 'transport-2023-1', key: 'transport', version: '2023-1', start: '2023-05-31' },
  { id: 'agriculture-2023-1', key: 'agriculture', version: '2023-1', start: '2023-05-31' },
  { id: 'french-2024-1', key: 'french', version: '2024-1', start: '2024-02-29' },
  { id: 'healthcare-2024-1', key: 'healthcare', version: '2024-1', start: '2024-02-29' },
  { id: 'stem-2024-1', key: 'stem', version: '2024-1', start: '2024-02-29' },
  { id: 'trade-2024-1', key: 'trade', version: '2024-1', start: '2024-02-29' },
  { id: 'transport-2024-1', key: 'transport', version: '2024-1', start: '2024-02-29' },
  { id: 'agriculture-2024-1', key: 'agriculture', version: '2024-1', start: '2024-02-29' },
  { id: 'french-2025', key: 'french', version: '2025', start: '2025-02-19' },
  { id: 'healthcare-social-2025', key: 'healthcare', version: '2025', start: '2025-02-27' },
  { id: 'stem-2025', key: 'stem', version: '2025', start: '2025-02-27' },
  { id: 'trade-2025', key: 'trade', version: '2025', start: '2025-02-27' },
  { id: 'education-2025', key: 'education', version: '2025', start: '2025-02-27' },
  { id: 'agriculture-2025', key: 'agriculture', version: '2025', start: '2025-02-27' },
  { id: 'physicians-canadian-experience', key: 'physicians', version: '2026-Version 1', start: '2025-12-08' },
  { id: 'french-2026', key: 'french', version: '2026-Version 2', start: '2026-02-06' },
  { id: 'healthcare-social-2026', key: 'healthcare', version: '2026-Version 3', start: '2026-02-18' },
  { id: 'stem-2026', key: 'stem', version: '2026', start: '2026-02-18' },
  { id: 'trade-2026', key: 'trade', version: '2026-Version 3', start: '2026-02-18' },
  { id: 'education-2026', key: 'education', version: '2026', start: '2026-02-18' },
  { id: 'transport-2026', key: 'transport', version: '2026-Version 2', start: '2026-02-18' },
  { id: 'senior-managers-2026', key: 'senior-managers', version: '2026-Version 1', start: '2026-02-18' },
  { id: 'researchers-2026', key: 'researchers', version: '2026-Version 1', start: '2026-02-18' },
  { id: 'military-2026', key: 'military', version: '2026-Version 1', start: '2026-02-18' },
]

// Order matters: "Healthcare and social services" before anything matching "education"/"trade".
const CATEGORY_KEYS: readonly (readonly [RegExp, string])[] = [
  [/french/i, 'french'],
  [/health/i, 'healthcare'],
  [/\bstem\b/i, 'stem'],
  [/physician/i, 'physicians'],
  [/senior\s+manager/i, 'senior-managers'],
  [/military/i, 'military'],
  [/researcher/i, 'researchers'],
  [/transport/i, 'transport'],
  [/agri/i, 'agriculture'],
  [/trade\s*s?\s+occupation|^\s*trades?\b/i, 'trade'],
  [/education\s+occupation/i, 'education'],
]

const PROGRAM_NAMES: readonly (readonly [RegExp, ProgramId])[] = [
  [/federal\s+skilled\s+worker/i, 'fsw'],
  [/canadian\s+experience\s+class/i, 'cec'],
  [/federal\s+skilled\s+trades/i, 'fst'],
  [/provincial\s+nominee/i, 'pnp'],
]

/** What a round's name means. `categoryId` is null for a category name we do not know. */
export type RoundKind =
  | { readonly type: 'general' }
  | { readonly type: 'program'; readonly program: ProgramId }
  | { readonly type: 'category'; readonly categoryKey: string | null; readonly categoryId: string | null; readonly categoryVersion: string | null }

/** The category version for a key on a date: the latest that had started; a year in the label wins. */
export function categoryVersionFor(key: string, date: IsoDate, label = ''): CategoryVersion | null {
  const versions = CATEGORY_VERSIONS.filter((c) => c.key === key)
  // "(2023-1)", "(2024-1)", "2026-Version 2": the year the instructions were issued.
  const year = /\((20\d\d)-\d\)|\b(20\d\d)\s*-\s*version/i.exec(label)
  const labelYear = year?.[1] ?? year?.[2]
  if (labelYear) {
    const byYear = versions.filter((c) => c.version.startsWith(labelYear) && c.start <= date)
    if (byYear.length > 0) return byYear[byYear.length - 1]!
    // A year no version of ours has ("STEM occupations, 2027-Version 1"): a version this engine does
    // not know, never the latest one it does.
    if (!versions.some((c) => c.version.startsWith(labelYear))) return null
  }
  let best: CategoryVersion | null = null
  for (const c of versions) if (c.start <= date) best = c
  return best
}

/**
 * What a published round name means on the round's date.
 * @example
 * kindOfRound('STEM occupations (Version 1)', '2023-07-05') //=> { type: 'category', categoryKey: 'stem', categoryId: 'stem-2023-1', categoryVersion: '2023-1' }
 */
export function kindOfRound(label: string, date: IsoDate): RoundKind {
  const name = label.trim()
  if (/^(no program specified|general)$/i.test(name)) return { type: 'general' }
  for (const [re, program] of PROGRAM_NAMES) if (re.test(name) && !/occupation|proficiency|version|\(/i.test(name)) return { type: 'program', program }
  for (const [re, key] of CATEGORY_KEYS) {
    if (!re.test(name)) continue
    const version = categoryVersionFor(key, date, name)
    return { type: 'category', categoryKey: key, categoryId: version?.id ?? null, categoryVersion: version?.version ?? null }
  }
  return { type: 'category', categoryKey: null, categoryId: null, categoryVersion: null }
}

/**
 * The programs a round covered (`drawText2`, e.g. "Federal Skilled Worker Program, Canadian
 * Experience Class and Federal Skilled Trades Program"), in PROGRAMS order. IRCC's "Progran" typo
 * (rounds 253, 257, 259 until 2024) reads the same.
 */
export function programsCovered(text: string): ProgramId[] {
  return PROGRAM_NAMES.filter(([re]) => re.test(text)).map(([, p]) => p)
}
