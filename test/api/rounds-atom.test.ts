/**
 * GET /v1/rounds/feed.atom: a valid Atom 1.0 feed (RFC 4287), parsed with a real XML parser
 * (fast-xml-parser, which also validates well-formedness), one entry per round, newest first.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'
import { roundsAtom } from '../../src/history/atom.js'
import { liveRecord } from '../../src/history/live.js'
import { loadRounds, shippedRecordPath } from '../../src/history/load.js'
import type { PastRound } from '../../src/history/record.js'

const app = createApp({ history: liveRecord(shippedRecordPath()) })
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) })

type Link = { '@rel'?: string; '@href': string; '@type'?: string }
type Entry = { id: string; title: string; updated: string; published: string; link: Link[]; category: { '@term': string; '@label': string }[]; summary: { '#text': string; '@type': string } }
type AtomFeed = { feed: { '@xmlns': string; id: string; title: string; updated: string; link: Link[]; author: { name: string }; entry: Entry[] } }

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/

async function getFeed(query = ''): Promise<{ res: Response; xml: string; doc: AtomFeed }> {
  const res = await app.request(`http://ee.example/v1/rounds/feed.atom${query}`)
  const xml = await res.text()
  return { res, xml, doc: parser.parse(xml) as AtomFeed }
}

describe('GET /v1/rounds/feed.atom', () => {
  it('is well-formed XML served as application/atom+xml, with the Atom elements a reader needs', async () => {
    const { res, xml, doc } = await getFeed()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = doc.feed
    // RFC 4287 4.1.1: atom:feed has exactly one id, title and updated, an author, and a self link.
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toMatch(/^tag:/)
    expect(feed.title).toBe('Express Entry rounds of invitations')
    expect(feed.updated).toMatch(RFC3339)
    expect(feed.author.name).toBeTruthy()
    expect(feed.link.find((l) => l['@rel'] === 'self')).toMatchObject({ '@href': 'http://ee.example/v1/rounds/feed.atom', '@type': 'application/atom+xml' })
    expect(feed.link.find((l) => l['@rel'] === 'alternate')!['@href']).toBe('http://ee.example/rounds.html')
    // RFC 4287 4.1.2: each entry has one id, title and updated; ids are unique.
    expect(feed.entry).toHaveLength(50)
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^tag:.*\/\d+[ab]?$/)
      expect(e.title).toBeTruthy()
      expect(e.updated).toMatch(RFC3339)
      expect(e.link[0]!['@href']).toMatch(/^http:\/\/ee\.example\/v1\/rounds\/\d+/)
    }
    expect(new Set(feed.entry.map((e) => e.id)).size).toBe(50)
    expect(feed.updated).toBe(feed.entry[0]!.updated)
  })

  it('one entry per round, newest first: round 447 with its type, size, lowest CRS and tie-break', async () => {
    const { doc } = await getFeed('?limit=3')
    const [first, second, third] = doc.feed.entry
    expect(doc.feed.entry).toHaveLength(3)
    expect(first!.id).toMatch(/\/447$/)
    expect(first!.title).toBe('Round 447 (2026-10-01): Trades Occupations, 2026-Version 3, 3,500 invited, lowest CRS 476')
    expect(first!.category[0]).toEqual({ '@term': 'category', '@label': 'trade-2026' })
    expect(first!.summary['#text']).toContain('category round (trade-2026): 3,500 invitations, lowest CRS 476, tie-break 2026-05-28T16:55:23Z')
    expect(first!.summary['#text']).toContain('The time of the round was not published.')
    expect(second!.id).toMatch(/\/446$/)
    expect(second!.category[0]).toEqual({ '@term': 'program', '@label': 'cec' })
    expect(third!.summary['#text']).toContain('program round (PNP): 733 invitations, lowest CRS 725, tie-break 2026-09-17T01:36:17Z')
  })

  it('?limit=1000 holds every round of the record', async () => {
    const { doc } = await getFeed('?limit=1000')
    expect(doc.feed.entry).toHaveLength(loadRounds().length)
    expect(doc.feed.entry.at(-1)!.id).toMatch(/\/1$/)
  })

  it.each(['?limit=0', '?limit=abc', '?limit=1001', '?format=rss'])('%s: 400 problem', async (query) => {
    const res = await app.request(`/v1/rounds/feed.atom${query}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('escapes what XML needs escaped: a label with & < > and quotes stays well-formed and reads back the same', () => {
    const odd: PastRound = { ...loadRounds().at(-1)!, number: '999', label: 'R&D <labs> "quoted" \'too\'' }
    const xml = roundsAtom([odd], { selfUrl: 'http://x/?a=1&b=2', alternateUrl: 'http://x/', roundUrl: (n) => `http://x/${n}` })
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml) as AtomFeed
    expect(doc.feed.entry[0]!.title).toContain('R&D <labs> "quoted" \'too\'')
    expect(doc.feed.link[0]!['@href']).toBe('http://x/?a=1&b=2')
  })
})
