// stop(): the run ends early, keeps what it measured, and ends even when the server is slow.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { settle, startHttpServer, testConfig, waitFor } from './servers.ts';

describe('stop() (loopback)', () => {
  it('a 10 s run stopped after about 1 s resolves early with what it measured', async () => {
    const server = await startHttpServer();
    try {
      const handle = startRun(testConfig(server.url, { threads: 2, connections: 4, durationMs: 10_000, intervalMs: 250 }));
      // Worker threads take a while to start on a busy machine: count the second from the first request.
      await waitFor(() => server.counters.requests > 0);
      await sleep(1000);
      handle.stop();
      handle.stop(); // a second stop is harmless
      const record = await handle.result;
      await settle();
      const { summary } = record;

      expect(record.stoppedEarly).toBe(true);
      expect(summary.durationMs).toBeGreaterThan(900);
      expect(summary.durationMs).toBeLessThan(5000);
      expect(summary.requests).toBeGreaterThan(50);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(record.series.reduce((sum, point) => sum + point.requests, 0)).toBe(summary.requests);
      expect(record.load.durationMs).toBe(10_000);
    } finally {
      await server.close();
    }
  });

  it('ends when the server is slow: the unanswered requests are in flight, not errors', async () => {
    const pending = new Set<NodeJS.Timeout>();
    const server = await startHttpServer((_req, res) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        res.end('late');
      }, 8000);
      pending.add(timer);
    });
    try {
      const handle = startRun(testConfig(server.url, { threads: 1, connections: 3, durationMs: 10_000, timeoutMs: 9000 }));
      await waitFor(() => server.counters.requests === 3);
      await sleep(500);
      handle.stop();
      const record = await handle.result;
      const { summary } = record;

      expect(record.stoppedEarly).toBe(true);
      expect(summary.durationMs).toBeLessThan(5000);
      expect(summary.requests).toBe(0);
      expect(summary.inFlightAtEnd).toBe(3);
      expect(server.counters.requests).toBe(3);
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
    } finally {
      for (const timer of pending) clearTimeout(timer);
      await server.close();
    }
  });

  it('stop() before the workers are ready still resolves, with nothing measured', async () => {
    const server = await startHttpServer();
    try {
      const handle = startRun(testConfig(server.url, { threads: 1, connections: 1, durationMs: 10_000 }));
      handle.stop();
      const record = await handle.result;
      await settle();

      expect(record.stoppedEarly).toBe(true);
      expect(record.summary.durationMs).toBeLessThan(1000);
      expect(record.summary.requests).toBe(0);
      expect(record.summary.requests + record.summary.inFlightAtEnd).toBe(server.counters.requests);
    } finally {
      await server.close();
    }
  });
});
