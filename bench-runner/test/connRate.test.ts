// Integration: connection-rate mode (httperf's model) over loopback. A new connection on a
// schedule, --num-calls requests on it, then close; what the generator counts against what the
// server saw, errors by httperf's kinds, and the run ends when every connection is done.
import { describe, expect, it } from 'vitest';
import type { ConnErrorKinds } from '../../common/runRecord.ts';
import { formatHttperfReport } from '../../common/report/httperfReport.ts';
import { startRun } from '../run.ts';
import { arrivalRatePerSec, gapsMs, refusedPort, settle, startArrivalServer, startRawServer, startResetOnAcceptServer, testConfig } from './servers.ts';

const noConnErrors: ConnErrorKinds = { clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 };
const noErrors = { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };

describe('connection-rate mode (loopback)', () => {
  it('50 connections at 100/s, 1 call each: exact counts on both sides, no errors', async () => {
    const server = await startArrivalServer();
    try {
      const connRate = { numConns: 50, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 100 } } as const;
      const record = await startRun(testConfig(server.url, { threads: 2, connRate })).result;
      await settle();
      const { summary, load } = record;
      const conn = summary.connRate;
      if (!conn) throw new Error('no summary.connRate in a connection-rate run');

      expect(load.mode).toBe('conn-rate');
      expect(load.connRate).toEqual(connRate);
      expect(load.ratePerSec).toBe(100);
      expect(load.connections).toBe(50);
      // The schedule's span: 49 gaps of 10 ms.
      expect(load.durationMs).toBe(490);

      expect(conn.started).toBe(50);
      expect(conn.completed).toBe(50);
      expect(conn.errors).toEqual(noConnErrors);
      expect(summary.requests).toBe(50);
      expect(summary.statusCounts).toEqual({ '200': 50 });
      expect(summary.errors).toEqual(noErrors);
      expect(summary.inFlightAtEnd).toBe(0);
      expect(summary.unsent).toBe(0);
      expect(server.counters.connections).toBe(50);
      expect(server.counters.requests).toBe(50);

      // One figure per connection / reply in every histogram.
      expect(summary.latencyUs.count).toBe(50);
      expect(conn.connectUs.count).toBe(50);
      expect(conn.lifetimeUs.count).toBe(50);
      expect(conn.responseUs.count).toBe(50);
      expect(conn.transferUs.count).toBe(50);
      // Reply time from the scheduled start covers connect + response; lifetime covers the reply.
      expect(summary.latencyUs.min ?? Number.NaN).toBeGreaterThanOrEqual(conn.responseUs.min);
      expect(conn.lifetimeUs.max).toBeGreaterThanOrEqual(summary.latencyUs.max ?? Number.NaN);
      expect(conn.bytesSent).toBe(50 * conn.requestBytes);
      expect(conn.replyContentBytes).toBe(50 * 'ok'.length);
      expect(conn.replyHeaderBytes + conn.replyContentBytes).toBe(summary.bytesRead);
      expect(conn.peakConcurrent).toBeGreaterThanOrEqual(1);
      expect(conn.peakConcurrent).toBeLessThanOrEqual(50);
      expect(record.stoppedEarly).toBe(false);
      // The run ends when the last connection is done, not at the bound (span + 2 timeouts + 1 s).
      expect(summary.durationMs).toBeGreaterThanOrEqual(490);
      expect(summary.durationMs).toBeLessThan(490 + 2 * 2000);
    } finally {
      await server.close();
    }
  });

  it('refused port: every connection counted as connrefused and as a connect error', async () => {
    const port = await refusedPort();
    const record = await startRun(
      testConfig(`http://127.0.0.1:${port}/`, { threads: 2, connRate: { numConns: 20, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 200 } } }),
    ).result;
    const { summary } = record;

    expect(summary.connRate?.started).toBe(20);
    expect(summary.connRate?.completed).toBe(0);
    expect(summary.connRate?.errors).toEqual({ ...noConnErrors, connRefused: 20 });
    expect(summary.errors).toEqual({ ...noErrors, connect: 20 });
    expect(summary.requests).toBe(0);
    expect(summary.latencyUs.count).toBe(0);
    expect(summary.connRate?.connectUs.count).toBe(0);
    expect(summary.durationMs).toBeLessThan(2000);
  });

  it('a server that resets every connection: counted as connreset, one per connection', async () => {
    // Reads the request, then RST instead of a reply.
    const server = await startRawServer((socket) => {
      socket.resetAndDestroy();
    });
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connRate: { numConns: 20, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 200 } } }),
      ).result;
      await settle();
      const { summary } = record;

      expect(server.counters.connections).toBe(20);
      expect(server.counters.requests).toBe(20);
      expect(summary.connRate?.errors).toEqual({ ...noConnErrors, connReset: 20 });
      expect(summary.connRate?.completed).toBe(0);
      // Connected, sent, then reset: read errors, not connect errors.
      expect(summary.errors).toEqual({ ...noErrors, read: 20 });
      expect(summary.connRate?.connectUs.count).toBe(20);
      expect(summary.requests).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a server that resets on accept, before any request: still connreset, never lost', async () => {
    const server = await startResetOnAcceptServer();
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connRate: { numConns: 20, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 200 } } }),
      ).result;
      await settle();
      const { summary } = record;

      expect(server.counters.connections).toBe(20);
      expect(summary.connRate?.started).toBe(20);
      expect(summary.connRate?.completed).toBe(0);
      expect(summary.connRate?.errors).toEqual({ ...noConnErrors, connReset: 20 });
      // The RST may come before or after the request went out: a connect, read or write error.
      expect(summary.errors.connect + summary.errors.read + summary.errors.write).toBe(20);
      expect({ ...summary.errors, connect: 0, read: 0, write: 0 }).toEqual(noErrors);
      expect(summary.requests).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('--num-calls 5 on keep-alive: 5 replies per connection on one TCP connection each', async () => {
    const server = await startArrivalServer();
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 2, connRate: { numConns: 40, numCalls: 5, spacing: { kind: 'fixed', ratePerSec: 100 } } }),
      ).result;
      await settle();
      const { summary } = record;
      const conn = summary.connRate;
      if (!conn) throw new Error('no summary.connRate in a connection-rate run');

      expect(summary.requests).toBe(200);
      expect(summary.statusCounts).toEqual({ '200': 200 });
      expect(summary.errors).toEqual(noErrors);
      expect(conn.errors).toEqual(noConnErrors);
      expect(conn.started).toBe(40);
      expect(conn.completed).toBe(40);
      expect(server.counters.connections).toBe(40);
      expect(server.counters.requests).toBe(200);
      expect(server.counters.connectionCloseRequests).toBe(0);
      expect(conn.bytesSent).toBe(200 * conn.requestBytes);
      expect(conn.responseUs.count).toBe(200);
      expect(conn.connectUs.count).toBe(40);
      expect(conn.lifetimeUs.count).toBe(40);
      expect(summary.latencyUs.count).toBe(200);

      const report = formatHttperfReport(record, { server: '127.0.0.1', port: server.port, uri: '/', spacing: '--rate=100', numConns: 40, numCalls: 5, timeoutS: 2 });
      expect(report).toContain('Connection length [replies/conn]: 5.000\n');
      expect(report).toMatch(/^Total: connections 40 requests 200 replies 200 test-duration \d+\.\d{3} s$/m);
      expect(report).toContain('Reply status: 1xx=0 2xx=200 3xx=0 4xx=0 5xx=0\n');
    } finally {
      await server.close();
    }
  });

  it('a server that never answers: one client-timo per connection, and the run ends (bounded)', async () => {
    const server = await startRawServer(() => undefined);
    try {
      const timeoutMs = 300;
      const record = await startRun(
        testConfig(server.url, { threads: 1, timeoutMs, connRate: { numConns: 10, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 50 } } }),
      ).result;
      await settle();
      const { summary } = record;

      expect(server.counters.connections).toBe(10);
      expect(server.counters.requests).toBe(10);
      expect(summary.connRate?.errors).toEqual({ ...noConnErrors, clientTimeout: 10 });
      expect(summary.errors).toEqual({ ...noErrors, timeout: 10 });
      expect(summary.connRate?.completed).toBe(0);
      expect(summary.requests).toBe(0);
      expect(summary.inFlightAtEnd).toBe(0);
      // Last connection at 180 ms, timed out 300 ms (+ one sweep) after its send; far below the
      // bound of span + 2 × timeout + 1 s = 1780 ms.
      expect(summary.durationMs).toBeGreaterThanOrEqual(180 + timeoutMs);
      expect(summary.durationMs).toBeLessThan(1780);
      expect(record.stoppedEarly).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('exponential spacing (Poisson arrivals): the mean rate as asked, gaps spread like an exponential', async () => {
    const server = await startArrivalServer();
    try {
      const meanMs = 5;
      const numConns = 400;
      const record = await startRun(
        testConfig(server.url, { threads: 1, connRate: { numConns, numCalls: 1, spacing: { kind: 'exponential', meanMs } } }),
      ).result;
      await settle();
      const { summary, load } = record;

      expect(summary.connRate?.started).toBe(numConns);
      expect(summary.connRate?.completed).toBe(numConns);
      expect(summary.requests).toBe(numConns);
      expect(server.counters.connections).toBe(numConns);
      expect(load.ratePerSec).toBe(200);
      expect(load.connRate?.spacing).toEqual({ kind: 'exponential', meanMs });

      // The drawn schedule's span (the record's load.durationMs) is a sum of 399 exponential
      // gaps: mean 1995 ms, standard deviation ≈ 100 ms. ±25% is 5 standard deviations.
      const expectedSpanMs = (numConns - 1) * meanMs;
      expect(load.durationMs).toBeGreaterThan(expectedSpanMs * 0.75);
      expect(load.durationMs).toBeLessThan(expectedSpanMs * 1.25);
      // The server saw that schedule: its arrival rate matches the drawn one within 2%.
      const drawnRate = ((numConns - 1) * 1000) / load.durationMs;
      expect(arrivalRatePerSec(server.arrivalsMs) / drawnRate).toBeGreaterThan(0.98);
      expect(arrivalRatePerSec(server.arrivalsMs) / drawnRate).toBeLessThan(1.02);
      // Poisson arrivals: gaps' coefficient of variation ≈ 1 (evenly spaced would be ≈ 0), and
      // about 63% of gaps below the mean.
      const gaps = gapsMs(server.arrivalsMs);
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length);
      expect(sd / mean).toBeGreaterThan(0.75);
      expect(sd / mean).toBeLessThan(1.3);
      const below = gaps.filter((gap) => gap < mean).length / gaps.length;
      expect(below).toBeGreaterThan(0.52);
      expect(below).toBeLessThan(0.74);
    } finally {
      await server.close();
    }
  });
});
