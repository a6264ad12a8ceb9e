/**
 * A few of the personas (test/scenarios/personas/) in a real browser: each is typed into the calculator
 * by the form's labels, in English or French, as a person would, and the page must show what the
 * library answers for the same Profile (test/scenarios/personas.test.ts holds the library, the CLI and
 * the API to one answer): the CRS total and every line, each program's and category's verdict, the past
 * rounds that would have invited, and, for two of them, the forecast computed on the device.
 */
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { factorsOf, scoreCrs } from '../../src/crs/index.js'
import { eligibility } from '../../src/eligibility/index.js'
import { forecast } from '../../src/forecast/index.js'
import { pastInvitations } from '../../src/history/invited.js'
import { loadRounds } from '../../src/history/load.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'
import { en } from '../../web/src/words/journey.en.js'
import { fr } from '../../web/src/words/journey.fr.js'
import { useWebApp } from './web-harness.js'
import { dayText } from '../../web/src/dates.js'

type Lang = 'en' | 'fr'
const WORDS = { en, fr } as const
const rounds = loadRounds()

let page: Page | undefined
const web = useWebApp('web-personas', {}, () => page)

function persona(slug: string): Profile {
  const raw = JSON.parse(readFileSync(new URL(`../scenarios/personas/${slug}.json`, import.meta.url), 'utf8')) as { profile: ProfileInput }
  return profileSchema.parse(raw.profile)
}

/**
 * The Profile the form makes of the persona's answers: the journey dates the submission on the scoring
 * day, says "ZZ" for any country but Canada, "ON" for any province, and "ECA" for any organization
 * (decisions.md W3): none of these changes a score or a verdict, but the tie-break of a past round.
 */
function asTheFormMakesIt(p: Profile, asOf: string): Profile {
  const person = <T extends { education: Profile['education']; work: Profile['work'] }>(x: T): T => ({
    ...x,
    education: x.education.map((c) => ({ ...c, country: c.country === 'CA' ? 'CA' : 'ZZ', eca: c.country === 'CA' ? null : c.eca ? { organization: 'ECA', issuedOn: c.eca.issuedOn } : null })),
    work: x.work.map((j) => ({ ...j, country: j.country === 'CA' ? 'CA' : 'ZZ' })),
  })
  return profileSchema.parse({
    ...person(p),
    id: 'me',
    submittedAt: `${asOf}T00:00:00Z`,
    certificateOfQualification: p.certificateOfQualification ? { ...p.certificateOfQualification, province: 'ON' } : null,
    provincialNomination: p.provincialNomination ? { ...p.provincialNomination, province: 'ON' } : null,
    jobOffer: p.jobOffer ? { noc: p.jobOffer.noc, lmiaExempt: false } : null,
    // A citizen or PR spouse: only that is asked (not coming, nothing of theirs scores).
    spouse: p.spouse ? { accompanying: false, canadianCitizenOrPR: true } : null,
  })
}

const group = (scope: Page | Locator, name: string): Locator => scope.getByRole('group', { name, exact: true })
const fmt = (s: string, n: number): string => s.replace('{n}', String(n))

async function yesNo(scope: Page | Locator, question: string, yes: boolean, l: Lang): Promise<void> {
  await scope.getByRole('group', { name: question, exact: true }).getByLabel(yes ? WORDS[l].yes : WORDS[l].no, { exact: true }).check()
}

/** Types a NOC code into an occupation field: a code typed in full is taken at once. */
async function occupation(scope: Locator | Page, label: string, noc: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(noc)
}

/** Fills the calculator with a single candidate's Profile, row by row, by the form's labels. */
async function fill(p: Page, profile: Profile, asOf: string, l: Lang): Promise<void> {
  const w = WORDS[l]
  // A spouse who scores is covered by journey.test.ts; here, only one who is a citizen or PR (not scored).
  if (profile.spouse) expect(profile.spouse.canadianCitizenOrPR, 'a browser persona with a spouse has a citizen or PR spouse').toBe(true)
  await p.getByLabel(w.asOf, { exact: true }).fill(asOf)
  await p.getByLabel(w.dob, { exact: true }).fill(profile.dateOfBirth)
  await p.getByLabel(w.marital, { exact: true }).selectOption(profile.maritalStatus)
  if (profile.spouse) await yesNo(p, w.spouseCitizen, true, l)
  await p.getByLabel(w.firstLanguage, { exact: true }).selectOption(profile.firstOfficialLanguage)
  for (const [i, c] of profile.education.entries()) {
    if (i > 0) await p.getByRole('button', { name: w.addCredential, exact: true }).click()
    const row = group(p, fmt(w.credential, i + 1))
    await row.getByLabel(w.level, { exact: true }).selectOption(c.level)
    await yesNo(row, w.inCanada, c.country === 'CA', l)
    await row.getByLabel(w.completedOn, { exact: true }).fill(c.completedOn)
    await row.getByLabel(w.programYears, { exact: true }).fill(String(c.programYears))
    if (c.eca) await row.getByLabel(w.ecaOn, { exact: true }).fill(c.eca.issuedOn)
  }
  for (const [i, t] of profile.languageTests.entries()) {
    if (i > 0) await p.getByRole('button', { name: w.addTest, exact: true }).click()
    const row = group(p, fmt(w.testN, i + 1))
    await row.getByLabel(w.test, { exact: true }).selectOption(t.test)
    await row.getByLabel(w.testDate, { exact: true }).fill(t.testDate)
    // Raw scores as printed on the result, in the page's own way of writing decimals.
    for (const a of ['speaking', 'listening', 'reading', 'writing'] as const) await row.getByLabel(w[a], { exact: true }).fill(l === 'fr' ? String(t[a]).replace('.', ',') : String(t[a]))
  }
  for (const [i, j] of profile.work.entries()) {
    if (i > 0) await p.getByRole('button', { name: w.addJob, exact: true }).click()
    const row = group(p, fmt(w.jobN, i + 1))
    await occupation(row, w.occupation, j.noc)
    expect(await row.locator('.noc-status .derived').textContent()).toContain(j.noc)
    await yesNo(row, w.workInCanada, j.country === 'CA', l)
    await row.getByLabel(w.from, { exact: true }).fill(j.from)
    if (j.to) await row.getByLabel(w.to, { exact: true }).fill(j.to)
    await row.getByLabel(w.hours, { exact: true }).fill(String(j.hoursPerWeek))
    if (j.selfEmployed) await row.getByLabel(w.selfEmployed, { exact: true }).check()
    if (j.fullTimeStudent) await row.getByLabel(w.fullTimeStudent, { exact: true }).check()
  }
  if (profile.certificateOfQualification) {
    await yesNo(p, w.certificate, true, l)
    await occupation(p, w.certificateNoc, profile.certificateOfQualification.noc)
  }
  if (profile.provincialNomination) {
    await yesNo(p, w.nomination, true, l)
    await p.getByLabel(w.nominationOn, { exact: true }).fill(profile.provincialNomination.nominatedOn)
  }
  if (profile.jobOffer) {
    await yesNo(p, w.jobOffer, true, l)
    await occupation(p, w.jobOfferNoc, profile.jobOffer.noc)
  }
  if (profile.siblingInCanada) await yesNo(p, w.sibling, true, l)
  await p.getByLabel(w.funds, { exact: true }).fill(String(profile.settlementFundsCad))
}

/** The page against the library on the Profile the form makes. */
async function check(p: Page, profile: Profile, asOf: string, l: Lang): Promise<void> {
  const r = scoreCrs(factorsOf(profile, asOf), asOf)
  await expect.poll(() => p.getByTestId('crs-total').textContent()).toBe(String(r.total))
  const lines: Record<string, Record<string, number>> = { core: { ...r.core }, spouse: { ...r.spouse }, transferability: { ...r.transferability }, additional: { ...r.additional } }
  const shown = Object.fromEntries(await p.locator('[data-line]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-line'), Number((e.textContent ?? '').replace(/\s/g, ''))])))
  const want = Object.fromEntries(Object.keys(shown).map((k) => [k, lines[k.split('.')[0]!]![k.split('.')[1]!]]))
  expect(shown).toEqual(want)
  const e = eligibility(profile, asOf)
  for (const id of ['fsw', 'cec', 'fst'] as const) {
    await expect.poll(() => p.locator(`#programs li[data-program=${id}] .badge`).getAttribute('class'), { message: id }).toBe(`badge ${e.programs[id].eligible ? 'yes' : 'no'}`)
  }
  for (const c of e.categories) {
    const verdict = c.eligible === true ? 'yes' : c.eligible === null || c.unmet.some((u) => u.code === 'category_list_unknown') ? 'unknown' : 'no'
    expect(await p.locator(`#categories li[data-category="${c.id}"] .badge`).getAttribute('class'), c.id).toBe(`badge ${verdict}`)
  }
  // The past rounds that would have invited: the verdict and the rounds listed (the last 8).
  const past = pastInvitations({ kind: 'profile', profile }, rounds.filter((x) => x.date <= asOf)).rounds
  const invited = past.filter((x) => x.outcome === 'invited' || x.outcome === 'lost-tie-break').reverse()
  await p.locator('#past-verdict').waitFor({ timeout: 20_000 })
  const listed = await p.locator('#past-rounds tbody tr td:first-child').allTextContents()
  expect(listed.map((t) => t.replace(/\D/g, ''))).toEqual(invited.slice(0, 8).map((x) => x.number.replace(/\D/g, '')))
  const text = (await p.locator('#past-verdict').textContent())!
  if (invited.length === 0) expect(text).toMatch(l === 'en' ? /None of the \d+ rounds/ : /Aucune des \d+\u00a0rondes/)
  // The changes ahead: each reason of a row as written, a notice (whole sentences) never run on after a
  // semicolon ("…expires; This IELTS result…").
  const why = await p.locator('#timeline tbody tr td:nth-child(3)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText))
  for (const cell of why) expect(cell).not.toMatch(/;\s*\p{Lu}/u)
  // What would raise the score names the levels of the first language's scale (CLB English, NCLC French), as the unlocks do.
  const scale = factorsOf(profile, asOf).firstLanguage?.language === 'french' ? 'NCLC' : 'CLB'
  for (const item of await p.locator('#whatif li[data-code^="first-language-"]').allTextContents()) expect(item).toMatch(new RegExp(`\\b${scale} \\d`))
}

/** The forecast the journey computes on the device, against the library's. */
async function checkForecast(p: Page, profile: Profile, asOf: string, l: Lang): Promise<void> {
  // The record as the server describes it to the page (to which day it is whole), as the page reads it.
  const served = (await (await fetch(`${web.server.url}/v1/rounds`)).json()) as { record?: { currentAsOf?: string | null } }
  const currentAsOf = served.record?.currentAsOf
  const f = forecast({ kind: 'profile', profile }, rounds, { asOf, ...(currentAsOf ? { recordCurrentTo: currentAsOf.slice(0, 10) } : {}) })
  const pct = (x: number) => new Intl.NumberFormat(l === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' }).format(x)
  await p.getByRole('button', { name: l === 'fr' ? 'Afficher la prévision' : 'Show the forecast' }).click()
  await expect.poll(() => p.getByTestId('fc-probability').textContent(), { timeout: 20_000 }).toBe(pct(f.probability))
  const yesNo = (e: boolean | null) => (e === null ? (l === 'fr' ? 'impossible à dire' : "can't tell") : e ? (l === 'fr' ? 'oui' : 'yes') : l === 'fr' ? 'non' : 'no')
  for (const x of f.rounds) {
    const cells = await p.locator(`[data-testid=fc-rounds] tbody tr[data-type="${x.type}"] td`).allTextContents()
    expect(cells[5], x.type).toBe(pct(x.chance))
    // Open to the candidate on the day, or from when.
    expect(cells[4], x.type).toBe(x.opensOn ? `${yesNo(x.eligible)}, ${l === 'fr' ? 'à partir du' : 'from'} ${dayText(x.opensOn, l)}` : yesNo(x.eligible))
  }
}

const CASES: readonly { slug: string; asOf: string; l: Lang; forecast?: boolean }[] = [
  { slug: 'nurse-abroad', asOf: '2026-11-30', l: 'en', forecast: true },
  { slug: 'welder-fst', asOf: '2026-11-30', l: 'en' },
  { slug: 'former-student-coop', asOf: '2025-03-24', l: 'en', forecast: true },
  { slug: 'canadian-two-year-diploma', asOf: '2024-06-01', l: 'en' },
  { slug: 'spouse-canadian-citizen', asOf: '2026-11-30', l: 'en' },
  { slug: 'french-tef-old-and-new', asOf: '2026-11-30', l: 'fr', forecast: true },
  { slug: 'sibling-in-canada', asOf: '2026-11-30', l: 'fr' },
]

describe('personas typed into the calculator show the library\'s answer', () => {
  it.each(CASES)('$slug on $asOf ($l)', async ({ slug, asOf, l, forecast: withForecast }) => {
    const context = await web.browser.newContext({ locale: l === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${web.server.url}/calculator${l === 'fr' ? '?lang=fr' : ''}`)
    await page.waitForFunction(() => document.querySelector('main') !== null && document.getElementById('shell-loading') === null)
    const profile = persona(slug)
    await fill(page, profile, asOf, l)
    const made = asTheFormMakesIt(profile, asOf)
    // What the form leaves out (countries, organizations, the day submitted) changes no score or verdict:
    // the page answers for the persona itself, as the CLI and the API do (test/scenarios/personas.test.ts).
    const verdicts = (x: Profile) => {
      const e = eligibility(x, asOf)
      return { crs: scoreCrs(factorsOf(x, asOf), asOf).total, programs: Object.values(e.programs).map((r) => r.eligible), categories: e.categories.map((c) => c.eligible) }
    }
    expect(verdicts(made)).toEqual(verdicts(profile))
    await check(page, made, asOf, l)
    if (withForecast) await checkForecast(page, made, asOf, l)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})
