import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { MethodOutput } from '../../shared/contract'
import { AppError } from '../../shared/rpc'
import { planIdsConnectedTo } from '../db/repo-store'
import { createSampleRepo } from '../services/sample-repo'
import type { CoreContext } from './context'

function existingSamplePlan(ctx: CoreContext, repoDir: string): number | null {
  const paths = [repoDir]
  try {
    paths.push(realpathSync(repoDir))
  } catch {
    return null
  }
  return planIdsConnectedTo(ctx.db, paths)[0] ?? null
}

/**
 * The sample plan with a generated repository, connected and synced: three calls through the validated dispatch,
 * as the lead would make them. "Open the sample" again opens the sample already there instead of a second one.
 */
export async function openSample(ctx: CoreContext): Promise<MethodOutput<'sample.open'>> {
  if (ctx.dbPath === ':memory:') throw new AppError('unsupported', 'The sample needs a database on disk')
  const repoDir = join(dirname(ctx.dbPath), 'sample-repo')
  const existing = existingSamplePlan(ctx, repoDir)
  if (existing !== null) return { planId: existing }
  let sample
  try {
    sample = createSampleRepo(repoDir, ctx.now())
  } catch (error) {
    throw new AppError(
      'unavailable',
      `Could not create the sample repository (is git installed?): ${(error as Error).message}`,
    )
  }
  // the app's own resource, passed as bytes: browser mode reads no paths from calls
  const base64 = readFileSync(join(ctx.resourcesDir, 'sample-plan.md')).toString('base64')
  const { planId } = await ctx.call('plans.import', {
    source: { name: 'sample-plan.md', base64 },
    startDate: sample.start,
  })
  await ctx.call('repos.connect', { planId, path: sample.dir })
  await ctx.call('repos.sync', { planId })
  return { planId }
}
