/**
 * Language test results → CLB/NCLC, per ability, by test date. Every boundary is typed from
 * ../shared/research/rules.md §6 (the IRCC equivalency charts, S13, cross-checked with the CRS tool).
 */
import { describe, expect, it } from 'vitest'
import { explainFactors } from '../../src/crs/factors.js'
import { testScoreIssues, toClb, type DesignatedTest, type TestScores } from '../../src/language/tests.js'
import type { Ability } from '../../src/schemas/common.js'
import { languageTestSchema } from '../../src/schemas/profile.js'
import { ieltsClb9, profile } from '../crs/fixtures.js'

const factorsOfLanguage = (p: ReturnType<typeof profile>, asOf: string) => explainFactors(p, asOf).factors.firstLanguage

type Ranges = Readonly<Record<Ability, readonly (readonly [clb: number, low: number, high: number])[]>>

/** Boundary cases of a range table: the low and high end of each row, and one step below the low end. */
function boundaries(test: string, ranges: Ranges, step: number) {
  const cases: (readonly [string, Ability, number, number | 'below 4'])[] = []
  for (const ability of ['reading', 'writing', 'listening', 'speaking'] as const) {
    const rows = ranges[ability]
    rows.forEach(([level, low, high], i) => {
      cases.push([test, ability, low, level], [test, ability, high, level])
      const below = rows[i + 1]
      cases.push([test, ability, low - step, below ? below[0] : 'below 4'])
    })
  }
  return cases
}

function clbOf(test: DesignatedTest, testDate: string, ability: Ability, score: number): number {
  const scores: TestScores = { speaking: 0, listening: 0, reading: 0, writing: 0, [ability]: score }
  return toClb(test, testDate, scores)[ability]
}

function expectLevel(actual: number, expected: number | 'below 4') {
  if (expected === 'below 4') expect(actual).toBeLessThan(4)
  else expect(actual).toBe(expected)
}

// §6.2 IELTS General Training, minimum band per CLB; the top of each row is the next row's minimum - 0.5.
const IELTS_MIN: Readonly<Record<Ability, readonly (readonly [number, number])[]>> = {
  reading: [[10, 8.0], [9, 7.0], [8, 6.5], [7, 6.0], [6, 5.0], [5, 4.0], [4, 3.5]],
  writing: [[10, 7.5], [9, 7.0], [8, 6.5], [7, 6.0], [6, 5.5], [5, 5.0], [4, 4.0]],
  listening: [[10, 8.5], [9, 8.0], [8, 7.5], [7, 6.0], [6, 5.5], [5, 5.0], [4, 4.5]],
  speaking: [[10, 7.5], [9, 7.0], [8, 6.5], [7, 6.0], [6, 5.5], [5, 5.0], [4, 4.0]],
}
const IELTS: Ranges = Object.fromEntries(
  Object.entries(IELTS_MIN).map(([ability, rows]) => [ability, rows.map(([level, min], i) => [level, min, i === 0 ? 9 : rows[i - 1]![1] - 0.5] as const)]),
) as unknown as Ranges

// §6.3 PTE Core
const PTE: Ranges = {
  reading: [[10, 88, 90], [9, 78, 87], [8, 69, 77], [7, 60, 68], [6, 51, 59], [5, 42, 50], [4, 33, 41], [3, 24, 32]],
  writing: [[10, 90, 90], [9, 88, 89], [8, 79, 87], [7, 69, 78], [6, 60, 68], [5, 51, 59], [4, 41, 50], [3, 32, 40]],
  listening: [[10, 89, 90], [9, 82, 88], [8, 71, 81], [7, 60, 70], [6, 50, 59], [5, 39, 49], [4, 28, 38], [3, 18, 27]],
  speaking: [[10, 89, 90], [9, 84, 88], [8, 76, 83], [7, 68, 75], [6, 59, 67], [5, 51, 58], [4, 42, 50], [3, 34, 41]],
}

// §6.4(a) TEF Canada, tests from 2023-12-11 (0-699)
const TEF_NEW: Ranges = {
  reading: [[10, 546, 699], [9, 503, 545], [8, 462, 502], [7, 434, 461], [6, 393, 433], [5, 352, 392], [4, 306, 351]],
  writing: [[10, 558, 699], [9, 512, 557], [8, 472, 511], [7, 428, 471], [6, 379, 427], [5, 330, 378], [4, 268, 329]],
  listening: [[10, 546, 699], [9, 503, 545], [8, 462, 502], [7, 434, 461], [6, 393, 433], [5, 352, 392], [4, 306, 351]],
  speaking: [[10, 556, 699], [9, 518, 555], [8, 494, 517], [7, 456, 493], [6, 422, 455], [5, 387, 421], [4, 328, 386]],
}

// §6.4(b) TEF Canada, old scale (tests before 2023-12-11; the "équivalence ancien score")
const TEF_OLD: Ranges = {
  reading: [[10, 263, 300], [9, 248, 262], [8, 233, 247], [7, 207, 232], [6, 181, 206], [5, 151, 180], [4, 121, 150]],
  writing: [[10, 393, 450], [9, 371, 392], [8, 349, 370], [7, 310, 348], [6, 271, 309], [5, 226, 270], [4, 181, 225]],
  listening: [[10, 316, 360], [9, 298, 315], [8, 280, 297], [7, 249, 279], [6, 217, 248], [5, 181, 216], [4, 145, 180]],
  speaking: [[10, 393, 450], [9, 371, 392], [8, 349, 370], [7, 310, 348], [6, 271, 309], [5, 226, 270], [4, 181, 225]],
}

// §6.5 TCF Canada
const TCF: Ranges = {
  reading: [[10, 549, 699], [9, 524, 548], [8, 499, 523], [7, 453, 498], [6, 406, 452], [5, 375, 405], [4, 342, 374]],
  writing: [[10, 16, 20], [9, 14, 15], [8, 12, 13], [7, 10, 11], [6, 7, 9], [5, 6, 6], [4, 4, 5]],
  listening: [[10, 549, 699], [9, 523, 548], [8, 503, 522], [7, 458, 502], [6, 398, 457], [5, 369, 397], [4, 331, 368]],
  speaking: [[10, 16, 20], [9, 14, 15], [8, 12, 13], [7, 10, 11], [6, 7, 9], [5, 6, 6], [4, 4, 5]],
}

describe('IELTS General Training → CLB (rules.md §6.2)', () => {
  it.each(boundaries('ielts-general', IELTS, 0.5))('%s %s %s → CLB %s', (_t, ability, score, level) => {
    expectLevel(clbOf('ielts-general', '2023-06-01', ability, score), level)
  })

  it('the tool ranges agree: listening 6.0-7.0 is CLB 7, reading 7.0-7.5 is CLB 9', () => {
    for (const band of [6, 6.5, 7]) expect(clbOf('ielts-general', '2023-06-01', 'listening', band)).toBe(7)
    for (const band of [7, 7.5]) expect(clbOf('ielts-general', '2023-06-01', 'reading', band)).toBe(9)
  })

  it.each([9.5, 10, 6.25, -0.5])('band %d is off the scale', (band) => {
    const issues = testScoreIssues('ielts-general', '2023-06-01', { ...ieltsClb9('2023-06-01'), reading: band }, 'languageTests.0')
    expect(issues).toEqual([expect.objectContaining({ path: 'languageTests.0.reading', value: band })])
    expect(issues[0]!.message).toContain('0 to 9 in steps of 0.5')
  })
})

describe('CELPIP-General → CLB (rules.md §6.1)', () => {
  const CELPIP: readonly [number, number | 'below 4'][] = [
    [0, 'below 4'],
    [1, 'below 4'],
    [2, 'below 4'],
    [3, 'below 4'],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 10],
    [12, 10],
  ]
  it.each(CELPIP.flatMap(([level, expected]) => (['reading', 'writing', 'listening', 'speaking'] as const).map((a) => [a, level, expected] as const)))(
    '%s level %i → CLB %s',
    (ability, level, expected) => {
      expectLevel(clbOf('celpip-general', '2016-03-01', ability, level), expected)
    },
  )
})

describe('PTE Core → CLB (rules.md §6.3)', () => {
  it.each(boundaries('pte-core', PTE, 1))('%s %s %s → CLB %s', (_t, ability, score, level) => {
    expectLevel(clbOf('pte-core', '2024-06-01', ability, score), level)
  })

  it.each([
    ['2024-01-29', false],
    ['2024-01-30', true],
  ])('PTE Core taken %s: designated %s (accepted from 2024-01-30, S20)', (testDate, designated) => {
    const issues = testScoreIssues('pte-core', testDate, { speaking: 70, listening: 70, reading: 70, writing: 70 }, 'languageTests.0')
    if (designated) expect(issues).toEqual([])
    else {
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({ path: 'languageTests.0.testDate', value: testDate })
      expect(issues[0]!.message).toContain('2024-01-30')
    }
  })

  it('a PTE Core score below 10 is off the 10-90 scale', () => {
    expect(testScoreIssues('pte-core', '2024-06-01', { speaking: 9, listening: 70, reading: 70, writing: 70 }, 'x')[0]!.message).toContain('from 10 to 90')
  })
})

describe('TEF Canada → NCLC (rules.md §6.4)', () => {
  it.each(boundaries('tef-canada 0-699', TEF_NEW, 1))('%s %s %s → NCLC %s (test on 2023-12-11)', (_t, ability, score, level) => {
    expectLevel(clbOf('tef-canada', '2023-12-11', ability, score), level)
  })

  it.each(boundaries('tef-canada old scale', TEF_OLD, 1))('%s %s %s → NCLC %s (test on 2023-12-10)', (_t, ability, score, level) => {
    expectLevel(clbOf('tef-canada', '2023-12-10', ability, score), level)
  })

  it('the scale is chosen by test date: reading 300 is NCLC 10 on the old scale, below NCLC 4 on the new one', () => {
    expect(clbOf('tef-canada', '2023-12-10', 'reading', 300)).toBe(10)
    expect(clbOf('tef-canada', '2023-12-11', 'reading', 300)).toBeLessThan(4)
  })

  it.each([
    ['listening', 361, '0-360'],
    ['reading', 301, '0-300'],
    ['speaking', 451, '0-450'],
    ['writing', 500, '0-450'],
  ] as const)('a 2020 result with %s %i above the old scale (%s) is rejected, pointing to the équivalence ancien score', (ability, score, _scale) => {
    const scores = { speaking: 300, listening: 300, reading: 250, writing: 300, [ability]: score }
    const issues = testScoreIssues('tef-canada', '2020-05-01', scores, 'languageTests.0')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: `languageTests.0.${ability}`, value: score })
    expect(issues[0]!.message).toContain("'équivalence ancien score'")
  })

  it('the same 2020 result is refused by the Profile schema with the path of the field', () => {
    const r = languageTestSchema.safeParse({ test: 'tef-canada', testDate: '2020-05-01', listening: 400, reading: 250, writing: 300, speaking: 300 })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.path).toEqual(['listening'])
    expect(r.error!.issues[0]!.message).toContain('équivalence ancien score')
  })

  it('a result on the 0-699 scale from 2024 is accepted', () => {
    expect(testScoreIssues('tef-canada', '2024-02-01', { speaking: 600, listening: 600, reading: 600, writing: 600 }, 'x')).toEqual([])
    expect(testScoreIssues('tef-canada', '2024-02-01', { speaking: 700, listening: 600, reading: 600, writing: 600 }, 'x')[0]!.message).toContain('0 to 699')
  })
})

describe('TCF Canada → NCLC (rules.md §6.5)', () => {
  it.each(boundaries('tcf-canada', TCF, 1))('%s %s %s → NCLC %s', (_t, ability, score, level) => {
    expectLevel(clbOf('tcf-canada', '2022-03-01', ability, score), level)
  })

  it.each(['2015-06-01', '2018-06-01', '2018-11-09'])('a TCF Canada taken %s, before it was designated (about November 2018, S21), is refused', (testDate) => {
    const issues = testScoreIssues('tcf-canada', testDate, { speaking: 12, listening: 500, reading: 500, writing: 12 }, 'languageTests.1')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: 'languageTests.1.testDate', value: testDate })
    expect(issues[0]!.message).toMatch(/tcf-canada was not designated for Express Entry on .*; it is accepted for tests from 2018-11/)
  })

  it.each(['2018-11-10', '2019-01-15'])('a TCF Canada taken %s is accepted', (testDate) => {
    expect(testScoreIssues('tcf-canada', testDate, { speaking: 12, listening: 500, reading: 500, writing: 12 }, 'x')).toEqual([])
  })

  it('speaking and writing are scored out of 20', () => {
    expect(testScoreIssues('tcf-canada', '2022-03-01', { speaking: 21, listening: 500, reading: 500, writing: 12 }, 'x')[0]!.message).toContain('from 0 to 20')
  })
})

describe('the conversion is chosen by the test date, not by the day scored (rules.md §6.4: "tests taken on or after 2023-12-11")', () => {
  // §6.4(b) old scale NCLC 10 minimums (reading 263, listening 316, speaking and writing 393), and §6.4(a)
  // 0-699 NCLC 10 minimums (reading and listening 546, writing 558, speaking 556).
  const old = { reading: 263, listening: 316, writing: 393, speaking: 393 }
  const scale699 = { reading: 546, listening: 546, writing: 558, speaking: 556 }
  it.each([
    ['2023-12-10', old, '2023-12-10'],
    ['2023-12-10', old, '2025-06-01'], // scored a year and a half later, under the new table's days: still the old scale
    ['2023-12-11', scale699, '2023-12-11'],
    ['2023-12-11', scale699, '2025-06-01'],
  ] as const)('a TEF Canada taken %s with %j, scored on %s: NCLC 10 in all four', (testDate, scores, asOf) => {
    const p = profile({ firstOfficialLanguage: 'french', languageTests: [{ test: 'tef-canada', testDate, ...scores }] })
    expect(factorsOfLanguage(p, asOf)).toEqual({ language: 'french', clb: { speaking: 10, listening: 10, reading: 10, writing: 10 } })
  })

  it('the old-scale scores of a test taken on 2023-12-11 are read on the 0-699 scale, whatever the day scored', () => {
    const p = profile({ firstOfficialLanguage: 'french', languageTests: [{ test: 'tef-canada', testDate: '2023-12-11', ...old }] })
    for (const asOf of ['2023-12-11', '2025-06-01']) {
      const level = factorsOfLanguage(p, asOf)!.clb
      // §6.4(a): reading 263 < 306 (below NCLC 4); listening 316 in 306-351 (4); writing 393 in 379-427 (6); speaking 393 in 387-421 (5).
      expect(level.reading).toBeLessThan(4)
      expect([level.listening, level.writing, level.speaking]).toEqual([4, 6, 5])
    }
  })
})

describe('results 2 years old on the scoring date do not count (rules.md §6; S4 s.3(4))', () => {
  const p = profile({ languageTests: [ieltsClb9('2023-05-10')] })

  it('the day before the second anniversary the result counts', () => {
    const { factors, notices } = explainFactors(p, '2025-05-09')
    expect(factors.firstLanguage).toEqual({ language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } })
    expect(notices).toEqual([])
  })

  it('on the second anniversary it no longer counts, with a notice saying so', () => {
    const { factors, notices } = explainFactors(p, '2025-05-10')
    expect(factors.firstLanguage).toBeNull()
    expect(notices).toContainEqual(expect.objectContaining({ code: 'language_result_expired', path: 'languageTests.0' }))
    const notice = notices.find((n) => n.code === 'language_result_expired')!
    expect(notice.message).toContain('2023-05-10')
    expect(notice.message).toContain('2 years old')
  })

  it("the spouse's results expire the same way", () => {
    const married = profile({
      maritalStatus: 'married',
      spouse: { accompanying: true, canadianCitizenOrPR: false, languageTests: [ieltsClb9('2023-05-10')] },
    })
    expect(explainFactors(married, '2025-05-09').factors.spouse!.language).toEqual({ speaking: 9, listening: 9, reading: 9, writing: 9 })
    const later = explainFactors(married, '2025-05-10')
    expect(later.factors.spouse!.language).toBeNull()
    expect(later.notices).toContainEqual(expect.objectContaining({ code: 'language_result_expired', path: 'spouse.languageTests.0' }))
  })

  it.each([
    ['2022-02-27', true],
    ['2022-02-28', false],
  ])('a test of 2020-02-29 scored on %s counts: %s (expires on Feb 28 of a common year, docs/decisions.md 12)', (asOf, counts) => {
    const leap = profile({ languageTests: [ieltsClb9('2020-02-29')] })
    expect(factorsOfLanguage(leap, asOf) !== null).toBe(counts)
  })

  it('a result taken after the scoring date does not count either', () => {
    const { factors, notices } = explainFactors(p, '2023-05-09')
    expect(factors.firstLanguage).toBeNull()
    expect(notices).toContainEqual(expect.objectContaining({ code: 'language_result_future' }))
  })
})

describe('tests not designated for Express Entry are refused, naming the one to use', () => {
  it.each([
    ['ielts-academic', 'ielts-general'],
    ['pte-academic', 'pte-core'],
    ['celpip-ls', 'celpip-general'],
  ])('%s → use %s', (test, instead) => {
    const r = languageTestSchema.safeParse({ ...ieltsClb9('2024-06-01'), test })
    expect(r.success).toBe(false)
    expect(r.error!.issues).toHaveLength(1)
    expect(r.error!.issues[0]!.path).toEqual(['test'])
    expect(r.error!.issues[0]!.message).toBe(`${test} is not designated for Express Entry; use ${instead}`)
  })

  it('an unknown test lists the designated ones', () => {
    const r = languageTestSchema.safeParse({ ...ieltsClb9('2024-06-01'), test: 'toefl' })
    expect(r.error!.issues[0]!.message).toBe('unknown test; allowed: ielts-general, celpip-general, pte-core, tef-canada, tcf-canada')
  })
})

describe('results taken before Express Entry opened (2015-01-01)', () => {
  it.each([
    ['ielts-general', { speaking: 7, listening: 8, reading: 7, writing: 7 }],
    ['celpip-general', { speaking: 9, listening: 9, reading: 9, writing: 9 }],
    ['tef-canada', { speaking: 371, listening: 298, reading: 248, writing: 371 }],
  ] as const)('a %s result of 2014-03-01, designated before 2015, converts with the launch table and counts in 2015', (test, scores) => {
    expect(testScoreIssues(test, '2014-03-01', scores, 'x')).toEqual([])
    expect(toClb(test, '2014-03-01', scores)).toEqual({ speaking: 9, listening: 9, reading: 9, writing: 9 })
    const p = profile({ firstOfficialLanguage: test === 'tef-canada' ? 'french' : 'english', languageTests: [{ test, testDate: '2014-03-01', ...scores }] })
    expect(explainFactors(p, '2015-01-01').factors.firstLanguage?.clb).toEqual({ speaking: 9, listening: 9, reading: 9, writing: 9 })
    expect(explainFactors(p, '2016-03-01').notices).toContainEqual(expect.objectContaining({ code: 'language_result_expired' }))
  })

  it.each([
    ['pte-core', { speaking: 70, listening: 70, reading: 70, writing: 70 }],
    ['tcf-canada', { speaking: 12, listening: 500, reading: 500, writing: 12 }],
  ] as const)('a %s result of 2014 is still refused: that test was designated later', (test, scores) => {
    expect(testScoreIssues(test, '2014-03-01', scores, 'x')).toEqual([expect.objectContaining({ path: 'x.testDate' })])
  })
})
