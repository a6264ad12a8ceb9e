/**
 * Inline SVG charts (no library): a scatter of cut-offs over time by round type, and horizontal bars
 * of the pool by CRS range. Each chart is an image with a text alternative; the data is also in tables.
 * The drawing is as wide as the screen allows (so 11-unit text stays about 11 px on a phone), and each
 * series has its own marker shape as well as its colour.
 * @module
 */
import { s } from './dom.js'
import { num } from './i18n.js'

export interface Series {
  readonly name: string
  readonly color: string
  /** The marker: told apart by shape, not by colour alone. */
  readonly shape: Shape
  /** A key for the series' group (`data-type`). */
  readonly key?: string
  readonly points: readonly { readonly x: number; readonly y: number; readonly title: string }[]
}

export type Shape = 'circle' | 'square' | 'triangle'

/** The drawing's width in its own units: the screen's width (less the page margins) up to 760. */
export function chartWidth(): number {
  return Math.max(300, Math.min(760, (document.documentElement.clientWidth || 760) - 24))
}
const H = 320

/** A marker of `shape` centred on (x, y). */
export function marker(shape: Shape, x: number, y: number, r: number): SVGElement {
  if (shape === 'square') return s('rect', { x: (x - r).toFixed(1), y: (y - r).toFixed(1), width: (2 * r).toFixed(1), height: (2 * r).toFixed(1) })
  if (shape === 'triangle') return s('polygon', { points: `${x.toFixed(1)},${(y - r * 1.2).toFixed(1)} ${(x + r * 1.1).toFixed(1)},${(y + r * 0.8).toFixed(1)} ${(x - r * 1.1).toFixed(1)},${(y + r * 0.8).toFixed(1)}` })
  return s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r })
}

/** A small legend swatch: the series' marker in its colour. */
export function swatch(shape: Shape, color: string): SVGElement {
  const svg = s('svg', { viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true', class: 'swatch' })
  const m = marker(shape, 7, 7.5, 5)
  m.setAttribute('fill', color)
  svg.append(m)
  return svg
}
const PAD = { left: 44, right: 12, top: 12, bottom: 28 }

function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
}

/** A time scatter; x values are ISO dates turned to day numbers by `dayOf`. */
export function scatterChart(series: readonly Series[], label: string): SVGElement {
  const W = chartWidth()
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
  // On a narrow drawing, every other year is labelled.
  const yearStep = W < 500 ? 2 : 1
  for (let y = y0; y <= y1; y += step) {
    svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: sy(y), y2: sy(y), stroke: '#ddd' }), s('text', { x: PAD.left - 6, y: sy(y) + 4, 'text-anchor': 'end' }, String(y)))
  }
  const firstYear = new Date(x0 * 86_400_000).getUTCFullYear()
  const lastYear = new Date(x1 * 86_400_000).getUTCFullYear()
  for (let year = firstYear + 1; year <= lastYear; year++) {
    const x = sx(dayOf(`${year}-01-01`))
    svg.append(s('line', { x1: x, x2: x, y1: PAD.top, y2: H - PAD.bottom, stroke: '#eee' }))
    if ((year - firstYear - 1) % yearStep === 0) svg.append(s('text', { x, y: H - 8, 'text-anchor': 'middle' }, W < 500 ? `'${String(year).slice(2)}` : String(year)))
  }
  for (const serie of series) {
    const g = s('g', { fill: serie.color, 'aria-hidden': 'true', 'data-type': serie.key ?? serie.name })
    for (const p of serie.points) {
      const dot = marker(serie.shape, sx(p.x), sy(p.y), W < 500 ? 2.4 : 2.8)
      dot.append(s('title', {}, p.title))
      g.append(dot)
    }
    svg.append(g)
  }
  return svg
}

export { dayOf }

/** Horizontal bars, one per row, labelled with the count. */
export function barChart(rows: readonly { label: string; value: number }[], label: string, color = '#0b4f9c'): SVGElement {
  const W = chartWidth()
  const rowH = 22
  const height = rows.length * rowH + 8
  const max = Math.max(1, ...rows.map((r) => r.value))
  const left = 70
  const right = W < 500 ? 60 : 80
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
