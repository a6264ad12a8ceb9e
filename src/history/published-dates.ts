/**
 * Reading the feed's hand-typed dates and times. IRCC writes them in many ways (PROVENANCE.md,
 * "Date/time strings are irregular"): "July 05, 2023 13:38:22 UTC", "August 19th 2026 at 12:35:37 UTC",
 * "January 23, 2025 at 2025-01-23 15:30:04 UTC", "May 31, 2024 at12:48:30 UTC", "15:48:39 AM UTC",
 * "March 02. 2024 at ...", no "UTC", no year ("October 7 at 16:38:21 UTC"), stray spaces.
 * @module
 */
import { isIsoDate, type IsoDate, type IsoInstant } from '../domain/dates.js'

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const date = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
  return isIsoDate(date) ? date : null
}

/** What was read from a date-time string, and what had to be assumed. */
export interface PublishedInstant {
  readonly instant: IsoInstant
  /** True when the string had no year and one was inferred. */
  readonly yearInferred: boolean
}

// Month, day (1st/2nd/3rd/19th), optional year, optional "at", an optional repeated ISO date, the
// time, optional AM/PM (IRCC wrote "15:48:39 AM"), optional "UTC". Separators are loose on purpose.
const DATE_TIME_RE = /^\s*([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[.,]?\s*(\d{4})?\s*,?\s*(?:at)?\s*(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|am|pm)?\s*(?:UTC|GMT|Z)?\s*$/
const DATE_RE = /^\s*([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[.,]?\s*(\d{4})\s*$/

/**
 * Reads a feed date-time as a UTC instant, or null if it cannot be read. `yearFallback` gives the
 * year when the string has none: the latest year that puts the instant on or before `notAfter`
 * (a tie-break cut-off is never after its round).
 * @example
 * parsePublishedInstant('October 7 at 16:38:21 UTC', '2021-10-27')?.instant //=> '2021-10-07T16:38:21Z'
 */
export function parsePublishedInstant(value: string, notAfter?: IsoDate): PublishedInstant | null {
  const m = DATE_TIME_RE.exec(value)
  if (!m) return null
  const month = MONTHS[m[1]!.toLowerCase()]
  if (month === undefined) return null
  const day = Number(m[2])
  let hour = Number(m[5])
  const minute = Number(m[6])
  const second = m[7] === undefined ? 0 : Number(m[7])
  const meridiem = m[8]?.toUpperCase()
  // "20:19:59 PM" and "15:48:39 AM" are 24-hour times with a stray suffix; only 1-12 take it literally.
  if (meridiem === 'PM' && hour < 12) hour += 12
  if (meridiem === 'AM' && hour === 12) hour = 0
  if (hour > 23 || minute > 59 || second > 59) return null
  let yearInferred = false
  let year: number
  if (m[3] !== undefined) year = Number(m[3])
  else if (m[4] !== undefined) year = Number(m[4].slice(0, 4))
  else {
    if (notAfter === undefined) return null
    yearInferred = true
    year = Number(notAfter.slice(0, 4))
    const candidate = isoOf(year, month, day)
    if (candidate !== null && candidate > notAfter) year -= 1
  }
  const date = isoOf(year, month, day)
  if (date === null) return null
  // The repeated ISO date ("January 23, 2025 at 2025-01-23 15:30:04") must agree with the words.
  if (m[4] !== undefined && m[4] !== date) return null
  return { instant: `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}Z`, yearInferred }
}

/**
 * Reads a feed date written in words ("July 5, 2023", "March 02. 2024") or ISO; null if unreadable.
 * @example
 * parsePublishedDate('July 5, 2023') //=> '2023-07-05'
 */
export function parsePublishedDate(value: string): IsoDate | null {
  const trimmed = value.trim()
  if (isIsoDate(trimmed)) return trimmed
  const m = DATE_RE.exec(value)
  if (!m) return null
  const month = MONTHS[m[1]!.toLowerCase()]
  return month === undefined ? null : isoOf(Number(m[3]), month, Number(m[2]))
}

/**
 * Reads the feed's `drawDate`, checked against `drawDateFull`. IRCC once wrote `12-04-2023`
 * (day-month-year) for 2023-04-12 (round 246): a non-ISO date is read as DD-MM-YYYY or MM-DD-YYYY,
 * whichever agrees with the date in words.
 */
export function parseDrawDate(drawDate: string, drawDateFull: string): { date: IsoDate; note?: string } | null {
  const full = parsePublishedDate(drawDateFull)
  const trimmed = drawDate.trim()
  if (isIsoDate(trimmed)) {
    if (full === null || full === trimmed) return { date: trimmed }
    return { date: trimmed, note: `drawDateFull "${drawDateFull}" disagrees with drawDate ${trimmed}; drawDate kept` }
  }
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed)
  if (m) {
    const dayFirst = isoOf(Number(m[3]), Number(m[2]), Number(m[1]))
    const monthFirst = isoOf(Number(m[3]), Number(m[1]), Number(m[2]))
    for (const candidate of [dayFirst, monthFirst]) {
      if (candidate !== null && (full === null || candidate === full)) {
        return { date: candidate, note: `drawDate "${drawDate}" is not ISO; read as ${candidate}${full ? ' (agrees with drawDateFull)' : ''}` }
      }
    }
  }
  if (full !== null) return { date: full, note: `drawDate "${drawDate}" unreadable; date taken from drawDateFull` }
  return null
}
