import { defineConfig } from 'vitest/config'

/** `npm run test:reliability`: everything under tests/reliability, the long kill -9 and concurrency runs included. */
export default defineConfig({
  test: {
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
