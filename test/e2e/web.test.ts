/**
 * Browser end-to-end: the built web app served by the real server, driven by playwright-core through
 * Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH). Screenshots of failures go to test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/api/server.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const RESULTS = join(process.cwd(), 'test-results')

let webRoot: string
let server: RunningServer
let browser: Browser
let page: Page
let store: Store

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  // Build the current sources, so the test never runs against a stale dist/web.
  webRoot = mkdtempSync(join(tmpdir(), 'ee-web-'))
  await build({ configFile: join(process.cwd(), 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } })
  const rounds = loadRounds()
  const eligibility = realEligibility()
  store = await openStore(':memory:')
  await importProfiles(store, [...generatePool({ size: 400, seed: 3, like: '2025-06-01', eligibility })].map((g) => JSON.stringify(g.profile)), { eligibility, asOf: '2025-06-01' })
  server = await startServer({ port: 0, hostname: '127.0.0.1', webRoot, history: { rounds: () => rounds }, pool: { store, eligibility } })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await store?.close()
  if (webRoot) rmSync(webRoot, { recursive: true, force: true })
})

afterEach(async (ctx) => {
  if (page && ctx.task.result?.state === 'fail') {
    mkdirSync(RESULTS, { recursive: true })
    await page.screenshot({ path: join(RESULTS, `${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined)
  }
  await page?.close().catch(() => undefined)
})

async function open(path: string): Promise<Page> {
  page = await browser.newPage({ locale: 'en-CA' })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}${path}`)
  expect(errors).toEqual([])
  return page
}

const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }
const link = (factors: object, asOf: string) => `/calculator?factors=${encodeURIComponent(JSON.stringify(factors))}&asOf=${asOf}`

describe('calculator', () => {
  it.each([
    { name: 'golden master (single, master’s, CLB 9, 3 years abroad)', factors: golden, asOf: '2025-06-01', total: '464' },
    { name: 'with an accompanying spouse', factors: { ...golden, spouse: { accompanying: true, canadianCitizenOrPR: false, education: 'bachelors', language: { speaking: 7, listening: 7, reading: 7, writing: 7 }, canadianWorkYears: 1 } }, asOf: '2025-06-01', total: null },
    { name: 'job offer before 2025-03-25', factors: { ...golden, jobOffer: 'teer-0-3' }, asOf: '2024-06-01', total: null },
  ])('a shared link shows the exact score: $name', async ({ factors, asOf, total: expected }) => {
    const p = await open(link(factors, asOf))
    const shown = await p.getByTestId('crs-total').textContent()
    const res = await fetch(`${server.url}/v1/crs/score`, { method: 'POST', body: JSON.stringify({ asOf, factors }) })
    const { total } = (await res.json()) as { total: number }
    // The page scores in the browser with the same library as the API.
    expect(shown).toBe(String(total))
    if (expected !== null) expect(shown).toBe(expected)
  })

  it('recomputes instantly and keeps the answers in the URL', async () => {
    const p = await open(link(golden, '2025-06-01'))
    await p.locator('#canadianWorkYears').selectOption('1')
    const total = await p.getByTestId('crs-total').textContent()
    const res = await fetch(`${server.url}/v1/crs/score`, { method: 'POST', body: JSON.stringify({ asOf: '2025-06-01', factors: { ...golden, canadianWorkYears: 1 } }) })
    expect(total).toBe(String(((await res.json()) as { total: number }).total))
    const url = new URL(p.url())
    expect(JSON.parse(url.searchParams.get('factors')!)).toMatchObject({ canadianWorkYears: 1, age: 30 })
    // Reopening the URL shows the same score.
    const again = await open(url.pathname + url.search)
    expect(await again.getByTestId('crs-total').textContent()).toBe(total)
  })

  it('raw IELTS scores convert to CLB by the test date', async () => {
    const p = await open(link(golden, '2025-06-01'))
    await p.getByLabel('Test scores').first().check()
    await p.locator('#first-test').selectOption('ielts-general')
    await p.locator('#first-testDate').fill('2025-01-15')
    for (const [ability, score] of [['speaking', '7'], ['listening', '8'], ['reading', '7'], ['writing', '7']] as const) await p.locator(`#first-${ability}`).fill(score)
    await expect.poll(() => p.locator('#first-derived').textContent()).toContain('S9 L9 R9 W9')
    expect(await p.getByTestId('crs-total').textContent()).toBe('464')
  })

  it('is in French with ?lang=fr', async () => {
    const p = await open(`${link(golden, '2025-06-01')}&lang=fr`)
    expect(await p.locator('html').getAttribute('lang')).toBe('fr')
    expect(await p.locator('h1').textContent()).toContain('Calculateur')
    expect(await p.getByTestId('crs-total').textContent()).toBe('464')
  })

  it('every form control has a label, and the page works from the keyboard', async () => {
    const p = await open(link(golden, '2025-06-01'))
    const unlabelled = await p.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea')).filter((el) => {
        const id = el.getAttribute('id')
        return !(id && document.querySelector(`label[for="${id}"]`)) && !el.closest('label') && !el.getAttribute('aria-label')
      }).length,
    )
    expect(unlabelled).toBe(0)
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
  })

  it('can be filled from the keyboard alone: Tab reaches the age, typing changes the score', async () => {
    const p = await open(link(golden, '2025-06-01'))
    let focused = ''
    for (let i = 0; i < 40 && focused !== 'age'; i++) {
      await p.keyboard.press('Tab')
      focused = await p.evaluate(() => document.activeElement?.id ?? '')
    }
    expect(focused).toBe('age')
    await p.keyboard.press('Control+A')
    await p.keyboard.type('40')
    const api = (await (await fetch(`${server.url}/v1/crs/score`, { method: 'POST', body: JSON.stringify({ asOf: '2025-06-01', factors: { ...golden, age: 40 } }) })).json()) as { total: number }
    await expect.poll(() => p.getByTestId('crs-total').textContent()).toBe(String(api.total))
  })

  it('a blank calculator asks for the test scores (no error) and scores once they are in', async () => {
    const p = await open('/calculator')
    expect(await p.getByTestId('crs-total').textContent()).toBe('—')
    expect(await p.locator('#crs-problems .error, #first [aria-invalid=true]').count()).toBe(0)
    expect(await p.locator('#crs-problems').textContent()).toContain('Enter your test scores')
    for (const ability of ['speaking', 'listening', 'reading', 'writing']) await p.locator(`#first-${ability}`).fill('7')
    await expect.poll(() => p.getByTestId('crs-total').textContent()).toMatch(/^\d+$/)
  })

  it('a broken link says what is wrong, with the field path', async () => {
    const p = await open(link({ ...golden, age: 'thirty' }, '2025-06-01'))
    expect(await p.locator('#crs-problems').textContent()).toContain('age')
  })
})

describe('what-if, eligibility and the simulator', () => {
  it('the calculator lists what would raise the score', async () => {
    const p = await open(link(golden, '2025-06-01'))
    expect(await p.locator('#crs-whatif li').count()).toBeGreaterThan(0)
    expect(await p.locator('#crs-whatif li').first().textContent()).toMatch(/^\+\d+ → \d+/)
  })

  it('eligibility of the example profile, computed in the browser, agrees with the API', async () => {
    const p = await open('/eligibility?asOf=2026-01-15')
    const profile = JSON.parse(await p.locator('#elig-profile').inputValue()) as object
    const api = (await (await fetch(`${server.url}/v1/eligibility`, { method: 'POST', body: JSON.stringify({ asOf: '2026-01-15', profile }) })).json()) as { invitedUnder: string | null }
    expect(await p.getByTestId('elig-invited-under').textContent()).toBe(api.invitedUnder ? api.invitedUnder.toUpperCase() : '—')
    const crs = (await (await fetch(`${server.url}/v1/crs/score`, { method: 'POST', body: JSON.stringify({ asOf: '2026-01-15', profile }) })).json()) as { total: number }
    expect(await p.getByTestId('elig-crs').textContent()).toBe(String(crs.total))
    // The outlook: what-if and the dated timeline of the profile.
    expect(await p.locator('#elig-whatif li').count()).toBeGreaterThan(0)
    expect(await p.locator('#elig-timeline tbody tr').count()).toBeGreaterThan(0)
  })

  it("eligibility: a category whose occupation list is not known reads Can't tell, with the reason, where the API says null", async () => {
    const p = await open('/eligibility?asOf=2026-03-01')
    const profile = JSON.parse(await p.locator('#elig-profile').inputValue()) as object
    const api = (await (await fetch(`${server.url}/v1/eligibility`, { method: 'POST', body: JSON.stringify({ asOf: '2026-03-01', profile }) })).json()) as { categories: { id: string; eligible: boolean | null; unmet: { message: string }[] }[] }
    await expect.poll(() => p.locator('#elig-result').textContent()).toContain(api.categories[0]!.id)
    const unknown = api.categories.filter((c) => c.eligible === null)
    expect(await p.locator('[data-answer="cant-tell"]').count()).toBe(unknown.length)
    for (const c of unknown) {
      const item = p.locator('li', { has: p.locator('code', { hasText: c.id }) })
      expect(await item.locator('strong').first().textContent()).toBe("Can't tell")
      expect(await item.textContent()).toContain(c.unmet[0]!.message)
    }
  })

  it('eligibility: an invalid profile names the field', async () => {
    const p = await open('/eligibility')
    await p.locator('#elig-profile').fill('{"id": "x"}')
    await expect.poll(() => p.locator('#elig-result').textContent()).toContain('submittedAt')
  })

  it('the simulator runs a round on the demo pool through the API', async () => {
    const p = await open('/simulator')
    await p.locator('#sim-distribution svg').waitFor()
    await p.locator('#sim-size').fill('100')
    await p.locator('#sim-at').fill('2025-06-02T00:00:00Z')
    await p.getByRole('button', { name: 'Simulate the round' }).click()
    await p.getByTestId('sim-lowest').waitFor()
    const api = (await (await fetch(`${server.url}/v1/rounds/simulate`, { method: 'POST', body: JSON.stringify({ at: '2025-06-02T00:00:00Z', kind: 'general', size: 100 }) })).json()) as { lowestScore: number }
    expect(await p.getByTestId('sim-lowest').textContent()).toBe(String(api.lowestScore))
    // Who would be invited names profiles: not for the public page (issue 14).
    expect(await p.locator('#sim-result tbody tr').count()).toBe(0)
    expect(await p.getByTestId('sim-private').textContent()).toMatch(/needs the API token/)
  })
})

describe('past rounds', () => {
  it('draws the cut-offs and the pool distribution as inline SVG', async () => {
    const p = await open('/rounds')
    await p.locator('svg.chart').first().waitFor()
    expect(await p.locator('svg.chart').count()).toBe(2)
    expect(await p.locator('svg.chart circle').count()).toBe(loadRounds().length)
  })

  it('from the calculator: which past rounds would have invited the score, as the API says', async () => {
    const calc = await open(link(golden, '2025-06-01'))
    const href = await calc.locator('#crs-past').getAttribute('href')
    const p = await open(href!)
    await p.locator('#mine-summary').waitFor()
    const api = (await (await fetch(`${server.url}/v1/outlook`, { method: 'POST', body: JSON.stringify({ asOf: '2025-06-01', factors: golden }) })).json()) as { pastRounds: { summary: { invited: number; rounds: number } } }
    const { invited, rounds } = api.pastRounds.summary
    expect(await p.locator('#mine-summary').textContent()).toContain(`Invited in ${invited} of ${rounds} rounds`)
  })
})
