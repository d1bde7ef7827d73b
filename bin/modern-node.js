// Shared by the bin entries: Readiness Cockpit needs Node 22 or newer (better-sqlite3's build crashes older ones).
// Under an older `node` on PATH, the command re-runs with a newer Node found on this machine — $READINESS_NODE, or the
// one `.ci/run` installs ($READINESS_NODE_CACHE, default ~/.cache/readiness-node) — saying so in one line on stderr;
// with none, it refuses in one line. Plain JavaScript that any Node since 16 can load.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const MINIMUM_MAJOR = 22

export function majorOf(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0])
}

/** Newer Node binaries this machine may hold, most explicit first. */
export function candidateNodes(env = process.env, home = homedir()) {
  const cache = env.READINESS_NODE_CACHE || join(home, '.cache', 'readiness-node')
  const platformPackage = `node-${process.platform}-${process.arch}`
  const binary = process.platform === 'win32' ? 'node.exe' : join('bin', 'node')
  return [env.READINESS_NODE, join(cache, 'node_modules', platformPackage, binary)].filter(Boolean)
}

function versionOf(binary) {
  if (!existsSync(binary)) return null
  const run = spawnSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  return run.status === 0 ? run.stdout.trim() : null
}

/**
 * Returns when this Node is new enough. Otherwise re-runs `script` with the first newer Node found (and exits with
 * its code), or writes why not and exits 2.
 */
export function ensureModernNode(name, script) {
  if (majorOf(process.versions.node) >= MINIMUM_MAJOR) return
  for (const binary of candidateNodes()) {
    const version = versionOf(binary)
    if (!version || majorOf(version) < MINIMUM_MAJOR) continue
    process.stderr.write(
      `note: ${name} runs on Node ${version} (${binary}); the node on PATH is ${process.versions.node}.\n`,
    )
    const run = spawnSync(binary, [script, ...process.argv.slice(2)], { stdio: 'inherit' })
    process.exit(run.status ?? 2)
  }
  process.stderr.write(
    `${name}: Node ${process.versions.node} is too old; Readiness Cockpit needs Node ${MINIMUM_MAJOR} or newer (24 recommended). Put a newer node first on PATH, or point READINESS_NODE at one.\n`,
  )
  process.exit(2)
}
