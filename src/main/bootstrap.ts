import { AppError } from '../shared/rpc'
import { openDatabase, type AppDatabase } from './db/client'
import { scheduleDailyBackups } from './db/backups'
import { createGitPort, type GitPort } from './evidence/git-port'
import { createLogger, type Logger } from './log'
import type { PdfPort } from './report/pdf-port'
import { FileAccess } from './usecases/file-access'
import type { OffloadedCalls } from './web/response-cache'
import type { OffloadSink } from './web/offload'
import { createCore, type CoreContext, type Dispatch, type PlatformPort } from './rpc'
import type { EventName, EventPayload } from '../shared/events'
import { readSettings } from './db/settings-store'
import { SyncCoordinator } from './services/evidence-sync'
import { RepoWatchService } from './services/repo-watch'
import { readToolMap } from './services/tool-map'

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
  /** the git runner (default: the system's git, no shell) */
  git?: GitPort
  /** the report's PDF printer for this core (it may serve the print view from the core itself) */
  pdf?: (core: Core) => PdfPort
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
  const { dbPath: path, migrationsFolder, create, onCreated, verifyIntegrity } = options
  const db = openDatabase({ path, migrationsFolder, create, onCreated, verifyIntegrity, now })
  const listeners = new Set<EventListener>()
  const watcher = { current: null as RepoWatchService | null }
  const context = coreContext(options, { db, now, logger, listeners, watcher })
  const local = createCore(context, logger)
  context.call = async (method, input) => {
    const result = await local(method, input)
    if (!result.ok) throw new AppError(result.error.code, result.error.message)
    return result.value as never
  }
  const { dispatch, dispatchJson } = routedDispatch(local, options.offload, logger)
  options.offload?.connect({ emit: context.emit, reposChanged: context.reposChanged })
  if (options.watchRepos) watcher.current = watchConnectedRepos(context, dispatch)
  const core = coreHandle(context, {
    dispatch,
    dispatchJson,
    listeners,
    watcher,
    stopBackups: scheduleBackups(options, db, now, logger),
  })
  context.pdf = options.pdf?.(core) ?? null
  return core
}

interface ContextParts {
  db: AppDatabase
  now: () => Date
  logger: Logger
  listeners: Set<EventListener>
  watcher: { current: RepoWatchService | null }
}

/** The context every use case gets; `call` and `pdf` are set once the dispatch and the core exist. */
function coreContext(options: CoreOptions, { db, now, logger, listeners, watcher }: ContextParts): CoreContext {
  return {
    db,
    dbPath: options.dbPath,
    now,
    logger,
    files: new FileAccess(options.platform.mode),
    appVersion: options.appVersion,
    resourcesDir: options.resourcesDir,
    toolMap: once(() => readToolMap(options.resourcesDir)),
    platform: options.platform,
    git: options.git ?? createGitPort(),
    pdf: null,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload)
    },
    sync: new SyncCoordinator(),
    reposChanged: (planId) => {
      watcher.current?.refresh()
      options.reposChanged?.(planId)
    },
    call: () => Promise.reject(new Error('the core is still being built')),
  }
}

function once<T>(load: () => T): () => T {
  let value: { loaded: T } | null = null
  return () => (value ??= { loaded: load() }).loaded
}

function scheduleBackups(options: CoreOptions, db: AppDatabase, now: () => Date, logger: Logger): () => void {
  if (!options.dailyBackups || options.dbPath === ':memory:') return () => {}
  return scheduleDailyBackups({ sqlite: db.$client, dbPath: options.dbPath, now, log: logger.error })
}

/** Re-syncs a plan whose repository moved (HEAD or refs), when auto-sync is on. */
function watchConnectedRepos(context: CoreContext, dispatch: Dispatch): RepoWatchService {
  const watcher = new RepoWatchService(context.db, (planId, repoId) => {
    context.emit('repos.changed', { planId, repoId, reason: 'HEAD or refs moved' })
    if (readSettings(context.db).autoSync) void dispatch('repos.sync', { planId })
  })
  watcher.refresh()
  return watcher
}

interface HandleParts {
  dispatch: Dispatch
  dispatchJson: Core['dispatchJson']
  listeners: Set<EventListener>
  watcher: { current: RepoWatchService | null }
  stopBackups: () => void
}

function coreHandle(
  context: CoreContext,
  { dispatch, dispatchJson, listeners, watcher, stopBackups }: HandleParts,
): Core {
  const sqlite = context.db.$client
  const changeCounter = sqlite.prepare('select total_changes()').pluck()
  return {
    dispatch,
    dispatchJson,
    context,
    dataVersion: () => `${sqlite.pragma('data_version', { simple: true }) as number}:${changeCounter.get() as number}`,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      void context.pdf?.close?.()
      stopBackups()
      watcher.current?.close()
      listeners.clear()
      sqlite.close()
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
      return JSON.stringify({
        ok: false,
        error: { code: 'internal', message: `${method} failed: ${(error as Error).message}` },
      })
    }
  }
  const dispatchJson = async (method: string, rawInput: unknown) =>
    offload?.handles(method) ? offloaded(method, rawInput) : JSON.stringify(await local(method, rawInput))
  const dispatch: Dispatch = async (method, rawInput) =>
    offload?.handles(method)
      ? (JSON.parse(await offloaded(method, rawInput)) as Awaited<ReturnType<Dispatch>>)
      : local(method, rawInput)
  return { dispatch, dispatchJson }
}
