// Connection-rate mode's clocks: the CPU figure and the live series cover the run itself. Both
// tests were written against two engine bugs found while testing this mode (they failed before
// commit 6bb04c8, which applies the fix proposed with them).
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { settle, startArrivalServer, testConfig } from './servers.ts';

describe('connection-rate mode: what the clocks cover (loopback)', () => {
  it("the report's CPU time covers the run, not the worker threads' start-up", async () => {
    // The bug: bench-runner/run.ts took process.cpuUsage() when startRun() was called, before the
    // worker threads were created and loaded their modules, so summary.connRate.cpuUserS/cpuSystemS
    // (the httperf report's "CPU time [s]" line and its percentages) included 0.3–0.5 s of start-up.
    const server = await startArrivalServer();
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connRate: { numConns: 1, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } } })).result;
      const conn = record.summary.connRate;
      if (!conn) throw new Error('no summary.connRate in a connection-rate run');
      expect(conn.completed).toBe(1);
      // The run cannot use more CPU than all of its threads (main + 1 worker) running flat out
      // for its duration, plus 50 ms each for the hand-over at both ends. (Measured for a run of
      // about 6 ms: 0.3–0.55 s with the bug, 0.02–0.03 s without.)
      const boundS = 2 * (record.summary.durationMs / 1000 + 0.05);
      expect(conn.cpuUserS + conn.cpuSystemS).toBeLessThanOrEqual(boundS);
    } finally {
      await server.close();
    }
  });

  it('series points are stamped at the end of each interval, never before it', async () => {
    // The bug: ConnRateWorker.start() armed its interval, rate-sample and timeout timers when the
    // start message arrived, START_DELAY_MS (20 ms) before the run starts (LoadWorker waits for
    // the start). Points came at 481, 981, … ms instead of 500, 1000, …, the first 100 ms rate
    // sample covered 80 ms, and httperf's 5 s reply-rate windows ended up 6 intervals long.
    const server = await startArrivalServer();
    try {
      const intervalMs = 500;
      const record = await startRun(
        testConfig(server.url, { threads: 1, intervalMs, connRate: { numConns: 201, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 100 } } }),
      ).result;
      await settle();
      expect(record.summary.requests).toBe(201);
      // All points but the final (possibly short) one close a whole interval. Node's timers run on
      // libuv's millisecond loop clock, so the start timer and then each interval timer may fire up
      // to 1 ms early by performance.now(): 2 ms in all (seen: just under 999 ms). Allow 5 ms. With the bug,
      // points were 19–20 ms early.
      const full = record.series.slice(0, -1);
      expect(full.length).toBeGreaterThanOrEqual(3);
      const early = full.filter((point, i) => point.tMs < (i + 1) * intervalMs - 5).map((point) => Math.round(point.tMs));
      expect(early).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
