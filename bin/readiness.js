#!/usr/bin/env node
// The `readiness` CLI: the prebuilt bundle (out/cli) when current, else the TypeScript sources through tsx.
import { fileURLToPath } from 'node:url'
import { ensureModernNode } from './modern-node.js'

ensureModernNode('readiness', fileURLToPath(import.meta.url))
const { launch } = await import('./launch.js')
await launch('main')
