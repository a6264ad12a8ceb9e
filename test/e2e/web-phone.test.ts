/**
 * Browser end-to-end on a phone (390×844, playwright-core through Debian's Chromium): no page scrolls
 * sideways, in English and French, and the primary controls are big enough to tap (44 px).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useWebApp } from './web-harness.js'

const PHONE = { width: 390, height: 844 }
const PAGES = ['/', '/calculator', '/eligibility', '/forecast', '/rounds', '/simulator'] as const

let page: Page | undefined
const web = useWebApp('web-phone', { pool: { size: 200, seed: 3, like: '2025-06-01' } }, () => page)

/** Opens `path` on a phone, once the script has drawn the page (the shell's loading line is gone). */
async function onPhone(path: string): Promise<Page> {
  page = await web.browser.newPage({ viewport: PHONE, locale: 'en-CA' })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${web.server.url}${path}`)
  await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  // What the page loads after its shell (the record, the pool, the track record) is drawn too.
  await page.waitForLoadState('networkidle')
  expect(errors).toEqual([])
  return page
}

describe('on a 390 px phone', () => {
  for (const language of ['en', 'fr'] as const) {
    for (const path of PAGES) {
      it(`${path} in ${language} does not scroll sideways`, async () => {
        const p = await onPhone(`${path}?lang=${language}`)
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
      })
    }
  }
})

/** The rendered size of every element `selector` matches that is shown. */
const sizes = (p: Page, selector: string) => p.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ({ text: (e.textContent ?? '').trim(), ...(({ width, height }) => ({ width, height }))(e.getBoundingClientRect()) })))

describe('tap targets on a 390 px phone', () => {
  for (const path of ['/forecast', '/simulator', '/calculator']) {
    it(`${path}: the header links and the buttons are 44 px tall or more`, async () => {
      const p = await onPhone(path)
      const links = await sizes(p, 'header a:not(.skip)')
      expect(links.length).toBeGreaterThanOrEqual(9)
      for (const l of links) expect(l.height, l.text).toBeGreaterThanOrEqual(44)
      const buttons = await sizes(p, 'main button')
      expect(buttons.length).toBeGreaterThan(0)
      for (const b of buttons) expect(b.height, b.text).toBeGreaterThanOrEqual(44)
    })
  }

  it('/calculator: Yes/No answers and boxes are 44 px rows with a radio of 22 px or more', async () => {
    const p = await onPhone('/calculator')
    const rows = await sizes(p, 'label:has(> input[type=radio]), label:has(> input[type=checkbox])')
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r.height, r.text).toBeGreaterThanOrEqual(44)
    const radios = await sizes(p, 'input[type=radio], input[type=checkbox]')
    for (const r of radios) expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(22)
  })
})

describe('past rounds on a 390 px phone', () => {
  for (const language of ['en', 'fr'] as const) {
    it(`in ${language}: each round stacks its cells, every one on the screen with its column's name (no hidden sideways scroll)`, async () => {
      const p = await onPhone(`/rounds?lang=${language}`)
      const cells = await p.getByTestId('rounds-list').locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => ({ label: td.getAttribute('data-label'), right: td.getBoundingClientRect().right, left: td.getBoundingClientRect().left })))
      expect(cells).toHaveLength(6)
      for (const c of cells) {
        expect(c.left, c.label!).toBeGreaterThanOrEqual(0)
        expect(c.right, c.label!).toBeLessThanOrEqual(PHONE.width)
      }
      expect(cells.map((c) => c.label)).toContain(language === 'fr' ? 'Note la plus basse' : 'Lowest score')
      // Nothing in the list, nor in the statistics by year and type, scrolls inside its box.
      for (const id of ['rounds-list', 'rounds-stats']) expect(await p.getByTestId(id).evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth), id).toBe(true)
    })
  }

  it('one round in detail fits the screen', async () => {
    const p = await onPhone('/rounds?round=254&lang=fr')
    await p.getByTestId('round-detail').waitFor()
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  })
})

/** For each element `selector` matches: its text and the distinct lines that text is laid out on (its ::before label apart). */
const lines = (p: Page, selector: string) =>
  p.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      return { text: el.textContent ?? '', lines: new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size }
    }),
  )

describe('a candidate on a 360 px phone, in French', () => {
  const SMALL = { width: 360, height: 740 }
  async function onSmallPhone(path: string): Promise<Page> {
    page = await web.browser.newPage({ viewport: SMALL, locale: 'fr-CA', isMobile: true, hasTouch: true })
    await page.goto(`${web.server.url}${path}`)
    await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
    await page.waitForLoadState('networkidle')
    return page
  }

  it('/calculator: the disclosures are 44 px to tap, "Clear my answers" does not touch "Copy a link", and each change ahead keeps its date on one line and its reasons the width of the screen', async () => {
    const answers = { asOf: '2026-11-29', dob: '1994-05-01', marital: 'single', funds: '20000', tests: [{ test: 'ielts-general', date: '2026-03-15', speaking: '7', listening: '8', reading: '7', writing: '7' }], work: [{ noc: '31301', inCanada: 'yes', from: '2022-01-01', to: '', hours: '40', selfEmployed: false }] }
    const p = await onSmallPhone(`/calculator?lang=fr#answers=${Buffer.from(JSON.stringify(answers), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`)
    await p.locator('#timeline').waitFor()
    const summaries = await sizes(p, 'main summary')
    expect(summaries.length).toBeGreaterThan(3)
    for (const s of summaries) expect(s.height, s.text).toBeGreaterThanOrEqual(44)
    const dates = await lines(p, 'table td.date')
    expect(dates.length).toBeGreaterThan(1)
    for (const d of dates) expect(d.lines, d.text).toBe(1)
    // "Clear my answers" wipes the form at once: never touching "Copy a link", one mis-tap away.
    const [share, clear] = [(await p.locator('#share').boundingBox())!, (await p.locator('#clear').boundingBox())!]
    expect(Math.max(clear.y - (share.y + share.height), clear.x - (share.x + share.width))).toBeGreaterThanOrEqual(8)
    const why = await p.locator('#timeline td.prose').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width))
    for (const w of why) expect(w).toBeGreaterThan(250)
  })

  it('/forecast: the JSON box is 16 px (no zoom on focus), the track record writes its bands the French way, and a round’s expected date stays on one line', async () => {
    const p = await onSmallPhone('/forecast?lang=fr')
    expect(await p.locator('#fc-input').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16)
    await p.getByTestId('fc-track-text').waitFor()
    const bands = await p.locator('#fc-track li').allTextContents()
    expect(bands.length).toBeGreaterThan(0)
    for (const b of bands) expect(b).toMatch(/^Quand elle annonçait \d+-\d+\u00a0%,/)
    await p.getByRole('button', { name: 'Prévoir' }).click()
    await p.getByTestId('fc-probability').waitFor()
    const dates = await lines(p, '[data-testid=fc-rounds] td.date')
    expect(dates.length).toBeGreaterThan(0)
    for (const d of dates) expect(d.lines, d.text).toBe(1)
  })

  it('no answer from the server: the forecast page and the calculator say so in French, and the calculator offers to try again', async () => {
    const p = await onSmallPhone('/forecast?lang=fr')
    await p.route('**/v1/forecast', (r) => r.abort('failed'))
    await p.getByRole('button', { name: 'Prévoir' }).click()
    await expect.poll(() => p.locator('#fc-result [role=alert]').textContent()).toBe('Cela n’a pas pu être fait (aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez).')
    await p.close()
    const answers = { asOf: '2026-11-29', dob: '1994-05-01', marital: 'single', funds: '20000', tests: [{ test: 'ielts-general', date: '2026-03-15', speaking: '7', listening: '8', reading: '7', writing: '7' }], work: [{ noc: '31301', inCanada: 'yes', from: '2022-01-01', to: '', hours: '40', selfEmployed: false }] }
    const c = await onSmallPhone(`/calculator?lang=fr#answers=${Buffer.from(JSON.stringify(answers), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`)
    await c.route('**/assets/forecast-*.js', (r) => r.abort('failed'))
    await c.getByRole('button', { name: 'Afficher la prévision' }).click()
    const alert = c.locator('#forecast [role=alert]')
    await expect.poll(() => alert.textContent()).toBe('La prévision n’a pas pu être faite (aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez).')
    // The server back, the button tries again.
    await c.unroute('**/assets/forecast-*.js')
    await c.getByRole('button', { name: 'Afficher la prévision' }).click()
    await c.locator('#forecast [data-testid=fc-probability]').waitFor()
    expect(await c.evaluate(() => document.activeElement?.id)).toBe('forecast')
  })

  it('/rounds: a round’s number, its link to the round, is 44 px to tap, and each column’s name keeps room beside its value', async () => {
    const p = await onSmallPhone('/rounds?lang=fr')
    const links = await sizes(p, '[data-testid=rounds-list] td:first-child a')
    expect(links.length).toBeGreaterThan(0)
    for (const l of links) expect(l.height, l.text).toBeGreaterThanOrEqual(44)
    // A column's name keeps 40% of the row (the value, beyond a 1rem gap, under 58%): beside a long round type it read "Type" / "de" / "ronde".
    const cells = await p.locator('[data-testid=rounds-list] tbody tr td[data-label]:not(:first-child)').evaluateAll((tds) =>
      tds.slice(0, 60).map((td) => {
        const r = document.createRange()
        r.selectNodeContents(td)
        return { label: `${td.getAttribute('data-label')}: ${td.textContent}`, value: r.getBoundingClientRect().width / td.getBoundingClientRect().width }
      }),
    )
    expect(cells.length).toBeGreaterThan(10)
    for (const c of cells) expect(c.value, c.label).toBeLessThanOrEqual(0.58)
  })
})
