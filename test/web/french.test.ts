/**
 * The French pages' typography and terms, so they cannot regress: in every French word table
 * (web/src/words/*.fr.ts), a no-break space before ":" (U+00A0) and a narrow no-break space before
 * ";", "?" and "!" (U+202F), never a breakable space or none; the typographic apostrophe; no-break
 * spaces inside « »; AAAA-MM-JJ, not YYYY-MM-DD; a no-break space between a number and its unit; IRCC's
 * acronyms (CEC, PTQF, PTMSF, PCP) and "nº 447". Every key of each English table has its French.
 */
import { describe, expect, it } from 'vitest'
import { problems } from './french-typography.js'
import { en as forecastEn } from '../../web/src/words/forecast.en.js'
import { fr as forecastFr } from '../../web/src/words/forecast.fr.js'
import { en as journeyEn } from '../../web/src/words/journey.en.js'
import { fr as journeyFr } from '../../web/src/words/journey.fr.js'
import { en as frameEn } from '../../web/src/words/frame.en.js'
import { fr as frameFr } from '../../web/src/words/frame.fr.js'
import { en as siteEn } from '../../web/src/words/site.en.js'
import { fr as siteFr } from '../../web/src/words/site.fr.js'

const TABLES: readonly [string, Readonly<Record<string, string>>, Readonly<Record<string, string>>][] = [
  ['frame', frameEn, frameFr],
  ['site', siteEn, siteFr],
  ['journey', journeyEn, journeyFr],
  ['forecast', forecastEn, forecastFr],
]
const entries = TABLES.flatMap(([name, , fr]) => Object.entries(fr).map(([key, text]) => [`${name}.${key}`, text] as const))

describe('French typography', () => {
  it('the check finds what it is meant to find', () => {
    expect(problems('Remarque : règles')).toHaveLength(1)
    expect(problems('Résultat le plus bas: 511')).toHaveLength(1)
    expect(problems('Au Canada?')).toHaveLength(1)
    expect(problems('aujourd\'hui')).toEqual(['straight apostrophe'])
    expect(problems('dans les 90 jours')).toHaveLength(1)
    expect(problems('ronde no 447')).toHaveLength(1)
    expect(problems('rondes générales, PEC et par catégorie')).toHaveLength(1)
    expect(problems('Au Canada\u202f? Voir https://www.canada.ca/fr.html (UTC, AAAA-MM-JJThh:mm:ssZ)\u00a0: 90\u00a0jours, nº\u00a0447.')).toEqual([])
  })

  it.each(entries)('%s', (_key, text) => {
    expect(problems(text)).toEqual([])
  })

  it.each(TABLES)('every key of the %s words has its French, and no French key is left over', (_name, en, fr) => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(fr)) expect(text.trim(), key).not.toBe('')
  })

  it.each(TABLES)('the %s words keep the same {placeholders} in both languages', (_name, en, fr) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en)) expect(names(fr[key]!), key).toEqual(names(en[key]!))
  })
})
