import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Vitest's default leaves one core idle (cores − 1 = 1 worker on these 2-core machines): most test files wait on
    // the bin's child processes, so two workers keep both cores busy (the suite ran 308 s serially).
    maxWorkers: 2,
  },
});
