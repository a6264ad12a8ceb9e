import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { updateRounds } from '../../src/history/update.js'
import type { RawRound } from '../../src/history/feed.js'

const { feed, changes } = readRecordFiles(shippedRecordPath())
const shipped = feed as { classes: string; rounds: RawRound[] }
const clone = () => structuredClone(shipped)

// The record as it was before rounds 438-447 were added (it ended at round 437, 2026-08-19).
function upTo437(): { classes: string; rounds: RawRound[] } {
  const older = clone()
  older.rounds = older.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437)
  return older
}

describe('updateRounds', () => {
  it('the same feed again changes nothing', () => {
    const u = updateRounds({ feed, changes }, clone())
    expect(u.added).toEqual([])
    expect(u.changed).toEqual([])
    expect(u.missing).toEqual([])
    expect(u.record.rounds).toHaveLength(448)
  })

  it('a newer feed with rounds 438-447 adds them, newest first in the feed', () => {
    const u = updateRounds({ feed: upTo437(), changes }, clone(), { seenAt: '2026-11-29T00:00:00Z', source: 'test' })
    expect(u.added.map((r) => r.number)).toEqual(['438', '439', '440', '441', '442', '443', '444', '445', '446', '447'])
    expect(u.added.map((r) => [r.number, r.type, r.program, r.size, r.lowestScore])[0]).toEqual(['438', 'program', 'pnp', 562, 697])
    expect(u.changed).toEqual([])
    expect(u.feed.rounds[0]!.drawNumber).toBe('447')
    expect(u.record.rounds).toHaveLength(448)
  })

  it("a changed value is reported and appended to the history (round 262's cut-off, as IRCC changed it)", () => {
    const older = clone()
    older.rounds.find((r) => r.drawNumber === '262')!.drawCutOff = 'August 01, 2023 at 12:59:52 UTC'
    const u = updateRounds({ feed: older, changes: { changes: [] } }, clone(), { seenAt: '2024-10-26T00:00:00Z' })
    expect(u.changed).toEqual([{ number: '262', field: 'drawCutOff', old: 'August 01, 2023 at 12:59:52 UTC', new: 'July 04, 2023 at 19:36:18 UTC ' }])
    expect(u.changes.changes.at(-1)).toMatchObject({ drawNumber: '262', field: 'drawCutOff', seen_new_from: '2024-10-26T00:00:00Z' })
    expect(u.record.rounds.find((r) => r.number === '262')!.tieBreakCutoff).toBe('2023-07-04T19:36:18Z')
  })

  it('a renamed round keeps the name it was first published under as its label', () => {
    const older = clone()
    older.rounds.find((r) => r.drawNumber === '254')!.drawName = 'STEM occupations (2023-1)'
    const u = updateRounds({ feed: older }, clone())
    expect(u.changed).toEqual([{ number: '254', field: 'drawName', old: 'STEM occupations (2023-1)', new: 'STEM occupations (Version 1)' }])
    expect(u.record.rounds.find((r) => r.number === '254')).toMatchObject({ label: 'STEM occupations (2023-1)', feedLabel: 'STEM occupations (Version 1)' })
  })

  it('rounds missing from the newer feed are kept and reported (324 and 336 vanished for hours in 2024-25)', () => {
    const newer = clone()
    newer.rounds = newer.rounds.filter((r) => r.drawNumber !== '324' && r.drawNumber !== '336')
    const u = updateRounds({ feed, changes }, newer)
    expect(u.missing).toEqual(['324', '336'])
    expect(u.record.rounds).toHaveLength(448)
  })

  it('a feed listing no round is refused (a placeholder, not the feed): nothing merged', () => {
    expect(() => updateRounds({ feed, changes }, { classes: 'wb-tables', rounds: [] })).toThrow(/rounds: the feed lists no round \(the record holds 448\)/)
  })

  it('rounds renumbered (440 gone, 441-447 now 440-446) are refused, naming the round moved; in any order', () => {
    const newer = clone()
    newer.rounds = newer.rounds.filter((r) => r.drawNumber !== '440')
    for (const r of newer.rounds) if (Number.parseInt(r.drawNumber, 10) > 440) r.drawNumber = String(Number.parseInt(r.drawNumber, 10) - 1)
    expect(() => updateRounds({ feed, changes }, newer)).toThrow(/drawNumber: round 441 of the record \(2026-09-04, Healthcare and Social Services Occupations, 2026-Version 3\) is numbered 440 in this feed: rounds renumbered/)
    newer.rounds.reverse()
    expect(() => updateRounds({ feed, changes }, newer)).toThrow(/rounds renumbered/)
  })

  it('the same feed in any order (oldest first) merges as IRCC\'s order does', () => {
    const newer = clone()
    newer.rounds.reverse()
    const u = updateRounds({ feed: upTo437(), changes }, newer)
    expect(u.added.map((r) => r.number)).toEqual(['438', '439', '440', '441', '442', '443', '444', '445', '446', '447'])
    expect(u.feed.rounds[0]!.drawNumber).toBe('447')
  })

  it('a newer feed with an unreadable value is refused before merging', () => {
    const newer = clone()
    newer.rounds[0]!.drawCRS = 'n/a'
    expect(() => updateRounds({ feed, changes }, newer)).toThrow(/drawCRS/)
  })

  it('property: changing the cut-off of any rounds reports exactly those changes, and applying them again changes nothing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 437 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 1200 }), (indices, score) => {
        const newer = clone()
        const expected = []
        for (const i of indices) {
          const r = newer.rounds[i]!
          if (r.drawCRS === String(score)) continue
          expected.push({ number: r.drawNumber, field: 'drawCRS', old: r.drawCRS, new: String(score) })
          r.drawCRS = String(score)
        }
        const u = updateRounds({ feed, changes }, newer)
        const byNumber = (a: { number: string }, b: { number: string }) => (a.number < b.number ? -1 : 1)
        expect([...u.changed].sort(byNumber)).toEqual(expected.sort(byNumber))
        const again = updateRounds({ feed: u.feed, changes: u.changes }, newer)
        expect(again.changed).toEqual([])
        expect(again.added).toEqual([])
      }),
      { numRuns: 15 },
    )
  })
})
