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
