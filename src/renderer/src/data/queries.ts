import { queryOptions, skipToken } from '@tanstack/react-query'
import type { PlanSource } from '../../../shared/contract/plans'
import type { ImportProfile } from '../../../shared/plan-model'
import { call } from '../lib/api'

/** Which progress the dashboard shows: as of a date (null: today by the core's clock), against a baseline (null: the newest). */
export interface ProgressView {
  asOf: string | null
  baselineId: number | null
}

export const TODAY: ProgressView = { asOf: null, baselineId: null }

/**
 * Query keys. Everything about one plan sits under ['plan', planId], so "this plan changed" is one prefix; the plans
 * list and the app's settings are outside it.
 */
export const queryKeys = {
  appInfo: () => ['app', 'info'] as const,
  settings: () => ['app', 'settings'] as const,
  plans: () => ['plans'] as const,
  plan: (planId: number | null) => ['plan', planId] as const,
  detail: (planId: number | null) => ['plan', planId, 'detail'] as const,
  progressOf: (planId: number | null) => ['plan', planId, 'progress'] as const,
  progress: (planId: number | null, view: ProgressView) => ['plan', planId, 'progress', view] as const,
  repos: (planId: number | null) => ['plan', planId, 'repos'] as const,
  task: (planId: number | null, taskId: number | null) => ['plan', planId, 'task', taskId] as const,
  report: (planId: number, asOf: string | undefined) => ['plan', planId, 'report', asOf ?? null] as const,
  importPreview: (draftId: number) => ['import-preview', draftId] as const,
}

export const appInfoQuery = () =>
  queryOptions({ queryKey: queryKeys.appInfo(), queryFn: () => call('app.getInfo', {}) })

export const settingsQuery = () =>
  queryOptions({ queryKey: queryKeys.settings(), queryFn: () => call('settings.get', {}) })

export const plansQuery = () => queryOptions({ queryKey: queryKeys.plans(), queryFn: () => call('plans.list', {}) })

export const planDetailQuery = (planId: number | null) =>
  queryOptions({
    queryKey: queryKeys.detail(planId),
    queryFn: planId === null ? skipToken : () => call('plans.get', { planId }),
  })

export const progressQuery = (planId: number | null, view: ProgressView = TODAY) =>
  queryOptions({
    queryKey: queryKeys.progress(planId, view),
    queryFn:
      planId === null
        ? skipToken
        : () =>
            call('progress.get', {
              planId,
              ...(view.asOf ? { asOf: view.asOf } : {}),
              ...(view.baselineId !== null ? { baselineId: view.baselineId } : {}),
            }),
  })

export const reposQuery = (planId: number | null) =>
  queryOptions({
    queryKey: queryKeys.repos(planId),
    queryFn: planId === null ? skipToken : () => call('repos.list', { planId }),
  })

export const taskEvidenceQuery = (planId: number | null, taskId: number | null) =>
  queryOptions({
    queryKey: [...queryKeys.task(planId, taskId), 'evidence'],
    queryFn: taskId === null ? skipToken : () => call('evidence.forTask', { taskId }),
  })

export const taskHistoryQuery = (planId: number | null, taskId: number | null) =>
  queryOptions({
    queryKey: [...queryKeys.task(planId, taskId), 'history'],
    queryFn: taskId === null ? skipToken : () => call('tasks.history', { taskId }),
  })

/** why (not) done: each check's true/false runs with the commits that flipped them, as of the dashboard's date */
export const taskExplanationQuery = (
  planId: number | null,
  task: { id: number | null; key: string },
  asOf: string | null,
) =>
  queryOptions({
    queryKey: [...queryKeys.task(planId, task.id), 'explanation', asOf],
    queryFn:
      planId === null || task.id === null
        ? skipToken
        : () => call('evidence.explain', { planId, taskKey: task.key, ...(asOf ? { asOf } : {}) }),
  })

/** the whole status report (the print view's data) */
export const reportDataQuery = (planId: number, asOf: string | undefined) =>
  queryOptions({ queryKey: queryKeys.report(planId, asOf), queryFn: () => call('report.get', { planId, asOf }) })

export interface PreviewRequest {
  draftId: number
  source: PlanSource
  targetPlanId: number | null
  daysPerWeek: number | null
  hoursPerDay: number | null
  profile: ImportProfile | null
}

/** The plan options an import or preview sends: only what the lead set. */
export function parseOptions(request: Pick<PreviewRequest, 'daysPerWeek' | 'hoursPerDay' | 'profile'>) {
  const parsed: { daysPerWeek?: number; hoursPerDay?: number; profile?: ImportProfile } = {}
  if (request.daysPerWeek) parsed.daysPerWeek = request.daysPerWeek
  if (request.hoursPerDay) parsed.hoursPerDay = request.hoursPerDay
  if (request.profile) parsed.profile = request.profile
  return parsed
}

/** What the importer understands of a file before anything is stored; read again when the options or mapping change. */
export const importPreviewQuery = (request: PreviewRequest) =>
  queryOptions({
    queryKey: [
      ...queryKeys.importPreview(request.draftId),
      request.targetPlanId,
      request.daysPerWeek,
      request.hoursPerDay,
      request.profile,
    ],
    queryFn: () =>
      call('plans.preview', {
        source: request.source,
        options: parseOptions(request),
        ...(request.targetPlanId !== null ? { planId: request.targetPlanId } : {}),
      }),
    gcTime: 0,
  })
