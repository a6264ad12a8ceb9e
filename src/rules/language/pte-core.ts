/**
 * language.pte-core — PTE Core points (10-90) → CLB. Designated for Express Entry from 2024-01-30 (S20);
 * not before. PTE Academic is not designated. Minimums per CLB from the IRCC chart (S13; tool S10).
 */
import { cite } from '../sources.js'
import { defineRule } from '../rule.js'
import { LANGUAGE_LAST_VERIFIED, sameScale, type TestConversion } from './shared.js'

export const pteCoreTable = defineRule<TestConversion>({
  id: 'language.pte-core',
  title: 'PTE Core to CLB',
  lastVerified: LANGUAGE_LAST_VERIFIED,
  versions: [
    { from: '2015-01-01', sources: [cite('PTE-CORE-2024', 'PTE Core not yet designated')], value: null, note: 'Not a designated test before 2024-01-30.' },
    {
      from: '2024-01-30',
      sources: [cite('PTE-CORE-2024', 'PTE Core designated'), cite('LANGUAGE-EQUIVALENCY', 'PTE Core'), cite('CRS-TOOL', 'PTE Core table')],
      value: {
        scale: sameScale({ min: 10, max: 90, step: 1 }),
        levels: {
          reading: [[10, 88], [9, 78], [8, 69], [7, 60], [6, 51], [5, 42], [4, 33], [3, 24]],
          writing: [[10, 90], [9, 88], [8, 79], [7, 69], [6, 60], [5, 51], [4, 41], [3, 32]],
          listening: [[10, 89], [9, 82], [8, 71], [7, 60], [6, 50], [5, 39], [4, 28], [3, 18]],
          speaking: [[10, 89], [9, 84], [8, 76], [7, 68], [6, 59], [5, 51], [4, 42], [3, 34]],
        },
      },
    },
  ],
})
