/**
 * language.ielts-general — IELTS General Training band → CLB, per ability: the minimum band for each
 * CLB (IRCC equivalency chart, transcribed in S13; the CRS tool's ranges S10, S11, S12 agree). IELTS
 * Academic is not designated for Express Entry.
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED, sameScale, type TestConversion } from './shared.js'

export const ieltsGeneralTable = defineRule<TestConversion>({
  id: 'language.ielts-general',
  title: 'IELTS General Training to CLB',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [cite('LANGUAGE-EQUIVALENCY', 'IELTS General Training'), cite('CRS-TOOL', 'IELTS ranges')],
      value: {
        scale: sameScale({ min: 0, max: 9, step: 0.5 }),
        levels: {
          reading: [[10, 8], [9, 7], [8, 6.5], [7, 6], [6, 5], [5, 4], [4, 3.5]],
          writing: [[10, 7.5], [9, 7], [8, 6.5], [7, 6], [6, 5.5], [5, 5], [4, 4]],
          listening: [[10, 8.5], [9, 8], [8, 7.5], [7, 6], [6, 5.5], [5, 5], [4, 4.5]],
          speaking: [[10, 7.5], [9, 7], [8, 6.5], [7, 6], [6, 5.5], [5, 5], [4, 4]],
        },
      },
    },
  ],
})
