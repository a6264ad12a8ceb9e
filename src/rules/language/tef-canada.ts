/**
 * language.tef-canada — TEF Canada → NCLC, chosen by test date.
 * - Tests before 2023-12-11: the old scale (reading 0-300, listening 0-360, speaking and writing 0-450),
 *   as in the CRS tool (S10, S11, S12) and S26. Results of tests taken 2019-10-01 to 2023-12-10 carry this
 *   score as the "équivalence ancien score"; we convert that one (docs/decisions.md, rules.md §12.1).
 * - Tests on or after 2023-12-11: the 0-699 scale in all four abilities (S13, S23).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED, sameScale, type TestConversion } from './shared.js'

export const tefCanadaTable = defineRule<TestConversion>({
  id: 'language.tef-canada',
  title: 'TEF Canada to NCLC',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [cite('LANGUAGE-EQUIVALENCY', 'TEF Canada (old scale; "équivalence ancien score")'), cite('CRS-TOOL', 'TEF table')],
      value: {
        scale: {
          reading: { min: 0, max: 300, step: 1 },
          listening: { min: 0, max: 360, step: 1 },
          speaking: { min: 0, max: 450, step: 1 },
          writing: { min: 0, max: 450, step: 1 },
        },
        levels: {
          reading: [[10, 263], [9, 248], [8, 233], [7, 207], [6, 181], [5, 151], [4, 121]],
          writing: [[10, 393], [9, 371], [8, 349], [7, 310], [6, 271], [5, 226], [4, 181]],
          listening: [[10, 316], [9, 298], [8, 280], [7, 249], [6, 217], [5, 181], [4, 145]],
          speaking: [[10, 393], [9, 371], [8, 349], [7, 310], [6, 271], [5, 226], [4, 181]],
        },
        scaleNote: "tests before 2023-12-11 use the old scale (reading 0-300, listening 0-360, speaking and writing 0-450); for tests from 2019-10-01 enter the 'équivalence ancien score' printed on the result",
      },
    },
    {
      from: '2023-12-11',
      sources: [cite('LANGUAGE-EQUIVALENCY', 'TEF Canada, tests taken after December 10, 2023')],
      value: {
        scale: sameScale({ min: 0, max: 699, step: 1 }),
        levels: {
          reading: [[10, 546], [9, 503], [8, 462], [7, 434], [6, 393], [5, 352], [4, 306]],
          writing: [[10, 558], [9, 512], [8, 472], [7, 428], [6, 379], [5, 330], [4, 268]],
          listening: [[10, 546], [9, 503], [8, 462], [7, 434], [6, 393], [5, 352], [4, 306]],
          speaking: [[10, 556], [9, 518], [8, 494], [7, 456], [6, 422], [5, 387], [4, 328]],
        },
        scaleNote: 'tests from 2023-12-11 use the 0-699 scale in all four abilities',
      },
    },
  ],
})
