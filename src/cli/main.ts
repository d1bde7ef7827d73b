import { parseArgs } from 'node:util'
import { commands, usage } from './commands'
import { CliError } from './cli-error'
import type { Logger } from '../main/log'

async function main(argv: string[], session: { logger: Logger | null }): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return 0
  }
  if (name === '--version' || name === '-v') {
    const { packageVersion } = await import('../main/source-layout')
    process.stdout.write(`${packageVersion()}\n`)
    return 0
  }
  const command = commands[name]
  if (!command) throw new CliError(`unknown command "${name}". Run \`readiness --help\` for the list.`)
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      ...command.options,
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${command.usage}\n`)
    return 0
  }
  const { hostLogger } = await import('./host')
  const logger = hostLogger('cli', values.verbose === true)
  session.logger = logger
  return command.run({ values: values as Record<string, string | boolean | undefined>, positionals, logger })
}

function isArgumentError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
}

/** One line on stderr for every failure; the detail goes to the log (and to stderr with --verbose). */
function reportFailure(error: unknown, logger: Logger | null): number {
  if (error instanceof CliError || isArgumentError(error)) {
    process.stderr.write(`readiness: ${(error as Error).message}\n`)
    return error instanceof CliError ? error.exitCode : 2
  }
  logger?.error('readiness failed', error)
  if (error instanceof Error && error.name === 'DatabaseError') {
    process.stderr.write(`readiness: ${error.message}\n`)
    return 2
  }
  const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0]
  const where = logger?.file ? ` (details in ${logger.file}; --verbose prints them)` : ''
  process.stderr.write(`readiness: ${firstLine}${where}\n`)
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
