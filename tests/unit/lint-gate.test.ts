import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/paths'

/** `npm test` refuses lint errors, long functions, formatting diffs, outward imports and dead code. */
describe('the lint gate', () => {
  const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<string, string>

  it('runs in npm test before the build, with every tool', () => {
    expect(scripts.test).toMatch(/^npm run typecheck && npm run lint && /)
    for (const tool of ['eslint .', 'prettier --check .', 'depcruise src', 'knip'])
      expect(scripts.lint, tool).toContain(tool)
  })

  it('ESLint refuses a function over 60 lines in src/, and an unused variable', async () => {
    const eslint = new ESLint({ cwd: repoRoot })
    const body = Array.from({ length: 61 }, (_, i) => `  total += ${i}`).join('\n')
    const source = `export function long(): number {\n  let total = 0\n${body}\n  return total\n}\nconst unused = 1\n`
    const [result] = await eslint.lintText(source, { filePath: join(repoRoot, 'src/main/plan/probe.ts') })
    expect(result.messages.map((m) => m.ruleId).sort()).toEqual([
      '@typescript-eslint/no-unused-vars',
      'max-lines-per-function',
    ])
  }, 60_000)

  it('Prettier, with the project settings, refuses a formatting diff', async () => {
    const options = {
      ...(await prettier.resolveConfig(join(repoRoot, 'src/main/plan/probe.ts'))),
      parser: 'typescript',
    }
    expect(await prettier.check('export const a = { b: 1 }\n', options)).toBe(true)
    expect(await prettier.check('export const a = {b:1};\n', options)).toBe(false)
  })
})
