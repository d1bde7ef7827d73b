import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { repoRoot } from '../support/paths'

/** The mapping step headless: parse/import --profile, parse --explain, readiness profile. */

const PLAN = join(repoRoot, 'tests/e2e/plans/team-sprints.md')
const dir = mkdtempSync(join(tmpdir(), 'readiness-cli-profile-'))
const db = join(dir, 'cli.db')
const profile = join(dir, 'profile.json')
writeFileSync(
  profile,
  JSON.stringify({ items: 'table', estimate: { column: 'Cost', unit: 'points' }, hoursPerPoint: 4 }),
)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readiness with an import profile', () => {
  it('parse --explain says how the plan was read and what was left out', () => {
    const run = runCli(['parse', PLAN, '--explain'])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^confidence: (high|medium|low)/m)
    expect(run.stdout).toMatch(/^sections:$/m)
    expect(run.stdout).toMatch(/Sprint 1: Accounts — work \(phase\): 5 items/)
    expect(run.stdout).toMatch(/^items:$/m)
    expect(run.stdout).toMatch(/^warnings:$/m)
  })

  it('parse --profile reads the plan the way the profile says', () => {
    const run = runCli(['parse', PLAN, '--profile', profile, '--json'])
    expect(run.status, run.stderr).toBe(0)
    const plan = JSON.parse(run.stdout)
    expect(plan.tasks).toHaveLength(5)
    expect(plan.totals.estimateHours).toBe(52)
  })

  it('import --profile stores it; `readiness profile` shows it and --clear re-reads without it', () => {
    const imported = runCli(['import', PLAN, '--profile', profile, '--db', db, '--json'])
    expect(imported.status, imported.stderr).toBe(0)
    const { planId } = JSON.parse(imported.stdout)
    const shown = runCli(['profile', String(planId), '--db', db, '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({ items: 'table', hoursPerPoint: 4 })
    const cleared = runCli(['profile', String(planId), '--clear', '--db', db])
    expect(cleared.status, cleared.stderr).toBe(0)
    expect(cleared.stdout).toMatch(/re-read without a profile: 8 work items, 0 h/)
  })

  it('says in one line what is wrong with a bad profile file', () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ items: 'paragraphs' }))
    const run = runCli(['parse', PLAN, '--profile', bad])
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/not a valid import profile: items/)
    const missing = runCli(['parse', PLAN, '--profile', join(dir, 'nope.json')])
    expect(missing.stderr).toMatch(/cannot read the profile .*no such file/)
  })
})
