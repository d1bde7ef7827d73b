import type { RepoLink } from '../../src/shared/contract/evidence'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { ProgressReport } from '../../src/shared/progress-model'

/**
 * Renderer modules that touch no DOM at import time, loaded at run time: the Node typecheck project
 * (tsconfig.node.json, composite) may not list renderer files, so the shapes the tests use are restated here;
 * the renderer typecheck checks the modules themselves.
 */

type NotificationKind = 'sync-finished' | 'sync-cancelled' | 'repo-resynced'
type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported'

export interface NotificationRulesModule {
  shouldNotify(input: { focused: boolean; permission: NotificationPermissionState; kind: NotificationKind; enabled?: boolean }): boolean
  notificationText(kind: NotificationKind, planTitle: string, changedRepos?: string[]): { title: string; body: string }
  SyncNotificationTracker: new () => {
    repoChanged(planId: number, repoName: string): void
    syncFinished(planId: number, phase: string): { kind: NotificationKind; changedRepos: string[] }
  }
}

export interface TaskRowLike {
  key: string
  evidenceRepoIds: string[] | null
}
export interface TaskFiltersLike {
  state: string
  phase: string
  week: string
  repo: string
  text: string
}

export interface TaskRowsModule {
  DEFAULT_TASK_FILTERS: TaskFiltersLike
  buildTaskRows(detail: PlanDetail, report: ProgressReport | null): TaskRowLike[]
  filterTasks<Row extends TaskRowLike>(tasks: Row[], filters: TaskFiltersLike, repos: RepoLink[]): Row[]
}

const load = (path: string) => import(/* @vite-ignore */ path)

export const renderer = {
  notificationRules: () => load('../../src/renderer/src/lib/notification-rules') as Promise<NotificationRulesModule>,
  taskRows: () => load('../../src/renderer/src/features/tasks/task-rows') as Promise<TaskRowsModule>,
}
