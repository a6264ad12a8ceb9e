/**
 * What the form's answers cannot be used as they are, said next to the field, and what the results
 * therefore cannot tell. Pure (no DOM, no words): web/src/journey/check-text.ts words the codes in the
 * page's language, and test/web/checks.test.ts checks them.
 *
 * - An issue is attached to one answer (a row object, or the answers themselves) and one of its fields.
 * - A row begun but not counted yet (a job whose occupation is not chosen, a test without its date, a
 *   score off the scale, funds not a number) is pending: the programs and categories it could change
 *   are "can't tell", never "not eligible", while every condition they fail is one it could change.
 * - A date of birth that cannot be (in the future, an age over 100 or under 16, after a credential, a test
 *   or a job) blocks the score: the field says why, and so do the results.
 * @module
 */
import { ABILITIES } from '../../../src/domain/words.js'
import { fullYearsBetween, isIsoDate } from '../../../src/domain/dates.js'
import type { UnmetCode } from '../../../src/eligibility/types.js'
import { conversionFor, type DesignatedTest } from '../../../src/language/tests.js'
import type { Answers, CredentialAnswer, JobAnswer, PersonAnswers, TestAnswer } from './answers.js'

export type IssueCode =
  | 'dob_future'
  | 'dob_after_asof'
  | 'dob_too_old'
  | 'dob_too_young'
  | 'dob_after_row'
  | 'test_missing'
  | 'test_date_missing'
  | 'test_not_designated'
  | 'score_missing'
  | 'score_not_number'
  | 'score_off_scale'
  | 'occupation_not_chosen'
  | 'funds_not_number'
  | 'funds_negative'
  | 'children_invalid'
  | 'years_invalid'
  | 'hours_invalid'
  | 'job_ends_before_start'

export interface Issue {
  /** The answer the field belongs to: the Answers, a PersonAnswers, or one row. */
  readonly target: object
  /** The field: 'dob', 'funds', 'children', 'test', 'date', 'speaking'..., 'noc'. */
  readonly field: string
  readonly code: IssueCode
  readonly params: Readonly<Record<string, string | number>>
}

/** What a pending row is and what would make it count. */
export type PendingFix = 'occupation' | 'job' | 'test_date' | 'test_scores' | 'test' | 'credential' | 'funds' | 'funds_missing' | 'children'

export interface Pending {
  readonly kind: 'job' | 'test' | 'credential' | 'funds' | 'offer' | 'certificate'
  /** The row's number (1 for the first job), 0 for funds, the job offer and the certificate. */
  readonly n: number
  readonly spouse: boolean
  readonly fix: PendingFix
  /** The library's codes of unmet conditions this row could change once counted. */
  readonly affects: readonly UnmetCode[]
}

export interface Checks {
  readonly issues: readonly Issue[]
  readonly pending: readonly Pending[]
  /** Issues that stop the score (the date of birth): shown next to the field and in the results. */
  readonly blocking: readonly Issue[]
}

/** A number as typed: a comma is taken as the decimal mark ("7,5" on a French keyboard). */
export function parseNumber(s: string): number {
  const t = s.trim().replace(',', '.')
  return t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number.NaN : Number(t)
}

/** An amount as typed: spaces and thousands commas are allowed ("20 000", "20,000"). */
export function parseAmount(s: string): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '')
  return parseNumber(/^[+-]?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t)
}

const LANGUAGE: readonly UnmetCode[] = ['no_language_result', 'language_below_minimum', 'grid_below_pass_mark', 'no_french_result', 'french_below_minimum']
const WORK: readonly UnmetCode[] = ['experience_insufficient', 'canadian_experience_insufficient', 'trade_experience_insufficient', 'grid_below_pass_mark', 'category_experience_insufficient', 'settlement_funds_insufficient']
const EDUCATION: readonly UnmetCode[] = ['no_education', 'grid_below_pass_mark', 'military_credential_missing']
const FUNDS: readonly UnmetCode[] = ['settlement_funds_insufficient']
/** Funds not given, or not an amount: the page sends none, and the library answers can't tell (settlement_funds_unknown, docs/decisions.md E21). */
const FUNDS_UNSAID: readonly UnmetCode[] = ['settlement_funds_unknown']
/** A job offer: FST's offer, FSW's arranged employment (grid) and funds waiver, skilled military recruits' offer. */
const OFFER: readonly UnmetCode[] = ['no_offer_or_certificate', 'grid_below_pass_mark', 'settlement_funds_insufficient', 'canadian_armed_forces_offer_missing']
const CERTIFICATE: readonly UnmetCode[] = ['no_offer_or_certificate']
/** A spouse's rows change only the FSW grid (adaptability). */
const SPOUSE: readonly UnmetCode[] = ['grid_below_pass_mark']

export const testStarted = (t: TestAnswer): boolean => Boolean(t.test || t.date || t.speaking || t.listening || t.reading || t.writing)
export const jobStarted = (j: JobAnswer): boolean => Boolean(j.noc || j.nocText || j.inCanada || j.from || j.to || j.hours)
const credentialStarted = (c: CredentialAnswer): boolean => Boolean(c.level || c.inCanada || c.completedOn || c.years)

/** The issues of one language test row (none for a row not begun). */
export function testIssues(t: TestAnswer): Issue[] {
  if (!testStarted(t)) return []
  const issues: Issue[] = []
  const add = (field: string, code: IssueCode, params: Record<string, string | number> = {}) => issues.push({ target: t, field, code, params })
  if (!t.test) add('test', 'test_missing')
  if (!isIsoDate(t.date)) add('date', 'test_date_missing')
  const conversion = t.test && isIsoDate(t.date) ? conversionFor(t.test as DesignatedTest, t.date) : null
  if (t.test && isIsoDate(t.date) && !conversion) add('date', 'test_not_designated', { test: t.test, date: t.date })
  for (const ability of ABILITIES) {
    const raw = t[ability]
    if (raw.trim() === '') add(ability, 'score_missing', { ability })
    else if (Number.isNaN(parseNumber(raw))) add(ability, 'score_not_number', { ability, value: raw.trim() })
    else if (conversion) {
      const score = parseNumber(raw)
      const { min, max, step } = conversion.scale[ability]
      const onStep = Math.abs(score / step - Math.round(score / step)) < 1e-9
      if (!(score >= min && score <= max && onStep)) add(ability, 'score_off_scale', { test: t.test, ability, value: raw.trim(), min, max, step, date: t.date })
    }
  }
  return issues
}

/** A job row that can count (answers.ts jobComplete), and why not. */
function jobFix(j: JobAnswer, complete: (j: JobAnswer) => boolean): PendingFix | null {
  if (!jobStarted(j) || complete(j)) return null
  return /^\d{5}$/.test(j.noc) ? 'job' : 'occupation'
}

function personChecks(p: PersonAnswers, spouse: boolean, jobComplete: (j: JobAnswer) => boolean, credentialComplete: (c: CredentialAnswer) => boolean): { issues: Issue[]; pending: Pending[] } {
  const issues: Issue[] = []
  const pending: Pending[] = []
  p.tests.forEach((t, i) => {
    const own = testIssues(t)
    issues.push(...own)
    if (own.length > 0) {
      const fix: PendingFix = own.some((x) => x.code === 'test_date_missing') ? 'test_date' : own.some((x) => x.field !== 'test' && x.field !== 'date') ? 'test_scores' : 'test'
      pending.push({ kind: 'test', n: i + 1, spouse, fix, affects: spouse ? SPOUSE : LANGUAGE })
    }
  })
  p.work.forEach((j, i) => {
    const fix = jobFix(j, jobComplete)
    if (fix === 'occupation') issues.push({ target: j, field: 'noc', code: 'occupation_not_chosen', params: { text: (j.nocText ?? '').trim() } })
    // The fields that keep a begun row from counting (answers.ts jobComplete) are said beside themselves, not only as the row's "not counted yet".
    if (j.hours !== '' && !(Number(j.hours) > 0 && Number(j.hours) <= 168)) issues.push({ target: j, field: 'hours', code: 'hours_invalid', params: { value: j.hours.trim() } })
    if (isIsoDate(j.from) && isIsoDate(j.to) && j.to < j.from) issues.push({ target: j, field: 'to', code: 'job_ends_before_start', params: { from: j.from, to: j.to } })
    if (fix) pending.push({ kind: 'job', n: i + 1, spouse, fix, affects: spouse ? SPOUSE : WORK })
  })
  p.education.forEach((c, i) => {
    if (c.years !== '' && !(Number(c.years) >= 0 && Number(c.years) <= 15)) issues.push({ target: c, field: 'years', code: 'years_invalid', params: { value: c.years.trim() } })
    if (credentialStarted(c) && !credentialComplete(c)) pending.push({ kind: 'credential', n: i + 1, spouse, fix: 'credential', affects: spouse ? SPOUSE : EDUCATION })
  })
  return { issues, pending }
}

/**
 * A date of birth that cannot be: after today or the scoring day, an age over 100 or under 16 on the
 * scoring day, or after a credential's completion, its ECA, a test or a job's start.
 */
export function dobIssues(target: object, dob: string, asOf: string, today: string, p: PersonAnswers | null): Issue[] {
  if (!isIsoDate(dob)) return []
  const issue = (code: IssueCode, params: Record<string, string | number> = {}): Issue => ({ target, field: 'dob', code, params: { dob, ...params } })
  if (dob > today) return [issue('dob_future')]
  if (isIsoDate(asOf) && dob > asOf) return [issue('dob_after_asof', { asOf })]
  const on = isIsoDate(asOf) ? asOf : today
  const age = fullYearsBetween(dob, on)
  if (age > 100) return [issue('dob_too_old', { age, asOf: on })]
  if (age < 16) return [issue('dob_too_young', { age, asOf: on })]
  if (!p) return []
  const dated: [string, number, string][] = [
    ...p.education.map((c, i) => ['credential', i + 1, c.completedOn] as [string, number, string]),
    // The ECA counts only for studies outside Canada (answers.ts), and the library refuses one issued before the birth.
    ...p.education.filter((c) => c.inCanada === 'no').map((c) => ['eca', p.education.indexOf(c) + 1, c.ecaOn] as [string, number, string]),
    ...p.tests.map((t, i) => ['test', i + 1, t.date] as [string, number, string]),
    ...p.work.map((j, i) => ['job', i + 1, j.from] as [string, number, string]),
  ]
  const first = dated.find(([, , d]) => isIsoDate(d) && d < dob)
  return first ? [issue('dob_after_row', { row: first[0], n: first[1], date: first[2] })] : []
}

/** A job offer or certificate of qualification answered yes, its occupation not chosen: not counted yet. */
function occupationIssues(a: Answers): { issues: Issue[]; pending: Pending[] } {
  const issues: Issue[] = []
  const pending: Pending[] = []
  const asked: [Answers['jobOffer'], string, 'offer' | 'certificate', string, readonly UnmetCode[]][] = [
    [a.certificate, a.certificateNoc, 'certificate', 'certNoc', CERTIFICATE],
    [a.jobOffer, a.jobOfferNoc, 'offer', 'offerNoc', OFFER],
  ]
  for (const [answer, noc, kind, field, affects] of asked) {
    if (answer !== 'yes' || /^\d{5}$/.test(noc)) continue
    issues.push({ target: a, field, code: 'occupation_not_chosen', params: { row: kind } })
    pending.push({ kind, n: 0, spouse: false, fix: 'occupation', affects })
  }
  return { issues, pending }
}

/** Settlement funds and children: numbers, not negative. */
function amountIssues(a: Answers): { issues: Issue[]; pending: Pending[] } {
  const issues: Issue[] = []
  const pending: Pending[] = []
  // Funds not given are not known: none are sent, and a program that needs them is the library's "can't tell".
  if (a.funds.trim() === '') pending.push({ kind: 'funds', n: 0, spouse: false, fix: 'funds_missing', affects: FUNDS_UNSAID })
  else {
    const funds = parseAmount(a.funds)
    if (Number.isNaN(funds)) issues.push({ target: a, field: 'funds', code: 'funds_not_number', params: { value: a.funds.trim() } })
    else if (funds < 0) issues.push({ target: a, field: 'funds', code: 'funds_negative', params: { value: a.funds.trim() } })
    if (issues.length > 0) pending.push({ kind: 'funds', n: 0, spouse: false, fix: 'funds', affects: FUNDS_UNSAID })
  }
  if (a.children.trim() !== '') {
    const n = parseNumber(a.children)
    if (!(Number.isInteger(n) && n >= 0 && n <= 30)) {
      issues.push({ target: a, field: 'children', code: 'children_invalid', params: { value: a.children.trim() } })
      pending.push({ kind: 'funds', n: 0, spouse: false, fix: 'children', affects: FUNDS })
    }
  }
  return { issues, pending }
}

/**
 * Every issue of the answers, the rows pending, and what blocks the score. `spouseCounts`: the
 * spouse's facts are asked (and scored); `today` is the device's day.
 */
export function checkAnswers(a: Answers, spouseCounts: boolean, today: string, jobComplete: (j: JobAnswer) => boolean, credentialComplete: (c: CredentialAnswer) => boolean): Checks {
  const blocking = dobIssues(a, a.dob, a.asOf, today, a)
  const me = personChecks(a, false, jobComplete, credentialComplete)
  const spouse = spouseCounts ? personChecks(a.spouse, true, jobComplete, credentialComplete) : { issues: [], pending: [] }
  // The spouse's date of birth is not scored: one that cannot be is said, and left out of the Profile.
  const spouseDob = spouseCounts ? dobIssues(a.spouse, a.spouse.dob, a.asOf, today, a.spouse) : []
  const occupations = occupationIssues(a)
  const amounts = amountIssues(a)
  return { issues: [...blocking, ...spouseDob, ...me.issues, ...spouse.issues, ...occupations.issues, ...amounts.issues], pending: [...me.pending, ...spouse.pending, ...occupations.pending, ...amounts.pending], blocking }
}

