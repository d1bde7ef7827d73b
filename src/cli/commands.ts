import { resolve } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import type { MethodName, MethodOutput } from '../shared/contract'
import { basisPhrase, basisUnit } from '../shared/basis-words'
import { round1 } from '../shared/rounding'
import type { Core } from '../main/bootstrap'
import type { Logger } from '../main/log'
import { CliError } from './cli-error'
import { createProgressReporter, progressMode } from './progress'
import { formatTable } from './table'
import { explainPlan, readProfileFile } from './plan-reading'
import { NO_TASKS } from '../main/plan/no-tasks'
import type { ImportProfile, ParsedPlan } from '../shared/plan-model'
import { textReading } from '../shared/text-reading'

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
  /** where failure details go (the log file; stderr too with --verbose) */
  logger: Logger
}

export interface Command {
  usage: string
  options?: ParseArgsConfig['options']
  run(args: CommandArgs): Promise<number>
}

export async function call<M extends MethodName>(core: Core, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input)
  if (result.ok) return result.value as MethodOutput<M>
  const { code, message, issues } = result.error
  // a validation failure names each field on one line instead of zod's multi-line report
  const text =
    code === 'validation' && issues?.length
      ? `Invalid input for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
      : message
  throw new CliError(text, code === 'internal' ? 2 : 1)
}

export interface CoreUse {
  /** the command stores something: a missing database is created (and the user told so) */
  stores: boolean
  /** a fixed database instead of --db (parse uses ':memory:') */
  dbPath?: string
}

export async function withCore<T>(args: CommandArgs, use: CoreUse, work: (core: Core) => Promise<T>): Promise<T> {
  // loaded on use, so `--help` and `methods` start without the whole core
  const { closeHeadlessCore, dbPathFrom, openHeadlessCore } = await import('./host')
  const core = openHeadlessCore(use.dbPath ?? dbPathFrom(args.values.db as string | undefined), 'cli', {
    create: use.stores,
    logger: args.logger,
  })
  return work(core).finally(() => closeHeadlessCore(core))
}

/** `readiness call` stores unless the method only reads (get, list, history, preview…). */
export function methodStores(method: string): boolean {
  return !/\.(get|list|history|forTask|preview|getInfo|explain)$/.test(method)
}

export function print(args: CommandArgs, value: unknown, human: () => string): number {
  process.stdout.write(args.values.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`)
  return 0
}

function need(args: CommandArgs, count: number, what: string): string[] {
  if (args.positionals.length < count) throw new CliError(`missing ${what}. See --help.`)
  return args.positionals
}

/** A plan id as the user typed it: a positive whole number, else a one-line explanation. */
export function planIdArg(raw: string | undefined, what = 'plan id'): number {
  const text = String(raw ?? '').trim()
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new CliError(`"${raw}" is not a ${what}: give the number \`readiness plans\` lists`)
  return Number(text)
}

function numberOption(args: CommandArgs, name: string): number | undefined {
  const raw = args.values[name]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new CliError(`--${name} needs a number, got "${String(raw)}"`)
  return value
}

function parseOptions(args: CommandArgs) {
  const options: { daysPerWeek?: number; hoursPerDay?: number; profile?: ImportProfile } = {}
  const days = numberOption(args, 'days-per-week')
  const hours = numberOption(args, 'hours-per-day')
  if (days !== undefined) options.daysPerWeek = days
  if (hours !== undefined) options.hoursPerDay = hours
  const profile = readProfileFile(args.values.profile as string | undefined)
  if (profile) options.profile = profile
  return options
}

const parseFlags = {
  'days-per-week': { type: 'string' },
  'hours-per-day': { type: 'string' },
  profile: { type: 'string' },
} as const

/**
 * Every CLI command by name. To add one: an entry with its usage (first line shows in `--help`), its own options
 * (the global ones — main.ts `globalOptions` — come for free, before or after the name) and `run`, which calls
 * contract methods through `withCore` + `call` and prints with `print` (text, or JSON with --json). Expected
 * failures are a `CliError` (one line on stderr, its exit code).
 */
export const commands: Record<string, Command> = {
  parse: {
    usage:
      'readiness parse <file> [--profile FILE.json] [--explain] [--days-per-week N] [--hours-per-day N] [--json]\n  Parse a plan and print its structure without storing anything; --explain prints how it was read and every line left out.',
    options: { ...parseFlags, explain: { type: 'boolean' } },
    run: (args) => {
      const [file] = need(args, 1, '<file>')
      return withCore(args, { stores: false, dbPath: ':memory:' }, async (core) => {
        const { plan } = await call(core, 'plans.preview', {
          source: { path: resolve(file) },
          options: parseOptions(args),
        })
        if (args.values.explain && !args.values.json) {
          print(args, plan, () => explainPlan(plan))
          return plan.tasks.length === 0 ? 1 : 0
        }
        if (plan.tasks.length === 0) throw new CliError(`${file}: ${NO_TASKS}`, 1)
        return print(args, plan, () =>
          [
            `${plan.title}`,
            `date ${plan.date ?? '—'} · ${count(plan.phases.length, 'phase')} · ${count(plan.tasks.length, 'work item')} · ${plan.totals.estimateHours} h · ${count(plan.weeks, 'week')} (${plan.daysPerWeek} days/week)`,
            ...textLines(plan),
            ...plan.warnings.map((w) => `warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`),
          ].join('\n'),
        )
      })
    },
  },
  import: {
    usage:
      'readiness import <file> [--start YYYY-MM-DD] [--plan ID] [--profile FILE.json] [--days-per-week N] [--hours-per-day N] [--db PATH] [--json]\n  Store a plan (or a new version of plan ID) and print its id; a re-import reapplies the stored profile unless --profile gives another.',
    options: { start: { type: 'string' }, plan: { type: 'string' }, ...parseFlags },
    run: (args) => {
      const [file] = need(args, 1, '<file>')
      return withCore(args, { stores: true }, async (core) => {
        const result = await call(core, 'plans.import', {
          source: { path: resolve(file) },
          options: parseOptions(args),
          startDate: args.values.start,
          planId: args.values.plan === undefined ? undefined : planIdArg(args.values.plan as string),
        })
        return print(
          args,
          result,
          () =>
            `Imported plan ${result.planId} (version ${result.versionNo}): ${result.taskCount} work items, ${result.totalHours} h`,
        )
      })
    },
  },
  rebaseline: {
    usage:
      'readiness rebaseline <planId> [--reason TEXT] [--version N] [--db PATH] [--json]\n  Make the current version (or version N) the plan\u2019s baseline: the ideal line, SPI and variance follow it; earlier baselines stay viewable.',
    options: { reason: { type: 'string' }, version: { type: 'string' } },
    run: (args) => {
      const planId = planIdArg(need(args, 1, '<planId>')[0])
      return withCore(args, { stores: true }, async (core) => {
        const versionNo = numberOption(args, 'version')
        const result = await call(core, 'plans.rebaseline', {
          planId,
          reason: (args.values.reason as string | undefined) ?? '',
          ...(versionNo !== undefined ? { versionNo } : {}),
        })
        const { baseline } = result
        return print(
          args,
          result,
          () =>
            `Plan ${planId} is now measured against version ${baseline.versionNo} (baseline ${result.baselines.length} of ${result.baselines.length})${baseline.reason ? `: ${baseline.reason}` : ''}`,
        )
      })
    },
  },
  profile: {
    usage:
      "readiness profile <planId> [--set FILE.json | --clear] [--db PATH] [--json]\n  Show the plan's import profile (how the lead corrected its reading), or store a new one and re-read every version with it.",
    options: { set: { type: 'string' }, clear: { type: 'boolean' } },
    run: (args) => {
      const planId = planIdArg(need(args, 1, '<planId>')[0])
      return withCore(args, { stores: args.values.set !== undefined || args.values.clear === true }, async (core) => {
        if (args.values.set !== undefined || args.values.clear) {
          const profile = args.values.clear ? null : (readProfileFile(args.values.set as string) ?? null)
          const result = await call(core, 'plans.setProfile', { planId, profile })
          return print(
            args,
            result.summary,
            () =>
              `Plan ${planId} re-read${profile ? ' with the profile' : ' without a profile'}: ${result.summary.taskCount} work items, ${result.summary.totalHours} h`,
          )
        }
        const detail = await call(core, 'plans.get', { planId })
        return print(args, detail.settings.profile, () =>
          detail.settings.profile
            ? JSON.stringify(detail.settings.profile, null, 2)
            : `Plan ${planId} has no import profile: it is read as written.`,
        )
      })
    },
  },
  plans: {
    usage: 'readiness plans [--db PATH] [--json]\n  List stored plans.',
    run: (args) =>
      withCore(args, { stores: false }, async (core) => {
        const list = await call(core, 'plans.list', {})
        return print(args, list, () =>
          list.length === 0
            ? 'No plans yet. Import one with `readiness import <file>`.'
            : formatTable(
                ['Id', 'Items', 'Hours', 'Title'],
                list.map((p) => [String(p.id), String(p.taskCount), String(p.totalHours), p.title]),
              ),
        )
      }),
  },
  status: {
    usage:
      'readiness status <planId> [--as-of YYYY-MM-DD] [--fail-if-behind N] [--db PATH] [--json]\n  Verified progress, burndown and forecast; with --fail-if-behind, exits 3 when more than N weeks behind.',
    options: { 'as-of': { type: 'string' }, 'fail-if-behind': { type: 'string' } },
    run: (args) => {
      const planId = planIdArg(need(args, 1, '<planId>')[0])
      const threshold = numberOption(args, 'fail-if-behind')
      return withCore(args, { stores: false }, async (core) => {
        const report = await call(core, 'progress.get', { planId, asOf: args.values['as-of'] })
        print(args, report, () => formatStatus(report))
        if (threshold !== undefined && report.summary.behindWeeks > threshold) {
          process.stderr.write(
            `readiness: ${report.summary.behindWeeks} weeks behind the plan (more than ${threshold})\n`,
          )
          return 3
        }
        return 0
      })
    },
  },
  explain: {
    usage:
      'readiness explain <planId> <taskKey> [--as-of YYYY-MM-DD] [--db PATH] [--json]\n  Why a task is (not) done: each check, the criterion sentence it came from, and its true/false runs with the commits that flipped them.',
    options: { 'as-of': { type: 'string' } },
    run: (args) => {
      const [rawPlanId, taskKey] = need(args, 2, '<planId> <taskKey>')
      const planId = planIdArg(rawPlanId)
      return withCore(args, { stores: false }, async (core) => {
        const explained = await call(core, 'evidence.explain', { planId, taskKey, asOf: args.values['as-of'] })
        return print(args, explained, () => formatExplanation(explained))
      })
    },
  },
  connect: {
    usage:
      'readiness connect <planId> <repoDir> [--prefix P] [--branch B] [--db PATH] [--json]\n  Connect a local git repository to a plan.',
    options: { prefix: { type: 'string' }, branch: { type: 'string' } },
    run: (args) => {
      const [rawPlanId, dir] = need(args, 2, '<planId> <repoDir>')
      const planId = planIdArg(rawPlanId)
      return withCore(args, { stores: true }, async (core) => {
        const link = await call(core, 'repos.connect', {
          planId,
          path: resolve(dir),
          prefix: args.values.prefix,
          branch: args.values.branch,
        })
        return print(
          args,
          link,
          () =>
            `Connected ${link.path} (repo ${link.repoId}) to plan ${planId}${link.prefix ? ` with prefix ${link.prefix}` : ''}: ${link.message ?? link.state}`,
        )
      })
    },
  },
  sync: {
    usage:
      'readiness sync <planId> [--quiet] [--db PATH] [--json]\n  Replay the connected repositories and evaluate every check. Progress goes to stderr: one updating line on a terminal, a line per stage (at most one every 2 s) otherwise, JSON lines with --json, nothing with --quiet.',
    run: (args) => {
      const planId = planIdArg(need(args, 1, '<planId>')[0])
      return withCore(args, { stores: true }, async (core) => {
        const progress = createProgressReporter({
          label: 'sync',
          mode: progressMode(args.values, process.stderr),
          stream: process.stderr,
        })
        const stop = core.subscribe((event, payload) => {
          if (event !== 'repos.syncProgress') return
          const p = payload as { planId: number; phase: string; done: number; total: number }
          if (p.planId === planId) progress.update({ stage: p.phase, done: p.done, total: p.total })
        })
        let summary: MethodOutput<'repos.sync'>
        try {
          summary = await call(core, 'repos.sync', { planId })
        } finally {
          // the terminal line is cleared before the result or the error is written
          progress.finish()
          stop()
        }
        if (summary.repos.length === 0)
          throw new CliError(
            `plan ${planId} has no repository connected, so there is nothing to sync: connect one with \`readiness connect ${planId} <repoDir>\``,
            1,
          )
        return print(args, summary, () =>
          [
            `Synced plan ${planId} in ${summary.durationMs} ms: ${summary.commitsEvaluated} new commits, ${summary.checksEvaluated} checks`,
            ...summary.repos.map(
              (r) =>
                `  repo ${r.repoId}: ${r.state}${r.message ? ` — ${r.message}` : ''}${r.stale ? `\n    its last results are kept (stale); point it at the new folder with \`readiness relink ${planId} ${r.repoId} <dir>\`, or disconnect it` : ''}`,
            ),
          ].join('\n'),
        )
      })
    },
  },
  report: {
    usage:
      'readiness report <planId> [--pdf FILE] [--paper A4|Letter] [--csv FILE] [--json-file FILE] [--as-of YYYY-MM-DD] [--db PATH] [--json]\n  Export the status report: PDF (printed by Chromium: CHROMIUM_PATH, else a system Chromium/Chrome/Edge, else the installed Electron), CSV of the tasks, JSON of the full status.',
    options: {
      pdf: { type: 'string' },
      paper: { type: 'string' },
      csv: { type: 'string' },
      'json-file': { type: 'string' },
      'as-of': { type: 'string' },
    },
    run: (args) => {
      const planId = planIdArg(need(args, 1, '<planId>')[0])
      const { pdf, csv, 'json-file': jsonFile, 'as-of': asOf } = args.values as Record<string, string | undefined>
      if (!pdf && !csv && !jsonFile)
        throw new CliError('say what to export: --pdf FILE, --csv FILE and/or --json-file FILE')
      const paper =
        args.values.paper === undefined
          ? 'A4'
          : ({ a4: 'A4', letter: 'Letter' } as const)[String(args.values.paper).toLowerCase() as 'a4' | 'letter']
      if (!paper) throw new CliError(`--paper is A4 or Letter, got "${String(args.values.paper)}"`)
      return withCore(args, { stores: false }, async (core) => {
        const base = { planId, asOf }
        const written = {
          pdf: pdf ? await call(core, 'report.exportPdf', { ...base, path: resolve(pdf), paper }) : undefined,
          csv: csv ? await call(core, 'report.exportCsv', { ...base, path: resolve(csv) }) : undefined,
          json: jsonFile ? await call(core, 'report.exportJson', { ...base, path: resolve(jsonFile) }) : undefined,
        }
        return print(args, written, () =>
          [
            written.pdf && `Wrote ${written.pdf.path} (${written.pdf.pages} pages, ${written.pdf.bytes} bytes)`,
            written.csv && `Wrote ${written.csv.path} (${written.csv.bytes} bytes)`,
            written.json && `Wrote ${written.json.path} (${written.json.bytes} bytes)`,
          ]
            .filter(Boolean)
            .join('\n'),
        )
      })
    },
  },
  relink: {
    usage:
      'readiness relink <planId> <repo> <newDir> [--force] [--db PATH] [--json]\n  Point a connected repository (its id, name or old path) at the folder it moved to; its history and results are kept. --force accepts a folder that lacks the last synced commit (rewritten history).',
    options: { force: { type: 'boolean', default: false } },
    run: (args) => {
      const [rawPlanId, which, dir] = need(args, 3, '<planId> <repo> <newDir>')
      const planId = planIdArg(rawPlanId)
      return withCore(args, { stores: true }, async (core) => {
        const links = await call(core, 'repos.list', { planId })
        const found = links.find((l) => String(l.repoId) === which || l.path === resolve(which) || l.name === which)
        if (!found)
          throw new CliError(
            `plan ${planId} has no connected repository "${which}" (connected: ${links.map((l) => `${l.repoId} ${l.path}`).join(', ') || 'none'})`,
            1,
          )
        const link = await call(core, 'repos.relink', {
          planId,
          repoId: found.repoId,
          path: resolve(dir),
          force: args.values.force === true,
        })
        return print(
          args,
          link,
          () =>
            `Relinked repo ${link.repoId} to ${link.path} (was ${found.path}): ${link.message ?? link.state}. Run \`readiness sync ${planId}\` to refresh its evidence.`,
        )
      })
    },
  },
  restore: {
    usage:
      'readiness restore [BACKUP] [--db PATH] [--json]\n  Without BACKUP: list the automatic backups of the database. With it: put that backup in place of the database (the current state is saved first).',
    run: async (args) => {
      const { dbPathFrom } = await import('./host')
      const { listBackups } = await import('../main/db/backups')
      const dbPath = resolve(dbPathFrom(args.values.db as string | undefined))
      const [backup] = args.positionals
      if (!backup) {
        const backups = listBackups(dbPath)
        return print(args, backups, () =>
          backups.length === 0
            ? `No automatic backups of ${dbPath} yet.`
            : [
                `Backups of ${dbPath}, newest first:`,
                ...backups.map(
                  (b) =>
                    `  ${b.takenAt}  ${b.reason.padEnd(16)} ${(b.bytes / 1024).toFixed(0).padStart(7)} KB  ${b.path}`,
                ),
              ].join('\n'),
        )
      }
      const { restoreDatabase } = await import('../main/db/restore')
      const { sourceLayout } = await import('../main/source-layout')
      const outcome = await restoreDatabase({
        backupPath: resolve(backup),
        dbPath,
        migrationsFolder: sourceLayout.migrationsFolder,
        now: new Date(),
      })
      return print(
        args,
        outcome,
        () =>
          `Restored ${outcome.restored} into ${outcome.into}.${outcome.previous ? ` The database as it was is kept at ${outcome.previous}.` : ''}`,
      )
    },
  },
  methods: {
    usage: 'readiness methods [--json]\n  List the contract methods `readiness call` accepts.',
    run: async (args) => {
      const { contract, methodNames } = await import('../shared/contract')
      return print(args, methodNames, () => methodNames.map((m) => `${m.padEnd(22)} ${contract[m].summary}`).join('\n'))
    },
  },
  call: {
    usage:
      "readiness call <method> ['<json input>'] [--db PATH]\n  Call any contract method with a JSON input; prints the JSON answer.",
    run: async (args) => {
      const [method, json = '{}'] = need(args, 1, '<method>')
      const { isMethodName } = await import('../shared/contract')
      if (!isMethodName(method)) throw new CliError(`unknown method "${method}". Run \`readiness methods\`.`)
      let input: unknown
      try {
        input = JSON.parse(json)
      } catch {
        throw new CliError('the input is not valid JSON')
      }
      return withCore(args, { stores: methodStores(method) }, async (core) => {
        const value = await call(core, method, input)
        process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
        return 0
      })
    },
  },
}

/** "1 phase", "3 phases" */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** the encoding the plan was read in, when it was not plain UTF-8 (the repairs are among the warnings) */
function textLines(plan: ParsedPlan): string[] {
  const reading = textReading(plan)
  return reading.assumed ? [reading.encoding] : []
}

/** The forecast's status as a sentence, as the dashboard says it */
const FORECAST_WORDS: Record<string, string> = {
  done: 'done, nothing remains',
  'not-enough-history': 'needs more completed weeks',
  'no-throughput': 'nothing done recently to project from',
  'no-work': 'no work to forecast',
}

function formatStatus(report: MethodOutput<'progress.get'>): string {
  const s = report.summary
  const f = report.forecast
  const variance = !s.scheduled
    ? 'unscheduled'
    : s.scheduleVarianceWeeks === 0
      ? 'on schedule'
      : s.scheduleVarianceWeeks < 0
        ? `${-s.scheduleVarianceWeeks} weeks behind`
        : `${s.scheduleVarianceWeeks} weeks ahead`
  const spi = `SPI ${s.spi ?? '—'} (earned ${round1(s.earnedValue)} of planned ${round1(s.plannedValue)} ${basisUnit(s.basis)})`
  return [
    `as of ${report.asOf} (week ${report.asOfWeek}), plan start ${report.start}`,
    `verified ${s.verifiedPercent}% · claimed ${s.claimedPercent}% · ${basisPhrase(s)} · remaining ${s.remainingHours} h · ${variance} · ${spi}`,
    `forecast: ${f.status === 'ok' ? `P50 ${f.p50}, P85 ${f.p85}, P95 ${f.p95}` : FORECAST_WORDS[f.status]}`,
    '',
    formatTable(
      ['Item', 'State', 'Done', 'Title'],
      report.tasks.map((t) => [t.key, t.state, t.doneAt ?? '', t.title]),
      '  ',
    ),
  ].join('\n')
}

function formatExplanation(e: MethodOutput<'evidence.explain'>): string {
  const when = e.asOf ? `as of ${e.asOf}` : 'now'
  const done = e.state === 'done' ? ` ${e.doneBeforePlan ? 'before the plan start' : `since ${e.doneAt}`}` : ''
  const reason =
    e.reason === 'no-criteria'
      ? ' (no criterion check: add one, or confirm by hand)'
      : e.reason === 'not-synced'
        ? ' (not synced yet)'
        : e.reason === 'inconclusive'
          ? ' (checks inconclusive)'
          : e.reason === 'partly-read'
            ? ' (every check holds, but part of a criterion sentence could not be read: add a check for it, or confirm by hand)'
            : ''
  const mark = (holds: boolean | null) => (holds === true ? 'holds' : holds === false ? 'fails' : '  ?  ')
  return [
    `${e.taskKey} ${e.title}: ${e.state}${done}${reason}, ${when}`,
    ...e.checks.flatMap((c) => [
      `  [${mark(c.holds)}] ${c.sentence}  (${c.enabled ? c.role : 'disabled'}${c.sourceLine ? `, line ${c.sourceLine}` : ''}${c.origin === 'user' ? ', yours' : ''})`,
      ...(c.source && c.source !== c.sentence ? [`          from: ${c.source}`] : []),
      ...c.repos.map(
        (r) =>
          `          ${e.checks.length && c.repos.length > 1 ? `repo ${r.repoId}: ` : ''}${r.line || 'no history'}`,
      ),
      ...(c.holds !== true && c.message ? [`          at HEAD: ${c.message}`] : []),
    ]),
    ...e.notCheckable.map((n) => `  not checkable (line ${n.line}): ${n.text}`),
  ].join('\n')
}

export function usage(): string {
  const lines = [
    'Readiness Cockpit — production-readiness plans, verified from git.',
    '',
    'Usage: readiness <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([, command]) => `  ${command.usage.split('\n')[0].replace(/^readiness /, '')}`),
    '',
    'Common options (before or after the command):',
    '  --db PATH     database file (default: READINESS_DB, else the desktop app’s data folder)',
    '  --json        machine-readable output (progress as JSON lines on stderr)',
    '  -q, --quiet   no progress on stderr',
    '  --verbose     print the details of a failure (they always go to the log file in the data folder)',
    '  -h, --help    help for a command',
    '',
  ]
  return lines.join('\n')
}
