/**
 * The calculator and eligibility pages' scripts (issue 12, bench/web.bench.ts): as they run, within 80 kB
 * gzip in each language, with the journey's words and sentences of that language only; the site's words of the other pages (web/src/words/site.*.ts), the NOC list's
 * provenance note, the categories' rule texts and data/fst-noc.json's research record are not among them; the other pages still load the site's words.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPages, pageScripts, TARGET, weigh, type Manifest } from '../../bench/web-weight.js'

let built: Awaited<ReturnType<typeof buildPages>>
let manifest: Manifest
beforeAll(async () => {
  built = await buildPages(process.cwd())
  manifest = built.manifest
}, 180_000)
afterAll(() => built?.remove())

const JOURNEY = (['calculator', 'eligibility'] as const).flatMap((page) => (['en', 'fr'] as const).map((language) => [page, language] as const))

describe("the journey's pages", () => {
  it.each(JOURNEY)('%s in %s, as it runs: within the target, with the frame’s and the journey’s words of its language only', (page, language) => {
    const keys = pageScripts(manifest, page, 'runs', language)
    const words = [...keys].filter((k) => k.startsWith('src/words/')).sort()
    expect(words).toEqual([`src/words/checks.${language}.ts`, `src/words/frame.${language}.ts`, `src/words/journey.${language}.ts`, `src/words/messages.${language}.ts`])
    expect(weigh(built.out, manifest, keys).gzip).toBeLessThanOrEqual(TARGET)
  })

  // The journey's sentences worded from the library's codes (web/src/words/messages.*.ts) and from the
  // form's checks (web/src/words/checks.*.ts): two and one of each language, found in no other file of the pages.
  const SENTENCES = {
    en: ['A new test is needed', 'the credential does not count until you get a new one', 'Funds cannot be negative'],
    fr: ['Groupe du recrutement des Forces canadiennes', 'il ne compte pas encore', 'Choisissez le test.'],
  } as const
  it.each(JOURNEY)('%s in %s carries the journey’s sentences in its language only', (page, language) => {
    const scripts = [...pageScripts(manifest, page, 'runs', language)].map((k) => readFileSync(join(built.out, manifest[k]!.file), 'utf8')).join('\n')
    for (const s of SENTENCES[language]) expect(scripts.includes(s), `"${s}" on the ${language} page`).toBe(true)
    for (const s of SENTENCES[language === 'en' ? 'fr' : 'en']) expect(scripts.includes(s), `"${s}" on the ${language} page`).toBe(false)
  })

  it('carry the NOC 2021 titles without the file’s provenance note, the categories without their rules’ texts, the FST trades without their research record', () => {
    const scripts = [...pageScripts(manifest, 'calculator', 'runs', 'en')].map((k) => readFileSync(join(built.out, manifest[k]!.file), 'utf8')).join('\n')
    expect(scripts).toContain('Software engineers and designers')
    expect(scripts).not.toContain('Level-5')
    expect(scripts).toContain('French language proficiency (2023-1)')
    expect(scripts).not.toContain('French-language test results showing a minimum of NCLC 7')
    // data/fst-noc.json: the trades, not the research record's note and groups.
    expect(scripts).toContain('72106')
    expect(scripts).not.toContain('skilled-trade NOC 2021 groups expanded')
  })

  it.each(['index', 'rounds', 'simulator'])('the %s page loads the site’s words in its language', (page) => {
    for (const language of ['en', 'fr'] as const) expect(pageScripts(manifest, page, 'first', language)).toContain(`src/words/site.${language}.ts`)
  })
})
