import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { AppError } from '../../../shared/rpc'
import { createSampleRepo } from '../../services/sample-repo'
import type { HandlerGroup } from '../dispatch'
import { planHandlers } from './plans'
import { repoHandlers } from './repos'

export const sampleHandlers: HandlerGroup = {
  'sample.open': async (_input, ctx) => {
    if (ctx.dbPath === ':memory:') throw new AppError('unsupported', 'The sample needs a database on disk')
    const repoDir = join(dirname(ctx.dbPath), 'sample-repo')
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
