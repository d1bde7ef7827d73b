import { parseArgs } from 'node:util'
import { commands, usage } from './commands'
import { CliError } from './cli-error'

async function main(argv: string[]): Promise<number> {
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
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' }, ...command.options },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${command.usage}\n`)
    return 0
  }
  return command.run({ values: values as Record<string, string | boolean | undefined>, positionals })
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message = error instanceof CliError || (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
      ? (error as Error).message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error)
    process.stderr.write(`readiness: ${message}\n`)
    process.exitCode = error instanceof CliError ? error.exitCode : 2
  },
)
