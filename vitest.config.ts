import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // kuromoji's dictionary takes ~0.6 GB per process: keep the worker count small.
    maxWorkers: 2,
  },
});
