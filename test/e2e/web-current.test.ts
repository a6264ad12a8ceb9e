/**
 * Browser end-to-end (playwright-core, Debian's Chromium): the rounds page says when the record was last
 * refreshed and from where; the journey (calculator and eligibility pages) keeps the answers and the
 * last visit on the device and, on a later visit after the record gained rounds, lists them with the
 * library's verdict for the Profile; the "rules last verified" notice appears with the score and
 * eligibility for a date after that day, in English and French; each category answer states the
 * library's confidence in its list. The form is filled by its labels, as a person would.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'
import { factorsOf } from '../../src/crs/factors.js'
import { scoreCrs } from '../../src/crs/score.js'
import { eligibility } from '../../src/eligibility/index.js'
import type { RawRound } from '../../src/history/feed.js'
import { pastInvitations } from '../../src/history/invited.js'
import { liveRecord } from '../../src/history/live.js'
import { changesPathFor, loadRecord, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { feedText, sourcePathFor } from '../../src/history/refresh.js'
import { verificationNotice } from '../../src/rules/verified.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { CONFIDENCE_FR } from '../../web/src/journey/confidence.fr.js'
import { datesInText, dayText } from '../../web/src/dates.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const RESULTS = join(process.cwd(), 'test-results')

type Feed = { classes: string; rounds: RawRound[] }
const shipped = readRecordFiles(shippedRecordPath()).feed as Feed

let webRoot: string
let dir: string
let record: string
let server: RunningServer
let browser: Browser
let page: Page | undefined

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  webRoot = mkdtempSync(join(tmpdir(), 'ee-web-current-'))
  await build({ configFile: join(process.cwd(), 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } })
  dir = mkdtempSync(join(tmpdir(), 'ee-web-record-'))
  record = join(dir, 'ee-rounds.json')
  // The record as it stood before rounds 438-447, last refreshed from a mirror.
  writeFileSync(record, feedText({ ...shipped, rounds: shipped.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) }))
  writeFileSync(changesPathFor(record), readFileSync(changesPathFor(shippedRecordPath())))
  writeFileSync(sourcePathFor(record), JSON.stringify({ source: 'http://mirror.test/ee_rounds_123_en.json', refreshedAt: '2026-11-01T06:00:00Z', currentAsOf: '2026-11-01T06:00:00Z' }))
  server = await startServer({ port: 0, hostname: '127.0.0.1', webRoot, history: liveRecord(record, 0) })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  for (const d of [webRoot, dir]) if (d) rmSync(d, { recursive: true, force: true })
})

afterEach(async (ctx) => {
  if (page && ctx.task.result?.state === 'fail') {
    mkdirSync(RESULTS, { recursive: true })
    await page.screenshot({ path: join(RESULTS, `${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined)
  }
  await page?.close().catch(() => undefined)
})

/** A device: one browser context, whose storage the journey keeps across visits. */
const device = (): Promise<BrowserContext> => browser.newContext({ locale: 'en-CA' })

/** Opens `path` on `context`; page errors and console errors (a CSP violation among them) are collected. */
async function open(context: BrowserContext, path: string): Promise<{ p: Page; errors: string[] }> {
  const p = await context.newPage()
  page = p
  const errors: string[] = []
  p.on('pageerror', (e) => errors.push(e.message))
  p.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  await p.goto(`${server.url}${path}`)
  return { p, errors }
}

// A nurse aide working in Canada since 2023, single: invited by some of rounds 438-447, not by others.
const ASOF = '2026-11-29'
const candidate = { dob: '1997-05-10', level: 'Bachelor’s degree, or a program of three years or more', completedOn: '2019-05-31', years: '4', eca: '2024-03-01', test: 'IELTS General Training', testDate: '2026-03-15', scores: { Speaking: '7.5', Listening: '8.5', Reading: '8', Writing: '7' }, noc: '33102', from: '2023-09-01', hours: '40', funds: '20000' }
const profile = profileSchema.parse({
  id: 'me',
  submittedAt: `${ASOF}T00:00:00Z`,
  dateOfBirth: candidate.dob,
  maritalStatus: 'single',
  spouse: null,
  education: [{ level: 'bachelors', country: 'ZZ', programYears: 4, completedOn: candidate.completedOn, eca: { organization: 'ECA', issuedOn: candidate.eca } }],
  languageTests: [{ test: 'ielts-general', testDate: candidate.testDate, speaking: 7.5, listening: 8.5, reading: 8, writing: 7 }],
  work: [{ noc: candidate.noc, country: 'CA', from: candidate.from, to: null, hoursPerWeek: 40 }],
  firstOfficialLanguage: 'english',
  settlementFundsCad: 20000,
})

/** Fills the English form by its labels. */
async function fill(p: Page, asOf: string): Promise<void> {
  await p.getByLabel('Score on this date').fill(asOf)
  await p.getByLabel('Date of birth', { exact: true }).fill(candidate.dob)
  await p.getByLabel('Marital status').selectOption({ label: 'Never married / single' })
  const cred = p.getByRole('group', { name: 'Credential 1', exact: true })
  await cred.getByLabel('Level').selectOption({ label: candidate.level })
  await cred.getByRole('group', { name: 'Studied in Canada?' }).getByLabel('No', { exact: true }).check()
  await cred.getByLabel('Completed on').fill(candidate.completedOn)
  await cred.getByLabel('Length of the program (years)').fill(candidate.years)
  await cred.getByLabel('ECA issued on (studies outside Canada)').fill(candidate.eca)
  const test = p.getByRole('group', { name: 'Language test 1', exact: true })
  await test.getByLabel('Test', { exact: true }).selectOption({ label: candidate.test })
  await test.getByLabel('Test date').fill(candidate.testDate)
  for (const [ability, score] of Object.entries(candidate.scores)) await test.getByLabel(ability, { exact: true }).fill(score)
  const job = p.getByRole('group', { name: 'Job 1', exact: true })
  await job.getByLabel('Occupation (job title or NOC code)').fill(candidate.noc)
  await job.getByRole('group', { name: 'In Canada?' }).getByLabel('Yes', { exact: true }).check()
  await job.getByLabel('From').fill(candidate.from)
  await job.getByLabel('Hours a week').fill(candidate.hours)
  await p.getByLabel('Settlement funds you can show (CAD)').fill(candidate.funds)
}

const visitOf = (p: Page) => p.evaluate(() => JSON.parse(localStorage.getItem('ee-answers-visit') ?? 'null') as { on: string; lastRound: string | null } | null)

describe('the record, kept current', () => {
  it('the rounds page says when the record was last refreshed and from where, and that rounds held since are not in it', async () => {
    const context = await device()
    const { p, errors } = await open(context, '/rounds')
    await expect.poll(() => p.getByTestId('record-refreshed').textContent(), { timeout: 10_000 }).toBe('Record of IRCC’s rounds last refreshed on November\u00a01,\u00a02026 at 06:00:00\u00a0UTC from IRCC’s feed of published rounds (438 rounds, to round 437 of August\u00a019,\u00a02026). It holds IRCC’s rounds to November\u00a01,\u00a02026: rounds held since are not in it yet.')
    // The feed's address, for a reader who opens the details.
    expect(await p.getByTestId('record-source').textContent()).toContain('http://mirror.test/ee_rounds_123_en.json')
    expect(errors).toEqual([])
    const fr = await open(context, '/rounds?lang=fr')
    await expect.poll(() => fr.p.getByTestId('record-refreshed').textContent(), { timeout: 10_000 }).toMatch(/Il contient les rondes d’IRCC jusqu’au 1er\u00a0novembre\u00a02026\u00a0: celles tenues depuis n’y sont pas encore\.$/)
    expect(fr.errors).toEqual([])
    await context.close()
  })

  it('the rounds page says when the last attempt to refresh the record failed, and why: in French its kind in words, the English reason marked so', async () => {
    const source = readFileSync(sourcePathFor(record), 'utf8')
    writeFileSync(sourcePathFor(record), JSON.stringify({ ...JSON.parse(source), lastFailure: { at: '2026-11-30T02:19:20Z', reason: 'HTTP 503 Service Unavailable', kind: 'http' } }))
    try {
      const context = await device()
      const { p, errors } = await open(context, '/rounds')
      await expect.poll(() => p.getByTestId('record-refreshed').textContent(), { timeout: 10_000 }).toMatch(/rounds held since are not in it yet\. The last attempt to refresh it, on November\u00a030,\u00a02026 at 02:19:20\u00a0UTC, failed: HTTP 503 Service Unavailable\.$/)
      expect(errors).toEqual([])
      const fr = await open(context, '/rounds?lang=fr')
      await expect.poll(() => fr.p.getByTestId('record-refreshed').textContent(), { timeout: 10_000 }).toMatch(/ La dernière tentative de mise à jour, le 30\u00a0novembre\u00a02026 à 2\u00a0h\u00a019\u00a0min\u00a020\u00a0s\u00a0UTC, a échoué\u00a0: le fil d’IRCC a répondu par une erreur \(HTTP 503 Service Unavailable\)\.$/)
      expect(await fr.p.locator('[data-testid=record-refreshed] span[lang=en]').textContent()).toBe('HTTP 503 Service Unavailable')
      expect(fr.errors).toEqual([])
      await context.close()
    } finally {
      writeFileSync(sourcePathFor(record), source)
    }
  })

  it('the journey remembers the answers and the visit on the device and, on a later visit, lists the rounds published since with their verdict', async () => {
    const context = await device()
    const first = await open(context, '/calculator')
    await fill(first.p, ASOF)
    const total = String(scoreCrs(factorsOf(profile, ASOF), ASOF).total)
    await expect.poll(() => first.p.getByTestId('crs-total').textContent()).toBe(total)
    await first.p.locator('#past-verdict').waitFor({ timeout: 20_000 })
    // A first visit: nothing to compare with; the visit is kept with the newest round of the record.
    expect(await first.p.getByTestId('rounds-since').count()).toBe(0)
    const today = await first.p.evaluate(() => new Date().toISOString().slice(0, 10))
    await expect.poll(() => visitOf(first.p)).toEqual({ on: today, lastRound: '437' })
    expect(first.errors).toEqual([])
    await first.p.close()

    // IRCC published ten more rounds; the record was refreshed.
    writeFileSync(record, feedText(shipped))
    const later = await open(context, '/calculator')
    // The answers came back from the device.
    await expect.poll(() => later.p.getByTestId('crs-total').textContent()).toBe(total)
    expect(await later.p.getByLabel('Date of birth', { exact: true }).inputValue()).toBe(candidate.dob)
    const section = later.p.getByTestId('rounds-since')
    await expect.poll(() => section.locator('li').count(), { timeout: 20_000 }).toBe(10)
    expect(await section.getByRole('heading').textContent()).toBe(`Rounds published since your last visit (${dayText(today, 'en')})`)
    const rows = await section.locator('li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-round'), e.getAttribute('data-outcome'), e.querySelector('strong')?.textContent]))
    // The library's judgement for this Profile, on each new round.
    const since = loadRecord(record).rounds.filter((r) => Number.parseInt(r.number, 10) >= 438)
    expect(since).toHaveLength(10)
    const expected = pastInvitations({ kind: 'profile', profile }, since).rounds
    expect(rows).toEqual(expected.map((c) => [c.number, c.outcome, c.outcome === 'invited' ? 'would have invited you' : c.outcome === 'unknown' ? 'can’t tell' : 'would not have invited you']))
    // Both answers occur: a check that cannot pass by saying the same thing for every round.
    expect(rows.some((r) => r[2] === 'would have invited you')).toBe(true)
    expect(rows.some((r) => r[2] === 'would not have invited you')).toBe(true)
    await expect.poll(() => visitOf(later.p)).toEqual({ on: today, lastRound: '447' })
    // Changing an answer judges the same new rounds again (they stay listed during the visit).
    await later.p.getByLabel('Settlement funds you can show (CAD)').fill('25000')
    await expect.poll(() => section.locator('li').count()).toBe(10)
    expect(later.errors).toEqual([])
    await later.p.close()

    // Nothing new since: the section says so.
    const third = await open(context, '/calculator')
    await expect.poll(() => third.p.getByTestId('rounds-since').textContent(), { timeout: 20_000 }).toContain('No round has been published since.')
    expect(await third.p.getByTestId('rounds-since').locator('li').count()).toBe(0)
    expect(third.errors).toEqual([])
    await context.close()
  }, 90_000)

  it('the "rules last verified" notice comes with the score and eligibility for a date after that day, in English and French, and none before', async () => {
    const after = '2027-01-15'
    const notice = eligibility(profile, after).notices?.find((n) => n.code === 'rules_not_verified')
    expect(notice).toEqual(verificationNotice(after))
    expect(notice!.message).toBe('rules last verified on 2026-11-29; a change after that day is not known to this version')
    const context = await device()
    const en = await open(context, '/calculator')
    await fill(en.p, after)
    await expect.poll(() => en.p.getByTestId('crs-total').textContent()).toBe(String(scoreCrs(factorsOf(profile, after), after).total))
    expect(await en.p.getByTestId('rules-verified-notice').textContent()).toBe(`Note: ${notice!.message.replace(notice!.lastVerified, dayText(notice!.lastVerified, 'en'))}.`)
    // On the day itself: no notice.
    await en.p.getByLabel('Score on this date').fill(notice!.lastVerified)
    await expect.poll(() => en.p.getByTestId('crs-total').textContent()).toBe(String(scoreCrs(factorsOf(profile, notice!.lastVerified), notice!.lastVerified).total))
    expect(await en.p.getByTestId('rules-verified-notice').count()).toBe(0)
    // The day the rules were last verified is stated with every score, notice or not.
    expect(await en.p.locator('#crs-meta').textContent()).toContain(`rules last verified against their sources on ${dayText(notice!.lastVerified, 'en')}`)
    // The CRS rules of the day in words; their id only in the element's data.
    expect(await en.p.locator('#crs-meta').textContent()).toContain(`(CRS rules in force since ${dayText('2025-03-25', 'en')})`)
    expect(await en.p.locator('#crs-meta').getAttribute('data-rules')).toBe('crs@2025-03-25')
    await en.p.getByLabel('Score on this date').fill(after)
    await expect.poll(() => en.p.getByTestId('rules-verified-notice').count()).toBe(1)
    expect(en.errors).toEqual([])
    await en.p.close()
    // The eligibility page (the same journey, the answers kept on the device), in French.
    const fr = await open(context, '/eligibility?lang=fr')
    await expect.poll(() => fr.p.getByTestId('rules-verified-notice').textContent()).toBe(`Remarque\u00a0: règles vérifiées pour la dernière fois le ${dayText(notice!.lastVerified, 'fr')}\u202f; un changement après ce jour n’est pas connu de cette version.`)
    expect(await fr.p.locator('#categories > li').count()).toBe(eligibility(profile, after).categories.length)
    expect(fr.errors).toEqual([])
    await context.close()
  }, 90_000)

  it('each category answer states the library’s confidence in its list, with its sources', async () => {
    const result = eligibility(profile, ASOF)
    const withConfidence = result.categories.filter((c) => c.confidence)
    expect(withConfidence.length).toBeGreaterThan(0)
    const context = await device()
    const { p, errors } = await open(context, '/calculator')
    await fill(p, ASOF)
    await expect.poll(() => p.locator('#categories > li').count()).toBe(result.categories.length)
    for (const c of result.categories) {
      const item = p.locator(`#categories li[data-category="${c.id}"]`)
      const shown = item.getByTestId('category-confidence')
      if (!c.confidence) {
        expect(await shown.count()).toBe(0)
        continue
      }
      expect(await shown.textContent()).toContain(`Confidence in this category’s list and rule: ${datesInText(c.confidence.level, 'en')}`)
      expect(await shown.locator('li').count()).toBe(c.confidence.sources.length)
    }
    // Healthcare 2026, whose list comes from one verbatim transcription: medium, and the page says so beside the answer.
    const health = result.categories.find((c) => c.id === 'healthcare-social-2026')!
    expect(health.eligible).toBe(true)
    expect(health.confidence!.level).toMatch(/^medium/)
    expect(await p.locator('#categories li[data-category="healthcare-social-2026"] [data-testid="category-confidence"]').textContent()).toMatch(/: medium/)
    expect(errors).toEqual([])
    await p.close()
    // In French, the note is in French (web/src/journey/confidence.fr.ts); the sources, cited as they are, are marked as English.
    const fr = await open(context, '/calculator?lang=fr')
    const frShown = fr.p.locator('#categories li[data-category="healthcare-social-2026"] [data-testid="category-confidence"]')
    await expect.poll(() => frShown.textContent()).toContain(`Confiance dans la liste et la règle de cette catégorie\u00a0: ${datesInText(CONFIDENCE_FR['healthcare-social-2026']!, 'fr')}`)
    expect(await frShown.getByTestId('confidence-level').getAttribute('lang')).toBeNull()
    expect(await frShown.locator('ul[lang=en] li').count()).toBe(health.confidence!.sources.length)
    for (const level of await fr.p.getByTestId('confidence-level').allTextContents()) expect(level).not.toMatch(/\b(high|medium|low|list|rule|the)\b/)
    expect(fr.errors).toEqual([])
    await context.close()
  }, 90_000)
})
