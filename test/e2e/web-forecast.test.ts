/**
 * Browser end-to-end for the forecast page (/forecast): the built web app served by the real server,
 * driven by playwright-core through Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useWebApp } from './web-harness.js'
import { dayText } from '../../web/src/dates.js'

let page: Page
const web = useWebApp('web-forecast', {}, () => page)

describe('forecast page', () => {
  it('shows the API forecast: probability, a 12-month chart, cut-off ranges, and the track record in words', async () => {
    page = await web.browser.newPage({ locale: 'en-CA' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${web.server.url}/forecast`)
    await expect.poll(() => page.getByTestId('fc-track-text').count()).toBe(1)
    expect(await page.getByTestId('fc-track-text').textContent()).toMatch(/Brier score \(lower is better\) was [\d.]+.* The Brier score is the average of the squared gap between the chance given and what happened/)
    await page.getByRole('button', { name: 'Forecast' }).click()
    await page.getByTestId('fc-probability').waitFor()
    // The cut-off's three numbers are said in plain words under the table.
    expect(await page.getByTestId('fc-cutoff-explained').textContent()).toMatch(/^Cut-off: the lowest score the round invites, as three numbers/)
    const shown = await page.getByTestId('fc-probability').textContent()
    const body = JSON.parse(await page.locator('#fc-input').inputValue()) as Record<string, unknown>
    const res = await fetch(`${web.server.url}/v1/forecast`, { method: 'POST', body: JSON.stringify({ ...body, horizonDays: 90 }), headers: { 'content-type': 'application/json' } })
    const api = (await res.json()) as { probability: number; rounds: unknown[] }
    expect(shown).toBe(`${Math.round(api.probability * 100)}%`)
    expect(await page.getByTestId('fc-chart').locator('rect').count()).toBe(12)
    expect(await page.locator('table tbody tr').count()).toBe(api.rounds.length)
    expect(errors).toEqual([])
  })

  it("in French: round types, reasons and notes worded from the API's codes, none left in English", async () => {
    page = await web.browser.newPage({ locale: 'fr-CA' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${web.server.url}/forecast?lang=fr`)
    await page.getByRole('button', { name: 'Prévoir' }).click()
    await page.getByTestId('fc-probability').waitFor()
    expect(await page.locator('[data-testid=fc-rounds] tbody tr[data-type="program:cec"] td').first().textContent()).toBe('Catégorie de l’expérience canadienne')
    // Without JSON, the calculator page asks the same question of the candidate's answers, in the same language.
    expect(await page.getByRole('link', { name: /Répondez aux questions/ }).getAttribute('href')).toBe('/calculator?lang=fr#forecast-title')
    expect(await page.locator('#fc-result').textContent()).toMatch(/SCG \d+ · D’ici 30\u00a0jours/)
    const notes = await page.locator('#fc-result [data-code]').allTextContents()
    expect(notes.length).toBeGreaterThan(0)
    for (const n of notes) expect(n).not.toMatch(/\b(the|counted|invited|record|rules)\b/)
    expect(errors).toEqual([])
  })

  it.each([
    ['en', 'Forecast', /^Can't tell for Canadian Experience Class, .*\. If open to you: \d+% within 90 days/],
    ['fr', 'Prévoir', /^Impossible à dire pour Catégorie de l’expérience canadienne, .*\. S’ils vous sont accessibles\u00a0: \d+\u00a0% d’ici 90\u00a0jours/],
  ])("CrsFactors (%s): can't tell is shown as such, with the chance if open, never as a no", async (lang, button, ifOpen) => {
    page = await web.browser.newPage({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA' })
    await page.goto(`${web.server.url}/forecast?lang=${lang}`)
    const factors = { age: 30, education: 'masters', canadianEducation: 'none', firstLanguage: { language: 'english', clb: { speaking: 10, listening: 10, reading: 10, writing: 10 } }, secondLanguage: null, canadianWorkYears: 3, foreignWorkYears: 3, certificateOfQualification: false, jobOffer: 'none', provincialNomination: false, siblingInCanada: false, spouse: null }
    await page.locator('#fc-input').fill(JSON.stringify(factors))
    await page.getByRole('button', { name: button }).click()
    await page.getByTestId('fc-if-open').waitFor()
    expect(await page.getByTestId('fc-if-open').textContent()).toMatch(ifOpen)
    const reason = page.locator('[data-testid=fc-reason][data-code=cant_tell_eligibility]')
    expect(await reason.getAttribute('class')).toBe('unknown-line')
    expect(await page.locator('[data-testid=fc-reason][data-code=never_eligible]').count()).toBe(0)
    expect(await page.locator('[data-testid=fc-rounds] tbody tr[data-type="program:cec"] td').nth(5).textContent()).toMatch(lang === 'fr' ? /si accessible\)$/ : /if open\)$/)
  })

  it('the chart says what its bars are: the chance by each date, 30 or 31 days apart, each bar named by its date (not by month ends)', async () => {
    for (const [language, caption, first] of [
      // The day looked from and each bar's day as the page's language writes a day (web/src/dates.ts); ISO in the data attributes.
      ['en', /^Chance of an invitation by each date, every 30 or 31 days from (\p{Lu}\p{Ll}+\u00a0\d{1,2},\u00a0\d{4}) to 365 days$/u, /^\p{Lu}\p{Ll}+\u00a0\d{1,2},\u00a0\d{4} \(in 30 days\): \d+%$/u],
      ['fr', /^Probabilité d’une invitation au plus tard à chaque date, tous les 30 ou 31\u00a0jours à partir du ((?:1er|\d{1,2})\u00a0\p{Ll}+\u00a0\d{4}) jusqu’à 365\u00a0jours$/u, /^(?:1er|\d{1,2})\u00a0\p{Ll}+\u00a0\d{4} \(dans 30\u00a0jours\)\u00a0: \d+\u00a0%$/u],
    ] as const) {
      page = await web.browser.newPage({ locale: language === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width: 390, height: 844 } })
      await page.goto(`${web.server.url}/forecast?lang=${language}`)
      await page.locator('#fc-form button[type=submit]').click()
      await page.getByTestId('fc-probability').waitFor()
      const text = (await page.getByTestId('fc-chart-caption').textContent())!
      expect(text).toMatch(caption)
      const asOf = (await page.getByTestId('fc-chart-caption').getAttribute('data-as-of'))!
      expect(caption.exec(text)![1]).toBe(dayText(asOf, language))
      const bars = await page.getByTestId('fc-chart').locator('rect').evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-date'), r.querySelector('title')?.textContent]))
      expect(bars).toHaveLength(12)
      // A bar above 0% can be seen (4 units at least), a bar of 0% is empty; the chance said is the API's.
      const heights = await page.getByTestId('fc-chart').locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))))
      bars.forEach(([, title], i) => expect(heights[i], title!).toSatisfy((h: number) => (/\D0\u00a0?%$/.test(title!) ? h === 0 : h >= 4)))
      const days = bars.map(([date]) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000))
      expect(days).toEqual([30, 61, 91, 122, 152, 183, 213, 243, 274, 304, 335, 365])
      expect(bars[0]![1]).toMatch(first)
      // The axis names bars by their date (the last one always), in the page's language.
      const labels = await page.getByTestId('fc-chart').locator('text[data-date]').evaluateAll((ts) => ts.map((t) => [t.getAttribute('data-date'), t.textContent]))
      expect(labels.at(-1)![0]).toBe(bars.at(-1)![0])
      for (const [date, shown] of labels) {
        expect(shown).toBe(dayText(date!, language, 'monthDay'))
      }
      await page.close()
    }
  })

  it('keeps what was typed across the language switch and Back/Forward; the example looks from today', async () => {
    page = await web.browser.newPage({ locale: 'en-CA' })
    await page.goto(`${web.server.url}/forecast`)
    const example = JSON.parse(await page.locator('#fc-input').inputValue()) as Record<string, unknown>
    // No day set: the example looks from today (its expected rounds are ahead, not in the past).
    expect(example).not.toHaveProperty('asOf')
    expect(await page.locator('#fc-asof').inputValue()).toBe('')
    const mine = JSON.stringify({ age: 31, education: 'bachelors', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } } })
    await page.locator('#fc-input').fill(mine)
    await page.locator('#fc-horizon').fill('180')
    await page.locator('#fc-asof').fill('2026-09-01')
    await page.getByRole('link', { name: 'Afficher cette page en français' }).click()
    await page.getByRole('button', { name: 'Prévoir' }).waitFor()
    const kept = async () => [await page.locator('#fc-input').inputValue(), await page.locator('#fc-horizon').inputValue(), await page.locator('#fc-asof').inputValue()]
    expect(await kept()).toEqual([mine, '180', '2026-09-01'])
    await page.goto(`${web.server.url}/rounds?lang=fr`)
    await page.goBack()
    await page.getByRole('button', { name: 'Prévoir' }).waitFor()
    expect(await kept()).toEqual([mine, '180', '2026-09-01'])
    // Back to the first page (/forecast; in French now: the switch remembers the choice).
    await page.goBack()
    expect(new URL(page.url()).search).toBe('')
    await page.locator('#fc-form').waitFor()
    expect(await kept()).toEqual([mine, '180', '2026-09-01'])
  })

  it.each([
    ['en', 'Forecast', 'en-CA', /^Round types open to you through August\u00a01,\u00a02027: Canadian Experience Class\. From August\u00a02,\u00a02027 you are open to none .*CEC needs a valid English test result/],
    ['fr', 'Prévoir', 'fr-CA', /^Rondes auxquelles vous êtes admissible jusqu’au 1er\u00a0août\u00a02027\u00a0: Catégorie de l’expérience canadienne\. À partir du 2\u00a0août\u00a02027, vous n’êtes admissible à aucun .*exige un résultat valide/],
  ] as const)('(%s) the same probability, chances and cut-off ranges as the API for the same day and horizon, the day eligibility ends said, the track record beside it', async (language, button, locale, ends) => {
    page = await web.browser.newPage({ locale })
    await page.goto(`${web.server.url}/forecast?lang=${language}`)
    // The page's example profile: its IELTS (2025-08-02) expires inside the year looked at from 2026-11-30.
    const example = JSON.parse(await page.locator('#fc-input').inputValue()) as { profile: unknown }
    await page.locator('#fc-asof').fill('2026-11-30')
    await page.locator('#fc-horizon').fill('180')
    await page.getByRole('button', { name: button }).click()
    await page.getByTestId('fc-probability').waitFor()
    const res = await fetch(`${web.server.url}/v1/forecast`, { method: 'POST', body: JSON.stringify({ asOf: '2026-11-30', horizonDays: 180, profile: example.profile }), headers: { 'content-type': 'application/json' } })
    const api = (await res.json()) as { probability: number; within: Record<string, number>; rounds: { type: string; cutoff: { p10: number; p50: number; p90: number } | null; chance: number }[] }
    const pct = (p: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(p)
    expect(await page.getByTestId('fc-probability').textContent()).toBe(pct(api.probability))
    const result = (await page.locator('#fc-result').textContent())!
    for (const d of ['30', '90', '180', '365']) expect(result).toContain(pct(api.within[d]!))
    for (const r of api.rounds) {
      const cells = await page.locator(`[data-testid=fc-rounds] tbody tr[data-type="${r.type}"] td`).allTextContents()
      expect(cells[2], r.type).toBe(r.cutoff ? `${r.cutoff.p10}–${r.cutoff.p50}–${r.cutoff.p90}` : '—')
      expect(cells[5], r.type).toBe(pct(r.chance))
    }
    expect(await page.locator('#fc-result [data-code=eligibility_ends]').textContent()).toMatch(ends)
    if (language === 'fr') for (const n of await page.locator('#fc-result [data-code]').allTextContents()) expect(n).not.toMatch(/\b(the|counted|invited|record|rules|needs)\b/)
    await expect.poll(() => page.getByTestId('fc-track-text').count()).toBe(1)
    expect(await page.getByTestId('fc-track-text').textContent()).toMatch(/Brier/)
  })

  it('bad input shows the field path from the API', async () => {
    page = await web.browser.newPage({ locale: 'en-CA' })
    await page.goto(`${web.server.url}/forecast`)
    await page.locator('#fc-horizon').fill('0')
    await page.getByRole('button', { name: 'Forecast' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/horizonDays/)
    // Once, not the detail and then the same issue again.
    const text = (await page.getByRole('alert').textContent())!
    expect(text.split('horizonDays')).toHaveLength(2)
  })
})
