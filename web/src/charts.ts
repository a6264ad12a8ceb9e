/**
 * Inline SVG charts (no library): a scatter of cut-offs over time by round type, and horizontal bars
 * of the pool by CRS range. Each chart is an image with a text alternative; the data is also in tables.
 * @module
 */
import { s } from './dom.js'
import { num } from './i18n.js'

export interface Series {
  readonly name: string
  readonly color: string
  readonly points: readonly { readonly x: number; readonly y: number; readonly title: string }[]
}

const W = 760
const H = 320
const PAD = { left: 44, right: 12, top: 12, bottom: 28 }

function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
}

/** A time scatter; x values are ISO dates turned to day numbers by `dayOf`. */
export function scatterChart(series: readonly Series[], label: string): SVGElement {
  const all = series.flatMap((x) => x.points)
  const xs = all.map((p) => p.x)
  const ys = all.map((p) => p.y)
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  const y0 = Math.floor(Math.min(...ys) / 50) * 50
  const y1 = Math.ceil(Math.max(...ys) / 50) * 50
  const sx = (x: number) => PAD.left + ((x - x0) / Math.max(1, x1 - x0)) * (W - PAD.left - PAD.right)
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / Math.max(1, y1 - y0)) * (H - PAD.top - PAD.bottom)
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label })
  svg.append(s('title', {}, label))
  const step = y1 - y0 > 400 ? 100 : 50
  for (let y = y0; y <= y1; y += step) {
    svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: sy(y), y2: sy(y), stroke: '#ddd' }), s('text', { x: PAD.left - 6, y: sy(y) + 4, 'text-anchor': 'end' }, String(y)))
  }
  const firstYear = new Date(x0 * 86_400_000).getUTCFullYear()
  const lastYear = new Date(x1 * 86_400_000).getUTCFullYear()
  for (let year = firstYear + 1; year <= lastYear; year++) {
    const x = sx(dayOf(`${year}-01-01`))
    svg.append(s('line', { x1: x, x2: x, y1: PAD.top, y2: H - PAD.bottom, stroke: '#eee' }), s('text', { x, y: H - 8, 'text-anchor': 'middle' }, String(year)))
  }
  for (const serie of series) {
    const g = s('g', { fill: serie.color, 'aria-hidden': 'true' })
    for (const p of serie.points) g.append(s('circle', { cx: sx(p.x).toFixed(1), cy: sy(p.y).toFixed(1), r: 2.6 }, s('title', {}, p.title)))
    svg.append(g)
  }
  return svg
}

export { dayOf }

/** Horizontal bars, one per row, labelled with the count. */
export function barChart(rows: readonly { label: string; value: number }[], label: string, color = '#0b4f9c'): SVGElement {
  const rowH = 22
  const height = rows.length * rowH + 8
  const max = Math.max(1, ...rows.map((r) => r.value))
  const left = 70
  const right = 80
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart', role: 'img', 'aria-label': label })
  svg.append(s('title', {}, label))
  rows.forEach((r, i) => {
    const y = 4 + i * rowH
    const w = ((W - left - right) * r.value) / max
    svg.append(
      s('text', { x: left - 6, y: y + 15, 'text-anchor': 'end' }, r.label),
      s('rect', { x: left, y: y + 3, width: w.toFixed(1), height: rowH - 6, fill: color }),
      s('text', { x: left + w + 6, y: y + 15 }, num(r.value)),
    )
  })
  return svg
}
