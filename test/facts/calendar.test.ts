/**
 * The change calendar on the facts whose days are hardest to come by in generated profiles: a job in
 * Canada that starts or ends while a job offer waives the settlement funds (FSW), a Feb 29 birthday,
 * and an ECA that ages out. Each answer must hold on every day before the day the calendar gives, and
 * change on that day; the pool's derived columns must not outlive it.
 */
import { describe, expect, it } from 'vitest'
import { addDays, toDayNumber } from '../../src/domain/dates.js'
import { isEligibleForProgram } from '../../src/eligibility/index.js'
import { checkFsw, fswRules } from '../../src/eligibility/fsw.js'
import { ChangeCalendar, nextBirthday, ruleDays } from '../../src/facts/calendar.js'
import { ProfileFacts } from '../../src/facts/profile-facts.js'
import { deriveAt } from '../../src/pool/derived.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { fromDayNumber } from '../../src/domain/dates.js'
import { job, makeProfile } from '../eligibility/helpers.js'

const FSW_RULE_DAYS = ruleDays(fswRules)

/** The day the calendar says checkFsw's answer on `asOf` may change. */
function fswHoldsUntil(profile: ReturnType<typeof makeProfile>, asOf: string): string {
  const f = new ProfileFacts(profile, asOf)
  const mark = f.beginAnswer()
  checkFsw(f, null)
  const { reads, fromCount, edges } = f.endAnswer(mark)
  return fromDayNumber(new ChangeCalendar(profile).holdsUntil(f, FSW_RULE_DAYS, reads, edges === null ? f.counts.length : fromCount, edges ?? undefined))
}

describe('the change calendar', () => {
  // FSW without funds, but with a job offer: the funds are waived while working in Canada.
  const offerNoFunds = { settlementFundsCad: 0, jobOffer: { noc: '21231', lmiaExempt: false } }

  it.each([
    { name: 'a job in Canada starts: the funds are waived from its first day', work: [job('21231', '2018-01-01', '2024-12-31'), job('21231', '2026-03-10', null, { country: 'CA' })], asOf: '2026-03-01', changesOn: '2026-03-10' },
    { name: 'a job in Canada ends: the waiver ends the day after its last', work: [job('21231', '2018-01-01', '2024-12-31'), job('21231', '2025-06-01', '2026-03-20', { country: 'CA' })], asOf: '2026-03-01', changesOn: '2026-03-21' },
  ])('$name', ({ work, asOf, changesOn }) => {
    const p = makeProfile({ ...offerNoFunds, work })
    const before = isEligibleForProgram(p, 'fsw', addDays(changesOn, -1))
    expect(isEligibleForProgram(p, 'fsw', changesOn)).toBe(!before)
    const until = fswHoldsUntil(p, asOf)
    expect(until <= changesOn, `the FSW answer of ${asOf} holds until ${until}, past ${changesOn}`).toBe(true)
    expect(fromDayNumber(deriveAt(p, asOf, realEligibility()).until) <= changesOn).toBe(true)
  })

  it.each([
    { dob: '1996-02-29', on: '2026-01-15', next: '2026-03-01' },
    { dob: '1996-02-29', on: '2027-12-31', next: '2028-02-29' },
    { dob: '1990-07-04', on: '2026-07-04', next: '2027-07-04' },
    { dob: '1990-07-04', on: '2026-07-03', next: '2026-07-04' },
  ])('born $dob: on $on the age next changes on $next', ({ dob, on, next }) => {
    expect(fromDayNumber(nextBirthday(dob, on))).toBe(next)
  })

  it('an ECA that turns 5 years old ends the answers that read the credentials on that day', () => {
    const p = makeProfile({ education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2017-06-30', eca: { organization: 'WES', issuedOn: '2021-04-15' } }] })
    expect(isEligibleForProgram(p, 'fsw', '2026-04-14')).toBe(true)
    expect(isEligibleForProgram(p, 'fsw', '2026-04-15')).toBe(false)
    expect(toDayNumber(fswHoldsUntil(p, '2026-03-01'))).toBeLessThanOrEqual(toDayNumber('2026-04-15'))
  })
})
