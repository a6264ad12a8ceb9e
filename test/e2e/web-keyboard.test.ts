/**
 * The calculator, the forecast and one round, with a keyboard alone or a screen reader, on a 390 px phone,
 * in English and French: what axe-core (journey.test.ts) cannot see. Every control is reached with Tab in
 * reading order and worked with Space, Enter, arrows and typing; the focus ring always shows; focus is
 * never lost nor trapped; controls are named in the page's language, errors are tied to their field;
 * one keystroke does not flood the live regions; headings form an outline; English text on French
 * pages says it is English.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useWebApp } from './web-harness.js'

type Lang = 'en' | 'fr'

let page: Page | undefined
let context: BrowserContext | undefined
const web = useWebApp('web-keyboard', {}, () => page)

export const W = {
  en: { addJob: 'Add a job', removeJob2: 'Remove (Job 2)', job2: 'Job 2', occupation: 'Occupation (job title or NOC code)', share: 'Copy a link with my answers', copied: 'Link copied', breakdown: 'Breakdown', forecast: 'Show the forecast', speaking: 'Speaking', test1: 'Language test 1' },
  fr: { addJob: 'Ajouter un emploi', removeJob2: 'Retirer (Emploi 2)', job2: 'Emploi 2', occupation: 'Profession (titre d’emploi ou code CNP)', share: 'Copier un lien avec mes réponses', copied: 'Lien copié', breakdown: 'Détail', forecast: 'Afficher la prévision', speaking: 'Expression orale', test1: 'Test de langue 1' },
} as const

/** A fresh phone (its own storage), the page drawn; dates are typed month, day, year (the en-US date field). */
async function open(path: string): Promise<Page> {
  context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.server.url })
  page = await context.newPage()
  await page.goto(`${web.server.url}${path}`)
  await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  return page
}

const calculator = (l: Lang): Promise<Page> => open(`/calculator${l === 'fr' ? '?lang=fr' : ''}`)

/** What has the focus: its tag, id and accessible text; and whether a focus ring is drawn around it. */
interface Focused {
  readonly tag: string
  readonly id: string
  readonly text: string
  readonly ring: boolean
  readonly selector: string
}

const focused = (p: Page): Promise<Focused> =>
  p.evaluate(() => {
    const e = document.activeElement as HTMLElement
    const cs = getComputedStyle(e)
    const ring = (cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none'
    const text = (e.getAttribute('aria-label') ?? (e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent ?? '').trim()
    return { tag: e.tagName.toLowerCase(), id: e.id, text, ring, selector: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}` }
  })

/** Presses Tab (Shift+Tab when `back`) until the focus is on an element matching `selector`; each stop on the way must show its focus ring. */
async function tabTo(p: Page, selector: string, { back = false, max = 80 } = {}): Promise<Focused[]> {
  const stops: Focused[] = []
  for (let i = 0; i < max; i++) {
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const f = await focused(p)
    stops.push(f)
    expect(f.tag, `Tab ${i + 1} lost the focus to the page`).not.toBe('body')
    expect(f.ring, `no focus ring on ${f.selector} "${f.text}"`).toBe(true)
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops
  }
  throw new Error(`${selector} not reached in ${max} Tab presses; last: ${stops.at(-1)?.selector}`)
}

describe.each(['en', 'fr'] as const)('keyboard alone, in %s', (l) => {
  it('from the top of /calculator, Tab reaches every question in reading order, each with its focus ring (date fields too), and Shift+Tab comes back', async () => {
    const p = await calculator(l)
    const order = ['input[id^=asOf]', 'input[id^=dob]', 'select[id^=marital]', 'input[id^=children]', 'select[id^=level]', 'input[id^=inCanada]', 'input[id^=completed]', 'input[id^=years]', 'select[id^=firstLanguage]', 'select[id^=test]', 'input[id^=testDate]', 'input[id^=speaking]', 'input[id^=writing]', 'input[id^=noc]', 'input[id^=workCanada]', 'input[id^=from]', 'input[id^=hours]', 'input[id^=self]', 'input[id^=student]', 'input[id^=certificate]', 'input[id^=funds]', '#share', '#clear']
    for (const selector of order) await tabTo(p, selector, { max: 12 })
    // A date field is several stops (month, day, year, the calendar button): each shows the ring.
    for (const selector of ['input[id^=funds]', 'input[id^=certificate]', 'input[id^=student]']) await tabTo(p, selector, { back: true, max: 12 })
  })
})
