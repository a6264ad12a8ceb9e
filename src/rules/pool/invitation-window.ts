/**
 * pool.invitation-window — Days a candidate has, from the invitation, to submit a complete application
 * (e-APR); no response by then and the invitation expires (rules.md §9; timeline §11). The window is
 * the one in force on the day the invitation was issued: 60 days at launch, 90 from 2016-11-19, 60 for
 * invitations issued after 2018-06-26, 90 during COVID-19 from March 2020, 60 again from 2021-06-29.
 */
import type { IsoDate } from '../../domain/dates.js'
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { POOL_LAST_VERIFIED } from './shared.js'

export const invitationWindow = defineRule<{ readonly days: number }>({
  id: 'pool.invitation-window',
  title: 'Days to submit an application after an invitation',
  lastVerified: POOL_LAST_VERIFIED,
  versions: [
    { from: '2015-01-01', sources: [cite('MI-EE-2014', 'an invited candidate has 60 days to make an application')], value: { days: 60 } },
    { from: '2016-11-19', sources: [cite('ITA-WINDOW-2016', 'the time to submit an application after an invitation goes from 60 to 90 days')], value: { days: 90 } },
    { from: '2018-06-27', sources: [cite('ITA-WINDOW-2018', '60 days for invitations issued after 2018-06-26')], value: { days: 60 } },
    {
      from: '2020-03-01',
      sources: [cite('ITA-WINDOW-COVID', 'in March 2020 the application period was extended from 60 to 90 days')],
      value: { days: 90 },
      note: 'The sources give the month only (March 2020), not the day: the first of the month is taken, so the round of 2020-03-04 gets 90 days (docs/decisions.md).',
    },
    { from: '2021-06-29', sources: [cite('IRCC-PDU-2021-EAPR', 'a complete e-APR within 60 calendar days of being issued an invitation; previously 90')], value: { days: 60 } },
  ],
})

/** Days to answer an invitation issued on `at` (a date, or an instant whose date is taken). */
export function invitationWindowDays(at: IsoDate | string): number {
  return invitationWindow.at(at.slice(0, 10)).value.days
}
