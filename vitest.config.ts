import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/require-shared.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One file at a time: many files start real servers, extraction and text-work children, Redis or
    // Chromium, and two such files side by side on a 2-core machine push documents past their deadlines.
    fileParallelism: false,
  },
});
