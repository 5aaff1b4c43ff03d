// Every model answers every route the same way over loopback; only where the work runs differs.
import { describe, expect, it } from 'vitest';
import { serverModels } from '../../common/serverTelemetry.ts';
import { request, serverTiming, withServer } from './clients.ts';

describe.each(serverModels)('routes in %s', (model) => {
  it('answers every route, and refuses bad ones with the right status', async () => {
    await withServer({ model, workers: 2 }, async (_server, port) => {
      // Requests one after another, each on its own connection: `single` takes one at a time.
      const hello = await request(port, '/');
      expect(hello.status).toBe(200);
      expect(hello.body.toString()).toBe('hello\n');
      expect(hello.headers['content-type']).toBe('text/plain; charset=utf-8');
      const timing = serverTiming(hello.headers['server-timing']);
      expect(timing.handler).toMatch(model === 'event-loop' || model === 'single' ? /^server-thread$/ : model === 'thread-per-request' ? /^thread-\d+$/ : /^pool-\d$/);

      const head = await request(port, '/', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe('6');
      expect(head.body.length).toBe(0);

      const sleep = await request(port, '/sleep?ms=30');
      expect(sleep.status).toBe(200);
      expect(sleep.body.toString()).toBe('slept 30 ms\n');
      expect(serverTiming(sleep.headers['server-timing']).serviceMs).toBeGreaterThanOrEqual(29);

      const sleepAsync = await request(port, '/sleep-async?ms=30');
      expect(sleepAsync.status).toBe(200);
      expect(sleepAsync.body.toString()).toBe('waited 30 ms\n');
      expect(serverTiming(sleepAsync.headers['server-timing']).serviceMs).toBeGreaterThanOrEqual(29);

      const cpu = await request(port, '/cpu?us=5000');
      expect(cpu.status).toBe(200);
      expect(cpu.body.toString()).toBe('spun 5000 us\n');
      expect(serverTiming(cpu.headers['server-timing']).serviceMs).toBeGreaterThanOrEqual(4.9);

      const bytes = await request(port, '/bytes?n=200000');
      expect(bytes.status).toBe(200);
      expect(bytes.body.length).toBe(200_000);
      expect(bytes.body.every((byte) => byte === 0x78)).toBe(true);
      expect((await request(port, '/bytes?n=0')).body.length).toBe(0);

      const payload = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));
      const echo = await request(port, '/echo', { method: 'POST', body: payload });
      expect(echo.status).toBe(200);
      expect(echo.body.equals(payload)).toBe(true);
      const chunked = await request(port, '/echo', { method: 'POST', body: 'abc', headers: { 'Transfer-Encoding': 'chunked' } });
      expect(chunked.body.toString()).toBe('abc');

      const refusals: Array<[string, string, number, RegExp]> = [
        ['GET', '/nowhere', 404, /no route \/nowhere/],
        ['GET', '/sleep/', 404, /no route/],
        ['GET', '/sleep', 400, /ms is required/],
        ['GET', '/sleep?ms=60001', 400, /ms must be a whole number from 0 to 60000, got "60001"/],
        ['GET', '/sleep-async?ms=-1', 400, /ms must be a whole number/],
        ['GET', '/cpu?us=1.5', 400, /us must be a whole number/],
        ['GET', '/cpu?us=10000001', 400, /us must be a whole number from 0 to 10000000/],
        ['GET', '/bytes?n=abc', 400, /n must be a whole number/],
        ['GET', '/bytes?n=1&n=2', 400, /n is given 2 times/],
        ['GET', '/echo', 405, /\/echo allows POST, not GET/],
        ['POST', '/', 405, /\/ allows GET, HEAD, not POST/],
        ['PUT', '/', 501, /method PUT is not implemented/],
        ['DELETE', '/echo', 501, /method DELETE is not implemented/],
        ['GET', '/fault/throw', 404, /no route/],
      ];
      for (const [method, path, status, message] of refusals) {
        const reply = await request(port, path, { method });
        expect({ method, path, status: reply.status }).toEqual({ method, path, status });
        expect(reply.body.toString()).toMatch(message);
        if (status === 405) expect(reply.headers.allow).toBe(path === '/echo' ? 'POST' : 'GET, HEAD');
        expect(reply.headers['server-timing']).toBeUndefined();
      }
      expect((await request(port, 'http://example.test/bytes?n=3')).body.toString()).toBe('xxx');
    });
  });
});
