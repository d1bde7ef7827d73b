/**
 * Precision and recall of *done* over the whole evidence fixture suite: every behaviour case
 * (tests/evidence/helpers/behaviours.ts) and every (task, week boundary) of the oracle history
 * (tests/evidence/helpers/oracle.ts), each judged against its key. A false done is a task the cockpit calls done
 * that the key says is not; the target is none.
 *
 *   npx tsx bench/evidence-precision.ts
 */
import { openCore } from '../src/main/bootstrap'
import { sourceLayout } from '../src/main/source-layout'
import type { ProgressReport } from '../src/shared/progress-model'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BEHAVIOURS, runBehaviour } from '../tests/evidence/helpers/behaviours'
import {
  ORACLE_PLAN,
  ORACLE_START,
  ORACLE_WEEKS,
  buildOracleRepo,
  oracleStates,
} from '../tests/evidence/helpers/oracle'

interface Sample {
  name: string
  keyDone: boolean
  keyWeek: number | null
  gotDone: boolean
  gotWeek: number | null
}

async function behaviourSamples(): Promise<Sample[]> {
  const out: Sample[] = []
  for (const c of BEHAVIOURS) {
    const got = await runBehaviour(c)
    out.push({
      name: c.name,
      keyDone: c.expect.state === 'done',
      keyWeek: c.expect.doneWeek,
      gotDone: got.state === 'done',
      gotWeek: got.doneWeek,
    })
  }
  return out
}

async function oracleSamples(): Promise<Sample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-precision-'))
  const repo = buildOracleRepo()
  const core = openCore({
    dbPath: join(dir, 'db.sqlite'),
    migrationsFolder: sourceLayout.migrationsFolder,
    resourcesDir: sourceLayout.resourcesDir,
    appVersion: 'bench',
    platform: { mode: 'cli', dialogs: null },
    now: () => new Date('2025-05-05T12:00:00Z'),
  })
  const call = async <T>(method: string, input: unknown) => {
    const r = await core.dispatch(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value as T
  }
  try {
    const { planId } = await call<{ planId: number }>('plans.import', {
      source: { name: 'oracle.md', base64: Buffer.from(ORACLE_PLAN).toString('base64') },
      startDate: ORACLE_START,
    })
    await call('repos.connect', { planId, path: repo.dir })
    await call('repos.sync', { planId })
    const out: Sample[] = []
    for (let week = 0; week <= ORACLE_WEEKS; week++) {
      const asOf = new Date(Date.parse(`${ORACLE_START}T00:00:00Z`) + week * 7 * 86_400_000).toISOString().slice(0, 10)
      const report = await call<ProgressReport>('progress.get', { planId, asOf })
      const key = oracleStates(repo.dir, asOf)
      for (const t of report.tasks) {
        out.push({
          name: `oracle ${t.key} as of ${asOf}`,
          keyDone: key[t.key].done,
          keyWeek: key[t.key].doneWeek,
          gotDone: t.state === 'done',
          gotWeek: t.state === 'done' ? t.doneWeek : null,
        })
      }
    }
    return out
  } finally {
    core.close()
    repo.cleanup()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const samples = [...(await behaviourSamples()), ...(await oracleSamples())]
  const tp = samples.filter((s) => s.keyDone && s.gotDone)
  const fp = samples.filter((s) => !s.keyDone && s.gotDone)
  const fn = samples.filter((s) => s.keyDone && !s.gotDone)
  const weekRight = tp.filter((s) => s.gotWeek === s.keyWeek)
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`)
  console.log(
    `samples ${samples.length} (${BEHAVIOURS.length} behaviour cases, ${samples.length - BEHAVIOURS.length} oracle task-weeks); key says done in ${tp.length + fn.length}`,
  )
  console.log(
    `precision of done ${pct(tp.length, tp.length + fp.length)} (${tp.length}/${tp.length + fp.length}), recall ${pct(tp.length, tp.length + fn.length)} (${tp.length}/${tp.length + fn.length}), false done ${fp.length}, done week exact ${weekRight.length}/${tp.length}`,
  )
  for (const s of [...fp, ...fn]) console.log(`  ${s.gotDone ? 'FALSE DONE' : 'missed done'}: ${s.name}`)
  for (const s of tp.filter((x) => x.gotWeek !== x.keyWeek))
    console.log(`  wrong week: ${s.name}: ${s.gotWeek}, key ${s.keyWeek}`)
  process.exitCode = fp.length > 0 ? 1 : 0
}

void main()
