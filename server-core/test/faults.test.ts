// Handler faults: a workload that throws gives 500 and the server carries on; a handler thread
// that dies (process.exit, or an uncaught error) gives 503 for the job it held, is replaced, and
// the server carries on. The /fault/ routes exist only with `faultRoutes: true`.
import { describe, expect, it } from 'vitest';
import { serverModels } from '../../common/serverTelemetry.ts';
import { nextSample, request, withServer } from './clients.ts';

describe.each(serverModels)('faults in %s', (model) => {
  it('a handler that throws gives 500 and the server lives on', async () => {
    await withServer({ model, workers: 2, faultRoutes: true }, async (_server, port) => {
      const thrown = await request(port, '/fault/throw');
      expect(thrown.status).toBe(500);
      expect(thrown.body.toString()).toMatch(/handler error: fault route: the handler threw/);
      expect((await request(port, '/')).status).toBe(200);
    });
  });
});

describe.each(['pool-shared', 'pool-per-worker', 'thread-per-request'] as const)('handler-thread death in %s', (model) => {
  it('exit and uncaught error: 503 for the job, a new thread, and the server lives on', async () => {
    await withServer({ model, workers: 2, faultRoutes: true, intervalMs: 100 }, async (server, port) => {
      const exited = await request(port, '/fault/exit');
      expect(exited.status).toBe(503);
      expect(exited.body.toString()).toMatch(/handler thread \S+ died \(exited with code 1\)/);

      const crashed = await request(port, '/fault/crash');
      expect(crashed.status).toBe(503);
      expect(crashed.body.toString()).toMatch(/died \(uncaught Error: fault route: uncaught error in the handler thread\)/);

      // Every handler still answers: with 2 workers, 6 requests at once reach both queues.
      const replies = await Promise.all(Array.from({ length: 6 }, () => request(port, '/sleep?ms=20')));
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200]);

      const sample = await nextSample(server, (s) => s.requests.servedTotal === 8 && s.handlers.busy === 0);
      expect(sample.handlers.deathsTotal).toBe(2);
      if (model === 'thread-per-request') {
        expect(sample.handlers.threadsStartedTotal).toBe(8);
      } else {
        expect(sample.handlers.threads).toBe(2);
        expect(sample.handlers.threadsStartedTotal).toBe(4);
      }
    });
  });
});

describe('no handler thread to kill', () => {
  it('in event-loop, /fault/exit and /fault/crash give 500 instead of ending the server thread', async () => {
    await withServer({ model: 'event-loop', faultRoutes: true }, async (_server, port) => {
      for (const path of ['/fault/exit', '/fault/crash']) {
        const reply = await request(port, path);
        expect(reply.status).toBe(500);
        expect(reply.body.toString()).toMatch(/needs a handler thread/);
      }
      expect((await request(port, '/')).status).toBe(200);
    });
  });
});
