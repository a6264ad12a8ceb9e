/**
 * The built CLI for end-to-end tests: `ensureBuilt()` runs `npm run build` when dist/ is missing or
 * older than any file under src/, so the tests run what a user runs after `npm install`.
 */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUILT = join(ROOT, 'dist/src/cli/index.js')
export const CLI = join(ROOT, 'bin/express-entry.js')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Builds dist/ when it is missing or stale. */
export function ensureBuilt(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource(join(ROOT, 'src'))) return
  try {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' })
  } catch (e) {
    // tsc still emits when another area has a type error; the tests need only the CLI.
    if (!existsSync(BUILT)) throw e
  }
}
