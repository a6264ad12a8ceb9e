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

const W = {
  en: { addJob: 'Add a job', removeJob2: 'Remove (Job 2)', job2: 'Job 2', occupation: 'Occupation (job title or NOC code)', share: 'Copy a link with my answers', copied: 'Link copied', breakdown: 'Breakdown', forecast: 'Show the forecast', speaking: 'Speaking', test1: 'Language test 1' },
  fr: { addJob: 'Ajouter un emploi', removeJob2: 'Retirer (Emploi 2)', job2: 'Emploi 2', occupation: 'Profession (titre d’emploi ou code CNP)', share: 'Copier un lien avec mes réponses', copied: 'Lien copié', breakdown: 'Détail', forecast: 'Afficher la prévision', speaking: 'Expression orale', test1: 'Test de langue 1' },
} as const

/** A fresh phone (its own storage), the page drawn; dates are typed month, day, year (the en-US date field). */
async function open(path: string): Promise<Page> {
  // One phone at a time: the one before is closed.
  await context?.close()
  context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.server.url })
  page = await context.newPage()
  await page.goto(`${web.server.url}${path}`)
  await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  return page
}

const calculator = (l: Lang): Promise<Page> => open(`/calculator${l === 'fr' ? '?lang=fr' : ''}`)

/** The calculator opened on a nurse's answers (a shared link's hash): results with categories and unlocks. */
function nurse(l: Lang): Promise<Page> {
  const answers = { asOf: '2026-11-29', dob: '1994-05-01', marital: 'single', funds: '20000', tests: [{ test: 'ielts-general', date: '2026-03-15', speaking: '7', listening: '8', reading: '7', writing: '7' }], work: [{ noc: '31301', inCanada: 'yes', from: '2022-01-01', to: '', hours: '40', selfEmployed: false }] }
  const hash = Buffer.from(JSON.stringify(answers), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
  return open(`/calculator${l === 'fr' ? '?lang=fr' : ''}#answers=${hash}`)
}

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
    expect(f.tag, `Tab ${i + 1} lost the focus to the page, after ${stops.slice(-4, -1).map((x) => `${x.selector} ${x.text.slice(0, 30)}`).join(' / ')}`).not.toBe('body')
    expect(f.ring, `no focus ring on ${f.selector} "${f.text}"`).toBe(true)
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops
  }
  throw new Error(`${selector} not reached in ${max} Tab presses; last: ${stops.at(-1)?.selector}`)
}

const isFocused = (p: Page, selector: string): Promise<boolean> => p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)

describe.each(['en', 'fr'] as const)('keyboard alone, in %s', (l) => {
  const w = W[l]

  it('from the top of /calculator, Tab reaches every question in reading order, each with its focus ring (date fields too), and Shift+Tab comes back', async () => {
    const p = await calculator(l)
    const order = ['input[id^=asOf]', 'input[id^=dob]', 'select[id^=marital]', 'input[id^=children]', 'select[id^=level]', 'input[id^=inCanada]', 'input[id^=completed]', 'input[id^=years]', 'select[id^=firstLanguage]', 'select[id^=test]', 'input[id^=testDate]', 'input[id^=speaking]', 'input[id^=writing]', 'input[id^=noc]', 'input[id^=workCanada]', 'input[id^=from]', 'input[id^=hours]', 'input[id^=self]', 'input[id^=student]', 'input[id^=certificate]', 'input[id^=funds]', '#share', '#clear']
    for (const selector of order) await tabTo(p, selector, { max: 12 })
    // A date field is several stops (month, day, year, the calendar button): each shows the ring.
    for (const selector of ['input[id^=funds]', 'input[id^=certificate]', 'input[id^=student]']) await tabTo(p, selector, { back: true, max: 12 })
  })

  it('a whole candidate is entered with the keyboard alone, and the results read', async () => {
    const p = await calculator(l)
    await tabTo(p, 'input[id^=dob]')
    await p.keyboard.type('01011995')
    await tabTo(p, 'select[id^=marital]')
    await p.keyboard.press('ArrowDown') // never married / single
    await tabTo(p, 'select[id^=level]')
    for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowDown') // bachelor's
    await tabTo(p, 'input[id^=inCanada]')
    await p.keyboard.press('Space') // Yes
    await p.keyboard.press('ArrowRight') // No: the arrows move the choice within the group
    expect(await p.locator('input[id^=inCanada][value=no]').first().isChecked()).toBe(true)
    await tabTo(p, 'input[id^=completed]')
    await p.keyboard.type('06012018')
    await tabTo(p, 'input[id^=years]')
    await p.keyboard.type('4')
    await tabTo(p, 'input[id^=eca]')
    await p.keyboard.type('01152024')
    await tabTo(p, 'select[id^=test]')
    await p.keyboard.press('ArrowDown') // IELTS General Training
    await tabTo(p, 'input[id^=testDate]')
    await p.keyboard.type('03152026')
    for (const [a, v] of [['speaking', '7.5'], ['listening', '8.5'], ['reading', '8'], ['writing', '7']] as const) {
      await tabTo(p, `input[id^=${a}]`)
      await p.keyboard.type(v)
    }
    await tabTo(p, 'input[id^=noc]')
    await p.keyboard.type('software eng')
    await tabTo(p, '.noc-hits button', { max: 1 })
    await p.keyboard.press('Enter')
    // The choice made, the buttons go: the focus comes back to the occupation's field, which shows it.
    expect(await isFocused(p, 'input[id^=noc]')).toBe(true)
    expect(await p.locator('input[id^=noc]').first().inputValue()).toMatch(/^21231 /)
    await tabTo(p, 'input[id^=workCanada]')
    await p.keyboard.press('Space')
    await tabTo(p, 'input[id^=from]')
    await p.keyboard.type('01012020')
    await tabTo(p, 'input[id^=hours]')
    await p.keyboard.type('40')
    await tabTo(p, 'input[id^=self]')
    await p.keyboard.press('Space')
    expect(await p.locator('input[id^=self]').first().isChecked()).toBe(true)
    await p.keyboard.press('Space')
    expect(await p.locator('input[id^=self]').first().isChecked()).toBe(false)
    await p.waitForFunction(() => /^\d+$/.test(document.getElementById('crs-total')?.textContent ?? ''))
    expect(Number(await p.locator('#crs-total').textContent())).toBeGreaterThan(400)

    // The link with the answers: Enter copies it, says so, and the focus stays on the button.
    await tabTo(p, '#share')
    await p.keyboard.press('Enter')
    await expect.poll(() => p.locator('.share [role=status]').textContent()).toContain(w.copied)
    expect(await isFocused(p, '#share')).toBe(true)

    // The breakdown opens with Enter, and stays open as the answers change.
    await tabTo(p, '#score-details summary')
    await p.keyboard.press('Enter')
    expect(await p.locator('#score-details details').getAttribute('open')).not.toBeNull()
    await tabTo(p, 'input[id^=hours]', { back: true, max: 40 })
    await p.keyboard.press('Backspace')
    await p.keyboard.type('5')
    await p.waitForFunction(() => document.getElementById('crs-total')?.textContent !== '—')
    expect(await p.locator('#score-details details').getAttribute('open')).not.toBeNull()
    // The heavier results (drawn a moment after the last answer) are there before the Tab walk through them.
    await p.waitForFunction(() => document.getElementById('unlock')?.dataset.ready === '1' && document.getElementById('past-verdict') !== null)

    // The forecast: Enter asks for it; the focus stays in the forecast (not lost to the page), which then shows.
    await tabTo(p, '#forecast-show')
    // The heavier results are drawn a moment after each answer: drawn again, they leave the focus on the button.
    await p.evaluate(() => document.querySelector('input[id^=hours]')!.dispatchEvent(new Event('input')))
    await p.waitForTimeout(600)
    expect(await isFocused(p, '#forecast-show')).toBe(true)
    await p.keyboard.press('Enter')
    expect((await focused(p)).tag).not.toBe('body')
    await p.locator('#forecast [data-testid=fc-probability]').waitFor({ timeout: 20_000 })
    expect((await focused(p)).tag).not.toBe('body')
    // Nothing traps the focus: Tab goes on past the results to the end of the page, Shift+Tab comes back.
    await tabTo(p, 'footer a, #forecast a[href^="/forecast"]', { max: 40 })
    await tabTo(p, '#share', { back: true, max: 200 })
  }, 90_000)

  it('adding a row puts the focus in it; removing one puts it on the add button (never lost to the page)', async () => {
    const p = await calculator(l)
    const add = p.getByRole('button', { name: w.addJob, exact: true }).first()
    await add.focus()
    await p.keyboard.press('Enter')
    const job2 = p.getByRole('group', { name: w.job2, exact: true })
    expect(await job2.getByRole('textbox', { name: w.occupation }).evaluate((e) => e === document.activeElement)).toBe(true)
    await job2.getByRole('button', { name: w.removeJob2 }).focus()
    await p.keyboard.press('Enter')
    expect(await job2.count()).toBe(0)
    expect(await add.evaluate((e) => e === document.activeElement)).toBe(true)
  })
})

/** Starts counting the live regions (aria-live not off, role status or alert) whose content changes. */
const watchLive = (p: Page): Promise<void> =>
  p.evaluate(() => {
    const changed = new Set<Element>()
    ;(window as unknown as { liveChanged: Set<Element> }).liveChanged = changed
    new MutationObserver((records) => {
      for (const r of records) {
        const region = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[aria-live]:not([aria-live=off]), [role=status], [role=alert]')
        if (region) changed.add(region)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })

/** The live regions changed since the last call, by id (or class), and forgets them. */
const liveChanged = (p: Page): Promise<string[]> =>
  p.evaluate(() => {
    const changed = (window as unknown as { liveChanged: Set<Element> }).liveChanged
    const ids = [...changed].map((e) => e.id || `.${e.className}`)
    changed.clear()
    return ids.sort()
  })

describe.each(['en', 'fr'] as const)('a screen reader, in %s', (l) => {
  const w = W[l]

  it('every control of the calculator has a name, in the page’s language', async () => {
    const p = await calculator(l)
    const tree = await p.locator('main').ariaSnapshot()
    const controls = tree.split('\n').filter((x) => /^\s*- (textbox|combobox|spinbutton|checkbox|radio|button|link)\b/.test(x))
    expect(controls.length).toBeGreaterThan(40)
    for (const c of controls) expect(c, 'a control without a name').toMatch(/^\s*- \w+ "[^"]+"/)
    expect(await p.evaluate(() => document.documentElement.lang)).toBe(l)
    if (l === 'fr') {
      const en = await calculator('en')
      const english = new Set((await en.locator('main').ariaSnapshot()).split('\n').filter((x) => /^\s*- (textbox|combobox|spinbutton|checkbox|radio|button)\b/.test(x)).map((x) => x.trim()))
      // The same name in both languages only where the words are the same: "Test", and the tests' own names.
      expect(controls.map((x) => x.trim()).filter((x) => english.has(x) && !/^- combobox "Test"/.test(x))).toEqual([])
    }
  })

  it('a field’s error is tied to it (aria-invalid, aria-describedby) and one keystroke announces only that field’s message, not those of the fields not reached yet', async () => {
    const p = await calculator(l)
    const speaking = p.getByRole('group', { name: w.test1, exact: true }).getByRole('textbox', { name: w.speaking, exact: true })
    // The message line is in the page before its first message, so that it is heard.
    expect(await p.locator(`#${await speaking.getAttribute('id')}-error`).evaluate((e) => !(e as HTMLElement).hidden && getComputedStyle(e).display !== 'none')).toBe(true)
    await watchLive(p)
    await speaking.focus()
    await p.keyboard.type('x')
    await p.waitForTimeout(600)
    expect(await speaking.getAttribute('aria-invalid')).toBe('true')
    const described = await speaking.evaluate((e) => (e.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '))
    expect(described).toMatch(/“x”|«\sx\s»/)
    // Heard: the summary, the field's own message, and its row's line; the five other fields' messages are shown, not said.
    const changed = await liveChanged(p)
    expect(changed).toContain(`${await speaking.getAttribute('id')}-error`)
    expect(changed.length, changed.join(', ')).toBeLessThanOrEqual(3)
    expect(await p.locator('.field-error[data-field=listening]').first().textContent()).not.toBe('')
    // The next keystroke, which changes nothing said, is silent.
    await p.keyboard.type('x')
    await p.waitForTimeout(600)
    const again = await liveChanged(p)
    expect(again.filter((id) => !id.endsWith('-error')), again.join(', ')).toEqual([])
  })
})

describe.each(['en', 'fr'] as const)('headings and languages, in %s', (l) => {
  const q = l === 'fr' ? 'lang=fr' : ''
  it.each(['/calculator?married', '/forecast', '/rounds?round=254'])('%s: one h1, then headings that never skip a level', async (path) => {
    const [where, extra] = path.split('?') as [string, string | undefined]
    const p = await open(`${where}?${[extra === 'married' ? '' : extra, q].filter(Boolean).join('&')}`)
    await p.waitForLoadState('networkidle')
    // The spouse's questions shown (their headings with them): married, the spouse coming.
    if (extra === 'married') {
      await p.locator('select[id^=marital]').selectOption('married')
      await p.locator('input[id^=spouseCitizen][value=no]').check()
      await p.locator('input[id^=spouseComing][value=yes]').check()
    }
    const levels = await p.locator('main').evaluate((m) => Array.from(m.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Number(e.tagName[1])))
    expect(levels[0]).toBe(1)
    expect(levels.filter((x) => x === 1)).toHaveLength(1)
    for (const [i, x] of levels.entries()) if (i > 0) expect(x, `heading ${i + 1} of ${levels.join(',')}`).toBeLessThanOrEqual(levels[i - 1]! + 1)
    expect(await p.evaluate(() => document.documentElement.lang)).toBe(l)
  })

  it('results drawn again while the keyboard is in them keep its place: the same control, never the page', async () => {
    const p = await nurse(l)
    await p.locator('#unlock[data-ready]').waitFor()
    // The keyboard on the second "sources" of the eligibility section, then an answer changes (as a Tab
    // taken in the quarter second before the slower results are drawn again would leave it).
    const summaries = p.locator('#eligibility details > summary')
    await summaries.nth(1).focus()
    const before = await p.evaluate(() => document.activeElement?.textContent)
    await p.locator('input[id^=hours]').first().evaluate((e) => {
      const input = e as HTMLInputElement
      input.value = '41'
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await p.locator('#unlock[data-ready]').waitFor()
    await p.waitForTimeout(300)
    const after = await p.evaluate(() => ({ inEligibility: document.getElementById('eligibility')?.contains(document.activeElement) ?? false, tag: document.activeElement?.tagName, text: document.activeElement?.textContent }))
    expect(after).toEqual({ inEligibility: true, tag: 'SUMMARY', text: before })
    // Tab goes on from there, not from the top of the page.
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement !== document.body && (document.getElementById('results')?.contains(document.activeElement) ?? false))).toBe(true)
  })

  it('occupation titles (NOC 2021 has them in English only) are marked as English on French pages', async () => {
    const p = await calculator(l)
    const field = p.locator('input[id^=noc]').first()
    await field.fill('software eng')
    const hit = p.locator('.noc-hits button').first()
    expect(await hit.evaluate((e) => e.closest('[lang]')?.getAttribute('lang'))).toBe('en')
    await hit.click()
    expect(await p.locator('.noc-status .derived').first().evaluate((e) => Array.from(e.querySelectorAll('[lang=en]')).map((x) => x.textContent).join())).toContain('Software engineers')
    // And in the results: a nurse's line under healthcare names the occupation in English, marked so.
    const r = await nurse(l)
    const line = r.locator('#categories li[data-category="healthcare-social-2026"] .hint').first()
    await line.waitFor()
    expect(await line.locator('[lang=en]').textContent()).toBe('Registered nurses and registered psychiatric nurses')
  })
})
