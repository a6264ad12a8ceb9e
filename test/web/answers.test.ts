/**
 * The web journey builds its Profile from the form's answers without loading zod in the browser: the
 * Profile it builds must be one profileSchema accepts and outputs unchanged (the same validation as
 * the CLI and the API), for any answers.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DESIGNATED_TESTS } from '../../src/language/tests.js'
import { profileSchema } from '../../src/schemas/profile.js'
import { checksOf, emptyAnswers, missingAnswers, toProfile, type Answers } from '../../web/src/journey/answers.js'

const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const maybeDate = fc.oneof(date, fc.constant(''), fc.constant('2026-02-30'))
const yesNo = fc.constantFrom('', 'yes', 'no') as fc.Arbitrary<'' | 'yes' | 'no'>
const num = (min: number, max: number) => fc.oneof(fc.integer({ min, max }).map(String), fc.constant(''), fc.constant('-3'), fc.constant('7.5'))
const credential = fc.record({ level: fc.constantFrom('', 'secondary', 'one-year', 'two-year', 'bachelors', 'masters', 'doctoral'), inCanada: yesNo, years: num(0, 20), completedOn: maybeDate, ecaOn: maybeDate })
const test = fc.record({ test: fc.constantFrom('', ...DESIGNATED_TESTS), date: maybeDate, speaking: num(0, 12), listening: num(0, 12), reading: num(0, 12), writing: num(0, 12) }) as fc.Arbitrary<Answers['tests'][number]>
const job = fc.record({ noc: fc.constantFrom('', '21232', '33102', '72410', '1234'), inCanada: yesNo, from: maybeDate, to: maybeDate, hours: num(0, 200), selfEmployed: fc.boolean(), student: fc.boolean() }, { requiredKeys: ['noc', 'inCanada', 'from', 'to', 'hours', 'selfEmployed'] })
const person = fc.record({ dob: maybeDate, education: fc.array(credential, { maxLength: 3 }), tests: fc.array(test, { maxLength: 3 }), work: fc.array(job, { maxLength: 3 }) })
const answers: fc.Arbitrary<Answers> = fc
  .record({
    asOf: date,
    dob: maybeDate,
    marital: fc.constantFrom('', 'single', 'married', 'common-law', 'separated', 'divorced', 'annulled', 'widowed'),
    spouseCitizen: yesNo,
    spouseComing: yesNo,
    children: num(0, 5),
    firstLanguage: fc.constantFrom('', 'english', 'french') as fc.Arbitrary<Answers['firstLanguage']>,
    person,
    spouse: person,
    certificate: yesNo,
    certificateNoc: fc.constantFrom('', '72410'),
    nomination: yesNo,
    nominationOn: maybeDate,
    jobOffer: yesNo,
    jobOfferNoc: fc.constantFrom('', '21232'),
    sibling: yesNo,
    funds: num(0, 100000),
  })
  .map(({ person: p, ...rest }) => ({ ...emptyAnswers(), ...rest, ...p }))

describe('toProfile', () => {
  it('a blank form gives no Profile and names what the score needs', () => {
    expect(toProfile(emptyAnswers())).toBeNull()
    expect(missingAnswers(emptyAnswers())).toEqual(['dob', 'marital'])
    expect(missingAnswers({ ...emptyAnswers(), dob: '1990-01-01', marital: 'married' })).toEqual(['spouseCitizen'])
    expect(missingAnswers({ ...emptyAnswers(), dob: '1990-01-01', marital: 'married', spouseCitizen: 'no' })).toEqual(['spouseComing'])
    expect(missingAnswers({ ...emptyAnswers(), dob: '1990-01-01', marital: 'annulled' })).toEqual([])
  })

  it('any answers: the Profile built is accepted by profileSchema and comes out unchanged', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const profile = toProfile(a)
        if (profile === null) return missingAnswers(a).length > 0 || checksOf(a).blocking.length > 0
        const parsed = profileSchema.safeParse(profile)
        expect(parsed.error?.issues ?? []).toEqual([])
        expect(parsed.data).toEqual(profile)
        return true
      }),
      { numRuns: 400 },
    )
  })

  it('work while a full-time student is marked as such (it is not Canadian work); answers saved before the question read as not', () => {
    const row = { noc: '21232', inCanada: 'yes', from: '2024-01-01', to: '', hours: '20', selfEmployed: false } as const
    const work = (student?: boolean) => toProfile({ ...emptyAnswers(), dob: '1990-01-01', marital: 'single', work: [student === undefined ? row : { ...row, student }] })!.work[0]!.fullTimeStudent
    expect([work(true), work(false), work()]).toEqual([true, false, false])
  })

  it('a spouse who is a citizen or does not come brings no facts of their own to the Profile', () => {
    const a: Answers = { ...emptyAnswers(), dob: '1990-01-01', marital: 'married', spouseCitizen: 'yes', spouse: { dob: '1991-01-01', education: [{ level: 'masters', inCanada: 'yes', years: '2', completedOn: '2015-01-01', ecaOn: '' }], tests: [], work: [] } }
    expect(toProfile(a)!.spouse).toEqual({ accompanying: false, canadianCitizenOrPR: true, dateOfBirth: '1991-01-01', education: [], languageTests: [], work: [] })
  })
})
