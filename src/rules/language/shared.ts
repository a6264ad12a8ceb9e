/** Shapes shared by the test → CLB/NCLC tables. @module */
import type { Ability } from '../../schemas/common.js'

/** Rows `[CLB, minimum score]`, highest CLB first: a score takes the first row it reaches. */
export type LevelRows = readonly (readonly [clb: number, minimumScore: number])[]

export interface ScoreScale {
  readonly min: number
  readonly max: number
  /** Scores are multiples of this (0.5 for IELTS bands, 1 elsewhere). */
  readonly step: number
}

/** One designated test's conversion, as in force for tests taken from the version's date. */
export interface TestConversion {
  readonly scale: Readonly<Record<Ability, ScoreScale>>
  readonly levels: Readonly<Record<Ability, LevelRows>>
  /** How to read the scale, shown in errors ("old scale: the 'équivalence ancien score'"). */
  readonly scaleNote?: string
}

export const LANGUAGE_LAST_VERIFIED = '2026-11-29'

/** The same scale for all four abilities. */
export function sameScale(scale: ScoreScale): Readonly<Record<Ability, ScoreScale>> {
  return { speaking: scale, listening: scale, reading: scale, writing: scale }
}
