/**
 * The web app's bundle carries data/fst-noc.json cut to the field the library reads
 * (src/rules/programs/fst-noc-fields.ts, applied by web/vite.config.ts).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fstRequirements } from '../../src/rules/programs/fst.js'
import { FST_NOC_FIELDS_READ, fstNocAsRead } from '../../src/rules/programs/fst-noc-fields.js'

const whole = JSON.parse(readFileSync(new URL('../../data/fst-noc.json', import.meta.url), 'utf8')) as { canadaCaVariant: string[] } & Record<string, unknown>
const fstSource = readFileSync(new URL('../../src/rules/programs/fst.ts', import.meta.url), 'utf8')

describe('the FST trades as the library reads them', () => {
  it('fst.ts reads no field of the file but the ones kept', () => {
    const code = fstSource.split('\n').filter((line) => !line.startsWith('import ')).join('\n')
    const fields = [...code.matchAll(/\bfstNoc\b(\.\w+)?/g)].map((m) => m[1]?.slice(1) ?? '(the whole file)')
    expect(fields.length).toBeGreaterThan(0)
    for (const field of fields) expect(FST_NOC_FIELDS_READ as readonly string[]).toContain(field)
  })

  it('the cut keeps the trades of every version, in order, and only them', () => {
    const cut = fstNocAsRead(whole)
    expect(Object.keys(cut)).toEqual([...FST_NOC_FIELDS_READ])
    expect(cut.canadaCaVariant).toEqual(whole.canadaCaVariant)
    for (const v of fstRequirements.versions) expect([...(v.value?.trades ?? [])]).toEqual(cut.canadaCaVariant)
    expect(JSON.stringify(cut).length).toBeLessThan(0.4 * JSON.stringify(whole).length)
  })

  it('refuses a file without the list', () => {
    expect(() => fstNocAsRead({} as { canadaCaVariant: string[] })).toThrow('no canadaCaVariant list')
  })
})
