/**
 * Every category version's confidence note, shown with its verdict on the calculator, has a French
 * version (web/src/journey/confidence.fr.ts), and the English note it translates is still the one in
 * data/categories.json.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { categoryVersions } from '../../src/rules/categories/catalog.js'
import { CONFIDENCE_FR } from '../../web/src/journey/confidence.fr.js'

/**
 * The English notes these translate, by id: a note changed in data/categories.json without its French
 * here fails the test (the French would say something else).
 */
const TRANSLATED: Readonly<Record<string, string>> = {
  'french-2023-1': 'high',
  'healthcare-2023-1': 'high',
  'stem-2023-1': 'high',
  'trade-2023-1': 'high',
  'transport-2023-1': 'high',
  'agriculture-2023-1': 'high',
  'french-2024-1': 'high (label), medium (end date)',
  'healthcare-2024-1': 'high (list), unconfirmed (original 2024-1 label)',
  'stem-2024-1': 'high',
  'trade-2024-1': 'high (list unchanged per renewal), unconfirmed (original label)',
  'transport-2024-1': 'high',
  'agriculture-2024-1': 'medium: category renewed for 2024 with same list; no round was held under a 2024-1 label',
  'french-2025': 'high (rule), unconfirmed (original label)',
  'healthcare-social-2025': 'medium-high',
  'stem-2025': 'high',
  'trade-2025': 'high',
  'education-2025': 'high',
  'agriculture-2025': 'high',
  'physicians-canadian-experience': 'high (codes), medium (rule details)',
  'french-2026': 'high (label), medium (rule unchanged). Note: first round 2026-02-06 predates the 2026-02-18 announcement.',
  'healthcare-social-2026': 'medium (list): one verbatim transcription of the official page (verified 2026-08-26) and agreement of third parties; the list is the 2025 list unchanged',
  'stem-2026': 'medium (list): one verbatim transcription of the official page (verified 2026-08-26) and agreement of third parties; the list is the 2025 list unchanged',
  'trade-2026': 'medium-low',
  'education-2026': 'medium (list): one verbatim transcription of the official page (verified 2026-08-26) and agreement of third parties; the list is the 2025 list unchanged',
  'transport-2026': 'high',
  'senior-managers-2026': 'high (codes), medium (rule)',
  'researchers-2026': 'high (codes), medium (rule)',
  'military-2026': "medium (rule: several secondary sources agree; the instructions' text not found), high (codes)",
}

describe('category confidence notes in French', () => {
  it('every version in data/categories.json has a French note, translated from its current English one', () => {
    const data = JSON.parse(readFileSync('data/categories.json', 'utf8')) as { categories: { id: string; confidence: string }[] }
    for (const c of data.categories) {
      expect(CONFIDENCE_FR[c.id], c.id).toBeTruthy()
      expect(TRANSLATED[c.id], `${c.id}: its English note changed; translate it again`).toBe(c.confidence)
    }
    expect(Object.keys(CONFIDENCE_FR).sort()).toEqual(categoryVersions.map((v) => v.id).sort())
  })
})
