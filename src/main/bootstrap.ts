import { openDatabase } from './db/client'
import { scheduleDailyBackups } from './db/backups'
import { createLogger, type Logger } from './log'
import { FileAccess } from './rpc/file-access'
import type { OffloadedCalls } from './web/response-cache'
import type { OffloadSink } from './web/offload'
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
  /** create the database file when it is missing (default true); commands that only read pass false */
  create?: boolean
  /** told when a new database file was created */
  onCreated?: (path: string) => void
  /** a daily rolling backup while the host runs (desktop app, browser mode) */
  dailyBackups?: boolean
  /** where failure details go; default: stderr */
  logger?: Logger
  /** PRAGMA quick_check when opening (default true; a worker of a host that checked already skips it) */
  verifyIntegrity?: boolean
  /** heavy methods run elsewhere (browser mode's worker threads) */
  offload?: OffloadedCalls & { connect(sink: OffloadSink): void }
  /** also told when a plan's repositories changed (a worker tells its host, which watches them) */
  reposChanged?: (planId: number) => void
}

export interface Core {
  dispatch: Dispatch
  /** the same call, answered as the JSON text of its result (what the HTTP bridge sends) */
  dispatchJson(method: string, rawInput: unknown): Promise<string>
  context: CoreContext
  /** changes whenever anything was written to the database, by any connection (for caches of reads) */
  dataVersion(): string
  /** listen to pushed events (sync progress, repo changes); returns the unsubscribe */
  subscribe(listener: EventListener): () => void
  close(): void
}

/** Opens the database (migrating it) and builds the dispatch every transport serves. */
export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date())
  const logger = options.logger ?? createLogger({ file: null, verbose: true, source: options.platform.mode })
  const db = openDatabase({
    path: options.dbPath,
    migrationsFolder: options.migrationsFolder,
    create: options.create,
    onCreated: options.onCreated,
    verifyIntegrity: options.verifyIntegrity,
    now,
  })
  const stopBackups =
    options.dailyBackups && options.dbPath !== ':memory:' ? scheduleDailyBackups({ sqlite: db.$client, dbPath: options.dbPath, now, log: logger.error }) : () => {}
  const listeners = new Set<EventListener>()
  const sync = new SyncCoordinator()
  let watcher: RepoWatchService | null = null
  const context: CoreContext = {
    db,
    dbPath: options.dbPath,
    now,
    logger,
    files: new FileAccess(options.platform.mode),
    appVersion: options.appVersion,
    resourcesDir: options.resourcesDir,
    platform: options.platform,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload)
    },
    sync,
    reposChanged: (planId) => {
      watcher?.refresh()
      options.reposChanged?.(planId)
    },
  }
  const { dispatch, dispatchJson } = routedDispatch(createCore(context, logger), options.offload, logger)
  options.offload?.connect({ emit: context.emit, reposChanged: context.reposChanged })
  if (options.watchRepos) {
    watcher = new RepoWatchService(db, (planId, repoId) => {
      context.emit('repos.changed', { planId, repoId, reason: 'HEAD or refs moved' })
      if (readSettings(db).autoSync) void dispatch('repos.sync', { planId })
    })
    watcher.refresh()
  }
  const changeCounter = db.$client.prepare('select total_changes()').pluck()
  return {
    dispatch,
    dispatchJson,
    context,
    dataVersion: () => `${db.$client.pragma('data_version', { simple: true }) as number}:${changeCounter.get() as number}`,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      stopBackups()
      watcher?.close()
      listeners.clear()
      db.$client.close()
    },
  }
}

/** Local calls run here; offloaded ones go to the workers (a worker that died answers with an internal error). */
function routedDispatch(local: Dispatch, offload: OffloadedCalls | undefined, logger: Logger) {
  const offloaded = async (method: string, rawInput: unknown): Promise<string> => {
    try {
      return await offload!.callJson(method, rawInput)
    } catch (error) {
      logger.error(`[offload] ${method} failed`, error)
      return JSON.stringify({ ok: false, error: { code: 'internal', message: `${method} failed: ${(error as Error).message}` } })
    }
  }
  const dispatchJson = async (method: string, rawInput: unknown) =>
    offload?.handles(method) ? offloaded(method, rawInput) : JSON.stringify(await local(method, rawInput))
  const dispatch: Dispatch = async (method, rawInput) => (offload?.handles(method) ? (JSON.parse(await offloaded(method, rawInput)) as Awaited<ReturnType<Dispatch>>) : local(method, rawInput))
  return { dispatch, dispatchJson }
}
