/** The simulator's round instant as people write it: a day (taken at 14:00 UTC, when IRCC's rounds are usually held) or a UTC instant. @module */
import { roundInstantOfDay } from '../../../src/domain/dates.js'

/** The instant for `text`: `YYYY-MM-DD` → that day at 14:00:00Z; `YYYY-MM-DDTHH:mm[:ss]Z` (or without Z, read as UTC) → itself with seconds; else null. */
export function roundInstant(text: string): string | null {
  const t = text.trim()
  if (/^\d{4}-\d\d-\d\d$/.test(t)) return validDay(t) ? roundInstantOfDay(t) : null
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d)?Z?$/.exec(t)
  if (!m || !validDay(m[1]!)) return null
  const [hh, mm] = m[2]!.split(':').map(Number) as [number, number]
  const ss = m[3] ? Number(m[3].slice(1)) : 0
  if (hh > 23 || mm > 59 || ss > 59) return null
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}Z`
}

function validDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}
