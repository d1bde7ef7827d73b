import { useEffect } from 'react'
import type { MenuCommand } from '../../../shared/events'
import { onEvent } from '../lib/api'
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

/** Keeps the UI in step with the core: data changes, sync progress, repo state and menu commands. */
export function useCoreEvents() {
  useEffect(() => {
    const unsubscribers = [
      onEvent('plans.changed', ({ planId }) => {
        const store = useStore.getState()
        void store.loadPlans()
        if (planId !== null && planId === store.selectedPlanId && !store.sync?.running) void store.loadPlanData()
      }),
      onEvent('repos.syncProgress', (payload) => useStore.getState().receiveSyncProgress(payload)),
      onEvent('repos.changed', ({ planId }) => {
        const store = useStore.getState()
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
