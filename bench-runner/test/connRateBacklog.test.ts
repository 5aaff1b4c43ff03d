// Integration: a server that accepts slowly. Its listen backlog is 1 and its thread is blocked
// for 1.5 s while connections keep arriving (the load generator runs in worker threads, so it
// keeps its schedule). The kernel queues two handshakes and drops the other SYNs. The client
// retransmits each dropped SYN after 1 s, then 3 s, so those connections connect late. Every
// call must still be answered, and the wait must show in connect times, not as errors or lost calls.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { blockThread, settle, startArrivalServer, testConfig, waitFor } from './servers.ts';

const BLOCK_MS = 1500;

describe('connection-rate mode against a server whose backlog is full (loopback)', () => {
  it('no lost calls, no errors; the wait shows in connect times (SYN retransmits after 1 s)', async () => {
    const server = await startArrivalServer({ backlog: 1 });
    try {
      const numConns = 30;
      const handle = startRun(
        // A generous timeout: a connection whose SYN is dropped twice connects about 3 s after its
        // scheduled start.
        testConfig(server.url, { threads: 1, timeoutMs: 6000, connRate: { numConns, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 20 } } }),
      );
      // Once the schedule has begun, stop accepting: 29 more connections arrive in the next 1.45 s.
      await waitFor(() => server.counters.connections >= 1);
      blockThread(BLOCK_MS);
      const record = await handle.result;
      await settle();
      const { summary } = record;
      const conn = summary.connRate;
      if (!conn) throw new Error('no summary.connRate in a connection-rate run');

      // Nothing lost: every connection was accepted and every call answered.
      expect(server.counters.connections).toBe(numConns);
      expect(server.counters.requests).toBe(numConns);
      expect(conn.started).toBe(numConns);
      expect(conn.completed).toBe(numConns);
      expect(summary.requests).toBe(numConns);
      expect(summary.statusCounts).toEqual({ '200': numConns });
      expect(conn.errors).toEqual({ clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 });
      expect(summary.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(summary.inFlightAtEnd).toBe(0);

      // The wait shows in connect time from the scheduled start: a dropped SYN is retransmitted
      // after 1 s (then 3 s), so the slowest connects take at least about a second.
      expect(conn.connectUs.count).toBe(numConns);
      expect(conn.connectUs.max).toBeGreaterThanOrEqual(950_000);
      expect(conn.connectUs.max).toBeLessThan(6_000_000);
      // Most connections arrived while the server was blocked, so most connected late...
      expect(conn.connectUs.p50).toBeGreaterThanOrEqual(100_000);
      // ...and their replies, timed from the same scheduled start, took at least as long.
      expect(summary.latencyUs.max).toBeGreaterThanOrEqual(conn.connectUs.max);
      expect(conn.lifetimeUs.max).toBeGreaterThanOrEqual(conn.connectUs.max);
      // The blocked server made connections pile up on the client side.
      expect(conn.peakConcurrent).toBeGreaterThan(2);
    } finally {
      await server.close();
    }
  });
});
