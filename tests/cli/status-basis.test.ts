import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { repoRoot } from '../support/paths'

/** A checked item without an estimate beside three estimated ones. */
const PARTLY_ESTIMATED = readFileSync(join(repoRoot, 'tests/e2e/plans/partly-estimated.md'), 'utf8')

let dir: string
let db: string
let planId: number

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-basis-'))
  db = join(dir, 'cli.db')
  writeFileSync(join(dir, 'plan.md'), PARTLY_ESTIMATED)
  const imported = runCli(['import', join(dir, 'plan.md'), '--json', '--db', db])
  expect(imported.status, imported.stderr).toBe(0)
  planId = (JSON.parse(imported.stdout) as { planId: number }).planId
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('readiness status: the basis of the percentages', () => {
  it('counts a checked item without an estimate in claimed %, and says the basis is items and why', () => {
    const run = runCli(['status', String(planId), '--as-of', '2026-01-14', '--db', db])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('verified 0% · claimed 25% · by items (1 without an estimate) · remaining 16 h')
    const json = runCli(['status', String(planId), '--as-of', '2026-01-14', '--json', '--db', db])
    expect(JSON.parse(json.stdout).summary).toMatchObject({ basis: 'tasks', claimedPercent: 25 })
  })

  it('gives earned and planned value with their unit, items or hours as the basis is', () => {
    const run = runCli(['status', String(planId), '--as-of', '2026-01-14', '--db', db])
    expect(run.stdout).toMatch(/ · SPI 0 \(earned 0 of planned \d+(\.\d)? items\)\n/)
    writeFileSync(join(dir, 'estimated.md'), PARTLY_ESTIMATED.replace('Write the runbook', 'Write the runbook (2h)'))
    const imported = runCli(['import', join(dir, 'estimated.md'), '--json', '--db', db])
    const estimated = (JSON.parse(imported.stdout) as { planId: number }).planId
    const hours = runCli(['status', String(estimated), '--as-of', '2026-01-14', '--db', db])
    expect(hours.stdout).toContain('claimed 11.1% · by hours · ')
    expect(hours.stdout).toMatch(/ · SPI 0 \(earned 0 of planned \d+(\.\d)? h\)\n/)
  })
})
