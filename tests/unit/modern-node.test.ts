import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { candidateNodes, majorOf } from '../../bin/modern-node.js'
import { SEED_004 } from '../integration/seed-004-fixture'
import { repoRoot } from '../support/paths'

/** An older Node first on PATH (Debian's is 20): the bin re-runs with a newer one it finds, or refuses in one line. */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find(
  (path) =>
    existsSync(path) &&
    majorOf(spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()) < 22,
)

describe('the bin under an older Node', () => {
  it('looks for $READINESS_NODE first, then the Node .ci/run installs', () => {
    const found = candidateNodes({ READINESS_NODE: '/opt/node24/bin/node', READINESS_NODE_CACHE: '/cache' }, '/home/x')
    expect(found).toEqual([
      '/opt/node24/bin/node',
      join('/cache', 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node'),
    ])
    expect(candidateNodes({}, '/home/x')[0]).toBe(
      join(
        '/home/x',
        '.cache',
        'readiness-node',
        'node_modules',
        `node-${process.platform}-${process.arch}`,
        'bin',
        'node',
      ),
    )
  })

  it.skipIf(!OLD_NODE)(
    're-runs `parse` with the newer Node it finds: the same JSON on stdout, a note on stderr',
    () => {
      const env = {
        ...process.env,
        READINESS_NODE: process.execPath,
        READINESS_NODE_CACHE: mkdtempSync(join(tmpdir(), 'no-node-')),
      }
      const run = spawnSync(OLD_NODE!, [join(repoRoot, 'bin', 'readiness.js'), 'parse', SEED_004, '--json'], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(run.status, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout).tasks.length).toBeGreaterThan(5)
      expect(run.stderr).toMatch(/^note: readiness runs on Node 2\d\./)
    },
  )

  it.skipIf(!OLD_NODE)('refuses in one line when no newer Node is on the machine', () => {
    const nowhere = mkdtempSync(join(tmpdir(), 'no-node-'))
    const env = { ...process.env, READINESS_NODE: '', READINESS_NODE_CACHE: nowhere, HOME: nowhere }
    const run = spawnSync(OLD_NODE!, [join(repoRoot, 'bin', 'readiness.js'), '--help'], { env, encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^readiness: Node \d+\.[\d.]+ is too old; .*READINESS_NODE/),
    ])
  })
})
