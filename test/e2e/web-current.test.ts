/**
 * Browser end-to-end (playwright-core, Debian's Chromium): the rounds page says when the record was last
 * refreshed and from where; the calculator keeps the answers on the device and, on a later visit after
 * the record gained rounds, lists them with "would have invited you" or not; the "rules last verified"
 * notice appears for a date after that day, in the calculator and on the eligibility page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'
import { crsFactorsSchema } from '../../src/schemas/crs-factors.js'
import type { RawRound } from '../../src/history/feed.js'
import { pastInvitations } from '../../src/history/invited.js'
import { liveRecord } from '../../src/history/live.js'
import { changesPathFor, loadRecord, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { feedText, sourcePathFor } from '../../src/history/refresh.js'
import { verificationNotice } from '../../src/rules/verified.js'

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
let context: BrowserContext
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
  writeFileSync(sourcePathFor(record), JSON.stringify({ source: 'http://mirror.test/ee_rounds_123_en.json', refreshedAt: '2026-11-01T06:00:00Z' }))
  server = await startServer({ port: 0, hostname: '127.0.0.1', webRoot, history: liveRecord(record, 0) })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS })
  // One context: the device whose storage the calculator uses, across visits.
  context = await browser.newContext({ locale: 'en-CA' })
}, 120_000)

afterAll(async () => {
  await context?.close()
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

async function open(path: string): Promise<Page> {
  page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}${path}`)
  expect(errors).toEqual([])
  return page
}

const factors = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }
const link = (asOf: string) => `/calculator?factors=${encodeURIComponent(JSON.stringify(factors))}&asOf=${asOf}`

describe('the record, kept current', () => {
  it('the rounds page says when the record was last refreshed and from where', async () => {
    const p = await open('/rounds')
    await expect.poll(() => p.getByTestId('record-refreshed').textContent(), { timeout: 10_000 }).toBe('Record last refreshed 2026-11-01 06:00:00 UTC from http://mirror.test/ee_rounds_123_en.json (438 rounds, to round 437 of 2026-08-19).')
  })

  it('the calculator remembers the answers on the device and, on a later visit, lists the rounds published since with their verdict', async () => {
    const first = await open(link('2026-11-29'))
    const total = await first.getByTestId('crs-total').textContent()
    expect(total).toMatch(/^\d+$/)
    await first.waitForFunction(() => JSON.parse(localStorage.getItem('ee.calculator.answers.v1') ?? 'null')?.lastRound === '437')
    const saved = JSON.parse((await first.evaluate(() => localStorage.getItem('ee.calculator.answers.v1')))!) as { factors: unknown; lastRound: string; lastRoundDate: string }
    expect(saved).toMatchObject({ factors, lastRound: '437', lastRoundDate: '2026-08-19' })
    await first.close()

    // IRCC published ten more rounds; the record was refreshed.
    writeFileSync(record, feedText(shipped))
    const later = await open('/calculator')
    // The answers came back from the device, not from the URL.
    await expect.poll(() => later.getByTestId('crs-total').textContent()).toBe(total)
    const section = later.getByTestId('rounds-since')

    await expect.poll(() => section.locator('li').count(), { timeout: 10_000 }).toBe(10)
    const rows = await section.locator('li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-round'), e.getAttribute('data-outcome'), e.querySelector('strong')?.textContent]))
    // The same judgement as the library's for these answers.
    const expected = pastInvitations({ kind: 'factors', factors: crsFactorsSchema.parse(factors) }, loadRecord(record).rounds.filter((r) => Number.parseInt(r.number, 10) >= 438)).rounds
    expect(rows).toEqual(expected.map((c) => [c.number, c.outcome, c.outcome === 'invited' ? 'would have invited you' : c.outcome === 'unknown' ? 'can’t tell' : 'would not have invited you']))
    expect(rows.some((r) => r[2] === 'would not have invited you')).toBe(true)
    expect(await section.textContent()).toContain('Your answers are kept on this device only.')
  })

  it('the calculator carries the "rules last verified" notice for a date after that day, and none before', async () => {
    const after = await open(link('2027-01-15'))
    await expect.poll(() => after.getByTestId('rules-verified-notice').textContent()).toBe(verificationNotice('2027-01-15')!.message)
    expect(verificationNotice('2027-01-15')!.message).toBe('rules last verified on 2026-11-29; a change after that day is not known to this version')
    await after.close()
    const before = await open(link('2026-06-01'))
    await expect.poll(() => before.getByTestId('crs-total').textContent()).toMatch(/^\d+$/)
    expect(await before.getByTestId('rules-verified-notice').count()).toBe(0)
  })

  it('the eligibility page carries the notice for a date after that day', async () => {
    const p = await open('/eligibility?asOf=2027-01-15')
    await expect.poll(() => p.getByTestId('rules-verified-notice').textContent()).toContain('rules last verified on 2026-11-29')
    // And the confidence of the lists it answers from.
    expect(await p.locator('[data-category="stem-2026"] [data-testid="category-confidence"]').textContent()).toMatch(/confidence: medium/)
  })
})
