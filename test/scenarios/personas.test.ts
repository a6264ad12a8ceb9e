/**
 * Candidate personas through every surface (test/scenarios/personas/*.json, drawn from what real users ask:
 * ../shared/research/users.md). For each persona and each of its dates (one before 2025-03-25 and
 * 2026-11-30 at least):
 * - the CRS worked out by hand from ../shared/research/rules.md, line by line (HAND below, with the
 *   arithmetic), against the library;
 * - one answer: the library (scoreCrs, eligibility, pastInvitations, forecast), the built CLI (`score
 *   --jsonl`, `eligibility --jsonl`, `outlook --json --all-rounds`, `forecast --json`) and the API
 *   (createApp on the shipped record, as `serve` reads it) give the same CRS total and lines, the same
 *   programs and categories, the same past rounds invited and the same forecast probabilities;
 * - honest answers: every "no" carries a condition that fails for certain, every "can't tell" its reason;
 * - what each persona asks (the couple's two choices, the birthday, the expiring test, ...).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { factorsOf, scoreCrs } from '../../src/crs/index.js'
import { eligibility } from '../../src/eligibility/index.js'
import { forecast } from '../../src/forecast/index.js'
import { pastInvitations } from '../../src/history/invited.js'
import { timeline, whatIf } from '../../src/history/outlook.js'
import { loadRounds } from '../../src/history/load.js'
import { readRecordSource } from '../../src/history/refresh.js'
import { profileSchema, type Profile, type ProfileInput } from '../../src/schemas/profile.js'
import { CLI, ensureBuilt, ROOT } from '../e2e/built-cli.js'

const run = promisify(execFile)
const DIR = new URL('./personas/', import.meta.url)

interface Persona {
  readonly slug: string
  readonly name: string
  readonly story: string
  readonly dates: readonly string[]
  readonly input: ProfileInput
  readonly profile: Profile
}

const PERSONAS: readonly Persona[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const raw = JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as { name: string; story: string; dates: string[]; profile: ProfileInput }
    return { slug: f.replace(/\.json$/, ''), name: raw.name, story: raw.story, dates: raw.dates, input: raw.profile, profile: profileSchema.parse(raw.profile) }
  })
const persona = (slug: string): Persona => PERSONAS.find((p) => p.slug === slug) ?? expect.fail(`no persona ${slug}`)

interface Case {
  readonly p: Persona
  readonly date: string
  readonly key: string
}
const CASES: readonly Case[] = PERSONAS.flatMap((p) => p.dates.map((date) => ({ p, date, key: `${p.slug} on ${date}` })))

// The record as `serve` and the CLI read it: the shipped rounds, and the day its source says it is whole to.
const RECORD = join(ROOT, 'data/ee-rounds.json')
const rounds = loadRounds()
const currentAsOf = readRecordSource(RECORD)?.currentAsOf ?? null
const recordCurrentTo = currentAsOf?.slice(0, 10)
const info = { source: 'test', refreshedAt: null, checkedAt: null, currentAsOf, lastFailure: null, rounds: rounds.length, lastRound: null }
const app = createApp({ history: { rounds: () => rounds, info: () => info }, expensiveLimit: { burst: 1_000_000, perSecond: 1_000_000 } })
const post = async (path: string, body: unknown): Promise<unknown> => {
  const res = await app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200)
  return res.json()
}
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x))

// ---- CRS by hand ------------------------------------------------------------------------------------

/**
 * Worked out from rules.md §1-4 (the tables named in each note), not from the code. Lines:
 * core [age, education, first language, second language, Canadian work], spouse [education, language,
 * Canadian work], transferability [education, foreign work, certificate], additional [nomination, job
 * offer, Canadian education, French, sibling]. Work years are whole years of 1,560 h at most 30 h a week
 * (decisions.md 9): 364 days of full-time work make a year.
 */
interface Hand {
  readonly slug: string
  readonly date: string
  readonly note: string
  readonly core: readonly [number, number, number, number, number]
  readonly spouse: readonly [number, number, number]
  readonly transferability: readonly [number, number, number]
  readonly additional: readonly [number, number, number, number, number]
  readonly total: number
}
const HAND: readonly Hand[] = [
  {
    slug: 'couple-priya-principal', date: '2026-11-30',
    note: 'with spouse: age 32 = 85; master\'s 126; IELTS 2026 L8.5 R8 W7.5 S7.5 = CLB 10 x4 = 32x4 = 128; Canadian work 2023-06-01.. = 3 y = 56. Spouse: bachelor\'s 8; IELTS L7 R6.5 W6.5 S6.5 = CLB 7,8,8,8 = 3x4 = 12; Canadian work 2024-01-01.. = 2 y = 7. Transferability: tier 2 + CLB 9+ = 50, + 2 y Canadian = 50, capped 50; no foreign work. Canadian master\'s 30. 395 + 27 + 50 + 30 = 502',
    core: [85, 126, 128, 0, 56], spouse: [8, 12, 7], transferability: [50, 0, 0], additional: [0, 0, 30, 0, 0], total: 502,
  },
  {
    slug: 'couple-priya-principal', date: '2024-06-01',
    note: 'with spouse: age 30 = 95; master\'s 126; IELTS 2023 L8 R7 W7 S7 = CLB 9 x4 = 29x4 = 116 (the 2026 test is after the date); Canadian work 2023-06-01..2024-05-31 = 1 y = 35. Spouse: bachelor\'s 8, no valid test 0, 5 months in Canada 0. Transferability: tier 2 + CLB 9 = 50, + 1 y = 25, capped 50. Canadian master\'s 30. 372 + 8 + 50 + 30 = 460',
    core: [95, 126, 116, 0, 35], spouse: [8, 0, 0], transferability: [50, 0, 0], additional: [0, 0, 30, 0, 0], total: 460,
  },
  {
    slug: 'couple-arjun-principal', date: '2026-11-30',
    note: 'with spouse: age 34 = 75; bachelor\'s (ECA 2024) 112; CLB 7,8,8,8 = 16 + 22x3 = 82; Canadian work 2024-01-01.. = 2 y = 46. Spouse Priya: master\'s 10, CLB 10 x4 = 5x4 = 20, 3 y Canadian = 8. Transferability: tier 1 + CLB 7 (some < 9) = 13, + 2 y Canadian = 25: 38; foreign 2016-11-30..2021-05-31 in the 10-year window = 4 y (3+) + CLB 7 = 25, + 2 y Canadian = 50: 75, capped 50; 88. 315 + 38 + 88 = 441 (Priya as principal: 502)',
    core: [75, 112, 82, 0, 46], spouse: [10, 20, 8], transferability: [38, 50, 0], additional: [0, 0, 0, 0, 0], total: 441,
  },
  {
    slug: 'french-tef-old-and-new', date: '2026-11-30',
    note: 'single: age 36 = 72; bachelor\'s 120; French first, TEF 2025-09-20 (0-699 scale) L550 R510 W520 S560 = NCLC 10,9,9,10 = 34+31+31+34 = 130 (the 2023 result expired 2025-05-10); English second, IELTS L6 R5.5 W6 S6 = CLB 7,6,7,7 = 3+1+3+3 = 10. Transferability: tier 1 + NCLC 9+ = 25; foreign 2016-11-30..2025-06-30 = 8 y (3+) + NCLC 9 = 50. French NCLC 7+ and English CLB 5+ = 50. 332 + 75 + 50 = 457',
    core: [72, 120, 130, 10, 0], spouse: [0, 0, 0], transferability: [25, 50, 0], additional: [0, 0, 0, 50, 0], total: 457,
  },
  {
    slug: 'french-tef-old-and-new', date: '2024-06-01',
    note: 'single: age 33 = 88; bachelor\'s 120; TEF 2023-05-10, old scale ("equivalence ancien score") L300 R250 W380 S395 = NCLC 9,9,9,10 = 31x3 + 34 = 127; no English yet. Transferability: tier 1 + NCLC 9 = 25; foreign 10 y (3+) = 50. French NCLC 7+ without English = 25. 335 + 75 + 25 = 435',
    core: [88, 120, 127, 0, 0], spouse: [0, 0, 0], transferability: [25, 50, 0], additional: [0, 0, 0, 25, 0], total: 435,
  },
  {
    slug: 'nurse-abroad', date: '2026-11-30',
    note: 'single: age 31 = 99; bachelor\'s 120; IELTS 2025 L8 R7 W7 S7 = CLB 9 x4 = 124. Transferability: tier 1 + CLB 9 = 25; foreign 2017-03-01.. = 9 y (3+) + CLB 9 = 50. 343 + 75 = 418',
    core: [99, 120, 124, 0, 0], spouse: [0, 0, 0], transferability: [25, 50, 0], additional: [0, 0, 0, 0, 0], total: 418,
  },
  {
    slug: 'nurse-abroad', date: '2024-06-01',
    note: 'single: age 29 = 110; bachelor\'s 120; IELTS 2023 L7.5 R6.5 W6.5 S7 = CLB 8,8,8,9 = 23x3 + 31 = 100. Transferability: tier 1 + CLB 8 (7+, some < 9) = 13; foreign 7 y (3+) + CLB 8 = 25. 330 + 38 = 368',
    core: [110, 120, 100, 0, 0], spouse: [0, 0, 0], transferability: [13, 25, 0], additional: [0, 0, 0, 0, 0], total: 368,
  },
  {
    slug: 'pnp-nominee', date: '2026-11-30',
    note: 'single: age 38 = 61; bachelor\'s 120; CELPIP 7 x4 = CLB 7 = 17x4 = 68; Canadian work 2022-05-01.. = 4 y = 72. Transferability: tier 1 + CLB 7 = 13, + 2+ y Canadian = 25: 38. Nomination of 2026-06-15: 600. 321 + 38 + 600 = 959',
    core: [61, 120, 68, 0, 72], spouse: [0, 0, 0], transferability: [38, 0, 0], additional: [600, 0, 0, 0, 0], total: 959,
  },
  {
    slug: 'pnp-nominee', date: '2026-06-14',
    note: 'the day before the nomination: age 37 = 66; 120; CLB 7 = 68; 4 y = 72; transferability 38; no nomination yet. 326 + 38 = 364',
    core: [66, 120, 68, 0, 72], spouse: [0, 0, 0], transferability: [38, 0, 0], additional: [0, 0, 0, 0, 0], total: 364,
  },
  {
    slug: 'welder-fst', date: '2026-11-30',
    note: 'single: age 41 = 39; one-year credential 90; IELTS L5.5 R5 W5.5 S5.5 = CLB 6 x4 = 9x4 = 36; Canadian work 2023-03-01.. = 3 y = 64. Transferability: tier 1 + CLB 6 = 0, + 2+ y Canadian = 25; foreign 2016-11-30..2022-12-31 = 6 y (3+) + CLB 6 = 0, + 2+ y Canadian = 50; certificate of qualification, CLB 5+ with some < 7 = 25; 100. 229 + 100 = 329',
    core: [39, 90, 36, 0, 64], spouse: [0, 0, 0], transferability: [25, 50, 25], additional: [0, 0, 0, 0, 0], total: 329,
  },
  {
    slug: 'former-student-coop', date: '2026-11-30',
    note: 'single: age 26 = 110; Canadian bachelor\'s 120; CELPIP L9 R9 W8 S8 = 31+31+23+23 = 108; Canadian work: the co-op year was full-time study (excluded, MI s.15(7)(a)), the PGWP year 2024-06-01..2025-05-31 = 365 days at 30 h = 1,564 h = 1 y = 40, retail 64100 is TEER 4. Transferability: tier 1 + CLB 8 = 13, + 1 y = 13: 26. Canadian 3+ year credential 30. 378 + 26 + 30 = 434',
    core: [110, 120, 108, 0, 40], spouse: [0, 0, 0], transferability: [26, 0, 0], additional: [0, 0, 30, 0, 0], total: 434,
  },
  {
    slug: 'former-student-coop', date: '2025-03-24',
    note: 'the day before job-offer points ended: age 25 = 110; 120; 108; PGWP work 296 days < 1 y = 0. Transferability: 13 + 0. Canadian education 30. 338 + 13 + 30 = 381',
    core: [110, 120, 108, 0, 0], spouse: [0, 0, 0], transferability: [13, 0, 0], additional: [0, 0, 30, 0, 0], total: 381,
  },
  {
    slug: 'ielts-expiring', date: '2026-11-30',
    note: 'single: age 33 = 88; master\'s 135; IELTS 2025-01-30 L8.5 R8 W7.5 S7.5 = CLB 10 x4 = 136. Transferability: tier 2 + CLB 9+ = 50; foreign 9 y (3+) + CLB 9+ = 50. 359 + 100 = 459',
    core: [88, 135, 136, 0, 0], spouse: [0, 0, 0], transferability: [50, 50, 0], additional: [0, 0, 0, 0, 0], total: 459,
  },
  {
    slug: 'ielts-expiring', date: '2027-02-01',
    note: 'after the IELTS expired (2027-01-30): age 33 = 88; master\'s 135 (ECA 2022-03-01 valid to 2027-03-01); no language: 0, and every combination with language 0. 223',
    core: [88, 135, 0, 0, 0], spouse: [0, 0, 0], transferability: [0, 0, 0], additional: [0, 0, 0, 0, 0], total: 223,
  },
  {
    slug: 'spouse-canadian-citizen', date: '2026-11-30',
    note: 'married to a Canadian citizen: the columns without a spouse, no spouse factors (rules.md §10.1). Age 34 = 83; bachelor\'s 120; CELPIP 9 x4 = 31x4 = 124; Canadian work 2024-02-01.. (37.5 h, counted 30) = 2 y = 53. Transferability: tier 1 + CLB 9 = 25, + 2 y = 25: 50; foreign 2016-11-30..2023-12-31 = 7 y + CLB 9 = 50, + 2 y = 50: capped 50. 380 + 100 = 480',
    core: [83, 120, 124, 0, 53], spouse: [0, 0, 0], transferability: [50, 50, 0], additional: [0, 0, 0, 0, 0], total: 480,
  },
  {
    slug: 'turning-30', date: '2026-11-30',
    note: 'single: age 29 = 110; Canadian bachelor\'s 120; IELTS L8 R7 W7 S7 = CLB 9 x4 = 124; Canadian work 2019-07-01.. = 7 y (5+) = 80. Transferability: tier 1 + CLB 9 = 25, + 2+ y = 25: 50. Canadian education 30. 434 + 50 + 30 = 514',
    core: [110, 120, 124, 0, 80], spouse: [0, 0, 0], transferability: [50, 0, 0], additional: [0, 0, 30, 0, 0], total: 514,
  },
  {
    slug: 'turning-30', date: '2026-12-20',
    note: 'his 30th birthday: age 30 = 105 (-5); the rest unchanged. 509',
    core: [105, 120, 124, 0, 80], spouse: [0, 0, 0], transferability: [50, 0, 0], additional: [0, 0, 30, 0, 0], total: 509,
  },
  {
    slug: 'pte-core', date: '2026-11-30',
    note: 'single: age 28 = 110; bachelor\'s 120; PTE Core 2025 L85 R80 W89 S86 = CLB 9 x4 = 124. Transferability: tier 1 + CLB 9 = 25; foreign 2020-08-01..2025-07-31 = 5 y (3+) + CLB 9 = 50. 354 + 75 = 429',
    core: [110, 120, 124, 0, 0], spouse: [0, 0, 0], transferability: [25, 50, 0], additional: [0, 0, 0, 0, 0], total: 429,
  },
  {
    slug: 'pte-core', date: '2024-06-01',
    note: 'single: age 26 = 110; 120; PTE Core 2024-02-05 L72 R70 W80 S77 = CLB 8 x4 = 92. Transferability: tier 1 + CLB 8 = 13; foreign 3 y + CLB 8 = 25. 322 + 38 = 360',
    core: [110, 120, 92, 0, 0], spouse: [0, 0, 0], transferability: [13, 25, 0], additional: [0, 0, 0, 0, 0], total: 360,
  },
  {
    slug: 'sibling-in-canada', date: '2026-11-30',
    note: 'single: age 34 = 83; bachelor\'s 120; IELTS L7.5 R6.5 W6.5 S6.5 = CLB 8 x4 = 92; TCF Canada second: L470 R460 W10 S12 = NCLC 7,7,7,8 = 3x4 = 12. Transferability: tier 1 + CLB 8 = 13; foreign 3+ y + CLB 8 = 25. French NCLC 7+ and English CLB 5+ = 50; sibling 15. 307 + 38 + 65 = 410',
    core: [83, 120, 92, 12, 0], spouse: [0, 0, 0], transferability: [13, 25, 0], additional: [0, 0, 0, 50, 15], total: 410,
  },
  {
    slug: 'canadian-two-year-diploma', date: '2024-06-01',
    note: 'single: age 24 = 110; two-year (secondary + two-year: the higher) 98; CELPIP 2023 7 x4 = 68; Canadian work 2022-06-01.. = 2 y = 53. Transferability: tier 1 + CLB 7 = 13, + 2 y = 25: 38. Job offer TEER 2 (not major group 00), before 2025-03-25 = 50; Canadian two-year credential 15. 329 + 38 + 65 = 432',
    core: [110, 98, 68, 0, 53], spouse: [0, 0, 0], transferability: [38, 0, 0], additional: [0, 50, 15, 0, 0], total: 432,
  },
  {
    slug: 'canadian-two-year-diploma', date: '2026-11-30',
    note: 'age 27 = 110; 98; CELPIP 2026 L8 R7 W7 S7 = 23 + 17x3 = 74; 4 y = 72. Transferability 13 + 25 = 38. Job offer 0 from 2025-03-25; Canadian credential 15. 354 + 38 + 15 = 407',
    core: [110, 98, 74, 0, 72], spouse: [0, 0, 0], transferability: [38, 0, 0], additional: [0, 0, 15, 0, 0], total: 407,
  },
]

describe('the CRS worked out by hand from rules.md, line by line', () => {
  it('covers at least 6 personas and the dates of the table are dates of the personas', () => {
    expect(new Set(HAND.map((h) => h.slug)).size).toBeGreaterThanOrEqual(6)
    for (const h of HAND) expect(persona(h.slug).dates, h.slug).toContain(h.date)
  })
  it.each(HAND.map((h) => [`${h.slug} on ${h.date}`, h] as const))('%s', (_name, h) => {
    const r = scoreCrs(factorsOf(persona(h.slug).profile, h.date), h.date)
    const lines = {
      core: [r.core.age, r.core.education, r.core.firstLanguage, r.core.secondLanguage, r.core.canadianWork],
      spouse: [r.spouse.education, r.spouse.language, r.spouse.canadianWork],
      transferability: [r.transferability.education, r.transferability.foreignWork, r.transferability.certificate],
      additional: [r.additional.provincialNomination, r.additional.jobOffer, r.additional.canadianEducation, r.additional.french, r.additional.sibling],
      total: r.total,
    }
    expect(lines, h.note).toEqual({ core: h.core, spouse: h.spouse, transferability: h.transferability, additional: h.additional, total: h.total })
    // The table's own arithmetic: the lines add up to the total (the caps of rules.md §3.4 and §4 already applied).
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
    expect(sum(h.core) + sum(h.spouse) + sum(h.transferability) + sum(h.additional), h.note).toBe(h.total)
  })
})

// ---- one answer on every surface --------------------------------------------------------------------

interface CliAnswers {
  score: Record<string, { total: number; core: unknown; spouse: unknown; transferability: unknown; additional: unknown; rules: string }>
  eligibility: Record<string, unknown>
  outlook: Record<string, { score: number; pastRounds: { rounds: { number: string; outcome: string; score: number }[] } }>
  forecast: Record<string, unknown>
}
const cli: CliAnswers = { score: {}, eligibility: {}, outlook: {}, forecast: {} }
let tmp = ''

beforeAll(async () => {
  ensureBuilt()
  tmp = mkdtempSync(join(tmpdir(), 'ee-personas-'))
  // The CLI reads the shipped record: no working copy beside a database (EE_DB points away in vitest.config.ts).
  const env = { ...process.env, EE_ROUNDS_RECORD: '' }
  const lines = join(tmp, 'cases.jsonl')
  writeFileSync(lines, CASES.map((c) => JSON.stringify({ asOf: c.date, profile: c.p.input })).join('\n') + '\n')
  const jsonl = async (command: string): Promise<unknown[]> => (await run(process.execPath, [CLI, command, '--jsonl', lines], { env, maxBuffer: 1 << 26 })).stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)
  const [scores, eligibilities] = await Promise.all([jsonl('score'), jsonl('eligibility')])
  CASES.forEach((c, i) => {
    cli.score[c.key] = scores[i] as CliAnswers['score'][string]
    cli.eligibility[c.key] = eligibilities[i]
  })
  // outlook and forecast take one request each: two at a time (the machine's cores).
  const jobs = CASES.flatMap((c, i) => {
    const file = join(tmp, `case-${i}.json`)
    writeFileSync(file, JSON.stringify({ asOf: c.date, profile: c.p.input }))
    return [
      async () => {
        cli.outlook[c.key] = JSON.parse((await run(process.execPath, [CLI, 'outlook', '--json', '--all-rounds', file], { env, maxBuffer: 1 << 26 })).stdout) as CliAnswers['outlook'][string]
      },
      async () => {
        cli.forecast[c.key] = JSON.parse((await run(process.execPath, [CLI, 'forecast', '--json', file], { env, maxBuffer: 1 << 26 })).stdout) as unknown
      },
    ]
  })
  const worker = async (): Promise<void> => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job()
  }
  await Promise.all([worker(), worker()])
}, 300_000)

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('one answer: library, CLI and API agree for every persona and date', () => {
  it('the personas are the dozen of the brief, each with a date before 2025-03-25 and 2026-11-30', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(12)
    for (const p of PERSONAS) {
      expect(p.dates.some((d) => d < '2025-03-25'), p.slug).toBe(true)
      expect(p.dates, p.slug).toContain('2026-11-30')
    }
  })

  it.each(CASES.map((c) => [c.key, c] as const))('%s', async (_key, c) => {
    const { profile } = c.p
    const body = { asOf: c.date, profile: c.p.input }

    // CRS: total and every line.
    const lib = scoreCrs(factorsOf(profile, c.date), c.date)
    const lines = (r: { total: number; core: unknown; spouse: unknown; transferability: unknown; additional: unknown; rules: string }) => plain({ total: r.total, core: r.core, spouse: r.spouse, transferability: r.transferability, additional: r.additional, rules: r.rules })
    const apiScore = (await post('/v1/crs/score', body)) as CliAnswers['score'][string]
    expect(lines(cli.score[c.key]!), 'CLI score --jsonl').toEqual(lines(lib))
    expect(lines(apiScore), 'POST /v1/crs/score').toEqual(lines(lib))

    // Programs and categories: the whole answer, with every unmet condition.
    const e = plain(eligibility(profile, c.date)) as { programs: unknown; categories: unknown }
    const apiE = (await post('/v1/eligibility', body)) as typeof e
    const pick = (x: typeof e) => ({ programs: x.programs, categories: x.categories })
    expect(pick(cli.eligibility[c.key] as typeof e), 'CLI eligibility --jsonl').toEqual(pick(e))
    expect(pick(apiE), 'POST /v1/eligibility').toEqual(pick(e))
    expect(cli.eligibility[c.key], 'CLI eligibility --jsonl vs POST /v1/eligibility, notices and all').toEqual(apiE)
    expect(cli.score[c.key], 'CLI score --jsonl vs POST /v1/crs/score, notices and all').toEqual(apiScore)

    // Past rounds: the same rounds, outcome and score on each.
    const past = pastInvitations({ kind: 'profile', profile }, rounds.filter((r) => r.date <= c.date))
    const rows = (xs: readonly { number: string; outcome: string; score: number }[]) => xs.map((r) => `${r.number} ${r.outcome} ${r.score}`)
    const apiOutlook = (await post('/v1/outlook', body)) as CliAnswers['outlook'][string]
    expect(rows(cli.outlook[c.key]!.pastRounds.rounds), 'CLI outlook --all-rounds').toEqual(rows(past.rounds))
    // The API lists every round too (the CLI lists only those that would have invited unless --all-rounds).
    expect(rows(apiOutlook.pastRounds.rounds), 'POST /v1/outlook').toEqual(rows(past.rounds))
    expect(apiOutlook.score).toBe(lib.total)
    // The rest of the outlook too (what-if, unlocks, timeline, cut-off estimates): one answer.
    expect(cli.outlook[c.key], 'CLI outlook vs POST /v1/outlook').toEqual(apiOutlook)

    // The forecast: the same probabilities, curve and rounds (the record whole to its source's day).
    const f = plain(forecast({ kind: 'profile', profile }, rounds, { asOf: c.date, ...(recordCurrentTo ? { recordCurrentTo } : {}) }))
    const apiF = await post('/v1/forecast', body)
    expect(cli.forecast[c.key], 'CLI forecast --json').toEqual(f)
    expect(apiF, 'POST /v1/forecast').toEqual(f)
  }, 60_000)
})

// ---- honest answers ---------------------------------------------------------------------------------

describe('every "no" names a condition that fails, every "can\'t tell" its reason', () => {
  it.each(CASES.map((c) => [c.key, c] as const))('%s', (_key, c) => {
    const e = eligibility(c.p.profile, c.date)
    for (const [id, r] of Object.entries(e.programs)) {
      if (!r.eligible) expect(r.unmet.length, `${id} answers no without a failing condition`).toBeGreaterThan(0)
      else expect(r.unmet, id).toEqual([])
    }
    for (const r of e.categories) {
      if (r.eligible === false) expect(r.unmet.length, `${r.id} answers no without a failing condition`).toBeGreaterThan(0)
      // Can't tell: no condition fails and at least one is undecided, with its reason.
      if (r.eligible === null) expect({ unmet: r.unmet.filter((u) => u.code !== 'category_list_unknown').length, undecided: (r.undecided?.length ?? 0) > 0 || r.unmet.some((u) => u.code === 'category_list_unknown') }, r.id).toEqual({ unmet: 0, undecided: true })
      if (r.eligible === true) expect(r.unmet, r.id).toEqual([])
    }
    // The forecast says "never eligible" only of a candidate open to no round type on the day, and a can't
    // tell is never counted as a no.
    const f = forecast({ kind: 'profile', profile: c.p.profile }, rounds, { asOf: c.date, ...(recordCurrentTo ? { recordCurrentTo } : {}) })
    // A round type not open on the day with a chance of inviting says from when it opens (the nominee the
    // day before the nomination read "PNP: not open, 93%").
    for (const r of f.rounds) if (r.chance > 0 && r.eligible !== true) expect(typeof r.opensOn, `${r.type}: not open on ${c.date} but ${r.chance}`).toBe('string')
    if (f.reasons.some((r) => r.code === 'never_eligible')) {
      expect(f.rounds.filter((r) => r.eligible !== false).map((r) => r.type)).toEqual([])
      expect(f.probability).toBe(0)
    }
  })
})

// ---- what each persona asks -------------------------------------------------------------------------

const total = (slug: string, date: string): number => scoreCrs(factorsOf(persona(slug).profile, date), date).total
const facts = (slug: string, date: string) => factorsOf(persona(slug).profile, date)

describe('what each persona asks', () => {
  it('the couple: Priya as principal applicant scores 61 more, and the outlook of Arjun\'s profile says so', () => {
    expect(total('couple-priya-principal', '2026-11-30') - total('couple-arjun-principal', '2026-11-30')).toBe(61)
    const swap = whatIf({ kind: 'profile', profile: persona('couple-arjun-principal').profile }, '2026-11-30').changes.find((c) => c.code === 'swap-applicant-and-spouse')
    expect({ gain: swap?.gain, score: swap?.score }).toEqual({ gain: 61, score: 502 })
    // Priya's own outlook lists no swap: it would lower her score.
    expect(whatIf({ kind: 'profile', profile: persona('couple-priya-principal').profile }, '2026-11-30').changes.map((c) => c.code)).not.toContain('swap-applicant-and-spouse')
  })

  it('the French speaker: the 2023 TEF is read on the old scale (NCLC 9/9/9/10) while valid, the 2025 TEF on the 0-699 scale', () => {
    expect(facts('french-tef-old-and-new', '2024-06-01').firstLanguage).toEqual({ language: 'french', clb: { speaking: 10, listening: 9, reading: 9, writing: 9 } })
    expect(facts('french-tef-old-and-new', '2026-11-30').firstLanguage).toEqual({ language: 'french', clb: { speaking: 10, listening: 10, reading: 9, writing: 9 } })
    // Old-scale scores on a test from 2023-12-11 would be read on the new scale; new-scale scores on an older test are refused.
    const p = persona('french-tef-old-and-new').input
    const bad = { ...p, languageTests: [{ test: 'tef-canada', testDate: '2023-12-10', listening: 550, reading: 510, writing: 520, speaking: 560 }] }
    expect(profileSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['languageTests.0.listening', 'languageTests.0.reading', 'languageTests.0.speaking', 'languageTests.0.writing'])
  })

  it('the nurse abroad: the healthcare category with 31301 from abroad (2026: in Canada or abroad), through FSW', () => {
    const e = eligibility(persona('nurse-abroad').profile, '2026-11-30')
    expect({ fsw: e.programs.fsw.eligible, cec: e.programs.cec.eligible, health: e.categories.find((c) => c.id === 'healthcare-social-2026')?.occupation?.noc }).toEqual({ fsw: true, cec: false, health: '31301' })
  })

  it('the nominee: 600 points from the day of the nomination, not the day before', () => {
    expect(total('pnp-nominee', '2026-06-15') - total('pnp-nominee', '2026-06-14')).toBe(600)
  })

  it('the welder: FST (certificate of qualification in 72106) and the trades category, not FSW (CLB 6 < 7)', () => {
    const e = eligibility(persona('welder-fst').profile, '2026-11-30')
    expect({ fst: e.programs.fst.eligible, fsw: e.programs.fsw.unmet.map((u) => u.code), trade: e.categories.find((c) => c.id === 'trade-2026')?.eligible }).toEqual({ fst: true, fsw: ['language_below_minimum', 'grid_below_pass_mark'], trade: true })
  })

  it('the former student: the co-op year counts for FSW, not for CEC or CRS points; CEC and the year open on 2025-05-31, as the outlook says', () => {
    const p = persona('former-student-coop').profile
    expect(facts('former-student-coop', '2025-03-24').canadianWorkYears).toBe(0)
    expect(eligibility(p, '2025-03-24').programs.cec.eligible).toBe(false)
    expect(eligibility(p, '2025-03-24').programs.fsw.eligible).toBe(true)
    expect(eligibility(p, '2025-05-31').programs.cec.eligible).toBe(true)
    expect(eligibility(p, '2025-05-30').programs.cec.eligible).toBe(false)
    // The PGWP job ends on 2025-05-31 but is going on on 2025-03-24: the year accrues on the timeline's day.
    const year = whatIf({ kind: 'profile', profile: p }, '2025-03-24').changes.find((c) => c.code === 'canadian-work-year')
    const entry = timeline({ kind: 'profile', profile: p }, '2025-03-24', 3).changes.find((x) => x.reasons.some((r) => r.startsWith('Canadian work')))
    expect({ whatIf: year?.accruesOn, timeline: entry?.date }).toEqual({ whatIf: '2025-05-31', timeline: '2025-05-31' })
  })

  it('the expiring IELTS: the timeline shows the drop on 2027-01-30, and FSW closes for certain (no valid result)', () => {
    const t = timeline({ kind: 'profile', profile: persona('ielts-expiring').profile }, '2026-11-30', 3)
    expect(t.changes[0]).toMatchObject({ date: '2027-01-30', score: 223, change: -236 })
    expect(eligibility(persona('ielts-expiring').profile, '2027-02-01').programs.fsw.unmet.map((u) => u.code)).toContain('no_language_result')
  })

  it('married to a Canadian citizen: the columns without a spouse and no spouse factors, as if single', () => {
    const married = persona('spouse-canadian-citizen')
    const single = profileSchema.parse({ ...married.input, maritalStatus: 'single', spouse: null })
    for (const d of married.dates) expect(total('spouse-canadian-citizen', d), d).toBe(scoreCrs(factorsOf(single, d), d).total)
    // The funds still count the spouse (decisions.md E9): a family of two.
    expect(eligibility(married.profile, '2026-11-30').programs.fsw.funds?.familySize).toBe(2)
  })

  it('turning 30: -5 on the birthday (29 -> 30, 110 -> 105), the first change of the timeline', () => {
    expect(total('turning-30', '2026-12-20') - total('turning-30', '2026-12-19')).toBe(-5)
    expect(timeline({ kind: 'profile', profile: persona('turning-30').profile }, '2026-11-30', 3).changes[0]).toMatchObject({ date: '2026-12-20', change: -5 })
  })

  it('PTE Core: a test before 2024-01-30 is refused at its field by the library, the CLI (exit 2) and the API (400)', async () => {
    const p = persona('pte-core').input
    const bad = { asOf: '2024-06-01', profile: { ...p, languageTests: [{ test: 'pte-core', testDate: '2024-01-29', listening: 72, reading: 70, writing: 80, speaking: 77 }] } }
    expect(profileSchema.safeParse(bad.profile).error?.issues.map((i) => i.path.join('.'))).toEqual(['languageTests.0.testDate'])
    const file = join(tmp, 'pte-bad.json')
    writeFileSync(file, JSON.stringify(bad))
    const cliRun = await run(process.execPath, [CLI, 'score', '--json', file], { env: { ...process.env, EE_ROUNDS_RECORD: '' } }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }))
    expect(cliRun.code).toBe(2)
    expect(cliRun.stderr).toContain('profile.languageTests.0.testDate')
    const res = await app.request('/v1/crs/score', { method: 'POST', body: JSON.stringify(bad), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['profile.languageTests.0.testDate'])
  })

  it('the sibling in Canada: 15 CRS points and 5 FSW adaptability points; with the TCF at NCLC 7, the French category', () => {
    const e = eligibility(persona('sibling-in-canada').profile, '2026-11-30')
    expect({ sibling: scoreCrs(facts('sibling-in-canada', '2026-11-30'), '2026-11-30').additional.sibling, adaptability: e.programs.fsw.grid.adaptability, french: e.categories.find((c) => c.id === 'french-2026')?.eligible }).toEqual({ sibling: 15, adaptability: 5, french: true })
  })

  it('the Canadian two-year diploma: job-offer points (50) before 2025-03-25 only; the offer still makes FST and waives the funds', () => {
    expect(total('canadian-two-year-diploma', '2025-03-24') - total('canadian-two-year-diploma', '2025-03-25')).toBe(50)
    const e = eligibility(persona('canadian-two-year-diploma').profile, '2026-11-30')
    expect({ fst: e.programs.fst.eligible, waived: e.programs.fsw.funds?.waived }).toEqual({ fst: true, waived: true })
  })
})
