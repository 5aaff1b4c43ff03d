// Builds the run record from the merged measurements: the one place the summary is computed.
import { randomBytes } from 'node:crypto';
import { RUN_SCHEMA, type RunRecord, type ServerInfo } from '../common/runRecord.ts';
import type { RunAggregator } from './aggregator.ts';
import type { BenchConfig } from './config.ts';
import { currentEnv } from './env.ts';
import { encodeHistogram, summarizeLatency } from './histogram.ts';
import { rateStats } from './stats.ts';

export interface RunTiming {
  startEpochMs: number;
  endEpochMs: number;
  stoppedEarly: boolean;
}

/** A sortable, unique run id: start time plus random bits ("20261127-141653-3f9a2c"). */
export function newRunId(startEpochMs: number): string {
  const stamp = new Date(startEpochMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function buildRunRecord(
  config: BenchConfig,
  aggregate: RunAggregator,
  timing: RunTiming,
  server: ServerInfo = { kind: 'unknown' },
): RunRecord {
  const durationMs = Math.max(1, timing.endEpochMs - timing.startEpochMs);
  const seconds = durationMs / 1000;
  const mode = config.ratePerSec === null ? 'max' : 'rate';
  return {
    schema: RUN_SCHEMA,
    id: newRunId(timing.startEpochMs),
    title: `${config.method} ${config.url}`,
    notes: '',
    tags: [],
    startedAt: new Date(timing.startEpochMs).toISOString(),
    finishedAt: new Date(timing.endEpochMs).toISOString(),
    stoppedEarly: timing.stoppedEarly,
    target: { url: config.url, method: config.method, headers: config.headers, bodyBytes: config.body?.length ?? 0 },
    load: {
      mode,
      threads: config.threads,
      connections: config.connections,
      durationMs: config.durationMs,
      ratePerSec: config.ratePerSec,
      keepAlive: config.keepAlive,
      timeoutMs: config.timeoutMs,
      intervalMs: config.intervalMs,
    },
    server,
    env: currentEnv(),
    summary: {
      requests: aggregate.requests,
      durationMs,
      reqPerSec: aggregate.requests / seconds,
      bytesRead: aggregate.bytes,
      transferPerSec: aggregate.bytes / seconds,
      latencyUs: summarizeLatency(aggregate.corrected),
      uncorrectedLatencyUs: aggregate.uncorrected ? summarizeLatency(aggregate.uncorrected) : null,
      errors: { ...aggregate.errors },
      statusCounts: { ...aggregate.statusCounts },
      serverCloses: aggregate.serverCloses,
      inFlightAtEnd: aggregate.inFlightAtEnd,
      unsent: aggregate.unsent,
      threadReqPerSec: rateStats(aggregate.rateSamples),
    },
    histograms: {
      correctedUs: encodeHistogram(aggregate.corrected),
      uncorrectedUs: aggregate.uncorrected ? encodeHistogram(aggregate.uncorrected) : null,
    },
    series: aggregate.series,
  };
}
