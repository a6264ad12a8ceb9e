/**
 * Language test results → CLB/NCLC per ability, with the conversion in force on the test date.
 * @module
 */
import type { IsoDate } from '../domain/dates.js'
import type { InputIssue } from '../errors.js'
import { ABILITIES } from '../schemas/constants.js'
import type { Abilities, OfficialLanguage } from '../schemas/common.js'
import type { Rule } from '../rules/rule.js'
import type { LevelRows, TestConversion } from '../rules/language/shared.js'
import { celpipGeneralTable } from '../rules/language/celpip-general.js'
import { ieltsGeneralTable } from '../rules/language/ielts-general.js'
import { pteCoreTable } from '../rules/language/pte-core.js'
import { tcfCanadaTable } from '../rules/language/tcf-canada.js'
import { tefCanadaTable } from '../rules/language/tef-canada.js'

export const DESIGNATED_TESTS = ['ielts-general', 'celpip-general', 'pte-core', 'tef-canada', 'tcf-canada'] as const
export type DesignatedTest = (typeof DESIGNATED_TESTS)[number]

/** Tests that exist but are not designated for Express Entry, with the one to use instead. */
export const NOT_DESIGNATED: Readonly<Record<string, DesignatedTest>> = {
  'ielts-academic': 'ielts-general',
  'pte-academic': 'pte-core',
  'celpip-ls': 'celpip-general',
}

const TABLES: Readonly<Record<DesignatedTest, Rule<TestConversion>>> = {
  'ielts-general': ieltsGeneralTable,
  'celpip-general': celpipGeneralTable,
  'pte-core': pteCoreTable,
  'tef-canada': tefCanadaTable,
  'tcf-canada': tcfCanadaTable,
}

/** The official language a test measures. */
export function languageOfTest(test: DesignatedTest): OfficialLanguage {
  return test === 'tef-canada' || test === 'tcf-canada' ? 'french' : 'english'
}

/** The first day of the tables: Express Entry opened on 2015-01-01. */
const TABLES_FROM = '2015-01-01'

/**
 * The conversion for a test taken on `testDate`, or null when the test was not designated that day.
 * IELTS General Training, CELPIP-General and TEF Canada were designated before Express Entry opened, and
 * a result taken in 2013 or 2014 was still valid in 2015 (rules.md §6: results count for 2 years): such a
 * result converts with the table in force on 2015-01-01.
 */
export function conversionFor(test: DesignatedTest, testDate: IsoDate): TestConversion | null {
  return TABLES[test].valueAt(testDate < TABLES_FROM ? TABLES_FROM : testDate)
}

/** The first date a test was designated for Express Entry. */
function designatedFrom(test: DesignatedTest): IsoDate {
  return TABLES[test].versions.find((v) => v.value !== null)!.from
}

/** One ability's rows as parallel typed arrays (minimum score, CLB), highest CLB first. */
interface CompiledRows {
  readonly minimums: Float64Array
  readonly levels: Int8Array
}

function compileRows(rows: LevelRows): CompiledRows {
  return { minimums: Float64Array.from(rows, ([, minimum]) => minimum), levels: Int8Array.from(rows, ([clb]) => clb) }
}

/** The four abilities' rows of one conversion, compiled once: every profile scored converts its tests. */
const compiled = new WeakMap<TestConversion, readonly [CompiledRows, CompiledRows, CompiledRows, CompiledRows]>()

function compiledRowsOf(conversion: TestConversion) {
  let rows = compiled.get(conversion)
  if (!rows) {
    const { levels } = conversion
    rows = [compileRows(levels.speaking), compileRows(levels.listening), compileRows(levels.reading), compileRows(levels.writing)]
    compiled.set(conversion, rows)
  }
  return rows
}

function levelOf(rows: CompiledRows, score: number): number {
  const { minimums, levels } = rows
  for (let i = 0; i < minimums.length; i++) if (score >= minimums[i]!) return levels[i]!
  return 0
}

/** Scores per ability on the test's own scale. */
export type TestScores = Readonly<Record<(typeof ABILITIES)[number], number>>

/**
 * What is wrong with a test result's scores for its test and date, as issues under `path`: a test not
 * designated on that date, or a score off the test's scale.
 */
export function testScoreIssues(test: DesignatedTest, testDate: IsoDate, scores: TestScores, path: string): InputIssue[] {
  const conversion = conversionFor(test, testDate)
  if (!conversion) {
    return [{ path: `${path}.testDate`, message: `${test} was not designated for Express Entry on ${testDate}; it is accepted for tests from ${designatedFrom(test)}`, value: testDate }]
  }
  const issues: InputIssue[] = []
  for (const ability of ABILITIES) {
    const { min, max, step } = conversion.scale[ability]
    const score = scores[ability]
    const onStep = Math.abs(score / step - Math.round(score / step)) < 1e-9
    if (!(score >= min && score <= max && onStep)) {
      const allowed = step === 1 ? `whole numbers from ${min} to ${max}` : `${min} to ${max} in steps of ${step}`
      const note = conversion.scaleNote ? ` (${conversion.scaleNote})` : ''
      issues.push({ path: `${path}.${ability}`, message: `${test} ${ability} score ${score} is off the scale: allowed ${allowed}${note}`, value: score })
    }
  }
  return issues
}

/** CLB/NCLC per ability of a designated test's scores, by the conversion in force on the test date. */
export function toClb(test: DesignatedTest, testDate: IsoDate, scores: TestScores): Abilities {
  const conversion = conversionFor(test, testDate)
  if (!conversion) return { speaking: 0, listening: 0, reading: 0, writing: 0 }
  const [speaking, listening, reading, writing] = compiledRowsOf(conversion)
  return {
    speaking: levelOf(speaking, scores.speaking),
    listening: levelOf(listening, scores.listening),
    reading: levelOf(reading, scores.reading),
    writing: levelOf(writing, scores.writing),
  }
}
