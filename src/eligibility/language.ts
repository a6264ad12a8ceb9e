/** Language checks shared by the programs and the French category. @module */
import { HOURS_PER_YEAR } from '../work/history.js'
import { ABILITIES } from '../schemas/constants.js'
import type { Abilities } from '../schemas/common.js'
import { bestResult, meetsAll } from './facts.js'

/** Whether any of the results reaches `minimum` in every ability. */
export function anyMeets(results: readonly Abilities[], minimum: Abilities | number): boolean {
  for (const r of results) if (meetsAll(r, minimum)) return true
  return false
}

function minimumFor(minimum: Abilities | number, ability: keyof Abilities): number {
  return typeof minimum === 'number' ? minimum : minimum[ability]
}

/** "speaking 6 (needs 7), writing 5 (needs 7)": the abilities of the best result below `minimum`. */
export function shortfalls(results: readonly Abilities[], minimum: Abilities | number): string {
  const best = bestResult(results)
  if (!best) return 'no valid result'
  const parts: string[] = []
  for (const ability of ABILITIES) {
    const need = minimumFor(minimum, ability)
    if (best[ability] < need) parts.push(`${ability} ${best[ability]} (needs ${need})`)
  }
  return parts.join(', ')
}

/** "CLB 7 in all four abilities" or "CLB 5 speaking and listening, 4 reading and writing". */
export function describeMinimum(minimum: Abilities | number, scale = 'CLB'): string {
  if (typeof minimum === 'number') return `${scale} ${minimum} in all four abilities`
  const { speaking, listening, reading, writing } = minimum
  if (speaking === listening && reading === writing && speaking === reading) return `${scale} ${speaking} in all four abilities`
  return `${scale} ${speaking} in speaking, ${listening} in listening, ${reading} in reading, ${writing} in writing`
}

/** "7" for 7 in all four, else "speaking/listening/reading/writing" ("5/5/4/4"); "" for none: a message parameter. */
export function abilitiesParam(a: Abilities | number | null | undefined): string {
  if (a === null || a === undefined) return ''
  if (typeof a === 'number') return String(a)
  return a.speaking === a.listening && a.reading === a.writing && a.speaking === a.reading ? String(a.speaking) : `${a.speaking}/${a.listening}/${a.reading}/${a.writing}`
}

/** 1560 → "1,560" (Intl's toLocaleString is far slower, and these messages are built on the hot path). */
export function thousands(n: number): string {
  const s = String(Math.round(n))
  if (s.length <= 3) return s
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0 && s[i - 1] !== '-') out += ','
    out += s[i]
  }
  return out
}

/** 1560 → "1 year", 3120 → "2 years" (full-time years of work/history.ts). */
export function yearsOfHours(hours: number): string {
  const years = hours / HOURS_PER_YEAR
  return `${years} year${years === 1 ? '' : 's'}`
}
