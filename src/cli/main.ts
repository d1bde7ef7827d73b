import { parseArgs, type ParseArgsConfig } from 'node:util'
import { commands, usage } from './commands'
import { CliError } from './cli-error'
import type { Logger } from '../main/log'

/** Options every command takes, before or after the command name (`readiness --db x.db plans`). */
export const globalOptions = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies NonNullable<ParseArgsConfig['options']>

type Values = Record<string, string | boolean | undefined>

/** The options before the command name, the name, and what follows it. */
function splitArgv(argv: string[]): { leading: string[]; name: string | undefined; rest: string[] } {
  const leading: string[] = []
  let i = 0
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') {
    const token = argv[i]
    leading.push(token)
    i++
    const long = token.startsWith('--') ? token.slice(2) : null
    const option = long !== null ? globalOptions[long as keyof typeof globalOptions] : undefined
    if (option?.type === 'string' && !token.includes('=') && i < argv.length) leading.push(argv[i++])
  }
  if (argv[i] === '--') i++
  return { leading, name: argv[i], rest: argv.slice(i + 1) }
}

function parseLeading(leading: string[]): Values {
  if (leading.includes('--version') || leading.includes('-v')) return { version: true }
  try {
    return parseArgs({ args: leading, options: globalOptions, allowPositionals: false, strict: true }).values as Values
  } catch (error) {
    const message = oneLine(error)
    const hint = /^Unknown option/.test(message)
      ? ` (before the command only ${Object.keys(globalOptions)
          .map((o) => `--${o}`)
          .join(', ')}; the command's own options go after it)`
      : ''
    throw new CliError(`${message}${hint}`)
  }
}

function parseCommandArgs(name: string, args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options: { ...globalOptions, ...options }, allowPositionals: true, strict: true })
  } catch (error) {
    if (!isParseArgsError(error)) throw error
    throw new CliError(`${oneLine(error)}. See \`readiness ${name} --help\`.`)
  }
}

/** Only the options that were given, so a command's defaults never hide a global option given before it. */
function given(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

async function main(argv: string[], session: { logger: Logger | null }): Promise<number> {
  const { leading, name, rest } = splitArgv(argv)
  const before = parseLeading(leading)
  if (before.version) {
    const { packageVersion } = await import('../main/source-layout')
    process.stdout.write(`${packageVersion()}\n`)
    return 0
  }
  if (!name || name === 'help') {
    process.stdout.write(usage())
    return before.help || name === 'help' || leading.length === 0 ? 0 : 2
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) throw new CliError(`unknown command "${name}". Run \`readiness --help\` for the list.`)
  const { values, positionals } = parseCommandArgs(name, rest, command.options)
  const merged = { ...before, ...given(values as Values) }
  if (merged.help) {
    process.stdout.write(`${command.usage}\n`)
    return 0
  }
  const { hostLogger } = await import('./host')
  const logger = hostLogger('cli', merged.verbose === true)
  session.logger = logger
  return command.run({ values: merged, positionals, logger })
}

/** node:util parseArgs messages without their advice about `--` (which does not apply here). */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return message.replace(/\. To specify a positional argument.*$/, '')
}

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  )
}

/** One line on stderr for every failure; the detail goes to the log (and to stderr with --verbose). */
function reportFailure(error: unknown, logger: Logger | null): number {
  if (error instanceof CliError || isParseArgsError(error)) {
    process.stderr.write(`readiness: ${oneLine(error)}\n`)
    return error instanceof CliError ? error.exitCode : 2
  }
  logger?.error('readiness failed', error)
  if (error instanceof Error && error.name === 'DatabaseError') {
    process.stderr.write(`readiness: ${error.message}\n`)
    return 2
  }
  const where = logger?.file ? ` (details in ${logger.file}; --verbose prints them)` : ''
  process.stderr.write(`readiness: ${oneLine(error)}${where}\n`)
  return 2
}

const session: { logger: Logger | null } = { logger: null }
main(process.argv.slice(2), session).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.exitCode = reportFailure(error, session.logger)
  },
)
