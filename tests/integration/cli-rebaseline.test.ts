import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'

const plan = (hours: number) => `# Small Plan

**Date**: 2025-01-06

## PHASE 1: WORK (Week 1)

#### 1.1 Add Health Check
- [ ] Create \`src/health.ts\`

**Estimated Time**: ${hours} hours
`

describe('readiness rebaseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-cli-rebaseline-'))
  const db = join(dir, 'cli.db')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('makes the re-imported version the baseline, with the reason', () => {
    writeFileSync(join(dir, 'v1.md'), plan(4))
    writeFileSync(join(dir, 'v2.md'), plan(10))
    expect(runCli(['import', join(dir, 'v1.md'), '--db', db]).status).toBe(0)
    expect(runCli(['import', join(dir, 'v2.md'), '--plan', '1', '--db', db]).status).toBe(0)

    const run = runCli(['rebaseline', '1', '--reason', 'estimates redone', '--db', db])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Plan 1 is now measured against version 2')
    expect(run.stdout).toContain('estimates redone')

    const status = JSON.parse(runCli(['status', '1', '--as-of', '2025-01-06', '--json', '--db', db]).stdout)
    expect(status.baseline).toMatchObject({ versionNo: 2, reason: 'estimates redone', latest: true })
    expect(status.burndown[0].idealRemainingHours).toBe(10)
  })
})
