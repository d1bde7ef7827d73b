import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { MenuCommand } from '../../../shared/events'
import { invalidateForEvent } from '../data/core-events'
import { plansQuery, reposQuery } from '../data/queries'
import { onEvent } from '../lib/api'
import { SyncNotificationTracker, notificationText } from '../lib/notification-rules'
import { notifyIfUnfocused } from '../lib/notifications'
import { pickPlanFile } from '../features/plans/plan-picker'
import { backupDatabase, defaultBackupTarget } from '../features/report/backup-action'
import { exportReport } from '../features/report/report-actions'
import { useStore, type Route } from './store'

const MENU_ROUTES: Partial<Record<MenuCommand, Route>> = {
  'go-plans': 'plans',
  'go-dashboard': 'dashboard',
  'go-tasks': 'tasks',
  'go-repos': 'repos',
  'go-report': 'report',
}

function runMenuCommand(command: MenuCommand) {
  const store = useStore.getState()
  const route = MENU_ROUTES[command]
  if (route) return store.navigate(route)
  if (command === 'import-plan') return void pickPlanFile()
  if (command === 'export-pdf') return void exportReport('pdf')
  if (command === 'export-csv') return void exportReport('csv')
  if (command === 'backup') return void backupDatabase(defaultBackupTarget(), store.notify)
}

function planTitle(client: QueryClient, planId: number): string {
  return client.getQueryData(plansQuery().queryKey)?.find((plan) => plan.id === planId)?.title ?? 'The plan'
}

function repoName(client: QueryClient, planId: number, repoId: number): string {
  return (
    client.getQueryData(reposQuery(planId).queryKey)?.find((repo) => repo.repoId === repoId)?.name ??
    'A connected repository'
  )
}

const syncRunning = (planId: number) => {
  const sync = useStore.getState().sync
  return sync?.planId === planId && sync.running
}

/**
 * Keeps the UI in step with the core: data changes make their queries stale, sync progress and menu commands reach
 * the store; a finished sync (after a repo change or not) shows a system notification while the window is unfocused.
 * Returns the unsubscribe.
 */
export function followCoreEvents(client: QueryClient): () => void {
  const syncs = new SyncNotificationTracker()
  const unsubscribers = [
    onEvent('plans.changed', (payload) => invalidateForEvent(client, 'plans.changed', payload, { syncRunning })),
    onEvent('repos.syncProgress', (payload) => {
      useStore.getState().receiveSyncProgress(payload)
      if (!payload.finished) return
      const { kind, changedRepos } = syncs.syncFinished(payload.planId, payload.phase)
      notifyIfUnfocused(
        kind,
        notificationText(kind, planTitle(client, payload.planId), changedRepos),
        `readiness-sync-${payload.planId}`,
      )
    }),
    onEvent('repos.changed', (payload) => {
      syncs.repoChanged(payload.planId, repoName(client, payload.planId, payload.repoId))
      invalidateForEvent(client, 'repos.changed', payload, { syncRunning })
    }),
    onEvent('app.menuCommand', ({ command }) => runMenuCommand(command)),
  ]
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
}

export function useCoreEvents() {
  const client = useQueryClient()
  useEffect(() => followCoreEvents(client), [client])
}
