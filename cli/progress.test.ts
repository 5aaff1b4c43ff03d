import { expect, it } from 'vitest';
import { progressText } from './progress.ts';

it('shows elapsed / duration, the interval rate, p99 so far and all errors', () => {
  const text = progressText(
    {
      point: { tMs: 3000, requests: 1500, errors: 2, bytes: 0, latencyUs: null },
      elapsedMs: 3000,
      durationMs: 10_000,
      totalRequests: 4000,
      totalErrors: { connect: 1, read: 2, write: 0, timeout: 3, status: 4 },
      completionSoFar: 0.5,
      p99SoFarUs: 1234,
      histograms: null,
    },
    500,
  );
  expect(text).toBe('  3.0s / 10.0s   3000 req/s   done 50.0 % ⚠   p99 1.23ms   errors 10');
});
