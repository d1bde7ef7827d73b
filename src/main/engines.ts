/**
 * The heavy engines, loaded on a use case's first need of them. Evaluating them — the plan reader with its encoding
 * tables and markdown parser, check derivation with its manifest parsers, the history sync — is most of a cold
 * start, and a command that only reads the database (`readiness plans`, `status`) never needs them. The bundles
 * (out/cli, out/main) hold each behind its own dynamic import.
 */

function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null
  return () => (loaded ??= load())
}

/** bytes of a markdown plan to its reading (`parsePlanBytes`) */
export const loadPlanReader = loadOnce(() => import('./plan'))

/** the checks a task's criteria sentences imply (`deriveTaskChecks`) */
export const loadCheckDerivation = loadOnce(() => import('./evidence/derive'))

/** the checks evaluated over the connected repositories' history (`syncEvidence`) */
export const loadEvidenceSync = loadOnce(() => import('./evidence/sync'))
