// Integration: a run's threads carried by fewer worker threads (bench-runner/workerThreads.ts)
// keep their own schedules and statistics, exactly as with one worker thread each.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { settle, startHttpServer, testConfig } from './servers.ts';

describe('threads carried by fewer worker threads (loopback)', () => {
  it.each([
    [2, 2],
    [6, 6],
  ])('-t6 -c12 -R600 on %i worker threads: the whole schedule, per-thread rates of one thread each', async (workerThreads, expectedWorkers) => {
    const server = await startHttpServer();
    try {
      const record = await startRun(testConfig(server.url, { threads: 6, workerThreads, connections: 12, ratePerSec: 600, durationMs: 2000, intervalMs: 500 })).result;
      await settle();
      const { summary, load } = record;
      expect(load.threads).toBe(6);
      expect(load.workerThreads).toBe(expectedWorkers);
      // 12 connections at 50 req/s each: slots 20 ms apart, phases 0..19 ms → 100 each, 1,200 in all.
      expect(summary.requests + summary.inFlightAtEnd + summary.unsent).toBe(1200);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(server.counters.connections).toBe(12);
      // Req/Sec is per thread, as wrk reports it: 600 / 6 = 100 req/s, not a worker's 300. The
      // margin holds on a loaded machine (a late 100 ms sample moves one figure, not the mean by 30 %).
      expect(summary.threadReqPerSec.mean).toBeGreaterThan(70);
      expect(summary.threadReqPerSec.mean).toBeLessThan(130);
      // Each thread samples its own rate every 100 ms: six threads' samples, not two workers'.
      // ~20 per thread in 2 s; two workers' would be at most ~44.
      expect(summary.threadReqPerSec.samples).toBeGreaterThan(60);
      // Every interval reported by all six threads: one point per 500 ms.
      expect(record.series.map((point) => Math.round(point.tMs / 500))).toEqual([1, 2, 3, 4]);
    } finally {
      await server.close();
    }
  });

  it('refuses more worker threads than threads', () => {
    expect(() => startRun(testConfig('http://127.0.0.1:9/', { threads: 2, workerThreads: 3 }))).toThrow(/worker threads \(3\) must be at most threads \(2\)/);
  });
});
