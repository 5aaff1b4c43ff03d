// Integration: servers that misbehave on purpose. A server that resets every connection gets a
// bounded number of connect attempts and one error per scheduled request; a response nobody
// asked for and bytes that are not HTTP are read errors at once, never answers or timeouts.
import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatWrkReport } from '../../common/report/wrkReport.ts';
import { totalErrors } from '../../common/runRecord.ts';
import { startRun } from '../run.ts';
import { settle, startRawServer, startResetOnAcceptServer, testConfig } from './servers.ts';

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';

/**
 * Connect attempts one connection makes in `durationMs` when every attempt fails at once: the
 * first, then one after each backoff (10 ms doubling to 1 s), plus one for timer slack.
 */
function maxAttemptsPerConnection(durationMs: number): number {
  let attempts = 1;
  let atMs = 0;
  for (let backoffMs = 10; atMs + backoffMs <= durationMs; backoffMs = Math.min(1000, backoffMs * 2)) {
    atMs += backoffMs;
    attempts++;
  }
  return attempts + 1;
}

describe('hostile servers (loopback)', () => {
  it('resets every connection, rate mode: bounded connect attempts, one error per scheduled request', async () => {
    const server = await startResetOnAcceptServer();
    const connections = 4;
    try {
      // -t1 -c4 -d2s -R20: 40 scheduled requests.
      const record = await startRun(testConfig(server.url, { threads: 1, connections, durationMs: 2000, ratePerSec: 20 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBe(0);
      expect(summary.errors.timeout + summary.errors.status).toBe(0);
      // Every scheduled request is accounted once: failed, in flight or not sent at the end.
      expect(totalErrors(summary.errors) + summary.inFlightAtEnd + summary.unsent).toBe(40);
      // Most fail as they come due (a stalled machine may leave a few unsent at the end).
      expect(totalErrors(summary.errors)).toBeGreaterThanOrEqual(30);
      expect(server.counters.connections).toBeGreaterThanOrEqual(connections);
      expect(server.counters.connections).toBeLessThanOrEqual(connections * maxAttemptsPerConnection(2000));
      // The record says how many connects that took (the last ones may not have been accepted yet).
      expect(summary.connects).toBeGreaterThanOrEqual(server.counters.connections);
      expect(summary.connects).toBeLessThanOrEqual(server.counters.connections + connections);
      expect(formatWrkReport(record, { latency: false, uncorrectedLatency: false })).toContain(`  Connections opened: ${summary.connects}\n`);
    } finally {
      await server.close();
    }
  });

  it('resets every connection, max mode: reconnects back off, one error per attempt', async () => {
    const server = await startResetOnAcceptServer();
    const connections = 4;
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBe(0);
      expect(server.counters.connections).toBeLessThanOrEqual(connections * maxAttemptsPerConnection(1000));
      // Each attempt carried (or was about to carry) one request; the last ones may be pending.
      expect(totalErrors(summary.errors)).toBeLessThanOrEqual(server.counters.connections);
      expect(totalErrors(summary.errors)).toBeGreaterThanOrEqual(server.counters.connections - connections);
    } finally {
      await server.close();
    }
  });

  it('closes every connection as it accepts it, rate mode: bounded connect attempts, every scheduled request accounted once', async () => {
    let accepted = 0;
    const server = net.createServer((socket) => {
      accepted++;
      socket.on('error', () => undefined);
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connections = 2;
    try {
      const record = await startRun(testConfig(`http://127.0.0.1:${port}/`, { threads: 1, connections, durationMs: 2000, ratePerSec: 10 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBe(0);
      expect(totalErrors(summary.errors) + summary.inFlightAtEnd + summary.unsent).toBe(20);
      expect(accepted).toBeLessThanOrEqual(connections * maxAttemptsPerConnection(2000));
    } finally {
      server.close();
    }
  });

  it('two responses to every request, in one write: the second is a read error and costs the connection', async () => {
    const server = await startRawServer((socket) => {
      socket.write(OK + OK);
    });
    const connections = 2;
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(10);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      // One stray response per answered request (the last ones may still have been in the pipe).
      expect(summary.errors.read).toBeLessThanOrEqual(summary.requests);
      expect(summary.errors.read).toBeGreaterThanOrEqual(summary.requests - connections);
      expect({ ...summary.errors, read: 0 }).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
      // A connection that got a stray response is closed: one request per connection.
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
    } finally {
      await server.close();
    }
  });

  it('two responses to every request, the second later: rate mode sees it arrive unasked', async () => {
    const server = await startRawServer(async (socket) => {
      socket.write(OK);
      await new Promise((resolve) => setTimeout(resolve, 5));
      socket.write(OK);
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, ratePerSec: 20 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests + summary.inFlightAtEnd + summary.unsent).toBe(20);
      expect(summary.requests).toBeGreaterThanOrEqual(15);
      expect(summary.errors.read).toBeGreaterThanOrEqual(summary.requests - 2);
      expect(summary.errors.read).toBeLessThanOrEqual(summary.requests);
    } finally {
      await server.close();
    }
  });

  it('two responses in one write, connection-rate mode with two calls: the second is not the second call\'s answer', async () => {
    const server = await startRawServer((socket) => {
      socket.write(OK + OK);
    });
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 1, durationMs: 5000, connRate: { numConns: 10, numCalls: 2, spacing: { kind: 'fixed', ratePerSec: 50 } } }),
      ).result;
      await settle();
      const { summary } = record;

      // Each connection: call 1 answered, then a response nobody asked for ends it.
      expect(server.counters.requests).toBe(10);
      expect(summary.requests).toBe(10);
      expect(summary.errors.read).toBe(10);
      expect(summary.connRate?.errors.other).toBe(10);
    } finally {
      await server.close();
    }
  });

  it('random bytes for a reply: a read error at once, not a timeout', async () => {
    const server = await startRawServer((socket) => {
      socket.write(randomBytes(200));
    });
    try {
      // The timeout is longer than the run: a request can only fail as a read error.
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, ratePerSec: 20, timeoutMs: 5000 }),
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBe(0);
      expect(summary.errors.timeout).toBe(0);
      expect(summary.errors.read).toBeGreaterThanOrEqual(1);
      expect(summary.errors.read).toBeGreaterThanOrEqual(server.counters.requests - 2);
      expect(totalErrors(summary.errors) + summary.inFlightAtEnd + summary.unsent).toBe(20);
    } finally {
      await server.close();
    }
  });
});
