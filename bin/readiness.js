#!/usr/bin/env node
// The `readiness` CLI: the prebuilt bundle (out/cli) when current, else the TypeScript sources through tsx.
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(
    `readiness: Node ${process.versions.node} is too old; Readiness Cockpit needs Node 22 or newer (24 recommended).\n`,
  )
  process.exit(2)
}
const { launch } = await import('./launch.js')
await launch('main')
