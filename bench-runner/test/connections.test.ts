// Integration: connection handling: keep-alive off, and servers that close after each response.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { settle, startHttpServer, startRawServer, testConfig } from './servers.ts';

const noErrors = { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };

describe('connections (loopback)', () => {
  it('keep-alive off: Connection: close on every request, one TCP connection per request', async () => {
    const server = await startHttpServer();
    const connections = 4;
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 2, connections, durationMs: 1000, keepAlive: false }),
      ).result;
      await settle();
      const { summary } = record;
      const received = server.counters.requests;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.requests + summary.inFlightAtEnd).toBe(received);
      expect(server.counters.connectionCloseRequests).toBe(received);
      // One connection per request; at the end up to one per load connection may have been
      // accepted before its request was written.
      expect(server.counters.connections).toBeGreaterThanOrEqual(received);
      expect(server.counters.connections).toBeLessThanOrEqual(received + connections);
      // We closed them ourselves: not server closes, not errors.
      expect(summary.serverCloses).toBe(0);
      expect(summary.errors).toEqual(noErrors);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      expect(record.load.keepAlive).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('server answers with Connection: close: counted as server closes, not errors, and load goes on', async () => {
    const server = await startHttpServer((_req, res) => {
      res.setHeader('Connection', 'close');
      res.end('bye');
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 2, connections: 4, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      // Every complete response announced the close.
      expect(summary.serverCloses).toBe(summary.requests);
      expect(summary.errors).toEqual(noErrors);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      expect(server.counters.connectionCloseRequests).toBe(0);
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
    } finally {
      await server.close();
    }
  });

  it('server closes an idle keep-alive connection without announcing it: a server close, not an error', async () => {
    // -R 50 over 2 connections: a slot every 40 ms on each, so each close lands while the
    // connection is idle, well before its next request.
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, ratePerSec: 50 }),
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests + summary.inFlightAtEnd + summary.unsent).toBe(50);
      expect(summary.requests).toBeGreaterThanOrEqual(45);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.serverCloses).toBe(summary.requests);
      expect(summary.errors).toEqual(noErrors);
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
    } finally {
      await server.close();
    }
  });

  it('server closes right after each response while the next request is already on its way: retried, not an error', async () => {
    // Max mode writes the next request as soon as a response is complete, so it races the
    // server's close: the keep-alive race every HTTP client retries once on a new connection.
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 4, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.errors).toEqual(noErrors);
      // Every connection carried one response and was then closed by the server.
      expect(summary.serverCloses).toBeGreaterThanOrEqual(summary.requests - 4);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
    } finally {
      await server.close();
    }
  });
});
