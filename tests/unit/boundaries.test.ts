import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../support/paths'

/** The layer rules of .dependency-cruiser.cjs (also `npm run lint:deps`), checked on the tree and on seeded breaks. */
const config = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as IConfiguration

async function cruiseTree(baseDir: string, roots: string[]) {
  const { output } = await cruise(roots, { ...config.options, baseDir, validate: true, ruleSet: config })
  const { summary } = output as ICruiseResult
  return {
    modules: summary.totalCruised,
    violations: summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`),
  }
}

describe('architecture boundaries', () => {
  const probes = mkdtempSync(join(tmpdir(), 'readiness-boundaries-'))
  afterAll(() => rmSync(probes, { recursive: true, force: true }))

  it('the source tree breaks none of them', async () => {
    const { modules, violations } = await cruiseTree(repoRoot, ['src'])
    expect(violations).toEqual([])
    expect(modules).toBeGreaterThan(250)
  }, 60_000)

  it('catches each kind of break: an outward import, Node in shared, electron outside platform, a cycle', async () => {
    const files: Record<string, string> = {
      'src/main/plan/reader.ts': "import { handlers } from '../rpc/handlers'\nexport const read = handlers\n",
      'src/main/rpc/handlers.ts': 'export const handlers = 1\n',
      'src/shared/dates.ts': "import { readFileSync } from 'node:fs'\nexport const dates = readFileSync\n",
      'src/main/evidence/git.ts': "import { app } from 'electron'\nexport const git = app\n",
      'src/cli/main.ts': "import { shell } from '../main/report/shell'\nexport const main = shell\n",
      'src/main/report/shell.ts': "import { window } from '../platform/window'\nexport const shell = window\n",
      'src/main/platform/window.ts': 'export const window = 1\n',
      'src/main/progress/a.ts': "import { b } from './b'\nexport const a = () => b\n",
      'src/main/progress/b.ts': "import { a } from './a'\nexport const b = () => a\n",
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(probes, path)), { recursive: true })
      writeFileSync(join(probes, path), text)
    }
    writeFileSync(join(probes, 'tsconfig.json'), '{"compilerOptions":{"module":"esnext","moduleResolution":"bundler"}}')
    const found = (await cruiseTree(probes, ['src'])).violations
    const rules = new Set(found.map((line) => line.split(':')[0]))
    expect([...rules].sort()).toEqual(
      [
        'cli-never-reaches-electron',
        'domains-point-inward',
        'electron-only-in-platform',
        'no-cycles',
        'shared-imports-no-node',
      ].sort(),
    )
    expect(found).toContain('domains-point-inward: src/main/plan/reader.ts -> src/main/rpc/handlers.ts')
  }, 60_000)
})
