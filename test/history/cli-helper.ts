import { Command, CommanderError } from 'commander'
import { vi } from 'vitest'
import { reportError } from '../../src/cli/io.js'

/** Runs one command registered by `register` in-process; returns its exit code and output. */
export async function runCli(register: (program: Command) => void, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} })
  register(program)
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true))
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true))
  process.exitCode = 0
  try {
    await program.parseAsync(['node', 'express-entry', ...args])
  } catch (e) {
    process.exitCode = e instanceof CommanderError ? 2 : reportError(e)
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = 0
  return { code, stdout, stderr }
}
