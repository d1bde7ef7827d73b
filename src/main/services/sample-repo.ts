import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { addDays } from 'date-fns/addDays'
import { format } from 'date-fns/format'
import { startOfWeek } from 'date-fns/startOfWeek'

interface SampleCommit {
  day: number
  subject: string
  files: Record<string, string | null>
}

const lines = (count: number, text: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => text(i + 1)).join('\n') + '\n'

/** Commits that carry out parts of resources/sample-plan.md: some on time, some late, some not yet. */
const SAMPLE_HISTORY: SampleCommit[] = [
  {
    day: -3,
    subject: 'Prototype of the sample service',
    files: {
      'package.json':
        JSON.stringify({ name: 'sample-service', version: '0.1.0', dependencies: { express: '^4.19.0' } }, null, 2) +
        '\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', strict: false } }, null, 2) + '\n',
      'src/server.ts': lines(180, (i) => (i === 1 ? "import express from 'express'" : `// handler ${i}`)),
      'src/client.ts':
        "export async function fetchUpstream(url: string) {\n  console.log('fetching', url)\n  return fetch(url)\n}\n",
      'src/index.ts': "import './server'\nconsole.log('started')\n",
    },
  },
  {
    day: 1,
    subject: 'Add typed configuration loader',
    files: { 'src/config.ts': 'export const config = { port: Number(process.env.PORT ?? 3000) }\n' },
  },
  {
    day: 3,
    subject: 'Remove debug logging',
    files: {
      'src/index.ts': "import './server'\n",
      'src/client.ts': 'export async function fetchUpstream(url: string) {\n  return fetch(url)\n}\n',
    },
  },
  {
    day: 8,
    subject: 'Wrap upstream calls in a circuit breaker',
    files: {
      'package.json':
        JSON.stringify(
          { name: 'sample-service', version: '0.1.0', dependencies: { express: '^4.19.0', opossum: '^8.1.0' } },
          null,
          2,
        ) + '\n',
      'src/client.ts':
        "import CircuitBreaker from 'opossum'\nexport const breaker = new CircuitBreaker((url: string) => fetch(url))\n",
    },
  },
  {
    day: 10,
    subject: 'Turn on strict mode',
    files: { 'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', strict: true } }, null, 2) + '\n' },
  },
  {
    day: 14,
    subject: 'Add health endpoint',
    files: { 'src/health.ts': "export const health = () => ({ status: 'ok' })\n" },
  },
  {
    day: 15,
    subject: 'Start splitting the server: routes module',
    files: { 'src/routes.ts': 'export const routes = []\n' },
  },
]

function git(dir: string, args: string[], date?: string) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' }
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date })
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Sample Lead',
      '-c',
      'user.email=lead@example.invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'core.hooksPath=/dev/null',
      ...args,
    ],
    {
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
}

/**
 * Creates a small git repo whose dated history carries out part of the sample plan, with the plan starting
 * two weeks and a bit before `today` (so the dashboard shows a plan in progress). Returns the repo folder and
 * the plan start date to use.
 */
export function createSampleRepo(dir: string, today: Date): { dir: string; start: string } {
  const week1 = startOfWeek(addDays(today, -15), { weekStartsOn: 1 })
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  git(dir, ['init', '-q', '-b', 'main'])
  for (const commit of SAMPLE_HISTORY) {
    for (const [path, content] of Object.entries(commit.files)) {
      const file = join(dir, path)
      if (content === null) rmSync(file, { force: true })
      else {
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, content)
      }
    }
    git(dir, ['add', '-A'])
    const when = `${format(addDays(week1, commit.day), 'yyyy-MM-dd')}T10:00:00Z`
    git(dir, ['commit', '-q', '-m', commit.subject], when)
  }
  return { dir, start: format(week1, 'yyyy-MM-dd') }
}
