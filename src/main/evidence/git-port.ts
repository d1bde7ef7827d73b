import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import type * as SimpleGitModule from 'simple-git'

/**
 * The only way the evidence engine talks to git. No shell is ever involved; every call carries
 * the hardening config below, and plan-derived strings are never passed as git arguments
 * (paths are matched in JS against `ls-tree` / `log --raw` output).
 */
export interface GitPort {
  /** one-shot command; resolves stdout, rejects with GitCommandError on non-zero exit */
  run(dir: string, args: string[], opts?: { okExitCodes?: number[] }): Promise<string>
  /** long-lived or streaming command (cat-file --batch, log); caller owns the process */
  spawn(dir: string, args: string[]): ChildProcessWithoutNullStreams
  /** number of git processes started through this port (for "no history work" assertions) */
  readonly calls: number
}

export class GitCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly gitMissing = false,
  ) {
    super(message)
    this.name = 'GitCommandError'
  }
}

/** config that keeps repo-configured commands from running (fsmonitor, hooks, pagers, textconv) */
export const HARDENING_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.quotePath=false',
  'gc.auto=0',
  'maintenance.auto=false',
]

const SAFE_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  LC_ALL: 'C',
  GIT_CONFIG_NOSYSTEM: '1',
}

const INHERITED_ENV = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP']

/** a minimal environment: inherited GIT_DIR, EDITOR, SSH commands etc. must not influence us */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const key of INHERITED_ENV) {
    const value = process.env[key]
    if (value !== undefined) env[key] = value
  }
  return { ...env, ...SAFE_ENV }
}

function isMissingBinary(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error)
  return /ENOENT/.test(text) && /spawn/.test(text)
}

let simpleGitModule: Promise<typeof SimpleGitModule> | null = null
/** loaded on the first git call: a command that never runs git (`readiness plans`) starts without it */
const loadSimpleGit = () => (simpleGitModule ??= import('simple-git'))

export function createGitPort(opts: { binary?: string } = {}): GitPort {
  const binary = opts.binary ?? 'git'
  let calls = 0
  const env = cleanEnv()
  return {
    get calls() {
      return calls
    },
    async run(dir, args, runOpts) {
      calls++
      if (!existsSync(dir)) throw new GitCommandError(`directory not found: ${dir}`, null, '')
      const { simpleGit } = await loadSimpleGit()
      const git = simpleGit({
        baseDir: dir,
        binary,
        config: HARDENING_CONFIG,
        trimmed: false,
        allowEnvironment: Object.keys(SAFE_ENV),
        // these two flags only allow us to *set* the keys; we set them to their disabled values
        unsafe: {
          allowUnsafeFsMonitor: true,
          allowUnsafeHooksPath: true,
          allowUnsafeCustomBinary: true,
          allowUnsafePager: true,
        },
        errors: (error, result) => {
          if (error) return error
          if (result.exitCode === 0 || runOpts?.okExitCodes?.includes(result.exitCode)) return undefined
          return Buffer.concat([...result.stdErr])
        },
      }).env(env)
      try {
        return await git.raw(args)
      } catch (error) {
        if (isMissingBinary(error)) throw new GitCommandError(`git is not installed (${binary})`, null, '', true)
        const message = String((error as Error).message ?? error).trim()
        throw new GitCommandError(message || `git ${args[0]} failed`, null, message)
      }
    },
    spawn(dir, args) {
      calls++
      const configArgs = HARDENING_CONFIG.flatMap((entry) => ['-c', entry])
      return spawn(binary, [...configArgs, ...args], { cwd: dir, env, shell: false, stdio: 'pipe' })
    },
  }
}
