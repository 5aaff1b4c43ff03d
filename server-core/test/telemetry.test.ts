// Telemetry: one sample per interval that validates against the shared schema, whose interval
// counts add up to the totals, whose histograms hold every routed request, and whose gauges show
// what each model does (a blocked event loop, per-queue depths).
import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { serverTelemetrySampleSchema, type ServerTelemetrySample } from '../../common/serverTelemetry.ts';
import { nextSample, request, withServer } from './clients.ts';

function histogramCount(base64: string): number {
  const histogram = decodeFromCompressedBase64(base64);
  const count = histogram.totalCount;
  histogram.destroy();
  return count;
}

describe('telemetry samples', () => {
  it('validate, add up, and carry every routed request in their histograms', async () => {
    await withServer({ model: 'pool-per-worker', workers: 3, intervalMs: 100 }, async (server, port) => {
      const samples: ServerTelemetrySample[] = [];
      server.on('telemetry', (sample) => samples.push(sample));
      for (let i = 0; i < 5; i++) expect((await request(port, '/sleep?ms=20')).status).toBe(200);
      expect((await request(port, '/nowhere')).status).toBe(404);
      await Promise.all(Array.from({ length: 6 }, () => request(port, '/')));
      await nextSample(server, (sample) => sample.requests.servedTotal === 12 && sample.requests.inFlight === 0);

      for (const sample of samples) expect(() => serverTelemetrySampleSchema.parse(sample)).not.toThrow();
      expect(samples.map((sample) => sample.seq)).toEqual(samples.map((_, i) => i));
      const last = samples.at(-1);
      if (last === undefined) throw new Error('no samples');
      const sum = (pick: (sample: ServerTelemetrySample) => number): number => samples.reduce((total, sample) => total + pick(sample), 0);

      expect(sum((sample) => sample.requests.served)).toBe(12);
      expect(sum((sample) => sample.connections.accepted)).toBe(last.connections.acceptedTotal);
      expect(last.connections.acceptedTotal).toBe(12);
      const statuses: Record<string, number> = {};
      for (const sample of samples) for (const [status, n] of Object.entries(sample.requests.statusCounts)) statuses[status] = (statuses[status] ?? 0) + n;
      expect(statuses).toEqual({ 200: 11, 404: 1 });
      // The 404 never reached a handler: 11 jobs in the histograms.
      expect(sum((sample) => histogramCount(sample.histograms.queueWaitUs))).toBe(11);
      expect(sum((sample) => histogramCount(sample.histograms.serviceUs))).toBe(11);
      expect(sum((sample) => sample.serviceUs?.count ?? 0)).toBe(11);
      expect(Math.max(...samples.map((sample) => sample.serviceUs?.max ?? 0))).toBeGreaterThanOrEqual(19_000);

      expect(last.queues.depths).toEqual([0, 0, 0]);
      expect(last.handlers.threads).toBe(3);
      expect(last.handlers.threadsStartedTotal).toBe(3);
      expect(last.process.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
      expect(sum((sample) => sample.process.cpuPct)).toBeGreaterThan(0);
    });
  });

  it('time every handler thread start, and count the threads started per second', async () => {
    await withServer({ model: 'thread-per-request', intervalMs: 100 }, async (server, port) => {
      const samples: ServerTelemetrySample[] = [];
      server.on('telemetry', (sample) => samples.push(sample));
      for (let i = 0; i < 3; i++) expect((await request(port, '/')).status).toBe(200);
      await nextSample(server, (sample) => sample.handlers.threadsStartedTotal === 3 && sample.handlers.threads === 0);
      const starts = samples.flatMap((sample) => (sample.handlers.threadStartUs == null ? [] : [sample.handlers.threadStartUs]));
      expect(starts.reduce((sum, summary) => sum + summary.count, 0)).toBe(3);
      // A worker thread takes at least a millisecond to start and report ready.
      for (const summary of starts) expect(summary.p50).toBeGreaterThan(1000);
      const perSec = samples.reduce((sum, sample) => sum + (sample.handlers.threadsStartedPerSec ?? 0) * (sample.intervalMs / 1000), 0);
      expect(perSec).toBeCloseTo(3, 5);
      expect(samples.every((sample) => (sample.process.cores ?? 0) >= 1)).toBe(true);
    });
  });

  it('show the server thread blocked by /sleep in event-loop, and not in pool-shared', async () => {
    const worstLoopDelayUs = (model: 'event-loop' | 'pool-shared'): Promise<number> =>
      withServer({ model, workers: 2, intervalMs: 100 }, async (server, port) => {
        let worstUs = 0;
        server.on('telemetry', (sample) => (worstUs = Math.max(worstUs, sample.eventLoopDelayUs.max)));
        expect((await request(port, '/sleep?ms=400')).status).toBe(200);
        // The request is counted served after the block ends, so the first sample that counts it
        // was taken after the block: the block is in it or in an earlier sample.
        await nextSample(server, (sample) => sample.requests.servedTotal === 1);
        return worstUs;
      });
    expect(await worstLoopDelayUs('event-loop')).toBeGreaterThan(300_000);
    expect(await worstLoopDelayUs('pool-shared')).toBeLessThan(150_000);
  });
});
