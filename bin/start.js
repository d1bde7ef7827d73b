#!/usr/bin/env node
// `npm start`: the desktop app, or — when Electron's binary is missing — the browser mode with a notice.
import { fileURLToPath } from 'node:url'
import { ensureModernNode } from './modern-node.js'

ensureModernNode('readiness start', fileURLToPath(import.meta.url))
const { launch } = await import('./launch.js')
await launch('start')
