import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/**/*.test.ts'],
    // *.slow.test.ts: the reliability suite's long runs (npm run test:reliability)
    exclude: ['tests/e2e/**', 'node_modules/**', 'out/**', '**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
