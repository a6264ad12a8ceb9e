/**
 * The web app: a multi-page vite build from web/ into dist/web, which `express-entry serve` serves.
 * `npm run build:web` builds it; `npx vite --config web/vite.config.ts` serves it live with /v1 proxied
 * to a server on port 8080.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url))

export const PAGES = ['index', 'calculator', 'rounds', 'eligibility', 'simulator', 'forecast'] as const

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p, here(`${p}.html`)])) },
  },
  server: { proxy: { '/v1': 'http://localhost:8080', '/openapi.json': 'http://localhost:8080' } },
})
