/**
 * The Federal Skilled Trades list (programs.fst `trades`) against IRPR 87.2(1) as quoted in
 * ../shared/research/rules.md §8.2: every NOC 2021 unit group is a trade exactly when the groups listed
 * there contain it. The expected membership is computed from the group codes typed below, over the
 * NOC 2021 unit groups (src/noc), never from data/fst-noc.json.
 */
import { describe, expect, it } from 'vitest'
import { nocUnitGroups } from '../../src/noc/index.js'
import { fstRequirements } from '../../src/rules/programs/fst.js'

// rules.md §8.2: Major Group 72 without Sub-Major Group 726; 73; 82; 83; 92; 93 without 932; Minor Group
// 6320; Unit Group 62200.
const INCLUDED = ['72', '73', '82', '83', '92', '93', '6320', '62200']
const EXCLUDED = ['726', '932']
const isTrade = (code: string) => INCLUDED.some((g) => code.startsWith(g)) && !EXCLUDED.some((g) => code.startsWith(g))

const trades = fstRequirements.at('2026-11-25').value.trades

describe('FST trades (IRPR 87.2(1), rules.md §8.2)', () => {
  it.each(nocUnitGroups.map((g) => [g.code, isTrade(g.code)] as const))('%s is a skilled trade: %s', (code, expected) => {
    expect(trades.has(code)).toBe(expected)
  })

  it('96 unit groups (categories.md §5: `canadaCaVariant` has 96 codes), every one TEER 2 or 3', () => {
    expect(trades.size).toBe(96)
    for (const code of trades) expect(['2', '3'], code).toContain(code[1])
  })

  it('the list is the same on every date from 2015-01-01 (profiles carry NOC 2021 codes: docs/decisions.md E8, E17)', () => {
    for (const date of ['2015-01-01', '2022-11-15', '2022-11-16', '2026-11-25']) expect(fstRequirements.at(date).value.trades).toBe(trades)
  })
})
