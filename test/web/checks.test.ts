/**
 * What the journey cannot use as typed (web/src/journey/checks.ts), and the verdicts it gives then
 * (results.ts judge): a row begun but not counted makes "can't tell" of every program or category whose
 * failing conditions it could change; a condition it cannot change keeps the no.
 */
import { describe, expect, it } from 'vitest'
import type { UnmetCondition } from '../../src/eligibility/types.js'
import { checksOf, emptyAnswers, emptyJob, emptyTest, toProfile, type Answers } from '../../web/src/journey/answers.js'
import { parseAmount, parseNumber } from '../../web/src/journey/checks.js'
import { eligibility } from '../../src/eligibility/index.js'

const base = (): Answers => ({ ...emptyAnswers(), asOf: '2026-11-29', dob: '1995-01-01', marital: 'single', funds: '20000' })

describe('checks', () => {
  it('an occupation typed but not chosen: the job is pending, with the occupation to choose', () => {
    const a = base()
    a.work = [{ ...emptyJob(), nocText: 'engineer' }]
    const c = checksOf(a)
    expect(c.issues.map((i) => [i.field, i.code])).toEqual([['noc', 'occupation_not_chosen']])
    expect(c.pending).toEqual([expect.objectContaining({ kind: 'job', n: 1, fix: 'occupation', affects: expect.arrayContaining(['canadian_experience_insufficient', 'category_experience_insufficient']) })])
  })

  it('a test without its date, a score off the scale, not a number, or missing: one issue per field', () => {
    const a = base()
    a.tests = [{ ...emptyTest(), test: 'ielts-general', date: '', speaking: '7', listening: '7', reading: '7', writing: '7' }, { test: 'ielts-general', date: '2026-01-01', speaking: '10', listening: 'seven', reading: '', writing: '7,5' }]
    const c = checksOf(a)
    expect(c.issues.map((i) => [i.target === a.tests[0] ? 1 : 2, i.field, i.code])).toEqual([
      [1, 'date', 'test_date_missing'],
      [2, 'speaking', 'score_off_scale'],
      [2, 'listening', 'score_not_number'],
      [2, 'reading', 'score_missing'],
    ])
    expect(c.pending.map((p) => [p.n, p.fix])).toEqual([[1, 'test_date'], [2, 'test_scores']])
    expect(toProfile(a)!.languageTests).toEqual([])
  })

  it('the date of birth: in the future, after the scoring day, an age over 100, or after a dated row, blocks the score', () => {
    const codes = (patch: Partial<Answers>) => checksOf({ ...base(), ...patch }).blocking.map((i) => i.code)
    expect(codes({ dob: '2999-01-01' })).toEqual(['dob_future'])
    expect(codes({ dob: '2020-01-01', asOf: '2019-01-01' })).toEqual(['dob_after_asof'])
    expect(codes({ dob: '1826-01-01' })).toEqual(['dob_too_old'])
    expect(codes({ dob: '2015-01-01' })).toEqual(['dob_too_young'])
    expect(codes({ work: [{ ...emptyJob(), noc: '21231', inCanada: 'yes', from: '1990-01-01', hours: '40' }] })).toEqual(['dob_after_row'])
    // An ECA issued before the birth (the library refuses such a Profile), for studies outside Canada only: a Canadian credential's ECA is not counted.
    const eca = (inCanada: 'yes' | 'no') => checksOf({ ...base(), education: [{ level: 'bachelors', inCanada, years: '4', completedOn: '2018-06-01', ecaOn: '1990-01-01' }] }).blocking.map((i) => [i.code, i.params.row])
    expect([eca('no'), eca('yes')]).toEqual([[['dob_after_row', 'eca']], []])
    expect(toProfile({ ...base(), dob: '1826-01-01' })).toBeNull()
    expect(codes({})).toEqual([])
  })

  it('a job offer or certificate answered yes without its occupation: pending, and left out of the Profile until chosen', () => {
    const a = { ...base(), jobOffer: 'yes', certificate: 'yes' } satisfies Answers
    const c = checksOf(a)
    expect(c.issues.map((i) => [i.field, i.code, i.params.row])).toEqual([
      ['certNoc', 'occupation_not_chosen', 'certificate'],
      ['offerNoc', 'occupation_not_chosen', 'offer'],
    ])
    expect(c.pending.map((p) => [p.kind, p.fix])).toEqual([['certificate', 'occupation'], ['offer', 'occupation']])
    // An offer can change FST, FSW's grid (arranged employment), the funds (waived) and the military category.
    expect(c.pending[1]!.affects).toEqual(expect.arrayContaining(['no_offer_or_certificate', 'grid_below_pass_mark', 'settlement_funds_insufficient', 'canadian_armed_forces_offer_missing']))
    const p = toProfile(a)!
    expect([p.jobOffer, p.certificateOfQualification]).toEqual([null, null])
    const chosen = checksOf({ ...a, jobOfferNoc: '72106', certificateNoc: '72106' })
    expect([chosen.issues, chosen.pending]).toEqual([[], []])
    expect(toProfile({ ...a, jobOfferNoc: '72106' })!.jobOffer).toEqual({ noc: '72106', lmiaExempt: false })
  })

  // A program of 40 years, an end before the start, 0 or 200 hours a week: the row read only "not counted yet",
  // with nothing beside the field that kept it so. Each such field now says why, and the row stays out.
  it.each([
    ['a program of 40 years', { education: [{ level: 'bachelors', inCanada: 'no', years: '40', completedOn: '2018-06-01', ecaOn: '' }] }, [['years', 'years_invalid']], 'credential'],
    ['a program of "abc" years', { education: [{ level: 'bachelors', inCanada: 'no', years: 'abc', completedOn: '2018-06-01', ecaOn: '' }] }, [['years', 'years_invalid']], 'credential'],
    ['a job ending before it starts', { work: [{ ...emptyJob(), noc: '21231', inCanada: 'no', from: '2020-01-01', to: '2019-01-01', hours: '40' }] }, [['to', 'job_ends_before_start']], 'job'],
    ['a job of 0 hours a week', { work: [{ ...emptyJob(), noc: '21231', inCanada: 'no', from: '2020-01-01', hours: '0' }] }, [['hours', 'hours_invalid']], 'job'],
    ['a job of 200 hours a week', { work: [{ ...emptyJob(), noc: '21231', inCanada: 'no', from: '2020-01-01', hours: '200' }] }, [['hours', 'hours_invalid']], 'job'],
    ['a job ending the day it starts, 168 hours', { work: [{ ...emptyJob(), noc: '21231', inCanada: 'no', from: '2020-01-01', to: '2020-01-01', hours: '168' }] }, [], null],
    ['a program of 15 years, or not said', { education: [{ level: 'bachelors', inCanada: 'no', years: '15', completedOn: '2018-06-01', ecaOn: '' }, { level: 'bachelors', inCanada: 'no', years: '', completedOn: '2018-06-01', ecaOn: '' }] }, [], null],
  ] as const)('%s: said beside its field', (_, patch, issues, pendingKind) => {
    const c = checksOf({ ...base(), ...(patch as unknown as Partial<Answers>) })
    expect(c.issues.map((i) => [i.field, i.code])).toEqual(issues)
    expect(c.pending.map((p) => p.kind)).toEqual(pendingKind ? [pendingKind] : [])
  })

  it('funds: negative or not a number refused; none given is not known', () => {
    const fix = (funds: string) => checksOf({ ...base(), funds }).pending.map((p) => p.fix)
    expect(fix('-500')).toEqual(['funds'])
    expect(fix('lots')).toEqual(['funds'])
    expect(fix('')).toEqual(['funds_missing'])
    expect(fix('20 000')).toEqual([])
    // Blank or not an amount: no funds are sent (not said, E21), never CAD 0.
    for (const funds of ['-500', 'lots', '', '  ']) expect('settlementFundsCad' in toProfile({ ...base(), funds })!, funds).toBe(false)
    expect(toProfile({ ...base(), funds: '20 000' })!.settlementFundsCad).toBe(20_000)
    expect(toProfile({ ...base(), funds: '0' })!.settlementFundsCad).toBe(0)
    expect(parseAmount('20,000')).toBe(20000)
    expect(parseNumber('7,5')).toBe(7.5)
    expect(parseNumber('seven')).toBeNaN()
  })
})

// results.ts loads the page's words (i18n reads the page's URL): judged here through a minimal window.
describe('judge', async () => {
  Object.assign(globalThis, { location: new URL('http://x/calculator'), navigator: { language: 'en' }, localStorage: { getItem: () => null }, document: { documentElement: {} } })
  const { judge, verdicts } = await import('../../web/src/journey/results.js')
  const u = (code: UnmetCondition['code']) => ({ code, message: code, source: { ruleId: '', title: '', pinpoint: '', url: '' } }) as UnmetCondition
  const a = base()
  a.work = [{ ...emptyJob(), nocText: 'engineer' }]
  const pending = checksOf(a).pending

  it('each failing condition one a pending row could change: can\'t tell', () => {
    expect(judge(false, [u('canadian_experience_insufficient')], pending).verdict).toBe('unknown')
  })
  it('a condition no pending row could change: no, with the rows the others wait for', () => {
    const j = judge(false, [u('trade_experience_insufficient'), u('no_offer_or_certificate')], pending)
    expect(j.verdict).toBe('no')
    expect(j.firm.map((x) => x.code)).toEqual(['no_offer_or_certificate'])
    expect(j.why).toHaveLength(1)
  })
  it.each([
    // funds typed, verdict of the page = the library's answer for FSW (yes, can't tell, no)
    { funds: '', fsw: 'unknown', why: ['funds_missing'] },
    { funds: 'lots', fsw: 'unknown', why: ['funds'] },
    { funds: '20000', fsw: 'yes', why: [] },
    { funds: '100', fsw: 'no', why: [] },
  ])("funds '$funds': one answer, the library's (FSW $fsw), the page's pending row behind a can't tell (E21)", ({ funds, fsw, why }) => {
    // A software developer abroad for 6 years, a bachelor's with an ECA, CLB 9: FSW only, if the funds are there.
    const a: Answers = {
      ...base(),
      funds,
      firstLanguage: 'english',
      education: [{ level: 'bachelors', inCanada: 'no', completedOn: '2018-05-31', years: '4', ecaOn: '2024-03-01' }],
      tests: [{ ...emptyTest(), test: 'celpip-general', date: '2026-03-15', speaking: '9', listening: '9', reading: '9', writing: '9' }],
      work: [{ ...emptyJob(), noc: '21232', inCanada: 'no', from: '2019-06-01', to: '2025-12-31', hours: '40' }],
    }
    const checks = checksOf(a)
    const profile = toProfile(a)!
    const r = eligibility(profile, a.asOf)
    const j = verdicts(r, checks.pending).programs.fsw
    const library = r.programs.fsw.eligible === null ? 'unknown' : r.programs.fsw.eligible ? 'yes' : 'no'
    expect([j.verdict, library]).toEqual([fsw, fsw])
    expect(j.why.map((p) => p.fix)).toEqual(why)
  })

  it('nothing pending: the library\'s answer', () => {
    expect(judge(false, [u('canadian_experience_insufficient')], []).verdict).toBe('no')
    expect(judge(true, [], pending).verdict).toBe('yes')
  })
})
