/**
 * Days and instants as a page's language writes them (web/src/dates.ts): English as IRCC writes it,
 * Canadian French with "1er", short forms for table cells, instants in UTC, no break inside a date, and
 * the same day whatever the device's time zone.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { dateValue, datesIn, datesInText, dayText, instantText, isDay, isInstant, rulesDay } from '../../web/src/dates.js'
import { problems } from './french-typography.js'

/** `~` marks a no-break space (U+00A0) in the expected texts below; a plain space may break. */
const nb = (s: string): string => s.replace(/~/g, '\u00a0')

describe('a day', () => {
  it.each([
    // iso, language, style, text
    ['2026-11-30', 'en', 'long', 'November~30,~2026'],
    ['2026-11-30', 'fr', 'long', '30~novembre~2026'],
    ['2026-12-01', 'en', 'long', 'December~1,~2026'],
    ['2026-12-01', 'fr', 'long', '1er~décembre~2026'],
    ['2026-12-31', 'en', 'long', 'December~31,~2026'],
    ['2026-12-31', 'fr', 'long', '31~décembre~2026'],
    ['2027-01-01', 'fr', 'long', '1er~janvier~2027'],
    ['2024-02-29', 'en', 'long', 'February~29,~2024'],
    ['2023-07-05', 'en', 'long', 'July~5,~2023'],
    ['2023-07-05', 'fr', 'long', '5~juillet~2023'],
    ['2026-11-30', 'en', 'short', 'Nov~30,~2026'],
    ['2026-11-30', 'fr', 'short', '30~nov.~2026'],
    ['2026-09-01', 'fr', 'short', '1er~sept.~2026'],
    ['2026-12-31', 'en', 'short', 'Dec~31,~2026'],
    ['2026-05-19', 'fr', 'short', '19~mai~2026'],
    ['2026-09-19', 'en', 'monthDay', 'Sep~19'],
    ['2026-09-19', 'fr', 'monthDay', '19~sept.'],
    ['2026-10-01', 'fr', 'monthDay', '1er~oct.'],
  ] as const)('%s in %s (%s): %s', (iso, lang, style, text) => {
    const out = dayText(iso, lang, style)
    expect(out).toBe(nb(text))
    // One line: no breaking space, no hyphen.
    expect(out).not.toMatch(/[ -]/)
  })

  it.each(['', '—', '2026-02-30', '2026-13-01', '26-11-30', 'crs@2025-03-25', '2026-11-30T00:00:00Z'])('%j is not a day: returned as it is', (s) => {
    expect(isDay(s)).toBe(false)
    expect(dayText(s, 'fr')).toBe(s)
  })
})

describe('an instant, in UTC', () => {
  it.each([
    ['2023-07-05T13:38:22Z', 'en', 'long', 'July~5,~2023 at 13:38:22~UTC'],
    ['2023-07-05T13:38:22Z', 'fr', 'long', '5~juillet~2023 à 13~h~38~min~22~s~UTC'],
    ['2022-11-23T00:01:29Z', 'en', 'long', 'November~23,~2022 at 00:01:29~UTC'],
    ['2022-11-23T00:01:29Z', 'fr', 'long', '23~novembre~2022 à 0~h~01~min~29~s~UTC'],
    ['2026-12-01T23:59:59.000Z', 'fr', 'long', '1er~décembre~2026 à 23~h~59~min~59~s~UTC'],
    ['2026-12-31T23:59:59Z', 'en', 'short', 'Dec~31,~2026 at 23:59:59~UTC'],
  ] as const)('%s in %s (%s): %s', (iso, lang, style, text) => {
    // The day's parts, the time's parts and "UTC" do not break; "at" / "à" may.
    expect(instantText(iso, lang, style)).toBe(nb(text))
    expect(isInstant(iso)).toBe(true)
  })

  it.each(['2023-07-05 13:38:22', '2023-07-05T24:00:00Z', '2023-07-05T13:38:22+02:00', '2023-07-05'])('%j is not an instant: returned as it is', (s) => {
    expect(isInstant(s)).toBe(false)
    expect(instantText(s, 'en')).toBe(s)
  })

  it('the French time follows the site’s typography (no colon to space)', () => {
    expect(problems(`Le ${instantText('2023-07-05T13:38:22Z', 'fr')}.`)).toEqual([])
  })
})

describe('the device’s time zone does not move a day', () => {
  const before = process.env.TZ
  afterAll(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })
  it.each([
    ['America/Vancouver', '2026-12-01', 'en', 'December 1, 2026', 'November 30'],
    ['America/Vancouver', '2027-01-01T00:30:00Z', 'fr', '1er janvier 2027 à 0 h 30 min 00 s UTC', '31 décembre'],
    ['Asia/Tokyo', '2026-12-31', 'fr', '31 décembre 2026', '31 décembre'],
    ['Asia/Tokyo', '2026-12-31T20:00:00Z', 'en', 'December 31, 2026 at 20:00:00 UTC', 'January 1'],
  ] as const)('in %s, %s is written %s', (zone, iso, lang, text, local) => {
    process.env.TZ = zone
    // The zone took effect: the device's own clock puts that moment on another day (or the same, in Tokyo at noon).
    const at = iso.length === 10 ? `${iso}T00:00:00Z` : iso
    expect(new Date(at).toLocaleDateString(lang === 'fr' ? 'fr-CA' : 'en-CA', { month: 'long', day: 'numeric' })).toBe(local)
    expect(dateValue(iso, lang).replace(/\u00a0/g, ' ')).toBe(text)
  })
})

describe('a sentence’s values', () => {
  it.each([
    ['en', 'high (label), medium (rule unchanged). Note: the first round, 2026-02-06, precedes the 2026-02-18 announcement.', 'high (label), medium (rule unchanged). Note: the first round, February~6,~2026, precedes the February~18,~2026 announcement.'],
    ['fr', 'la première ronde, le 2026-02-01, précède l’annonce', 'la première ronde, le 1er~février~2026, précède l’annonce'],
    ['en', 'round 2023-1 at 2023-07-05T13:38:22Z', 'round 2023-1 at 2023-07-05T13:38:22Z'],
  ] as const)('a note in %s: its days written out', (lang, text, out) => expect(datesInText(text, lang)).toBe(nb(out)))

  it('days and instants are written as the language writes them; numbers, ids and other text are left as they are', () => {
    expect(datesIn({ asOf: '2026-12-01', at: '2023-07-05T13:38:22Z', n: 3, id: 'crs@2025-03-25', text: 'IELTS' }, 'fr')).toEqual({ asOf: nb('1er~décembre~2026'), at: nb('5~juillet~2023 à 13~h~38~min~22~s~UTC'), n: 3, id: 'crs@2025-03-25', text: 'IELTS' })
  })
  it.each([
    ['crs@2025-03-25', '2025-03-25'],
    ['crs@2015-01-01', '2015-01-01'],
    ['crs', null],
    ['crs@2025-02-30', null],
  ])('the rules %s began on %s', (id, day) => expect(rulesDay(id)).toBe(day))
})
