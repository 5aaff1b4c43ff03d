import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**'],
    // Thread entries and the CLI run as built JavaScript: build them first when out of date.
    globalSetup: ['./vitest.globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // expect.poll's own default (1 s) is too short for a render, a fetch or a thread starting on a
    // loaded 2-core machine: a poll that passes returns as soon as it does, so a long default costs
    // nothing but time on a failure.
    expect: { poll: { timeout: 10_000 } },
    // Integration tests time real traffic on a 2-core machine: keep files from competing.
    fileParallelism: false,
  },
});
