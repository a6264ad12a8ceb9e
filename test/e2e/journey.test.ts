/**
 * The candidate's journey in a real browser (playwright-core, Debian's Chromium): three candidates fill
 * the form by its labels, as a person would, in English and in French, on a desktop and on a 375 px
 * phone; the score, eligibility, unlock advice and past-round verdict are checked against the library
 * run here on the same Profile. axe-core checks every page in both languages. Screenshots go to
 * test-artifacts/ (gitignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'
import { factorsOf } from '../../src/crs/factors.js'
import { scoreCrs } from '../../src/crs/score.js'
import { eligibility } from '../../src/eligibility/index.js'
import { forecast } from '../../src/forecast/forecast.js'
import { pastInvitations } from '../../src/history/invited.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'
import { loadRounds } from '../../src/history/load.js'
import { unlocks } from '../../src/history/unlock.js'
import { profileSchema, type ProfileInput } from '../../src/schemas/profile.js'
import { dayText } from '../../web/src/dates.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const ARTIFACTS = join(process.cwd(), 'test-artifacts')
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const ASOF = '2026-11-29'

let webRoot: string
let server: RunningServer
let browser: Browser
let store: Store

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'ee-journey-'))
  await build({ configFile: join(process.cwd(), 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } })
  const rounds = loadRounds()
  // A small demo pool, for the simulator page.
  const poolEligibility = realEligibility()
  store = await openStore(':memory:')
  await importProfiles(store, [...generatePool({ size: 60, seed: 5, like: '2025-06-01', eligibility: poolEligibility })].map((g) => JSON.stringify(g.profile)), { eligibility: poolEligibility, asOf: '2025-06-01' })
  server = await startServer({ port: 0, hostname: '127.0.0.1', webRoot, history: { rounds: () => rounds }, pool: { store, eligibility: poolEligibility } })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
  mkdirSync(ARTIFACTS, { recursive: true })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await store?.close()
  if (webRoot) rmSync(webRoot, { recursive: true, force: true })
})

/** A fresh browser context (its own storage), a page, and every console error and page error it logs. */
async function open(path: string, options: { width?: number; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, bypassCSP: options.bypassCSP ?? false })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  await page.goto(`${server.url}${path}`)
  // Drawn by the script (the shell's loading line replaced): what follows checks the page, not the shell.
  if (options.javaScript !== false) await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  return { page, context, errors }
}

// ---- the words of the form, in both languages ------------------------------------------------------

type Lang = 'en' | 'fr'
const W = {
  en: { asOf: 'Score on this date', dob: 'Date of birth', marital: 'Marital status', married: 'Married', single: 'Never married / single', spouseCitizen: 'citizen or permanent resident of Canada?', spouseComing: 'come with you to Canada?', yes: 'Yes', no: 'No', credential: 'Credential 1', level: 'Level', inCanada: 'Studied in Canada?', completedOn: 'Completed on', years: 'Length of the program (years)', eca: 'ECA issued on (studies outside Canada)', test: 'Language test 1', testName: 'Test', testDate: 'Test date', speaking: 'Speaking', listening: 'Listening', reading: 'Reading', writing: 'Writing', job: 'Job 1', occupation: 'Occupation (job title or NOC code)', workInCanada: 'In Canada?', from: 'From', to: 'To (leave empty if you still work there)', hours: 'Hours a week', spouse: 'Spouse: ', spouseDob: 'Your spouse’s date of birth', funds: 'Settlement funds you can show (CAD)', firstLanguage: 'Your first official language', french: 'French', addTest: 'Add a test' },
  fr: { asOf: 'Calculer à cette date', dob: 'Date de naissance', marital: 'État matrimonial', married: 'Marié(e)', single: 'Jamais marié(e) / célibataire', spouseCitizen: 'citoyen(ne) ou résident(e) permanent(e) du Canada\u202f?', spouseComing: 'accompagnera-t-il(elle) au Canada\u202f?', yes: 'Oui', no: 'Non', credential: 'Diplôme 1', level: 'Niveau', inCanada: 'Études au Canada\u202f?', completedOn: 'Obtenu le', years: 'Durée du programme (années)', eca: 'EDE délivrée le (études hors du Canada)', test: 'Test de langue 1', testName: 'Test', testDate: 'Date du test', speaking: 'Expression orale', listening: 'Compréhension de l’oral', reading: 'Compréhension de l’écrit', writing: 'Expression écrite', job: 'Emploi 1', occupation: 'Profession (titre d’emploi ou code CNP)', workInCanada: 'Au Canada\u202f?', from: 'Du', to: 'Au (laisser vide si vous y travaillez encore)', hours: 'Heures par semaine', spouse: 'Époux(se)\u00a0: ', spouseDob: 'Date de naissance de votre époux(se)', funds: 'Fonds d’établissement que vous pouvez montrer (CAD)', firstLanguage: 'Votre première langue officielle', french: 'Français', addTest: 'Ajouter un test' },
} as const

const LEVEL_LABEL: Record<Lang, Record<string, string>> = {
  en: { bachelors: 'Bachelor’s degree, or a program of three years or more', 'two-year': 'Two-year program after high school', masters: 'Master’s degree, or a professional degree for a licensed profession' },
  fr: { bachelors: 'Baccalauréat, ou programme de trois ans ou plus', 'two-year': 'Programme de deux ans après le secondaire', masters: 'Maîtrise, ou diplôme professionnel pour une profession réglementée' },
}
const TEST_LABEL: Record<string, string> = { 'ielts-general': 'IELTS General Training', 'celpip-general': 'CELPIP-General', 'tef-canada': 'TEF Canada' }

interface Person {
  credential: { level: string; inCanada: boolean; completedOn: string; years: number; eca?: string }
  test: { test: string; date: string; speaking: number; listening: number; reading: number; writing: number }
  job: { search: string; noc: string; inCanada: boolean; from: string; to?: string; hours: number }
}

interface Candidate {
  name: string
  dob: string
  married: boolean
  spouse?: Person & { dob: string }
  me: Person
  /** null: left blank (not said: FSW and FST can't tell where funds are needed, E21). */
  funds: number | null
  firstFrench?: boolean
}

const group = (scope: Page | Locator, name: string): Locator => scope.getByRole('group', { name, exact: true })

async function yesNo(page: Page, question: string, yes: boolean, l: Lang): Promise<void> {
  await page.getByRole('group', { name: question }).getByLabel(yes ? W[l].yes : W[l].no, { exact: true }).check()
}

async function fillPerson(page: Page, p: Person, l: Lang, prefix: string): Promise<void> {
  const w = W[l]
  const cred = group(page, `${prefix}${w.credential}`)
  await cred.getByLabel(w.level).selectOption({ label: LEVEL_LABEL[l][p.credential.level]! })
  await cred.getByRole('group', { name: w.inCanada }).getByLabel(p.credential.inCanada ? w.yes : w.no, { exact: true }).check()
  await cred.getByLabel(w.completedOn).fill(p.credential.completedOn)
  await cred.getByLabel(w.years).fill(String(p.credential.years))
  if (p.credential.eca) await cred.getByLabel(w.eca).fill(p.credential.eca)
  const test = group(page, `${prefix}${w.test}`)
  await test.getByLabel(w.testName, { exact: true }).selectOption({ label: TEST_LABEL[p.test.test]! })
  await test.getByLabel(w.testDate).fill(p.test.date)
  for (const a of ['speaking', 'listening', 'reading', 'writing'] as const) await test.getByLabel(w[a], { exact: true }).fill(String(p.test[a]))
  const job = group(page, `${prefix}${w.job}`)
  await job.getByLabel(w.occupation).fill(p.job.search)
  // A code typed in full is taken at once; words offer occupations to choose from.
  if (p.job.search !== p.job.noc) await job.getByRole('button', { name: new RegExp(`^${p.job.noc} `) }).click()
  expect(await job.locator('.noc-status .derived').textContent()).toContain(p.job.noc)
  await job.getByRole('group', { name: w.workInCanada }).getByLabel(p.job.inCanada ? w.yes : w.no, { exact: true }).check()
  await job.getByLabel(w.from).fill(p.job.from)
  if (p.job.to) await job.getByLabel(w.to).fill(p.job.to)
  await job.getByLabel(w.hours).fill(String(p.job.hours))
}

async function fill(page: Page, c: Candidate, l: Lang): Promise<void> {
  const w = W[l]
  await page.getByLabel(w.asOf).fill(ASOF)
  await page.getByLabel(w.dob, { exact: true }).fill(c.dob)
  await page.getByLabel(w.marital).selectOption({ label: c.married ? w.married : w.single })
  if (c.married) {
    await yesNo(page, w.spouseCitizen, false, l)
    await yesNo(page, w.spouseComing, true, l)
  }
  if (c.firstFrench) await page.getByLabel(w.firstLanguage).selectOption({ label: w.french })
  await fillPerson(page, c.me, l, '')
  if (c.spouse) {
    await page.getByLabel(w.spouseDob).fill(c.spouse.dob)
    await fillPerson(page, c.spouse, l, w.spouse)
  }
  if (c.funds !== null) await page.getByLabel(w.funds).fill(String(c.funds))
}

/** The same candidate as a Profile, for the library run here. */
function profileOf(c: Candidate): ReturnType<typeof profileSchema.parse> {
  const person = (p: Person) => ({
    education: [{ level: p.credential.level as 'bachelors', country: p.credential.inCanada ? 'CA' : 'ZZ', programYears: p.credential.years, completedOn: p.credential.completedOn, eca: p.credential.eca ? { organization: 'ECA', issuedOn: p.credential.eca } : null }],
    languageTests: [{ test: p.test.test as 'ielts-general', testDate: p.test.date, speaking: p.test.speaking, listening: p.test.listening, reading: p.test.reading, writing: p.test.writing }],
    work: [{ noc: p.job.noc, country: p.job.inCanada ? 'CA' : 'ZZ', from: p.job.from, to: p.job.to ?? null, hoursPerWeek: p.job.hours }],
  })
  const input: ProfileInput = {
    id: 'me',
    submittedAt: `${ASOF}T00:00:00Z`,
    dateOfBirth: c.dob,
    maritalStatus: c.married ? 'married' : 'single',
    spouse: c.spouse ? { accompanying: true, canadianCitizenOrPR: false, dateOfBirth: c.spouse.dob, ...person(c.spouse) } : null,
    ...person(c.me),
    firstOfficialLanguage: c.firstFrench ? 'french' : 'english',
    ...(c.funds === null ? {} : { settlementFundsCad: c.funds }),
  }
  return profileSchema.parse(input)
}

const developer: Candidate = {
  name: 'software developer from India',
  dob: '1997-05-10',
  married: false,
  me: {
    credential: { level: 'bachelors', inCanada: false, completedOn: '2019-05-31', years: 4, eca: '2024-03-01' },
    test: { test: 'ielts-general', date: '2026-03-15', speaking: 7.5, listening: 8.5, reading: 8, writing: 7 },
    job: { search: 'software developers', noc: '21232', inCanada: true, from: '2023-09-01', hours: 40 },
  },
  funds: 20000,
}

const nurseAide: Candidate = {
  name: 'married nurse aide with a spouse',
  dob: '1990-02-01',
  married: true,
  me: {
    credential: { level: 'two-year', inCanada: false, completedOn: '2012-04-30', years: 2, eca: '2023-06-01' },
    test: { test: 'celpip-general', date: '2026-01-20', speaking: 7, listening: 7, reading: 7, writing: 7 },
    job: { search: 'nurse aides', noc: '33102', inCanada: true, from: '2024-01-15', hours: 40 },
  },
  spouse: {
    dob: '1991-07-12',
    credential: { level: 'bachelors', inCanada: false, completedOn: '2013-05-31', years: 4, eca: '2023-06-01' },
    test: { test: 'ielts-general', date: '2026-02-10', speaking: 6, listening: 6, reading: 6, writing: 6 },
    job: { search: '64100', noc: '64100', inCanada: true, from: '2024-02-01', hours: 30 },
  },
  funds: 30000,
}

const francophone: Candidate = {
  name: 'francophone one FSW grid point short',
  dob: '1991-03-10',
  married: false,
  firstFrench: true,
  me: {
    credential: { level: 'bachelors', inCanada: false, completedOn: '2014-06-30', years: 4, eca: '2025-01-15' },
    test: { test: 'tef-canada', date: '2026-06-01', speaking: 518, listening: 503, reading: 503, writing: 512 },
    job: { search: 'software developers', noc: '21232', inCanada: false, from: '2024-01-08', to: '2025-06-30', hours: 40 },
  },
  funds: 20000,
}

/** What the library says of the candidate, run here. */
function expected(c: Candidate) {
  const profile = profileOf(c)
  const e = eligibility(profile, ASOF)
  const past = pastInvitations({ kind: 'profile', profile }, loadRounds().filter((r) => r.date <= ASOF))
  const invited = past.rounds.filter((r) => r.outcome === 'invited')
  return { profile, total: scoreCrs(factorsOf(profile, ASOF), ASOF).total, e, unlocks: unlocks(profile, ASOF).unlocks, invited }
}

async function checkCandidate(page: Page, c: Candidate, l: Lang): Promise<void> {
  const x = expected(c)
  await expect.poll(() => page.getByTestId('crs-total').textContent()).toBe(String(x.total))
  for (const id of ['fsw', 'cec', 'fst'] as const) {
    const badge = page.locator(`#programs li[data-program=${id}] .badge`)
    await expect.poll(() => badge.getAttribute('class')).toBe(`badge ${x.e.programs[id].eligible === null ? 'unknown' : x.e.programs[id].eligible ? 'yes' : 'no'}`)
  }
  for (const cat of x.e.categories) {
    const verdict = cat.eligible ? 'yes' : cat.eligible === null || cat.unmet.some((u) => u.code === 'category_list_unknown') ? 'unknown' : 'no'
    expect(await page.locator(`#categories li[data-category="${cat.id}"] .badge`).getAttribute('class')).toBe(`badge ${verdict}`)
  }
  // Unlock advice: one line per target and change the library finds.
  await page.locator('#unlock[data-ready]').waitFor()
  expect(await page.locator('#unlocks li').count()).toBe(x.unlocks.length)
  // The past-round verdict, first.
  const verdict = page.locator('#past-verdict')
  await verdict.waitFor({ timeout: 20_000 })
  const text = (await verdict.textContent())!
  if (x.invited.length === 0) expect(text).toMatch(l === 'en' ? /None of the \d+ rounds/ : /Aucune des \d+\u00a0rondes/)
  else expect(text).toContain(`#${x.invited.at(-1)!.number}`.replace('#', l === 'en' ? '#' : 'no '))
}

describe.each(['en', 'fr'] as const)('the three candidates fill the form by its labels (%s)', (l) => {
  it.each([developer, nurseAide, francophone])('$name', async (c) => {
    const { page, context, errors } = await open(`/calculator${l === 'fr' ? '?lang=fr' : ''}`)
    await fill(page, c, l)
    await checkCandidate(page, c, l)
    // The breakdown's words are the journey's, in the page's language (the site's words are not loaded here): never a key.
    const breakdown = page.locator('#crs-breakdown')
    expect(await breakdown.locator('thead th').allTextContents()).toEqual(l === 'en' ? ['Factor', 'Points'] : ['Facteur', 'Points'])
    const rows = await breakdown.locator('tbody th').allTextContents()
    expect(rows.slice(0, 2)).toEqual(l === 'en' ? ['A. Core / human capital factors', 'Age'] : ['A. Facteurs de base / capital humain', 'Âge'])
    expect(rows).toHaveLength(21)
    expect(rows.filter((r) => /^[A-D]$|^\w+\.\w+$/.test(r))).toEqual([])
    const x = expected(c)
    if (c === developer) {
      // CEC opens, and the summary bar says so.
      expect(await page.locator('#summary').textContent()).toMatch(/CEC/)
      // The 2026 STEM list is known (11 codes): the verdict and its reasons are the library's.
      const stemResult = x.e.categories.find((cat) => cat.id === 'stem-2026')!
      const stem = page.locator('#categories li[data-category="stem-2026"]')
      expect(await stem.locator('.badge').getAttribute('class')).toBe(`badge ${stemResult.eligible ? 'yes' : 'no'}`)
      expect(await stem.locator('.reasons li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(stemResult.unmet.map((u) => u.code))
    }
    if (c === nurseAide) {
      // The spouse's questions were asked and scored.
      expect(Number(await page.locator('[data-line="spouse.language"]').textContent())).toBeGreaterThan(0)
      // Healthcare 2026's list is known: her NOC 33102 qualifies, with the months the library counts.
      const healthResult = x.e.categories.find((cat) => cat.id === 'healthcare-social-2026')!
      const health = page.locator('#categories li[data-category="healthcare-social-2026"]')
      expect(await health.locator('.badge').getAttribute('class')).toBe(`badge ${healthResult.eligible ? 'yes' : 'no'}`)
      expect(healthResult.occupation?.noc).toBe('33102')
      expect(await health.textContent()).toContain(l === 'en' ? `Your NOC 33102 (${healthResult.occupation!.title}): ${healthResult.occupation!.months} months counted.` : `Votre CNP 33102 (${healthResult.occupation!.title})\u00a0: ${healthResult.occupation!.months.toLocaleString('fr-CA')}\u00a0mois comptés.`)
      await page.locator('#past-verdict').waitFor({ timeout: 20_000 })
      await page.locator('#results').screenshot({ path: join(ARTIFACTS, `journey-${l}-nurse-aide-results.png`) })
    }
    if (c === francophone) {
      const fsw = page.locator('#unlocks li[data-target=fsw][data-code=second-language-test]')
      expect(await fsw.textContent()).toContain(l === 'en' ? 'An English test at CLB 5 in all four abilities would make you eligible for Federal Skilled Worker (FSW) (selection grid 66 → 70); CRS +29.' : 'Un test d’anglais au CLB 5 dans les quatre compétences vous rendrait admissible\u00a0: Programme des travailleurs qualifiés (fédéral) (PTQF) (grille de sélection 66 → 70)\u202f; SCG +29.')
      expect(await page.locator('#programs li[data-program=fsw]').textContent()).toContain(l === 'en' ? 'you have 66 (1 short)' : 'vous en avez 66 (il en manque 1)')
      await page.locator('#past-verdict').waitFor({ timeout: 20_000 })
      await page.locator('#results').screenshot({ path: join(ARTIFACTS, `journey-${l}-francophone-results.png`) })
    }
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('settlement funds left blank are can\'t tell, as the library says (E21)', () => {
  // A software developer abroad for six years: FSW is the only program, if the funds are there.
  const abroad: Candidate = {
    name: 'software developer abroad, funds left blank',
    dob: '1997-05-10',
    married: false,
    me: {
      credential: { level: 'bachelors', inCanada: false, completedOn: '2019-05-31', years: 4, eca: '2024-03-01' },
      test: { test: 'ielts-general', date: '2026-03-15', speaking: 7.5, listening: 8.5, reading: 8, writing: 7 },
      job: { search: '21232', noc: '21232', inCanada: false, from: '2019-06-01', to: '2025-12-31', hours: 40 },
    },
    funds: null,
  }
  it.each(['en', 'fr'] as const)('FSW: can\'t tell with "enter your settlement funds", then yes once they are entered (%s)', async (l) => {
    const x = expected(abroad)
    expect(x.e.programs.fsw.eligible).toBeNull()
    const { page, context, errors } = await open(`/calculator${l === 'fr' ? '?lang=fr' : ''}`)
    await fill(page, abroad, l)
    await checkCandidate(page, abroad, l)
    const fsw = page.locator('#programs li[data-program=fsw]')
    expect(await fsw.locator('.badge').getAttribute('class')).toBe('badge unknown')
    expect(await fsw.getByTestId('cant-tell').textContent()).toBe(l === 'en' ? 'Can’t tell: enter your settlement funds.' : 'Impossible à dire\u00a0: entrez vos fonds d’établissement.')
    expect(await page.locator('#programs').textContent()).not.toMatch(/CAD 0|0\u00a0\$/)
    await page.getByLabel(W[l].funds).fill('20000')
    await expect.poll(() => fsw.locator('.badge').getAttribute('class')).toBe('badge yes')
    expect(expected({ ...abroad, funds: 20000 }).e.programs.fsw.eligible).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('the rules of the day, visibly', () => {
  it.each([
    ['expired (more than 2 years old)', '2022-01-10', 'more than 2 years old on November\u00a029,\u00a02026'],
    ['future-dated (after the scoring day)', '2027-01-10', 'after the scoring day November\u00a029,\u00a02026'],
  ])('a %s test scores no language points, with the message beside it', async (_name, date, message) => {
    const c: Candidate = { ...developer, me: { ...developer.me, test: { ...developer.me.test, date } } }
    const { page, context, errors } = await open('/calculator')
    await fill(page, c, 'en')
    await expect.poll(() => page.getByTestId('crs-total').textContent()).toBe(String(expected(c).total))
    expect(await page.locator('[data-line="core.firstLanguage"]').textContent()).toBe('0')
    expect(await group(page, 'Language test 1').locator('.test-invalid').textContent()).toContain(message)
    expect(await page.locator('#crs-notices').textContent()).toContain(message)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('the spouse questions follow IRCC: "will your spouse come" is hidden when the spouse is a citizen or PR', async () => {
    const { page, context } = await open('/calculator')
    const coming = page.getByRole('group', { name: W.en.spouseComing })
    expect(await coming.isVisible()).toBe(false)
    await page.getByLabel('Marital status').selectOption({ label: 'Married' })
    await yesNo(page, W.en.spouseCitizen, true, 'en')
    expect(await coming.isVisible()).toBe(false)
    expect(await page.locator('#spouse-section').isVisible()).toBe(false)
    await yesNo(page, W.en.spouseCitizen, false, 'en')
    expect(await coming.isVisible()).toBe(true)
    await yesNo(page, W.en.spouseComing, true, 'en')
    expect(await page.locator('#spouse-section').isVisible()).toBe(true)
    // Annulled and legally separated are answers; age and education are not pre-filled.
    const statuses = await page.getByLabel('Marital status').locator('option').allTextContents()
    expect(statuses).toEqual(expect.arrayContaining(['Annulled marriage', 'Legally separated']))
    expect(await page.getByLabel('Date of birth', { exact: true }).inputValue()).toBe('')
    expect(await group(page, 'Credential 1').getByLabel('Level').inputValue()).toBe('')
    // The job-offer question is asked on every date (FSW, FST and the funds read it); on a date it gives no
    // CRS points (from 2025-03-25) a hint says so.
    const offer = page.getByRole('group', { name: /valid job offer/ })
    expect(await offer.isVisible()).toBe(true)
    await page.getByLabel('Date of birth', { exact: true }).fill('1990-01-01')
    await page.getByLabel('Score on this date').fill('2026-06-01')
    await expect.poll(() => offer.locator('p.hint').isVisible()).toBe(true)
    await page.getByLabel('Score on this date').fill('2024-06-01')
    await expect.poll(() => offer.locator('p.hint').isVisible()).toBe(false)
    expect(await page.getByRole('group', { name: /brother or sister/ }).textContent()).toContain('your spouse or common-law partner')
    await context.close()
  }, 60_000)

  it('a job ending before it starts is not counted, and the row says why', async () => {
    const { page, context } = await open('/calculator')
    await fill(page, developer, 'en')
    const before = await page.getByTestId('crs-total').textContent()
    const job = group(page, 'Job 1')
    await job.getByLabel(W.en.to).fill('2020-01-01')
    await expect.poll(() => job.locator('.row-note').textContent()).toContain('the end cannot be before the start')
    const x = expected({ ...developer, me: { ...developer.me, job: { ...developer.me.job, from: '2099-01-01' } } })
    await expect.poll(() => page.getByTestId('crs-total').textContent()).toBe(String(x.total))
    expect(await page.getByTestId('crs-total').textContent()).not.toBe(before)
    await context.close()
  }, 60_000)

  it('the answers stay on the device; the copied link carries them to another browser', async () => {
    const { page, context } = await open('/calculator')
    await fill(page, francophone, 'en')
    const total = await page.getByTestId('crs-total').textContent()
    expect(page.url()).not.toContain('answers')
    await page.getByRole('button', { name: 'Copy a link with my answers' }).click()
    await expect.poll(() => page.locator('.share [role=status]').textContent()).toContain('Link copied')
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/#answers=/)
    const other = await open(link.slice(server.url.length))
    await expect.poll(() => other.page.getByTestId('crs-total').textContent()).toBe(total)
    expect(other.page.url()).not.toContain('answers')
    await other.context.close()
    await context.close()
  }, 60_000)

  it('the language switch keeps every answer', async () => {
    const { page, context } = await open('/calculator')
    await fill(page, nurseAide, 'en')
    const total = await page.getByTestId('crs-total').textContent()
    await page.getByRole('link', { name: 'Afficher cette page en français' }).click()
    await page.waitForURL(/lang=fr/)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await expect.poll(() => page.getByTestId('crs-total').textContent()).toBe(total)
    expect(await page.getByLabel('Date de naissance', { exact: true }).inputValue()).toBe(nurseAide.dob)
    expect(await group(page, 'Époux(se)\u00a0: Test de langue 1').getByLabel('Expression orale', { exact: true }).inputValue()).toBe('6')
    await context.close()
  }, 60_000)
})

describe('when will I be invited? (the forecast in the journey)', () => {
  it.each(['en', 'fr'] as const)('%s: asked for, the library\'s forecast for the journey\'s Profile, computed on the device, worded in the page\'s language', async (l) => {
    const { page, context, errors } = await open(l === 'fr' ? '/calculator?lang=fr' : '/calculator')
    const posted: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posted.push(r.url())
    })
    await fill(page, nurseAide, l)
    await checkCandidate(page, nurseAide, l)
    const f = forecast({ kind: 'profile', profile: profileOf(nurseAide) }, loadRounds(), { asOf: ASOF })
    const pct = (p: number) => new Intl.NumberFormat(l === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' }).format(p)
    // Not computed before it is asked for.
    expect(await page.getByTestId('fc-probability').count()).toBe(0)
    await page.getByRole('button', { name: l === 'fr' ? 'Afficher la prévision' : 'Show the forecast' }).click()
    await expect.poll(() => page.getByTestId('fc-probability').textContent(), { timeout: 20_000 }).toBe(pct(f.probability))
    const rows = page.getByTestId('fc-rounds').locator('tbody tr')
    expect(await rows.count()).toBe(f.rounds.length)
    for (const r of f.rounds) {
      const cells = await page.locator(`[data-testid=fc-rounds] tbody tr[data-type="${r.type}"] td`).allTextContents()
      expect(cells[2], r.type).toBe(r.cutoff ? `${r.cutoff.p10}–${r.cutoff.p50}–${r.cutoff.p90}` : '—')
      expect(cells[5], r.type).toBe(pct(r.chance))
    }
    expect(await page.getByTestId('fc-chart').locator('rect').count()).toBe(12)
    const cec = await page.locator('[data-testid=fc-rounds] tbody tr[data-type="program:cec"] td').first().textContent()
    expect(cec).toBe(l === 'fr' ? 'Catégorie de l’expérience canadienne' : 'Canadian Experience Class')
    const notes = await page.locator('#forecast [data-code]').allTextContents()
    expect(notes.length).toBeGreaterThan(0)
    if (l === 'fr') for (const n of notes) expect(n).not.toMatch(/\b(the|counted|invited|record)\b/)
    else expect(notes.join(' ')).toContain('counted as invited')
    expect(await page.getByTestId('fc-track-line').textContent()).toMatch(l === 'fr' ? /score de Brier a été de 0,\d+/ : /Brier score was 0\.\d+/)
    expect(await page.getByTestId('fc-track-line').locator('a').getAttribute('href')).toBe(l === 'fr' ? '/forecast?lang=fr' : '/forecast')
    // The Profile never left the device: nothing was posted.
    expect(posted).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)

  it("from a day more than a year past the record: can't tell, said as such (not a hang, not an error)", async () => {
    const { page, context, errors } = await open('/calculator')
    // The server says to which day its record is whole (as npm start's does): the shipped record's last round.
    const whole = loadRounds().at(-1)!.date
    await page.route('**/v1/rounds', async (route) => {
      const res = await route.fetch()
      const body = (await res.json()) as { record?: Record<string, unknown> }
      await route.fulfill({ response: res, json: { ...body, record: { ...body.record, currentAsOf: `${whole}T23:59:59Z` } } })
    })
    await fill(page, nurseAide, 'en')
    await page.getByLabel('Score on this date').fill('2028-06-01')
    await page.getByRole('button', { name: 'Show the forecast' }).click()
    await expect.poll(() => page.getByTestId('fc-cant-tell').textContent(), { timeout: 20_000 }).toBe(`Can't tell from June\u00a01,\u00a02028: the record of rounds holds IRCC's rounds to ${dayText(whole, 'en')}, more than a year before (or the day is past the calendar this engine handles); there is nothing to forecast from. Choose an earlier day.`)
    expect(await page.getByTestId('fc-probability').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)

  it('at 375 px the forecast chart keeps its 11-unit text at 10.5 px or more and the page does not scroll sideways; a screenshot is kept', async () => {
    const { page, context, errors } = await open('/calculator?lang=fr', { width: 375 })
    await fill(page, developer, 'fr')
    await checkCandidate(page, developer, 'fr')
    await page.getByRole('button', { name: 'Afficher la prévision' }).click()
    await page.getByTestId('fc-chart').waitFor({ timeout: 20_000 })
    // The text's size on the screen: its 11 units times the drawing's scale.
    const shown = await page.getByTestId('fc-chart').evaluate((svg) => (11 * svg.getBoundingClientRect().width) / (svg as SVGSVGElement).viewBox.baseVal.width)
    expect(shown).toBeGreaterThanOrEqual(10.5)
    expect(await page.getByTestId('fc-chart').locator('text').count()).toBeGreaterThan(5)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.getByTestId('fc-chart').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(ARTIFACTS, 'journey-375px-forecast-fr.png'), fullPage: false })
    // The rounds stack, each cell with its column's name, instead of a table wider than the screen.
    await page.getByTestId('fc-rounds').scrollIntoViewIfNeeded()
    const table = (await page.getByTestId('fc-rounds').boundingBox())!
    expect(table.x + table.width).toBeLessThanOrEqual(375)
    await page.screenshot({ path: join(ARTIFACTS, 'journey-375px-forecast-rounds-fr.png'), fullPage: false })
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)
})

describe('phones and everyone', () => {
  it('at 375 px the summary bar keeps the score in view; a screenshot is kept', async () => {
    const { page, context, errors } = await open('/calculator', { width: 375 })
    await fill(page, developer, 'en')
    await checkCandidate(page, developer, 'en')
    const x = expected(developer)
    await page.getByLabel('Hours a week').first().scrollIntoViewIfNeeded()
    const bar = page.locator('#summary')
    const box = (await bar.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(10)
    expect(await bar.textContent()).toContain(`CRS ${x.total}`)
    const wide = await page.evaluate(() => Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > 376 && !e.closest('.table-wrap')).slice(0, 5).map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`))
    expect(wide).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.screenshot({ path: join(ARTIFACTS, 'journey-375px-developer.png'), fullPage: false })
    await page.locator('#past-verdict').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(ARTIFACTS, 'journey-375px-developer-past.png'), fullPage: false })
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('at 375 px the charts on the rounds page keep 11 px text or more and tell round types by shape', async () => {
    const { page, context, errors } = await open('/rounds?lang=fr', { width: 375 })
    await page.locator('svg.chart').first().waitFor()
    const smallest = await page.evaluate(() => Math.min(...Array.from(document.querySelectorAll('svg.chart text')).map((t) => t.getBoundingClientRect().height)))
    expect(smallest).toBeGreaterThanOrEqual(11)
    const shapes = await page.evaluate(() => Array.from(document.querySelectorAll('svg.chart g[data-type]')).map((g) => `${g.getAttribute('data-type')}:${g.firstElementChild?.tagName}`))
    expect(new Set(shapes.map((s) => s.split(':')[1])).size).toBe(3)
    expect(await page.locator('table').first().textContent()).toMatch(/Aucun programme spécifié|Compétence linguistique en français|Programme des candidats des provinces|Catégorie de l’expérience canadienne/)
    await page.screenshot({ path: join(ARTIFACTS, 'rounds-375px-fr.png'), fullPage: false })
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('the page shell renders without scripts', async () => {
    for (const path of ['/calculator', '/eligibility', '/rounds', '/', '/simulator', '/forecast']) {
      const { page, context } = await open(path, { javaScript: false })
      expect(await page.locator('h1').textContent()).toBeTruthy()
      // The menu the script draws (layout.ts NAV), link for link.
      expect(await page.locator('header nav a').allTextContents()).toEqual(['Home', 'CRS calculator', 'Eligibility', 'Past rounds', 'Round simulator', 'When will I be invited?', 'API'])
      expect(await page.locator('main p').first().textContent()).not.toBe('')
      await context.close()
    }
  }, 60_000)

  const PAGES = ['/', '/calculator', '/eligibility', '/rounds', '/simulator', '/forecast']
  it.each(PAGES.flatMap((p) => [p, `${p}?lang=fr`]))('axe-core: no serious or critical violation on %s', async (path) => {
    // axe is injected as an inline script, which the pages' CSP forbids: this context bypasses the CSP.
    const { page, context, errors } = await open(path, { bypassCSP: true })
    if (path.startsWith('/calculator')) await fill(page, nurseAide, path.includes('fr') ? 'fr' : 'en')
    if (path.startsWith('/calculator')) await page.locator('#past-verdict').waitFor({ timeout: 20_000 })
    // The forecast, asked for, is checked too.
    if (path.startsWith('/calculator')) await page.locator('#forecast-show').click()
    if (path.startsWith('/calculator')) await page.getByTestId('fc-chart').waitFor({ timeout: 20_000 })
    if (path.startsWith('/rounds')) await page.locator('svg.chart').first().waitFor()
    await page.addScriptTag({ content: AXE })
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] })
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})
