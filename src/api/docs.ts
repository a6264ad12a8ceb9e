/**
 * `/docs`: a small self-contained page (no CDN: the server may have no internet) that renders
 * `/openapi.json`, lets one try each operation, and describes the problem types errors point at.
 * @module
 */
import { PROBLEMS } from './error-handler.js'

const EXAMPLE = JSON.stringify(
  { asOf: '2025-06-01', factors: { age: 30, education: 'masters', firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } }, foreignWorkYears: 3 } },
  null,
  2,
)

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

const problemRows = Object.entries(PROBLEMS)
  .map(([code, { status, title }]) => `<tr id="problem-${code.replaceAll('_', '-')}"><td><code>${code}</code></td><td>${status}</td><td>${escapeHtml(title)}</td></tr>`)
  .join('')

// The script renders the document; it uses textContent everywhere, so nothing in it is parsed as HTML.
const SCRIPT = `
const $ = (tag, attrs = {}, ...kids) => { const el = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v); for (const k of kids) el.append(k); return el; };
const example = ${JSON.stringify(EXAMPLE)};
async function main() {
  const doc = await (await fetch('/openapi.json')).json();
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  document.getElementById('intro').textContent = doc.info.description;
  const list = document.getElementById('ops');
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = op.operationId;
      const section = $('section', { class: 'op', id });
      section.append($('h3', {}, $('span', { class: 'm ' + method }, method.toUpperCase()), ' ', $('code', {}, path), op.security ? $('span', { class: 'lock', title: 'needs the bearer token' }, ' (token)') : ''));
      section.append($('p', {}, op.summary + (op.description ? ' — ' + op.description : '')));
      const params = op.parameters || [];
      const form = $('form', { 'aria-label': 'try ' + method.toUpperCase() + ' ' + path });
      for (const p of params) {
        const inputId = id + '-' + p.name;
        form.append($('label', { for: inputId }, p.name + ' (' + p.in + (p.required ? ', required' : '') + '): ' + p.description), $('input', { id: inputId, name: p.name, 'data-in': p.in }));
      }
      if (op.requestBody) {
        const schemaRef = op.requestBody.content['application/json'].schema.$ref.split('/').pop();
        section.append($('details', {}, $('summary', {}, 'Request body: ' + schemaRef), $('pre', {}, JSON.stringify(doc.components.schemas[schemaRef], null, 2))));
        form.append($('label', { for: id + '-body' }, 'Body (JSON)'), $('textarea', { id: id + '-body', rows: '8' }));
        form.querySelector('textarea').value = path === '/v1/crs/score' ? example : '{}';
      }
      if (op.security) form.append($('label', { for: id + '-token' }, 'Bearer token'), $('input', { id: id + '-token', type: 'password', autocomplete: 'off' }));
      const out = $('pre', { class: 'out', 'aria-live': 'polite' });
      form.append($('button', { type: 'submit' }, 'Send'));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        let url = path; const query = new URLSearchParams();
        for (const input of form.querySelectorAll('input[data-in]')) {
          if (!input.value) continue;
          if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value)); else query.set(input.name, input.value);
        }
        if ([...query].length) url += '?' + query;
        const headers = { 'content-type': 'application/json' };
        const token = form.querySelector('input[type=password]');
        if (token && token.value) headers.authorization = 'Bearer ' + token.value;
        const body = form.querySelector('textarea');
        out.textContent = '...';
        try {
          const res = await fetch(url, { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
          const text = await res.text();
          let shown = text; try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
          out.textContent = res.status + ' ' + (res.headers.get('content-type') || '') + '\\n' + shown;
        } catch (e) { out.textContent = String(e); }
      });
      const responses = $('ul');
      for (const [status, r] of Object.entries(op.responses)) responses.append($('li', {}, $('code', {}, status), ' ' + r.description));
      section.append($('details', {}, $('summary', {}, 'Responses'), responses), $('details', { open: '' }, $('summary', {}, 'Try it'), form, out));
      list.append(section);
    }
  }
}
main().catch((e) => { document.getElementById('ops').textContent = 'Could not load /openapi.json: ' + e; });
`

/** The /docs page. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Express Entry Engine API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; }
  code, pre, textarea { font-family: ui-monospace, monospace; font-size: 0.9em; }
  pre { background: #f3f3f3; padding: 0.5rem; overflow: auto; max-height: 24rem; }
  .op { border-top: 1px solid #ccc; padding: 0.5rem 0; }
  .m { display: inline-block; min-width: 3.5rem; text-align: center; border-radius: 4px; color: #fff; background: #1f4e8c; padding: 0 0.3rem; }
  .m.post { background: #1d6b3a; }
  label { display: block; margin-top: 0.5rem; }
  input, textarea { width: 100%; box-sizing: border-box; }
  button { margin-top: 0.5rem; padding: 0.3rem 1rem; }
  :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
</style>
</head>
<body>
<header><h1 id="title">Express Entry Engine API</h1><p id="intro"></p>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). The web app: <a href="/">/</a>.</p></header>
<main>
<h2>Operations</h2>
<div id="ops"><noscript>This page needs JavaScript to render /openapi.json; read the document directly instead.</noscript></div>
<h2 id="problems">Problem types</h2>
<p>Every error is <code>application/problem+json</code>: <code>{ type, title, status, detail, code, issues: [{ path, message }] }</code>; <code>type</code> links to a row below and <code>issues[].path</code> names the field (dotted, e.g. <code>factors.firstLanguage.clb.speaking</code>).</p>
<table><thead><tr><th>code</th><th>status</th><th>title</th></tr></thead><tbody>${problemRows}</tbody></table>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`
