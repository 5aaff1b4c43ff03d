// Slow clients: a request that does not arrive in time gets 408 and its connection closed, and
// hundreds of connections dribbling their headers (slowloris) do not keep a fresh client waiting.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { nextSample, parseResponses, RawConnection, request, withServer } from './clients.ts';

const SLOW_CONNECTIONS = 300;

/** Opens a connection that sends a request line and then one header line every `everyMs`, never finishing. */
function dribble(port: number, everyMs: number): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let line = 0;
    const timer = setInterval(() => socket.write(`X-Slow-${line++}: a\r\n`), everyMs);
    const closed = new Promise<void>((done) =>
      socket.on('close', () => {
        clearInterval(timer);
        done();
      }),
    );
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write('GET / HTTP/1.1\r\nHost: t\r\n');
      resolve({ socket, received: () => received, closed });
    });
    socket.once('error', reject);
  });
}

describe('request timeouts', () => {
  it('headers that do not arrive within headersTimeoutMs get 408, and the connection is closed', async () => {
    await withServer({ limits: { headersTimeoutMs: 500, requestTimeoutMs: 5000 } }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write('GET / HTTP/1.1\r\nHost: t\r\n');
      const response = await connection.nextResponse();
      expect(response.status).toBe(408);
      expect(response.headers.connection).toBe('close');
      await connection.closed;
    });
  });

  it('a body that does not arrive within requestTimeoutMs gets 408; a job running longer than that is not cut off', async () => {
    await withServer({ model: 'pool-shared', workers: 2, limits: { headersTimeoutMs: 500, requestTimeoutMs: 1000 } }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc');
      expect((await connection.nextResponse()).status).toBe(408);
      await connection.closed;
      // A job that runs longer than the request timeout is not a slow request: it is answered.
      expect((await request(port, '/sleep?ms=1500')).status).toBe(200);
    });
  });
});

describe.each(['event-loop', 'pool-per-worker'] as const)('slowloris against %s', (model) => {
  it(`serves a fresh client while ${SLOW_CONNECTIONS} connections dribble their headers, then times them out`, async () => {
    await withServer({ model, workers: 2, intervalMs: 100, limits: { headersTimeoutMs: 3000 } }, async (server, port) => {
      const slow = await Promise.all(Array.from({ length: SLOW_CONNECTIONS }, () => dribble(port, 200)));

      // While they all hang on, twenty requests from a fresh client are answered, each before any
      // slow connection has been cut off.
      for (let i = 0; i < 20; i++) {
        const reply = await request(port, '/bytes?n=10');
        expect(reply.status).toBe(200);
      }
      expect(slow.every((connection) => !connection.socket.destroyed && connection.received() === '')).toBe(true);
      const sample = await nextSample(server, () => true);
      expect(sample.connections.open).toBeGreaterThanOrEqual(SLOW_CONNECTIONS);
      expect(sample.requests.inFlight).toBe(0);

      // Then the header timeout answers every slow connection with 408 and closes it.
      await Promise.all(slow.map((connection) => connection.closed));
      const statuses = new Set(slow.map((connection) => parseResponses(Buffer.from(connection.received(), 'latin1'))[0]?.status));
      expect(statuses).toEqual(new Set([408]));
    });
  });
});

describe('a slow client against single', () => {
  it('holds the one connection slot until its header timeout; the next client is served right after', async () => {
    await withServer({ model: 'single', limits: { headersTimeoutMs: 800 } }, async (_server, port) => {
      const slow = await dribble(port, 100);
      const events: string[] = [];
      void slow.closed.then(() => events.push(`slow closed with ${parseResponses(Buffer.from(slow.received(), 'latin1'))[0]?.status}`));
      const fresh = await request(port, '/');
      events.push(`fresh served ${fresh.status}`);
      expect(events).toEqual(['slow closed with 408', 'fresh served 200']);
    });
  });
});
