/**
 * The esbuild options every Node bundle of ours shares (the CLI in scripts/build-cli.mjs, the reliability tests'
 * child processes): ESM for Node 22+, native or very large packages left outside.
 */

// Native or very large packages stay outside the bundle and load from node_modules when a command needs them.
export const NODE_BUNDLE_EXTERNAL = ['better-sqlite3', 'playwright-core', 'electron']

export const nodeBundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: NODE_BUNDLE_EXTERNAL,
  // jsonc-parser's main entry is a UMD wrapper whose require() calls esbuild cannot follow; its ES build bundles
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // bundled CommonJS dependencies call require() for Node built-ins and the external packages
  banner: {
    js: "import { createRequire as __readinessCreateRequire } from 'node:module'; const require = __readinessCreateRequire(import.meta.url);",
  },
}
