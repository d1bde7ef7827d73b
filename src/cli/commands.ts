import { resolve } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { contract, isMethodName, methodNames, type MethodName, type MethodOutput } from '../shared/contract'
import type { Core } from '../main/bootstrap'
import { CliError } from './cli-error'
import { dbPathFrom, openHeadlessCore } from './host'

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

export interface Command {
  usage: string
  options?: ParseArgsConfig['options']
  run(args: CommandArgs): Promise<number>
}

export async function call<M extends MethodName>(core: Core, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new CliError(result.error.message, result.error.code === 'internal' ? 2 : 1)
  return result.value as MethodOutput<M>
}

export function withCore<T>(args: CommandArgs, work: (core: Core) => Promise<T>, dbPath = dbPathFrom(args.values.db as string | undefined)): Promise<T> {
  const core = openHeadlessCore(dbPath, 'cli')
  return work(core).finally(() => core.close())
}

export function print(args: CommandArgs, value: unknown, human: () => string): number {
  process.stdout.write(args.values.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`)
  return 0
}

function need(args: CommandArgs, count: number, what: string): string[] {
  if (args.positionals.length < count) throw new CliError(`missing ${what}. See --help.`)
  return args.positionals
}

function numberOption(args: CommandArgs, name: string): number | undefined {
  const raw = args.values[name]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new CliError(`--${name} needs a number, got "${String(raw)}"`)
  return value
}

function parseOptions(args: CommandArgs) {
  const options: { daysPerWeek?: number; hoursPerDay?: number } = {}
  const days = numberOption(args, 'days-per-week')
  const hours = numberOption(args, 'hours-per-day')
  if (days !== undefined) options.daysPerWeek = days
  if (hours !== undefined) options.hoursPerDay = hours
  return options
}

const parseFlags = { 'days-per-week': { type: 'string' }, 'hours-per-day': { type: 'string' } } as const

export const commands: Record<string, Command> = {
  parse: {
    usage: 'readiness parse <file> [--days-per-week N] [--hours-per-day N] [--json]\n  Parse a plan and print its structure without storing anything.',
    options: parseFlags,
    run: (args) => {
      const [file] = need(args, 1, '<file>')
      return withCore(
        args,
        async (core) => {
          const { plan } = await call(core, 'plans.preview', { source: { path: resolve(file) }, options: parseOptions(args) })
          return print(args, plan, () =>
            [
              `${plan.title}`,
              `date ${plan.date ?? '—'} · ${plan.phases.length} phases · ${plan.tasks.length} work items · ${plan.totals.estimateHours} h · ${plan.weeks} weeks (${plan.daysPerWeek} days/week)`,
              ...plan.warnings.map((w) => `warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`),
            ].join('\n'),
          )
        },
        ':memory:',
      )
    },
  },
  import: {
    usage: 'readiness import <file> [--start YYYY-MM-DD] [--plan ID] [--days-per-week N] [--hours-per-day N] [--db PATH] [--json]\n  Store a plan (or a new version of plan ID) and print its id.',
    options: { start: { type: 'string' }, plan: { type: 'string' }, ...parseFlags },
    run: (args) => {
      const [file] = need(args, 1, '<file>')
      return withCore(args, async (core) => {
        const result = await call(core, 'plans.import', {
          source: { path: resolve(file) },
          options: parseOptions(args),
          startDate: args.values.start,
          planId: numberOption(args, 'plan'),
        })
        return print(args, result, () => `Imported plan ${result.planId} (version ${result.versionNo}): ${result.taskCount} work items, ${result.totalHours} h`)
      })
    },
  },
  plans: {
    usage: 'readiness plans [--db PATH] [--json]\n  List stored plans.',
    run: (args) =>
      withCore(args, async (core) => {
        const list = await call(core, 'plans.list', {})
        return print(args, list, () =>
          list.length === 0 ? 'No plans yet. Import one with `readiness import <file>`.' : list.map((p) => `${p.id}\t${p.title}\t${p.taskCount} items\t${p.totalHours} h`).join('\n'),
        )
      }),
  },
  methods: {
    usage: 'readiness methods [--json]\n  List the contract methods `readiness call` accepts.',
    run: async (args) => print(args, methodNames, () => methodNames.map((m) => `${m.padEnd(22)} ${contract[m].summary}`).join('\n')),
  },
  call: {
    usage: "readiness call <method> ['<json input>'] [--db PATH]\n  Call any contract method with a JSON input; prints the JSON answer.",
    run: (args) => {
      const [method, json = '{}'] = need(args, 1, '<method>')
      if (!isMethodName(method)) throw new CliError(`unknown method "${method}". Run \`readiness methods\`.`)
      let input: unknown
      try {
        input = JSON.parse(json)
      } catch {
        throw new CliError('the input is not valid JSON')
      }
      return withCore(args, async (core) => {
        const value = await call(core, method, input)
        process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
        return 0
      })
    },
  },
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
    'Common options:',
    '  --db PATH   database file (default: READINESS_DB, else the desktop app’s data folder)',
    '  --json      machine-readable output',
    '  --help      help for a command',
    '',
  ]
  return lines.join('\n')
}
