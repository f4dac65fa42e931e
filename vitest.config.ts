import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests start real servers on free ports; separate forks keep their
    // SQLite files and env apart.
    pool: 'forks',
  },
});
