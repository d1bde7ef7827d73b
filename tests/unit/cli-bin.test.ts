import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/paths'

describe('the readiness bin', () => {
  it('answers `npx readiness --help` in the project right after install, with no build', () => {
    const result = spawnSync('npx', ['--no-install', 'readiness', '--help'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status, result.stderr).toBe(0)
    for (const command of ['parse', 'import', 'status', 'connect', 'sync', 'report', 'call'])
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
  })

  it('explains an unknown command in one line and exits non-zero', () => {
    const result = spawnSync('npx', ['--no-install', 'readiness', 'frobnicate'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status).toBe(2)
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('readiness:')),
    ).toEqual(['readiness: unknown command "frobnicate". Run `readiness --help` for the list.'])
  })
})
