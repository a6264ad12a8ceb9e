/**
 * The browser tests' common ground: the web app built from the current sources (never a stale
 * dist/web), served by the real server with the shipped record and, when asked, a demo pool, and
 * Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) driven by playwright-core. A failed test
 * leaves a screenshot in test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { build } from 'vite'
import { startServer, type RunningServer } from '../../src/api/server.js'
import type { IsoDate } from '../../src/domain/dates.js'
import { loadRounds } from '../../src/history/load.js'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool } from '../../src/pool/generator.js'
import { importProfiles } from '../../src/pool/lifecycle.js'
import { openStore, type Store } from '../../src/store/index.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const RESULTS = join(process.cwd(), 'test-results')

export interface WebApp {
  readonly server: RunningServer
  readonly browser: Browser
  readonly store: Store | null
  close(): Promise<void>
}

/** Builds the web app, serves it (with a pool of `pool.size` generated profiles when asked) and starts Chromium. */
export async function startWebApp(name: string, options: { pool?: { size: number; seed: number; like: IsoDate } } = {}): Promise<WebApp> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  const webRoot = mkdtempSync(join(tmpdir(), `ee-${name}-`))
  await build({ configFile: join(process.cwd(), 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } })
  const rounds = loadRounds()
  let store: Store | null = null
  let pool: { store: Store; eligibility: ReturnType<typeof realEligibility> } | undefined
  if (options.pool) {
    const eligibility = realEligibility()
    const { size, seed, like } = options.pool
    store = await openStore(':memory:')
    await importProfiles(store, [...generatePool({ size, seed, like, eligibility })].map((g) => JSON.stringify(g.profile)), { eligibility, asOf: like })
    pool = { store, eligibility }
  }
  const server = await startServer({ port: 0, hostname: '127.0.0.1', webRoot, history: { rounds: () => rounds }, ...(pool ? { pool } : {}) })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS })
  return {
    server,
    browser,
    store,
    async close() {
      await browser.close()
      await server.close()
      await store?.close()
      rmSync(webRoot, { recursive: true, force: true })
    },
  }
}

/** After each test: a screenshot of `page` when the test failed, then the page closed. */
export async function screenshotIfFailed(page: Page | undefined, ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
  if (page && ctx.task.result?.state === 'fail') {
    mkdirSync(RESULTS, { recursive: true })
    await page.screenshot({ path: join(RESULTS, `${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined)
  }
  await page?.close().catch(() => undefined)
}

/**
 * The web app for one test file: started before its tests, closed after them, and (given the file's
 * current page) a screenshot of each failed test. The handle reads the running app.
 */
export function useWebApp(name: string, options: Parameters<typeof startWebApp>[1] = {}, currentPage?: () => Page | undefined): Pick<WebApp, 'server' | 'browser' | 'store'> {
  let app: WebApp | undefined
  beforeAll(async () => {
    app = await startWebApp(name, options)
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })
  if (currentPage) afterEach(async (ctx) => screenshotIfFailed(currentPage(), ctx))
  const running = (): WebApp => {
    if (!app) throw new Error(`the web app ${name} is not started`)
    return app
  }
  return {
    get server() {
      return running().server
    },
    get browser() {
      return running().browser
    },
    get store() {
      return running().store
    },
  }
}
