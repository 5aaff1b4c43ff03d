// After its duration a run waits for the responses to requests in flight (up to the timeout):
// a server that answers every request in 80 ms has everything answered, nothing censored.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { startHttpServer, testConfig } from './servers.ts';

describe('the drain after the duration', () => {
  it('rate mode: requests sent in the last moments are answered, completion is 100 %', async () => {
    const server = await startHttpServer((_req, res) => setTimeout(() => res.end('ok'), 80));
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 10, durationMs: 1000, ratePerSec: 50, timeoutMs: 2000 })).result;
      const { summary } = record;
      // 50 slots in 1 s; each answer takes 80 ms, so the last few are in flight when the second ends.
      expect(summary.scheduled).toBe(50);
      expect(summary.requests).toBe(50);
      expect(summary.inFlightAtEnd).toBe(0);
      expect(summary.completion).toBe(1);
      expect(summary.latencyWithUnansweredUs ?? null).toBeNull();
      // req/s counts what was answered within the duration (as wrk2 does): the ~4 answers of the
      // last 80 ms arrived in the drain, after it.
      expect(summary.durationMs).toBe(1000);
      expect(summary.drained).toBeGreaterThan(0);
      expect(summary.reqPerSec).toBe((50 - (summary.drained ?? 0)) / 1);
    } finally {
      await server.close();
    }
  });

  it('waits no longer than the timeout: a request still unanswered then is in flight at the end', async () => {
    let answered = 0;
    const server = await startHttpServer((_req, res) => {
      // The first answers at once; every later request hangs.
      if (answered++ === 0) res.end('ok');
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 1, durationMs: 300, ratePerSec: 5, timeoutMs: 5000 })).result;
      const { summary } = record;
      expect(summary.requests).toBe(1);
      expect(summary.inFlightAtEnd).toBe(1);
      // The drain ended (at most 2 s after the duration) before the 5 s timeout: no timeout counted.
      expect(summary.errors.timeout).toBe(0);
      expect(summary.completion).toBeLessThan(1);
    } finally {
      await server.close();
    }
  });
});
