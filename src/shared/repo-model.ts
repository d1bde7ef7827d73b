import { z } from 'zod'

/** How a connected folder reads as a git repository (the evidence engine's inspection). */
export const RepoStateSchema = z.enum(['ok', 'unavailable', 'not-a-repo', 'empty', 'shallow', 'git-missing'])
export type RepoState = z.infer<typeof RepoStateSchema>

/** A connection's state as the lead sees it: the folder's last state, or not synced yet. */
export const LinkStateSchema = z.enum([...RepoStateSchema.options, 'never-synced'])
export type LinkState = z.infer<typeof LinkStateSchema>

/** The stages of a sync as its progress events name them; `cancelled` ends a sync the lead stopped. */
export const SyncPhaseSchema = z.enum(['inspect', 'history', 'read', 'replay', 'worktree', 'done', 'cancelled'])
export type SyncPhase = z.infer<typeof SyncPhaseSchema>
/** the stages the evidence engine reports (a cancelled sync reports nothing more) */
export type EngineSyncPhase = Exclude<SyncPhase, 'cancelled'>
