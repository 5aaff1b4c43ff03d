// Integration: response framing over real sockets, with bytes split across TCP writes.
import { describe, expect, it } from 'vitest';
import { startRun } from '../run.ts';
import { settle, startRawServer, testConfig, writeInParts } from './servers.ts';

const noErrors = { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };

// A chunked response with the head, chunk-size lines, an extension and the trailers each split
// across writes: 0x1a = 26 bytes, then 5, then the last chunk with an extension and a trailer.
const chunkedParts = [
  'HTTP/1.1 200 OK\r\nTransfer-Enc',
  'oding: chunked\r\nContent-Type: text/plain\r\n',
  '\r\n',
  '1',
  'a;name=val',
  'ue\r',
  '\nabcdefghij0123',
  '456789abcdef\r\n',
  '5\r\nhello',
  '\r\n0;la',
  'st\r\nX-Trailer: yes\r',
  '\nX-Other: 1\r\n',
  '\r\n',
];
const chunkedBytes = chunkedParts.join('').length;

describe('response framing (loopback)', () => {
  it('chunked responses split across writes, with extensions and trailers', async () => {
    const server = await startRawServer((socket) => writeInParts(socket, chunkedParts));
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, timeoutMs: 500 }),
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      expect(summary.errors).toEqual(noErrors);
      expect(summary.serverCloses).toBe(0);
      // Framing ended each response on its last byte: the keep-alive connections were never replaced.
      expect(server.counters.connections).toBe(2);
      expect(summary.bytesRead).toBeGreaterThanOrEqual(summary.requests * chunkedBytes);
      expect(summary.bytesRead).toBeLessThanOrEqual((summary.requests + summary.inFlightAtEnd) * chunkedBytes);
    } finally {
      await server.close();
    }
  });

  it('close-delimited bodies (no length, the server closes) are responses, not errors', async () => {
    const server = await startRawServer(async (socket) => {
      await writeInParts(socket, ['HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n', 'some body ', 'until close']);
      socket.end();
    });
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, timeoutMs: 500 }),
      ).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      expect(summary.errors).toEqual(noErrors);
      // The close ended each response; each is one server close.
      expect(summary.serverCloses).toBe(summary.requests);
      expect(server.counters.connections).toBeGreaterThanOrEqual(server.counters.requests);
    } finally {
      await server.close();
    }
  });

  it('HEAD: a Content-Length but no body', async () => {
    const server = await startRawServer((socket) =>
      writeInParts(socket, ['HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n']),
    );
    try {
      const record = await startRun(
        testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000, timeoutMs: 300, method: 'HEAD' }),
      ).result;
      await settle();
      const { summary } = record;

      expect(server.counters.methods).toEqual({ HEAD: server.counters.requests });
      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
      // Waiting for the 1000 announced bytes would show as timeouts and replaced connections.
      expect(summary.errors).toEqual(noErrors);
      expect(server.counters.connections).toBe(2);
    } finally {
      await server.close();
    }
  });

  // Engine bug: when a response says `Connection: close`, Connection.onResponse replaces the
  // socket from inside ResponseParser.execute (worker/connection.ts, onResponse → replace →
  // open → parser.reset()), and execute then goes on feeding the rest of the old socket's read
  // into the shared parser, now the new connection's. A stray CRLF after the body (some servers
  // and CGI scripts send one) becomes the start of the next connection's response head, whose
  // status line then fails to parse: about every other request ends as a read error.
  it('bytes after a response that closes the connection die with that connection', async () => {
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok\r\n');
    });
    try {
      const record = await startRun(testConfig(server.url, { threads: 1, connections: 2, durationMs: 1000 })).result;
      await settle();
      const { summary } = record;

      expect(summary.requests).toBeGreaterThan(20);
      expect(summary.errors).toEqual(noErrors);
      expect(summary.requests + summary.inFlightAtEnd).toBe(server.counters.requests);
      expect(summary.serverCloses).toBe(summary.requests);
      expect(summary.statusCounts).toEqual({ '200': summary.requests });
    } finally {
      await server.close();
    }
  });
});
