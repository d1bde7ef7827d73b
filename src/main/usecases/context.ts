import type { AppDatabase } from '../db/client'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract'
import type { EventName, EventPayload } from '../../shared/events'
import type { GitPort } from '../evidence/git-port'
import type { ToolMap } from '../evidence/tool-map'
import type { SyncCoordinator } from '../services/evidence-sync'
import type { PdfPort } from '../report/pdf-port'
import type { Logger } from '../log'
import type { FileAccess } from './file-access'

/** What the host (Electron, browser bridge, CLI) can do natively; use cases ask it rather than importing a platform. */
export interface PlatformPort {
  mode: 'electron' | 'web' | 'cli'
  /** null when the host has no native dialogs (browser mode, CLI) */
  dialogs: {
    openFile(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
    openFolder(options: { title: string }): Promise<string | null>
    saveFile(options: {
      title: string
      defaultPath: string
      filters: { name: string; extensions: string[] }[]
    }): Promise<string | null>
  } | null
  revealInFolder?(path: string): void
  openPath?(path: string): Promise<void>
  /** a message for the user from the host, shown in the UI (e.g. browser mode started because Electron is missing) */
  notice?: string
}

/** Everything a use case may use: built once by the core (bootstrap.ts), passed to every call. */
export interface CoreContext {
  db: AppDatabase
  dbPath: string
  /** the app's clock; tests pass a fixed one */
  now: () => Date
  /** failure details (the user sees one line; the log keeps the rest) */
  logger: Logger
  /** which paths a call may read or write (only the user's own choices) */
  files: FileAccess
  appVersion: string
  /** folder with editable data files (tool → package map, sample plan) */
  resourcesDir: string
  /** the tool → package/file map of resources/ (read on first use, once per core) */
  toolMap(): ToolMap
  platform: PlatformPort
  /** runs git (no shell, hooks off) for repository health, connect/relink, syncs and the report */
  git: GitPort
  /** prints the report view to PDF (desktop app: a hidden window; headless hosts: Chromium); null: no printer */
  pdf: PdfPort | null
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** one evidence sync per plan at a time, cancellable */
  sync: SyncCoordinator
  /** the host watches connected repos (desktop app, browser mode) and re-syncs on change; CLI: no-op */
  reposChanged(planId: number): void
  /** another contract method through the validated dispatch (for a use case made of others); a refusal throws */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}
