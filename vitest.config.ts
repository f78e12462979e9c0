import { defineConfig } from 'vitest/config';

// Files that change shared modules for their own run (a hook pushed onto the app's plugin list,
// a mocked node:fs) get a fresh module graph; every other file shares its worker's imports,
// which halves the suite's CPU time (each file no longer re-imports the app).
const isolated = [
  'test/hostile/api.test.ts',
  'test/http/authz-matrix.test.ts',
  'test/http/grades-unreleased.test.ts',
  'test/storage/work-writer-sync.test.ts',
];

const common = {
  environment: 'node' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Two cores here: browser and server suites would starve each other with more.
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: isolated,
          isolate: false,
        },
      },
      {
        test: { ...common, name: 'isolated', include: isolated, isolate: true },
      },
    ],
  },
});
