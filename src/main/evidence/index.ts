/**
 * Git evidence engine: checks derived from plan tasks, evaluated over each connected repo's history. The app imports
 * its modules one by one (the heavy ones through src/main/engines.ts, so a read-only command never loads them).
 */
export { deriveChecks, deriveTaskChecks } from './derive'
export { loadToolMap } from './tool-map'
export { checkKey } from './check-key'
export { syncEvidence, type SyncRepoInput, type SyncProgress } from './sync'
export { taskEvidenceAt, taskStateFromChecks } from './task-state'
export { explainHistory, historyLine } from './explain'
export { watchRepo } from './watch'
export { createMemoryEvidenceCache } from './cache'
export { createGitPort, type GitPort } from './git-port'
export { planWeekEnds, weekOf } from './results'
export { normalizePrefix, planToRepoPath } from './paths'
