import { sql } from 'drizzle-orm'
import { blob, integer, primaryKey, real, sqliteTable, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core'
import { CheckOriginSchema } from '../../shared/check-model'
import { StatusEntryKindSchema } from '../../shared/contract/tasks'
import { ScopeChangeKindSchema } from '../../shared/progress-model'
import { RepoStateSchema } from '../../shared/repo-model'

/** an enum column's values, from the shared vocabulary (a TypeScript type only: SQLite stores text, no migration) */
const values = <T extends string>(schema: { options: readonly T[] }) => schema.options as [T, ...T[]]

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

/** A plan is the lead's document; every import of it is a plan version (the first one is the baseline). */
export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  sourceName: text('source_name').notNull(),
  /** the lead's start date; null = the plan's own date */
  startDate: text('start_date'),
  daysPerWeek: integer('days_per_week'),
  hoursPerDay: real('hours_per_day'),
  /** the lead's reading of the plan (ImportProfile JSON, the mapping step); reapplied on re-import */
  importProfile: text('import_profile'),
  baselineVersionId: integer('baseline_version_id'),
  currentVersionId: integer('current_version_id'),
  lastSyncAt: text('last_sync_at'),
  createdAt: createdAt(),
  updatedAt: text('updated_at'),
})

export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    sourceName: text('source_name').notNull(),
    sourceSha256: text('source_sha256').notNull(),
    /** the file's bytes exactly as imported, so nothing is lost and a plan can be re-parsed without the original */
    sourceBytes: blob('source_bytes', { mode: 'buffer' }).notNull(),
    /** the ParsedPlan as imported (zod-validated on read) */
    parsedJson: text('parsed_json').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('plan_versions_plan_no').on(t.planId, t.versionNo)],
)

/**
 * The baselines a plan has been measured against: the first import, then each "Rebaseline" (from any version,
 * with the lead's reason). The newest one is the plan's baseline; older ones stay viewable.
 */
export const planBaselines = sqliteTable(
  'plan_baselines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    setAt: text('set_at').notNull(),
  },
  (t) => [index('plan_baselines_plan').on(t.planId)],
)

export const phases = sqliteTable(
  'phases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planVersionId: integer('plan_version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    title: text('title').notNull(),
    weekStart: integer('week_start'),
    weekEnd: integer('week_end'),
  },
  (t) => [uniqueIndex('phases_version_idx').on(t.planVersionId, t.idx)],
)

/** Tasks keep their identity across plan versions (re-import maps old keys to new ones). */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    phaseIdx: integer('phase_idx'),
    estimateHours: real('estimate_hours'),
    estimateDerived: integer('estimate_derived', { mode: 'boolean' }).notNull().default(false),
    weekStart: integer('week_start'),
    weekEnd: integer('week_end'),
    dayStart: integer('day_start'),
    dayEnd: integer('day_end'),
    claimedDone: integer('claimed_done', { mode: 'boolean' }).notNull().default(false),
    line: integer('line').notNull(),
    sortOrder: integer('sort_order').notNull(),
    addedInVersionId: integer('added_in_version_id').notNull(),
    /** set when a later import no longer contains the task; the row (and its history) is kept */
    removedInVersionId: integer('removed_in_version_id'),
  },
  (t) => [uniqueIndex('tasks_plan_key').on(t.planId, t.key), index('tasks_plan').on(t.planId)],
)

export const checks = sqliteTable(
  'checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    checkKey: text('check_key').notNull(),
    kind: text('kind').notNull(),
    specJson: text('spec_json').notNull(),
    sentence: text('sentence').notNull(),
    sourceLine: integer('source_line'),
    origin: text('origin', { enum: values(CheckOriginSchema) }).notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** a derived check the user edited: re-import keeps the user's version */
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('checks_task').on(t.taskId)],
)

export const repos = sqliteTable('repos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  path: text('path').notNull().unique(),
  name: text('name').notNull(),
  available: integer('available', { mode: 'boolean' }).notNull().default(true),
  lastError: text('last_error'),
  createdAt: createdAt(),
})

export const planRepos = sqliteTable(
  'plan_repos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    repoId: integer('repo_id')
      .notNull()
      .references(() => repos.id, { onDelete: 'cascade' }),
    /** null = the repo's current branch */
    branch: text('branch'),
    pathPrefix: text('path_prefix'),
    autoSync: integer('auto_sync', { mode: 'boolean' }).notNull().default(true),
    lastSyncAt: text('last_sync_at'),
    lastHeadSha: text('last_head_sha'),
    /** the folder's state at the last sync or connection (null: never synced) */
    lastState: text('last_state', { enum: values(RepoStateSchema) }),
    lastMessage: text('last_message'),
  },
  (t) => [uniqueIndex('plan_repos_plan_repo').on(t.planId, t.repoId)],
)

/** The latest evaluation of a check over its repo's history (one row per check). */
export const checkResults = sqliteTable('check_results', {
  checkId: integer('check_id')
    .primaryKey()
    .references(() => checks.id, { onDelete: 'cascade' }),
  repoId: integer('repo_id').references(() => repos.id, { onDelete: 'set null' }),
  headSha: text('head_sha'),
  resultJson: text('result_json').notNull(),
  evaluatedAt: text('evaluated_at').notNull(),
})

/** Per-commit / per-object evaluation cache of the evidence engine, so a re-sync only looks at new commits. */
export const evidenceCache = sqliteTable(
  'evidence_cache',
  {
    repoKey: text('repo_key').notNull(),
    cacheKey: text('cache_key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.repoKey, t.cacheKey] })],
)

/** Manual task status history; the newest row is the current manual status ('cleared' removes it). */
export const taskStatuses = sqliteTable(
  'task_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    status: text('status', { enum: values(StatusEntryKindSchema) }).notNull(),
    note: text('note').notNull().default(''),
    date: text('date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('task_statuses_task').on(t.taskId)],
)

export const scopeChanges = sqliteTable(
  'scope_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind', { enum: values(ScopeChangeKindSchema) }).notNull(),
    taskKey: text('task_key').notNull(),
    title: text('title').notNull(),
    hoursDelta: real('hours_delta').notNull(),
    week: integer('week'),
  },
  (t) => [index('scope_changes_plan').on(t.planId)],
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
})
