/**
 * The round types a forecast reasons about: general rounds, each program's rounds, and each category's
 * rounds (one type per category key, whatever its version: the version in force on a date is the
 * eligibility rules' business).
 * @module
 */
import { CATEGORY_VERSIONS } from '../history/labels.js'
import type { ProgramId } from '../schemas/common.js'
import type { PastRound } from '../history/record.js'

/** `general`, `program:cec`, `category:stem`, ... */
export type RoundTypeKey = string

const PROGRAM_LABELS: Readonly<Record<ProgramId, string>> = {
  cec: 'Canadian Experience Class',
  fsw: 'Federal Skilled Worker',
  fst: 'Federal Skilled Trades',
  pnp: 'Provincial Nominee Program',
}

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  french: 'French-language proficiency',
  healthcare: 'Healthcare (and social services) occupations',
  stem: 'STEM occupations',
  trade: 'Trade occupations',
  transport: 'Transport occupations',
  agriculture: 'Agriculture and agri-food occupations',
  education: 'Education occupations',
  physicians: 'Physicians with Canadian work experience',
  'senior-managers': 'Senior managers with Canadian work experience',
  researchers: 'Researchers with Canadian work experience',
  military: 'Skilled military recruits',
}

/** The category key of a category version id (`stem-2023-1` -> `stem`); null if unknown. */
export function categoryKeyOf(categoryId: string): string | null {
  return CATEGORY_VERSIONS.find((c) => c.id === categoryId)?.key ?? null
}

/** The type of a past round; null for a category round whose category is not recognised. */
export function roundTypeOf(round: PastRound): RoundTypeKey | null {
  if (round.type === 'general') return 'general'
  if (round.type === 'program') return round.program ? `program:${round.program}` : null
  const key = round.categoryId ? categoryKeyOf(round.categoryId) : null
  return key ? `category:${key}` : null
}

/** A reader's name for a round type. */
export function roundTypeLabel(type: RoundTypeKey): string {
  if (type === 'general') return 'General (all programs)'
  const [kind, key] = type.split(':') as [string, string]
  if (kind === 'program') return PROGRAM_LABELS[key as ProgramId] ?? key
  return CATEGORY_LABELS[key] ?? key
}

/** The group a type is reported under in the replay and back-test: general, cec, pnp, french, category, other. */
export function reportGroupOf(type: RoundTypeKey): 'general' | 'cec' | 'pnp' | 'french' | 'category' | 'other-program' {
  if (type === 'general') return 'general'
  if (type === 'program:cec') return 'cec'
  if (type === 'program:pnp') return 'pnp'
  if (type === 'category:french') return 'french'
  if (type.startsWith('category:')) return 'category'
  return 'other-program'
}
