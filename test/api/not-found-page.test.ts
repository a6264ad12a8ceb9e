/** A browser asking for a page that does not exist gets an HTML 404 in its language; API clients keep problem+json. The site's icon is served. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/api/app.js'

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const webRoot = mkdtempSync(join(tmpdir(), 'ee-404-'))
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>home</title>')
afterAll(() => rmSync(webRoot, { recursive: true, force: true }))

describe.each([
  ['with the web app', createApp({ webRoot })],
  ['API only', createApp()],
])('not found, %s', (_name, app) => {
  it('a browser gets a small HTML page, in English by default', async () => {
    const res = await app.request('/no-such-page', { headers: { accept: BROWSER } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<h1>Page not found</h1>')
    expect(html).toContain('<a href="/">Go to the home page</a>')
    // Nothing the visitor sent is echoed back.
    expect(html).not.toContain('no-such-page')
  })

  it('in French with ?lang=fr or a French Accept-Language', async () => {
    for (const [path, language] of [['/nope?lang=fr', 'en-CA'], ['/nope', 'fr-CA,fr;q=0.9,en;q=0.5']]) {
      const res = await app.request(path!, { headers: { accept: BROWSER, 'accept-language': language! } })
      expect(res.status).toBe(404)
      const html = await res.text()
      expect(html).toContain('<html lang="fr">')
      expect(html).toContain('<h1>Page introuvable</h1>')
      expect(html).toContain('<a href="/?lang=fr">Aller à la page d’accueil</a>')
    }
  })

  it('API clients keep problem+json: under /v1/ whatever they accept, and elsewhere when they do not ask for HTML', async () => {
    for (const [path, accept] of [['/v1/nope', BROWSER], ['/nope', 'application/json'], ['/nope', '*/*']]) {
      const res = await app.request(path!, { headers: { accept: accept! } })
      expect(res.status, `${path} ${accept}`).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(((await res.json()) as { code: string }).code).toBe('not_found')
    }
  })

  it('/favicon.ico leads to the icon, an SVG drawn in code', async () => {
    const ico = await app.request('/favicon.ico')
    expect(ico.status).toBe(301)
    expect(ico.headers.get('location')).toBe('/favicon.svg')
    const svg = await app.request('/favicon.svg')
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  })

  it('/docs links the icon (no request for a missing /favicon.ico)', async () => {
    expect(await (await app.request('/docs')).text()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')
  })
})
