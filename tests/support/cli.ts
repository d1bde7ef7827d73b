import { spawnSync } from 'node:child_process'
import { cliBin, repoRoot } from './paths'

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the real `readiness` bin in a child process. */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
