// Keep-alive: on by default (a connection closes only on `Connection: close`, the idle timeout or
// the request limit); off, every response says `Connection: close` and the server closes.
import { describe, expect, it } from 'vitest';
import { nextSample, parseResponses, RawConnection, rawExchange, withServer } from './clients.ts';

const get = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: t\r\n${extra}\r\n`;

describe.each(['event-loop', 'pool-shared'] as const)('keep-alive in %s', (model) => {
  it('on: three requests one after another on one connection, none closing it', async () => {
    await withServer({ model, workers: 2, intervalMs: 100 }, async (server, port) => {
      const connection = await RawConnection.open(port);
      for (const path of ['/', '/bytes?n=3', '/sleep?ms=10']) {
        connection.write(get(path));
        const response = await connection.nextResponse();
        expect(response.status).toBe(200);
        expect(response.headers.connection).toBe('keep-alive');
      }
      const sample = await nextSample(server, (s) => s.requests.servedTotal === 3);
      expect(sample.connections.acceptedTotal).toBe(1);
      expect(sample.connections.open).toBe(1);
      expect(connection.closedByServer).toBe(false);

      // The client's `Connection: close` ends it.
      connection.write(get('/', 'Connection: close\r\n'));
      expect((await connection.nextResponse()).headers.connection).toBe('close');
      await connection.closed;
      expect(connection.closedByServer).toBe(true);
    });
  });

  it('on: HTTP/1.0 closes unless it asks for keep-alive', async () => {
    await withServer({ model, workers: 2 }, async (_server, port) => {
      const plain = await rawExchange(port, 'GET / HTTP/1.0\r\n\r\n', 2000);
      expect(plain.closedByServer).toBe(true);
      const connection = await RawConnection.open(port);
      connection.write('GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
      expect((await connection.nextResponse()).headers.connection).toBe('keep-alive');
      connection.write('GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
      expect((await connection.nextResponse()).status).toBe(200);
      connection.destroy();
    });
  });

  it('on: the request limit closes the connection with the last allowed response', async () => {
    await withServer({ model, workers: 2, limits: { maxRequestsPerConnection: 2 } }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write(get('/'));
      expect((await connection.nextResponse()).headers.connection).toBe('keep-alive');
      connection.write(get('/'));
      expect((await connection.nextResponse()).headers.connection).toBe('close');
      await connection.closed;
      expect(connection.closedByServer).toBe(true);
    });
  });

  it('on: the idle timeout closes a quiet connection', async () => {
    await withServer({ model, workers: 2, limits: { keepAliveTimeoutMs: 1000 } }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write(get('/'));
      const response = await connection.nextResponse();
      expect(response.headers['keep-alive']).toBe('timeout=1');
      await connection.closed;
      expect(connection.closedByServer).toBe(true);
    });
  });

  it('off: every response says Connection: close and the server closes; a pipelined second request is not read', async () => {
    await withServer({ model, workers: 2, keepAlive: false }, async (_server, port) => {
      const { data, closedByServer } = await rawExchange(port, get('/') + get('/bytes?n=1'), 2000);
      const responses = parseResponses(data);
      expect(responses.map((response) => [response.status, response.headers.connection])).toEqual([[200, 'close']]);
      expect(closedByServer).toBe(true);

      const post = await rawExchange(port, 'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi', 2000);
      expect(parseResponses(post.data).map((response) => [response.body, response.headers.connection])).toEqual([['hi', 'close']]);
      expect(post.closedByServer).toBe(true);
    });
  });
});
