/**
 * The shipped feed as tests change it: a made-up round 448 after its last (no such round is published),
 * and the feed cut before rounds 438-447.
 */
import type { RawRound } from '../../src/history/feed.js'
import { readRecordFiles, shippedRecordPath } from '../../src/history/load.js'

export type Feed = { classes: string; rounds: RawRound[] }

export const shippedFeed = (): Feed => structuredClone(readRecordFiles(shippedRecordPath()).feed as Feed)

/** A CEC round of 2,500 to 515 on 2026-10-14, after the shipped record's newest (made up). */
export const round448 = (): RawRound => ({ ...shippedFeed().rounds[0]!, drawNumber: '448', drawDate: '2026-10-14', drawDateFull: 'October 14, 2026', drawName: 'Canadian Experience Class', drawSize: '2,500', drawCRS: '515', drawCutOff: 'April 2, 2026 at 10:00:00 UTC' })

/** The shipped feed with rounds up to 437 only: a record behind the shipped one. */
export const feedUpTo437 = (): Feed => {
  const feed = shippedFeed()
  return { ...feed, rounds: feed.rounds.filter((r) => Number.parseInt(r.drawNumber, 10) <= 437) }
}
