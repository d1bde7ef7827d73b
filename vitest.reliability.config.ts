import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** `npm run test:reliability`: everything under tests/reliability, the long kill -9 and concurrency runs included. */
export default defineConfig({
  // platform code runs in tests against a recorder standing in for Electron (tests/electron/stand-in.ts)
  resolve: {
    alias: [
      { find: /^electron$/, replacement: fileURLToPath(new URL('./tests/electron/stand-in.ts', import.meta.url)) },
    ],
  },
  test: {
    globalSetup: ['tests/support/cli-bundle-setup.ts'],
    include: ['tests/reliability/**/*.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // one file at a time: the runs measure, and the machine is small
    fileParallelism: false,
  },
})
