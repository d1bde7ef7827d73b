#!/usr/bin/env node
// `npm start`: the desktop app, or — when Electron's binary is missing — the browser mode with a notice.
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(
    `readiness start: Node ${process.versions.node} is too old; needs Node 22 or newer (24 recommended).\n`,
  )
  process.exit(2)
}
const { launch } = await import('./launch.js')
await launch('start')
