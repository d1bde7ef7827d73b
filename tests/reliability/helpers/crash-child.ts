/**
 * The process the kill -9 cycles kill: it opens the database like the CLI does and writes in a loop (re-imports,
 * syncs, settings changes, status edits) until it is killed. Before each call it prints `BEGIN <kind> <value>`,
 * after the call returned (committed) `ACK <kind> <value>`, with synchronous writes so no acknowledgement is lost
 * in a buffer when the kill comes.
 *
 * argv: dbPath migrationsFolder resourcesDir repoDir focus(import|sync|settings) planA planB cycle
 */
import { execFileSync } from 'node:child_process'
import { writeSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore } from '../../../src/main/bootstrap'
import { silentLogger } from '../../../src/main/log'

const [dbPath, migrationsFolder, resourcesDir, repoDir, focus, planA, planB, cycle] = process.argv.slice(2)
const say = (line: string) => writeSync(1, `${line}\n`)

const core = openCore({
  dbPath,
  migrationsFolder,
  resourcesDir,
  appVersion: 'crash',
  platform: { mode: 'cli', dialogs: null },
  create: false,
  logger: silentLogger,
})

async function call(method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}

function commitToRepo(n: number) {
  writeFileSync(join(repoDir, 'src', `change_${cycle}_${n}.ts`), `export const v = ${n}\n`)
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'c',
    GIT_AUTHOR_EMAIL: 'c@example.invalid',
    GIT_COMMITTER_NAME: 'c',
    GIT_COMMITTER_EMAIL: 'c@example.invalid',
  }
  execFileSync('git', ['add', '-A'], { cwd: repoDir, env })
  execFileSync('git', ['commit', '-q', '-m', `change ${cycle}.${n}`], { cwd: repoDir, env })
}

async function step(kind: string, value: string, work: () => Promise<unknown>) {
  say(`BEGIN ${kind} ${value}`)
  await work()
  say(`ACK ${kind} ${value}`)
}

async function main() {
  const detail = (await call('plans.get', { planId: 1 })) as { taskIds: Record<string, number> }
  const taskId = detail.taskIds['1.1']
  say('READY')
  for (let n = 0; ; n++) {
    if (focus === 'import') {
      const file = n % 2 === 0 ? planB : planA
      await step('import', file.endsWith('b.md') ? 'b' : 'a', () =>
        call('plans.import', { source: { path: file }, planId: 1 }),
      )
    } else if (focus === 'sync') {
      commitToRepo(n)
      await step('sync', String(n), () => call('repos.sync', { planId: 1 }))
    } else {
      const hours = [6, 7, 8][(Number(cycle) + n) % 3]
      await step('hours', String(hours), () => call('plans.update', { planId: 1, hoursPerDay: hours }))
      const theme = n % 2 === 0 ? 'dark' : 'light'
      await step('theme', theme, () => call('settings.update', { theme }))
    }
    const note = `edit-${cycle}-${n}`
    await step('status', note, () =>
      call('tasks.setStatus', { taskId, status: n % 2 === 0 ? 'done' : 'blocked', note, date: '2025-02-03' }),
    )
  }
}

main().catch((error: unknown) => {
  say(`FAILED ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  process.exit(3)
})
