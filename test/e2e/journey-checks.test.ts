/**
 * What the calculator says of answers it cannot use as they are (the QA audit on a 390 px phone, in
 * English and French): an occupation typed but not chosen, a test without its date, a date of birth in
 * the future or implausible, scores off the scale or not numbers, negative funds, an old-scale TEF
 * result, an expired ECA, the categories' confidence notes, and the layout of the tables and fields on a
 * phone. Each unknown is "can't tell" with what to do, never a no.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useWebApp } from './web-harness.js'

const ASOF = '2026-11-29'

const web = useWebApp('journey-checks')

type Lang = 'en' | 'fr'

/** A fresh context (its own storage) on a 390 px phone, and the errors the page logs. */
async function open(l: Lang): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await web.browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  await page.goto(`${web.server.url}/calculator${l === 'fr' ? '?lang=fr' : ''}`)
  await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
  return { page, context, errors }
}

const W = {
  en: { student: 'While a full-time student', offer: 'Do you have a valid job offer supported by an LMIA (if needed)?', offerNoc: 'Occupation of the job offer (job title or NOC code)', asOf: 'Score on this date', dob: 'Date of birth', marital: 'Marital status', single: 'Never married / single', yes: 'Yes', no: 'No', credential: 'Credential 1', level: 'Level', inCanada: 'Studied in Canada?', completedOn: 'Completed on', years: 'Length of the program (years)', eca: 'ECA issued on (studies outside Canada)', test: 'Language test 1', testName: 'Test', testDate: 'Test date', speaking: 'Speaking', listening: 'Listening', reading: 'Reading', writing: 'Writing', job: 'Job 1', occupation: 'Occupation (job title or NOC code)', workInCanada: 'In Canada?', from: 'From', hours: 'Hours a week', funds: 'Settlement funds you can show (CAD)', bachelors: 'Bachelor’s degree, or a program of three years or more' },
  fr: { student: 'Pendant des études à temps plein', offer: 'Avez-vous une offre d’emploi valide appuyée par une EIMT (si nécessaire)\u202f?', offerNoc: 'Profession de l’offre d’emploi (titre d’emploi ou code CNP)', asOf: 'Calculer à cette date', dob: 'Date de naissance', marital: 'État matrimonial', single: 'Jamais marié(e) / célibataire', yes: 'Oui', no: 'Non', credential: 'Diplôme 1', level: 'Niveau', inCanada: 'Études au Canada\u202f?', completedOn: 'Obtenu le', years: 'Durée du programme (années)', eca: 'EDE délivrée le (études hors du Canada)', test: 'Test de langue 1', testName: 'Test', testDate: 'Date du test', speaking: 'Expression orale', listening: 'Compréhension de l’oral', reading: 'Compréhension de l’écrit', writing: 'Expression écrite', job: 'Emploi 1', occupation: 'Profession (titre d’emploi ou code CNP)', workInCanada: 'Au Canada\u202f?', from: 'Du', hours: 'Heures par semaine', funds: 'Fonds d’établissement que vous pouvez montrer (CAD)', bachelors: 'Baccalauréat, ou programme de trois ans ou plus' },
} as const

const group = (scope: Page | Locator, name: string): Locator => scope.getByRole('group', { name, exact: true })

interface Basics {
  dob?: string
  credential?: { completedOn: string; eca: string }
  test?: { test: string; date: string; scores: readonly [string, string, string, string] }
  job?: { search: string; noc?: string; from: string; inCanada?: boolean }
}

/** A single candidate: scoring day, date of birth, and the rows asked for, filled by their labels. */
async function fill(page: Page, l: Lang, b: Basics): Promise<void> {
  const w = W[l]
  await page.getByLabel(w.asOf).fill(ASOF)
  await page.getByLabel(w.dob, { exact: true }).fill(b.dob ?? '1995-01-01')
  await page.getByLabel(w.marital).selectOption({ label: w.single })
  if (b.credential) {
    const cred = group(page, w.credential)
    await cred.getByLabel(w.level).selectOption({ label: w.bachelors })
    await cred.getByRole('group', { name: w.inCanada }).getByLabel(w.no, { exact: true }).check()
    await cred.getByLabel(w.completedOn).fill(b.credential.completedOn)
    await cred.getByLabel(w.years).fill('4')
    await cred.getByLabel(w.eca).fill(b.credential.eca)
  }
  if (b.test) {
    const test = group(page, w.test)
    await test.getByLabel(w.testName, { exact: true }).selectOption({ value: b.test.test })
    await test.getByLabel(w.testDate).fill(b.test.date)
    const abilities = ['speaking', 'listening', 'reading', 'writing'] as const
    for (const [i, a] of abilities.entries()) await test.getByLabel(w[a], { exact: true }).fill(b.test.scores[i]!)
  }
  if (b.job) {
    const job = group(page, w.job)
    await job.getByLabel(w.occupation).fill(b.job.search)
    if (b.job.noc) await job.getByRole('button', { name: new RegExp(`^${b.job.noc} `) }).click()
    await job.getByRole('group', { name: w.workInCanada }).getByLabel(b.job.inCanada === false ? w.no : w.yes, { exact: true }).check()
    await job.getByLabel(w.from).fill(b.job.from)
    await job.getByLabel(w.hours).fill('40')
  }
}

const ielts = { test: 'ielts-general', date: '2026-03-15', scores: ['7.5', '8.5', '8', '7'] } as const

const program = (page: Page, id: string): Locator => page.locator(`#programs li[data-program=${id}]`)

describe.each(['en', 'fr'] as const)('unknowns are "can\'t tell", never "not eligible" (%s)', (l) => {
  it('an occupation typed but not chosen: the programs and categories it could change say what to do', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { credential: { completedOn: '2019-05-31', eca: '2024-03-01' }, test: ielts, job: { search: 'engineer', from: '2022-01-01' } })
    await page.getByLabel(W[l].funds).fill('20000')
    const job = group(page, W[l].job)
    // Next to the field, and the score says the job is not counted yet.
    await expect.poll(() => job.locator('.field-error[data-field=noc]').textContent()).toBe(l === 'en' ? 'Choose the occupation from the list: the job is not counted until you do.' : 'Choisissez la profession dans la liste\u00a0: l’emploi n’est pas compté tant que ce n’est pas fait.')
    expect(await job.getByLabel(W[l].occupation).getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#not-counted-yet').textContent()).toContain(l === 'en' ? 'choose the occupation for Job 1' : 'choisissez la profession (Emploi 1)')
    expect(await page.getByTestId('crs-total').textContent()).toMatch(/^\d+$/)
    for (const id of ['fsw', 'cec']) {
      expect(await program(page, id).locator('.badge').getAttribute('class')).toBe('badge unknown')
      expect(await program(page, id).getByTestId('cant-tell').textContent()).toBe(l === 'en' ? 'Can’t tell: choose the occupation for Job 1.' : 'Impossible à dire\u00a0: choisissez la profession (Emploi 1).')
    }
    // FST fails on its own (no job offer or certificate): a no, without the months of a job not counted.
    expect(await program(page, 'fst').locator('.badge').getAttribute('class')).toBe('badge no')
    expect(await program(page, 'fst').locator('.reasons li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['no_offer_or_certificate'])
    expect(await program(page, 'fst').getByTestId('not-counted').textContent()).toContain(l === 'en' ? 'choose the occupation for Job 1' : 'choisissez la profession (Emploi 1)')
    expect(await page.locator('#programs').textContent()).not.toMatch(/0 months|0 mois/)
    const categories = page.locator('#categories > li')
    for (const li of await categories.all()) {
      const cls = await li.locator('.badge').getAttribute('class')
      // French-language proficiency (no French test) fails on its own: a no. So do skilled military recruits
      // (no job offer from the Forces: the form's answer is no). Every other occupation category: can't tell
      // (the occupation).
      const id = (await li.getAttribute('data-category'))!
      if (id.startsWith('french-') || id.startsWith('military-')) expect(cls).toBe('badge no')
      else {
        expect(cls).toBe('badge unknown')
        expect(await li.textContent()).not.toMatch(/none of your work|aucun de vos emplois/)
      }
    }
    expect(await page.locator('#summary .badge').getAttribute('class')).toBe('badge unknown')
    // Chosen, it counts: the verdicts are the library's again.
    await job.getByLabel(W[l].occupation).fill('21231')
    await expect.poll(() => program(page, 'cec').locator('.badge').getAttribute('class')).toBe('badge yes')
    expect(await page.locator('#not-counted-yet').count()).toBe(0)
    expect(await job.locator('.field-error[data-field=noc]').isHidden()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('a job offer is asked on a day it gives no points, and counts for FST; answered yes without its occupation, it is can\'t tell', async () => {
    const { page, context, errors } = await open(l)
    // A welder (72106) with two and a half years abroad, CLB 7+ in English, funds, no certificate.
    await fill(page, l, { test: ielts, job: { search: '72106', from: '2023-01-01', inCanada: false } })
    await page.getByLabel(W[l].funds).fill('20000')
    await expect.poll(() => program(page, 'fst').locator('.badge').getAttribute('class')).toBe('badge no')
    expect(await program(page, 'fst').locator('.reasons li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['no_offer_or_certificate'])
    // The question is there, and says an offer gives no CRS points on this day but still counts for programs.
    const offer = page.getByRole('group', { name: W[l].offer })
    expect(await offer.isVisible()).toBe(true)
    expect(await offer.locator('p.hint').textContent()).toContain(l === 'en' ? 'no CRS points' : 'aucun point au SCG')
    const total = await page.getByTestId('crs-total').textContent()
    await offer.getByLabel(W[l].yes, { exact: true }).check()
    // Yes, but no occupation chosen yet: FST can't be told, and the field says why.
    await expect.poll(() => program(page, 'fst').locator('.badge').getAttribute('class')).toBe('badge unknown')
    expect(await program(page, 'fst').getByTestId('cant-tell').textContent()).toBe(l === 'en' ? 'Can’t tell: choose the occupation for the job offer.' : 'Impossible à dire\u00a0: choisissez la profession (l’offre d’emploi).')
    expect(await page.locator('.field-error[data-field=offerNoc]').textContent()).toBe(l === 'en' ? 'Choose the occupation from the list: the job offer is not counted until you do.' : 'Choisissez la profession dans la liste\u00a0: l’offre n’est pas comptée tant que ce n’est pas fait.')
    // Chosen in the trade: FST is open, and the score is unchanged (no points for an offer since 2025-03-25).
    await page.getByLabel(W[l].offerNoc).fill('72106')
    await expect.poll(() => program(page, 'fst').locator('.badge').getAttribute('class')).toBe('badge yes')
    expect(await page.getByTestId('crs-total').textContent()).toBe(total)
    expect(await page.locator('.field-error[data-field=offerNoc]').isHidden()).toBe(true)
    // On a day an offer scored, the hint is gone and the offer counts in the score too (50 for TEER 2 then).
    await page.getByLabel(W[l].asOf).fill('2024-06-01')
    await expect.poll(() => offer.locator('p.hint').isHidden()).toBe(true)
    const withOffer = Number(await page.getByTestId('crs-total').textContent())
    await offer.getByLabel(W[l].no, { exact: true }).check()
    await expect.poll(async () => Number(await page.getByTestId('crs-total').textContent())).toBe(withOffer - 50)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('work while a full-time student is asked for each job: it does not count for CEC or as Canadian work', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { credential: { completedOn: '2019-05-31', eca: '2024-03-01' }, test: ielts, job: { search: '21231', from: '2024-06-01' } })
    await page.getByLabel(W[l].funds).fill('20000')
    await expect.poll(() => program(page, 'cec').locator('.badge').getAttribute('class')).toBe('badge yes')
    const total = Number(await page.getByTestId('crs-total').textContent())
    await group(page, W[l].job).getByLabel(W[l].student).check()
    await expect.poll(() => program(page, 'cec').locator('.badge').getAttribute('class')).toBe('badge no')
    expect(Number(await page.getByTestId('crs-total').textContent())).toBeLessThan(total)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('a test without its date: the field asks for it, the programs that need the test say "can\'t tell"', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { credential: { completedOn: '2019-05-31', eca: '2024-03-01' }, test: ielts, job: { search: '21231', from: '2022-01-01' } })
    await page.getByLabel(W[l].funds).fill('20000')
    await expect.poll(() => program(page, 'cec').locator('.badge').getAttribute('class')).toBe('badge yes')
    const test = group(page, W[l].test)
    await test.getByLabel(W[l].testDate).fill('')
    await expect.poll(() => test.locator('.field-error[data-field=date]').textContent()).toBe(l === 'en' ? 'Enter the test date: the scale and the conversion depend on it.' : 'Entrez la date du test\u00a0: l’échelle et la conversion en dépendent.')
    for (const id of ['fsw', 'cec']) {
      expect(await program(page, id).locator('.badge').getAttribute('class')).toBe('badge unknown')
      expect(await program(page, id).getByTestId('cant-tell').textContent()).toBe(l === 'en' ? 'Can’t tell: enter the test date (Language test 1).' : 'Impossible à dire\u00a0: entrez la date du test (Test de langue 1).')
    }
    expect(await page.locator('#programs').textContent()).not.toContain(l === 'en' ? 'needs a valid' : 'exige un résultat valide')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('a date of birth in the future, or implausible, is said next to the field and in the results, and not scored', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { dob: '2030-01-01', credential: { completedOn: '2019-05-31', eca: '2024-03-01' } })
    const dobError = page.locator('.field-error[data-field=dob]').first()
    const future = l === 'en' ? 'The date of birth is in the future.' : 'La date de naissance est dans le futur.'
    await expect.poll(() => dobError.textContent()).toBe(future)
    expect(await page.locator('#need').textContent()).toBe(future)
    expect(await page.getByTestId('crs-total').textContent()).toBe('—')
    await page.getByLabel(W[l].dob, { exact: true }).fill('1826-01-01')
    await expect.poll(() => dobError.textContent()).toBe(l === 'en' ? 'This date of birth gives an age of 200 on November\u00a029,\u00a02026: check it.' : 'Cette date de naissance donne un âge de 200 ans le 29\u00a0novembre\u00a02026\u00a0: vérifiez-la.')
    expect(await page.getByTestId('crs-total').textContent()).toBe('—')
    // Born after the credential was completed.
    await page.getByLabel(W[l].dob, { exact: true }).fill('2000-01-01')
    await group(page, W[l].credential).getByLabel(W[l].completedOn).fill('1999-05-31')
    await expect.poll(() => dobError.textContent()).toBe(l === 'en' ? 'The date of birth is after Credential 1 (completed on May\u00a031,\u00a01999): check the dates.' : 'La date de naissance est postérieure à\u00a0: Diplôme 1 (obtenu le 31\u00a0mai\u00a01999). Vérifiez les dates.')
    expect(await page.locator('#need').textContent()).toContain(l === 'en' ? 'Credential 1' : 'Diplôme 1')
    await group(page, W[l].credential).getByLabel(W[l].completedOn).fill('2019-05-31')
    await expect.poll(() => page.getByTestId('crs-total').textContent()).toMatch(/^\d+$/)
    expect(await dobError.isHidden()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('scores off the scale, not numbers or missing, and negative funds: a message next to the field, in the page\'s language', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { test: { ...ielts, scores: ['10', 'seven', '8', ''] } })
    const test = group(page, W[l].test)
    const at = (a: string) => test.locator(`.field-error[data-field=${a}]`)
    await expect.poll(() => at('speaking').textContent()).toBe(l === 'en' ? 'IELTS General Training, speaking: 10 is not on the scale (0 to 9, in steps of 0.5).' : 'IELTS General Training, expression orale\u00a0: 10 n’est pas sur l’échelle (0 à 9, par pas de 0,5).')
    expect(await at('listening').textContent()).toBe(l === 'en' ? '“seven” is not a number: enter the listening score as printed on the result.' : '«\u00a0seven\u00a0» n’est pas un nombre\u00a0: entrez le résultat en compréhension de l’oral tel qu’il est imprimé.')
    expect(await at('writing').textContent()).toBe(l === 'en' ? 'Enter the writing score.' : 'Entrez le résultat en expression écrite.')
    expect(await at('reading').isHidden()).toBe(true)
    expect(await test.textContent()).not.toContain('ielts-general')
    expect(await program(page, 'cec').locator('.badge').getAttribute('class')).toBe('badge no')
    // A comma is a decimal mark; 7,5 is on the scale.
    await test.getByLabel(W[l].speaking, { exact: true }).fill('7,5')
    await expect.poll(() => at('speaking').isHidden()).toBe(true)
    const funds = page.getByLabel(W[l].funds)
    await funds.fill('-500')
    const fundsError = page.locator('.field-error[data-field=funds]')
    await expect.poll(() => fundsError.textContent()).toBe(l === 'en' ? 'Funds cannot be negative.' : 'Les fonds ne peuvent pas être négatifs.')
    expect(await funds.getAttribute('aria-invalid')).toBe('true')
    await funds.fill('20 000')
    await expect.poll(() => fundsError.isHidden()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe.each(['en', 'fr'] as const)('scales, expiries, notes and a phone\'s width (%s)', (l) => {
  it('TEF Canada: the scale follows the test date (old scale before 2023-12-11, as the library and the CLI convert it)', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { test: { test: 'tef-canada', date: '2023-06-01', scores: ['310', '249', '207', '310'] } })
    await page.getByLabel(W[l].asOf).fill('2024-06-01')
    const test = group(page, W[l].test)
    // 310/249/207/310 on the old scale: NCLC 7 in all four (the CLI: first official language 68 points).
    await expect.poll(() => test.locator('.test-note').textContent()).toBe(l === 'en' ? 'CLB/NCLC 7 speaking, 7 listening, 7 reading, 7 writing' : 'NCLC/CLB 7 expression orale, 7 compréhension de l’oral, 7 compréhension de l’écrit, 7 expression écrite')
    expect(await page.locator('[data-line="core.firstLanguage"]').textContent()).toBe('68')
    expect(await test.locator('.row-note').textContent()).toContain(l === 'en' ? 'test taken before December\u00a011,\u00a02023: the old scale' : 'test passé avant le 11\u00a0décembre\u00a02023\u00a0: l’ancienne échelle')
    // Dated from 2023-12-11, the same numbers are read on the 0-699 scale, and the hint says which scale applies.
    await test.getByLabel(W[l].testDate).fill('2024-01-15')
    await expect.poll(() => test.locator('.row-note').textContent()).toContain(l === 'en' ? 'test taken from December\u00a011,\u00a02023: the 0–699 scale' : 'test passé à partir du 11\u00a0décembre\u00a02023\u00a0: l’échelle de 0 à 699')
    // No date yet: both scales are said.
    await test.getByLabel(W[l].testDate).fill('')
    await expect.poll(() => test.locator('.row-note').textContent()).toContain(l === 'en' ? 'tests taken from December\u00a011,\u00a02023 use the 0–699 scale; before, the old scale' : 'les tests passés à partir du 11\u00a0décembre\u00a02023 utilisent l’échelle de 0 à 699\u202f; avant, l’ancienne échelle')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('an ECA expiring is said as such in the changes ahead, not as "less than secondary school"', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { credential: { completedOn: '2019-05-31', eca: '2022-01-10' }, test: ielts })
    const row = page.locator('#timeline tr', { has: page.locator('td[data-date="2027-01-10"]') })
    await expect.poll(() => row.textContent()).toContain(l === 'en' ? 'Your ECA (issued January\u00a010,\u00a02022) expired on January\u00a010,\u00a02027, after 5 years: the credential does not count until you get a new one.' : 'Votre EDE (délivrée le 10\u00a0janvier\u00a02022) a expiré le 10\u00a0janvier\u00a02027, après 5\u00a0ans\u00a0: le diplôme ne compte pas tant que vous n’en obtenez pas une nouvelle.')
    expect(await row.textContent()).not.toMatch(/less than secondary|moins que le secondaire/)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('the closest rounds missed: distinct headers, stacked on a phone; the occupation field is full width', async () => {
    const { page, context, errors } = await open(l)
    await fill(page, l, { credential: { completedOn: '2019-05-31', eca: '2024-03-01' }, test: ielts, job: { search: '21231', from: '2024-06-01' } })
    await page.getByLabel(W[l].funds).fill('20000')
    const close = page.locator('#past-close')
    await close.waitFor({ timeout: 20_000 })
    const headers = await close.locator('th').allTextContents()
    expect(new Set(headers).size).toBe(headers.length)
    expect(headers).toContain(l === 'en' ? 'Type of round' : 'Type de ronde')
    // Every cell fits its box: nothing cut on a 390 px phone.
    const [scroll, client] = await close.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth])
    expect(scroll).toBeLessThanOrEqual(client!)
    expect(await close.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-label')))).toEqual(headers)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // The occupation field takes the width of its row.
    const job = group(page, W[l].job)
    const [input, box] = await job.getByLabel(W[l].occupation).evaluate((el) => [el.getBoundingClientRect().width, el.parentElement!.getBoundingClientRect().width])
    expect(input).toBeGreaterThan(300)
    expect(input).toBeGreaterThanOrEqual(box! - 1)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('the categories\' confidence notes', () => {
  it('are in French on the French page, every one', async () => {
    const { page, context, errors } = await open('fr')
    await fill(page, 'fr', { credential: { completedOn: '2019-05-31', eca: '2024-03-01' }, test: ielts, job: { search: '21231', from: '2024-06-01' } })
    const levels = page.getByTestId('confidence-level')
    await expect.poll(() => levels.count()).toBeGreaterThan(5)
    for (const text of await levels.allTextContents()) {
      expect(text).not.toMatch(/\b(high|medium|low|list|rule|Note|the|predates|unchanged)\b/)
      expect(text).toMatch(/élevée|moyenne|faible/)
    }
    expect(await page.locator('#categories').textContent()).not.toContain('(en anglais)')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})
