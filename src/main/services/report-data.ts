import type { ReportData, ReportRepo } from '../../shared/contract/report'
import type { AppDatabase } from '../db/client'
import { readVersionPlan, requirePlanRow } from '../db/plan-store'
import { linkRows, toRepoLink } from '../db/repo-store'
import type { GitPort } from '../evidence/git-port'
import { inspectRepo } from '../evidence/inspect'
import { computeProgress } from '../progress'
import { buildReportData } from '../report/model'
import { checkHistoriesOf } from './explain-task'
import { buildProgressInput } from './progress-input'

/** Connected repositories with the branch their evidence came from and HEAD at the last sync. */
async function reportRepos(db: AppDatabase, git: GitPort, planId: number): Promise<ReportRepo[]> {
  return Promise.all(
    linkRows(db, planId).map(async (row) => {
      const currentBranch = row.link.branch
        ? null
        : ((await inspectRepo(git, row.repo.path, { branch: null })).currentBranch ?? null)
      const link = toRepoLink(row, currentBranch)
      return {
        name: link.name,
        path: link.path,
        branch: link.branch ?? link.currentBranch,
        headSha: link.headSha,
        state: link.state,
        lastSyncAt: link.lastSyncAt,
      }
    }),
  )
}

/** The stored plan's report as of a date: the same status `progress.get` computes, plus the report's sections. */
export async function loadReportData(
  db: AppDatabase,
  git: GitPort,
  planId: number,
  asOf: string | undefined,
  now: Date,
): Promise<ReportData> {
  const row = requirePlanRow(db, planId)
  const progress = computeProgress(buildProgressInput(db, planId, asOf, now))
  return buildReportData({
    planId,
    title: row.title,
    sourceName: row.sourceName,
    plan: readVersionPlan(db, row.currentVersionId),
    progress,
    repos: await reportRepos(db, git, planId),
    checkHistories: checkHistoriesOf(db, planId, asOf, now),
  })
}
