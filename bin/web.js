#!/usr/bin/env node
// `npm run web`: the app in a browser (browser mode), for machines without Electron and for tests.
import { fileURLToPath } from 'node:url'
import { ensureModernNode } from './modern-node.js'

ensureModernNode('readiness web', fileURLToPath(import.meta.url))
const { launch } = await import('./launch.js')
await launch('web')
