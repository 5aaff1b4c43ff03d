// A one-hour run record, as Loadlab would save it: 3,600 one-second series points, 3,600 server
// telemetry points and a histogram of 200,000 latencies. For measuring how the UI copes.
import { createLatencyHistogram, encodeHistogram, recordLatencyUs, summarizeLatency } from '../../common/histogram.ts';
import type { MeasuredRunRecord, SeriesPoint, ServerSeriesPoint } from '../../common/runRecord.ts';
import { sampleMeasuredRecord } from '../../common/testing/sampleRecords.ts';

const SECONDS = 3600;

/** Deterministic pseudo-random numbers (no flaky screenshots). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function oneHourRecord(id: string): MeasuredRunRecord {
  const next = random(42);
  const histogram = createLatencyHistogram();
  // Mostly ~1 ms, a tail to ~80 ms, and a few multi-second stalls.
  for (let index = 0; index < 200_000; index++) {
    const u = next();
    const us = u < 0.9 ? 600 + next() * 900 : u < 0.999 ? 1500 + next() ** 3 * 80_000 : 200_000 + next() * 2_800_000;
    recordLatencyUs(histogram, us);
  }
  const latency = summarizeLatency(histogram);
  const correctedUs = encodeHistogram(histogram);
  histogram.destroy();

  const series: SeriesPoint[] = [];
  const serverSeries: ServerSeriesPoint[] = [];
  const startMs = Date.parse('2026-11-27T08:00:00.000Z');
  for (let second = 1; second <= SECONDS; second++) {
    const stall = second % 600 === 0;
    const p50 = 800 + next() * 200;
    series.push({
      tMs: second * 1000,
      requests: stall ? 300 : 990 + Math.round(next() * 20),
      errors: stall ? 3 : 0,
      bytes: 110_000,
      latencyUs: { p50, p90: p50 * 1.6, p99: stall ? 2_500_000 : p50 * 4 + next() * 3000, max: stall ? 3_000_000 : p50 * 8 + next() * 20_000 },
    });
    serverSeries.push({
      seq: second,
      model: 'pool-shared',
      tMs: second * 1000,
      epochMs: startMs + second * 1000,
      intervalMs: 1000,
      connections: { open: 400, accepted: 0, acceptedTotal: 400, waiting: 0 },
      requests: { served: 1000, servedTotal: second * 1000, inFlight: Math.round(next() * 4), rejected: 0, statusCounts: { '200': 1000 } },
      queues: { depth: stall ? 380 : Math.round(next() * 3), depths: [0] },
      queueWaitUs: { count: 1000, mean: 40, p50: 20, p90: 60, p99: stall ? 2_400_000 : 150 + next() * 200, max: stall ? 2_900_000 : 900 },
      serviceUs: { count: 1000, mean: 300, p50: 250, p90: 400, p99: 700 + next() * 300, max: 2000 },
      handlers: { threads: 4, busy: Math.round(next() * 4), busyPeak: 4, threadsStarted: 0, threadsStartedTotal: 4, deaths: 0, deathsTotal: 0 },
      eventLoopDelayUs: { p50: 100, p99: 900, max: 2000 },
      process: { cpuPct: 80 + next() * 40, rssBytes: 90_000_000 },
      runTMs: second * 1000,
    });
  }
  const requests = series.reduce((sum, point) => sum + point.requests, 0);
  return {
    ...sampleMeasuredRecord,
    id,
    title: 'pool-shared ×4 · -t12 -c400 -d1h -R1000 (constructed one-hour record)',
    tags: ['long'],
    startedAt: new Date(startMs).toISOString(),
    finishedAt: new Date(startMs + SECONDS * 1000).toISOString(),
    target: { ...sampleMeasuredRecord.target, url: 'http://127.0.0.1:7878/' },
    load: { mode: 'rate', threads: 12, connections: 400, durationMs: SECONDS * 1000, ratePerSec: 1000, keepAlive: true, timeoutMs: 2000, intervalMs: 1000 },
    server: { kind: 'builtin', model: 'pool-shared', settings: { workers: 4, keepAlive: true } },
    summary: {
      ...sampleMeasuredRecord.summary,
      requests,
      durationMs: SECONDS * 1000,
      reqPerSec: requests / SECONDS,
      bytesRead: requests * 110,
      transferPerSec: (requests * 110) / SECONDS,
      latencyUs: latency,
      uncorrectedLatencyUs: null,
      errors: { connect: 0, read: 18, write: 0, timeout: 0, status: 0 },
      statusCounts: { '200': requests },
    },
    histograms: { correctedUs, uncorrectedUs: null },
    series,
    serverSeries,
  };
}
