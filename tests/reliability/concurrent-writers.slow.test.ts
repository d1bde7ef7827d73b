import Database from 'better-sqlite3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/bootstrap'
import { sourceLayout } from '../../src/main/source-layout'
import { callOk } from '../support/core'
import { bundleChild } from './helpers/crash-bundle'

/** 20 weekly phases × 100 items: re-reading its versions takes seconds, the case that used to hold the write lock */
function bigPlan(version: number): string {
  const lines = ['# Concurrency plan', '', '**Date:** 2025-01-06', '']
  for (let phase = 1; phase <= 20; phase++) {
    lines.push(`## Phase ${phase}: Area ${phase} (Week ${phase})`, '')
    for (let item = 1; item <= 100; item++) {
      lines.push(
        `#### ${phase}.${item} Harden component ${phase}-${item}`,
        '',
        `**Estimated Time**: ${1 + ((item + version) % 2)} days`,
        '',
        `- Create \`src/area${phase}/component${item}.ts\``,
        '',
      )
    }
  }
  return lines.join('\n')
}

interface Writer {
  proc: ChildProcessWithoutNullStreams
  next(): Promise<string>
  send(method: string, input: unknown): void
}

describe('concurrent writers: a long settings change and edits from another process all land', () => {
  let dir: string
  let child: string
  let taskId: number
  const dbPath = () => join(dir, 'busy.db')
  const figures: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-concurrent-'))
    const core = openCore({
      dbPath: dbPath(),
      ...sourceLayout,
      appVersion: 'test',
      platform: { mode: 'cli', dialogs: null },
    })
    try {
      for (const version of [1, 2, 3, 4]) {
        writeFileSync(join(dir, `plan-${version}.md`), bigPlan(version))
        await callOk(core, 'plans.import', {
          source: { path: join(dir, `plan-${version}.md`) },
          ...(version > 1 ? { planId: 1 } : {}),
        })
      }
      taskId = (await callOk<{ taskIds: Record<string, number> }>(core, 'plans.get', { planId: 1 })).taskIds['3.7']
    } finally {
      core.close()
    }
    child = bundleChild(join(__dirname, 'helpers', 'call-child.ts'), 'call-child')
  }, 300_000)
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    console.log(`[reliability] concurrent writers: ${figures.join('; ')}`)
  })

  async function startWriter(): Promise<Writer> {
    const proc = spawn(process.execPath, [child, dbPath(), sourceLayout.migrationsFolder, sourceLayout.resourcesDir])
    const queue: string[] = []
    const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = []
    let stderr = ''
    let exited: Error | undefined
    proc.stderr.on('data', (chunk) => (stderr += String(chunk)))
    createInterface({ input: proc.stdout }).on('line', (line) =>
      waiting.length ? waiting.shift()!.resolve(line) : queue.push(line),
    )
    // a writer that dies fails the waiting test at once with its output, instead of at the test timeout
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || signal === 'SIGTERM') return
      exited = new Error(`writer exited (${code ?? signal}): ${stderr.slice(0, 2000)}`)
      for (const waiter of waiting.splice(0)) waiter.reject(exited)
    })
    const writer: Writer = {
      proc,
      next: () =>
        new Promise((resolve, reject) => {
          if (queue.length) return resolve(queue.shift()!)
          if (exited) return reject(exited)
          waiting.push({ resolve, reject })
        }),
      send: (method, input) => proc.stdin.write(`${JSON.stringify({ method, input })}\n`),
    }
    expect(await writer.next()).toBe('READY')
    return writer
  }

  /** polls from a third connection (a reader never waits in WAL mode) until `landed` holds; resolves with the time */
  function watch(landed: (db: Database.Database) => boolean): Promise<number> {
    const db = new Database(dbPath(), { readonly: true })
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        if (!landed(db)) return
        clearInterval(timer)
        db.close()
        resolve(Date.now())
      }, 10)
    })
  }

  const hoursOfPlan = (db: Database.Database) =>
    db.prepare('select hours_per_day from plans where id = 1').pluck().get() as number | null
  const statusWithNote = (note: string) => (db: Database.Database) =>
    db.prepare('select count(*) from task_statuses where note = ?').pluck().get(note) === 1

  it('a status edit lands while hours/day re-reads every version, long before that change commits; both land', async () => {
    const [settings, editor] = await Promise.all([startWriter(), startWriter()])
    const settingsLanded = watch((db) => hoursOfPlan(db) === 6)
    const editLanded = watch(statusWithNote('edited during the re-read'))
    const started = Date.now()
    settings.send('plans.update', { planId: 1, hoursPerDay: 6 })
    await new Promise((r) => setTimeout(r, 100))
    editor.send('tasks.setStatus', { taskId, status: 'blocked', note: 'edited during the re-read', date: '2025-02-03' })
    const [editAnswer, settingsAnswer] = await Promise.all([editor.next(), settings.next()])
    expect(editAnswer).toMatch(/^DONE/)
    expect(settingsAnswer).toMatch(/^DONE/)
    const [editAt, settingsAt] = await Promise.all([editLanded, settingsLanded])
    expect(editAt, 'the edit waited for the re-read').toBeLessThan(settingsAt)
    // the re-read swapped in whole: every version read with 6 h/day, tasks re-estimated from it
    const db = new Database(dbPath(), { readonly: true })
    const versions = db.prepare('select parsed_json from plan_versions where plan_id = 1').pluck().all() as string[]
    expect(versions.map((json) => (JSON.parse(json) as { hoursPerDay: number }).hoursPerDay)).toEqual([6, 6, 6, 6])
    expect(db.prepare("select estimate_hours from tasks where plan_id = 1 and key = '1.1'").pluck().get()).toBe(12)
    db.close()
    figures.push(
      `hours/day change took ${settingsAt - started} ms (re-reading 4 versions of 2,000 tasks); the status edit sent 100 ms in landed after ${editAnswer.split(' ')[1]} ms, ${settingsAt - editAt} ms before the change committed`,
    )
    settings.proc.kill()
    editor.proc.kill()
  }, 300_000)

  it('a global setting changed during the re-read is not overwritten: the re-read is redone with it', async () => {
    const [settings, editor] = await Promise.all([startWriter(), startWriter()])
    settings.send('plans.update', { planId: 1, hoursPerDay: 7 })
    await new Promise((r) => setTimeout(r, 100))
    editor.send('settings.update', { daysPerWeek: 4 })
    expect(await editor.next()).toMatch(/^DONE/)
    expect(await settings.next()).toMatch(/^DONE/)
    const db = new Database(dbPath(), { readonly: true })
    const parsed = (
      db.prepare('select parsed_json from plan_versions where plan_id = 1').pluck().all() as string[]
    ).map((json) => JSON.parse(json) as { hoursPerDay: number; daysPerWeek: number })
    expect(parsed.map((p) => [p.hoursPerDay, p.daysPerWeek])).toEqual(Array(4).fill([7, 4]))
    expect(
      JSON.parse(db.prepare("select value_json from settings where key = 'app'").pluck().get() as string),
    ).toMatchObject({ daysPerWeek: 4 })
    db.close()
    figures.push('a days/week default changed mid re-read: the re-read was redone, both changes kept')
    settings.proc.kill()
    editor.proc.kill()
  }, 300_000)

  it('an edit waiting on a lock held longer than the busy timeout is retried with backoff, not lost', async () => {
    const editor = await startWriter()
    const holder = new Database(dbPath())
    holder.exec('BEGIN IMMEDIATE')
    holder.prepare("insert into settings (key, value_json) values ('lock-holder', '1')").run()
    const heldMs = 7000
    editor.send('tasks.setStatus', { taskId, status: 'done', note: 'edited under a long lock', date: '2025-02-04' })
    await new Promise((r) => setTimeout(r, heldMs))
    holder.exec('COMMIT')
    holder.close()
    const answer = await editor.next()
    expect(answer).toMatch(/^DONE/)
    expect(Number(answer.split(' ')[1])).toBeGreaterThanOrEqual(heldMs - 500)
    const db = new Database(dbPath(), { readonly: true })
    expect(statusWithNote('edited under a long lock')(db)).toBe(true)
    db.close()
    figures.push(
      `an edit behind a ${heldMs / 1000} s write lock (busy timeout 5 s) landed after ${answer.split(' ')[1]} ms`,
    )
    editor.proc.kill()
  }, 120_000)
})
