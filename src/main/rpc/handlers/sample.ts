import { readFileSync, realpathSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { planIdsConnectedTo } from '../../db/repo-store'
import type { CoreContext } from '../context'
import { AppError } from '../../../shared/rpc'
import { createSampleRepo } from '../../services/sample-repo'
import type { HandlerGroup } from '../dispatch'
import { planHandlers } from './plans'
import { repoHandlers } from './repos'

function existingSamplePlan(ctx: CoreContext, repoDir: string): number | null {
  const paths = [repoDir]
  try {
    paths.push(realpathSync(repoDir))
  } catch {
    return null
  }
  return planIdsConnectedTo(ctx.db, paths)[0] ?? null
}

export const sampleHandlers: HandlerGroup = {
  'sample.open': async (_input, ctx) => {
    if (ctx.dbPath === ':memory:') throw new AppError('unsupported', 'The sample needs a database on disk')
    const repoDir = join(dirname(ctx.dbPath), 'sample-repo')
    // "Open the sample" again opens the sample already there instead of making a second one
    const existing = existingSamplePlan(ctx, repoDir)
    if (existing !== null) return { planId: existing }
    let sample
    try {
      sample = createSampleRepo(repoDir, ctx.now())
    } catch (error) {
      throw new AppError('unavailable', `Could not create the sample repository (is git installed?): ${(error as Error).message}`)
    }
    // the app's own resource, passed as bytes: browser mode reads no paths from calls
    const bytes = readFileSync(join(ctx.resourcesDir, 'sample-plan.md'))
    const imported = await planHandlers['plans.import']!({ source: { name: 'sample-plan.md', base64: bytes.toString('base64') }, startDate: sample.start }, ctx)
    await repoHandlers['repos.connect']!({ planId: imported.planId, path: sample.dir }, ctx)
    await repoHandlers['repos.sync']!({ planId: imported.planId }, ctx)
    return { planId: imported.planId }
  },
}
