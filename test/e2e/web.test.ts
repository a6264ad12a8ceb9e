/**
 * Browser end-to-end: the built web app served by the real server, driven by playwright-core through
 * Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH). Screenshots of failures go to test-results/.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useWebApp } from './web-harness.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { withMilitaryRecruits } from '../pool/fixtures.js'
import { dayText, instantText } from '../../web/src/dates.js'

let page: Page
const web = useWebApp('web', { pool: { size: 400, seed: 3, like: '2025-06-01' } }, () => page)

async function open(path: string): Promise<Page> {
  page = await web.browser.newPage({ locale: 'en-CA' })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${web.server.url}${path}`)
  // Drawn by the script (the shell's loading line replaced): what follows checks the page, not the shell.
  await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  expect(errors).toEqual([])
  return page
}

const golden = { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 }

// The candidate's journey (calculator and eligibility pages) is tested in journey.test.ts.
describe('calculator', () => {
  it('every form control has a label, and the page works from the keyboard', async () => {
    const p = await open('/calculator')
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

  it('a key pressed on the page shell, before the page\'s words arrive, keeps its focus when the script draws the page', async () => {
    page = await web.browser.newPage({ locale: 'en-CA' })
    const p = page
    // The words come a moment after the shell (one module per language): here, held back until the key
    // is pressed (a fixed delay let a loaded machine draw the page first, and the test then failed).
    let release!: () => void
    const held = new Promise<void>((done) => (release = done))
    await p.route(/\/assets\/site\.en-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await p.goto(`${web.server.url}/calculator`, { waitUntil: 'domcontentloaded' })
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.getElementById('shell-loading') !== null)).toBe(true)
    release()
    // Drawn by the script (the shell's loading line is gone), the skip link still has the focus.
    await p.waitForFunction(() => document.getElementById('shell-loading') === null)
    expect(await p.evaluate(() => (document.activeElement as HTMLElement | null)?.className)).toBe('skip')
  })

  it('can be filled from the keyboard alone: Tab reaches the date of birth', async () => {
    const p = await open('/calculator')
    let focused = ''
    for (let i = 0; i < 40 && !focused.startsWith('dob'); i++) {
      await p.keyboard.press('Tab')
      focused = await p.evaluate(() => document.activeElement?.id ?? '')
    }
    expect(focused).toMatch(/^dob-/)
  })

  it('a blank form asks for the answers the score needs (no error, no score made up)', async () => {
    const p = await open('/calculator')
    expect(await p.getByTestId('crs-total').textContent()).toBe('—')
    expect(await p.locator('#need').textContent()).toContain('Date of birth')
  })
})

describe('home', () => {
  it('has a card for each page, the forecast among them, in English and French', async () => {
    const en = await open('/')
    expect(await en.locator('.cards a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toContainEqual(['When will I be invited?', '/forecast'])
    await en.close()
    const fr = await open('/?lang=fr')
    // The French words may change with the typography pass (a no-break space before the question mark): matched loosely.
    expect(await fr.locator('.cards a[href="/forecast?lang=fr"]').textContent()).toMatch(/^Quand serai-je invité\s\?$/)
  })
})

describe('the footer says what leaves the device', () => {
  const footers = {
    en: { stays: /^Everything you enter stays in your browser/, forecast: /is sent to this server to compute the forecast; .*not stored/, simulator: /is sent to this server to be decided on the demo pool; .*not stored/ },
    fr: { stays: /^Tout ce que vous saisissez reste dans votre navigateur/, forecast: /est envoyé à ce serveur pour calculer la prévision\u202f; .*rien n’est enregistré/, simulator: /est envoyée à ce serveur pour être décidée sur le bassin de démonstration\u202f; .*rien n’est enregistré/ },
  }
  for (const language of ['en', 'fr'] as const) {
    it(`in ${language}: the forecast and the simulator send to this server, the other pages keep everything on the device`, async () => {
      for (const [path, expected] of [['/calculator', 'stays'], ['/rounds', 'stays'], ['/forecast', 'forecast'], ['/simulator', 'simulator']] as const) {
        const p = await open(`${path}?lang=${language}`)
        expect(await p.locator('footer').textContent(), path).toMatch(footers[language][expected])
        await p.close()
      }
    })
  }
})

describe('the simulator', () => {
  it('the simulator runs a round on the demo pool through the API', async () => {
    const p = await open('/simulator')
    await p.locator('#sim-distribution svg').waitFor()
    await p.locator('#sim-size').fill('100')
    await p.locator('#sim-at').fill('2025-06-02T00:00:00Z')
    await p.getByRole('button', { name: 'Simulate the round' }).click()
    await p.getByTestId('sim-lowest').waitFor()
    const api = (await (await fetch(`${web.server.url}/v1/rounds/simulate`, { method: 'POST', body: JSON.stringify({ at: '2025-06-02T00:00:00Z', kind: 'general', size: 100 }) })).json()) as { lowestScore: number }
    expect(await p.getByTestId('sim-lowest').textContent()).toBe(String(api.lowestScore))
    // The rules in words, not their id ("crs@2025-03-25"), which stays in the element's title and data.
    const rules = p.getByTestId('sim-rules')
    expect(await rules.textContent()).toBe(`CRS rules in force since ${dayText('2025-03-25', 'en')}`)
    expect(await rules.getAttribute('data-rules')).toBe('crs@2025-03-25')
    // Who would be invited names profiles: not for the public page (issue 14).
    expect(await p.locator('#sim-result tbody tr').count()).toBe(0)
    expect(await p.getByTestId('sim-private').textContent()).toMatch(/needs the API token/)
  })
})

describe('the simulator: categories in force, a day for the round, and answers people can read', () => {
  type Categories = { categories: { id: string; roundable: boolean }[] }
  const inForce = async (day: string) => ((await (await fetch(`${web.server.url}/v1/rounds/categories?on=${day}`)).json()) as Categories).categories
  const options = (p: Page) => p.locator('#sim-category option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).disabled]))

  it('a category round picks from the categories in force on the round’s day, given as a plain date (taken at 14:00 UTC)', async () => {
    const p = await open('/simulator')
    await p.locator('#sim-kind').selectOption('category')
    // By default the round is now: today's categories, not the 2023 versions.
    const today = new Date().toISOString().slice(0, 10)
    await expect.poll(() => options(p)).toEqual((await inForce(today)).map((c) => [c.id, !c.roundable]))
    expect((await options(p)).map((o) => o[0])).not.toContain('stem-2023-1')
    await p.locator('#sim-at').fill('2025-06-02')
    const then = await inForce('2025-06-02')
    await expect.poll(() => options(p)).toEqual(then.map((c) => [c.id, !c.roundable]))
    const chosen = then.find((c) => c.roundable)!.id
    await p.locator('#sim-category').selectOption(chosen)
    await p.locator('#sim-size').fill('50')
    await p.getByRole('button', { name: 'Simulate the round' }).click()
    await p.getByTestId('sim-lowest').waitFor()
    const api = (await (await fetch(`${web.server.url}/v1/rounds/simulate`, { method: 'POST', body: JSON.stringify({ at: '2025-06-02T14:00:00Z', kind: 'category', category: chosen, size: 50 }) })).json()) as { lowestScore: number | null; label: string }
    expect(await p.getByTestId('sim-lowest').textContent()).toBe(api.lowestScore === null ? '—' : String(api.lowestScore))
    expect(await p.locator('#sim-result h2').textContent()).toBe(api.label)
    expect(await p.getByRole('alert').count()).toBe(0)
  })

  it('with no one ranked, it says why: every profile of the pool had expired or was not yet submitted', async () => {
    const p = await open('/simulator')
    await p.locator('#sim-at').fill('2027-06-01')
    await p.getByRole('button', { name: 'Simulate the round' }).click()
    await expect.poll(() => p.getByTestId('sim-none').textContent()).toMatch(/^No profile of the demo pool was in the pool on June\u00a01,\u00a02027 at 14:00:00\u00a0UTC: .*every profile had expired or was not yet submitted/)
  })

  it('a problem from the server is shown once, its field named', async () => {
    const p = await open('/simulator')
    // A day the page can read, but before Express Entry: the server refuses it.
    await p.locator('#sim-at').fill('2014-06-01')
    await p.getByRole('button', { name: 'Simulate the round' }).click()
    const alert = p.getByRole('alert')
    await expect.poll(() => alert.count()).toBe(1)
    const text = (await alert.textContent())!
    expect(text).toMatch(/^Day of the round \(YYYY-MM-DD, taken at 14:00 UTC\) or instant \(YYYY-MM-DDTHH:mm:ssZ\): /)
    expect(text.split('2014')).toHaveLength(2)
  })

  it.each(['en', 'fr'] as const)('a size that is not a whole number from 1 to 1,000,000 is said beside the field in the page\'s language, before anything is sent (%s)', async (l) => {
    const p = await open(`/simulator${l === 'fr' ? '?lang=fr' : ''}`)
    for (const bad of ['0', '2.5', '2000000']) {
      await p.locator('#sim-size').fill(bad)
      await p.locator('#sim-form button[type=submit]').click()
      await expect.poll(() => p.locator('#sim-size').getAttribute('aria-invalid')).toBe('true')
      expect(await p.locator('#sim-size-error').textContent()).toBe(l === 'en' ? 'Write a whole number of invitations from 1 to 1,000,000.' : 'Écrivez un nombre entier d’invitations de 1 à 1\u00a0000\u00a0000.')
      expect(await p.getByRole('alert').count()).toBe(0)
    }
    await p.locator('#sim-size').fill('50')
    expect(await p.locator('#sim-size-error').isHidden()).toBe(true)
  })

  it('an unreadable round time is said beside the field, before anything is sent', async () => {
    const p = await open('/simulator')
    await p.locator('#sim-at').fill('next tuesday')
    await expect.poll(() => p.locator('#sim-at').getAttribute('aria-invalid')).toBe('true')
    expect(await p.locator('#sim-at-error').isVisible()).toBe(true)
  })
})

describe('past rounds: where the record comes from, in the page\'s language', () => {
  it.each(['en', 'fr'] as const)('in %s, the record is said to come from IRCC’s published rounds, in words; the shipped record’s description (its file names) only in a details element', async (language) => {
    const source = "copies of IRCC's feed ee_rounds_123_en.json (rounds 1-437: data/ee-rounds.PROVENANCE.md; rounds 438-447: public automated copies found on 2026-11-29)"
    page = await web.browser.newPage({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' })
    await page.route('**/v1/rounds', async (route) => {
      const res = await route.fetch()
      const body = (await res.json()) as Record<string, unknown>
      await route.fulfill({ response: res, json: { ...body, record: { source, refreshedAt: '2026-11-29T00:00:00Z', checkedAt: null, currentAsOf: null, lastFailure: null, rounds: 448, lastRound: { number: '447', date: '2026-10-01' } } } })
    })
    await page.goto(`${web.server.url}/rounds?lang=${language}`)
    const text = await page.getByTestId('record-refreshed').textContent()
    expect(text).toContain(language === 'fr' ? 'depuis des copies du fil des rondes publiées d’IRCC, livrées avec ce logiciel' : 'from copies of IRCC’s feed of published rounds, shipped with this software')
    expect(text).not.toContain("copies of IRCC's feed")
    expect(text).not.toContain('PROVENANCE')
    const exact = page.getByTestId('record-source')
    expect(await exact.locator('p').isVisible()).toBe(false)
    expect(await exact.locator('p').textContent()).toBe(source)
    expect(await exact.locator('p').getAttribute('lang')).toBe('en')
  })
})

describe('past rounds', () => {
  it('draws the cut-offs and the pool distribution as inline SVG', async () => {
    const p = await open('/rounds')
    await p.locator('svg.chart').first().waitFor()
    expect(await p.locator('svg.chart').count()).toBe(2)
    expect(await p.locator('svg.chart g[data-type] > *').count()).toBe(loadRounds().length)
  })

  it('one round in detail at ?round=254, in English and French: its moment, type, name, size, lowest score, tie-break and distribution', async () => {
    for (const language of ['en', 'fr'] as const) {
      const p = await open(`/rounds?round=254&lang=${language}`)
      const detail = p.getByTestId('round-detail')
      await detail.waitFor()
      const text = (await detail.textContent())!
      for (const shown of ['254', instantText('2023-07-05T13:38:22Z', language), 'STEM occupations (2023-1)', 'stem-2023-1', '500', '486', instantText('2022-11-23T00:01:29Z', language)]) expect(text, `${language}: ${shown}`).toContain(shown)
      expect(text).toContain(language === 'fr' ? 'Par catégorie' : 'Category-based')
      expect(await p.locator('h1').textContent()).toBe(language === 'fr' ? 'Ronde 254' : 'Round 254')
      // The pool's distribution published with the round: the 15 finest ranges and the total.
      expect(await p.getByTestId('round-distribution').locator('tbody tr').count()).toBe(16)
      expect(await p.getByTestId('round-distribution').locator('tbody tr').last().textContent()).toMatch(/^Total214[\s\u00a0\u202f,]?529$/)
      await p.close()
    }
  })

  it('a round without a published distribution says so; an unknown round says so', async () => {
    const p = await open('/rounds?round=91a')
    await p.getByTestId('round-detail').waitFor()
    expect(await p.locator('main').textContent()).toContain('IRCC published no distribution of the pool with this round.')
    await p.close()
    const missing = await open('/rounds?round=9999')
    await expect.poll(() => missing.getByTestId('round-missing').textContent()).toBe('There is no round 9999 in the record.')
  })

  it('the list of rounds filters by type and year, shows 25 more at a time, and each round opens its own view', async () => {
    const all = loadRounds()
    const p = await open('/rounds')
    const rows = p.getByTestId('rounds-list').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(25)
    expect(await rows.first().locator('td').first().textContent()).toBe(all.at(-1)!.number)
    await p.getByTestId('rounds-more').click()
    await expect.poll(() => rows.count()).toBe(50)
    await p.getByLabel('Type', { exact: true }).selectOption({ label: 'Category-based' })
    await p.getByLabel('Year', { exact: true }).selectOption('2023')
    const expected = all.filter((r) => r.type === 'category' && r.date.startsWith('2023-')).reverse()
    await expect.poll(() => rows.count()).toBe(Math.min(25, expected.length))
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(expected.slice(0, 25).map((r) => r.number))
    expect(await p.getByTestId('rounds-shown').textContent()).toBe(`Showing ${Math.min(25, expected.length)} of ${expected.length} rounds, newest first.`)
    // The filter is in the address: a reload keeps it.
    expect(new URL(p.url()).search).toBe('?type=category&year=2023')
    await p.reload()
    await expect.poll(() => rows.count()).toBe(Math.min(25, expected.length))
    await p.getByRole('link', { name: 'Round 254 in detail' }).click()
    await p.getByTestId('round-detail').waitFor()
    expect(new URL(p.url()).search).toBe('?round=254')
  })

  it('with a score in the link: which past rounds would have invited it, as the API says', async () => {
    const p = await open(`/rounds?factors=${encodeURIComponent(JSON.stringify(golden))}&asOf=2025-06-01`)
    await p.locator('#mine-summary').waitFor()
    const api = (await (await fetch(`${web.server.url}/v1/outlook`, { method: 'POST', body: JSON.stringify({ asOf: '2025-06-01', factors: golden }) })).json()) as { pastRounds: { summary: { invited: number; rounds: number } } }
    const { invited, rounds } = api.pastRounds.summary
    expect(await p.locator('#mine-summary').textContent()).toContain(`Invited in ${invited} of ${rounds} rounds`)
  })
})

describe('the simulator: candidates a category round cannot decide', () => {
  it('says how many, in English and in French, as the API counts them', async () => {
    // Recruits submitted before 2026-03-01 (expired by the earlier tests' 2027 round), some whose
    // foreign service is not stated: can't tell for skilled military recruits.
    const eligibility = realEligibility()
    const recruits = withMilitaryRecruits([...generatePool({ size: 80, seed: 9, like: '2026-03-01', eligibility, shape: 'model' })].map((g) => g.profile))
    await importProfiles(web.store!, recruits.map((p) => JSON.stringify(p)), { eligibility, asOf: '2026-03-02', now: '2026-03-01T00:00:00Z' })
    const request = { at: '2026-03-02T14:00:00Z', kind: 'category', category: 'military-2026', size: 2 }
    const api = (await (await fetch(`${web.server.url}/v1/rounds/simulate`, { method: 'POST', body: JSON.stringify(request) })).json()) as { undecided: { count: number; withinReach: number } }
    expect(api.undecided.count).toBeGreaterThan(5)
    for (const [language, words] of [
      ['en', `Can't tell for ${api.undecided.count} candidates: `],
      ['fr', `Impossible à dire pour ${api.undecided.count}\u00a0candidats\u00a0: `],
    ] as const) {
      const p = await open(`/simulator?lang=${language}`)
      await p.locator('#sim-kind').selectOption('category')
      await p.locator('#sim-at').fill('2026-03-02')
      await expect.poll(() => p.locator('#sim-category option[value="military-2026"]').count()).toBe(1)
      await p.locator('#sim-category').selectOption('military-2026')
      await p.locator('#sim-size').fill('2')
      await p.locator('form button[type=submit]').click()
      const line = p.getByTestId('sim-undecided')
      await line.waitFor()
      const text = (await line.textContent())!
      expect(text.startsWith(words), text).toBe(true)
      expect(text).toContain(String(api.undecided.withinReach))
      await p.close()
    }
  })
})

describe('the simulator: candidates a FSW round cannot decide (settlement funds not given)', () => {
  it('says how many, in English and in French, as the API counts them', async () => {
    // FSW candidates (their work moved abroad: no CEC) who do not state their funds: FSW can't tell.
    const eligibility = realEligibility()
    const fundsLess = [...generatePool({ size: 80, seed: 19, like: '2026-03-01', eligibility, shape: 'model' })].map((g) => {
      const { settlementFundsCad: _, ...rest } = g.profile
      return { ...rest, work: g.profile.work.map((w) => ({ ...w, country: 'IN' })) }
    })
    await importProfiles(web.store!, fundsLess.map((p) => JSON.stringify(p)), { eligibility, asOf: '2026-03-02', now: '2026-03-02T00:00:00Z' })
    const request = { at: '2026-03-02T14:00:00Z', kind: 'program', program: 'fsw', size: 2 }
    const api = (await (await fetch(`${web.server.url}/v1/rounds/simulate`, { method: 'POST', body: JSON.stringify(request) })).json()) as { undecided: { count: number; withinReach: number } }
    expect(api.undecided.count).toBeGreaterThan(5)
    for (const [language, words, what] of [
      ['en', `Can't tell for ${api.undecided.count} candidates: `, 'eligible for this program'],
      ['fr', `Impossible à dire pour ${api.undecided.count}\u00a0candidats\u00a0: `, 'admissibilité à ce programme'],
    ] as const) {
      const p = await open(`/simulator?lang=${language}`)
      await p.locator('#sim-kind').selectOption('program')
      await p.locator('#sim-program').selectOption('fsw')
      await p.locator('#sim-at').fill('2026-03-02')
      await p.locator('#sim-size').fill('2')
      await p.locator('form button[type=submit]').click()
      const line = p.getByTestId('sim-undecided')
      await line.waitFor()
      const text = (await line.textContent())!
      expect(text.startsWith(words), text).toBe(true)
      expect(text).toContain(what)
      expect(text).toContain(String(api.undecided.withinReach))
      await p.close()
    }
  })
})
