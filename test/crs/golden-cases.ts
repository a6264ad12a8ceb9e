/** The golden CRS cases of test/scenarios/crs-golden.json, for the library and CLI tests. @module */
import { readFileSync } from 'node:fs'

export interface GoldenCase {
  readonly name: string
  /** How the total was worked out by hand from ../shared/research/rules.md. */
  readonly note: string
  readonly asOf: string
  readonly factors: unknown
  readonly total: number
  readonly core?: object
  readonly spouse?: object
  readonly transferability?: object
  readonly additional?: object
}

export const goldenCases: readonly GoldenCase[] = (JSON.parse(readFileSync(new URL('../scenarios/crs-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] }).cases
