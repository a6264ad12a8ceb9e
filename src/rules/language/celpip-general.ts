/**
 * language.celpip-general — CELPIP-General level → CLB: levels 4 to 9 are the same CLB; 10, 11 and 12
 * are CLB 10 (S13; tool S10, S11, S12). "M" and levels 0-3 are below CLB 4 (enter M as 0). CELPIP-LS
 * is not designated for Express Entry.
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED, sameScale, type LevelRows, type TestConversion } from './shared.js'

const levelIsClb: LevelRows = [[10, 10], [9, 9], [8, 8], [7, 7], [6, 6], [5, 5], [4, 4], [3, 3], [2, 2], [1, 1]]

export const celpipGeneralTable = defineRule<TestConversion>({
  id: 'language.celpip-general',
  title: 'CELPIP-General to CLB',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    {
      from: '2015-01-01',
      sources: [cite('LANGUAGE-EQUIVALENCY', 'CELPIP-General'), cite('CRS-TOOL', 'CELPIP levels')],
      value: {
        scale: sameScale({ min: 0, max: 12, step: 1 }),
        levels: { speaking: levelIsClb, listening: levelIsClb, reading: levelIsClb, writing: levelIsClb },
        scaleNote: 'CELPIP levels 0-12; enter M as 0',
      },
    },
  ],
})
