/**
 * The journey's messages worded from the library's codes (web/src/journey/messages.ts), in French and
 * English: the French follow the typography of the word tables (test/web/french-typography.ts), and
 * the changes ahead name the language result that stops counting, and why.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { explainFactors, factorsOf } from '../../src/crs/factors.js'
import { addDays } from '../../src/domain/dates.js'
import { eligibility } from '../../src/eligibility/index.js'
import { loadRecord } from '../../src/history/load.js'
import { whatIf } from '../../src/history/outlook.js'
import { unlocks, type Unlock } from '../../src/history/unlock.js'
import { profileSchema, type Profile } from '../../src/schemas/profile.js'
import { engineer, francophone, profileArbitrary } from '../history/profiles.js'
import { problems } from './french-typography.js'

type Messages = typeof import('../../web/src/journey/messages.js')

/** The module as a page in `lang` loads it (web/src/i18n.ts reads the URL, and loads that language's words). */
async function messagesIn(lang: 'en' | 'fr'): Promise<Messages> {
  vi.resetModules()
  vi.stubGlobal('location', { search: `?lang=${lang}`, href: `http://localhost/calculator?lang=${lang}` })
  vi.stubGlobal('document', { documentElement: {} })
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined })
  return import('../../web/src/journey/messages.js')
}
afterAll(() => vi.unstubAllGlobals())

/** An IELTS (English, the first official language) of 2026-03-15 and a TEF Canada of 2026-06-01. */
const twoTests = profileSchema.parse({
  ...engineer,
  languageTests: [
    { test: 'ielts-general', testDate: '2026-03-15', listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 },
    { test: 'tef-canada', testDate: '2026-06-01', listening: 420, reading: 400, writing: 390, speaking: 410 },
  ],
})
const reasonsOn = (w: Messages, p: Profile, day: string) => w.changeReasons(factorsOf(p, addDays(day, -1)), factorsOf(p, day), false)
const frenchTest: Unlock = { target: 'cec', code: 'second-language-test', params: { language: 'french', clb: 7 }, on: '2026-07-01', crsGain: 0 }

describe('changes ahead and unlocks', () => {
  it('English: the IELTS expires on 2028-03-15 and takes the valid TEF with it; "A French test"', async () => {
    const w = await messagesIn('en')
    expect(reasonsOn(w, twoTests, '2028-03-15')).toEqual(['your English result (first official language) expires', 'your French result (second official language) no longer counts without a valid first-language result'])
    expect(w.unlockText(frenchTest, 'CEC')).toBe('A French test at NCLC 7 in all four abilities would make you eligible for CEC.')
    expect(w.unlockText({ ...frenchTest, params: { language: 'english', clb: 5 } }, 'CEC')).toMatch(/^An English test at CLB 5 /)
  })

  it('French: the same, in French; French first, the IELTS (second language) expires on its own day and the TEF later', async () => {
    const w = await messagesIn('fr')
    expect(reasonsOn(w, twoTests, '2028-03-15')).toEqual(['votre résultat de test d’anglais (première langue officielle) expire', 'votre résultat de test de français (seconde langue officielle) ne compte plus sans résultat valide en première langue'])
    const frenchFirst = profileSchema.parse({ ...twoTests, firstOfficialLanguage: 'french' })
    expect(reasonsOn(w, frenchFirst, '2028-03-15')).toEqual(['votre résultat de test d’anglais (seconde langue officielle) expire'])
    expect(reasonsOn(w, frenchFirst, '2028-06-01')).toEqual(['votre résultat de test de français (première langue officielle) expire'])
    expect(w.unlockText(frenchTest, 'CEC')).toBe('Un test de français au NCLC 7 dans les quatre compétences vous rendrait admissible\u00a0: CEC.')
  })
})

describe('what-ifs name the scale of the first official language (CLB for English, NCLC for French), in both page languages', () => {
  // As the unlocks do ("Un test d’anglais au CLB 9"): the what-if wrote NCLC on every French page and CLB on
  // every English one, so an English-first candidate read "NCLC 9" beside "CLB 9" in French.
  const englishFirst = profileSchema.parse({ ...engineer, languageTests: [{ test: 'ielts-general', testDate: '2025-01-12', listening: 7, reading: 6.5, writing: 6.5, speaking: 6.5 }] })
  it.each([
    ['en', 'English first', 'CLB', 'NCLC', englishFirst],
    ['fr', 'English first', 'CLB', 'NCLC', englishFirst],
    ['en', 'French first', 'NCLC', 'CLB', profileSchema.parse(francophone)],
    ['fr', 'French first', 'NCLC', 'CLB', profileSchema.parse(francophone)],
  ] as const)('%s page, %s: %s', async (lang, _who, scale, other, p) => {
    const w = await messagesIn(lang)
    const first = factorsOf(p, '2026-11-29').firstLanguage?.language
    const texts = whatIf({ kind: 'profile', profile: p }, '2026-11-29').changes.filter((c) => c.code.startsWith('first-language-')).map((c) => w.whatIfText(c, first))
    expect(texts.length).toBeGreaterThan(0)
    for (const t of texts) expect(t).toMatch(new RegExp(`\\b${scale} \\d`))
    for (const t of texts) expect(t).not.toMatch(new RegExp(`\\b${other}\\b`))
  })
})

describe('French typography of the worded codes', () => {
  it('unmet conditions, notices, what-ifs, unlocks and changes ahead of many profiles and days', async () => {
    const w = await messagesIn('fr')
    const texts = new Set<string>()
    const word = (p: Profile, asOf: string) => {
      const r = eligibility(p, asOf)
      // Every code is worded in French (the military category's too, from its params): never the library's English message.
      for (const u of [...r.programs.fsw.unmet, ...r.programs.cec.unmet, ...r.programs.fst.unmet, ...r.categories.flatMap((c) => [...c.unmet, ...(c.undecided ?? [])])]) {
        const text = w.unmetText(u, 'Catégorie')
        expect(text, u.code).not.toBe(u.message)
        texts.add(text)
      }
      for (const n of explainFactors(p, asOf).notices) texts.add(w.noticeText(n))
      for (const c of whatIf({ kind: 'profile', profile: p }, asOf).changes) texts.add(w.whatIfText(c))
      for (const u of unlocks(p, asOf).unlocks) texts.add(w.unlockText(u, 'CEC'))
      for (const day of ['2027-03-15', '2028-03-15', '2028-06-01']) texts.add(w.changeReasons(factorsOf(p, addDays(day, -1)), factorsOf(p, day), true).join(' '))
    }
    for (const p of [engineer, twoTests, profileSchema.parse(francophone)]) for (const asOf of ['2020-06-01', '2026-07-01', '2029-01-01']) word(p, asOf)
    fc.assert(fc.property(profileArbitrary, (p) => word(p, '2026-07-01')), { numRuns: 60 })
    texts.add(w.verifiedText({ code: 'rules_not_verified', message: 'rules last verified on 2026-01-01', lastVerified: '2026-01-01' } as Parameters<Messages['verifiedText']>[0]))
    expect(texts.size).toBeGreaterThan(20)
    for (const t of texts) expect(problems(t), t).toEqual([])
  })
})

describe("IRCC's French names of rounds (W7)", () => {
  it('the rounds whose French name the record holds are worded the same from their English names (IRCC writes "version" with either capital)', async () => {
    const w = await messagesIn('fr')
    const named = loadRecord().rounds.filter((r) => r.labelFr !== undefined)
    // The shipped names: rounds 436-447 (data/ee-rounds.labels-fr.json).
    expect(named.map((r) => r.number)).toEqual(Array.from({ length: 12 }, (_, i) => String(436 + i)))
    const same = (s: string) => s.replace(/-version /i, '-version ')
    for (const r of named) expect(same(w.roundLabel(r.label)), r.label).toBe(same(r.labelFr!))
  })

  it('the categories those rounds confirm are named the same on every version, and in English as IRCC labels them', async () => {
    const fr = await messagesIn('fr')
    expect(fr.roundLabel('Healthcare and social services occupations (Version 2)')).toBe('Professions de la santé et des services sociaux (Version 2)')
    expect(fr.roundLabel('Healthcare occupations (Version 1)')).toBe('Professions de la santé (Version 1)')
    expect(fr.roundLabel('Trade occupations (Version 2)')).toBe('Métiers spécialisés (Version 2)')
    expect(fr.roundLabel('STEM occupations (2023-1)')).toBe('Professions en sciences, technologies, ingénierie et mathématiques (STIM) (2023-1)')
    expect(fr.categoryName('healthcare-social-2026', 'Healthcare and Social Services Occupations, 2026-Version 3')).toBe('Professions de la santé et des services sociaux 2026-Version 3')
    // A forecast type spans its category's versions: healthcare is named as it is now.
    expect(fr.roundTypeName('category:healthcare')).toBe('Professions de la santé et des services sociaux')
    const en = await messagesIn('en')
    expect(en.roundTypeName('category:healthcare')).toBe('Healthcare and social services occupations')
    expect(en.roundLabel('Trades Occupations, 2026-Version 3')).toBe('Trades Occupations, 2026-Version 3')
  })

  it("a page names a round by the French feed's own name when the record holds it, else worded from the English; English pages by IRCC's label", async () => {
    const fr = await messagesIn('fr')
    const en = await messagesIn('en')
    const label = 'Senior managers with Canadian Work Experience, 2026-Version 1'
    const feed = 'Cadres supérieurs/cadres supérieures ayant de l’expérience de travail au Canada 2026-version 1'
    expect([fr.roundName(label, feed), fr.roundName(label)]).toEqual([feed, 'Cadres supérieurs/cadres supérieures ayant de l’expérience de travail au Canada 2026-Version 1'])
    expect(en.roundName(label, feed)).toBe(label)
  })

  it("a round name the page cannot give in French stays IRCC's English, marked lang=en; a French one is plain text", async () => {
    const fr = await messagesIn('fr')
    // A minimal element (h() sets attributes and appends text): enough to read what it was given.
    vi.stubGlobal('document', { documentElement: {}, createElement: (tag: string) => ({ tag, attrs: {} as Record<string, string>, text: '', setAttribute(k: string, v: string) { this.attrs[k] = v }, append(t: string) { this.text += t } }) })
    const unknown = fr.roundNameElement('Construction occupations, 2027-Version 1') as unknown as { tag: string; attrs: Record<string, string>; text: string }
    expect(unknown).toMatchObject({ tag: 'span', attrs: { lang: 'en' }, text: 'Construction occupations, 2027-Version 1' })
    expect(fr.roundNameElement('Canadian Experience Class')).toBe('Catégorie de l’expérience canadienne')
  })
})

describe('the levels a test converts to, under its scores', () => {
  // The French line read "NCLC/CLB 8 oral, …, 7 écrit": "oral" and "écrit" for the fields named
  // "Expression orale" and "Expression écrite". Each ability is named as its field is.
  it.each(['en', 'fr'] as const)('%s: each of the four abilities named as its field', async (lang) => {
    const words = lang === 'fr' ? (await import('../../web/src/words/journey.fr.js')).fr : (await import('../../web/src/words/journey.en.js')).en
    const line = words.clbIs.toLowerCase()
    for (const field of [words.speaking, words.listening, words.reading, words.writing]) expect(line).toContain(field.toLowerCase())
  })
})

describe('a field that keeps its row from counting, said beside it', () => {
  const target = {}
  it.each([
    [{ target, field: 'years', code: 'years_invalid', params: { value: '40' } }, /^Enter the length of the program in years, from 0 to 15/, /^Entrez la durée du programme en années, de 0 à 15\u00a0:/],
    [{ target, field: 'hours', code: 'hours_invalid', params: { value: '200' } }, /^Enter the hours worked in a week, more than 0 and at most 168/, /^Entrez les heures travaillées par semaine, plus de 0 et au plus 168\u00a0:/],
    [{ target, field: 'to', code: 'job_ends_before_start', params: { from: '2020-01-01', to: '2019-01-01' } }, /^The end \(January\u00a01,\u00a02019\) is before the start \(January\u00a01,\u00a02020\)/, /^La fin \(1er\u00a0janvier\u00a02019\) précède le début \(1er\u00a0janvier\u00a02020\)\u00a0:/],
  ] as const)('$code', async (issue, en, fr) => {
    await messagesIn('en')
    expect((await import('../../web/src/journey/check-text.js')).issueText(issue)).toMatch(en)
    await messagesIn('fr')
    const french = (await import('../../web/src/journey/check-text.js')).issueText(issue)
    expect(french).toMatch(fr)
    expect(problems(french)).toEqual([])
  })
})
