import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A real git repository in a temp dir, with commits dated through GIT_AUTHOR_DATE / GIT_COMMITTER_DATE. */
export class GitFixture {
  readonly dir: string

  constructor(dir?: string, opts: { init?: boolean } = {}) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'evidence-fixture-'))
    if (opts.init !== false) this.git('init', '-q', '-b', 'main')
  }

  git(...args: string[]): string {
    return this.gitAt(undefined, ...args)
  }

  gitAt(date: string | undefined, ...args: string[]): string {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: this.dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Fixture',
      GIT_AUTHOR_EMAIL: 'fixture@example.com',
      GIT_COMMITTER_NAME: 'Fixture',
      GIT_COMMITTER_EMAIL: 'fixture@example.com',
    }
    if (date) {
      env.GIT_AUTHOR_DATE = date
      env.GIT_COMMITTER_DATE = date
    }
    return execFileSync('git', ['-c', 'protocol.file.allow=always', ...args], { cwd: this.dir, env, encoding: 'utf8' })
  }

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
    return this
  }

  symlink(path: string, target: string): this {
    const full = join(this.dir, path)
    mkdirSync(dirname(full), { recursive: true })
    symlinkSync(target, full)
    return this
  }

  move(from: string, to: string): this {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true })
    this.git('mv', '--', from, to)
    return this
  }

  remove(path: string): this {
    this.git('rm', '-q', '-r', '--', path)
    return this
  }

  /** stages everything and commits at `date` (ISO with offset, e.g. 2025-01-29T10:00:00+00:00); returns the sha */
  commit(message: string, date: string): string {
    this.git('add', '-A')
    this.gitAt(date, 'commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim()
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** `n` lines of filler text */
export function lines(n: number, text = 'x = 1'): string {
  return Array.from({ length: n }, (_, i) => `${text} # ${i + 1}`).join('\n') + '\n'
}
