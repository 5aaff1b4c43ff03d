// Integration: failures are data. Refused connects, resets mid-response and servers that never
// answer are counted by kind, and the run still ends on time.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { refusedPort, settle, startRawServer, testConfig, writeInParts } from './servers.ts';

describe('errors (loopback)', () => {
  it('refused port: connect errors, bounded by the reconnect backoff; the run ends on time', async () => {
    const port = await refusedPort();
    const connections = 4;
    const record = await startRun(
      testConfig(`http://127.0.0.1:${port}/`, { threads: 1, connections, durationMs: 2000 }),
    ).result;
    const { summary } = record;

    expect(summary.errors.connect).toBeGreaterThanOrEqual(connections);
    // Backoff from 10 ms doubling to 1 s: without it a refused loopback connect loops thousands
    // of times a second. Even a constant 10 ms would allow at most c × 2 s / 10 ms = 800.
    expect(summary.errors.connect).toBeLessThan(connections * 50);
    expect({ ...summary.errors, connect: 0 }).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
    expect(summary.requests).toBe(0);
    expect(summary.inFlightAtEnd).toBe(0);
    expect(summary.statusCounts).toEqual({});
    expect(summary.latencyUs.count).toBe(0);
    // Refused connects do not hold the end back (0.01 ms: float rounding of epoch times).
    expect(summary.durationMs).toBeGreaterThanOrEqual(2000 - 0.01);
    expect(summary.durationMs).toBeLessThanOrEqual(3000);
    expect(record.stoppedEarly).toBe(false);
  });

  it('reset mid-response: read errors, one per request, reconnects backed off', async () => {
    const server = await startRawServer(async (socket) => {
      await writeInParts(socket, ['HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n', 'only ten b']);
      socket.resetAndDestroy();
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      // Each reset is a failed attempt (no complete response on the socket), so the next
      // connect backs off 10 ms, doubling: about 7 a connection in 1 s, never a storm.
      expect(summary.errors.read).toBeGreaterThanOrEqual(4);
      expect(summary.errors.read).toBeLessThanOrEqual(2 * 9);
      expect(summary.errors.read).toBe(server.counters.requests - summary.inFlightAtEnd);
      expect({ ...summary.errors, read: 0 }).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      expect(summary.requests).toBe(0);
      expect(summary.statusCounts).toEqual({});
      // Each reset costs the connection; the next request goes on a new one (at the end, a
      // new connection may have been accepted before its request was written).
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
      expect(server.counters.connections).toBeLessThanOrEqual(server.counters.requests + 2);
    } finally {
      await server.close();
    }
  });

  it('a server that never answers: each request times out once and its connection is recycled', async () => {
    const server = await startRawServer(() => undefined);
    const connections = 3;
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections, durationMs: 2000, timeoutMs: 300 }),
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBe(0);
      // After its duration the run waits up to the timeout for the requests in flight, so most of
      // those time out too; one sent just before the end may still be waiting when the drain ends.
      expect(summary.inFlightAtEnd).toBeLessThanOrEqual(connections);
      expect(summary.errors.timeout).toBe(server.counters.requests - summary.inFlightAtEnd);
      // 2 s / (300 ms + at most one 30 ms sweep) is 6 rounds a connection; allow for a slow machine.
      expect(summary.errors.timeout).toBeGreaterThanOrEqual(connections * 3);
      expect(summary.errors.timeout).toBeLessThanOrEqual(connections * 7);
      expect({ ...summary.errors, timeout: 0 }).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      // A timed-out connection is not reused (its late answer would be misread): a new one per request.
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
      expect(server.counters.connections).toBeLessThanOrEqual(server.counters.requests + connections);
      expect(server.counters.connections).toBeGreaterThan(connections);
    } finally {
      await server.close();
    }
  });
});
