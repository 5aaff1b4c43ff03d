// Builds the run record from the merged measurements: the one place the summary is computed.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { RUN_SCHEMA, type ConnRateHistograms, type ConnRateSummary, type MeasuredRunRecord, type SeriesPoint, type ServerInfo, type ShardInfo } from '../common/runRecord.ts';
import type { ConnRateTotals, RunAggregator } from './aggregator.ts';
import { meanConnectionRatePerSec } from '../common/connectionRate.ts';
import type { BenchConfig } from './config.ts';
import { currentEnv } from './env.ts';
import { minOf } from '../common/extent.ts';
import { encodeHistogram, summarizeLatency, summarizeMeasuredLatency } from '../common/histogram.ts';
import { completionRatio, latencyWithUnanswered } from '../common/censored.ts';
import { rateStats } from './stats.ts';
import { DEFAULT_TLS } from './tlsJob.ts';
import { TlsTotals } from './tlsTotals.ts';
import { shardConnections, shardOffsets } from './shard.ts';
import { workerThreadCount } from './workerThreads.ts';

/**
 * The load this process ran and, for a shard, its part of the whole (docs/contracts.md, "Shards"):
 * its connections and its share of the rate (each connection keeps its interval in the whole).
 */
function ownLoad(config: BenchConfig, timing: RunTiming): { connections: number; ratePerSec: number | null; shard: ShardInfo | null } {
  const connRate = config.connRate;
  const wholeConnections = connRate ? connRate.numConns : config.connections;
  const wholeRate = connRate ? meanConnectionRatePerSec(connRate.spacing) : config.ratePerSec;
  const shard = config.shard;
  if (shard === null || shard === undefined) return { connections: wholeConnections, ratePerSec: wholeRate, shard: null };
  const connections = connRate
    ? shardOffsets(Array.from({ length: wholeConnections }, (_, j) => j), shard).length
    : shardConnections(wholeConnections, shard).count;
  const startAtMs = config.startAtEpochMs ?? null;
  return {
    connections,
    ratePerSec: wholeRate === null ? null : (wholeRate * connections) / wholeConnections,
    shard: {
      index: shard.index,
      count: shard.count,
      startAtMs,
      latenessMs: startAtMs === null ? null : (timing.latenessMs ?? null),
      host: hostname(),
      whole: { connections: wholeConnections, ratePerSec: wholeRate },
    },
  };
}

export interface RunTiming {
  startEpochMs: number;
  endEpochMs: number;
  stoppedEarly: boolean;
  /** The duration asked for, or a connection schedule's span. */
  plannedDurationMs: number;
  /** CPU this process used during the run (all threads), µs. */
  cpu: NodeJS.CpuUsage;
  /** With a start instant (--start-at): how long after it the schedule began, ms; else null. */
  latenessMs?: number | null;
}

export interface RecordContext {
  server?: ServerInfo;
  requestBytes: number;
}

/** httperf samples the reply rate over 5 s windows. */
export const REPLY_RATE_WINDOW_MS = 5000;

/** Replies per second in each full 5 s window of the series. */
export function replyRateSamples(series: ReadonlyArray<Pick<SeriesPoint, 'tMs' | 'requests'>>): number[] {
  const samples: number[] = [];
  let windowStartMs = 0;
  let replies = 0;
  for (const point of series) {
    replies += point.requests;
    if (point.tMs - windowStartMs >= REPLY_RATE_WINDOW_MS - 1) {
      samples.push((replies * 1000) / (point.tMs - windowStartMs));
      windowStartMs = point.tMs;
      replies = 0;
    }
  }
  return samples;
}

function connRateSummary(totals: ConnRateTotals, aggregate: RunAggregator, timing: RunTiming, requestBytes: number): ConnRateSummary {
  const samples = replyRateSamples(aggregate.series);
  const rates = rateStats(samples);
  return {
    started: totals.started,
    completed: totals.completed,
    peakConcurrent: totals.peakConcurrent,
    maxConnectBurst: totals.maxConnectBurst,
    connectUs: summarizeLatency(totals.connect),
    lifetimeUs: summarizeLatency(totals.lifetime),
    responseUs: summarizeLatency(totals.response),
    transferUs: summarizeLatency(totals.transfer),
    ...(totals.tlsHandshake ? { tlsHandshakeUs: summarizeLatency(totals.tlsHandshake) } : {}),
    requestBytes,
    replyHeaderBytes: totals.replyHeaderBytes,
    replyContentBytes: totals.replyContentBytes,
    bytesSent: totals.bytesSent,
    replyRate: { min: samples.length ? minOf(samples, Infinity) : 0, mean: rates.mean, max: rates.max, stdev: rates.stdev, samples: rates.samples },
    errors: { ...totals.errors },
    cpuUserS: timing.cpu.user / 1e6,
    cpuSystemS: timing.cpu.system / 1e6,
  };
}

/**
 * Completion and the unanswered requests (docs/contracts.md, "Unanswered requests"). Rate and
 * max mode: scheduled = answered + in flight at the end + unsent + given up. Connection-rate
 * mode: scheduled = the calls of the connections started; its unanswered requests are not
 * censored (httperf's figures are per connection phase, not one latency). With no response at
 * all there is no latency figure, bounded or not (its histogram still keeps the waits).
 */
function completionFigures(aggregate: RunAggregator, mode: MeasuredRunRecord['load']['mode'], numCalls: number) {
  if (mode === 'conn-rate') {
    const scheduled = (aggregate.connRate?.started ?? 0) * numCalls;
    return { scheduled, completion: completionRatio(aggregate.requests, scheduled), unanswered: null, latencyWithUnansweredUs: null };
  }
  const count = aggregate.inFlightAtEnd + aggregate.unsent + aggregate.failed;
  const scheduled = aggregate.requests + count;
  return {
    scheduled,
    completion: completionRatio(aggregate.requests, scheduled),
    unanswered: { count, failed: aggregate.failed },
    // With no response at all the latency is unknown, not bounded: nothing was measured.
    latencyWithUnansweredUs: aggregate.requests === 0 ? null : latencyWithUnanswered(aggregate.corrected, aggregate.unanswered),
  };
}

/** The phase histograms behind `summary.connRate`, kept so that shards' records add exactly. */
function connRateHistograms(totals: ConnRateTotals): ConnRateHistograms {
  return {
    connectUs: encodeHistogram(totals.connect),
    lifetimeUs: encodeHistogram(totals.lifetime),
    responseUs: encodeHistogram(totals.response),
    transferUs: encodeHistogram(totals.transfer),
    ...(totals.tlsHandshake ? { tlsHandshakeUs: encodeHistogram(totals.tlsHandshake) } : {}),
  };
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
  context: RecordContext,
): MeasuredRunRecord {
  const mode = config.connRate !== null ? 'conn-rate' : config.ratePerSec === null ? 'max' : 'rate';
  // Rate and max mode wait after their duration for the responses in flight (loadWorker's drain):
  // those responses count, but over the duration the load ran, not the wait after it.
  const elapsedMs = timing.endEpochMs - timing.startEpochMs;
  const durationMs = Math.max(1, mode !== 'conn-rate' && !timing.stoppedEarly ? Math.min(elapsedMs, timing.plannedDurationMs) : elapsedMs);
  const seconds = durationMs / 1000;
  const connRate = config.connRate;
  const https = config.url.toLowerCase().startsWith('https:');
  // https: errors.tls is always there; http: only when a TLS failure turned up (docs/contracts.md).
  const tls = aggregate.tls ?? (https ? new TlsTotals() : null);
  const errors = { ...aggregate.errors, ...(https ? { tls: aggregate.errors.tls ?? 0 } : {}) };
  const own = ownLoad(config, timing);
  return {
    schema: RUN_SCHEMA,
    id: newRunId(timing.startEpochMs),
    title: `${config.method} ${config.url}`,
    notes: '',
    tags: [],
    startedAt: new Date(timing.startEpochMs).toISOString(),
    finishedAt: new Date(timing.endEpochMs).toISOString(),
    stoppedEarly: timing.stoppedEarly,
    target: { url: config.url, method: config.method, headers: config.headers, bodyBytes: config.body?.length ?? 0, ...(https ? { tls: { ...(config.tls ?? DEFAULT_TLS) } } : {}) },
    load: {
      mode,
      threads: config.threads,
      workerThreads: workerThreadCount(config.threads, config.workerThreads),
      connections: own.connections,
      durationMs: timing.plannedDurationMs,
      ratePerSec: own.ratePerSec,
      keepAlive: config.keepAlive,
      timeoutMs: config.timeoutMs,
      intervalMs: config.intervalMs,
      ...(connRate ? { connRate } : {}),
    },
    server: context.server ?? { kind: 'unknown' },
    env: currentEnv(),
    summary: {
      requests: aggregate.requests,
      durationMs,
      // Throughput is what was answered within the duration (as wrk2 counts it); the responses the
      // drain collected count for completion and latency, not as throughput after the load ended.
      reqPerSec: (aggregate.requests - aggregate.drained) / seconds,
      bytesRead: aggregate.bytes,
      transferPerSec: aggregate.bytes / seconds,
      latencyUs: summarizeMeasuredLatency(aggregate.corrected),
      uncorrectedLatencyUs: aggregate.uncorrected ? summarizeMeasuredLatency(aggregate.uncorrected) : null,
      errors,
      statusCounts: { ...aggregate.statusCounts },
      serverCloses: aggregate.serverCloses,
      inFlightAtEnd: aggregate.inFlightAtEnd,
      unsent: aggregate.unsent,
      threadReqPerSec: rateStats(aggregate.rateSamples),
      connects: aggregate.connects,
      ...(mode === 'conn-rate' ? {} : { drained: aggregate.drained }),
      ...(aggregate.connRate ? { connRate: connRateSummary(aggregate.connRate, aggregate, timing, context.requestBytes) } : { connectErrorCauses: { ...aggregate.connectCauses } }),
      ...completionFigures(aggregate, mode, connRate?.numCalls ?? 1),
      ...(tls ? { tls: tls.summary() } : {}),
    },
    histograms: {
      correctedUs: encodeHistogram(aggregate.corrected),
      uncorrectedUs: aggregate.uncorrected ? encodeHistogram(aggregate.uncorrected) : null,
      unansweredUs: mode === 'conn-rate' ? null : encodeHistogram(aggregate.unanswered),
      ...(tls ? { tlsHandshakeUs: encodeHistogram(tls.handshakeUs) } : {}),
      ...(aggregate.connRate ? { connRateUs: connRateHistograms(aggregate.connRate) } : {}),
    },
    series: aggregate.series,
    ...(own.shard ? { shard: own.shard } : {}),
  };
}
