/**
 * The sentences of web/src/journey/check-text.ts in English (it loads one language's only; the French,
 * web/src/words/checks.fr.ts, implements the same `CheckWords`, so both have every sentence).
 * @module
 */
import type { IssueCode, PendingFix } from '../journey/checks.js'

type Value = string | number | undefined
/** The parameters of an issue, dates already written as the page's language writes them. */
export type Params = Readonly<Record<string, string | number>>

/** What the sentences take from the page: an ability's name as the form labels it, a test's name. */
export interface CheckHelpers {
  ability(a: Value): string
  testName(t: string): string
}

/** The sentences of check-text.ts in one language. */
export interface CheckWords {
  /** 0.5 in English, 0,5 in French. */
  dec(n: Value): string
  /** "0 to 9, in steps of 0.5" or "0 to 699". */
  range(min: Value, max: Value, step: Value): string
  /** "Job 1", "your spouse’s Language test 2"; the job offer and the certificate are one each (n 0). */
  rowName(kind: Value, n: Value, spouse?: boolean): string
  /** The message next to a field. */
  issue(code: IssueCode, p: Params, x: CheckHelpers): string
  /** What would make a pending row count; `row` is its rowName. */
  pending(fix: PendingFix, row: string): string
  cantTell(fixes: readonly string[]): string
  notCountedShort(fixes: readonly string[]): string
  notCounted(fixes: readonly string[]): string
  summaryUnknown(score: number): string
  /** "No program yet on what is counted; can’t tell: …", from cantTell's sentence. */
  invitedUnknown(cantTell: string): string
  /** TEF Canada's two scales: `fromText` the new scale's first day, `now` and `was` the scales' spans. */
  readonly tef: {
    undated(fromText: string, now: string, was: string): string
    after(fromText: string, now: string): string
    before(fromText: string, was: string): string
  }
  /** ": " or "\u00a0: ", between a test's name and its scale. */
  readonly colon: string
}

const dec = (n: Value): string => String(n)
const ROW: Record<string, string> = { credential: 'Credential', test: 'Language test', job: 'Job', offer: 'the job offer', certificate: 'the certificate of qualification' }
const rowName = (kind: Value, n: Value, spouse = false): string => `${spouse ? 'your spouse’s ' : ''}${ROW[String(kind)] ?? String(kind)}${Number(n) > 0 ? ` ${n}` : ''}`
const ancien = 'if the result shows an “équivalence ancien score”, enter that'
const cantTell = (fixes: readonly string[]): string => `Can’t tell: ${fixes.join('; ')}.`

export const en: CheckWords = {
  dec,
  range: (min, max, step) => (Number(step) === 1 ? `${min} to ${max}` : `${min} to ${dec(max)}, in steps of ${dec(step)}`),
  rowName,
  issue(code, p, { ability, testName }) {
    switch (code) {
      case 'dob_future':
        return 'The date of birth is in the future.'
      case 'dob_after_asof':
        return `The date of birth is after the scoring day (${p.asOf}).`
      case 'dob_too_old':
        return `This date of birth gives an age of ${p.age} on ${p.asOf}: check it.`
      case 'dob_too_young':
        return `This date of birth gives an age of ${p.age} on ${p.asOf}: check it.`
      case 'dob_after_row': {
        if (p.row === 'eca') return `The date of birth is after the ECA of ${rowName('credential', p.n)} (issued on ${p.date}): check the dates.`
        const what = p.row === 'credential' ? 'completed' : p.row === 'test' ? 'taken' : 'started'
        return `The date of birth is after ${rowName(p.row, p.n)} (${what} on ${p.date}): check the dates.`
      }
      case 'test_missing':
        return 'Choose the test.'
      case 'test_date_missing':
        return 'Enter the test date: the scale and the conversion depend on it.'
      case 'test_not_designated':
        return `${testName(String(p.test))} was not accepted for Express Entry on ${p.date}.`
      case 'score_missing':
        return `Enter the ${ability(p.ability)} score.`
      case 'score_not_number':
        return `“${p.value}” is not a number: enter the ${ability(p.ability)} score as printed on the result.`
      case 'score_off_scale':
        return `${testName(String(p.test))}, ${ability(p.ability)}: ${dec(p.value)} is not on the scale (${en.range(p.min, p.max, p.step)}).`
      case 'occupation_not_chosen': {
        const what = p.row === 'offer' ? 'the job offer is' : p.row === 'certificate' ? 'the certificate is' : 'the job is'
        return `Choose the occupation from the list: ${what} not counted until you do.`
      }
      case 'funds_not_number':
        return `“${p.value}” is not an amount: enter the funds in Canadian dollars, digits only.`
      case 'funds_negative':
        return 'Funds cannot be negative.'
      case 'children_invalid':
        return 'Enter a whole number from 0 to 30.'
      case 'years_invalid':
        return 'Enter the length of the program in years, from 0 to 15: the credential is not counted until you do.'
      case 'hours_invalid':
        return 'Enter the hours worked in a week, more than 0 and at most 168: the job is not counted until you do.'
      case 'job_ends_before_start':
        return `The end (${p.to}) is before the start (${p.from}): the job is not counted until you correct it.`
    }
  },
  pending(fix, row) {
    switch (fix) {
      case 'occupation':
        return `choose the occupation for ${row}`
      case 'job':
        return `complete ${row}`
      case 'test_date':
        return `enter the test date (${row})`
      case 'test_scores':
        return `correct the scores of ${row}`
      case 'test':
        return `complete ${row}`
      case 'credential':
        return `complete ${row}`
      case 'funds':
        return 'correct the settlement funds'
      case 'funds_missing':
        return 'enter your settlement funds'
      case 'children':
        return 'correct the number of dependent children'
    }
  },
  cantTell,
  notCountedShort: (fixes) => `The other conditions can’t be told yet: ${fixes.join('; ')}.`,
  notCounted: (fixes) => `Not counted yet: ${fixes.join('; ')}. The score and the verdicts leave these answers out until then.`,
  summaryUnknown: (score) => `CRS ${score} · can’t tell yet`,
  invitedUnknown: (text) => `No program yet on what is counted; ${text.replace(/^Can’t tell/, 'can’t tell')}`,
  tef: {
    undated: (fromText, now, was) => `TEF Canada: tests taken from ${fromText} use the ${now} scale; before, the old scale (${was}; ${ancien}).`,
    after: (fromText, now) => `TEF Canada, test taken from ${fromText}: the ${now} scale in all four abilities (not the old scale used before).`,
    before: (fromText, was) => `TEF Canada, test taken before ${fromText}: the old scale (${was}); ${ancien}.`,
  },
  colon: ': ',
}
