import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { repoRoot } from './paths'

export interface WebProcess {
  child: ChildProcess
  url: string
  port: number
  token: string
  stderr: () => string
  stop(): Promise<number | null>
}

/**
 * Starts the real `npm run web` (bin/web.js) on a database, with a stand-in renderer folder so it never builds,
 * and resolves once it printed its URL.
 */
export async function startWebProcess(
  dbPath: string,
  workDir: string,
  env: Record<string, string> = {},
): Promise<WebProcess> {
  const rendererDir = join(workDir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>stand-in</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'web.js'), '--db', dbPath, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, READINESS_RENDERER_DIR: rendererDir, READINESS_LOG_FILE: join(workDir, 'web.log'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`web server exited (${code}) before printing its URL: ${stderr}`)))
    setTimeout(() => reject(new Error(`web server did not start in 60 s: ${stderr}`)), 60_000).unref()
  })
  const parsed = new URL(url)
  return {
    child,
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  }
}
