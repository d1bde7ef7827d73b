import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/rpc'
import { projectRoot } from '../source-layout'
import { WAIT_FOR_REPORT_SCRIPT, electronPrintOptions, type PrintRequest } from '../report/pdf-port'

/**
 * Electron's main script for the job: a plain script in platform/ (the only folder that may use electron), run by
 * Electron without a build. Found from the project root, so it is the same file from the sources and the CLI bundle.
 */
function printMainScript(): string {
  return join(projectRoot, 'src', 'main', 'platform', 'electron-print-main.cjs')
}

/** Prints with the installed Electron binary when no Chromium is available. */
export async function printWithElectron(
  electronPath: string,
  url: string,
  request: PrintRequest,
  timeoutMs: number,
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-print-'))
  try {
    const out = join(dir, 'report.pdf')
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      READINESS_PRINT_JOB: JSON.stringify({
        url,
        out,
        waitScript: WAIT_FOR_REPORT_SCRIPT,
        options: electronPrintOptions(request),
      }),
    }
    delete env.ELECTRON_RUN_AS_NODE
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(electronPath, [printMainScript(), '--no-sandbox', '--disable-gpu'], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: timeoutMs,
      })
      let errors = ''
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
      child.once('error', reject)
      child.once('exit', (exitCode) => resolve({ code: exitCode, stderr: errors }))
    })
    if (code !== 0)
      throw new AppError(
        'unavailable',
        `Electron at ${electronPath} could not print the report: ${stderr.trim().split('\n').at(-1) || `exit code ${code}`}`,
      )
    return new Uint8Array(readFileSync(out))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
