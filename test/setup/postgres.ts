/**
 * vitest globalSetup for the storage suites' PostgreSQL server (STYLE.md §3.5). Cheap when no
 * PostgreSQL test runs: it only makes a temporary directory; the first suite that needs the server
 * starts it there (pg-server.ts), and this teardown stops it and deletes the directory. With
 * `EE_PG_URL` set, the suites use that server; with `DIALECTS=sqlite`, nothing happens at all.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { selectedDialects, stopServer } from './pg-server.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** How the storage suites reach PostgreSQL: a server URL, or a directory to start one in. */
    postgres: { readonly url: string } | { readonly dir: string } | null
  }
}

export default function setup(project: TestProject): (() => void) | undefined {
  if (!selectedDialects().includes('postgres')) {
    project.provide('postgres', null)
    return undefined
  }
  const url = process.env.EE_PG_URL
  if (url) {
    project.provide('postgres', { url })
    return undefined
  }
  const dir = mkdtempSync(join(tmpdir(), 'ee-pg-'))
  project.provide('postgres', { dir })
  return () => {
    stopServer(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}
