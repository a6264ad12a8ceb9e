/**
 * What the reader typed on the forecast page (the JSON, the day it looks from, the horizon), kept in
 * this tab's sessionStorage: the language switch and Back/Forward bring it back instead of the example.
 * Kept for the tab only (a pasted profile is personal), and never sent anywhere by this module.
 * @module
 */

export interface ForecastInput {
  readonly json: string
  readonly asOf: string
  readonly horizon: string
}

const KEY = 'ee-forecast-input'

/** The input as kept, or null when there is none or it cannot be read. */
export function readInput(text: string | null): ForecastInput | null {
  if (text === null) return null
  try {
    const v = JSON.parse(text) as Partial<Record<keyof ForecastInput, unknown>>
    if (typeof v.json !== 'string' || typeof v.asOf !== 'string' || typeof v.horizon !== 'string') return null
    return { json: v.json, asOf: v.asOf, horizon: v.horizon }
  } catch {
    return null
  }
}

/** The input this tab kept, or null. */
export function savedInput(): ForecastInput | null {
  try {
    return readInput(sessionStorage.getItem(KEY))
  } catch {
    return null // storage disabled: the example is shown
  }
}

/** Keeps `input` for this tab. */
export function saveInput(input: ForecastInput): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(input))
  } catch {
    // storage disabled or full: nothing is kept
  }
}
