// Issue 11.9: `closeSilently` replays the seed journal's server before entry 004: it closes after
// every response without saying `Connection: close` and drops the request bytes it did not read.
// A keep-alive client (wrk) sends its next request on the connection and reads the connection's
// end instead of a response: wrk counts that as a read error and reconnects.
import { describe, expect, it } from 'vitest';
import { parseResponses, RawConnection, rawExchange, withServer } from './clients.ts';

const get = (path: string): string => `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`;

describe('closeSilently', () => {
  it('answers the first request without Connection: close, then the connection ends under the next one', async () => {
    await withServer({ model: 'pool-shared', workers: 2, closeSilently: true }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write(get('/'));
      const first = await connection.nextResponse();
      expect(first.status).toBe(200);
      expect(first.headers.connection).not.toBe('close');
      connection.write(get('/'));
      // What wrk sees: no response, the connection closed (FIN or reset).
      await expect(connection.nextResponse()).rejects.toThrow(/closed before a complete response/);
      await connection.closed;
    });
  });

  it('drops pipelined requests it did not read: one answer, then the close', async () => {
    await withServer({ model: 'event-loop', closeSilently: true }, async (_server, port) => {
      const { data, closedByServer } = await rawExchange(port, get('/') + get('/') + get('/'), 3000);
      expect(parseResponses(data).map((response) => response.status)).toEqual([200]);
      expect(closedByServer).toBe(true);
    });
  });

  it('off (the default): the same keep-alive client gets both answers', async () => {
    await withServer({ model: 'pool-shared', workers: 2 }, async (_server, port) => {
      const connection = await RawConnection.open(port);
      connection.write(get('/'));
      expect((await connection.nextResponse()).status).toBe(200);
      connection.write(get('/'));
      expect((await connection.nextResponse()).status).toBe(200);
      connection.destroy();
    });
  });
});
