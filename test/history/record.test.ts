import { existsSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORY_VERSIONS, kindOfRound, programsCovered } from '../../src/history/labels.js'
import { loadRounds, readRecordFiles, shippedRecordPath } from '../../src/history/load.js'
import { parseDrawDate, parsePublishedInstant } from '../../src/history/published-dates.js'
import { compareRoundNumbers, parseCount, parseRounds, type PastRound } from '../../src/history/record.js'
import type { RawRound } from '../../src/history/feed.js'
import { isExpressEntryError } from '../../src/errors.js'

const { feed, changes } = readRecordFiles(shippedRecordPath())
const rawRounds = (feed as { rounds: RawRound[] }).rounds
const raw = (n: string): RawRound => structuredClone(rawRounds.find((r) => r.drawNumber === n)!)
const parseOne = (r: RawRound) => parseRounds({ rounds: [r] })
const rounds = loadRounds()
const round = (n: string): PastRound => rounds.find((r) => r.number === n)!

describe('the shipped record', () => {
  it('has 448 rounds, 1 to 447 with 91 split into 91a and 91b, oldest first', () => {
    expect(rounds).toHaveLength(448)
    expect(rounds[0]!.number).toBe('1')
    expect(rounds.at(-1)!.number).toBe('447')
    expect(rounds.map((r) => r.number).filter((n) => n.startsWith('91'))).toEqual(['91a', '91b'])
    for (let i = 1; i < rounds.length; i++) expect(rounds[i - 1]!.date <= rounds[i]!.date).toBe(true)
  })

  it.each([
    // number, date, at, label as first published, size, lowestScore, tieBreakCutoff
    ['254', '2023-07-05', '2023-07-05T13:38:22Z', 'STEM occupations (2023-1)', 500, 486, '2022-11-23T00:01:29Z'],
    ['253', '2023-07-04', '2023-07-04T14:23:38Z', 'No Program Specified', 700, 511, '2023-07-01T09:31:32Z'],
    ['252', '2023-06-28', '2023-06-28T14:04:34Z', 'Healthcare occupations (2023-1)', 500, 476, '2022-11-12T12:47:27Z'],
    ['1', '2015-01-31', '2015-01-31T11:59:48Z', 'No Program Specified', 779, 886, null],
    ['437', '2026-08-19', '2026-08-19T12:35:37Z', 'French-Language proficiency 2026-Version 2', 5000, 382, '2026-03-01T18:34:05Z'],
    // Rounds 438-447: no time of the round was published (noon UTC stands in); 438's cut-off has an ordinal and a comma.
    ['438', '2026-08-31', '2026-08-31T12:00:00Z', 'Provincial Nominee Program', 562, 697, '2026-04-12T04:32:26Z'],
    ['447', '2026-10-01', '2026-10-01T12:00:00Z', 'Trades Occupations, 2026-Version 3', 3500, 476, '2026-05-28T16:55:23Z'],
    ['91a', '2018-05-30', '2018-05-30T14:52:06Z', 'Federal Skilled Trades', 500, 288, '2017-06-07T20:11:13Z'],
  ] as const)('round %s: %s %s "%s" %i invited at %i', (number, date, at, label, size, lowestScore, tieBreakCutoff) => {
    expect(round(number)).toMatchObject({ number, date, at, label, size, lowestScore, tieBreakCutoff })
  })

  it('round 254 is STEM 2023-1, covering FSW, CEC and FST, with the pool of 2023-07-04', () => {
    const r = round('254')
    expect(r).toMatchObject({ type: 'category', categoryId: 'stem-2023-1', categoryVersion: '2023-1', feedLabel: 'STEM occupations (Version 1)', programs: ['fsw', 'cec', 'fst'], distributionAsOf: '2023-07-04' })
    expect(r.distribution?.at(-1)).toEqual({ range: 'total', count: 214_529 })
  })

  it('totals 1,052,463 invitations', () => {
    expect(rounds.reduce((s, r) => s + r.size, 0)).toBe(1_052_463)
  })

  it('has a distribution for 230 rounds, #214 to #447 less 223, 224, 226 and 227', () => {
    const with_ = rounds.filter((r) => r.distribution !== null).map((r) => r.number)
    expect(with_).toHaveLength(230)
    expect(with_[0]).toBe('214')
    for (const n of ['213', '223', '224', '226', '227']) expect(round(n).distribution).toBeNull()
  })

  it('every category id exists in categories.json', () => {
    const path = ['data/categories.json', '../shared/data/categories.json'].find((p) => existsSync(p))
    if (!path) return
    const ids = new Set((JSON.parse(readFileSync(path, 'utf8')) as { categories: { id: string }[] }).categories.map((c) => c.id))
    for (const c of CATEGORY_VERSIONS) expect(ids.has(c.id), c.id).toBe(true)
    for (const r of rounds) if (r.type === 'category') expect(ids.has(r.categoryId!), `${r.number} ${r.label}`).toBe(true)
  })

  it('types: 178 general, 192 program, 78 category rounds', () => {
    const count = (t: string) => rounds.filter((r) => r.type === t).length
    expect([count('general'), count('program'), count('category')]).toEqual([178, 192, 78])
  })
})

describe('anomalies of the feed (PROVENANCE.md), one case each', () => {
  it('numbers with thousands commas: "5,000" is 5000; dd values too', () => {
    expect(parseCount('5,000')).toBe(5000)
    expect(parseCount('226,859')).toBe(226_859)
    expect(parseCount('5,00')).toBeNull()
    expect(round('437').size).toBe(5000)
    expect(round('437').distribution?.at(-1)?.count).toBe(226_859)
  })

  it('round 91 split into "91a" (FST, 500, 288) and "91b" (PNP, 200, 902), both 2018-05-30', () => {
    expect(round('91a')).toMatchObject({ type: 'program', program: 'fst', size: 500, lowestScore: 288, date: '2018-05-30' })
    expect(round('91b')).toMatchObject({ type: 'program', program: 'pnp', size: 200, lowestScore: 902, date: '2018-05-30' })
    expect(compareRoundNumbers('91a', '91b')).toBeLessThan(0)
    expect(compareRoundNumbers('91b', '92')).toBeLessThan(0)
    expect(compareRoundNumbers('90', '91a')).toBeLessThan(0)
  })

  it('all-zero distributions (rounds 1-213 and 223, 224, 226, 227) mean none was published', () => {
    expect(round('223').distribution).toBeNull()
    expect(round('223').distributionAsOf).toBeNull()
  })

  it.each([
    ['every distribution field empty', (r: RawRound) => { for (let i = 1; i <= 18; i++) (r as Record<string, unknown>)[`dd${i}`] = '' }],
    ['every distribution field null (as copies of the feed write a value not held)', (r: RawRound) => { for (let i = 1; i <= 18; i++) (r as Record<string, unknown>)[`dd${i}`] = null }],
    ['some distribution fields empty (dd1-dd3)', (r: RawRound) => { r.dd1 = ''; r.dd2 = ''; r.dd3 = '' }],
  ])('%s: the round is kept with no distribution (not zeros), and noted', (_, blank) => {
    const r = raw('447')
    blank(r)
    const { rounds: [read], notes } = parseOne(r)
    expect(read).toMatchObject({ number: '447', size: 3500, lowestScore: 476, distribution: null })
    expect(notes).toContainEqual(expect.objectContaining({ number: '447', field: 'dd1', note: expect.stringContaining('no distribution read') }))
  })

  it("round 226's distribution date (July 11, 2022) is after its round (2022-07-06): noted", () => {
    const { notes } = parseOne(raw('226'))
    expect(notes).toContainEqual(expect.objectContaining({ number: '226', field: 'drawDistributionAsOn' }))
  })

  it("round 247's 451-500 subtotal (55,867) is not the sum of its parts (55,687): kept as published, noted", () => {
    const { rounds: [r], notes } = parseOne(raw('247'))
    expect(r!.distribution?.find((x) => x.range === '451-500')?.count).toBe(55_867)
    expect(notes).toContainEqual(expect.objectContaining({ number: '247', field: 'dd3', note: expect.stringContaining('55687') }))
  })

  it.each([
    ['437 "19th", no comma', 'August 19th 2026 at 12:35:37 UTC', '2026-08-19', '2026-08-19T12:35:37Z'],
    ['438 cut-off "12th" and a comma', 'April 12th, 2026 at 04:32:26 UTC', '2026-08-31', '2026-04-12T04:32:26Z'],
    ['432 "3rd"', 'July 3rd 2026 at 21:35:13 UTC', '2026-08-01', '2026-07-03T21:35:13Z'],
    ['333 repeated ISO date', 'January 23, 2025 at 2025-01-23 15:30:04 UTC', '2025-01-23', '2025-01-23T15:30:04Z'],
    ['310 repeated ISO date', 'August 15, 2024 at 2024-08-15 15:11:54 UTC', '2024-08-15', '2024-08-15T15:11:54Z'],
    ['297 "at12:48"', 'May 31, 2024 at12:48:30 UTC', '2024-05-31', '2024-05-31T12:48:30Z'],
    ['270 "15:48:39 AM"', 'October 25, 2023 at 15:48:39 AM UTC', '2023-10-25', '2023-10-25T15:48:39Z'],
    ['270 cut-off "04:22:17 AM"', 'September 30, 2023 at 04:22:17 AM UTC', '2023-10-25', '2023-09-30T04:22:17Z'],
    ['210 "20:19:59 PM"', 'June 22, 2021 at 20:19:59 PM UTC', '2021-06-23', '2021-06-22T20:19:59Z'],
    ['247 "26,2023"', 'April 26,2023 18:10:04 UTC', '2023-04-26', '2023-04-26T18:10:04Z'],
    ['322 "02. 2024"', 'March 02. 2024 at 01:58:34 UTC', '2024-03-13', '2024-03-02T01:58:34Z'],
    ['242 "2023, at"', 'March 01, 2023, at 17:24:39 UTC', '2023-03-01', '2023-03-01T17:24:39Z'],
    ['254 no "at"', 'July 05, 2023 13:38:22 UTC', '2023-07-05', '2023-07-05T13:38:22Z'],
    ['386 double space', 'October 18, 2025 at  7:18:52 UTC', '2025-11-01', '2025-10-18T07:18:52Z'],
    ['412 double space', 'April 13, 2026  at 23:10:05 UTC', '2026-04-20', '2026-04-13T23:10:05Z'],
    ['38 leading space', ' July 13, 2016 at 13:56:45 UTC', '2016-07-13', '2016-07-13T13:56:45Z'],
    ['262 trailing space', 'July 04, 2023 at 19:36:18 UTC ', '2023-08-15', '2023-07-04T19:36:18Z'],
    ['6 no UTC', 'March 27, 2015 at 23:59:47', '2015-03-27', '2015-03-27T23:59:47Z'],
    ['382 no comma', 'May 26 2025 at 12:28:38 UTC', '2025-06-10', '2025-05-26T12:28:38Z'],
    ['208 no year', 'October 7 at 16:38:21 UTC', '2021-10-27', '2021-10-07T16:38:21Z'],
    ['no year, month after the round: the year before', 'December 7 at 16:38:21 UTC', '2021-10-27', '2020-12-07T16:38:21Z'],
    ['221 old "24,2022 at 8:00:50"', 'March 24,2022 at 8:00:50 UTC', '2022-04-27', '2022-03-24T08:00:50Z'],
  ])('date-time %s', (_name, value, roundDate, expected) => {
    expect(parsePublishedInstant(value, roundDate)?.instant).toBe(expected)
  })

  it('every date-time and cut-off in the shipped feed is read (none falls back)', () => {
    const { notes } = parseRounds(feed, changes)
    expect(notes.filter((n) => n.note.includes('unreadable'))).toEqual([])
  })

  it('unreadable date-times are refused: no month, bad hour', () => {
    expect(parsePublishedInstant('Smarch 5, 2023 at 12:00:00 UTC')).toBeNull()
    expect(parsePublishedInstant('July 5, 2023 at 25:00:00 UTC')).toBeNull()
    expect(parsePublishedInstant('January 23, 2025 at 2025-01-24 15:30:04 UTC')).toBeNull()
  })

  it("round 208's cut-off has no year: the latest such date before the round, 2021-10-07", () => {
    const { rounds: [r], notes } = parseOne(raw('208'))
    expect(r!.tieBreakCutoff).toBe('2021-10-07T16:38:21Z')
    expect(notes).toContainEqual(expect.objectContaining({ field: 'drawCutOff', note: expect.stringContaining('no year') }))
  })

  it('category names "(2023-1)" and "(Version 1)" map to the same category version', () => {
    expect(kindOfRound('STEM occupations (2023-1)', '2023-07-05')).toEqual(kindOfRound('STEM occupations (Version 1)', '2023-07-05'))
    expect(kindOfRound('French language proficiency (2024-1)', '2024-03-19')).toMatchObject({ categoryId: 'french-2024-1', categoryVersion: '2024-1' })
    expect(kindOfRound('French language proficiency (Version 1)', '2024-03-19')).toMatchObject({ categoryId: 'french-2024-1', categoryVersion: '2024-1' })
    const byNumber = rounds.filter((r) => r.feedLabel !== r.label)
    expect(byNumber).toHaveLength(23)
    for (const r of byNumber) expect(kindOfRound(r.feedLabel, r.date)).toEqual(kindOfRound(r.label, r.date))
  })

  it.each([
    ['Healthcare and Social Services Occupations, 2026-Version 3', '2026-02-20', 'healthcare-social-2026'],
    ['Healthcare and social services occupations (Version 2)', '2025-07-22', 'healthcare-social-2025'],
    ['Trades Occupations, 2026-Version 3', '2026-04-02', 'trade-2026'],
    ['Trade occupations (Version 2)', '2025-09-18', 'trade-2025'],
    ['Transport Occupations, 2026-Version 2', '2026-08-07', 'transport-2026'],
    ['French-Language proficiency 2026-Version 2', '2026-02-06', 'french-2026'],
    ['French language proficiency (Version 1)', '2025-02-19', 'french-2025'],
    ['Physicians with Canadian Work Experience, 2026-Version 1', '2026-02-19', 'physicians-canadian-experience'],
    ['Senior managers with Canadian Work Experience, 2026-Version 1', '2026-03-05', 'senior-managers-2026'],
    ['Skilled Military Recruits, 2026-Version 1', '2026-07-23', 'military-2026'],
    ['Education occupations (Version 1)', '2025-05-01', 'education-2025'],
    ['Agriculture and agri-food occupations (Version 1)', '2023-09-28', 'agriculture-2023-1'],
  ])('2025-2026 names, any capitalization: "%s" on %s is %s', (label, date, id) => {
    expect(kindOfRound(label, date)).toMatchObject({ type: 'category', categoryId: id })
  })

  it('an unknown category name is kept, with a null id and a note', () => {
    const r = raw('437')
    r.drawName = 'Astronaut occupations, 2027-Version 1'
    const parsed = parseOne(r)
    expect(parsed.rounds[0]).toMatchObject({ type: 'category', categoryId: null })
    expect(parsed.notes).toContainEqual(expect.objectContaining({ field: 'drawName', note: 'category not recognised' }))
  })

  it("round 335's cut-off once read November 14, 2025, after its round of 2025-02-05: read as 2024", () => {
    const r = raw('335')
    r.drawCutOff = 'November 14, 2025 at 02:52:14 UTC'
    const { rounds: [parsed], notes } = parseOne(r)
    expect(parsed!.tieBreakCutoff).toBe('2024-11-14T02:52:14Z')
    expect(notes).toContainEqual(expect.objectContaining({ field: 'drawCutOff', note: expect.stringContaining('after the round') }))
    expect(round('335').tieBreakCutoff).toBe('2024-11-14T02:52:14Z')
  })

  it("round 262's cut-off, changed by IRCC from August 01 to July 04, 2023: the newer value", () => {
    expect(round('262').tieBreakCutoff).toBe('2023-07-04T19:36:18Z')
  })

  it("round 246's drawDate once read 12-04-2023: read as 2023-04-12 (agrees with April 12, 2023)", () => {
    expect(parseDrawDate('12-04-2023', 'April 12, 2023')?.date).toBe('2023-04-12')
    const r = raw('246')
    r.drawDate = '12-04-2023'
    const { rounds: [parsed], notes } = parseOne(r)
    expect(parsed!.date).toBe('2023-04-12')
    expect(notes).toContainEqual(expect.objectContaining({ field: 'drawDate' }))
  })

  it('"Progran" in drawText2 (rounds 253, 257, 259 until 2024) still names the four programs', () => {
    expect(programsCovered('Federal Skilled Worker Progran, Canadian Experience Class, Federal Skilled Trades Program and Provincial Nominee Program')).toEqual(['fsw', 'cec', 'fst', 'pnp'])
    expect(round('253').programs).toEqual(['fsw', 'cec', 'fst', 'pnp'])
  })

  it('old spacing of #221, #234, #235 ("June 06,2022 20:48:23 UTC") reads the same as the fixed one', () => {
    expect(parsePublishedInstant('June 06,2022 20:48:23 UTC')).toEqual(parsePublishedInstant('June 06, 2022 20:48:23 UTC'))
    expect(parsePublishedInstant('October 26,2022 13:05:36 UTC')?.instant).toBe(round('234').at)
  })

  it('rounds 1-76 have no tie-break cut-off (empty string): null', () => {
    expect(rounds.filter((r) => r.tieBreakCutoff === null).map((r) => r.number)).toEqual(Array.from({ length: 76 }, (_, i) => String(i + 1)))
  })

  it('two rounds on one day (63/64, 75/76, 91a/91b, 141/142) are both kept, in number order', () => {
    const sameDay = rounds.filter((r, i) => rounds[i + 1]?.date === r.date || rounds[i - 1]?.date === r.date).map((r) => r.number)
    expect(sameDay).toEqual(['63', '64', '75', '76', '91a', '91b', '141', '142'])
  })

  it("round 357's drawDateTime says July 12 for a round of July 22, 2025: drawDate wins, the time is kept", () => {
    expect(round('357').at).toBe('2025-07-22T16:27:45Z')
  })

  it('early rounds run at midnight UTC keep their instant (the day after drawDate, in Ottawa the same evening)', () => {
    expect(round('9')).toMatchObject({ date: '2015-05-22', at: '2015-05-23T00:00:00Z' })
  })

  it('a bad value is refused with the field path and the value', () => {
    const r = raw('254')
    r.drawSize = 'five hundred'
    try {
      parseOne(r)
      expect.unreachable()
    } catch (e) {
      expect(isExpressEntryError(e, 'invalid_input')).toBe(true)
      if (isExpressEntryError(e, 'invalid_input')) expect(e.details.issues[0]).toMatchObject({ path: 'rounds.0.drawSize', value: 'five hundred' })
    }
  })

  it('a feed that is not an object of rounds is refused', () => {
    expect(() => parseRounds({ rounds: 'none' })).toThrow(/rounds/)
    expect(() => parseRounds([])).toThrow()
  })

  it('property: any thousands-comma number reads back as itself', () => {
    fc.assert(fc.property(fc.nat(10_000_000), (n) => parseCount(n.toLocaleString('en-US')) === n))
  })

  it('property: a cut-off never follows its round', () => {
    for (const r of rounds) if (r.tieBreakCutoff) expect(r.tieBreakCutoff <= r.at, r.number).toBe(true)
  })
})

describe('rounds 438-447 (copies of the feed with null for what no copy held)', () => {
  it('a null drawDateTime reads as "time not published": noon UTC of the date, flagged and noted', () => {
    const r = round('441')
    expect(r).toMatchObject({ at: '2026-09-04T12:00:00Z', atAssumed: true, type: 'category', categoryId: 'healthcare-social-2026', programs: ['fsw', 'cec', 'fst'] })
    expect(round('437').atAssumed).toBeUndefined()
  })
  it('each is typed from its label: PNP, CEC, physicians, healthcare, senior managers and trade 2026', () => {
    expect(rounds.filter((r) => Number.parseInt(r.number, 10) >= 438).map((r) => r.type === 'category' ? r.categoryId : r.program)).toEqual(['pnp', 'cec', 'physicians-canadian-experience', 'healthcare-social-2026', 'pnp', 'cec', 'senior-managers-2026', 'pnp', 'cec', 'trade-2026'])
  })
})
