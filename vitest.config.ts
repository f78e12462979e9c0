import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: browser and server suites would starve each other with more.
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
