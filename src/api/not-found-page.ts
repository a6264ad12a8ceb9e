/**
 * What a browser gets for a page that does not exist: a small HTML page in the reader's language
 * (`?lang=fr`, else Accept-Language), instead of the API's problem+json, which API clients (anything
 * under /v1/, or not asking for HTML) keep. And the site's icon, drawn in code (no binary file).
 * @module
 */

/** The site's icon: the accent blue square with a white check mark. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f9c"/><path d="M8 17l5 5 11-12" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>'

/** Whether a request for `path` accepting `accept` should get the HTML page rather than problem+json. */
export function wantsHtmlPage(path: string, accept: string | undefined): boolean {
  if (path === '/v1' || path.startsWith('/v1/')) return false
  return /\btext\/html\b/.test(accept ?? '')
}

/** The reader's language: `?lang=`, then the first language of Accept-Language. */
export function pageLanguage(lang: string | undefined, acceptLanguage: string | undefined): 'en' | 'fr' {
  if (lang === 'fr' || lang === 'en') return lang
  return /^\s*fr\b/i.test(acceptLanguage ?? '') ? 'fr' : 'en'
}

const WORDS = {
  en: { brand: 'Express Entry Engine', title: 'Page not found', text: 'There is no page at this address.', home: 'Go to the home page', api: 'API documentation' },
  fr: { brand: 'Moteur Entrée express', title: 'Page introuvable', text: 'Il n’y a pas de page à cette adresse.', home: 'Aller à la page d’accueil', api: 'Documentation de l’API' },
} as const

/** The 404 page in `lang` (it names no part of the request: nothing the visitor sent is echoed back). */
export function notFoundHtml(lang: 'en' | 'fr'): string {
  const w = WORDS[lang]
  const keep = lang === 'fr' ? '?lang=fr' : ''
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${w.title} · ${w.brand}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a}main{max-width:40rem;margin:0 auto;padding:1rem}a{color:#0b4f9c;display:inline-block;min-height:44px;line-height:44px}</style>
</head>
<body>
<main>
<p><a href="/${keep}">${w.brand}</a></p>
<h1>${w.title}</h1>
<p>${w.text}</p>
<ul><li><a href="/${keep}">${w.home}</a></li><li><a href="/docs">${w.api}</a></li></ul>
</main>
</body>
</html>
`
}
