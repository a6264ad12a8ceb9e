/**
 * The record of rounds as an Atom feed (RFC 4287), one entry per round, newest first: what a feed
 * reader needs to alert on a new round. Pure: the API serves it at GET /v1/rounds/feed.atom.
 * @module
 */
import type { PastRound } from './record.js'

export interface AtomOptions {
  /** The feed's own address (rel="self"). */
  readonly selfUrl: string
  /** Where a person reads the rounds (rel="alternate"), e.g. the web app's rounds page. */
  readonly alternateUrl: string
  /** The address of one round, for its entry's link. */
  readonly roundUrl: (number: string) => string
  /** The most recent rounds to include (default 50). */
  readonly limit?: number
  /** When the record was last refreshed, shown in the feed's subtitle. */
  readonly refreshedAt?: string | null
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** A stable id for the feed and each entry (a tag URI, RFC 4151): a round's number never changes. */
export const FEED_ID = 'tag:express-entry-engine.github.io,2026:rounds'
export const entryId = (number: string): string => `${FEED_ID}/${number}`

const thousands = (n: number): string => n.toLocaleString('en-US')

/** What a round was, in words: type, size, lowest CRS, tie-break. */
export function roundSummary(r: PastRound): string {
  const type = r.type === 'program' ? `program round (${(r.program ?? '').toUpperCase()})` : r.type === 'category' ? `category round (${r.categoryId ?? 'a category of unknown version'})` : 'general round'
  const tie = r.tieBreakCutoff ? `tie-break ${r.tieBreakCutoff}` : 'no tie-break published'
  return `${type}: ${thousands(r.size)} invitations, lowest CRS ${r.lowestScore}, ${tie}`
}

/**
 * The Atom document for `rounds` (oldest first, as the record holds them).
 * @example
 * roundsAtom(loadRounds(), { selfUrl, alternateUrl, roundUrl }).startsWith('<?xml') //=> true
 */
export function roundsAtom(rounds: readonly PastRound[], options: AtomOptions): string {
  const limit = options.limit ?? 50
  const newest = rounds.slice(-limit).reverse()
  // Rounds run in number order, so the newest round's instant is the feed's last change.
  const updated = newest[0]?.at ?? '2015-01-01T00:00:00Z'
  const subtitle = `Rounds of invitations of Canada's Express Entry, from IRCC's record${options.refreshedAt ? ` (last refreshed ${options.refreshedAt})` : ''}`
  const entries = newest.map((r) => {
    const title = `Round ${r.number} (${r.date}): ${r.label}, ${thousands(r.size)} invited, lowest CRS ${r.lowestScore}`
    return [
      '  <entry>',
      `    <id>${escapeXml(entryId(r.number))}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${r.at}</updated>`,
      `    <published>${r.at}</published>`,
      `    <link rel="alternate" type="application/json" href="${escapeXml(options.roundUrl(r.number))}"/>`,
      `    <category term="${r.type}" label="${escapeXml(r.type === 'category' ? (r.categoryId ?? 'unknown') : r.type === 'program' ? (r.program ?? '') : 'general')}"/>`,
      `    <summary type="text">${escapeXml(`${r.label}: ${roundSummary(r)}.${r.atAssumed ? ' The time of the round was not published.' : ''}`)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${FEED_ID}</id>`,
    '  <title>Express Entry rounds of invitations</title>',
    `  <subtitle>${escapeXml(subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.alternateUrl)}"/>`,
    '  <author><name>Express Entry Engine</name></author>',
    '  <generator>Express Entry Engine</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
