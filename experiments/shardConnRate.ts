// Connection-rate mode's figures of a merged run, from the shards' phase histograms (added
// exactly) and counts (summed). Pure.
import { replyRateSamples } from '../bench-runner/record.ts';
import { rateStats } from '../bench-runner/stats.ts';
import { maxOf, minOf } from '../common/extent.ts';
import { readSum, summarizeLatency } from '../common/histogram.ts';
import type { ConnErrorKinds, ConnRateHistograms, LatencySummary, PartialConnRateSummary, RunRecord, SeriesPoint } from '../common/runRecord.ts';

type Phase = Exclude<keyof ConnRateHistograms, 'tlsHandshakeUs'>;
const PHASES: readonly Phase[] = ['connectUs', 'lifetimeUs', 'responseUs', 'transferUs'];

export interface ConnRateShard {
  summary: PartialConnRateSummary;
  histograms: ConnRateHistograms;
}

/** The records' connection-rate parts; a message naming the first run that lacks them. */
export function connRateShards(records: readonly RunRecord[]): ConnRateShard[] | string {
  const shards: ConnRateShard[] = [];
  for (const record of records) {
    const summary = record.summary.connRate;
    const histograms = record.histograms.connRateUs;
    if (summary === undefined || histograms === undefined) {
      return `run ${record.id} has no connection-phase histograms (a record written before they were kept): its connection times cannot be added`;
    }
    shards.push({ summary, histograms });
  }
  return shards;
}

function summed(encoded: readonly string[]): LatencySummary {
  return readSum(encoded, summarizeLatency);
}

function sumNullable(values: ReadonlyArray<number | null>): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

function addKinds(shards: readonly ConnRateShard[]): ConnErrorKinds {
  const total: ConnErrorKinds = { clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 };
  for (const shard of shards) for (const kind of Object.keys(total) as Array<keyof ConnErrorKinds>) total[kind] += shard.summary.errors[kind];
  return total;
}

/**
 * The merged `summary.connRate`. Phase times from the added histograms; counts, bytes, errors and
 * CPU summed; the reply rate sampled again over the merged series (5 s windows, as httperf);
 * `peakConcurrent` the sum of the shards' peaks, an upper bound as it already is over threads.
 */
export function mergeConnRate(shards: readonly ConnRateShard[], series: ReadonlyArray<Pick<SeriesPoint, 'tMs' | 'requests'>>): PartialConnRateSummary {
  const phases = Object.fromEntries(PHASES.map((phase) => [phase, summed(shards.map((shard) => shard.histograms[phase]))])) as Record<Phase, LatencySummary>;
  const tlsHistograms = shards.map((shard) => shard.histograms.tlsHandshakeUs);
  const tls = tlsHistograms.every((value): value is string => value !== undefined) && tlsHistograms.length > 0 ? { tlsHandshakeUs: summed(tlsHistograms) } : {};
  const samples = replyRateSamples(series);
  const rates = rateStats(samples);
  const requestBytes = shards.map((shard) => shard.summary.requestBytes);
  const bursts = shards.map((shard) => shard.summary.maxConnectBurst);
  return {
    started: shards.reduce((total, shard) => total + shard.summary.started, 0),
    completed: shards.reduce((total, shard) => total + shard.summary.completed, 0),
    peakConcurrent: shards.reduce((total, shard) => total + shard.summary.peakConcurrent, 0),
    maxConnectBurst: bursts.some((value) => value === null) ? null : maxOf(bursts.map((value) => value ?? 0), 0),
    connectUs: phases.connectUs,
    lifetimeUs: phases.lifetimeUs,
    responseUs: phases.responseUs,
    transferUs: phases.transferUs,
    ...tls,
    requestBytes: new Set(requestBytes).size === 1 ? (requestBytes[0] ?? null) : null,
    replyHeaderBytes: sumNullable(shards.map((shard) => shard.summary.replyHeaderBytes)),
    replyContentBytes: sumNullable(shards.map((shard) => shard.summary.replyContentBytes)),
    bytesSent: sumNullable(shards.map((shard) => shard.summary.bytesSent)),
    replyRate: { min: samples.length > 0 ? minOf(samples, Infinity) : 0, mean: rates.mean, max: rates.max, stdev: rates.stdev, samples: rates.samples },
    errors: addKinds(shards),
    cpuUserS: sumNullable(shards.map((shard) => shard.summary.cpuUserS)),
    cpuSystemS: sumNullable(shards.map((shard) => shard.summary.cpuSystemS)),
  };
}
