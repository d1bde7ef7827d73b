import { z } from 'zod'

/**
 * Checks: what the evidence engine (src/main/evidence) verifies in git for a task, and what it found.
 * Paths in a CheckSpec are plan paths (as written in the plan, repo-relative to the plan's root);
 * the engine maps them into each connected repo through the repo's prefix.
 */

/** who wrote a check: derived from the plan's text, or written by the lead */
export const CheckOriginSchema = z.enum(['derived', 'user'])

const CheckBase = {
  /** readable sentence shown in the UI ("`services/ml-service/src/self_learning.py` exists") */
  sentence: z.string(),
  /** 1-based plan line the check was derived from, or null (user-authored) */
  sourceLine: z.number().int().nullable(),
  origin: CheckOriginSchema,
  /** a disabled check is kept (user decision) and evaluated, but does not count for the task's state */
  enabled: z.boolean().default(true),
  /**
   * what the check may decide: `criterion` (every criterion must hold for done), `progress` (can only show
   * the task in progress, never done nor its date), `supporting` (shown as evidence only). Absent: see checkRole.
   */
  role: z.enum(['criterion', 'progress', 'supporting']).optional(),
  /** the plan sentence (criterion) the check was compiled from, as written */
  source: z.string().optional(),
}

export const ComparisonSchema = z.enum(['<', '<=', '>', '>=', '=='])
export type Comparison = z.infer<typeof ComparisonSchema>

export const JsonScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export type JsonScalar = z.infer<typeof JsonScalarSchema>

export const FileExistsCheckSchema = z.object({ kind: z.literal('file-exists'), path: z.string(), ...CheckBase })
export const FileAbsentCheckSchema = z.object({ kind: z.literal('file-absent'), path: z.string(), ...CheckBase })
/** the file changed in a commit after the plan start */
export const FileChangedCheckSchema = z.object({ kind: z.literal('file-changed'), path: z.string(), ...CheckBase })
/**
 * how a needle is looked for in a file: anywhere (`substring`), at the start of a line (`line-start`, e.g. a Dockerfile
 * instruction), or as the target of a symbolic link (`link-target`: the path is a symlink to exactly that path)
 */
export const NeedleModeSchema = z.enum(['substring', 'line-start', 'link-target'])
/** the file contains every one of the fixed strings (content checks follow the file through renames) */
export const FileContainsCheckSchema = z.object({
  kind: z.literal('file-contains'),
  path: z.string(),
  needles: z.array(z.string().min(1)).min(1),
  mode: NeedleModeSchema.optional(),
  ...CheckBase,
})
/** the file exists and contains none of the fixed strings */
export const FileLacksCheckSchema = z.object({
  kind: z.literal('file-lacks'),
  path: z.string(),
  needles: z.array(z.string().min(1)).min(1),
  ...CheckBase,
})
/**
 * a fixed string occurs 0 times (matching lines) in tracked files within `scope` globs; an empty scope
 * means every tracked text file except documentation (.md/.txt/.rst/.adoc: plans quote the string) and
 * vendored trees (node_modules, dist, ...)
 */
export const TextAbsentCheckSchema = z.object({
  kind: z.literal('text-absent'),
  needle: z.string().min(1),
  scope: z.array(z.string()),
  /** globs exempted from the scope ("tests are exempt") */
  exclude: z.array(z.string()).optional(),
  ...CheckBase,
})
/** a fixed string occurs in at least one tracked file within `scope` globs ("`token` is registered under `dir/`") */
export const TextPresentCheckSchema = z.object({
  kind: z.literal('text-present'),
  needle: z.string().min(1),
  scope: z.array(z.string()).min(1),
  exclude: z.array(z.string()).optional(),
  ...CheckBase,
})
/** what a quantified line claim asks of each line: a reference pinned by a full commit SHA, or by an image digest */
export const PinKindSchema = z.enum(['commit-sha', 'digest'])
/**
 * A claim about every file of a scope (at least one tracked): each contains `needle` ("every workflow in
 * `.github/workflows/` sets `permissions:`"). With `lines`, about every line of those files that holds `lines`
 * (at least one such line): each also contains `needle` and/or pins its reference (`pin`) ("every `FROM` line in
 * `Dockerfile` is pinned by digest"). A scope of named files needs each of them tracked.
 */
export const TextEveryCheckSchema = z.object({
  kind: z.literal('text-every'),
  scope: z.array(z.string()).min(1),
  exclude: z.array(z.string()).optional(),
  /** the lines the claim is about: those that begin with it (`lineStart`, after indentation and a list dash), else those that contain it */
  lines: z.string().min(1).optional(),
  lineStart: z.boolean().optional(),
  needle: z.string().min(1).optional(),
  pin: PinKindSchema.optional(),
  /**
   * about YAML steps instead of lines: every item of a `steps:` list whose own values hold `lines` (at least one)
   * sets `needle`, a `key: value`, at any depth of the step ("every `actions/checkout` step sets
   * `persist-credentials: false`")
   */
  steps: z.boolean().optional(),
  ...CheckBase,
})
export const LineCountCheckSchema = z.object({
  kind: z.literal('line-count'),
  path: z.string(),
  op: ComparisonSchema,
  value: z.number().int().nonnegative(),
  ...CheckBase,
})
/** a JSON (or JSONC, e.g. tsconfig) file has `expected` at key path `pointer`; `anyDepth` also accepts it nested */
export const JsonValueCheckSchema = z.object({
  kind: z.literal('json-value'),
  path: z.string(),
  pointer: z.array(z.string()).min(1),
  expected: JsonScalarSchema,
  /** the plan gave a fragment (`"strict": true`): the last key may sit at any depth */
  anyDepth: z.boolean().default(false),
  ...CheckBase,
})
export const ValueOpSchema = z.enum([
  'equals',
  'begins-with',
  'contains',
  'includes',
  'excludes',
  'accepts',
  'satisfies',
])
export type ValueOp = z.infer<typeof ValueOpSchema>
/**
 * a structured file (JSON/JSONC, TOML, YAML; by extension) has a value at key path `pointer` that compares with
 * `expected`: equals, begins-with (text), contains (text or list), includes / excludes (every listed value is /
 * none is in the list), accepts (a version range that accepts the version), satisfies (a version inside the range)
 */
export const ValueCheckSchema = z.object({
  kind: z.literal('value'),
  path: z.string(),
  pointer: z.array(z.string()).min(1),
  op: ValueOpSchema,
  expected: z.array(JsonScalarSchema).min(1),
  /** the key may sit at any depth (the plan named only the last key) */
  anyDepth: z.boolean().optional(),
  /** the comparison holds for each entry of the list (or each value of the mapping) at the key, and there is one */
  each: z.boolean().optional(),
  ...CheckBase,
})
/**
 * a package declared (or not) in a manifest's dependency sections: package.json, requirements*.txt, pyproject.toml
 * (PEP 621, Poetry, dependency groups), go.mod, Cargo.toml; never a lockfile. `manifest` null = any manifest.
 */
export const PackageCheckSchema = z.object({
  kind: z.literal('package'),
  name: z.string().min(1),
  present: z.boolean(),
  manifest: z.string().nullable(),
  section: z.enum(['any', 'runtime', 'dev']).optional(),
  /** the declared version must lie inside this range (semver for npm/go/cargo, PEP 440 for Python) */
  range: z.string().nullable().optional(),
  /** only direct requirements count: a go.mod line marked `// indirect` is not one */
  direct: z.boolean().optional(),
  ...CheckBase,
})
/** a tool is present: one of its packages declared in a manifest, or one of its files exists */
export const DependencyCheckSchema = z.object({
  kind: z.literal('dependency'),
  tool: z.string(),
  npm: z.array(z.string()).default([]),
  python: z.array(z.string()).default([]),
  /** globs of files whose presence also proves the tool (config files, migration dirs) */
  files: z.array(z.string()).default([]),
  ...CheckBase,
})
/** number of tracked files matching `glob` compared with `value` */
export const FileCountCheckSchema = z.object({
  kind: z.literal('file-count'),
  glob: z.string(),
  op: ComparisonSchema,
  value: z.number().int().nonnegative(),
  ...CheckBase,
})
/** at least one tracked file matches `glob` (a named directory: `dir/**`; CI: `.github/workflows/*.yml`) */
export const PathMatchCheckSchema = z.object({ kind: z.literal('path-match'), glob: z.string(), ...CheckBase })
/** a committed coverage summary (istanbul json-summary, cobertura xml) reports at least `min` percent */
export const CoverageCheckSchema = z.object({
  kind: z.literal('coverage'),
  metric: z.enum(['lines', 'statements', 'branches', 'functions']),
  min: z.number().min(0).max(100),
  ...CheckBase,
})

export const CheckSpecSchema = z.discriminatedUnion('kind', [
  FileExistsCheckSchema,
  FileAbsentCheckSchema,
  FileChangedCheckSchema,
  FileContainsCheckSchema,
  FileLacksCheckSchema,
  TextAbsentCheckSchema,
  TextPresentCheckSchema,
  TextEveryCheckSchema,
  ValueCheckSchema,
  PackageCheckSchema,
  LineCountCheckSchema,
  JsonValueCheckSchema,
  DependencyCheckSchema,
  FileCountCheckSchema,
  PathMatchCheckSchema,
  CoverageCheckSchema,
])
export type CheckSpec = z.infer<typeof CheckSpecSchema>
export type CheckRole = NonNullable<CheckSpec['role']>

/** a check's role: as set, else "changed after the plan start" is progress only and a derived tool mention supporting */
export function checkRole(spec: CheckSpec): CheckRole {
  if (spec.role) return spec.role
  if (spec.kind === 'file-changed') return 'progress'
  if (spec.kind === 'dependency' && spec.origin === 'derived') return 'supporting'
  return 'criterion'
}

export const CommitRefSchema = z.object({
  sha: z.string(),
  /** committer date, strict ISO 8601 with the committer's offset */
  date: z.string(),
  subject: z.string(),
})
export type CommitRef = z.infer<typeof CommitRefSchema>

export const EvidenceSchema = z.object({
  /** plan path (repo path with the repo's prefix put back) */
  path: z.string(),
  /** 1-based line numbers of the matches (capped), empty for path-only evidence */
  lines: z.array(z.number().int()),
  /** matching lines / files / the measured value, depending on the check */
  count: z.number(),
  /** the commit that last changed this file (null in uncommitted evidence or before the replay window) */
  commit: CommitRefSchema.nullable(),
  repoId: z.string(),
  /** extra detail ("312 lines", "opossum ^8.1.0", "skipped: binary") */
  note: z.string().nullable().default(null),
})
export type Evidence = z.infer<typeof EvidenceSchema>

export const SinceSchema = CommitRefSchema.extend({
  /** plan week of the commit: 0 = before the plan start, weeks+1 = after the last week */
  week: z.number().int(),
  /** the check already held at the first commit of the replay window (so it holds since that commit or earlier) */
  atWindowStart: z.boolean(),
})
export type Since = z.infer<typeof SinceSchema>

/** a point on the first-parent chain where a check's value changed */
export const FlipSchema = z.object({
  /** null: the value at the window start (the last commit before the plan start, or before the first commit) */
  commit: CommitRefSchema.nullable(),
  value: z.boolean(),
  /** earliest committer date (epoch ms, UTC) among the commits this value covers, up to the next flip */
  minAt: z.number(),
})
export type Flip = z.infer<typeof FlipSchema>

export const CheckHistorySchema = z.object({
  /** base: last commit before the plan start; root: the repo begins inside the window; shallow: history cut */
  windowKind: z.enum(['base', 'root', 'shallow']),
  windowCommit: CommitRefSchema.nullable(),
  /** value changes in first-parent order; the first is the value at the window start */
  flips: z.array(FlipSchema),
})
export type CheckHistory = z.infer<typeof CheckHistorySchema>

export const UncommittedEvidenceSchema = z.object({
  holds: z.boolean(),
  evidence: z.array(EvidenceSchema),
})

export const CheckResultSchema = z.object({
  checkId: z.string(),
  /** null: could not be evaluated (no repo available, path unsafe, inside a submodule ...) */
  holdsNow: z.boolean().nullable(),
  since: SinceSchema.nullable(),
  /** state at the end of every plan week; null = unknown (future week, before a shallow boundary) */
  weekStates: z.array(z.boolean().nullable()),
  evidence: z.array(EvidenceSchema),
  /** working-tree evidence, only when it differs from HEAD; never counts as done */
  uncommitted: UncommittedEvidenceSchema.nullable(),
  /** the repo the check was resolved in (null when none) */
  repoId: z.string().nullable(),
  message: z.string().nullable(),
  /** per connected repo the check maps into: its value history (for --as-of and "why not done") */
  histories: z.array(CheckHistorySchema.extend({ repoId: z.string() })).optional(),
  /** how the repos combine: `every` must hold in each repo, `any` in one of them */
  combine: z.enum(['every', 'any']).optional(),
})
export type CheckResult = z.infer<typeof CheckResultSchema>

export const TaskEvidenceStateSchema = z.enum(['done', 'in-progress', 'not-started', 'needs-confirmation', 'unknown'])
export type TaskEvidenceState = z.infer<typeof TaskEvidenceStateSchema>
