// Run records for tests: a measured run built from real HdrHistograms (seeded, so every test run
// sees the same figures), and an imported one whose unknown figures are null.
import type { JsHistogram } from 'hdr-histogram-js';
import { seededRandom } from '../random.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs, summarizeLatency } from '../histogram.ts';
import { RUN_SCHEMA, knownLatency, type MeasuredRunRecord, type RunRecord, type SeriesPoint } from '../runRecord.ts';

export interface SimulatedRun {
  id?: string;
  title?: string;
  notes?: string;
  tags?: string[];
  /** Requests per second, spread over the run. */
  ratePerSec?: number;
  durationMs?: number;
  intervalMs?: number;
  /** Typical service time, µs; latencies are log-normal around it. */
  medianUs?: number;
  /** One stall of this length at the middle of the run (coordinated omission shows in the corrected view). */
  stallUs?: number;
  seed?: number;
  startedAt?: string;
}

/** A rate-mode run as bench-runner would record it, with latencies drawn from a seeded log-normal. */
export function simulatedRecord(options: SimulatedRun = {}): MeasuredRunRecord {
  const ratePerSec = options.ratePerSec ?? 200;
  const durationMs = options.durationMs ?? 5000;
  const intervalMs = options.intervalMs ?? 1000;
  const medianUs = options.medianUs ?? 800;
  const next = seededRandom(options.seed ?? 1);
  const corrected = createLatencyHistogram();
  const uncorrected = createLatencyHistogram();
  const series: SeriesPoint[] = [];
  const total = Math.round((ratePerSec * durationMs) / 1000);
  const stallAtMs = durationMs / 2;
  let interval = createLatencyHistogram();
  let intervalEndMs = intervalMs;
  let counts = { requests: 0 };
  const flush = (tMs: number): void => {
    series.push(seriesPoint(tMs, counts.requests, interval));
    interval.destroy();
    interval = createLatencyHistogram();
    counts = { requests: 0 };
  };
  for (let k = 0; k < total; k++) {
    const intendedMs = (k * 1000) / ratePerSec;
    while (intendedMs >= intervalEndMs) {
      flush(intervalEndMs);
      intervalEndMs += intervalMs;
    }
    // Box–Muller: a normal draw, then log-normal latency with σ = 0.35.
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const serviceUs = medianUs * Math.exp(0.35 * normal);
    const stallLeftUs = options.stallUs !== undefined && intendedMs >= stallAtMs && intendedMs < stallAtMs + options.stallUs / 1000
      ? (stallAtMs + options.stallUs / 1000 - intendedMs) * 1000
      : 0;
    recordLatencyUs(corrected, serviceUs + stallLeftUs);
    // From the actual send, only the few requests already out when the stall began wait it out.
    recordLatencyUs(uncorrected, stallLeftUs > 0 && k % 50 === 0 ? serviceUs + stallLeftUs : serviceUs);
    recordLatencyUs(interval, serviceUs + stallLeftUs);
    counts.requests += 1;
  }
  while (intervalEndMs <= durationMs) {
    flush(intervalEndMs);
    intervalEndMs += intervalMs;
  }
  interval.destroy();
  const record = measuredRecord({
    id: options.id ?? `run-${options.seed ?? 1}`,
    title: options.title ?? 'GET http://127.0.0.1:7878/',
    notes: options.notes ?? '',
    tags: options.tags ?? [],
    startedAt: options.startedAt ?? '2026-11-27T12:00:00.000Z',
    ratePerSec,
    durationMs,
    intervalMs,
    corrected,
    uncorrected,
    series,
  });
  corrected.destroy();
  uncorrected.destroy();
  return record;
}

function seriesPoint(tMs: number, requests: number, histogram: JsHistogram): SeriesPoint {
  const latencyUs = histogram.totalCount === 0
    ? null
    : { p50: histogram.getValueAtPercentile(50), p90: histogram.getValueAtPercentile(90), p99: histogram.getValueAtPercentile(99), max: histogram.maxValue };
  return { tMs, requests, errors: 0, bytes: requests * 120, latencyUs };
}

interface MeasuredParts {
  id: string;
  title: string;
  notes: string;
  tags: string[];
  startedAt: string;
  ratePerSec: number;
  durationMs: number;
  intervalMs: number;
  corrected: JsHistogram;
  uncorrected: JsHistogram;
  series: SeriesPoint[];
}

function measuredRecord(parts: MeasuredParts): MeasuredRunRecord {
  const requests = parts.corrected.totalCount;
  const bytesRead = requests * 120;
  const durationS = parts.durationMs / 1000;
  return {
    schema: RUN_SCHEMA,
    id: parts.id,
    title: parts.title,
    notes: parts.notes,
    tags: parts.tags,
    startedAt: parts.startedAt,
    finishedAt: new Date(Date.parse(parts.startedAt) + parts.durationMs).toISOString(),
    stoppedEarly: false,
    target: { url: 'http://127.0.0.1:7878/', method: 'GET', headers: [], bodyBytes: 0 },
    load: { mode: 'rate', threads: 2, connections: 10, durationMs: parts.durationMs, ratePerSec: parts.ratePerSec, keepAlive: true, timeoutMs: 2000, intervalMs: parts.intervalMs },
    server: { kind: 'builtin', model: 'pool-shared', settings: { threads: 4 } },
    env: { cpuModel: 'Test CPU', cores: 2, os: 'linux 6.1', node: 'v20.19.0', electron: null, app: '0.1.0' },
    summary: {
      requests,
      durationMs: parts.durationMs,
      reqPerSec: requests / durationS,
      bytesRead,
      transferPerSec: bytesRead / durationS,
      latencyUs: summarizeLatency(parts.corrected),
      uncorrectedLatencyUs: summarizeLatency(parts.uncorrected),
      errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 },
      statusCounts: { '200': requests },
      serverCloses: 0,
      inFlightAtEnd: 0,
      unsent: 0,
      threadReqPerSec: { mean: requests / durationS / 2, stdev: 1, max: requests / durationS / 2 + 2, withinStdevPct: 70, samples: 10 },
    },
    histograms: { correctedUs: encodeHistogram(parts.corrected), uncorrectedUs: encodeHistogram(parts.uncorrected) },
    series: parts.series,
  };
}

/** A wrk report imported without --latency: no percentiles, no histogram, no environment. */
export function importedRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  const text = [
    'Running 30s test @ http://localhost:7878/',
    '  12 threads and 400 connections',
    '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
    '    Latency    50.19ms  182.98ms   1.20s    96.17%',
    '    Req/Sec    83.15     60.65   211.00     64.25%',
    '  29674 requests in 30.17s, 2.78MB read',
    '  Socket errors: connect 0, read 182, write 0, timeout 0',
    'Requests/sec:    983.58',
    'Transfer/sec:     94.51KB',
    '',
  ].join('\n');
  return {
    schema: RUN_SCHEMA,
    id: 'imported-wrk-1',
    title: 'Each thread with its own channel',
    notes: '',
    tags: [],
    startedAt: null,
    finishedAt: null,
    stoppedEarly: null,
    target: { url: 'http://localhost:7878/', method: 'GET', headers: [], bodyBytes: 0 },
    load: { mode: 'max', threads: 12, connections: 400, durationMs: 30_000, ratePerSec: null, keepAlive: null, timeoutMs: null, intervalMs: null },
    server: { kind: 'unknown' },
    env: null,
    summary: {
      requests: 29674,
      durationMs: 30_170,
      reqPerSec: 983.58,
      bytesRead: null,
      transferPerSec: null,
      latencyUs: { count: 29674, min: null, mean: 50_190, stdev: 182_980, max: 1_200_000, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: 96.17 },
      uncorrectedLatencyUs: null,
      errors: { connect: 0, read: 182, write: 0, timeout: 0, status: 0 },
      statusCounts: null,
      serverCloses: null,
      inFlightAtEnd: null,
      unsent: null,
      threadReqPerSec: null,
    },
    histograms: { correctedUs: null, uncorrectedUs: null },
    series: [],
    source: { tool: 'wrk', text },
    ...overrides,
  };
}

/** A connection-rate run (httperf mode) built on a simulated run's histograms. */
export function connRateRecord(): MeasuredRunRecord {
  const base = simulatedRecord({ id: 'conn-rate-1', title: 'httperf --rate 10', ratePerSec: 10, durationMs: 10_000 });
  const latency = knownLatency(base.summary.latencyUs);
  if (latency === null) throw new Error('the simulated run has responses');
  return {
    ...base,
    load: { ...base.load, mode: 'conn-rate', threads: 1, connections: 1, ratePerSec: 10, connRate: { numConns: 100, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } } },
    summary: {
      ...base.summary,
      uncorrectedLatencyUs: null,
      connRate: {
        started: 100,
        completed: 100,
        peakConcurrent: 1,
        maxConnectBurst: 1,
        connectUs: latency,
        lifetimeUs: latency,
        responseUs: latency,
        transferUs: latency,
        requestBytes: 62,
        replyHeaderBytes: 9700,
        replyContentBytes: 200,
        bytesSent: 6200,
        replyRate: { min: 10, mean: 10, max: 10, stdev: 0, samples: 1 },
        errors: { clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 },
        cpuUserS: 0.1,
        cpuSystemS: 0.2,
      },
    },
    histograms: { correctedUs: base.histograms.correctedUs, uncorrectedUs: null },
  };
}
