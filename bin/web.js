#!/usr/bin/env node
// `npm run web`: the app in a browser (browser mode), for machines without Electron and for tests.
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(
    `readiness web: Node ${process.versions.node} is too old; needs Node 22 or newer (24 recommended).\n`,
  )
  process.exit(2)
}
const { launch } = await import('./launch.js')
await launch('web')
