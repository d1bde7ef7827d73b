import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { EventName, EventPayload } from '../../shared/events'
import type { OffloadedCalls } from './response-cache'

/**
 * Browser mode keeps heavy work off its request thread: two worker threads, each with its own database connection.
 * The writer runs syncs and plan parsing (import, preview, days/week changes), so a sync never blocks reads; the
 * reader computes progress and reports. Everything else is quick and stays on the request thread.
 */
export type WorkerRole = 'writer' | 'reader'

const ROUTES: Record<string, WorkerRole> = {
  'repos.sync': 'writer',
  'repos.cancelSync': 'writer',
  'sample.open': 'writer',
  'plans.import': 'writer',
  'plans.preview': 'writer',
  'plans.update': 'writer',
  'plans.setProfile': 'writer',
  'progress.get': 'reader',
  'report.get': 'reader',
  'report.exportPdf': 'reader',
  'report.exportCsv': 'reader',
  'report.exportJson': 'reader',
}

export interface WorkerSetup {
  role: WorkerRole
  /** the host's platform mode, for the rules that depend on it (a plan path is the user's choice on the desktop) */
  mode: 'web' | 'electron'
  dbPath: string
  migrationsFolder: string
  resourcesDir: string
  rendererDir: string
  projectRoot: string
  appVersion: string
  logFile: string | null
  verbose: boolean
}

export type OffloadRequest = { kind: 'call'; id: number; method: string; input: unknown } | { kind: 'close' }

export type OffloadMessage =
  | { kind: 'ready' }
  | { kind: 'answer'; id: number; json: string }
  | { kind: 'event'; event: EventName; payload: EventPayload<EventName> }
  | { kind: 'repos-changed'; planId: number }

export interface OffloadSink {
  emit(event: EventName, payload: EventPayload<EventName>): void
  reposChanged(planId: number): void
}

/** a sync's cancel must reach the thread running it, so these always wait for the writer to be up */
const PINNED = new Set(['repos.sync', 'repos.cancelSync', 'sample.open'])

interface Running {
  ready: boolean
  worker: Worker
  pending: Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>
}

/**
 * The worker's entry script. From source it is the .mjs beside this file, which runs the TypeScript through tsx; a
 * bundled host can pass its own compiled entry.
 */
export const SOURCE_WORKER_ENTRY = join('src', 'main', 'web', 'offload-worker-entry.mjs')

export interface WorkerPool extends OffloadedCalls {
  /** where the workers' events and repo changes go (the core wires this) */
  connect(sink: OffloadSink): void
}

interface WorkerEvents {
  onReady(role: WorkerRole): void
  onMessage(message: Extract<OffloadMessage, { kind: 'event' | 'repos-changed' }>): void
  /** the thread stopped (crash or exit): its pending calls fail */
  onStopped(thread: Running): void
}

/**
 * A long sync allocates steadily, and V8 grows a thread's young generation to 128 MiB under that rate; 32 MiB keeps a
 * 30,000-commit sync near 200 MiB for a few percent more collection time (bench/README.md, evidence sync).
 */
export const WORKER_YOUNG_GENERATION_MB = 32

function spawnWorker(entry: string, setup: WorkerSetup, events: WorkerEvents): Running {
  const worker = new Worker(entry, {
    workerData: setup,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  })
  const thread: Running = { ready: false, worker, pending: new Map() }
  worker.on('message', (message: OffloadMessage) => {
    if (message.kind === 'ready') {
      thread.ready = true
      events.onReady(setup.role)
    } else if (message.kind === 'answer') {
      thread.pending.get(message.id)?.resolve(message.json)
      thread.pending.delete(message.id)
    } else events.onMessage(message)
  })
  const fail = (error: Error) => {
    events.onStopped(thread)
    for (const { reject } of thread.pending.values()) reject(error)
    thread.pending.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the ${setup.role} worker stopped (exit code ${code})`)))
  return thread
}

/** Asks each worker to close (its printer, then its database); one that does not within 5 s is terminated. */
function stopWorkers(threads: Running[]): Promise<void[]> {
  return Promise.all(
    threads.map(
      ({ worker }) =>
        new Promise<void>((done) => {
          const timer = setTimeout(() => void worker.terminate().then(() => done()), 5000)
          worker.once('exit', () => {
            clearTimeout(timer)
            done()
          })
          worker.postMessage({ kind: 'close' } satisfies OffloadRequest)
        }),
    ),
  )
}

/** Workers start on first use (after the request thread opened and migrated the database) and restart after a crash. */
export function createWorkerPool(
  setup: Omit<WorkerSetup, 'role'>,
  options: {
    entry?: string
    onReady?: (role: WorkerRole) => void
    /** methods the host keeps (the desktop app prints and saves through its own windows and dialogs) */
    keepOnHost?: readonly string[]
  } = {},
): WorkerPool {
  const entry = options.entry ?? join(setup.projectRoot, SOURCE_WORKER_ENTRY)
  const running = new Map<WorkerRole, Running>()
  let sink: OffloadSink | null = null
  let nextId = 1

  const start = (role: WorkerRole): Running => {
    const thread = spawnWorker(
      entry,
      { ...setup, role },
      {
        onReady: (ready) => options.onReady?.(ready),
        onMessage: (message) =>
          message.kind === 'event' ? sink?.emit(message.event, message.payload) : sink?.reposChanged(message.planId),
        onStopped: (stopped) => {
          if (running.get(role) === stopped) running.delete(role)
        },
      },
    )
    running.set(role, thread)
    return thread
  }

  return {
    connect(next) {
      sink = next
      // the database is open and migrated now: start both, so the first heavy call does not wait for a thread
      for (const role of ['writer', 'reader'] as const) if (!running.has(role)) start(role)
    },
    // until its thread has loaded (seconds from source), a call that can run here does, rather than wait for it
    handles: (method) =>
      method in ROUTES &&
      !options.keepOnHost?.includes(method) &&
      (PINNED.has(method) || running.get(ROUTES[method])?.ready === true),
    callJson(method, input) {
      const role = ROUTES[method]
      const target = running.get(role) ?? start(role)
      const id = nextId++
      return new Promise<string>((resolve, reject) => {
        target.pending.set(id, { resolve, reject })
        target.worker.postMessage({ kind: 'call', id, method, input } satisfies OffloadRequest)
      })
    },
    async close() {
      const threads = [...running.values()]
      running.clear()
      await stopWorkers(threads)
    },
  }
}
