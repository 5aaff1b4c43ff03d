// The per-interval series of shard records on one wall-clock axis, summed. Pure.
//
// A shard's point covers the interval ending `tMs` after its own time zero; shards' time zeros
// differ by their start lateness (and by clock skew between machines). Each point goes to the
// merged interval whose end is nearest its own wall-clock end, so a point moves by at most half
// an interval. Counts (requests, errors, bytes) are summed exactly. Interval percentiles cannot
// be added (the record keeps no interval histograms): a merged point keeps the latency of the one
// shard that answered in it, and is null (unknown) when several did.
import type { ErrorCounts, RunRecord } from '../common/runRecord.ts';

export type SeriesPointOf = RunRecord['series'][number];

export interface ShardSeries {
  /** The shard's time zero, epoch ms. */
  zeroEpochMs: number;
  points: readonly SeriesPointOf[];
}

function addErrors(into: ErrorCounts, add: ErrorCounts): ErrorCounts {
  const tls = into.tls === undefined && add.tls === undefined ? {} : { tls: (into.tls ?? 0) + (add.tls ?? 0) };
  return {
    connect: into.connect + add.connect,
    read: into.read + add.read,
    write: into.write + add.write,
    timeout: into.timeout + add.timeout,
    status: into.status + add.status,
    ...tls,
  };
}

interface Bucket {
  point: SeriesPointOf;
  /** Points that had a latency figure. */
  withLatency: number;
  /** Every point had errorsByKind. */
  byKindKnown: boolean;
}

/** The shards' series on the interval grid of `intervalMs` from `zeroEpochMs`, summed. */
export function mergeSeries(shards: readonly ShardSeries[], zeroEpochMs: number, intervalMs: number): SeriesPointOf[] {
  const buckets = new Map<number, Bucket>();
  for (const shard of shards) {
    for (const point of shard.points) {
      const wallOffsetMs = shard.zeroEpochMs - zeroEpochMs + point.tMs;
      const slot = Math.max(1, Math.round(wallOffsetMs / intervalMs));
      const bucket = buckets.get(slot);
      if (bucket === undefined) {
        buckets.set(slot, {
          point: { ...point, tMs: slot * intervalMs, ...(point.errorsByKind ? { errorsByKind: { ...point.errorsByKind } } : {}) },
          withLatency: point.latencyUs === null ? 0 : 1,
          byKindKnown: point.errorsByKind !== undefined,
        });
        continue;
      }
      const into = bucket.point;
      into.requests += point.requests;
      into.bytes += point.bytes;
      into.errors = into.errors === null || point.errors === null ? null : into.errors + point.errors;
      bucket.byKindKnown = bucket.byKindKnown && point.errorsByKind !== undefined;
      if (bucket.byKindKnown && into.errorsByKind && point.errorsByKind) into.errorsByKind = addErrors(into.errorsByKind, point.errorsByKind);
      if (point.latencyUs !== null) {
        bucket.withLatency++;
        into.latencyUs = bucket.withLatency === 1 ? point.latencyUs : null;
      }
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, bucket]) => {
      const { errorsByKind, ...rest } = bucket.point;
      return bucket.byKindKnown && errorsByKind ? { ...rest, errorsByKind } : rest;
    });
}

export { addErrors };
