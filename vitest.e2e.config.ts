import { defineConfig } from 'vitest/config';

/** Browser tests: playwright-core drives Debian's /usr/bin/chromium against the built site (dist/). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
