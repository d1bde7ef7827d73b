import { useEffect } from 'react'
import type { MenuCommand } from '../../../shared/events'
import { onEvent } from '../lib/api'
import { SyncNotificationTracker, notificationText } from '../lib/notification-rules'
import { notifyIfUnfocused } from '../lib/notifications'
import { pickPlanFile } from '../features/plans/plan-picker'
import { backupDatabase } from '../features/report/backup-action'
import { useStore } from './store'

function runMenuCommand(command: MenuCommand) {
  const store = useStore.getState()
  switch (command) {
    case 'import-plan':
      return void pickPlanFile(store)
    case 'export-pdf':
      return void store.exportReport('pdf')
    case 'export-csv':
      return void store.exportReport('csv')
    case 'backup':
      return void backupDatabase(store)
    case 'go-plans':
      return store.navigate('plans')
    case 'go-dashboard':
      return store.navigate('dashboard')
    case 'go-tasks':
      return store.navigate('tasks')
    case 'go-repos':
      return store.navigate('repos')
    case 'go-report':
      return store.navigate('report')
  }
}

function planTitle(planId: number): string {
  return useStore.getState().plans.find((plan) => plan.id === planId)?.title ?? 'The plan'
}

function repoName(repoId: number): string {
  return useStore.getState().repos.find((repo) => repo.repoId === repoId)?.name ?? 'A connected repository'
}

/**
 * Keeps the UI in step with the core: data changes, sync progress, repo state and menu commands; a finished sync
 * (after a repo change or not) shows a system notification while the window is unfocused.
 */
export function useCoreEvents() {
  useEffect(() => {
    const syncs = new SyncNotificationTracker()
    const unsubscribers = [
      onEvent('plans.changed', ({ planId }) => {
        const store = useStore.getState()
        void store.loadPlans()
        if (planId !== null && planId === store.selectedPlanId && !store.sync?.running) void store.loadPlanData()
      }),
      onEvent('repos.syncProgress', (payload) => {
        useStore.getState().receiveSyncProgress(payload)
        if (!payload.finished) return
        const { kind, changedRepos } = syncs.syncFinished(payload.planId, payload.phase)
        notifyIfUnfocused(kind, notificationText(kind, planTitle(payload.planId), changedRepos), `readiness-sync-${payload.planId}`)
      }),
      onEvent('repos.changed', ({ planId, repoId }) => {
        const store = useStore.getState()
        syncs.repoChanged(planId, repoName(repoId))
        if (planId === store.selectedPlanId) {
          void store.loadRepos()
          if (!store.sync?.running) void store.reloadReport()
        }
      }),
      onEvent('app.menuCommand', ({ command }) => runMenuCommand(command)),
    ]
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
  }, [])
}
