// Pipelined requests on one connection are answered in order in every model, even when a later
// request finishes first: node:http queues each response until the ones before it are written.
import { describe, expect, it } from 'vitest';
import { serverModels } from '../../common/serverTelemetry.ts';
import { parseResponses, rawExchange, serverTiming, withServer } from './clients.ts';

const get = (path: string): string => `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`;

describe.each(serverModels)('pipelining in %s', (model) => {
  it('answers four pipelined requests in order although the first is the slowest', async () => {
    await withServer({ model, workers: 4 }, async (_server, port) => {
      const requests = [get('/sleep-async?ms=300'), get('/'), get('/sleep?ms=100'), get('/bytes?n=5')].join('');
      const closing = `GET /bytes?n=2 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`;
      const { data, closedByServer } = await rawExchange(port, requests + closing, 5000);
      const responses = parseResponses(data);

      expect(responses.map((response) => [response.status, response.body])).toEqual([
        [200, 'waited 300 ms\n'],
        [200, 'hello\n'],
        [200, 'slept 100 ms\n'],
        [200, 'xxxxx'],
        [200, 'xx'],
      ]);
      expect(closedByServer).toBe(true);
      expect(responses[4]?.headers.connection).toBe('close');
      // The order held although, where handlers run at once, the second request was done long before the first.
      const first = serverTiming(responses[0]?.headers['server-timing']);
      const second = serverTiming(responses[1]?.headers['server-timing']);
      if (model === 'pool-shared' || model === 'pool-per-worker' || model === 'event-loop') {
        expect(second.queueMs + second.serviceMs).toBeLessThan(first.serviceMs);
      }
    });
  });
});
