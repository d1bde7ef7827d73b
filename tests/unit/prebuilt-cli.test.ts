import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prebuiltEntry } from '../../bin/launch.js'
import { repoRoot } from '../support/paths'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-prebuilt-'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the prebuilt CLI', () => {
  it('is built by scripts/build-cli.mjs (the prepare step) without Electron, with a manifest the bin accepts', () => {
    // npm install and npm ci run `prepare`, so a fresh install leaves the fast path ready; `npm run build` rebuilds it
    const scripts = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts
    expect(scripts.prepare).toBe('node scripts/build-cli.mjs --if-possible')
    expect(scripts.build).toMatch(/&& node scripts\/build-cli\.mjs$/)
    const outDir = join(dir, 'cli')
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs'), '--out-dir', outDir], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron') },
    })
    expect(build.status, build.stderr).toBe(0)
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
      entries: Record<string, string>
      inputs: [string, number, number][]
    }
    expect(Object.keys(manifest.entries).sort()).toEqual(['main', 'main-prelude', 'offload-worker', 'start', 'web'])
    const inputs = manifest.inputs.map(([path]) => path)
    for (const source of ['src/cli/main.ts', 'src/cli/commands.ts', 'src/main/bootstrap.ts', 'src/shared/contract.ts'])
      expect(inputs).toContain(source)
    expect(inputs.some((path) => path.includes('node_modules/') && !path.endsWith('.package-lock.json'))).toBe(false)
    const entry = prebuiltEntry('main', repoRoot, outDir)
    expect(entry).toEqual({ path: join(outDir, 'main.js') })
    // the bundle runs on its own: no TypeScript, no tsx
    const help = spawnSync(process.execPath, [join(outDir, 'main.js'), '--help'], { encoding: 'utf8' })
    expect(help.status, help.stderr).toBe(0)
    expect(help.stdout).toMatch(/^ {2}status <planId>/m)
    // the prelude bin/launch.js imports first leaves the bundle's zod jitless (a short-lived process gains nothing
    // from compiling fast paths), which its schemas read as they are built
    const zodChunk = /from"\.\/(chunk-[\w-]+\.js)"/.exec(readFileSync(join(outDir, 'main-prelude.js'), 'utf8'))![1]
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const before = (await import(${JSON.stringify(join(outDir, zodChunk))})).external_exports.config().jitless
         await import(${JSON.stringify(join(outDir, 'main-prelude.js'))})
         const after = (await import(${JSON.stringify(join(outDir, zodChunk))})).external_exports.config().jitless
         console.log(JSON.stringify({ before: before ?? false, after }))`,
      ],
      { encoding: 'utf8' },
    )
    expect(probe.status, probe.stderr).toBe(0)
    expect(JSON.parse(probe.stdout)).toEqual({ before: false, after: true })
  })

  it('counts as out of date when a source it was built from changes or goes away, or when it was never built', () => {
    const root = join(dir, 'project')
    mkdirSync(join(root, 'src'), { recursive: true })
    mkdirSync(join(root, 'out', 'cli'), { recursive: true })
    const source = join(root, 'src', 'a.ts')
    expect(prebuiltEntry('main', root)).toEqual({ stale: 'it is not built' })
    writeFileSync(source, 'export const a = 1\n')
    const stats = statSync(source)
    writeFileSync(
      join(root, 'out', 'cli', 'manifest.json'),
      JSON.stringify({ entries: { main: 'main.js' }, inputs: [['src/a.ts', stats.size, stats.mtimeMs]] }),
    )
    expect(prebuiltEntry('main', root)).toEqual({ stale: 'main.js is missing' })
    writeFileSync(join(root, 'out', 'cli', 'main.js'), '')
    expect(prebuiltEntry('main', root)).toEqual({ path: join(root, 'out', 'cli', 'main.js') })
    expect(prebuiltEntry('web', root)).toEqual({ stale: 'it has no web entry' })
    utimesSync(source, stats.atime, new Date(stats.mtimeMs + 5_000))
    expect(prebuiltEntry('main', root)).toEqual({ stale: 'src/a.ts changed since the build' })
    rmSync(source)
    expect(prebuiltEntry('main', root)).toEqual({ stale: 'src/a.ts is gone' })
  })

  it('runs the bundle when current, else the sources through tsx after a one-line note', () => {
    // a miniature project: the real bin files, this project's node_modules (for tsx), a source and a bundle
    const root = join(dir, 'mini')
    for (const folder of ['bin', 'src/cli', 'out/cli']) mkdirSync(join(root, folder), { recursive: true })
    for (const file of ['readiness.js', 'launch.js', 'modern-node.js'])
      copyFileSync(join(repoRoot, 'bin', file), join(root, 'bin', file))
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'))
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n')
    const source = join(root, 'src', 'cli', 'main.ts')
    writeFileSync(source, "const from: string = 'source'\nconsole.log(`ran from ${from}`)\n")
    writeFileSync(join(root, 'src', 'cli', 'short-lived.ts'), "console.log('prelude from source')\n")
    writeFileSync(join(root, 'out', 'cli', 'main.js'), "console.log('ran prebuilt')\n")
    writeFileSync(join(root, 'out', 'cli', 'main-prelude.js'), "console.log('prelude prebuilt')\n")
    const stats = statSync(source)
    writeFileSync(
      join(root, 'out', 'cli', 'manifest.json'),
      JSON.stringify({
        entries: { main: 'main.js', 'main-prelude': 'main-prelude.js' },
        inputs: [['src/cli/main.ts', stats.size, stats.mtimeMs]],
      }),
    )
    const bin = () =>
      spawnSync(process.execPath, [join(root, 'bin', 'readiness.js')], {
        encoding: 'utf8',
        env: { ...process.env, READINESS_FROM_SOURCE: '' },
      })

    const current = bin()
    expect(current.status, current.stderr).toBe(0)
    // the prelude runs first, in its own import
    expect(current.stdout).toBe('prelude prebuilt\nran prebuilt\n')
    expect(current.stderr).toBe('')

    utimesSync(source, stats.atime, new Date(stats.mtimeMs + 5_000))
    const stale = bin()
    expect(stale.status, stale.stderr).toBe(0)
    expect(stale.stdout).toBe('prelude from source\nran from source\n')
    expect(stale.stderr.trimEnd().split('\n')).toEqual([
      'note: running from source, slower to start: the prebuilt CLI in out/cli is out of date (src/cli/main.ts changed since the build); `npm run build:cli` rebuilds it.',
    ])
  })
})
