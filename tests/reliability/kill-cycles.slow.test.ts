import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/client'
import { mulberry32 } from '../../src/main/progress'
import { sourceLayout } from '../../src/main/source-layout'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { openCore } from '../../src/main/bootstrap'
import { callOk } from '../support/core'
import { bundleChild } from './helpers/crash-bundle'

const CYCLES = Number(process.env.READINESS_KILL_CYCLES ?? 50)
const FOCUSES = ['import', 'sync', 'settings'] as const

/** A plan of `phases` × `perPhase` tasks; variant b renumbers, drops and re-estimates some, as a lead's re-import would. */
function planText(variant: 'a' | 'b', phases = 12, perPhase = 25): string {
  const lines = ['# Crash test plan', '', '**Date:** 2025-01-06', '']
  for (let phase = 1; phase <= phases; phase++) {
    lines.push(`## Phase ${phase}: Area ${phase} (Week ${phase})`, '')
    for (let item = 1; item <= perPhase; item++) {
      if (variant === 'b' && item % 7 === 0) continue
      const hours = variant === 'b' && item % 5 === 0 ? 3 : 2
      lines.push(
        `#### ${phase}.${item} Harden component ${phase}-${item}`,
        '',
        `**Estimated Time**: ${hours} hours`,
        '',
        `- Create \`src/area${phase}/component${item}.ts\``,
        '',
      )
    }
    if (variant === 'b')
      lines.push(`#### ${phase}.${perPhase + 1} New work in area ${phase}`, '', '**Estimated Time**: 4 hours', '', '')
  }
  return lines.join('\n')
}

interface Cycle {
  focus: (typeof FOCUSES)[number]
  lines: string[]
}

interface Expectations {
  ackedNotes: string[]
  hours: number | null
  theme: string | null
}

function inFlight(lines: string[]): { kind: string; value: string } | null {
  const last = lines.filter((l) => l.startsWith('BEGIN ') || l.startsWith('ACK ')).pop()
  if (!last?.startsWith('BEGIN ')) return null
  const [, kind, value] = last.split(' ')
  return { kind, value }
}

function lastAcked(lines: string[], kind: string): string | null {
  const acked = lines.filter((l) => l.startsWith(`ACK ${kind} `)).pop()
  return acked ? acked.split(' ')[2] : null
}

/** What must hold after any kill: a whole database, whole imports, whole syncs, whole re-reads, every acknowledged edit. */
function problemsOf(dbPath: string, expected: Expectations, flight: { kind: string; value: string } | null): string[] {
  const db = new Database(dbPath)
  const problems: string[] = []
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]
  try {
    const integrity = all<{ integrity_check: string }>('pragma integrity_check').map((r) => r.integrity_check)
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`)
    if (all('pragma foreign_key_check').length > 0) problems.push('foreign_key_check failed')
    for (const plan of all<{
      id: number
      current_version_id: number
      baseline_version_id: number
      hours_per_day: number | null
      last_sync_at: string | null
    }>('select * from plans')) {
      const versions = all<{ id: number; parsed_json: string }>(
        'select id, parsed_json from plan_versions where plan_id = ?',
        plan.id,
      )
      const parsed = new Map(
        versions.map((v) => [
          v.id,
          JSON.parse(v.parsed_json) as {
            hoursPerDay: number
            phases: unknown[]
            tasks: { key: string; estimateHours: number | null }[]
          },
        ]),
      )
      const current = parsed.get(plan.current_version_id)
      if (!current || !parsed.has(plan.baseline_version_id)) {
        problems.push(`plan ${plan.id}: current or baseline version missing`)
        continue
      }
      for (const [id, version] of parsed) {
        const phases =
          (db.prepare('select count(*) from phases where plan_version_id = ?').pluck().get(id) as number) ?? 0
        if (phases !== version.phases.length)
          problems.push(`version ${id}: ${phases} phase rows for ${version.phases.length} phases (half import)`)
        if (plan.hours_per_day !== null && version.hoursPerDay !== plan.hours_per_day)
          problems.push(
            `version ${id}: read with ${version.hoursPerDay} h/day, plan says ${plan.hours_per_day} (half re-read)`,
          )
      }
      const live = all<{ key: string; estimate_hours: number | null }>(
        'select key, estimate_hours from tasks where plan_id = ? and removed_in_version_id is null',
        plan.id,
      )
      const liveKeys = live.map((t) => t.key).sort()
      const currentKeys = current.tasks.map((t) => t.key).sort()
      if (liveKeys.join('|') !== currentKeys.join('|'))
        problems.push(
          `plan ${plan.id}: ${liveKeys.length} live tasks for ${currentKeys.length} in the current version (half import)`,
        )
      const estimates = new Map(current.tasks.map((t) => [t.key, t.estimateHours]))
      const mismatched = live.filter((t) => estimates.has(t.key) && estimates.get(t.key) !== t.estimate_hours)
      if (mismatched.length > 0)
        problems.push(
          `plan ${plan.id}: ${mismatched.length} task estimates differ from the current version (half re-read)`,
        )
      // a full sync stamps the plan, its repositories and every result it evaluated in one transaction; checks
      // evaluated on their own since (added by hand, or added by a re-import) may be newer, never older
      const newest = db
        .prepare(
          'select max(r.evaluated_at) from check_results r join checks c on c.id = r.check_id join tasks t on t.id = c.task_id where t.plan_id = ?',
        )
        .pluck()
        .get(plan.id) as string | null
      const reposSynced = db
        .prepare('select max(last_sync_at) from plan_repos where plan_id = ?')
        .pluck()
        .get(plan.id) as string | null
      if (reposSynced !== null && reposSynced !== plan.last_sync_at)
        problems.push(
          `plan ${plan.id}: repositories synced ${reposSynced} but the plan ${plan.last_sync_at} (half sync)`,
        )
      if (newest !== null && plan.last_sync_at !== null && newest < plan.last_sync_at)
        problems.push(`plan ${plan.id}: results of ${newest} but last sync ${plan.last_sync_at} (half sync)`)
    }
    const notes = new Set(all<{ note: string }>('select note from task_statuses').map((r) => r.note))
    const lost = expected.ackedNotes.filter((note) => !notes.has(note))
    if (lost.length > 0) problems.push(`acknowledged status edits lost: ${lost.join(', ')}`)
    const hours = db.prepare('select hours_per_day from plans where id = 1').pluck().get() as number | null
    const hoursAllowed = [expected.hours, ...(flight?.kind === 'hours' ? [Number(flight.value)] : [])]
    if (!hoursAllowed.includes(hours)) problems.push(`hours/day is ${hours}; acknowledged ${expected.hours}`)
    const settingsJson = db.prepare("select value_json from settings where key = 'app'").pluck().get() as
      string | undefined
    const theme = settingsJson ? (JSON.parse(settingsJson) as { theme: string }).theme : null
    const themeAllowed = [expected.theme, ...(flight?.kind === 'theme' ? [flight.value] : [])]
    if (!themeAllowed.includes(theme)) problems.push(`theme is ${theme}; acknowledged ${expected.theme}`)
  } finally {
    db.close()
  }
  return problems
}

describe('kill -9 during imports, syncs and settings changes', () => {
  let dir: string
  let repo: GitFixture
  let child: string
  const dbPath = () => join(dir, 'crash.db')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-kill-'))
    writeFileSync(join(dir, 'plan-a.md'), planText('a'))
    writeFileSync(join(dir, 'plan-b.md'), planText('b'))
    repo = new GitFixture()
    for (let phase = 1; phase <= 6; phase++) {
      for (let item = 1; item <= 25; item += 3) repo.write(`src/area${phase}/component${item}.ts`, 'export {}\n')
      repo.commit(`area ${phase}`, `2025-01-${String(6 + phase).padStart(2, '0')}T10:00:00+00:00`)
    }
    mkdirSync(join(repo.dir, 'src'), { recursive: true })
    const setup = openCore({
      dbPath: dbPath(),
      ...sourceLayout,
      appVersion: 'test',
      platform: { mode: 'cli', dialogs: null },
    })
    try {
      const { planId } = await callOk<{ planId: number }>(setup, 'plans.import', {
        source: { path: join(dir, 'plan-a.md') },
      })
      await callOk(setup, 'repos.connect', { planId, path: repo.dir })
      await callOk(setup, 'repos.sync', { planId })
    } finally {
      setup.close()
    }
    child = bundleChild(join(__dirname, 'helpers', 'crash-child.ts'), 'crash-child')
  }, 180_000)
  afterAll(() => {
    repo?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  function runCycle(index: number, delayMs: number): Promise<Cycle> {
    const focus = FOCUSES[index % FOCUSES.length]
    const args = [
      child,
      dbPath(),
      sourceLayout.migrationsFolder,
      sourceLayout.resourcesDir,
      repo.dir,
      focus,
      join(dir, 'plan-a.md'),
      join(dir, 'plan-b.md'),
      String(index),
    ]
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`cycle ${index}: no READY in 60 s: ${stderr}`)), 60_000)
      createInterface({ input: proc.stdout }).on('line', (line) => {
        lines.push(line)
        if (line === 'READY') {
          clearTimeout(timeout)
          setTimeout(() => proc.kill('SIGKILL'), delayMs)
        }
      })
      proc.on('exit', (code, signal) => {
        clearTimeout(timeout)
        if (signal !== 'SIGKILL')
          return reject(
            new Error(`cycle ${index} (${focus}) ended by itself (${code}): ${lines.slice(-3).join(' / ')} ${stderr}`),
          )
        resolve({ focus, lines })
      })
    })
  }

  it(
    `${CYCLES} cycles: integrity_check ok, no half state, no acknowledged edit lost`,
    async () => {
      const random = mulberry32(14)
      const expected: Expectations = { ackedNotes: [], hours: null, theme: null }
      const killedDuring = new Map<string, number>()
      const acknowledged = new Map<string, number>()
      let integrityOk = 0
      const started = Date.now()
      for (let index = 0; index < CYCLES; index++) {
        const cycle = await runCycle(index, 50 + Math.floor(random() * 3000))
        const flight = inFlight(cycle.lines)
        const label = flight ? flight.kind : 'between calls'
        killedDuring.set(label, (killedDuring.get(label) ?? 0) + 1)
        for (const line of cycle.lines.filter((l) => l.startsWith('ACK ')))
          acknowledged.set(line.split(' ')[1], (acknowledged.get(line.split(' ')[1]) ?? 0) + 1)
        expected.ackedNotes.push(...cycle.lines.filter((l) => l.startsWith('ACK status ')).map((l) => l.split(' ')[2]))
        const hours = lastAcked(cycle.lines, 'hours')
        if (hours !== null) expected.hours = Number(hours)
        expected.theme = lastAcked(cycle.lines, 'theme') ?? expected.theme
        const problems = problemsOf(dbPath(), expected, flight)
        expect(problems, `after cycle ${index} (${cycle.focus}, killed during ${label})`).toEqual([])
        // an interrupted call may have landed after all; what the next cycle may see is what is there now
        if (flight?.kind === 'hours') {
          expected.hours = new Database(dbPath(), { readonly: true })
            .prepare('select hours_per_day from plans where id = 1')
            .pluck()
            .get() as number
        }
        if (flight?.kind === 'theme') {
          const json = new Database(dbPath(), { readonly: true })
            .prepare("select value_json from settings where key = 'app'")
            .pluck()
            .get() as string
          expected.theme = (JSON.parse(json) as { theme: string }).theme
        }
        integrityOk++
      }
      // and the app opens it: our own checks (application id, quick_check, migrations) pass
      openDatabase({ path: dbPath(), migrationsFolder: sourceLayout.migrationsFolder, create: false }).$client.close()
      const during = [...killedDuring.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ')
      const completed = [...acknowledged.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ')
      console.log(
        `[reliability] kill -9: ${CYCLES} cycles in ${((Date.now() - started) / 1000).toFixed(0)} s (killed during: ${during}; calls completed before the kills: ${completed}); integrity_check ok ${integrityOk}/${CYCLES}; half states 0; acknowledged edits ${expected.ackedNotes.length}, lost 0`,
      )
      expect(integrityOk).toBe(CYCLES)
      expect(expected.ackedNotes.length).toBeGreaterThan(0)
      for (const kind of ['import', 'sync', 'hours'])
        expect(killedDuring.get(kind) ?? 0, `no kill landed during ${kind}`).toBeGreaterThan(0)
    },
    30 * 60_000,
  )
})
