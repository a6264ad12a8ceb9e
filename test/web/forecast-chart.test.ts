/**
 * The forecast chart's bars (web/src/forecast/view.ts): a chance above 0 gets a bar one can see on a
 * phone (a bar of 1% was 1.6 units tall, a hairline), a chance of 0 none; the values said are unchanged.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'

type View = typeof import('../../web/src/forecast/view.js')

async function view(): Promise<View> {
  vi.resetModules()
  vi.stubGlobal('location', { search: '?lang=en', href: 'http://localhost/forecast?lang=en' })
  vi.stubGlobal('document', { documentElement: {} })
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined })
  return import('../../web/src/forecast/view.js')
}
afterAll(() => vi.unstubAllGlobals())

describe('a bar’s height', () => {
  // The chart's scale: 200 units tall, 10 above and 26 below the bars (curveChart).
  const FULL = 164
  it.each([
    [0, 0],
    [0.001, 4],
    [0.01, 4],
    [0.02, 4],
    [0.03, 4.92],
    [0.25, 41],
    [0.5, 82],
    [1, 164],
  ])('a chance of %s is %s units tall', async (p, height) => {
    const { barHeight, MIN_BAR } = await view()
    expect(MIN_BAR).toBe(4)
    expect(barHeight(p, FULL)).toBeCloseTo(height, 6)
  })
})
