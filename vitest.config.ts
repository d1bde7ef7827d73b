import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // platform code runs in tests against a recorder standing in for Electron (tests/electron/stand-in.ts)
  resolve: {
    alias: [
      { find: /^electron$/, replacement: fileURLToPath(new URL('./tests/electron/stand-in.ts', import.meta.url)) },
    ],
  },
  test: {
    globalSetup: ['tests/support/cli-bundle-setup.ts'],
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/**/*.test.ts'],
    // *.slow.test.ts: the reliability suite's long runs (npm run test:reliability)
    exclude: ['tests/e2e/**', 'node_modules/**', 'out/**', '**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
