import { openDatabase } from './db/client'
import { createCore, type CoreContext, type Dispatch, type PlatformPort } from './rpc'
import type { EventName, EventPayload } from '../shared/events'
import { readSettings } from './db/settings-store'
import { SyncCoordinator } from './services/evidence-sync'
import { RepoWatchService } from './services/repo-watch'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreOptions {
  dbPath: string
  migrationsFolder: string
  resourcesDir: string
  appVersion: string
  platform: PlatformPort
  now?: () => Date
  /** watch connected repos and re-sync on change (desktop app, browser mode); the CLI does not */
  watchRepos?: boolean
}

export interface Core {
  dispatch: Dispatch
  context: CoreContext
  /** listen to pushed events (sync progress, repo changes); returns the unsubscribe */
  subscribe(listener: EventListener): () => void
  close(): void
}

/** Opens the database (migrating it) and builds the dispatch every transport serves. */
export function openCore(options: CoreOptions): Core {
  const db = openDatabase({ path: options.dbPath, migrationsFolder: options.migrationsFolder })
  const listeners = new Set<EventListener>()
  const sync = new SyncCoordinator()
  let watcher: RepoWatchService | null = null
  const context: CoreContext = {
    db,
    dbPath: options.dbPath,
    now: options.now ?? (() => new Date()),
    appVersion: options.appVersion,
    resourcesDir: options.resourcesDir,
    platform: options.platform,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload)
    },
    sync,
    reposChanged: () => watcher?.refresh(),
  }
  const dispatch = createCore(context)
  if (options.watchRepos) {
    watcher = new RepoWatchService(db, (planId, repoId) => {
      context.emit('repos.changed', { planId, repoId, reason: 'HEAD or refs moved' })
      if (readSettings(db).autoSync) void dispatch('repos.sync', { planId })
    })
    watcher.refresh()
  }
  return {
    dispatch,
    context,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      watcher?.close()
      listeners.clear()
      db.$client.close()
    },
  }
}
