/**
 * language.tcf-canada — TCF Canada → NCLC: reading and listening 0-699, speaking and writing 0-20
 * (S13, S23; tool S10, S11). Accepted for Express Entry from November 2018 (S21; the exact designation
 * day is unconfirmed, we use 2018-11-10, the date of the report: docs/decisions.md).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED, type TestConversion } from './shared.js'

export const tcfCanadaTable = defineRule<TestConversion>({
  id: 'language.tcf-canada',
  title: 'TCF Canada to NCLC',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    { from: '2015-01-01', sources: [cite('TCF-2018', 'TCF Canada not yet accepted')], value: null, note: 'Not a designated test for Express Entry before November 2018.' },
    {
      from: '2018-11-10',
      sources: [cite('TCF-2018', 'TCF Canada accepted'), cite('LANGUAGE-EQUIVALENCY', 'TCF Canada'), cite('CRS-TOOL', 'TCF table')],
      value: {
        scale: {
          reading: { min: 0, max: 699, step: 1 },
          listening: { min: 0, max: 699, step: 1 },
          speaking: { min: 0, max: 20, step: 1 },
          writing: { min: 0, max: 20, step: 1 },
        },
        levels: {
          reading: [[10, 549], [9, 524], [8, 499], [7, 453], [6, 406], [5, 375], [4, 342]],
          writing: [[10, 16], [9, 14], [8, 12], [7, 10], [6, 7], [5, 6], [4, 4]],
          listening: [[10, 549], [9, 523], [8, 503], [7, 458], [6, 398], [5, 369], [4, 331]],
          speaking: [[10, 16], [9, 14], [8, 12], [7, 10], [6, 7], [5, 6], [4, 4]],
        },
        scaleNote: 'TCF Canada: reading and listening 0-699, speaking and writing 0-20',
      },
    },
  ],
})
