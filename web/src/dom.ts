/** A tiny DOM builder: no framework, so the pages stay small. @module */

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

/** Creates an element; `on*` attributes given functions become event listeners; false/null attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value)
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

export function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'number' ? String(child) : child)
  }
}

/** What a focused control is, to find it again among new children: its tag and its text. */
const focusKey = (e: Element): string => `${e.tagName}|${e.textContent ?? ''}`

/**
 * Replaces `box`'s children, keeping the keyboard's place: when the focus was inside, it goes to the same
 * control among the new children (same tag and text, the same one of its kind), else to the box itself,
 * never to the page, so a Tab goes on from where it was. Results drawn again while someone tabs through
 * them would otherwise drop the focus to the top of the page.
 */
export function replaceKeepingFocus(box: HTMLElement, ...children: (Node | string)[]): void {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || active === box || !box.contains(active)) return box.replaceChildren(...children)
  const key = focusKey(active)
  const nth = Array.from(box.querySelectorAll(active.tagName)).filter((e) => focusKey(e) === key).indexOf(active)
  box.replaceChildren(...children)
  const same = Array.from(box.querySelectorAll<HTMLElement>(active.tagName)).filter((e) => focusKey(e) === key)[nth]
  if (same) return same.focus({ preventScroll: true })
  if (!box.hasAttribute('tabindex')) box.setAttribute('tabindex', '-1')
  box.focus({ preventScroll: true })
}

const SVG = 'http://www.w3.org/2000/svg'

/** Creates an SVG element. */
export function s(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag)
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value))
  for (const child of children) el.append(child)
  return el
}

/** The element with `id`, or an error naming it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} is missing from the page`)
  return el as T
}
