// Sweeps against the built-in server where queueing theory gives the answer. With /sleep?ms=D
// and W handler threads, a pool serves at most W/D requests per second (Little's law: W jobs in
// service, each taking D); an event loop on /sleep-async holds no thread while it waits, so it
// has no knee in the same range. The knee rule must find the first near W/D and none for the
// second. Steps are short (4 s) and start at 50 req/s: a step's throughput misses the responses that
// arrive after it (about latency ÷ step length), which must stay under the rule's 1 %, so bounds are loose; the figures are asserted, not timed.
import { afterEach, describe, expect, it } from 'vitest';
import { benchConfigDefaults } from '../bench-runner/config.ts';
import { startRun } from '../bench-runner/run.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { runSweep } from '../experiments/sweep.ts';
import { geometricRates } from '../experiments/sweepPlan.ts';
import { startServer, type BuiltinServer } from '../server-core/server.ts';

let server: BuiltinServer | null = null;
afterEach(async () => {
  await server?.stop(1000);
  server = null;
});

async function sweep(url: string, ratesPerSec: number[], refineSteps: number) {
  return runSweep<MeasuredRunRecord>(
    { ratesPerSec, refineSteps, slo: null, errorLimitPct: 1 },
    {
      runStep: (ratePerSec) =>
        startRun({ ...benchConfigDefaults, url, threads: 1, connections: 40, durationMs: 4000, ratePerSec, timeoutMs: 3000 }).result,
    },
  );
}

describe('sweeps find the capacity theory predicts', () => {
  it('pool-shared with 2 workers on /sleep?ms=20: the knee lies below 2 / 20 ms = 100 req/s, and not far below', async () => {
    server = await startServer({ model: 'pool-shared', workers: 2, port: 0 });
    const { port } = server.address;
    const result = await sweep(`http://127.0.0.1:${port}/sleep?ms=20`, geometricRates(50, 200, 5), 3);
    expect(result.knee.kneePerSec).not.toBeNull();
    expect(result.knee.kneePerSec ?? 0).toBeLessThanOrEqual(100);
    expect(result.knee.kneePerSec ?? 0).toBeGreaterThanOrEqual(50);
    // Past the capacity the pool cannot answer more than W/D, whatever was asked.
    expect(result.knee.highestAchievedPerSec).toBeLessThan(110);
  });

  it('event-loop on /sleep-async?ms=20 has no knee up to 400 req/s', async () => {
    server = await startServer({ model: 'event-loop', port: 0 });
    const { port } = server.address;
    const result = await sweep(`http://127.0.0.1:${port}/sleep-async?ms=20`, geometricRates(50, 400, 4), 0);
    expect(result.knee.firstBadIndex).toBeNull();
    expect(result.knee.kneePerSec).toBe(400);
  });
});
