/**
 * The candidate's answers as the form holds them (strings, as typed), kept on the device
 * (localStorage), and the Profile built from them. A shared link carries them in its hash
 * (`#answers=`), only when the candidate copies it.
 * @module
 */
import type { DesignatedTest } from '../../../src/language/tests.js'
import type { Credential, Job, LanguageTest, Profile } from '../../../src/schemas/profile.js'
import { testScoreIssues } from '../../../src/language/tests.js'
import { isIsoDate } from '../../../src/domain/dates.js'
import { checkAnswers, parseAmount, parseNumber, testIssues, type Checks } from './checks.js'

export type YesNo = '' | 'yes' | 'no'

export interface CredentialAnswer {
  level: string
  inCanada: YesNo
  years: string
  completedOn: string
  ecaOn: string
}

export interface TestAnswer {
  test: '' | DesignatedTest
  date: string
  speaking: string
  listening: string
  reading: string
  writing: string
}

export interface JobAnswer {
  /** The NOC 2021 code chosen (five digits), or '' while searching. */
  noc: string
  /** The words typed in the occupation field while no occupation is chosen (so the row is seen as begun). */
  nocText?: string
  inCanada: YesNo
  from: string
  to: string
  hours: string
  selfEmployed: boolean
  /** Work while a full-time student (it does not count as Canadian work: IRPR 87.1(3)); absent in answers saved before it was asked. */
  student?: boolean
}

export interface PersonAnswers {
  dob: string
  education: CredentialAnswer[]
  tests: TestAnswer[]
  work: JobAnswer[]
}

export interface Answers extends PersonAnswers {
  asOf: string
  marital: string
  spouseCitizen: YesNo
  spouseComing: YesNo
  children: string
  firstLanguage: '' | 'english' | 'french'
  spouse: PersonAnswers
  certificate: YesNo
  certificateNoc: string
  nomination: YesNo
  nominationOn: string
  jobOffer: YesNo
  jobOfferNoc: string
  sibling: YesNo
  funds: string
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10)

export const emptyCredential = (): CredentialAnswer => ({ level: '', inCanada: '', years: '', completedOn: '', ecaOn: '' })
export const emptyTest = (): TestAnswer => ({ test: '', date: '', speaking: '', listening: '', reading: '', writing: '' })
export const emptyJob = (): JobAnswer => ({ noc: '', inCanada: '', from: '', to: '', hours: '', selfEmployed: false, student: false })
const emptyPerson = (): PersonAnswers => ({ dob: '', education: [emptyCredential()], tests: [emptyTest()], work: [emptyJob()] })

/** A blank form: nothing pre-filled but the scoring day (today). */
export function emptyAnswers(): Answers {
  return { asOf: todayIso(), marital: '', spouseCitizen: '', spouseComing: '', children: '0', firstLanguage: '', ...emptyPerson(), spouse: emptyPerson(), certificate: 'no', certificateNoc: '', nomination: 'no', nominationOn: '', jobOffer: 'no', jobOfferNoc: '', sibling: 'no', funds: '' }
}

const KEY = 'ee-answers'

/** The answers to open with: a shared link's, else those kept on this device, else a blank form. */
export function loadAnswers(): Answers {
  const hash = new URLSearchParams(location.hash.slice(1)).get('answers')
  if (hash) {
    try {
      const shared = JSON.parse(decodeURIComponent(escape(atob(hash.replace(/-/g, '+').replace(/_/g, '/'))))) as Partial<Answers>
      history.replaceState(null, '', location.pathname + location.search)
      const answers = { ...emptyAnswers(), ...shared }
      saveAnswers(answers)
      return answers
    } catch {
      // a damaged link: fall back to what the device holds
    }
  }
  try {
    const kept = localStorage.getItem(KEY)
    if (kept) return { ...emptyAnswers(), ...(JSON.parse(kept) as Partial<Answers>) }
  } catch {
    // storage disabled or damaged: start blank
  }
  return emptyAnswers()
}

export function saveAnswers(a: Answers): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(a))
  } catch {
    // storage disabled: the answers live as long as the page
  }
}

export function forgetAnswers(): void {
  try {
    localStorage.removeItem(KEY)
    localStorage.removeItem(VISIT_KEY)
  } catch {
    // nothing kept
  }
}

/**
 * The last visit whose answers were checked against the record, kept beside the answers: its day and
 * the newest round the record held then (by number: a round published before that day but added to
 * the record after the visit is still news on the next one).
 */
export interface Visit {
  readonly on: string
  readonly lastRound: string | null
}

const VISIT_KEY = 'ee-answers-visit'

export function loadVisit(): Visit | null {
  try {
    const v = JSON.parse(localStorage.getItem(VISIT_KEY) ?? 'null') as Partial<Visit> | null
    return v && typeof v.on === 'string' && isDate(v.on) ? { on: v.on, lastRound: typeof v.lastRound === 'string' ? v.lastRound : null } : null
  } catch {
    return null
  }
}

export function saveVisit(v: Visit): void {
  try {
    localStorage.setItem(VISIT_KEY, JSON.stringify(v))
  } catch {
    // storage disabled: every visit is a first one
  }
}

/** A link that opens the form with these answers (they travel in the hash, which is never sent to a server). */
export function shareLink(a: Answers): string {
  const packed = btoa(unescape(encodeURIComponent(JSON.stringify(a)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${location.origin}${location.pathname}${location.search}#answers=${packed}`
}

/** A real calendar date written YYYY-MM-DD (the library's own check). */
export const isDate = (s: string): boolean => isIsoDate(s)
export const partnered = (a: Answers): boolean => a.marital === 'married' || a.marital === 'common-law'
/** The spouse's own facts score (and are asked) only when the spouse comes and is not a citizen or PR. */
export const spouseScores = (a: Answers): boolean => partnered(a) && a.spouseCitizen === 'no' && a.spouseComing === 'yes'

/** Country code for "outside Canada" when the country itself does not matter to the rules. */
const ABROAD = 'ZZ'

/** A credential row that can count: a level, where, the date completed, a program of 0 to 15 years. */
export function credentialComplete(c: CredentialAnswer): boolean {
  return Boolean(c.level && c.inCanada && isDate(c.completedOn) && (c.years === '' || (Number(c.years) >= 0 && Number(c.years) <= 15)))
}

function credentials(list: readonly CredentialAnswer[]): Credential[] {
  return list
    .filter(credentialComplete)
    .map((c) => ({
      level: c.level as Credential['level'],
      country: c.inCanada === 'yes' ? 'CA' : ABROAD,
      programYears: c.years === '' ? (c.level === 'secondary' ? 0 : c.level === 'one-year' ? 1 : c.level === 'two-year' ? 2 : 3) : Number(c.years),
      completedOn: c.completedOn,
      eca: c.inCanada === 'no' && isDate(c.ecaOn) ? { organization: 'ECA', issuedOn: c.ecaOn } : null,
    }))
}

const complete = (t: TestAnswer): boolean => t.test !== '' && isDate(t.date) && [t.speaking, t.listening, t.reading, t.writing].every((s) => s !== '')

/** The complete rows whose scores are on the test's scale (the others are flagged beside their fields: checks.ts). */
function tests(list: readonly TestAnswer[]): LanguageTest[] {
  return list
    .filter((t) => complete(t) && testIssues(t).length === 0)
    .map((t) => ({ test: t.test as DesignatedTest, testDate: t.date, speaking: parseNumber(t.speaking), listening: parseNumber(t.listening), reading: parseNumber(t.reading), writing: parseNumber(t.writing) }))
    .filter((t) => testScoreIssues(t.test, t.testDate, t, '').length === 0)
}

/** A job row that can count: an occupation chosen, where, a start, hours within a week, an end after the start. */
export function jobComplete(j: JobAnswer): boolean {
  return /^\d{5}$/.test(j.noc) && j.inCanada !== '' && isDate(j.from) && Number(j.hours) > 0 && Number(j.hours) <= 168 && (!isDate(j.to) || j.to >= j.from)
}

function jobs(list: readonly JobAnswer[]): Job[] {
  return list
    .filter(jobComplete)
    .map((j) => ({ noc: j.noc, country: j.inCanada === 'yes' ? 'CA' : ABROAD, from: j.from, to: isDate(j.to) ? j.to : null, hoursPerWeek: Number(j.hours), selfEmployed: j.selfEmployed, fullTimeStudent: j.student === true }))
}

const FRENCH_TESTS = new Set(['tef-canada', 'tcf-canada'])

/** What is still needed before a score can be given (keys of the form's questions). */
export function missingAnswers(a: Answers): string[] {
  const missing: string[] = []
  // A birth date that cannot be (in the future, after the scoring day...) is said next to the field (checkAnswers).
  if (!isDate(a.dob)) missing.push('dob')
  if (!a.marital) missing.push('marital')
  if (partnered(a) && !a.spouseCitizen) missing.push('spouseCitizen')
  if (partnered(a) && a.spouseCitizen === 'no' && !a.spouseComing) missing.push('spouseComing')
  return missing
}

/** What the answers cannot be used as they are, what is pending, and what blocks the score (checks.ts). */
export function checksOf(a: Answers): Checks {
  return checkAnswers(a, spouseScores(a), todayIso(), jobComplete, credentialComplete)
}

/**
 * The Profile of the answers (built complete, as profileSchema would output it: test/web/answers.test.ts
 * checks that the schema accepts it unchanged), or null while a question needed to score is
 * unanswered or the date of birth cannot be. Rows left incomplete (a test without its scores) are left
 * out; the form says so beside them.
 */
function fundsField(text: string): { settlementFundsCad?: number } {
  const funds = fundsOf(text)
  return funds === null ? {} : { settlementFundsCad: funds }
}

/** The settlement funds answered, in CAD (at most 1e12), or null when blank or not an amount (not said: nothing is sent). */
export function fundsOf(text: string): number | null {
  if (text.trim() === '') return null
  const funds = parseAmount(text)
  return Number.isNaN(funds) || funds < 0 ? null : Math.min(1e12, funds)
}

export function toProfile(a: Answers): Profile | null {
  if (missingAnswers(a).length > 0) return null
  const checks = checksOf(a)
  if (checks.blocking.length > 0) return null
  const spouseDobOk = !checks.issues.some((i) => i.target === a.spouse && i.field === 'dob')
  const firstTest = a.tests.find(complete)
  const firstLanguage = a.firstLanguage || (firstTest && FRENCH_TESTS.has(firstTest.test) ? 'french' : 'english')
  const withSpouse = partnered(a)
  return {
    id: 'me',
    submittedAt: `${isDate(a.asOf) ? a.asOf : todayIso()}T00:00:00Z`,
    dateOfBirth: a.dob,
    maritalStatus: a.marital as Profile['maritalStatus'],
    spouse: withSpouse
      ? {
          accompanying: a.spouseCitizen === 'no' && a.spouseComing === 'yes',
          canadianCitizenOrPR: a.spouseCitizen === 'yes',
          ...(isDate(a.spouse.dob) && spouseDobOk && a.spouse.dob <= todayIso() && (!isDate(a.asOf) || a.spouse.dob <= a.asOf) ? { dateOfBirth: a.spouse.dob } : {}),
          education: spouseScores(a) ? credentials(a.spouse.education) : [],
          languageTests: spouseScores(a) ? tests(a.spouse.tests) : [],
          work: spouseScores(a) ? jobs(a.spouse.work) : [],
        }
      : null,
    education: credentials(a.education),
    languageTests: tests(a.tests),
    firstOfficialLanguage: firstLanguage as Profile['firstOfficialLanguage'],
    work: jobs(a.work),
    certificateOfQualification: a.certificate === 'yes' && /^\d{5}$/.test(a.certificateNoc) ? { noc: a.certificateNoc, province: 'ON' } : null,
    provincialNomination: a.nomination === 'yes' ? { province: 'ON', nominatedOn: isDate(a.nominationOn) ? a.nominationOn : a.asOf } : null,
    jobOffer: a.jobOffer === 'yes' && /^\d{5}$/.test(a.jobOfferNoc) ? { noc: a.jobOfferNoc, lmiaExempt: false } : null,
    siblingInCanada: a.sibling === 'yes',
    // Blank, or not an amount: not said (none sent), so the library answers can't tell where funds are needed (E21), never CAD 0.
    ...fundsField(a.funds),
    dependentChildren: Math.max(0, Math.min(30, Math.trunc(parseNumber(a.children) || 0))),
  }
}
