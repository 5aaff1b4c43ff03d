// The behaviours that define each model, observed from outside: 8 concurrent requests that each
// hold their handler 200 ms, and one slow job among fast ones in the two pool models.
//
// Waves are read from completion times relative to each other, never from wall-clock totals: a
// completion more than 100 ms (half a job) after the previous one starts a new wave. Telemetry
// (every 100 ms here) tells what waited. Expected, with 4 workers:
// - pool-shared: 4 handlers take 4 jobs while the other 4 queue for one job's time: two waves of 4.
// - thread-per-request: 8 threads start at once and no job ever queues: one wave. Thread start-up
//   (tens of ms each, from the bundled JavaScript entry) is part of the job's wait, and 8 at once
//   on 2 cores may finish starting far apart on a busy machine; so the wave is read from each
//   completion less its own thread's start-up, which is Server-Timing's queue part (nothing else
//   when, as telemetry shows, the queue stays empty).
// - single: one connection at a time: eight waves of 1.
// - event-loop: /sleep blocks the one loop, so eight waves too; /sleep-async only waits: one wave.
import { describe, expect, it } from 'vitest';
import type { ServerModel, ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import { nextSample, parseResponses, RawConnection, rawExchange, request, serverTiming, waves, withServer } from './clients.ts';

const JOB_MS = 200;
const WAVE_GAP_MS = JOB_MS / 2;

interface Concurrent {
  /** Wave sizes of the completion times. */
  sizes: number[];
  /** Wave sizes of the completion times, each less its own queue wait. */
  sizesLessWait: number[];
  /** Queue waits, ascending, ms. */
  queueMs: number[];
  handlers: Set<string>;
  samples: ServerTelemetrySample[];
}

async function eightAtOnce(model: ServerModel, path: string): Promise<Concurrent> {
  return withServer({ model, workers: 4, intervalMs: 100 }, async (server, port) => {
    const samples: ServerTelemetrySample[] = [];
    server.on('telemetry', (sample) => samples.push(sample));
    const replies = await Promise.all(Array.from({ length: 8 }, () => request(port, path)));
    for (const reply of replies) expect(reply.status).toBe(200);
    const timings = replies.map((reply) => serverTiming(reply.headers['server-timing']));
    return {
      sizes: waves(
        replies.map((reply) => reply.doneAtMs),
        WAVE_GAP_MS,
      ),
      sizesLessWait: waves(
        replies.map((reply, i) => reply.doneAtMs - (timings[i]?.queueMs ?? 0)),
        WAVE_GAP_MS,
      ),
      queueMs: timings.map((timing) => timing.queueMs).sort((a, b) => a - b),
      handlers: new Set(timings.map((timing) => timing.handler)),
      samples,
    };
  });
}

describe('8 concurrent /sleep?ms=200 with 4 workers', () => {
  it('pool-shared finishes in two waves of four; the second wave queued for about one job', async () => {
    const { sizes, queueMs, handlers, samples } = await eightAtOnce('pool-shared', `/sleep?ms=${JOB_MS}`);
    expect(sizes).toEqual([4, 4]);
    expect(handlers.size).toBe(4);
    expect(samples.some((sample) => sample.queues.depth === 4 && sample.handlers.busy === 4)).toBe(true);
    expect(queueMs.slice(0, 4).every((ms) => ms < JOB_MS / 2)).toBe(true);
    expect(queueMs.slice(4).every((ms) => ms > JOB_MS * 0.75)).toBe(true);
  });

  it('pool-per-worker, with the jobs dealt two to a queue, also finishes in two waves of four', async () => {
    const { sizes, samples } = await eightAtOnce('pool-per-worker', `/sleep?ms=${JOB_MS}`);
    expect(sizes).toEqual([4, 4]);
    expect(samples.some((sample) => sample.queues.depths.join() === '1,1,1,1')).toBe(true);
  });

  it('thread-per-request starts eight threads at once, queues nothing, and finishes in one wave', async () => {
    const { sizesLessWait, handlers, samples } = await eightAtOnce('thread-per-request', `/sleep?ms=${JOB_MS}`);
    expect(handlers.size).toBe(8);
    expect(samples.every((sample) => sample.queues.depth === 0)).toBe(true);
    expect(samples.some((sample) => sample.handlers.threads === 8)).toBe(true);
    expect(samples.reduce((sum, sample) => sum + sample.handlers.threadsStarted, 0)).toBe(8);
    expect(sizesLessWait).toEqual([8]);
  });

  it('single finishes in eight waves of one', async () => {
    const { sizes, handlers } = await eightAtOnce('single', `/sleep?ms=${JOB_MS}`);
    expect(sizes).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(handlers).toEqual(new Set(['server-thread']));
  });

  it('event-loop finishes /sleep in eight waves (it blocks the loop) and /sleep-async in one', async () => {
    expect((await eightAtOnce('event-loop', `/sleep?ms=${JOB_MS}`)).sizes).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect((await eightAtOnce('event-loop', `/sleep-async?ms=${JOB_MS}`)).sizes).toEqual([8]);
  });
});

describe('thread-per-request at its thread limit', () => {
  it('queues the requests over maxThreads and starts a thread for each as another ends', async () => {
    await withServer({ model: 'thread-per-request', intervalMs: 100, limits: { maxThreads: 2 } }, async (server, port) => {
      const samples: ServerTelemetrySample[] = [];
      server.on('telemetry', (sample) => samples.push(sample));
      const replies = await Promise.all(Array.from({ length: 4 }, () => request(port, '/sleep?ms=300')));
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
      expect(samples.some((sample) => sample.queues.depth === 2 && sample.handlers.threads === 2)).toBe(true);
      expect(samples.every((sample) => sample.handlers.threads <= 2)).toBe(true);
      expect(new Set(replies.map((reply) => serverTiming(reply.headers['server-timing']).handler)).size).toBe(4);
    });
  });
});

describe('thread-per-request, one request after another', () => {
  // Each thread starts from the bundled JavaScript entry, not through tsx (about 350 ms of CPU per
  // thread), so 200 threads one after another fit well within the test's time.
  it('answers 200 requests on one keep-alive connection, each on a thread of its own', async () => {
    const REQUESTS = 200;
    await withServer({ model: 'thread-per-request', intervalMs: 100 }, async (server, port) => {
      const connection = await RawConnection.open(port);
      const handlers = new Set<string>();
      for (let i = 0; i < REQUESTS; i++) {
        connection.write('GET / HTTP/1.1\r\nHost: t\r\n\r\n');
        const response = await connection.nextResponse();
        expect(response.status).toBe(200);
        handlers.add(serverTiming(response.headers['server-timing']).handler);
      }
      connection.destroy();
      expect(handlers.size).toBe(REQUESTS);
      const sample = await nextSample(server, (s) => s.requests.servedTotal === REQUESTS);
      expect(sample.handlers.threadsStartedTotal).toBe(REQUESTS);
      expect(sample.connections.acceptedTotal).toBe(1);
    });
  });
});

describe('one slow job among fast ones, 4 workers', () => {
  // Eight pipelined requests on one connection arrive in this order, so the dealing is known:
  // job 0 (slow, 600 ms) and job 4 go to queue 0; jobs 1..3 and 5..7 to queues 1..3. Server-Timing
  // tells how long each job waited for a handler, and which handler ran it.
  const SLOW_MS = 600;
  const paths = [`/sleep?ms=${SLOW_MS}`, '/', '/', '/', '/', '/', '/', '/'];
  const pipeline = paths.map((path, i) => `GET ${path} HTTP/1.1\r\nHost: t\r\n${i === paths.length - 1 ? 'Connection: close\r\n' : ''}\r\n`).join('');

  async function waitsAndHandlers(model: ServerModel): Promise<Array<{ queueMs: number; handler: string }>> {
    return withServer({ model, workers: 4 }, async (_server, port) => {
      const responses = parseResponses((await rawExchange(port, pipeline, 3000)).data);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
      return responses.map((response) => {
        const timing = serverTiming(response.headers['server-timing']);
        return { queueMs: timing.queueMs, handler: timing.handler };
      });
    });
  }

  it('pool-per-worker: the fast job dealt behind it waits for it; the others do not', async () => {
    const jobs = await waitsAndHandlers('pool-per-worker');
    expect(jobs[4]?.handler).toBe(jobs[0]?.handler);
    expect(jobs[4]?.queueMs).toBeGreaterThan(SLOW_MS * 0.75);
    for (const i of [1, 2, 3, 5, 6, 7]) expect(jobs[i]?.queueMs).toBeLessThan(SLOW_MS / 3);
  });

  it('pool-shared: no fast job waits for it (an idle handler takes each)', async () => {
    const jobs = await waitsAndHandlers('pool-shared');
    for (const i of [1, 2, 3, 4, 5, 6, 7]) {
      expect(jobs[i]?.queueMs).toBeLessThan(SLOW_MS / 3);
      expect(jobs[i]?.handler).not.toBe(jobs[0]?.handler);
    }
  });
});
