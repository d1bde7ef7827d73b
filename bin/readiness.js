#!/usr/bin/env node
// The `readiness` CLI: runs the TypeScript sources through tsx, so it works right after `npm install`.
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(`readiness: Node ${process.versions.node} is too old; Readiness Cockpit needs Node 22 or newer (24 recommended).\n`)
  process.exit(2)
}
const { register } = await import('tsx/esm/api')
register()
await import('../src/cli/main.ts')
