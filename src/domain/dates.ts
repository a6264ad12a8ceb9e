/**
 * Legal dates as `YYYY-MM-DD` strings (never JS `Date`s): after validation they compare as strings,
 * and arithmetic goes through UTC day numbers so no time zone can shift a day.
 * @module
 */

/** A calendar date `YYYY-MM-DD`, validated. */
export type IsoDate = string & { readonly __brand?: 'IsoDate' }

/** An instant `YYYY-MM-DDTHH:mm:ssZ` (UTC), validated. */
export type IsoInstant = string & { readonly __brand?: 'IsoInstant' }

/** The last day of the calendar the engine handles (dates are YYYY-MM-DD); a look ahead may not pass it. */
export const LAST_DAY: IsoDate = '9999-12-31'

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2023-02-29 is not). */
export function isIsoDate(s: unknown): s is IsoDate {
  // By character code rather than a regex: every date of every profile imported passes through here.
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  for (const i of DIGIT_POSITIONS) if (!isDigit(s.charCodeAt(i))) return false
  const y = yearOf(s)
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48)
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48)
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

/** Whether `s` is an ISO 8601 UTC instant `YYYY-MM-DDTHH:mm:ssZ` (optional milliseconds). */
export function isIsoInstant(s: unknown): s is IsoInstant {
  if (typeof s !== 'string') return false
  const m = INSTANT_RE.exec(s)
  if (!m) return false
  return isIsoDate(s.slice(0, 10)) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60
}

/** What is wrong with a value that is not an instant (isIsoInstant false), in words: the date or the time named when only it fails. */
export function instantProblem(s: string): string {
  const expected = 'expected a UTC instant written YYYY-MM-DDTHH:mm:ssZ'
  const m = INSTANT_RE.exec(s)
  if (!m) return expected
  if (!isIsoDate(s.slice(0, 10))) return `${expected}: ${s.slice(0, 10)} is not a real calendar date`
  return `${expected}: ${s.slice(11, 19)} is not a time of day (hours 00-23, minutes and seconds 00-59)`
}

/**
 * The instant of a round given only its day: 14:00 UTC, when IRCC's rounds are usually held. One rule
 * for the web simulator's day and `round --at DAY`, so the same day ranks the same pool everywhere.
 */
export function roundInstantOfDay(day: IsoDate): IsoInstant {
  return `${day}T14:00:00Z`
}

/** The instant of epoch milliseconds as the product writes instants: `YYYY-MM-DDTHH:mm:ssZ` (milliseconds kept only when not zero). */
export function instantOfMs(ms: number): IsoInstant {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** Now, to the second, as the product writes instants (the store keeps instants to the second). */
export function nowInstant(): IsoInstant {
  return instantOfMs(Math.floor(Date.now() / 1000) * 1000)
}

/** The UTC calendar date of an instant. */
export function dateOfInstant(instant: IsoInstant): IsoDate {
  return instant.slice(0, 10)
}

function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` date. */
export function toDayNumber(date: IsoDate): number {
  // Parsing by position and Hinnant's days-from-civil arithmetic: this runs for every job of every
  // profile scored, so it avoids regexes and Date objects.
  let y = yearOf(date)
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** Day numbers of 0000-01-01 and 9999-12-31: the days written `YYYY-MM-DD` with four digits. */
const FIRST_FOUR_DIGIT_DAY = -719_528
const LAST_FOUR_DIGIT_DAY = 2_932_896

/** `n` as two digits. */
function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  // Hinnant's civil-from-days, the inverse of toDayNumber: the pool generator makes several dates per
  // profile drawn, and a Date object and its ISO string cost more than all the rest of a date's work.
  // Other days (fractions, years outside 0000-9999) keep the Date path and its answers.
  if (!Number.isInteger(day) || day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY) return new Date(day * 86_400_000).toISOString().slice(0, 10)
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y >= 1000 ? String(y) : String(y).padStart(4, '0')}-${twoDigits(m)}-${twoDigits(d)}`
}

/** `date` plus `days` days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * The same day `years` years later (or earlier). A Feb 29 lands on Feb 28 in a common year, so
 * "two years after 2020-02-29" is 2022-02-28.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = yearOf(date) + years
  const yyyy = y >= 1000 ? String(y) : String(y).padStart(4, '0')
  // Only Feb 29 can fall off the calendar.
  if (date.charCodeAt(5) === 48 && date.charCodeAt(6) === 50 && date.charCodeAt(8) === 50 && date.charCodeAt(9) === 57 && !isLeapYear(y)) return `${yyyy}-02-28`
  return yyyy + date.slice(4)
}

/**
 * Full years from `from` to `to`: a person born 2000-02-29 is 18 on 2018-03-01 but still 17 on
 * 2018-02-28 (the birthday falls on Mar 1 in a common year, as in most Canadian usage).
 */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const fy = yearOf(from)
  const ty = yearOf(to)
  // Comparing "MM-DD" as strings orders days within a year; 02-29 sorts after 02-28, so a leap-day
  // birthday is reached on 03-01 in a common year.
  const years = ty - fy
  return to.slice(5) < from.slice(5) ? years - 1 : years
}

/** Today's UTC date. */
export function todayUtc(): IsoDate {
  // Asked on every scoring request without a date: formatted once a day, not once a call.
  const day = Math.floor(Date.now() / 86_400_000)
  if (day !== today.day) today = { day, date: fromDayNumber(day) }
  return today.date
}

let today = { day: NaN, date: '' }
