import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliRun } from '../support/cli'
import { seedPlansDir } from '../support/paths'

/** Unnumbered items get generated keys (phase/title slugs) far longer than "1.2". */
const LONG_KEY_PLAN = `# Launch plan

## Week 1: Foundations

### Add health check endpoint (4 hours)

### Set up structured logging for every service (6 hours)

## Week 2: Hardening

### 2.1 Add a backup job (2 hours)
`

let dir: string
let db: string
let planId: number

function errorLines(run: CliRun): string[] {
  return run.stderr.trimEnd().split('\n').filter(Boolean)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-cli-'))
  db = join(dir, 'cli.db')
  writeFileSync(join(dir, 'long-keys.md'), LONG_KEY_PLAN)
  const imported = runCli(['import', join(dir, 'long-keys.md'), '--json', '--db', db])
  expect(imported.status, imported.stderr).toBe(0)
  planId = (JSON.parse(imported.stdout) as { planId: number }).planId
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('readiness CLI messages', () => {
  it('takes --db and --json before the command as well as after it', () => {
    const before = runCli(['--db', db, '--json', 'plans'])
    expect(before.status, before.stderr).toBe(0)
    const after = runCli(['plans', '--db', db, '--json'])
    expect(JSON.parse(before.stdout)).toEqual(JSON.parse(after.stdout))
    expect((JSON.parse(before.stdout) as { id: number }[]).map((p) => p.id)).toEqual([planId])
    const equalsForm = runCli([`--db=${db}`, 'plans'])
    expect(equalsForm.stdout).toContain('Launch plan')
  })

  it('says in one line that "abc" is not a plan id, without a validation dump', () => {
    const run = runCli(['status', 'abc', '--db', db])
    expect(run.status).toBe(2)
    expect(errorLines(run)).toEqual(['readiness: "abc" is not a plan id: give the number `readiness plans` lists'])
    expect(run.stderr).not.toMatch(/NaN|→|✖/)
    for (const command of [
      ['sync', '1.5'],
      ['report', '0', '--csv', join(dir, 'x.csv')],
      ['connect', 'x', dir],
    ]) {
      const other = runCli([...command, '--db', db])
      expect(other.status, command.join(' ')).toBe(2)
      expect(errorLines(other), command.join(' ')).toHaveLength(1)
      expect(other.stderr).toMatch(/is not a plan id/)
    }
  })

  it('names an unknown plan and explains invalid `call` input on one line', () => {
    const missing = runCli(['status', '999', '--db', db])
    expect(missing.status).toBe(1)
    expect(errorLines(missing)).toEqual(['readiness: No plan with id 999'])
    const invalid = runCli(['call', 'progress.get', '{"planId":"x"}', '--db', db])
    expect(invalid.status).toBe(1)
    expect(errorLines(invalid)).toHaveLength(1)
    expect(invalid.stderr).toMatch(/^readiness: Invalid input for progress.get: planId: /)
  })

  it('refuses to sync a plan with no repository, saying how to connect one', () => {
    const run = runCli(['sync', String(planId), '--db', db])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(errorLines(run)).toEqual([
      `readiness: plan ${planId} has no repository connected, so there is nothing to sync: connect one with \`readiness connect ${planId} <repoDir>\``,
    ])
  })

  it('aligns the status table when generated keys are long', () => {
    const run = runCli(['status', String(planId), '--as-of', '2025-01-10', '--db', db])
    expect(run.status, run.stderr).toBe(0)
    const lines = run.stdout.split('\n')
    const header = lines.findIndex((line) => /^\s*Item\s+State\s+Done\s+Title$/.test(line))
    expect(header).toBeGreaterThan(0)
    const rows = lines.slice(header + 1).filter(Boolean)
    expect(rows).toHaveLength(3)
    expect(rows.some((row) => row.includes('week-1-foundations/set-up-structured-logging-for-every-service'))).toBe(
      true,
    )
    // every row's state and title start in the header's columns
    const stateColumn = lines[header].indexOf('State')
    const titleColumn = lines[header].indexOf('Title')
    for (const row of rows) {
      expect(row[stateColumn - 1], row).toBe(' ')
      expect(row.slice(stateColumn), row).toMatch(
        /^(done|in-progress|not-started|needs-confirmation|blocked|unknown)\s/,
      )
      expect(row[titleColumn - 1], row).toBe(' ')
      expect(row.slice(titleColumn), row).toMatch(
        /^(Add health check endpoint|Set up structured logging for every service|Add a backup job)$/,
      )
    }
  })

  it('says "No such file or directory" for a path that never existed', () => {
    const repo = runCli(['connect', String(planId), join(dir, 'never-existed'), '--db', db])
    expect(repo.status).toBe(1)
    expect(errorLines(repo)).toEqual([`readiness: No such file or directory: ${join(dir, 'never-existed')}`])
    expect(repo.stderr).not.toMatch(/not there any more/)
    const plan = runCli(['import', join(dir, 'never-existed.md'), '--db', db])
    expect(plan.status).toBe(1)
    expect(errorLines(plan)).toEqual([`readiness: No such file or directory: ${join(dir, 'never-existed.md')}`])
  })

  it('explains unknown options in one line, before or after the command', () => {
    const before = runCli(['--frob', 'plans', '--db', db])
    expect(before.status).toBe(2)
    expect(errorLines(before)).toEqual([
      "readiness: Unknown option '--frob' (before the command only --db, --json, --quiet, --verbose, --help; the command's own options go after it)",
    ])
    const after = runCli(['plans', '--frob', '--db', db])
    expect(after.status).toBe(2)
    expect(errorLines(after)).toEqual(["readiness: Unknown option '--frob'. See `readiness plans --help`."])
  })

  it('parses a seed plan without touching the database', () => {
    const run = runCli(['--json', 'parse', join(seedPlansDir, '000_f36da2492d71ad53.txt')])
    expect(run.status, run.stderr).toBe(0)
    expect((JSON.parse(run.stdout) as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0)
  })
})
