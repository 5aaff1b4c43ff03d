// Run records for tests: a small measured record and a wrk import without --latency.
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../histogram.ts';
import { RUN_SCHEMA, type MeasuredRunRecord, type RunRecord } from '../runRecord.ts';

/** Ten latencies, 1–5 µs, as an encoded histogram (what the summary below says). */
function sampleHistogram(): string {
  const histogram = createLatencyHistogram();
  for (const latencyUs of [1, 1, 2, 2, 2, 2, 3, 4, 5, 5]) recordLatencyUs(histogram, latencyUs);
  const encoded = encodeHistogram(histogram);
  histogram.destroy();
  return encoded;
}

export const sampleLatencyUs = { count: 10, min: 1, mean: 2, stdev: 1, max: 5, p50: 2, p75: 3, p90: 4, p99: 5, p999: 5, p9999: 5, p99999: 5, withinStdevPct: 70 };

export const sampleMeasuredRecord: MeasuredRunRecord = {
  schema: RUN_SCHEMA,
  id: '20261127-120000-abcdef',
  title: 'GET http://127.0.0.1:7878/',
  notes: '',
  tags: [],
  startedAt: '2026-11-27T12:00:00.000Z',
  finishedAt: '2026-11-27T12:00:01.000Z',
  stoppedEarly: false,
  target: { url: 'http://127.0.0.1:7878/', method: 'GET', headers: [], bodyBytes: 0 },
  load: { mode: 'rate' as const, threads: 1, connections: 1, durationMs: 1000, ratePerSec: 10, keepAlive: true, timeoutMs: 2000, intervalMs: 1000 },
  server: { kind: 'unknown' as const },
  env: { cpuModel: 'x', cores: 2, os: 'linux', node: 'v20', electron: null, app: '0.1.0' },
  summary: {
    requests: 10,
    durationMs: 1000,
    reqPerSec: 10,
    bytesRead: 100,
    transferPerSec: 100,
    latencyUs: sampleLatencyUs,
    uncorrectedLatencyUs: sampleLatencyUs,
    errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 },
    statusCounts: { '200': 10 },
    serverCloses: 0,
    inFlightAtEnd: 0,
    unsent: 0,
    threadReqPerSec: { mean: 10, stdev: 0, max: 10, withinStdevPct: 100, samples: 1 },
    scheduled: 10,
    completion: 1,
    unanswered: { count: 0, failed: 0 },
    latencyWithUnansweredUs: null,
  },
  histograms: { correctedUs: sampleHistogram(), uncorrectedUs: null },
  series: [{ tMs: 1000, requests: 10, errors: 0, errorsByKind: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 }, bytes: 100, latencyUs: { p50: 2, p90: 4, p99: 5, max: 5 } }],
};

/** A wrk report without --latency: no percentiles, no histogram, no environment. */
export const sampleImportedRecord: RunRecord = {
  ...sampleMeasuredRecord,
  startedAt: null,
  finishedAt: null,
  stoppedEarly: null,
  env: null,
  load: { ...sampleMeasuredRecord.load, mode: 'max' as const, ratePerSec: null, keepAlive: null, timeoutMs: null, intervalMs: null },
  summary: {
    ...sampleMeasuredRecord.summary,
    latencyUs: { ...sampleLatencyUs, min: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null },
    uncorrectedLatencyUs: null,
    statusCounts: null,
    scheduled: null,
    completion: null,
    unanswered: null,
    latencyWithUnansweredUs: null,
    serverCloses: null,
    inFlightAtEnd: null,
    unsent: null,
  },
  histograms: { correctedUs: null, uncorrectedUs: null },
  series: [],
  source: { tool: 'wrk', text: 'Running 1s test @ http://127.0.0.1:7878/' },
};


/** A copy of the measured sample with another id and start time (and any other fields). */
export function sampleRecordWith(id: string, startedAt: string, overrides: Partial<MeasuredRunRecord> = {}): MeasuredRunRecord {
  return { ...sampleMeasuredRecord, id, startedAt, finishedAt: startedAt, ...overrides };
}
