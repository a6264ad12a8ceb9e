/**
 * NOC 2021 Version 1.0 (Statistics Canada): the 516 unit groups with their titles and TEER, looked up by
 * code or searched by words. Data: data/noc2021.json (see data/PROVENANCE.md).
 * @module
 */
import nocData from '../../data/noc2021.json' with { type: 'json' }

/** A NOC 2021 unit group. */
export interface NocUnitGroup {
  /** Five digits, e.g. "21231". */
  readonly code: string
  /** The StatCan English class title. */
  readonly title: string
  /** TEER category 0-5: the code's second digit. */
  readonly teer: number
}

/** The NOC 2021 version the data follows. */
export const NOC_VERSION = 'NOC 2021 Version 1.0'

/** Every unit group, in code order. */
export const nocUnitGroups: readonly NocUnitGroup[] = Object.freeze(
  nocData.unitGroups.map((u) => Object.freeze({ code: u.code, title: u.title, teer: u.teer })),
)

const byCode = new Map<string, NocUnitGroup>(nocUnitGroups.map((u) => [u.code, u]))

/** The unit group with this five-digit code, or undefined. */
export function nocByCode(code: string): NocUnitGroup | undefined {
  return byCode.get(code)
}

/** Whether `code` is a NOC 2021 unit group. */
export function isNocCode(code: string): boolean {
  return byCode.has(code)
}

/** The title of a unit group, or the code itself when unknown. */
export function nocTitle(code: string): string {
  return byCode.get(code)?.title ?? code
}

/** A search hit: the unit group and how well it matched (higher is better). */
export interface NocMatch {
  readonly unitGroup: NocUnitGroup
  readonly score: number
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
}

const STOP_WORDS = new Set(['and', 'of', 'the', 'in', 'or', 'a', 'an', 'for', 'to', 'except', 'other'])

const titleWords: readonly (readonly string[])[] = nocUnitGroups.map((u) => words(u.title))

/**
 * Unit groups whose title contains every query word, as a word or the start of one ("engineer" finds
 * "Software engineers and designers"); a query of digits matches codes starting with them. Best first:
 * whole-word matches, then shorter titles.
 * @example
 * searchNoc('software engineer')[0]?.unitGroup.code //=> '21231'
 */
export function searchNoc(query: string, limit = 20): NocMatch[] {
  const trimmed = query.trim()
  if (/^\d{1,5}$/.test(trimmed)) {
    return nocUnitGroups.filter((u) => u.code.startsWith(trimmed)).slice(0, limit).map((unitGroup) => ({ unitGroup, score: trimmed.length }))
  }
  const terms = words(trimmed).filter((w) => !STOP_WORDS.has(w))
  if (terms.length === 0) return []
  const matches: NocMatch[] = []
  nocUnitGroups.forEach((unitGroup, i) => {
    const title = titleWords[i]!
    let score = 0
    for (const term of terms) {
      let best = 0
      for (const w of title) {
        if (w === term || w === `${term}s` || `${w}s` === term) best = Math.max(best, 3)
        else if (w.startsWith(term)) best = Math.max(best, 2)
        else if (term.length >= 4 && w.includes(term)) best = Math.max(best, 1)
      }
      if (best === 0) return
      score += best
    }
    matches.push({ unitGroup, score: score - title.length / 100 })
  })
  matches.sort((a, b) => b.score - a.score || a.unitGroup.code.localeCompare(b.unitGroup.code))
  return matches.slice(0, limit)
}
