// One run record from the records of the N shards of a load (`bench --shard I/N`). Pure but for
// the new record's id.
//
// Exact where the records allow it: the corrected, uncorrected and unanswered histograms are
// added (HdrHistograms add exactly, so every percentile of the merged run is the percentile of
// all its values, never an average of percentiles); counts, errors, status codes and scheduled
// requests are summed, so completion is over the whole schedule. Throughput is the answered
// requests over the span from the earliest shard's time zero to the latest shard's end.
//
// It refuses records that are not one load split into shards (different target, load shape,
// shard count, or the same shard twice) and, unless `partial`, a merge with a shard missing or
// failed (its run stopped early), naming the shard. A partial merge holds the shards it could
// merge and says so in `merge.partial`; its load is the part that ran.
import { newRunId } from '../bench-runner/record.ts';
import { completionRatio, latencyWithUnanswered } from '../common/censored.ts';
import { maxOf, minOf } from '../common/extent.ts';
import { decodeHistogram, encodeHistogram, readSum, summarizeMeasuredLatency } from '../common/histogram.ts';
import type { JsHistogram } from 'hdr-histogram-js';
import type { ConnRateHistograms, ErrorCounts, MergeInfo, RunRecord, ShardInfo } from '../common/runRecord.ts';
import { addErrors, mergeSeries } from './shardSeries.ts';
import { allEqual, mergedEnv, mergedTls, pooledRates } from './shardFigures.ts';
import { connRateShards, mergeConnRate } from './shardConnRate.ts';

export class ShardMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardMergeError';
  }
}

export interface ShardMergeOptions {
  /** Merge what is there when a shard is missing or failed; the record says it is partial. */
  partial: boolean;
  /** The merged run's title; default "<method> <url> (N shards)". */
  title?: string;
}

type ShardRecord = RunRecord & { shard: ShardInfo };

/** Rates are sums of per-connection rates in floating point: equal within this ratio. */
const RATE_TOLERANCE = 1e-9;

function shardName(shard: Pick<ShardInfo, 'index' | 'count'>): string {
  return `shard ${shard.index}/${shard.count}`;
}

function sameRate(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= RATE_TOLERANCE * Math.max(a, b);
}

/** Epoch ms of a record's time zero (its schedule's start). */
function zeroOf(record: ShardRecord): number {
  const startAtMs = record.shard.startAtMs;
  if (startAtMs !== null && record.shard.latenessMs !== null) return startAtMs + record.shard.latenessMs;
  if (record.startedAt === null) throw new ShardMergeError(`${shardName(record.shard)} (run ${record.id}) has no start time`);
  return Date.parse(record.startedAt);
}

/** The fields every shard of one load must have alike, as [name, value] for a clear refusal. */
function shapeOf(record: ShardRecord): Array<[string, unknown]> {
  const { target, load, shard } = record;
  return [
    ['target URL', target.url],
    ['method', target.method],
    ['headers', JSON.stringify(target.headers)],
    ['body bytes', target.bodyBytes],
    ['mode', load.mode],
    ['threads per shard', load.threads],
    ['duration (ms)', load.durationMs],
    ['keep-alive', load.keepAlive],
    ['timeout (ms)', load.timeoutMs],
    ['interval (ms)', load.intervalMs],
    ['connection schedule', JSON.stringify(load.connRate ?? null)],
    ['shard count', shard.count],
    ['total connections', shard.whole.connections],
    ['start instant (--start-at)', shard.startAtMs],
  ];
}

function checkAlike(records: readonly ShardRecord[]): void {
  const [first, ...rest] = records;
  if (first === undefined) return;
  const expected = shapeOf(first);
  for (const record of rest) {
    shapeOf(record).forEach(([name, value], i) => {
      const want = expected[i]?.[1];
      if (value !== want) {
        throw new ShardMergeError(
          `${shardName(record.shard)} (run ${record.id}) differs in ${name}: ${String(value)}, while ${shardName(first.shard)} (run ${first.id}) has ${String(want)}`,
        );
      }
    });
    if (!sameRate(record.shard.whole.ratePerSec, first.shard.whole.ratePerSec)) {
      throw new ShardMergeError(
        `${shardName(record.shard)} (run ${record.id}) differs in total rate: ${String(record.shard.whole.ratePerSec)}/s, while ${shardName(first.shard)} (run ${first.id}) has ${String(first.shard.whole.ratePerSec)}/s`,
      );
    }
  }
}

function asShards(records: readonly RunRecord[]): ShardRecord[] {
  if (records.length === 0) throw new ShardMergeError('no shard records to merge');
  return records.map((record) => {
    if (record.shard === undefined) throw new ShardMergeError(`run ${record.id} is not a shard record (it was not made with bench --shard I/N)`);
    return record as ShardRecord;
  });
}

/** Sum of encoded histograms; null when none is there, and refused when only some are. */
function sumHistograms(records: readonly ShardRecord[], pick: (record: ShardRecord) => string | null | undefined, what: string): string | null {
  const encoded = records.map(pick);
  const present = encoded.filter((value): value is string => typeof value === 'string');
  if (present.length === 0) return null;
  if (present.length < encoded.length) {
    const lacking = records.find((record) => typeof pick(record) !== 'string');
    throw new ShardMergeError(`${lacking ? shardName(lacking.shard) : 'a shard'} has no ${what} histogram while others have one`);
  }
  return addEncoded(present);
}

/** Encoded histograms added into one. */
function addEncoded(encoded: readonly string[]): string {
  return readSum(encoded, encodeHistogram);
}

function withHistogram<T>(base64: string | null, use: (histogram: JsHistogram | null) => T): T {
  if (base64 === null) return use(null);
  const histogram = decodeHistogram(base64);
  try {
    return use(histogram);
  } finally {
    histogram.destroy();
  }
}

function sumOf(records: readonly ShardRecord[], pick: (record: ShardRecord) => number): number {
  return records.reduce((total, record) => total + pick(record), 0);
}

/** Sum when every record has the figure; null (unknown) when any lacks it. */
function sumKnown(records: readonly ShardRecord[], pick: (record: ShardRecord) => number | null | undefined): number | null {
  let total = 0;
  for (const record of records) {
    const value = pick(record);
    if (value === null || value === undefined) return null;
    total += value;
  }
  return total;
}

function sumCounts(maps: ReadonlyArray<Readonly<Record<string, number>> | null | undefined>): Record<string, number> | null {
  const total: Record<string, number> = {};
  for (const map of maps) {
    if (map === null || map === undefined) return null;
    for (const [key, count] of Object.entries(map)) total[key] = (total[key] ?? 0) + count;
  }
  return total;
}

function isFailed(record: ShardRecord): boolean {
  return record.stoppedEarly === true;
}

/** Connection-rate mode: the merged phase figures and their summed histograms. */
function connRateParts(records: readonly ShardRecord[], series: RunRecord['series']): { summary: NonNullable<RunRecord['summary']['connRate']>; histograms: ConnRateHistograms } {
  const shards = connRateShards(records);
  if (typeof shards === 'string') throw new ShardMergeError(shards);
  const all = shards.map((shard) => shard.histograms);
  const tls = all.map((histograms) => histograms.tlsHandshakeUs);
  const tlsPresent = tls.filter((value): value is string => value !== undefined);
  return {
    summary: mergeConnRate(shards, series),
    histograms: {
      connectUs: addEncoded(all.map((histograms) => histograms.connectUs)),
      lifetimeUs: addEncoded(all.map((histograms) => histograms.lifetimeUs)),
      responseUs: addEncoded(all.map((histograms) => histograms.responseUs)),
      transferUs: addEncoded(all.map((histograms) => histograms.transferUs)),
      ...(tlsPresent.length === tls.length && tls.length > 0 ? { tlsHandshakeUs: addEncoded(tlsPresent) } : {}),
    },
  };
}

/** The shards' status: merged / failed / missing, by index; refuses duplicates. */
function shardTable(records: readonly ShardRecord[], count: number): Array<ShardRecord | null> {
  const table: Array<ShardRecord | null> = Array.from({ length: count }, () => null);
  for (const record of records) {
    const { index } = record.shard;
    if (index >= count) throw new ShardMergeError(`run ${record.id} claims shard index ${index} of ${count}`);
    const other = table[index];
    if (other) throw new ShardMergeError(`${shardName(record.shard)} appears twice: runs ${other.id} and ${record.id}`);
    table[index] = record;
  }
  return table;
}

export function mergeShardRecords(records: readonly RunRecord[], options: ShardMergeOptions): RunRecord {
  const shards = asShards(records);
  checkAlike(shards);
  const [first] = shards;
  if (first === undefined) throw new ShardMergeError('no shard records to merge');
  const count = first.shard.count;
  const table = shardTable(shards, count);

  const missing = table.flatMap((record, index) => (record === null ? [index] : []));
  const failed = shards.filter(isFailed);
  if (!options.partial && (missing.length > 0 || failed.length > 0)) {
    const problems = [
      ...missing.map((index) => `${shardName({ index, count })} is missing`),
      ...failed.map((record) => `${shardName(record.shard)} failed (run ${record.id} stopped early)`),
    ];
    throw new ShardMergeError(`${problems.join('; ')}: refusing to merge ${shards.length} of ${count} shards (--partial merges what is there)`);
  }
  // A failed shard ran part of its schedule: what it measured is data, so a partial merge keeps it.
  const merged = shards.slice().sort((a, b) => a.shard.index - b.shard.index);
  const partial = missing.length > 0 || failed.length > 0;

  const zeros = merged.map(zeroOf);
  const zeroEpochMs = minOf(zeros, Infinity);
  const endEpochMs = maxOf(merged.map((record, i) => (zeros[i] ?? zeroEpochMs) + record.summary.durationMs), zeroEpochMs);
  const durationMs = Math.max(1, endEpochMs - zeroEpochMs);
  const seconds = durationMs / 1000;

  const correctedUs = sumHistograms(merged, (record) => record.histograms.correctedUs, 'corrected latency');
  const uncorrectedUs = sumHistograms(merged, (record) => record.histograms.uncorrectedUs, 'uncorrected latency');
  const unansweredUs = sumHistograms(merged, (record) => record.histograms.unansweredUs, 'unanswered');
  const tlsHandshakeUs = sumHistograms(merged, (record) => record.histograms.tlsHandshakeUs, 'TLS handshake');

  const requests = sumOf(merged, (record) => record.summary.requests);
  const drained = sumKnown(merged, (record) => record.summary.drained);
  const bytesRead = sumKnown(merged, (record) => record.summary.bytesRead);
  const scheduled = sumKnown(merged, (record) => record.summary.scheduled);
  const errorsList = merged.map((record) => record.summary.errors);
  const errors = errorsList.every((value): value is ErrorCounts => value !== null) ? errorsList.reduce(addErrors, { connect: 0, read: 0, write: 0, timeout: 0, status: 0 }) : null;
  const unansweredCounts = merged.map((record) => record.summary.unanswered);
  const unanswered = unansweredCounts.every((value) => value !== null && value !== undefined)
    ? { count: sumOf(merged, (record) => record.summary.unanswered?.count ?? 0), failed: sumOf(merged, (record) => record.summary.unanswered?.failed ?? 0) }
    : null;
  const connectCauses = sumCounts(merged.map((record) => record.summary.connectErrorCauses));
  const connects = sumKnown(merged, (record) => record.summary.connects);
  const tls = mergedTls(merged);
  const intervalMs = first.load.intervalMs;
  if (intervalMs === null) throw new ShardMergeError(`run ${first.id} has no sample interval: its series cannot be aligned`);
  const series = mergeSeries(
    merged.map((record, i) => ({ zeroEpochMs: zeros[i] ?? zeroEpochMs, points: record.series })),
    zeroEpochMs,
    intervalMs,
  );
  const connRate = first.load.mode === 'conn-rate' ? connRateParts(merged, series) : null;

  const summaries = withHistogram(correctedUs, (corrected) =>
    withHistogram(unansweredUs, (censored) => ({
      latencyUs: corrected === null ? first.summary.latencyUs : summarizeMeasuredLatency(corrected),
      latencyWithUnansweredUs: corrected === null || censored === null || requests === 0 ? null : latencyWithUnanswered(corrected, censored),
    })),
  );
  const uncorrectedLatencyUs = withHistogram(uncorrectedUs, (uncorrected) => (uncorrected === null ? null : summarizeMeasuredLatency(uncorrected)));

  const whole = first.shard.whole;
  const connections = partial ? sumOf(merged, (record) => record.load.connections ?? 0) : whole.connections;
  const ratePerSec = partial ? sumKnown(merged, (record) => record.load.ratePerSec) : whole.ratePerSec;
  const startAtMs = first.shard.startAtMs;
  const merge: MergeInfo = {
    partial,
    count,
    startAtMs,
    shards: table.map((record, index) =>
      record === null
        ? { index, runId: null, host: null, latenessMs: null, status: 'missing' as const }
        : { index, runId: record.id, host: record.shard.host, latenessMs: record.shard.latenessMs, status: isFailed(record) ? ('failed' as const) : ('merged' as const) },
    ),
  };
  const finishedAt = merged.map((record) => record.finishedAt).every((value) => value !== null)
    ? new Date(maxOf(merged.map((record) => Date.parse(record.finishedAt ?? '')), -Infinity)).toISOString()
    : null;

  return {
    schema: first.schema,
    id: newRunId(zeroEpochMs),
    title: options.title ?? `${first.target.method ?? 'GET'} ${first.target.url} (${count} shards${partial ? `, partial: ${merged.length} of ${count}` : ''})`,
    notes: '',
    tags: [],
    startedAt: new Date(zeroEpochMs).toISOString(),
    finishedAt,
    stoppedEarly: merged.some((record) => record.stoppedEarly === true),
    target: first.target,
    load: {
      ...first.load,
      threads: sumOf(merged, (record) => record.load.threads ?? 0),
      // Summed when every shard says how many carried its threads; unknown (absent) otherwise.
      workerThreads: merged.every((record) => record.load.workerThreads !== undefined) ? sumOf(merged, (record) => record.load.workerThreads ?? 0) : undefined,
      connections,
      ratePerSec,
    },
    server: allEqual(merged.map((record) => record.server)) ?? { kind: 'unknown' },
    env: mergedEnv(merged),
    summary: {
      requests,
      durationMs,
      reqPerSec: (requests - (drained ?? 0)) / seconds,
      bytesRead,
      transferPerSec: bytesRead === null ? null : bytesRead / seconds,
      latencyUs: summaries.latencyUs,
      uncorrectedLatencyUs,
      errors,
      statusCounts: sumCounts(merged.map((record) => record.summary.statusCounts)),
      serverCloses: sumKnown(merged, (record) => record.summary.serverCloses),
      inFlightAtEnd: sumKnown(merged, (record) => record.summary.inFlightAtEnd),
      unsent: sumKnown(merged, (record) => record.summary.unsent),
      threadReqPerSec: pooledRates(merged.map((record) => record.summary.threadReqPerSec)),
      ...(connects === null ? {} : { connects }),
      ...(drained === null ? {} : { drained }),
      ...(connectCauses === null ? {} : { connectErrorCauses: connectCauses as NonNullable<RunRecord['summary']['connectErrorCauses']> }),
      scheduled,
      completion: scheduled === null ? null : completionRatio(requests, scheduled),
      unanswered,
      latencyWithUnansweredUs: summaries.latencyWithUnansweredUs,
      ...(tls === null ? {} : { tls }),
      ...(connRate === null ? {} : { connRate: connRate.summary }),
    },
    histograms: {
      correctedUs,
      uncorrectedUs,
      unansweredUs,
      ...(tlsHandshakeUs === null ? {} : { tlsHandshakeUs }),
      ...(connRate === null ? {} : { connRateUs: connRate.histograms }),
    },
    series,
    merge,
  };
}

